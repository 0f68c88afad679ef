// @ts-check
// The full viewer page: controls built from the Wasm's catalog, the view kept in the URL, the
// language, the sources panel, downloads and the embed code. The chart itself (tooltips,
// keyboard, table) is a ChartWidget; all chart state lives in the Rust Viewer.
import { chartFor, completeBuild, speaks, startViewer, viewerLike } from "./builds.js";
import { ChartWidget, showAlert, trapped } from "./chart-widget.js";
import { download, element } from "./dom.js";
import { messageOf } from "./errors.js";
import { clearDefaultViewWords } from "./default-view.js";
import { OPTIONS } from "./options.js";

/** @typedef {import("./builds.js").Build} Build */
/** @typedef {import("../pkg/ccht_chart.js").Viewer} Viewer */
/** @typedef {import("../pkg/ccht_chart.js").Catalog} Catalog */
/** @typedef {import("../pkg/ccht_chart.js").ViewState} ViewState */
/** @typedef {import("../pkg/ccht_chart.js").SourceInfo} SourceInfo */

/**
 * index.html's element `selector`, as the element type the caller expects: the page is ours, and has each.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} selector
 * @returns {T}
 */
const $ = (selector) => /** @type {T} */ (document.querySelector(selector));
const embedded = new URLSearchParams(location.search).get("embed") === "1";
const status = $("#status");
const alertBox = $("#alert");
const notice = $("#notice");
/** @type {HTMLFormElement} */
const form = $("#controls");
/** @type {HTMLSelectElement} */
const viewSelect = $("#view");
/** @type {HTMLSelectElement} */
const componentSelect = $("#component");
/** @type {HTMLSelectElement} */
const metricSelect = $("#metric");
/** @type {HTMLSelectElement} */
const fySelect = $("#fy");
/** @type {HTMLSelectElement} */
const langSelect = $("#lang");
/** @type {HTMLCanvasElement} */
const canvas = $("#chart-canvas");
const tableWrap = $("#data-table-wrap");
/** @type {HTMLButtonElement} */
const tableToggle = $("#table-toggle");
/** @type {HTMLButtonElement} */
const controlsToggle = $("#controls-toggle");

if (embedded) document.documentElement.classList.add("embed");

// The chart once the Wasm has loaded (start()): its build, its Viewer, the build's catalog in the
// chart's language, and the widget that draws it.
/** @type {Build} */
let build;
/** @type {Viewer} */
let viewer;
/** @type {Catalog} */
let cat;
/** @type {ChartWidget} */
let widget;
/** The language the menus and words were last built in. @type {string | undefined} */
let builtLang;

// Interface strings in the current language, from the Wasm (English until it loads).
/** @type {Record<string, string>} */
let strings = {};
/**
 * @param {string} key
 * @param {string[]} args
 */
const say = (key, ...args) => (strings[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[i] ?? "");

/** @param {string} message */
function showError(message) {
  showAlert(alertBox, message);
  status.textContent = "";
}

/**
 * @param {string} value
 * @param {string} text
 */
const option = (value, text) => element("option", { value }, text);

/**
 * Puts every [data-i18n] text and [data-i18n-label] aria-label in the current language.
 * @param {string} lang
 */
function applyStrings(lang) {
  document.documentElement.lang = lang;
  // The status line says what is happening now (empty once the chart is drawn), not its first words.
  for (const e of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-i18n]"))) {
    if (e !== status) e.textContent = strings[e.dataset.i18n ?? ""];
  }
  for (const e of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-i18n-label]"))) {
    if (e !== canvas) e.setAttribute("aria-label", strings[e.dataset.i18nLabel ?? ""]);
  }
  tableToggle.textContent = say(tableToggle.getAttribute("aria-expanded") === "true" ? "hide_table" : "show_table");
  const updated = $("#data-updated");
  updated.textContent = say("data_updated", updated.dataset.date ?? "", updated.dataset.version ?? "");
}

/**
 * @param {Catalog["views"]} views
 * @param {string} current
 */
