// The full viewer page: controls built from the Wasm's catalog, the view kept in the URL, the
// language, the sources panel, downloads and the embed code. The chart itself (tooltips,
// keyboard, table) is a ChartWidget; all chart state lives in the Rust Viewer.
import { chartFor, completeBuild, speaks, startViewer, viewerLike } from "./builds.js";
import { ChartWidget, element, showAlert, trapped } from "./chart-widget.js";

const $ = (selector) => document.querySelector(selector);
const embedded = new URLSearchParams(location.search).get("embed") === "1";
const status = $("#status");
const alertBox = $("#alert");
const notice = $("#notice");
const form = $("#controls");
const componentSelect = $("#component");
const metricSelect = $("#metric");
const fySelect = $("#fy");
const langSelect = $("#lang");
const tableWrap = $("#data-table-wrap");
const tableToggle = $("#table-toggle");
const controlsToggle = $("#controls-toggle");

if (embedded) document.documentElement.classList.add("embed");

// Interface strings in the current language, from the Wasm (English until it loads).
let strings = {};
const say = (key, ...args) => (strings[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[i] ?? "");

function showError(message) {
  showAlert(alertBox, message);
  status.textContent = "";
}

function option(value, text) {
  const o = element("option", text);
  o.value = value;
  return o;
}

/** Puts every [data-i18n] text and [data-i18n-label] aria-label in the current language. */
function applyStrings(lang) {
  document.documentElement.lang = lang;
  // The status line says what is happening now (empty once the chart is drawn), not its first words.
  for (const e of document.querySelectorAll("[data-i18n]")) if (e !== status) e.textContent = strings[e.dataset.i18n];
  for (const e of document.querySelectorAll("[data-i18n-label]")) {
    if (e.id !== "chart-canvas") e.setAttribute("aria-label", strings[e.dataset.i18nLabel]);
  }
  tableToggle.textContent = say(tableToggle.getAttribute("aria-expanded") === "true" ? "hide_table" : "show_table");
}

function buildViewChoices(views, current) {
  const menu = $("#view");
  // index.html carries the options from the first paint: kept while they say the same, since a
  // menu rebuilt under the reader's focus loses its place.
  const shown = Array.from(menu.options, (o) => `${o.value}:${o.textContent}`);
  if (shown.join() !== views.map((v) => `${v.id}:${v.name}`).join()) menu.replaceChildren(...views.map((v) => option(v.id, v.name)));
  menu.value = current;
}

// The measure menu offers what makes sense for the view: a component's own measures in the
// component view (that year) and trend view (any year), every measure grouped by kind otherwise.
function buildMetricOptions(cat, state, offered) {
  metricSelect.replaceChildren();
  if (state.view === "component" || state.view === "trend") {
    for (const m of cat.metrics.filter((m) => offered.includes(m.id))) metricSelect.append(option(m.id, m.name));
  } else {
    const groups = new Map();
    for (const m of cat.metrics) {
      if (!groups.has(m.kind)) {
        const g = element("optgroup");
        g.label = m.kind_name;
        groups.set(m.kind, g);
      }
      if (offered.includes(m.id)) groups.get(m.kind).append(option(m.id, m.components.length > 1 ? m.name : `${m.name} (${m.components.join(", ").toUpperCase()})`));
    }
    for (const g of groups.values()) if (g.children.length) metricSelect.append(g);
  }
  metricSelect.value = state.metric;
}

/** Flips a disclosure button's aria-expanded; returns whether it is now open. */
function toggleExpanded(button) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  return open;
}

// Phones fold the controls behind #controls-toggle (www/style.css); it says what is chosen.
controlsToggle.addEventListener("click", () => toggleExpanded(controlsToggle));
controlsToggle.disabled = false;

/** The current choice in words, read from the controls: "Compare components: Arrests, 2024". */
function showChoice(view) {
  const picked = (select) => select.selectedOptions[0]?.textContent ?? "";
  const parts = {
    component: [componentSelect, fySelect],
    metric: [metricSelect, fySelect],
    trend: [componentSelect, metricSelect],
    pipeline: [fySelect],
  }[view] ?? [];
  const name = $("#view").selectedOptions[0]?.textContent ?? "";
  $("#controls-now").textContent = `${name}: ${parts.map(picked).filter(Boolean).join(", ")}`;
}

