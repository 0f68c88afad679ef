/**
 * Growth benchmark page (make bench): loads the real data files (scale 1) or a synthetic set from
 * tools/synth-data.mjs (bench/data/xN) into the runtime-data build, and exposes `window.growth` so
 * tools/bench.mjs can time loading, drawing, switching and selection alone, all with performance.now().
 */
import init, { DataSet } from "../pkg-data/ccht_chart.js";

const FILES = ["components", "kinds", "metrics", "sources", "records", "pipeline"];
const canvas = document.querySelector("#chart-canvas");
let wasm, data, viewer;

function timesFor(fn, { n = 100, budgetMs = 2000, min = 5 } = {}) {
  const times = [];
  const start = performance.now();
  while (times.length < n && (times.length < min || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

window.growth = {
  async load(scale) {
    const t0 = performance.now();
    wasm = await init();
    const t1 = performance.now();
    const base = scale === 1 ? "../../data/" : `../data/x${scale}/`;
    const texts = await Promise.all(FILES.map(async (f) => (await fetch(`${base}${f}.csv`)).text()));
    const files = Object.fromEntries(FILES.map((f, i) => [f, texts[i]]));
    const t2 = performance.now();
    const wasmBeforeLoad = wasm.memory.buffer.byteLength;
    data = new DataSet(files);
    const t3 = performance.now();
    viewer = data.viewer(canvas, {});
    viewer.draw();
    const t4 = performance.now();
    document.querySelector("#chart").setAttribute("aria-busy", "false");
    document.querySelector("#status").textContent = "";
    return {
      initMs: t1 - t0, fetchMs: t2 - t1, parseMs: t3 - t2, firstDrawMs: t4 - t3, records: data.records,
      csvBytes: texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0),
      wasmBeforeLoad, wasmAfterLoad: wasm.memory.buffer.byteLength,
    };
  },
  /** Viewer.withData in one call (checks that the exported shortcut works; fresh canvas). */
  async withData(scale) {
    const { Viewer } = await import("../pkg-data/ccht_chart.js");
    const base = scale === 1 ? "../../data/" : `../data/x${scale}/`;
    const texts = await Promise.all(FILES.map(async (f) => (await fetch(`${base}${f}.csv`)).text()));
    const other = document.createElement("canvas");
    document.querySelector("#chart").append(other);
    const v = Viewer.withData(other, Object.fromEntries(FILES.map((f, i) => [f, texts[i]])), { view: "pipeline" });
    v.draw();
    const bars = v.bars().length;
    v.free();
    other.remove();
    return bars;
  },
  /** Runs draws over `views` for `ms` so that the timed runs use optimised code, not the baseline tier. */
  warmUp(views, ms) {
    const end = performance.now() + ms;
    for (let i = 0; performance.now() < end; i++) {
      viewer.setView(views[i % views.length]);
      viewer.draw();
    }
    viewer.setView({ view: "component", component: "dhs" });
  },
  wasmBytes: () => wasm.memory.buffer.byteLength,
  /** Sets a view, then times `draw()` alone (selection, layout, painting) repeatedly. */
  drawTimes(options, limits) {
    viewer.setView(options);
    viewer.draw();
    const bars = viewer.bars().length;
    return { bars, height: canvas.height, times: timesFor(() => viewer.draw(), limits) };
  },
  /** Times setView + draw cycling through `components` in the component view (a reader's switch). */
  switchTimes(components, limits) {
    viewer.setView({ view: "component" });
    let i = 0, bars = 0;
    const times = timesFor(() => {
      viewer.setView({ component: components[i++ % components.length] });
      viewer.draw();
    }, limits);
    bars = viewer.bars().length;
    return { bars, times };
  },
  /** Times view selection alone (no layout, no drawing), `reps` times in one call into the Wasm. */
  selectTime(options, reps) {
    const t0 = performance.now();
    const bars = data.select(options, reps);
    return { bars, ms: (performance.now() - t0) / reps };
  },
};