function buildViewChoices(views, current) {
  // index.html carries the options from the first paint: kept while they say the same, since a
  // menu rebuilt under the reader's focus loses its place.
  const shown = Array.from(viewSelect.options, (o) => `${o.value}:${o.textContent}`);
  if (shown.join() !== views.map((v) => `${v.id}:${v.name}`).join()) viewSelect.replaceChildren(...views.map((v) => option(v.id, v.name)));
  viewSelect.value = current;
}

/**
 * The measure menu offers what makes sense for the view: a component's own measures in the
 * component view (that year) and trend view (any year), every measure grouped by kind otherwise.
 * @param {ViewState} state
 * @param {string[]} offered
 */
function buildMetricOptions(state, offered) {
  metricSelect.replaceChildren();
  if (state.view === "component" || state.view === "trend") {
    for (const m of cat.metrics.filter((m) => offered.includes(m.id))) metricSelect.append(option(m.id, m.name));
  } else {
    /** @type {Map<string, HTMLOptGroupElement>} */
    const groups = new Map();
    for (const m of cat.metrics) {
      let group = groups.get(m.kind);
      if (!group) groups.set(m.kind, (group = element("optgroup", { label: m.kind_name })));
      if (offered.includes(m.id)) group.append(option(m.id, m.components.length > 1 ? m.name : `${m.name} (${m.components.join(", ").toUpperCase()})`));
    }
    for (const g of groups.values()) if (g.children.length) metricSelect.append(g);
  }
  metricSelect.value = state.metric;
}

/**
 * Flips a disclosure button's aria-expanded; returns whether it is now open.
 * @param {HTMLButtonElement} button
 */
function toggleExpanded(button) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  return open;
}

// Phones fold the controls behind #controls-toggle (www/style.css); it says what is chosen.
controlsToggle.addEventListener("click", () => toggleExpanded(controlsToggle));
controlsToggle.disabled = false;

/**
 * The current choice in words, read from the controls: "Compare components: Arrests, 2024".
 * @param {string} view
 */
function showChoice(view) {
  /** @param {HTMLSelectElement} select */
  const picked = (select) => select.selectedOptions[0]?.textContent ?? "";
  /** @type {Record<string, HTMLSelectElement[]>} */
  const shown = {
    component: [componentSelect, fySelect],
    metric: [metricSelect, fySelect],
    trend: [componentSelect, metricSelect],
    pipeline: [fySelect],
  };
  const name = viewSelect.selectedOptions[0]?.textContent ?? "";
  $("#controls-now").textContent = `${name}: ${(shown[view] ?? []).map(picked).filter(Boolean).join(", ")}`;
}

tableToggle.addEventListener("click", () => {
  const show = toggleExpanded(tableToggle);
  tableToggle.textContent = say(show ? "hide_table" : "show_table");
  tableWrap.classList.toggle("visually-hidden", !show);
});

/**
 * The page's address for a view; `embed` is kept, everything else comes from the Viewer.
 * @param {string} query
 */
function address(query, { embed = embedded } = {}) {
  const all = [query, embed ? "embed=1" : ""].filter(Boolean).join("&");
  return `${location.pathname}${all ? `?${all}` : ""}`;
}

/**
 * The provenance panel: each source of the view, its kind, and the figures it gives.
 * @param {SourceInfo[]} sources
 */
function fillSources(sources) {
  $("#sources-list").replaceChildren(...sources.map((s) => element("li", {},
    element("a", { href: s.url }, s.title),
    ` — ${s.publisher}${s.date ? `, ${s.date}` : ""}`,
    element("span", { className: `kind ${s.kind}` }, say(`kind_${s.kind}`)),
    element("p", {}, say(s.kind === "secondary" ? "source_secondary" : "source_primary")),
    ...(s.url_note ? [element("p", {}, s.url_note)] : []),
    element("ul", {}, ...s.figures.map((f) => element("li", {}, f))))));
}