tableToggle.addEventListener("click", () => {
  const show = toggleExpanded(tableToggle);
  tableToggle.textContent = say(show ? "hide_table" : "show_table");
  tableWrap.classList.toggle("visually-hidden", !show);
});

/** The page's address for a view; `embed` is kept, everything else comes from the Viewer. */
function address(query, { embed = embedded } = {}) {
  const all = [query, embed ? "embed=1" : ""].filter(Boolean).join("&");
  return `${location.pathname}${all ? `?${all}` : ""}`;
}

function download(blob, name) {
  // Blob URLs work inside iframes and under the strict CSP.
  const url = URL.createObjectURL(blob);
  const a = element("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The provenance panel: each source of the view, its kind, and the figures it gives. */
function fillSources(list, sources) {
  list.replaceChildren(...sources.map((s) => {
    const li = element("li");
    const link = element("a", s.title);
    link.href = s.url;
    const kind = element("span", say(`kind_${s.kind}`), `kind ${s.kind}`);
    const about = element("p", say(s.kind === "secondary" ? "source_secondary" : "source_primary"));
    li.append(link, ` — ${s.publisher}${s.date ? `, ${s.date}` : ""}`, kind, about);
    if (s.url_note) li.append(element("p", s.url_note));
    const figures = element("ul");
    figures.append(...s.figures.map((f) => element("li", f)));
    li.append(figures);
    return li;
  }));
}

// The controls are in index.html from the first paint (examples/prerender.rs), before the Wasm:
// a choice made meanwhile is marked as waiting, and applied in order once the chart is live.
const early = [];
const waiting = (event) => {
  if (!event.target.name) return;
  early.push([event.target.name, event.target.value]);
  event.target.closest(".field, fieldset")?.classList.add("waiting");
  event.target.setAttribute("aria-busy", "true");
  // In the page's language: index.html's English, or www/first-view.js's translation.
  status.textContent = status.dataset.waiting;
};
// The language menu is one of the form's controls: its changes come through the form too.
form.addEventListener("change", waiting);
const stopWaiting = () => {
  form.removeEventListener("change", waiting);
  for (const e of document.querySelectorAll(".waiting")) e.classList.remove("waiting");
  for (const e of document.querySelectorAll("[aria-busy=true]:is(input, select)")) e.removeAttribute("aria-busy");
};

/** Resolves when www/first.js is no longer looking up the URL's prerendered view (at most 4 s). */
function firstPaintSettled() {
  const root = document.documentElement;
  return new Promise((resolve) => {
    const check = (observer) => !root.classList.contains("first-pending") && (observer?.disconnect(), resolve(), true);
    if (!check()) new MutationObserver((_, observer) => check(observer)).observe(root, { attributes: true, attributeFilter: ["class"] });
  });
}

async function main() {
  // The build that speaks the URL's language: the lean one unless it is Spanish (builds.js).
  let build, viewer, cat;
  try {
    ({ build, viewer } = await startViewer($("#chart-canvas"), () => new URLSearchParams(location.search).get("lang"), () => ({})));
  } catch (error) {
    stopWaiting();
    if (error.stage !== "load") return showError(error.message);
    // The prerendered image and its table stay: once www/first.js has put in the URL's view (or
    // found none), say whether the image is all there is.
    await firstPaintSettled();
    // Without the Wasm the controls can change nothing.
    // The language menu is one of the form's elements.
    for (const control of [...form.elements, controlsToggle]) control.disabled = true;
    const still = document.documentElement.classList.contains("first-none") ? "" : " What you see is a still image of the chart: it does not respond to the controls. Its figures are in the table below.";
    showError(`${error.message}${still} The figures are in the source linked below.`);
    $("#chart").classList.add("failed");
    $("#chart").setAttribute("aria-busy", "false");
    return;
  }

  // Open the view the URL names; say politely which parameters were not used, as plain text.
  const openFromUrl = () => {
    const problems = viewer.setQuery(location.search);
    cat = build.catalog(viewer.view.lang);
    strings = cat.strings;
    notice.hidden = problems.length === 0;
    notice.textContent = problems.length ? `${say("notice")} ${problems.join(". ")}.` : "";
    return problems.length;
  };
  if (openFromUrl()) history.replaceState(null, "", address(viewer.query));

  const widget = new ChartWidget(
    {
      figure: $("#chart"), canvas: $("#chart-canvas"), highlight: $("#highlight"), tooltip: $("#tooltip"),
      summary: $("#chart-summary"), live: $("#live"), table: $("#data-table"),
      heading: $("#chart-heading"), subtitle: $("#chart-subtitle"), source: $("#chart-source"),
    },
    viewer,
    {
      strings,
      onError: showError,
      onDraw: (changed) => {
        alertBox.hidden = true;
        status.textContent = "";
        $("#full-link").href = address(viewer.query, { embed: false });
        if (changed) fillSources($("#sources-list"), viewer.sources());
        $("#scale-choices").hidden = !(viewer.logUseful || viewer.view.scale === "log");
        postHeight();
      },
      linkTo: (query) => address(query),
      onFollow: (query) => {
        history.pushState(null, "", address(query));
        showUrl();
      },
    },
  );

  // Menus and words follow the language; the values follow the Viewer's state.
  let builtLang;
  const sync = () => {
    const state = viewer.view;
    widget.strings = strings;
    langSelect.value = state.lang;
    // Words and menus are rebuilt only when the language changes: rewriting every label costs a
    // few milliseconds per switch, and rebuilding a focused control loses focus.
    if (builtLang !== state.lang) {
      builtLang = state.lang;
      applyStrings(state.lang);
      buildViewChoices(cat.views, state.view);
      componentSelect.replaceChildren(...cat.components.map((c) => option(c.id, c.name)));
    }
    $("#view").value = state.view;
    componentSelect.value = state.component;
    buildMetricOptions(cat, state, viewer.menuMetrics());
    fySelect.replaceChildren(...cat.years.slice().reverse().map((y) => option(String(y), String(y))));
    fySelect.value = String(state.fy);
    for (const radio of form.elements.scale) radio.checked = radio.value === state.scale;
    componentSelect.disabled = state.view === "pipeline";
    metricSelect.disabled = state.view === "pipeline";
    fySelect.disabled = state.view === "trend";
    showChoice(state.view);
  };

  // A language the lean build lacks: the chart moves onto the complete build first, a new Viewer
  // on the same canvas in the same view. False if that build cannot load (the reason is shown and
  // the chart stays as it was), or if the reader chose again meanwhile (that change is done).
  const speak = async (lang) => {
    if (speaks(build, lang)) return true;
    let chart;
    // Said while the complete build loads (the first time only takes a moment).
    status.textContent = say("loading");
    try {
      chart = await chartFor(lang, { build, viewer }, $("#chart-canvas"), () => !widget.stopped && langSelect.value === lang);
    } catch (error) {
      status.textContent = "";
      if (langSelect.value === lang) {
        showError(say("error_language", error.message));
        langSelect.value = viewer.view.lang;
      }
      return false;
    }
    if (!chart) return false;
    ({ build, viewer } = chart);
    widget.viewer = viewer;
    return true;
  };

  const change = async (name, value) => {
    if (widget.stopped) return;
    if (name === "lang" && !(await speak(value))) return;
    try {
      viewer.setView({ [name]: value });
    } catch (error) {
      if (!trapped(error)) showError(error.message);
      return;
    }
    if (name === "lang") {
      cat = build.catalog(value);
      strings = cat.strings;
      widget.strings = strings;
    }
    // Draw first, while the page's layout is clean (the draw reads the canvas width), then
    // update the menus: the other order forces a second layout of the whole page.
    notice.hidden = true;
    widget.redraw();
    if (name !== "metric" && name !== "scale") sync();
    else if (name === "metric") showChoice(viewer.view.view);
    rememberInHistory();
  };
  // A history entry costs the browser about 3 ms; it is added after the chart is painted, once for
  // changes made within one frame.
  let historyPending = false;
  const rememberInHistory = () => {
    if (historyPending) return;
    historyPending = true;
    requestAnimationFrame(() => setTimeout(() => {
      historyPending = false;
      const next = address(viewer.query);
      if (next !== `${location.pathname}${location.search}`) history.pushState(null, "", next);
    }, 0));
  };
  form.addEventListener("change", (event) => change(event.target.name, event.target.value));
  form.addEventListener("submit", (event) => event.preventDefault());

  // Back and forward restore the view the address names.
  // So does a card's link to its trend, followed in place.
  const showUrl = () => {
    if (widget.stopped) return;
    openFromUrl();
    sync();
    widget.redraw();
  };
  window.addEventListener("popstate", showUrl);

  // Downloads of the current view.
  const fileName = (ext) => {
    const s = viewer.view;
    const parts = s.view === "pipeline" ? ["pipeline"] : s.view === "metric" ? ["metric", s.metric] : s.view === "trend" ? ["trend", s.component, s.metric] : [s.component];
    return `ccht-${s.view === "trend" ? "" : `fy${s.fy}-`}${parts.join("-")}.${ext}`;
  };
  // Downloads are made by the complete build of the same Rust code (pkg/), fetched on the first
  // one: the first view's Wasm is smaller without them. A second Viewer, on the same canvas (for its
  // width) and the same view, makes the file; the chart on screen is untouched.
  const exportWith = (make) => async () => {
    let exporter;
    status.textContent = say("preparing_file");
    try {
      exporter = viewerLike(await completeBuild(), viewer, $("#chart-canvas"));
      await make(exporter);
      status.textContent = "";
    } catch (error) {
      if (!trapped(error)) showError(say("error_export", error.message));
    } finally {
      exporter?.free();
    }
  };
  $("#download-csv").addEventListener("click", exportWith((v) => download(new Blob([v.csv()], { type: "text/csv;charset=utf-8" }), fileName("csv"))));
  $("#download-svg").addEventListener("click", exportWith((v) => download(new Blob([v.svg()], { type: "image/svg+xml" }), fileName("svg"))));
  $("#download-png").addEventListener("click", exportWith(async (v) => {
    const canvas = element("canvas");
    v.drawInto(canvas, 2);
    const png = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!png) throw new Error("the browser could not encode the PNG");
    download(png, fileName("png"));
  }));

  // The embed code for the current view: shown, and copied when the browser allows.
  $("#embed").addEventListener("click", async () => {
    const button = $("#embed");
    const panel = $("#embed-panel");
    const open = toggleExpanded(button);
    panel.hidden = !open;
    if (!open) return;
    const src = new URL(address(viewer.query, { embed: true }), location.href).href;
    const title = `${say("h1")}: ${$("#chart-canvas").getAttribute("aria-label").split(". ")[1] ?? ""}`.replace(/"/g, "&quot;");
    const code = `<iframe title="${title}" src="${src.replace(/&/g, "&amp;")}" width="100%" height="720" loading="lazy" data-ccht-chart></iframe>`;
    $("#embed-code").value = code;
    try {
      await navigator.clipboard.writeText(code);
      $("#embed-status").textContent = say("copied");
    } catch {
      $("#embed-status").textContent = say("copy_manually");
    }
  });
  for (const id of ["#download-png", "#download-svg", "#download-csv", "#embed"]) $(id).disabled = false;

  // In an iframe, tell the host page our height so it can size the frame (www/embed-host.js).
  function postHeight() {
    if (!embedded || window.parent === window) return;
    window.parent.postMessage({ type: "ccht-chart:height", height: document.documentElement.scrollHeight }, "*");
  }
  if (embedded) {
    $("#full-link").hidden = false;
    new ResizeObserver(postHeight).observe(document.body);
  }

  stopWaiting();
  sync();
  widget.redraw();
  // Each as the reader made it: the control shows it again (sync() has just shown the URL's view), since
  // a language change checks, once its build is in, that the menu still asks for it.
  for (const [name, value] of early.splice(0)) {
    if (name === "lang") langSelect.value = value;
    await change(name, value);
  }
}

main();
