// The soaks' page side, shared by soak.test.mjs (every engine) and soak-heap.test.mjs (Chromium,
// with heap figures): seeded random interactions through the page's own controls and events, and
// the check that the chart came through whole.
import assert from "node:assert/strict";

/** Runs in the page before its scripts: keeps the Wasm instance's memory so the test can read its size. */
export function captureWasmMemory() {
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    const memory = instance?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) window.__soakWasmMemory = memory;
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = (...args) => streaming.apply(WebAssembly, args).then(keep);
}

/**
 * Runs `count` random interactions in the page, from the PRNG state kept in `window.__soak`.
 * Every one goes through the page's own controls or dispatches the event a reader's action would.
 */
export async function interact({ count, seed }) {
  const s = (window.__soak ??= { state: seed >>> 0, counts: {}, redraws: 0 });
  if (!s.observer) {
    // Counts redraws: each one rewrites the canvas's aria-label or its backing-store size.
    s.observer = new MutationObserver((records) => { s.redraws += records.length; });
    s.observer.observe(document.querySelector("#chart-canvas"), { attributes: true, attributeFilter: ["aria-label", "width", "height"] });
  }
  // mulberry32: small, seeded, the same sequence on every run.
  const random = () => {
    let t = (s.state = (s.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (items) => items[Math.floor(random() * items.length)];
  const figure = document.querySelector("#chart");
  const canvas = document.querySelector("#chart-canvas");
  const component = document.querySelector("select[name=component]");
  const metric = document.querySelector("select[name=metric]");
  const choose = (select) => {
    // What picking an entry does: the value changes, then `input` and `change` bubble.
    select.value = pick([...select.options].filter((o) => !o.disabled)).value;
    select.dispatchEvent(new Event("input", { bubbles: true }));
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const pointAt = (type, x, y) => {
    const init = { bubbles: true, cancelable: true, clientX: x, clientY: y, pointerId: 1, pointerType: "mouse", isPrimary: true };
    canvas.dispatchEvent(new PointerEvent(type, init));
    if (type === "pointermove") canvas.dispatchEvent(new MouseEvent("mousemove", init));
  };
  const KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown", "Enter", " ", "Escape", "Tab", "a", "1"];
  const actions = {
    view() {
      choose(document.querySelector("#view"));
    },
    component() {
      if (component.disabled) return actions.view();
      choose(component);
    },
    metric() {
      if (metric.disabled || metric.options.length === 0) return actions.view();
      choose(metric);
    },
    resize() {
      // The chart's column changes width, as in a CMS layout; the ResizeObserver redraws.
      figure.style.width = pick(["", "", "100%", "50%", `${Math.round(1 + random() * 1200)}px`, `${Math.round(120 + random() * 300)}px`]);
    },
    pointer() {
      const r = canvas.getBoundingClientRect();
      const x = r.left + random() * r.width;
      const y = r.top + random() * r.height;
      pointAt(random() < 0.1 ? "pointerdown" : "pointermove", x, y);
      if (random() < 0.1) pointAt(random() < 0.5 ? "pointerup" : "pointerleave", x, y);
    },
    key() {
      // Keys go to the focused element in the chart area, or to the canvas.
      const target = figure.contains(document.activeElement) ? document.activeElement : canvas;
      const key = pick(KEYS);
      for (const type of ["keydown", "keyup"]) target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
    },
  };
  const names = Object.keys(actions);
  for (let i = 0; i < count; i++) {
    const name = pick(names);
    actions[name]();
    s.counts[name] = (s.counts[name] ?? 0) + 1;
    // Let the page render now and then, so resize observers and other frame work run.
    if (i % 10 === 9) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }
  return { counts: s.counts, redraws: s.redraws };
}

/** After a soak: no alert, the chart drawn, and the drawn view the one the controls show. */
export async function assertStillWhole(page) {
  assert.equal(await page.locator("#alert").isHidden(), true);
  assert.equal(await page.locator("#chart").getAttribute("aria-busy"), "false");
  const shown = await page.evaluate(() => ({
    view: document.querySelector("#view").value,
    component: document.querySelector("select[name=component]").selectedOptions[0]?.textContent,
    label: document.querySelector("#chart-canvas").getAttribute("aria-label"),
  }));
  if (shown.view === "component") assert.ok(shown.label.includes(`${shown.component}, Fiscal year`), JSON.stringify(shown));
  if (shown.view === "pipeline") assert.match(shown.label, /From investigation to conviction/);
}
