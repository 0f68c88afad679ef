// The shell: builds the controls from the Wasm's catalog, forwards every choice to the Viewer,
// shows tooltips, keyboard focus, the summary and the table, and reports problems in the page.
// Chart state (view, active bar, hit-testing) lives in Rust; this file only wires the DOM to it.
import init, { Viewer, catalog } from "../pkg/ccht_chart.js";

const $ = (selector) => document.querySelector(selector);
const figure = $("#chart");
const canvas = $("#chart-canvas");
const status = $("#status");
const alertBox = $("#alert");
const form = $("#controls");
const componentSelect = $("#component");
const metricSelect = $("#metric");
const tooltip = $("#tooltip");
const highlight = $("#highlight");
const live = $("#live");
const summary = $("#chart-summary");
const table = $("#data-table");
const tableWrap = $("#data-table-wrap");
const tableToggle = $("#table-toggle");

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

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
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

const QUALIFIER_WORDS = {
  "exact": "Exact, as stated",
  "at-least": "Lower bound: the source says “more than”",
  "approximate": "Approximate: the source says “about”",
  "derived": "Derived by us from other figures",
};

// The table is built with DOM methods and textContent only: nothing is parsed as HTML.
function buildTable(data) {
  const caption = element("caption", data.caption);
  const head = element("thead");
  const headRow = element("tr");
  for (const name of ["Measure", "Component", "Fiscal year", "Value", "Qualifier", "Source"]) {
    const th = element("th", name);
    th.scope = "col";
    headRow.append(th);
  }
  head.append(headRow);
  const body = element("tbody");
  for (const r of data.rows) {
    const tr = element("tr");
    const th = element("th", r.metric);
    th.scope = "row";
    const source = element("td");
    const quote = element("q", r.source_sentence);
    const link = element("a", r.source_title);
    link.href = r.source_url;
    source.append(quote, " — ", link);
    tr.append(th, element("td", r.component), element("td", String(r.fy)), element("td", r.text, "number"), element("td", QUALIFIER_WORDS[r.qualifier] ?? r.qualifier), source);
    body.append(tr);
  }
  table.replaceChildren(caption, head, body);
}

