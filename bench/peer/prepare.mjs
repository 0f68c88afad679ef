/**
 * The Chart.js peer page's generated files, and the check that it paints: shared by `make bench`
 * (tools/bench.mjs) and its end-to-end test (tests/e2e/bench-peer.test.mjs), so the test holds the
 * very page the benchmark measures.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { PNG } from "pngjs";
import { root } from "../../tools/serve.mjs";
import { readRealData } from "../../tools/synth-data.mjs";

/** The peer's bar colour (bench/peer/peer.js's BAR), the same as ours. */
export const BAR_RGB = [0x00, 0x5e, 0xa2];

/**
 * Writes bench/peer/data.json (the records and what they point at, by index, as the Wasm holds
 * them) and bench/peer/peer.min.js (the peer's own script minified, as ours is in dist/ and as an
 * agency would ship it).
 */
export async function preparePeer() {
  const d = readRealData();
  const idx = (rows) => new Map(rows.map((r, i) => [r.id, i]));
  const [ci, ki, mi, si] = [idx(d.components), idx(d.kinds), idx(d.metrics), idx(d.sources)];
  const data = {
    components: d.components.map(({ id, name, short_name }) => ({ id, name, short_name })),
    kinds: d.kinds.map(({ id, name, unit, noun }) => ({ id, name, unit, noun })),
    metrics: d.metrics.map(({ id, name, kind }) => ({ id, name, kind: ki.get(kind) })),
    sources: d.sources.map(({ title, publisher, date }) => ({ title, publisher, date })),
    records: d.records.map((r) => ({
      fiscal_year: Number(r.fiscal_year), component: ci.get(r.component), metric: mi.get(r.metric), value: Number(r.value),
      qualifier: r.qualifier, source: si.get(r.source), source_sentence: r.source_sentence,
    })),
    pipeline: d.pipeline.map((p) => ({ component: ci.get(p.component), metric: mi.get(p.metric) })),
  };
  writeFileSync(join(root, "bench/peer/data.json"), JSON.stringify(data));
  await build({ entryPoints: [join(root, "bench/peer/peer.js")], outfile: join(root, "bench/peer/peer.min.js"), minify: true, logLevel: "warning" });
}

/** How many pixels of a PNG screenshot are the bar colour: what a reader of the page sees drawn. */
export function barPixels(png) {
  const { data } = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - BAR_RGB[0]) <= 2 && Math.abs(data[i + 1] - BAR_RGB[1]) <= 2 && Math.abs(data[i + 2] - BAR_RGB[2]) <= 2) n++;
  }
  return n;
}

/**
 * Throws unless every canvas in the page's chart is shown and the chart shows at least `min`
 * bar-coloured pixels on screen: a benchmark whose page draws into a hidden canvas measures no paint
 * (the peer once did, under our stylesheet's rule that hides a canvas until the live chart takes
 * over; on our page the prerendered image beneath would still show bars, hence the first check).
 */
export async function assertPainted(page, label, min = 2000) {
  const hidden = await page.locator("#chart canvas").evaluateAll((canvases) => canvases.length === 0 ? ["no canvas"] :
    canvases.filter((c) => { const s = getComputedStyle(c); return s.visibility !== "visible" || s.display === "none" || !c.getClientRects().length; }).map((c) => c.id || "a canvas"));
  if (hidden.length) throw new Error(`${label}: ${hidden.join(", ")} in #chart not shown: its chart is not painted`);
  const n = barPixels(await page.locator("#chart").screenshot());
  if (n < min) throw new Error(`${label}: ${n} bar-coloured pixels on screen in #chart (at least ${min} expected): its chart is not painted`);
  return n;
}