// The controls are in index.html from the first paint (examples/prerender.rs), before the Wasm:
// a choice made meanwhile is marked as waiting, and applied in order once the chart is live.
/** @type {[string, string][]} */
const early = [];
/** @param {Event} event */
const waiting = (event) => {
  const control = /** @type {HTMLInputElement | HTMLSelectElement} */ (event.target);
  if (!control.name) return;
  early.push([control.name, control.value]);
  control.closest(".field, fieldset")?.classList.add("waiting");
  control.setAttribute("aria-busy", "true");
  // In the page's language: index.html's English, or www/first-view.js's translation.
  status.textContent = status.dataset.waiting ?? "";
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
    /** @param {MutationObserver} [observer] */
    const check = (observer) => !root.classList.contains("first-pending") && (observer?.disconnect(), resolve(undefined), true);
    if (!check()) new MutationObserver((_, observer) => check(observer)).observe(root, { attributes: true, attributeFilter: ["class"] });
  });
}

/**
 * The Wasm did not load: the prerendered image and its table stay, the controls are disabled, and
 * the message says whether the image is all there is.
 * @param {string} message
 */
async function failedToLoad(message) {
  // Once www/first.js has put in the URL's view (or found none).
  await firstPaintSettled();
  // Without the Wasm the controls can change nothing. The language menu is one of the form's elements.
  for (const control of [...form.elements, controlsToggle]) /** @type {HTMLButtonElement} */ (control).disabled = true;
  const still = document.documentElement.classList.contains("first-none") ? "" : " What you see is a still image of the chart: it does not respond to the controls. Its figures are in the table below.";
  showError(`${message}${still} The figures are in the source linked below.`);
  $("#chart").classList.add("failed");
  $("#chart").setAttribute("aria-busy", "false");
}

/** Opens the view the URL names; says politely which parameters were not used, as plain text. */
function openFromUrl() {
  const problems = viewer.setQuery(location.search);
  cat = build.catalog(viewer.view.lang);
  strings = cat.strings;
  notice.hidden = problems.length === 0;
  notice.textContent = problems.length ? `${say("notice")} ${problems.join(". ")}.` : "";
  return problems.length;
}

/** After each draw: the page around the chart follows it. @param {boolean} changed */
function drawn(changed) {
  alertBox.hidden = true;
  status.textContent = "";
  /** @type {HTMLAnchorElement} */ ($("#full-link")).href = address(viewer.query, { embed: false });
  if (changed) {
    fillSources(viewer.sources());
    // An open Cite panel cited the figures before: it closes rather than offer them for this view.
    closeCite();
  }
  $("#scale-choices").hidden = !(viewer.logUseful || viewer.view.scale === "log");
  postHeight();
}

/** Menus and words follow the language; the values follow the Viewer's state. */
function sync() {
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
  viewSelect.value = state.view;
  componentSelect.value = state.component;
  buildMetricOptions(state, viewer.menuMetrics());
  fySelect.replaceChildren(...cat.years.slice().reverse().map((y) => option(String(y), String(y))));
  fySelect.value = String(state.fy);
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (form.elements.namedItem("scale"))) radio.checked = radio.value === state.scale;
  componentSelect.disabled = state.view === "pipeline";
  metricSelect.disabled = state.view === "pipeline";
  fySelect.disabled = state.view === "trend";
  showChoice(state.view);
}

/**
 * A language the lean build lacks: the chart moves onto the complete build first, a new Viewer
 * on the same canvas in the same view. False if that build cannot load (the reason is shown and
 * the chart stays as it was), or if the reader chose again meanwhile (that change is done).
 * @param {string} lang
 */
async function speak(lang) {
  if (speaks(build, lang)) return true;
  let chart;
  // Said while the complete build loads (the first time only takes a moment).
  status.textContent = say("loading");
  try {
    chart = await chartFor(lang, { build, viewer }, canvas, () => !widget.stopped && langSelect.value === lang);
  } catch (error) {
    status.textContent = "";
    if (langSelect.value === lang) {
      showError(say("error_language", messageOf(error)));
      langSelect.value = viewer.view.lang;
    }
    return false;
  }
  if (!chart) return false;
  ({ build, viewer } = chart);
  widget.viewer = viewer;
  return true;
}