tableToggle.addEventListener("click", () => {
  const show = tableToggle.getAttribute("aria-expanded") !== "true";
  tableToggle.setAttribute("aria-expanded", String(show));
  tableToggle.textContent = show ? "Hide table" : "Show table";
  tableWrap.classList.toggle("visually-hidden", !show);
});

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

  // What the last draw put on screen: bar boxes and what each says.
  let bars = [];
  let pinned = false;
  let hoverBar;

  const place = (box, bar, pad) => {
    box.style.left = `${bar.x - pad}px`;
    box.style.top = `${bar.y - pad}px`;
    box.style.width = `${bar.width + 2 * pad}px`;
    box.style.height = `${bar.height + 2 * pad}px`;
  };

  const showTooltip = (index, pin) => {
    const bar = bars[index];
    if (!bar) return;
    pinned = pin;
    hoverBar = index;
    const source = element("p", "", "source");
    source.append(element("q", bar.source_sentence), ` — ${bar.source_title}`);
    tooltip.replaceChildren(
      element("p", `${bar.component_name} · FY ${bar.fy}`),
      element("p", bar.metric_name),
      element("p", bar.text, "value"),
      source,
    );
    tooltip.hidden = false;
    // Beside the bar's end if it fits, else below it; never outside the chart.
    const stageWidth = canvas.clientWidth;
    const width = tooltip.offsetWidth;
    const left = Math.max(4, Math.min(bar.x + bar.width / 2, stageWidth - width - 4));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${bar.y + bar.height + 2}px`;
    place(highlight, bar, 3);
    highlight.hidden = false;
  };

  const hideTooltip = () => {
    tooltip.hidden = true;
    pinned = false;
    hoverBar = undefined;
    const active = viewer.active;
    if (active === undefined || document.activeElement !== canvas) highlight.hidden = true;
    else place(highlight, bars[active], 3);
  };

  const setActive = (index) => {
    const bar = bars[index];
    place(highlight, bar, 3);
    highlight.hidden = false;
    if (!tooltip.hidden) showTooltip(index, pinned);
    live.textContent = bar.announcement;
  };

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
      bars = viewer.bars();
      summary.textContent = viewer.summary();
      buildTable(viewer.table());
      status.textContent = "";
      figure.setAttribute("aria-busy", "false");
    } catch (error) {
      showError(`The chart could not be drawn: ${error.message}`);
      return;
    }
    tooltip.hidden = true;
    pinned = false;
    const active = viewer.active;
    if (active !== undefined && document.activeElement === canvas) setActive(active);
    else highlight.hidden = true;
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

  // Pointer: hit-testing in Rust, on the layout that drew the chart.
  const barAt = (event) => {
    const rect = canvas.getBoundingClientRect();
    return viewer.hit(event.clientX - rect.left, event.clientY - rect.top);
  };
  // Leaving a bar hides its tooltip after a short grace, so the pointer can cross onto it.
  let hideTimer;
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { if (!pinned) hideTooltip(); }, 300);
  };
  canvas.addEventListener("pointermove", (event) => {
    if (stopped || pinned) return;
    const index = barAt(event);
    if (index === undefined) {
      if (hoverBar !== undefined) hideSoon();
    } else {
      clearTimeout(hideTimer);
      if (index !== hoverBar) showTooltip(index, false);
    }
  });
  tooltip.addEventListener("pointerenter", () => clearTimeout(hideTimer));
  canvas.addEventListener("pointerdown", (event) => {
    if (stopped) return;
    const index = barAt(event);
    // A tap (or click) pins the tooltip, so touch readers can read it; tapping elsewhere closes it.
    if (index !== undefined) showTooltip(index, true);
    else hideTooltip();
  });
  // Hoverable (WCAG 1.4.13): moving from the bar onto the tooltip keeps it.
  canvas.addEventListener("pointerleave", (event) => {
    if (!pinned && event.relatedTarget !== tooltip && !tooltip.contains(event.relatedTarget)) hideSoon();
  });
  tooltip.addEventListener("pointerleave", (event) => {
    if (!pinned && event.relatedTarget !== canvas) hideSoon();
  });
  document.addEventListener("pointerdown", (event) => {
    if (!tooltip.hidden && event.target !== canvas && !tooltip.contains(event.target)) hideTooltip();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !tooltip.hidden) {
      hideTooltip();
      event.preventDefault();
    }
  });

  // Keyboard: the chart is one focus stop; arrows move between bars.
  canvas.addEventListener("keydown", (event) => {
    if (stopped) return;
    if (event.key === "Enter" || event.key === " ") {
      const active = viewer.active ?? viewer.moveActive("Home");
      if (active === undefined) return;
      event.preventDefault();
      setActive(active);
      showTooltip(active, true);
      live.textContent = `${bars[active].announcement} Source: ${bars[active].source_sentence}`;
      return;
    }
    if (event.key === "Escape") {
      if (tooltip.hidden) {
        viewer.clearActive();
        highlight.hidden = true;
      }
      return;
    }
    const index = viewer.moveActive(event.key);
    if (index === undefined) return;
    event.preventDefault();
    setActive(index);
  });
  canvas.addEventListener("focus", () => {
    const active = viewer.active;
    if (active !== undefined && bars[active]) setActive(active);
  });
  canvas.addEventListener("blur", () => {
    if (tooltip.hidden) highlight.hidden = true;
  });

  sync();
  redraw();

  // Redraw when the chart's width changes (rotation, window resize, a CMS column)…
  let lastWidth = canvas.clientWidth;
  new ResizeObserver(() => {
    // Zero while an error hides the canvas: nothing to redraw then.
    if (canvas.clientWidth !== lastWidth && canvas.clientWidth > 0) {
      lastWidth = canvas.clientWidth;
      redraw();
    }
  }).observe(figure);
  // …and when the reader's colour scheme or contrast setting changes.
  for (const query of ["(prefers-color-scheme: dark)", "(forced-colors: active)"]) {
    window.matchMedia(query).addEventListener("change", redraw);
  }
}

main();
