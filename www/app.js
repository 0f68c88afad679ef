// The full viewer page: controls built from the Wasm's catalog, the view kept in the URL, downloads
// and the embed code. The chart itself (tooltips, keyboard, table) is a ChartWidget; all chart
// state lives in the Rust Viewer.
import init, { Viewer, catalog } from "../pkg/ccht_chart.js";
import { ChartWidget, element } from "./chart-widget.js";

const $ = (selector) => document.querySelector(selector);
const params = new URLSearchParams(location.search);
const embedded = params.get("embed") === "1";
const status = $("#status");
const alertBox = $("#alert");
const notice = $("#notice");
const form = $("#controls");
const componentSelect = $("#component");
const metricSelect = $("#metric");
const tableWrap = $("#data-table-wrap");
const tableToggle = $("#table-toggle");

if (embedded) document.documentElement.classList.add("embed");

function showError(message) {
  console.error(message);
  alertBox.textContent = message;
  alertBox.hidden = false;
  status.textContent = "";
}

function option(value, text) {
  const o = element("option", text);
  o.value = value;
  return o;
}

function buildViewChoices(views, current) {
  const box = $("#view-choices");
  box.replaceChildren();
  for (const v of views) {
    const label = element("label");
    const input = element("input");
    input.type = "radio";
    input.name = "view";
    input.value = v.id;
    input.checked = v.id === current;
    label.append(input, v.name);
    box.append(label);
  }
}

// The measure menu offers what makes sense for the view: a component's own measures in the
// component view, every measure grouped by kind in the metric view.
function buildMetricOptions(cat, state) {
  metricSelect.replaceChildren();
  if (state.view === "component") {
    for (const m of cat.metrics.filter((m) => m.components.includes(state.component))) {
      metricSelect.append(option(m.id, m.name));
    }
  } else {
    const groups = new Map();
    for (const m of cat.metrics) {
      if (!groups.has(m.kind)) {
        const g = element("optgroup");
        g.label = m.kind_name;
        groups.set(m.kind, g);
        metricSelect.append(g);
      }
      groups.get(m.kind).append(option(m.id, m.components.length > 1 ? m.name : `${m.name} (${m.components.join(", ").toUpperCase()})`));
    }
  }
  metricSelect.value = state.metric;
}

tableToggle.addEventListener("click", () => {
  const show = tableToggle.getAttribute("aria-expanded") !== "true";
  tableToggle.setAttribute("aria-expanded", String(show));
  tableToggle.textContent = show ? "Hide table" : "Show table";
  tableWrap.classList.toggle("visually-hidden", !show);
});

/** The page's address for a view; `embed` is kept, everything else comes from the Viewer. */
function address(query, { embed = embedded } = {}) {
  const extra = embed ? "embed=1" : "";
  const all = [query, extra].filter(Boolean).join("&");
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

async function main() {
  try {
    await init();
  } catch (error) {
    showError(`The chart could not be loaded (${error.message}). The figures are in the source linked below.`);
    $("#chart").classList.add("failed");
    $("#chart").setAttribute("aria-busy", "false");
    return;
  }
  let cat, viewer;
  try {
    cat = catalog();
    viewer = new Viewer($("#chart-canvas"), {});
  } catch (error) {
    showError(`The chart could not start: ${error.message}`);
    return;
  }

  // Open the view the URL names; say politely which parameters were not used, as plain text.
  const openFromUrl = () => {
    const problems = viewer.setQuery(location.search);
    notice.hidden = problems.length === 0;
    notice.textContent = problems.length
      ? `Part of this link was not used, so those settings show their defaults. ${problems.join(". ")}.`
      : "";
    return problems.length;
  };
  if (openFromUrl()) history.replaceState(null, "", address(viewer.query));

  const widget = new ChartWidget(
    {
      figure: $("#chart"), canvas: $("#chart-canvas"), highlight: $("#highlight"), tooltip: $("#tooltip"),
      summary: $("#chart-summary"), live: $("#live"), table: $("#data-table"),
    },
    viewer,
    {
      onError: showError,
      onDraw: () => {
        alertBox.hidden = true;
        status.textContent = "";
        $("#full-link").href = address(viewer.query, { embed: false });
        postHeight();
      },
    },
  );

  componentSelect.replaceChildren(...cat.components.map((c) => option(c.id, c.name)));
  buildViewChoices(cat.views, viewer.view.view);

  const sync = () => {
    const state = viewer.view;
    for (const radio of form.elements.view) radio.checked = radio.value === state.view;
    componentSelect.value = state.component;
    buildMetricOptions(cat, state);
    componentSelect.disabled = state.view === "pipeline";
    metricSelect.disabled = state.view === "pipeline";
  };

  form.addEventListener("change", (event) => {
    if (widget.stopped) return;
    const { name, value } = event.target;
    try {
      viewer.setView({ [name]: value });
    } catch (error) {
      showError(error.message);
      return;
    }
    if (name !== "metric") sync();
    notice.hidden = true;
    history.pushState(null, "", address(viewer.query));
    widget.redraw();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  // Back and forward restore the view the address names.
  window.addEventListener("popstate", () => {
    if (widget.stopped) return;
    openFromUrl();
    sync();
    widget.redraw();
  });

  // Downloads of the current view.
  const fileName = (ext) => {
    const s = viewer.view;
    const parts = s.view === "pipeline" ? ["pipeline"] : s.view === "metric" ? ["metric", s.metric] : [s.component];
    return `ccht-fy${s.fy}-${parts.join("-")}.${ext}`;
  };
  $("#download-csv").addEventListener("click", () => download(new Blob([viewer.csv()], { type: "text/csv;charset=utf-8" }), fileName("csv")));
  $("#download-svg").addEventListener("click", () => {
    try {
      download(new Blob([viewer.svg()], { type: "image/svg+xml" }), fileName("svg"));
    } catch (error) {
      showError(`The SVG could not be made: ${error.message}`);
    }
  });
  $("#download-png").addEventListener("click", () => {
    const canvas = element("canvas");
    try {
      viewer.drawInto(canvas, 2);
    } catch (error) {
      showError(`The PNG could not be made: ${error.message}`);
      return;
    }
    canvas.toBlob((blob) => download(blob, fileName("png")), "image/png");
  });

  // The embed code for the current view: shown, and copied when the browser allows.
  $("#embed").addEventListener("click", async () => {
    const button = $("#embed");
    const panel = $("#embed-panel");
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (!open) return;
    const src = new URL(address(viewer.query, { embed: true }), location.href).href;
    const title = `DHS counter-human-trafficking figures: ${viewer.view.view} view`;
    const code = `<iframe title="${title}" src="${src.replace(/&/g, "&amp;")}" width="100%" height="720" loading="lazy" data-ccht-chart></iframe>`;
    $("#embed-code").value = code;
    try {
      await navigator.clipboard.writeText(code);
      $("#embed-status").textContent = "Copied to the clipboard.";
    } catch {
      $("#embed-status").textContent = "Select the code and copy it.";
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

  sync();
  widget.redraw();
}

main();
