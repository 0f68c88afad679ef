/**
 * Benchmark peer (make bench): Chart.js draws the records our viewer draws, in the same views, from
 * the same kind of controls, so tools/bench.mjs can compare the two in one browser run.
 *
 * - Component view: one horizontal bar chart per kind panel, as our canvas has one panel per kind.
 *   Metric view and pipeline: one chart. The selection rules are src/view/select.rs's, ported.
 * - Value labels at the bar ends ("800+") by a small plugin, as our viewer writes them; the panel
 *   title by Chart.js's title plugin; chart title, notes and source line as HTML around the charts.
 * - Redraw path, Chart.js's fast one: animations off; each panel's chart is kept and given new
 *   data, then `chart.update('none')`, or `chart.resize()` when the panel's height changes (one
 *   synchronous update either way); charts are created or destroyed only when the number of panels
 *   changes. Both viewers therefore finish drawing inside the `change` event. `?path=rebuild`
 *   destroys and recreates every chart instead, to check which path is faster.
 * - Signals: `#chart[aria-busy=false]` after the first draw, as our shell sets it; a `bench:tooltip`
 *   event on window when Chart.js has drawn a visible tooltip (its tooltip is painted on the canvas,
 *   so there is no element to watch).
 */
const Chart = window.Chart; // the UMD build, loaded by a deferred classic script before this module
const BAR = "#005ea2";
const INK = "#1b1b1b";
const MUTED = "#565c65";

const $ = (selector) => document.querySelector(selector);
const figure = $("#chart");
const panelsBox = $("#panels");
const form = $("#controls");
const componentSelect = $("#component");
const metricSelect = $("#metric");

