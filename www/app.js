// The shell: builds the controls from the Wasm's catalog, forwards every choice to the Viewer and
// reports problems in the page. All chart state lives in Rust.
import init, { Viewer, catalog } from "../pkg/ccht_chart.js";

const $ = (selector) => document.querySelector(selector);
const figure = $("#chart");
const canvas = $("#chart-canvas");
const status = $("#status");
const alertBox = $("#alert");
const form = $("#controls");
const componentSelect = $("#component");
const metricSelect = $("#metric");

function showError(message) {
  console.error(message);
  alertBox.textContent = message;
  alertBox.hidden = false;
  status.textContent = "";
  figure.classList.add("failed");
  figure.setAttribute("aria-busy", "false");
}

function clearError() {
  alertBox.hidden = true;
  alertBox.textContent = "";
  figure.classList.remove("failed");
}

// After a panic the Wasm instance is unusable: report it and never call into it again.
let stopped = false;
window.addEventListener("ccht-chart:panic", (event) => {
  stopped = true;
  showError(String(event.detail));
});

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function buildViewChoices(views, current) {
  const box = $("#view-choices");
  box.replaceChildren();
  for (const v of views) {
    const label = document.createElement("label");
    const input = document.createElement("input");
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
        const g = document.createElement("optgroup");
        g.label = m.kind_name;
        groups.set(m.kind, g);
        metricSelect.append(g);
      }
      groups.get(m.kind).append(option(m.id, m.components.length > 1 ? m.name : `${m.name} (${m.components.join(", ").toUpperCase()})`));
    }
  }
  metricSelect.value = state.metric;
}

async function main() {
  try {
    await init();
  } catch (error) {
    showError(`The chart could not be loaded (${error.message}). The figures are in the source linked below.`);
    return;
  }
  let cat, viewer;
  try {
    cat = catalog();
    viewer = new Viewer(canvas, {});
  } catch (error) {
    showError(`The chart could not start: ${error.message}`);
    return;
  }
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

  const redraw = () => {
    if (stopped) return;
    // Show the canvas before drawing: it takes its width from the layout.
    clearError();
    try {
      viewer.draw();
      status.textContent = "";
      figure.setAttribute("aria-busy", "false");
    } catch (error) {
      showError(`The chart could not be drawn: ${error.message}`);
    }
  };

  form.addEventListener("change", (event) => {
    if (stopped) return;
    const { name, value } = event.target;
    try {
      viewer.setView({ [name]: value });
    } catch (error) {
      showError(error.message);
      return;
    }
    if (name !== "metric") sync();
    redraw();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  sync();
  redraw();

  // Redraw when the chart's width changes (rotation, window resize, a CMS column).
  let lastWidth = canvas.clientWidth;
  new ResizeObserver(() => {
    // Zero while an error hides the canvas: nothing to redraw then.
    if (canvas.clientWidth !== lastWidth && canvas.clientWidth > 0) {
      lastWidth = canvas.clientWidth;
      redraw();
    }
  }).observe(figure);
}

main();
