/**
 * Benchmark helpers injected into every measured page before its own scripts (tools/bench.mjs adds
 * this file as an init script, so the pages themselves carry no benchmark code). Everything timed
 * here is timed in the page with performance.now(), so the figures exclude the driver's round trips.
 *
 * - `firstDraw`: when `#chart` first gets aria-busy="false" (ours and the peer both set it after their
 *   first draw), in ms since navigation start. `livePainted`: when that frame has been painted (a
 *   message posted from the next animation frame's callback runs after that frame is produced), the
 *   same for both pages: a chart drawn into a canvas is not seen until then.
 * - `wasm`: when the page asked to instantiate its Wasm (or to compile and instantiate it, streaming),
 *   and when that was done; `wasmCompile`: the same for a compile asked for on its own.
 * - `waterfall()`: every request's start, first byte and end, and the bytes of each, for the table
 *   `make bench` prints of where the time goes.
 * - `firstChart`: when the first chart was painted: ours, the prerendered image (Element Timing's
 *   renderTime for `elementtiming="first-chart"`, which this script gives the image as the parser
 *   inserts it: the shipped HTML carries no benchmark attribute); the peer has none, and its first chart is its
 *   first draw. `bytesBy(t)`: gzip bodies (Resource Timing's encodedBodySize) of the files
 *   complete by then (one still arriving, such as the Wasm, is left out).
 * - `cls`: Cumulative Layout Shift from navigation, shifts after input left out as the metric does.
 * - `wasmMemory`: the Wasm instance's linear memory, caught by wrapping WebAssembly.instantiate*.
 * - `switches`: changes through the real <select> (value + a bubbling `change` event, as a reader's
 *   choice raises), then one pixel read from every chart canvas, which forces the drawing to finish.
 * - `resizeOnce`: width change → every canvas in #chart redrawn (its `width` attribute set), and the
 *   script time spent meanwhile in ResizeObserver and requestAnimationFrame callbacks (wrapped here).
 * - `armTooltip`: pointer move → a visible `#tooltip`/`[role=tooltip]`, or the peer's `bench:tooltip`.
 */