// Number formatting, as src/text/numbers.rs.
function withSeparators(value) {
  const whole = Math.trunc(value);
  const fraction = Math.round((value - whole) * 100);
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${digits}.${String(fraction).padStart(2, "0").replace(/0+$/, "")}` : digits;
}
function compact(value) {
  for (const [scale, suffix] of [[1e9, "B"], [1e6, "M"]]) {
    if (value >= scale && ((value * 10) / scale) % 1 === 0) {
      const short = value / scale;
      return short % 1 === 0 ? `${short}${suffix}` : `${short.toFixed(1)}${suffix}`;
    }
  }
  return withSeparators(value);
}
function inUnit(value, unit, short) {
  const n = short ? compact(value) : withSeparators(value);
  return unit === "dollars" ? `$${n}` : unit === "percent" ? `${n}%` : n;
}
const MARKS = { exact: (n) => n, "at-least": (n) => `${n}+`, approximate: (n) => `~${n}`, derived: (n) => `${n} (derived)` };
const WORDS = { exact: (n) => n, "at-least": (n) => `more than ${n}`, approximate: (n) => `about ${n}`, derived: (n) => `${n} (derived by us, not stated by the source)` };
const barLabel = (value, unit, q) => MARKS[q](inUnit(value, unit, true));
const spoken = (value, unit, q) => WORDS[q](inUnit(value, unit, false));

// View selection, as src/view/select.rs.
function makeModel(d) {
  const kindOf = (metric) => d.metrics[metric].kind;
  const years = [...new Set(d.records.map((r) => r.fiscal_year))].sort((a, b) => a - b);
  const index = (list, id) => Math.max(0, list.findIndex((x) => x.id === id));
  const defaults = { view: "component", component: index(d.components, "dhs"), metric: index(d.metrics, "arrests"), fy: years.at(-1) };
  const settled = (s) => {
    if (s.view !== "component") return s;
    const has = (m) => d.records.some((r) => r.component === s.component && r.metric === m && r.fiscal_year === s.fy);
    if (has(s.metric)) return s;
    const first = d.metrics.findIndex((_, m) => has(m));
    return { ...s, metric: first < 0 ? s.metric : first };
  };
  const bar = (i, label, emphasized) => ({ record: i, label, value: d.records[i].value, qualifier: d.records[i].qualifier, emphasized });
  function select(s) {
    const inYear = [];
    d.records.forEach((r, i) => { if (r.fiscal_year === s.fy) inYear.push(i); });
    const kind = d.kinds[kindOf(s.metric)];
    let title, panels = [], notes = [];
    if (s.view === "component") {
      const mine = inYear.filter((i) => d.records[i].component === s.component);
      d.kinds.forEach((k, ki) => {
        const ids = mine.filter((i) => kindOf(d.records[i].metric) === ki).sort((a, b) => d.records[a].metric - d.records[b].metric);
        if (ids.length) panels.push({ title: k.name, unit: k.unit, bars: ids.map((i) => bar(i, d.metrics[d.records[i].metric].name, d.records[i].metric === s.metric)) });
      });
      title = d.components[s.component].name;
    } else if (s.view === "metric") {
      const ids = inYear.filter((i) => kindOf(d.records[i].metric) === kindOf(s.metric))
        .sort((a, b) => d.records[a].component - d.records[b].component || d.records[a].metric - d.records[b].metric);
      const several = ids.some((i, n) => n > 0 && d.records[ids[n - 1]].metric !== d.records[i].metric);
      const bars = ids.map((i) => {
        const r = d.records[i];
        const who = d.components[r.component].short_name;
        return bar(i, several ? `${who}: ${d.metrics[r.metric].name}` : who, r.component === s.component && r.metric === s.metric);
      });
      if (bars.length) panels.push({ title: kind.name, unit: kind.unit, bars });
      title = `${kind.name} across DHS components`;
    } else {
      const bars = [];
      const missing = [];
      d.pipeline.forEach((stage, n) => {
        const found = inYear.find((i) => d.records[i].component === stage.component && d.records[i].metric === stage.metric);
        const name = `${n + 1}. ${d.metrics[stage.metric].name} (${d.components[stage.component].short_name})`;
        if (found === undefined) missing.push(`No published figure for ${name}.`);
        else bars.push(bar(found, name, false));
      });
      notes = ["Stages count different things: one investigation can lead to several arrests, so a later stage can exceed an earlier one.", ...missing];
      if (bars.length) panels.push({ title: "Enforcement pipeline", unit: "count", bars });
      title = "From investigation to conviction";
    }
    if (!panels.length && s.view !== "pipeline") notes.push(`No published figure for this selection in FY ${s.fy}.`);
    const used = [...new Set(panels.flatMap((p) => p.bars.map((b) => d.records[b.record].source)))].sort((a, b) => a - b);
    const source = used.length ? `Source: ${used.map((i) => `${d.sources[i].publisher}, “${d.sources[i].title}” (${d.sources[i].date})`).join("; ")}` : "";
    const subtitle = `Fiscal year ${s.fy}${s.view === "metric" ? ` · ${kind.noun}` : ""}`;
    let description = `Bar chart. ${title}, ${subtitle}.`;
    for (const p of panels) description += ` ${p.title}: ${p.bars.map((b) => `${b.label}: ${spoken(b.value, p.unit, b.qualifier)}`).join("; ")}.`;
    return { title, subtitle, panels, notes, source, description };
  }
  return { defaults, settled, select, years };
}

// Value labels after each bar, as our viewer writes them.
const valueLabels = {
  id: "valueLabels",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const labels = chart.$valueLabels || [];
    ctx.save();
    ctx.font = "bold 13px sans-serif";
    ctx.fillStyle = INK;
    ctx.textBaseline = "middle";
    meta.data.forEach((element, i) => ctx.fillText(labels[i] ?? "", element.x + 6, element.y));
    ctx.restore();
  },
};
// The peer's "tooltip shown" signal for the benchmark.
const tooltipSignal = {
  id: "tooltipSignal",
  afterTooltipDraw(chart, args) {
    if (args.tooltip.opacity > 0) window.dispatchEvent(new CustomEvent("bench:tooltip"));
  },
};

const PANEL_CHROME = 56; // title + x axis
const BAR_ROW = 34;
const panelHeight = (p) => PANEL_CHROME + BAR_ROW * p.bars.length;

function chartData(p, d) {
  return {
    labels: p.bars.map((b) => b.label),
    datasets: [{ data: p.bars.map((b) => b.value), backgroundColor: BAR, hoverBackgroundColor: BAR, barThickness: 20, borderWidth: 0 }],
  };
}

function config(p, d) {
  return {
    type: "bar",
    data: chartData(p, d),
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { right: 64 } },
      scales: {
        x: { beginAtZero: true, ticks: { color: MUTED, font: { size: 11 }, callback: (v) => inUnit(v, p.unit, true), maxTicksLimit: 6 }, grid: { color: "#dfe1e2" } },
        y: { ticks: { color: INK, font: (c) => ({ size: 13, weight: c.chart.$emphasis?.[c.index] ? "bold" : "normal" }) }, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        title: { display: true, text: p.title, align: "start", color: INK, font: { size: 14, weight: "bold" } },
        tooltip: {
          callbacks: {
            label: (c) => spoken(c.raw, c.chart.$unit, c.chart.$qualifiers[c.dataIndex]),
            afterLabel: (c) => d.records[c.chart.$records[c.dataIndex]].source_sentence,
          },
        },
      },
    },
    plugins: [valueLabels, tooltipSignal],
  };
}

function decorate(chart, p) {
  chart.$unit = p.unit;
  chart.$qualifiers = p.bars.map((b) => b.qualifier);
  chart.$records = p.bars.map((b) => b.record);
  chart.$emphasis = p.bars.map((b) => b.emphasized);
  chart.$valueLabels = p.bars.map((b) => barLabel(b.value, p.unit, b.qualifier));
}

const charts = []; // { box, chart, height }
// `?path=rebuild`: destroy and recreate every chart on each change instead (to compare the two paths).
const REBUILD = new URLSearchParams(location.search).get("path") === "rebuild";

function render(model, d, spec) {
  const c = model.select(spec);
  if (REBUILD) {
    for (const { chart, box } of charts.splice(0)) {
      chart.destroy();
      box.remove();
    }
  }
  $("#chart-title").textContent = c.title;
  $("#chart-subtitle").textContent = c.subtitle;
  figure.setAttribute("aria-label", c.description);
  c.panels.forEach((p, i) => {
    const height = panelHeight(p);
    let slot = charts[i];
    if (!slot) {
      const box = document.createElement("div");
      box.className = "panel";
      box.style.height = `${height}px`;
      const canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      box.append(canvas);
      panelsBox.append(box);
      const cfg = config(p, d);
      // Decorations must exist before the first (synchronous) draw in the constructor.
      const chart = new Chart(canvas, { ...cfg, plugins: [{ id: "decorate", beforeInit: (ch) => decorate(ch, p) }, ...cfg.plugins] });
      charts[i] = { box, chart, height, canvas };
    } else {
      const { chart } = slot;
      decorate(chart, p);
      chart.data.labels = p.bars.map((b) => b.label);
      chart.data.datasets[0].data = p.bars.map((b) => b.value);
      chart.options.plugins.title.text = p.title;
      chart.options.scales.x.ticks.callback = (v) => inUnit(v, p.unit, true);
      if (slot.height !== height) {
        slot.height = height;
        slot.box.style.height = `${height}px`;
        chart.resize(); // synchronous: re-measures the box and updates (draws) once
      } else {
        chart.update("none");
      }
    }
    charts[i].canvas.setAttribute("aria-label", `${p.title}: ${p.bars.map((b) => `${b.label}: ${spoken(b.value, p.unit, b.qualifier)}`).join("; ")}`);
  });
  while (charts.length > c.panels.length) {
    const { chart, box } = charts.pop();
    chart.destroy();
    box.remove();
  }
  const notes = $("#notes");
  notes.replaceChildren(
    ...c.notes.map((n) => Object.assign(document.createElement("p"), { className: "chart-notes", textContent: n })),
    ...(c.source ? [Object.assign(document.createElement("p"), { className: "chart-source", textContent: c.source })] : []),
  );
}

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

async function main() {
  const d = await (await fetch("data.json")).json();
  const model = makeModel(d);
  let spec = model.settled(model.defaults);
  const views = [["component", "All figures of one component"], ["metric", "One measure across components"], ["pipeline", "Enforcement pipeline"]];
  const box = $("#view-choices");
  for (const [id, name] of views) {
    const label = document.createElement("label");
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "view", value: id });
    label.append(input, name);
    box.append(label);
  }
  componentSelect.replaceChildren(...d.components.map((c) => option(c.id, c.name)));
  const componentsOf = d.metrics.map((_, m) => [...new Set(d.records.filter((r) => r.metric === m).map((r) => d.components[r.component].id))]);

  const sync = () => {
    for (const radio of form.elements.view) radio.checked = radio.value === spec.view;
    componentSelect.value = d.components[spec.component].id;
    metricSelect.replaceChildren();
    if (spec.view === "component") {
      d.metrics.forEach((m, i) => { if (componentsOf[i].includes(d.components[spec.component].id)) metricSelect.append(option(m.id, m.name)); });
    } else {
      const groups = new Map();
      d.metrics.forEach((m, i) => {
        if (!groups.has(m.kind)) {
          const g = document.createElement("optgroup");
          g.label = d.kinds[m.kind].name;
          groups.set(m.kind, g);
          metricSelect.append(g);
        }
        groups.get(m.kind).append(option(m.id, componentsOf[i].length > 1 ? m.name : `${m.name} (${componentsOf[i].join(", ").toUpperCase()})`));
      });
    }
    metricSelect.value = d.metrics[spec.metric].id;
    componentSelect.disabled = metricSelect.disabled = spec.view === "pipeline";
  };

  form.addEventListener("change", (event) => {
    const { name, value } = event.target;
    if (name === "view") spec = { ...spec, view: value };
    else if (name === "component") spec = { ...spec, component: d.components.findIndex((c) => c.id === value) };
    else if (name === "metric") spec = { ...spec, metric: d.metrics.findIndex((m) => m.id === value) };
    spec = model.settled(spec);
    if (name !== "metric") sync();
    render(model, d, spec);
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  sync();
  render(model, d, spec);
  $("#status").textContent = "";
  // As our shell marks its figure once the live chart is drawn: dist/style.css hides a figure's
  // canvases until then (they stand behind the prerendered image), so without it the peer's charts
  // were drawn but not shown, and a pointer over them reached no canvas.
  figure.classList.add("live");
  figure.setAttribute("aria-busy", "false");
}

main().catch((error) => {
  $("#alert").textContent = `The peer chart failed: ${error.message}`;
  $("#alert").hidden = false;
  figure.setAttribute("aria-busy", "false");
});