/**
 * One control changed: the Viewer takes it, the chart redraws, the menus follow.
 * @param {string} name
 * @param {string} value
 */
async function change(name, value) {
  if (widget.stopped) return;
  if (name === "lang" && !(await speak(value))) return;
  try {
    viewer.setView({ [name]: value });
  } catch (error) {
    if (!trapped(error)) showError(messageOf(error));
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
}

// A history entry costs the browser about 3 ms; it is added after the chart is painted, once for
// changes made within one frame.
let historyPending = false;
function rememberInHistory() {
  if (historyPending) return;
  historyPending = true;
  requestAnimationFrame(() => setTimeout(() => {
    historyPending = false;
    const next = address(viewer.query);
    if (next !== `${location.pathname}${location.search}`) history.pushState(null, "", next);
  }, 0));
}

/** Back and forward restore the view the address names; so does a card's link to its trend, followed in place. */
function showUrl() {
  if (widget.stopped) return;
  openFromUrl();
  sync();
  widget.redraw();
}

/**
 * A download's file name for the current view: "ccht-", the year (not for a trend), the view's ids, `ext`.
 * @param {string} ext
 */
function fileName(ext) {
  const s = viewer.view;
  const parts = s.view === "pipeline" ? ["pipeline"] : s.view === "metric" ? ["metric", s.metric] : s.view === "trend" ? ["trend", s.component, s.metric] : [s.component];
  return `ccht-${s.view === "trend" ? "" : `fy${s.fy}-`}${parts.join("-")}.${ext}`;
}

/**
 * Downloads are made by the complete build of the same Rust code (pkg/), fetched on the first
 * one: the first view's Wasm is smaller without them. A second Viewer, on the same canvas (for its
 * width) and the same view, makes the file; the chart on screen is untouched.
 * @param {(exporter: Viewer) => void | Promise<void>} make
 */
const exportWith = (make) => async () => {
  /** @type {Viewer | undefined} */
  let exporter;
  status.textContent = say("preparing_file");
  try {
    exporter = viewerLike(await completeBuild(), viewer, canvas);
    await make(exporter);
    status.textContent = "";
  } catch (error) {
    if (!trapped(error)) showError(say("error_export", messageOf(error)));
  } finally {
    exporter?.free();
  }
};

/** A PNG of the current view at twice the canvas's size. @param {Viewer} v */
async function png(v) {
  const drawn = element("canvas");
  v.drawInto(drawn, 2);
  const blob = await new Promise((resolve) => drawn.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the browser could not encode the PNG");
  download(blob, fileName("png"));
}

// The Cite panel's module (dist/cite.js), loaded by address on a first citation.
const CITE = "./cite.js";

/**
 * Opens the Cite panel for the view, or for `figure` (from its tooltip): the complete build writes
 * the citations, www/cite.js shows them.
 * @param {import("../pkg/ccht_chart.js").Figure} [figure]
 */
async function cite(figure) {
  /** @type {HTMLButtonElement} */
  const button = $("#cite");
  if (!figure && !toggleExpanded(button)) return closeCite();
  button.setAttribute("aria-expanded", "true");
  /** @type {HTMLDetailsElement} */ ($("#share")).open = true;
  await exportWith(async (v) => {
    /** @type {typeof import("./cite.js")} */
    const m = await import(CITE);
    // Not if the reader closed it, or the view changed, while the build was on its way.
    if (button.getAttribute("aria-expanded") === "true") m.showCite($("#cite-panel"), v, widget.bars.map((b) => b.figure), figure, location.origin + location.pathname);
  })();
  // The build or the panel's module failed to load (exportWith said so): the button says it is closed.
  if ($("#cite-panel").hidden) closeCite();
}

function closeCite() {
  $("#cite").setAttribute("aria-expanded", "false");
  $("#cite-panel").hidden = true;
}

/** The embed code for the current view: shown, and copied when the browser allows. */
async function showEmbed() {
  /** @type {HTMLButtonElement} */
  const button = $("#embed");
  const open = toggleExpanded(button);
  $("#embed-panel").hidden = !open;
  if (!open) return;
  const src = new URL(address(viewer.query, { embed: true }), location.href).href;
  const title = `${say("h1")}: ${canvas.getAttribute("aria-label")?.split(". ")[1] ?? ""}`.replace(/"/g, "&quot;");
  const code = `<iframe title="${title}" src="${src.replace(/&/g, "&amp;")}" width="100%" height="720" loading="lazy" data-ccht-chart></iframe>`;
  /** @type {HTMLTextAreaElement} */ ($("#embed-code")).value = code;
  try {
    await navigator.clipboard.writeText(code);
    $("#embed-status").textContent = say("copied");
  } catch {
    $("#embed-status").textContent = say("copy_manually");
  }
}

/** In an iframe, tell the host page our height so it can size the frame (www/embed-host.js). */
function postHeight() {
  if (!embedded || window.parent === window) return;
  window.parent.postMessage({ type: "ccht-chart:height", height: document.documentElement.scrollHeight }, "*");
}

/**
 * index.html's inline script did not run (a host sending an older policy, without its hash, refuses
 * it): the page is marked scripted here, so the controls show, and an address naming a view gets
 * the loading box rather than the default view's prerendered chart and words, which are not its own.
 */
function withoutFirstScript() {
  const root = document.documentElement;
  root.classList.add("js");
  const params = new URLSearchParams(location.search);
  if (!OPTIONS.some((name) => params.has(name))) return;
  root.classList.add("first-none");
  clearDefaultViewWords();
}

async function start() {
  if (!window.cchtWasm) withoutFirstScript();
  // The build that speaks the URL's language: the lean one unless it is Spanish (builds.js).
  try {
    ({ build, viewer } = await startViewer(canvas, () => new URLSearchParams(location.search).get("lang"), () => ({})));
  } catch (error) {
    stopWaiting();
    const { message, stage } = /** @type {Error & { stage?: string }} */ (error);
    return stage === "load" ? failedToLoad(message) : showError(message);
  }
  if (openFromUrl()) history.replaceState(null, "", address(viewer.query));

  widget = new ChartWidget(
    {
      figure: $("#chart"), canvas, highlight: $("#highlight"), tooltip: $("#tooltip"),
      summary: $("#chart-summary"), live: $("#live"), table: /** @type {HTMLTableElement} */ ($("#data-table")),
      heading: $("#chart-heading"), subtitle: $("#chart-subtitle"), source: $("#chart-source"),
    },
    viewer,
    {
      strings,
      onError: showError,
      onDraw: drawn,
      linkTo: (query) => address(query),
      onCite: embedded ? undefined : cite,
      onFollow: (query) => {
        history.pushState(null, "", address(query));
        showUrl();
      },
    },
  );

  form.addEventListener("change", (event) => {
    const control = /** @type {HTMLInputElement | HTMLSelectElement} */ (event.target);
    change(control.name, control.value);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("popstate", showUrl);
  $("#download-csv").addEventListener("click", exportWith((v) => download(new Blob([v.csv()], { type: "text/csv;charset=utf-8" }), fileName("csv"))));
  $("#download-svg").addEventListener("click", exportWith((v) => download(new Blob([v.svg()], { type: "image/svg+xml" }), fileName("svg"))));
  $("#download-png").addEventListener("click", exportWith(png));
  $("#embed").addEventListener("click", showEmbed);
  $("#cite").addEventListener("click", () => cite());
  for (const id of ["#download-png", "#download-svg", "#download-csv", "#cite", "#embed"]) /** @type {HTMLButtonElement} */ ($(id)).disabled = false;
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

start();