(() => {
  const B = (window.__bench = { firstDraw: null, livePainted: null, firstChart: null, cls: 0, wasmMemory: null, wasm: null, wasmCompile: null });
  new MutationObserver((records, observer) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.classList?.contains("first-image")) {
          n.setAttribute("elementtiming", "first-chart");
          observer.disconnect();
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === "first-chart" && B.firstChart === null) B.firstChart = e.renderTime || e.loadTime;
  }).observe({ type: "element", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) B.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  /** The page's own request and every other, as Resource Timing has them. */
  const requests = () => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  B.waterfall = () => requests().map((e) => ({
    url: new URL(e.name).pathname, start: e.startTime, firstByte: e.responseStart, end: e.responseEnd, body: e.encodedBodySize, wire: e.transferSize,
  }));
  B.bytesBy = (t) => requests()
    .filter((e) => e.responseEnd <= t).reduce((n, e) => n + e.encodedBodySize, 0);

  new MutationObserver((records) => {
    for (const r of records) {
      if (B.firstDraw === null && r.target.id === "chart" && r.target.getAttribute("aria-busy") === "false") {
        B.firstDraw = performance.now();
        nativeFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { B.livePainted = performance.now(); };
          channel.port2.postMessage(null);
        });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["aria-busy"] });

  /** Wraps WebAssembly's `names`: the first call's start and end go to B[key]; `then` sees each result. */
  const timeWasm = (names, key, then = () => {}) => {
    for (const name of names) {
      const original = WebAssembly[name];
      if (!original) continue;
      WebAssembly[name] = async function (...args) {
        const step = B[key] ? null : (B[key] = { start: performance.now(), end: null });
        const result = await original.apply(this, args);
        if (step) step.end = performance.now();
        then(result);
        return result;
      };
    }
  };
  timeWasm(["compile", "compileStreaming"], "wasmCompile");
  timeWasm(["instantiate", "instantiateStreaming"], "wasm", (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance?.exports ?? {})) if (value instanceof WebAssembly.Memory) B.wasmMemory = value;
  });
  // Script time spent in ResizeObserver and requestAnimationFrame callbacks: where both viewers do
  // their resize redraw (Chart.js defers it from its observer to the next frame).
  B.callbackTime = 0;
  const timed = (fn) => function (...args) {
    const t = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      B.callbackTime += performance.now() - t;
    }
  };
  const NativeResizeObserver = window.ResizeObserver;
  window.ResizeObserver = class extends NativeResizeObserver {
    constructor(callback) {
      super(timed(callback));
    }
  };
  const nativeFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeFrame(timed(callback));

  B.wasmBytes = () => (B.wasmMemory ? B.wasmMemory.buffer.byteLength : null);

  B.nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const canvases = () => [...document.querySelectorAll("#chart canvas")];
  /** Reads one pixel of every chart canvas: the draw calls issued so far must then have run. */
  B.finish = () => { for (const c of canvases()) if (c.width && c.height) c.getContext("2d").getImageData(0, 0, 1, 1); };

  B.setView = (view) => {
    // Our page chooses the view from a menu; the peer (and pages built before it) from radios.
    const menu = document.querySelector("select#view");
    const control = menu ?? document.querySelector(`input[name=view][value="${view}"]`);
    if (menu ? menu.value !== view : !control.checked) {
      if (menu) menu.value = view;
      else control.checked = true;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
    B.finish();
  };

  /** The DHS-wide figures of the component view: the resize and tooltip measurements need bars,
   * and the switches before them may have left a component without figures that year. */
  B.showDhs = () => {
    B.setView("component");
    const select = selectFor("component");
    if (select.value !== "dhs") {
      select.value = "dhs";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
    B.finish();
  };

  const selectFor = (kind) => document.querySelector(kind === "component" ? "#component" : "#metric");
  /** One change of the component (component view) or measure (metric view) to the next option. */
  function step(kind) {
    const select = selectFor(kind);
    const options = [...select.options];
    const next = options[(select.selectedIndex + 1) % options.length].value;
    const t0 = performance.now();
    select.value = next;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    B.finish();
    return performance.now() - t0;
  }

  /** `n` timed switches, one per animation frame (so each starts from a painted page). */
  B.switches = async (kind, n) => {
    B.setView(kind);
    const times = [];
    for (let i = 0; i < n; i++) {
      await B.nextFrame();
      times.push(step(kind));
    }
    return times;
  };

  /** `n` untimed switches, `perFrame` at a time, alternating component and metric views by halves. */
  B.churn = async (n, perFrame = 100) => {
    for (let done = 0; done < n; ) {
      const kind = done < n / 2 ? "component" : "metric";
      B.setView(kind);
      for (let i = 0; i < perFrame && done < n; i++, done++) step(kind);
      await B.nextFrame();
    }
  };

  /** Sets #chart's width; resolves with { ms } until every chart canvas has been redrawn and
   * { work }, the script time in observer and frame callbacks meanwhile. */
  B.resizeOnce = async (width) => {
    const figure = document.querySelector("#chart");
    const targets = canvases();
    await B.nextFrame();
    return new Promise((resolve) => {
      const pending = new Set(targets);
      let t0 = 0;
      const timer = setTimeout(() => { observer.disconnect(); resolve({ ms: null, work: null }); }, 2000);
      const observer = new MutationObserver((records) => {
        for (const r of records) pending.delete(r.target);
        if (pending.size === 0) {
          const ms = performance.now() - t0;
          clearTimeout(timer);
          observer.disconnect();
          resolve({ ms, work: B.callbackTime });
        }
      });
      for (const c of targets) observer.observe(c, { attributes: true, attributeFilter: ["width"] });
      t0 = performance.now();
      B.callbackTime = 0;
      figure.style.width = `${width}px`;
    });
  };

  /** Centres of drawn bars (bar colour #005ea2) in viewport CSS pixels, from the canvases' pixels. */
  B.barPoints = (max = 4) => {
    const points = [];
    for (const c of canvases()) {
      const rect = c.getBoundingClientRect();
      const ratio = c.width / rect.width;
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let run = null;
      for (let y = 0; y < c.height && points.length < max; y++) {
        let x0 = -1, x1 = -1;
        for (let x = 0; x < c.width; x++) {
          const i = (y * c.width + x) * 4;
          if (data[i] === 0x00 && data[i + 1] === 0x5e && data[i + 2] === 0xa2 && data[i + 3] === 255) {
            if (x0 < 0) x0 = x;
            x1 = x;
          }
        }
        if (x0 >= 0 && !run) run = { y0: y, x0, x1 };
        else if (x0 >= 0) run.x1 = Math.max(run.x1, x1);
        else if (run) {
          const height = y - run.y0;
          // Bars are 20 CSS px tall in ours; a key swatch or a legend box (12 px) is not a bar.
          if (height >= 16 * ratio) {
            const x = run.x0 + Math.min(12 * ratio, (run.x1 - run.x0) / 2);
            points.push({ x: rect.left + x / ratio, y: rect.top + (run.y0 + height / 2) / ratio });
          }
          run = null;
        }
      }
    }
    return points;
  };

  B.tooltipElement = () => document.querySelector("#tooltip, [role=tooltip]");
  const tooltipShown = () => {
    const el = B.tooltipElement();
    if (!el || el.hidden || !el.textContent.trim()) return null;
    const style = getComputedStyle(el);
    return style.display !== "none" && style.visibility !== "hidden" && Number(style.opacity) > 0 ? el.textContent : null;
  };

  /** Resolves once no tooltip is shown (ours keeps one for 300 ms after the pointer leaves, so it
   * can be reached, WCAG 1.4.13), so each measured move starts from a chart without a tooltip. */
  B.tooltipGone = async () => {
    for (let i = 0; i < 120 && tooltipShown() !== null; i++) await B.nextFrame();
  };

  /** Starts watching; resolves { moveAt, dispatchAt, shownAt } once a pointer move over #chart
   * shows a tooltip (moveAt: the event's timeStamp; dispatchAt: when the page received it). */
  B.armTooltip = () => {
    const before = tooltipShown();
    let moveAt = null, dispatchAt = null;
    return new Promise((resolve) => {
      const finish = (shownAt) => {
        window.removeEventListener("pointermove", onMove, true);
        window.removeEventListener("bench:tooltip", onPeer);
        observer.disconnect();
        clearTimeout(timer);
        resolve({ moveAt, dispatchAt, shownAt });
      };
      const onMove = (e) => {
        if (moveAt === null && e.target.closest?.("#chart")) {
          moveAt = e.timeStamp; // when the input arrived; Chromium dispatches moves aligned to frames
          dispatchAt = performance.now();
        }
      };
      const onPeer = () => { if (moveAt !== null) finish(performance.now()); };
      const observer = new MutationObserver(() => {
        const now = tooltipShown();
        if (moveAt !== null && now !== null && now !== before) finish(performance.now());
      });
      const timer = setTimeout(() => finish(null), 3000);
      window.addEventListener("pointermove", onMove, true);
      window.addEventListener("bench:tooltip", onPeer);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  };
})();
