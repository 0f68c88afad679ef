// The first view's size budget: index.html, the stylesheet, the page's script and the lean Wasm,
// gzipped as the benchmark's server sends them (level 9). A size, not a time: the same on every
// machine. If a change or new data passes it, README.md's "Size" lists what keeps the Wasm small.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// 79 KB, under the Chart.js page's 79.1 KB (81,000 B, bench/results.json), which the first view must
// never pass. Measured 78.0 KB (79,919 B) with plotters, plotters-canvas and serde-wasm-bindgen doing
// the drawing and the boundary, after README "Size"'s tricks: a margin of about 1 KB.
const BUDGET = 79 * 1024;
const FIRST_VIEW = ["index.html", "dist/style.css", "dist/app.js", "dist/ccht_chart_bg.wasm"];
const root = new URL("../../", import.meta.url);

test(`the first view is under ${BUDGET / 1024} KB gzipped`, () => {
  const sizes = FIRST_VIEW.map((f) => [f, gzipSync(readFileSync(new URL(f, root)), { level: 9 }).length]);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  const listing = sizes.map(([f, n]) => `${f} ${n} B`).join(", ");
  assert.ok(total < BUDGET, `the first view is ${(total / 1024).toFixed(1)} KB gzipped (${listing}); the budget is ${BUDGET / 1024} KB`);
  // The page loads nothing else before its first chart: the complete build waits for a download or Spanish.
  const html = readFileSync(new URL("index.html", root), "utf8");
  const loaded = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:"));
  assert.deepEqual(loaded.sort(), ["dist/app.js", "dist/style.css"]);
});
