#!/usr/bin/env node
/**
 * `make bench`: measures the built viewer against a Chart.js peer page (bench/peer/) drawing the same
 * records in the same views, in one headless Chromium run, alternating between them, and prints a
 * table of figures and ratios (ours / Chart.js) measured in this run; the same figures go to
 * bench/results.json. Also: gzip size of each shipped file, the DOM-span text measurement build
 * (bench/pkg-dom) against the shipped canvas measureText, and growth with data size through the
 * runtime-data build (bench/pkg-data) on synthetic sets from tools/synth-data.mjs.
 *
 * Cold loads (at a phone's width, unthrottled and on DevTools' Slow 4G) also load two floor pages
 * (bench/floor/: one heading; one heading and our stylesheet), what no page can beat on a profile,
 * and print a waterfall of our page's requests and steps, to show where the time goes.
 *
 * No timing here is asserted: timings depend on the machine. What is checked: that both pages'
 * charts are on screen (bars in a screenshot, bench/peer/prepare.mjs), so no figure times a chart
 * nobody sees. Expects `make bench` to have built
 * pkg/, bench/pkg-dom/ and bench/pkg-data/. BENCH_QUICK=1 runs fewer repetitions (for trying it out).
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { compress } from "./precompress.mjs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/harness.mjs";
import { listen, root } from "./serve.mjs";
import { readRealData, writeDataset } from "./synth-data.mjs";
import { assertPainted, preparePeer } from "../bench/peer/prepare.mjs";

const QUICK = process.env.BENCH_QUICK === "1";
// How the server compresses both pages alike: Brotli where the browser takes it (as README.md's
// hosting section sets a host up; make serve does the same), or BENCH_ENCODING=gzip.
const ENCODING = process.env.BENCH_ENCODING === "gzip" ? "gzip" : "br";
const BODIES = ENCODING === "br" ? "Brotli bodies" : "gzip bodies";
const N = {
  loads: QUICK ? 4 : 15, // cold loads per page
  slowLoads: QUICK ? 2 : 8, // cold loads per page on a throttled network (a few seconds each)
  switchRounds: QUICK ? 2 : 10, // × switchBatch = timed switches per kind per page (≥ 500 in a full run)
  switchBatch: QUICK ? 25 : 50,
  resizeRounds: QUICK ? 2 : 5,
  resizeBatch: QUICK ? 10 : 20,
  tooltipRounds: QUICK ? 2 : 4,
  tooltipBatch: QUICK ? 5 : 10,
  churn: QUICK ? 2000 : 10000, // switches before the second memory reading
  growthRounds: QUICK ? 2 : 4,
  scales: process.env.BENCH_SCALES ? process.env.BENCH_SCALES.split(",").map(Number) : QUICK ? [1, 10] : [1, 10, 100],
};
const VIEWPORT = { width: 1000, height: 900 };
const log = (...a) => console.error("bench:", ...a);

/** The keys rotated by `round`, so that each goes first in turn. */
const order = (round, keys) => keys.map((_, i) => keys[(i + round) % keys.length]);

// ---------- statistics ----------
const sorted = (xs) => [...xs].filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
const quantile = (xs, q) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : null;
};
const stats = (xs) => ({ n: sorted(xs).length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), min: quantile(xs, 0) });
/** Least squares y = a + b·x. */
function fit(points) {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p[0], 0) / n, my = points.reduce((s, p) => s + p[1], 0) / n;
  const sxx = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  if (!sxx) return null;
  const b = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / sxx;
  return { a: my - b * mx, b };
}

// ---------- files ----------
const gz = (path) => gzipSync(readFileSync(join(root, path)), { level: 9 }).length;
const br = (path) => compress(readFileSync(join(root, path)), "br").length;
const list = (dir, re) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => re.test(f)).sort().map((f) => `${dir}/${f}`) : []);
function sizes(paths) {
  return paths.map((path) => ({ path, bytes: statSync(join(root, path)).size, gzip: gz(path), br: br(path) }));
}

// ---------- browser ----------
const PAGES = {
  ours: { path: "index.html", label: "ours (canvas measureText)" },
  dom: { path: "v/dom/index.html", label: "ours, DOM-span measure" },
  peer: { path: "bench/peer/index.html", label: "Chart.js" },
  // What no page can beat on a profile: one heading; one heading and our render-blocking stylesheet.
  floor: { path: "bench/floor/index.html", label: "floor: one heading" },
  styled: { path: "bench/floor/styled.html", label: "floor: heading + stylesheet" },
};
// BENCH_BEFORE=bench/before: another build of the page (index.html and dist/ copied from an earlier
// commit's `make build`), loaded cold in the same alternation, to compare a change with the code before it.
const BEFORE = process.env.BENCH_BEFORE;
if (BEFORE) PAGES.before = { path: `${BEFORE.replace(/\/$/, "")}/index.html`, label: "ours before" };
const LOADED = ["ours", "peer", "floor", "styled", ...(BEFORE ? ["before"] : [])];
/** Cold loads at a phone's width, where a slow network is met. */
const PHONE = { width: 390, height: 844 };
// The warm pages whose redraws are timed: with BENCH_BEFORE, the code before too, in the same alternation.
const WARM = ["ours", "dom", "peer", ...(BEFORE ? ["before"] : [])];
const initScript = readFileSync(join(root, "bench/inpage.js"), "utf8");

async function open(browser, url, viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript({ content: initScript });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  return { context, page, cdp, problems, url };
}

async function ready(page) {
  if (!(await page.locator("#chart").count())) { // a floor page: its one paint
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 120000 });
    return;
  }
  await page.waitForFunction(() => document.querySelector("#chart")?.getAttribute("aria-busy") === "false", null, { timeout: 120000 });
  const alert = await page.locator("#alert").textContent().catch(() => "");
  if (alert && alert.trim()) throw new Error(`${page.url()}: ${alert.trim()}`);
}

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? null;
}

// DevTools' "Slow 4G" network preset (Chromium's front_end/core/sdk/NetworkManager.ts): 150 ms × 3.75
// latency per request, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up. No CPU throttling.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };
const SLOW_4G_WORDS = `DevTools' Slow 4G: ${SLOW_4G.latency} ms added to each request, ${(SLOW_4G.downloadThroughput * 8 / 1e6).toFixed(2)} Mbit/s (${(SLOW_4G.downloadThroughput / 1000).toFixed(0)} kB/s) down, ${(SLOW_4G.uploadThroughput * 8 / 1000).toFixed(0)} kbit/s up, no CPU throttling`;
/**
 * What the network alone allows for the live chart: under our CSP the Wasm cannot be inlined, so two
 * requests one after the other (the HTML, then the Wasm it asks for), each with the profile's latency,
 * and their bytes on the wire at its throughput (the page's other files arrive while the Wasm's
 * request waits out its latency). DevTools' emulation charges its latency once per request and none
 * for the connection (the one-heading floor page paints one latency after navigation), so a third
 * round trip for the connection, as a real network has, would be a floor the emulated page can beat.
 */
const CHAIN = 2;
const transferFloor = (wireBytes) => (wireBytes === null || wireBytes === undefined ? null : CHAIN * SLOW_4G.latency + (wireBytes / SLOW_4G.downloadThroughput) * 1000);

/**
 * One cold navigation: bytes by file (gzip bodies and on the wire), ms to the first chart painted
 * (ours: the prerendered image; the peer: its first draw) and to the live chart, the bytes received
 * by the first chart, and the layout shift. `network`: DevTools network conditions, or none.
 */
async function coldLoad(browser, url, network = null) {
  const s = await open(browser, null, PHONE);
  await s.cdp.send("Network.enable");
  await s.cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await s.cdp.send("Network.emulateNetworkConditions", network);
  const responses = new Map();
  s.cdp.on("Network.responseReceived", (e) => responses.set(e.requestId, { url: e.response.url, body: Number(e.response.headers["Content-Length"] ?? e.response.headers["content-length"] ?? 0), encoding: e.response.headers["Content-Encoding"] ?? e.response.headers["content-encoding"] ?? "" }));
  s.cdp.on("Network.loadingFinished", (e) => { const r = responses.get(e.requestId); if (r) r.wire = e.encodedDataLength; });
  await s.page.goto(url);
  await ready(s.page);
  await s.page.waitForFunction(() => !document.querySelector("#chart") || window.__bench.livePainted !== null);
  const { firstDraw, livePainted, firstChart, fcp, bytesToFirstChart, bytesToLive, wasm, wasmCompile } = await s.page.evaluate(() => {
    const b = window.__bench;
    const firstChart = b.firstChart ?? b.livePainted;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    return { firstDraw: b.firstDraw, livePainted: b.livePainted, firstChart, fcp, bytesToFirstChart: b.bytesBy(firstChart), bytesToLive: b.livePainted === null ? null : b.bytesBy(b.livePainted), wasm: b.wasm, wasmCompile: b.wasmCompile };
  });
  await s.page.waitForLoadState("load");
  // Two frames after the live chart, for any shift it caused to be recorded.
  await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { cls, waterfall } = await s.page.evaluate(() => ({ cls: window.__bench.cls, waterfall: window.__bench.waterfall() }));
  // The bytes on the wire (headers included) of the requests finished by the live chart's paint, and
  // of those on the transfer floor's chain: the page itself and the Wasm.
  const byLive = livePainted === null ? null : waterfall.filter((e) => e.end <= livePainted);
  const wireByLive = byLive && byLive.reduce((n, e) => n + e.wire, 0);
  const chainBytes = byLive && byLive.filter((e, i) => i === 0 || e.url.endsWith(".wasm")).reduce((n, e) => n + e.wire, 0);
  const files = [...responses.values()].map((r) => ({ url: r.url.replace(/^http:\/\/[^/]+\//, "/"), body: r.body, wire: r.wire ?? 0, encoding: r.encoding }));
  await s.context.close();
  return { firstDraw, livePainted, firstChart, fcp, bytesToFirstChart, bytesToLive, cls, files, wasm, wasmCompile, waterfall, wireByLive, chainBytes, body: files.reduce((n, f) => n + f.body, 0), wire: files.reduce((n, f) => n + f.wire, 0) };
}

async function main() {
  const started = Date.now();
  for (const dir of ["pkg", "dist", "bench/pkg-dom", "bench/dist-dom", "bench/pkg-data"]) {
    if (!existsSync(join(root, dir, "ccht_chart_bg.wasm"))) throw new Error(`${dir}/ is not built: run \`make bench\``);
  }
  await preparePeer();
  const synthetic = {};
  for (const scale of N.scales.filter((s) => s > 1)) synthetic[scale] = writeDataset(scale, 1, join(root, "bench", "data", `x${scale}`));
  const results = { date: new Date().toISOString(), quick: QUICK, repetitions: N, viewport: VIEWPORT, encoding: ENCODING };

  // ---------- sizes ----------
  results.shipped = sizes(["index.html", ...list("dist", /\.(css|js|wasm)$/), ...list("www", /\.(css|js)$/), ...list("pkg", /\.(js|wasm)$/)]);
  results.peerFiles = sizes(["bench/peer/index.html", "dist/style.css", "bench/peer/peer.css", "node_modules/chart.js/dist/chart.umd.min.js", "bench/peer/peer.min.js", "bench/peer/data.json"]);
  results.domWasm = sizes(["bench/pkg-dom/ccht_chart_bg.wasm", "bench/pkg-data/ccht_chart_bg.wasm"]);

  const server = await listen({ compress: ENCODING === "br", gzip: ENCODING === "gzip", isolated: true, variants: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  log(`Chromium ${browser.version()}, server ${server.url}`);
  try {
    // ---------- cold loads, alternating ----------
    // One untimed load of each page first: the server compresses a file without a precompressed copy
    // (the peer's, a page built before) on its first request, which no timed load should wait for.
    for (const key of LOADED) await coldLoad(browser, server.url + PAGES[key].path);
    log(`cold loads: ${N.loads} per page`);
    const loads = Object.fromEntries(LOADED.map((k) => [k, []]));
    for (let i = 0; i < N.loads; i++) {
      for (const key of order(i, LOADED)) loads[key].push(await coldLoad(browser, server.url + PAGES[key].path));
    }
    const summary = (runs) => ({
      firstDraw: stats(runs.map((r) => r.firstDraw)), livePainted: stats(runs.map((r) => r.livePainted)),
      firstChart: stats(runs.map((r) => r.firstChart)), fcp: stats(runs.map((r) => r.fcp)), wireByLive: stats(runs.map((r) => r.wireByLive)),
      chainBytes: stats(runs.map((r) => r.chainBytes)),
      // The run whose live chart came at the median: its requests and steps, for the waterfall.
      median: (({ waterfall, wasm, wasmCompile, fcp, firstChart, firstDraw, livePainted }) => ({ waterfall, wasm, wasmCompile, fcp, firstChart, firstDraw, livePainted }))(
        [...runs].sort((a, b) => (a.livePainted ?? a.fcp ?? Infinity) - (b.livePainted ?? b.fcp ?? Infinity))[Math.floor((runs.length - 1) / 2)]),
      bytesToFirstChart: stats(runs.map((r) => r.bytesToFirstChart)), bytesToLive: stats(runs.map((r) => r.bytesToLive)), cls: stats(runs.map((r) => r.cls)),
      body: runs[0].body, wire: runs[0].wire, files: runs[0].files,
    });
    results.load = {};
    for (const [key, runs] of Object.entries(loads)) results.load[key] = summary(runs);
    log(`cold loads on DevTools' "Slow 4G": ${N.slowLoads} per page`);
    const slow = Object.fromEntries(LOADED.map((k) => [k, []]));
    for (let i = 0; i < N.slowLoads; i++) {
      for (const key of order(i, LOADED)) slow[key].push(await coldLoad(browser, server.url + PAGES[key].path, SLOW_4G));
    }
    results.slowLoad = {};
    for (const [key, runs] of Object.entries(slow)) results.slowLoad[key] = summary(runs);

    // ---------- warm pages, one per variant ----------
    const sessions = {};
    for (const key of WARM) {
      sessions[key] = await open(browser, server.url + PAGES[key].path);
      await sessions[key].page.goto(sessions[key].url);
      await ready(sessions[key].page);
    }
    // Every figure below is of a chart a reader sees: bars on screen, in a screenshot (a chart drawn
    // into a hidden canvas would be timed without its paint).
    for (const key of ["ours", "peer"]) await assertPainted(sessions[key].page, PAGES[key].label);

    // ---------- memory after the first switch ----------
    results.memory = {};
    for (const key of ["ours", "peer"]) {
      const { page, cdp } = sessions[key];
      await page.evaluate(() => window.__bench.switches("component", 1));
      results.memory[key] = { wasmFirst: await page.evaluate(() => window.__bench.wasmBytes()), heapFirst: await heap(cdp) };
    }

    // ---------- switches ----------
    for (const key of WARM) { // warm-up, not recorded: JIT tiers, font caches
      for (const kind of ["component", "metric"]) await sessions[key].page.evaluate((k) => window.__bench.switches(k, 20), kind);
    }
    const switches = Object.fromEntries(WARM.map((key) => [key, { component: [], metric: [] }]));
    log(`switches: ${N.switchRounds * N.switchBatch} per kind per page, alternating in batches of ${N.switchBatch}`);
    for (let round = 0; round < N.switchRounds; round++) {
      for (const kind of ["component", "metric"]) {
        for (const key of order(round, WARM)) {
          const { page } = sessions[key];
          await page.bringToFront();
          switches[key][kind].push(...(await page.evaluate(([k, n]) => window.__bench.switches(k, n), [kind, N.switchBatch])));
        }
      }
    }
    results.switch = Object.fromEntries(Object.entries(switches).map(([k, v]) => [k, { component: stats(v.component), metric: stats(v.metric) }]));

    // ---------- resize ----------
    log(`resizes: ${N.resizeRounds * N.resizeBatch} per page`);
    const resizes = { ours: [], dom: [], peer: [] };
    for (const key of Object.keys(resizes)) await sessions[key].page.evaluate(() => window.__bench.showDhs());
    for (let round = 0; round < N.resizeRounds; round++) {
      for (const key of order(round, ["ours", "dom", "peer"])) {
        const { page } = sessions[key];
        await page.bringToFront();
        for (let i = 0; i < N.resizeBatch; i++) resizes[key].push(await page.evaluate((w) => window.__bench.resizeOnce(w), i % 2 ? 720 : 640));

      }
    }
    for (const key of Object.keys(resizes)) await sessions[key].page.evaluate(() => { document.querySelector("#chart").style.width = ""; });
    results.resize = Object.fromEntries(Object.entries(resizes).map(([k, v]) => [k, {
      ...stats(v.map((x) => x.ms)), work: stats(v.map((x) => x.work)), missed: v.filter((x) => x.ms === null).length,
    }]));

    // ---------- tooltip ----------
    results.tooltip = {};
    const tooltipKeys = [];
    for (const key of ["ours", "peer"]) {
      const { page } = sessions[key];
      await page.bringToFront();
      await page.evaluate(() => { window.__bench.showDhs(); window.scrollTo(0, 0); });
      const points = await page.evaluate(() => window.__bench.barPoints(2));
      if (points.length) { // hover once first: a tooltip element may be created on the first hover
        await page.mouse.move(points[0].x, points[0].y);
        await page.evaluate(async () => { for (let i = 0; i < 3; i++) await window.__bench.nextFrame(); });
      }
      const hasTooltip = key === "peer" || (await page.evaluate(() => Boolean(window.__bench.tooltipElement())));
      if (!hasTooltip) results.tooltip[key] = { na: "no #tooltip or [role=tooltip] element in the page" };
      else if (points.length < 1) results.tooltip[key] = { na: "no bar found in the canvas pixels" };
      else { tooltipKeys.push(key); results.tooltip[key] = { times: [], fromDispatch: [], points }; }
    }
    log(`tooltips: ${tooltipKeys.join(", ") || "none"}`);
    for (let round = 0; round < N.tooltipRounds; round++) {
      for (const key of order(round, tooltipKeys)) {
        const { page } = sessions[key];
        const t = results.tooltip[key];
        await page.bringToFront();
        for (let i = 0; i < N.tooltipBatch; i++) {
          const p = t.points[i % t.points.length];
          await page.mouse.move(2, 2);
          await page.evaluate(async () => { await window.__bench.tooltipGone(); await window.__bench.nextFrame(); await window.__bench.nextFrame(); });
          await page.evaluate(() => { window.__bench.pendingTooltip = window.__bench.armTooltip(); });
          await page.mouse.move(p.x, p.y);
          const { moveAt, dispatchAt, shownAt } = await page.evaluate(() => window.__bench.pendingTooltip);
          t.times.push(moveAt !== null && shownAt !== null ? shownAt - moveAt : null);
          t.fromDispatch.push(dispatchAt !== null && shownAt !== null ? shownAt - dispatchAt : null);
        }
      }
    }
    for (const key of tooltipKeys) {
      const t = results.tooltip[key];
      results.tooltip[key] = { ...stats(t.times), fromDispatch: stats(t.fromDispatch), missed: t.times.filter((x) => x === null).length };
    }

    // ---------- memory after many switches ----------
    log(`memory: ${N.churn} switches per page`);
    for (const key of ["ours", "peer"]) {
      const { page, cdp } = sessions[key];
      await page.bringToFront();
      await page.evaluate((n) => window.__bench.churn(n), N.churn);
      Object.assign(results.memory[key], { wasmAfter: await page.evaluate(() => window.__bench.wasmBytes()), heapAfter: await heap(cdp) });
    }
    for (const key of Object.keys(sessions)) {
      const problems = sessions[key].problems.filter((p) => !/willReadFrequently/.test(p));
      if (problems.length) results.problems = { ...(results.problems || {}), [key]: problems.slice(0, 5) };
      await sessions[key].context.close();
    }

    // ---------- growth with data: one page per scale, all open, measured in turn ----------
    const growth = [];
    for (const scale of N.scales) {
      log(`growth: loading ${scale}×`);
      const base = scale === 1 ? "data/" : `bench/data/x${scale}/`;
      // Compress once before timing, so the server's compression is not inside the fetch time.
      for (const f of ["components", "kinds", "metrics", "sources", "records", "pipeline"]) {
        await fetch(`${server.url}${base}${f}.csv`, { headers: { "Accept-Encoding": ENCODING } }).then((r) => r.arrayBuffer());
      }
      const s = await open(browser, server.url + "bench/growth/");
      await s.page.goto(s.url);
      const load = await s.page.evaluate((sc) => window.growth.load(sc), scale);
      const heapAfterLoad = await heap(s.cdp);
      const summary = scale === 1 ? null : synthetic[scale];
      const real = readRealData();
      const componentIds = summary ? summary.component_ids : real.components.map((c) => c.id);
      const metricIds = summary ? summary.metric_ids : real.metrics.map((m) => m.id);
      const metricKinds = summary ? summary.metric_kinds : real.metrics.map((m) => m.kind);
      const g = { scale, records: load.records, csvBytes: load.csvBytes, load, heapAfterLoad, views: [], selects: [] };
      if (summary) Object.assign(g, { components: summary.components, metrics: summary.metrics, years: summary.years });
      else Object.assign(g, { components: componentIds.length, metrics: metricIds.length, years: 1 });
      if (scale === 1) g.withDataBars = await s.page.evaluate(() => window.growth.withData(1));
      // What is measured, by name; the metric view once per kind (it draws every figure of that kind).
      const items = [
        { name: "pipeline", draw: { view: "pipeline" } },
        { name: "component dhs", draw: { view: "component", component: "dhs" } },
        ...[...new Set(metricKinds)].map((kind) => ({ name: `metric view, kind ${kind}`, draw: { view: "metric", metric: metricIds[metricKinds.indexOf(kind)] } })),
        { name: "switch", switch: componentIds.slice(0, 24) },
        ...[["select pipeline", { view: "pipeline" }], ["select component dhs", { view: "component", component: "dhs" }], ["select metric arrests", { view: "metric", metric: "arrests" }]]
          .map(([name, options]) => ({ name, select: options })),
      ];
      growth.push({ g, s, items, samples: new Map(items.map((i) => [i.name, { times: [], bars: null, height: null }])) });
    }
    log(`growth: measuring ${N.growthRounds} rounds, alternating between scales`);
    for (const { s } of growth) await s.page.evaluate((v) => window.growth.warmUp(v, 1500), [{ view: "pipeline" }, { view: "component", component: "dhs" }, { view: "metric", metric: "arrests" }]);
    for (let round = 0; round < N.growthRounds; round++) {
      for (let i = 0; i < growth[0].items.length; i++) {
        for (const { s, items, samples } of order(round, growth)) {
          const item = items[i];
          const sample = samples.get(item.name);
          if (item.draw) {
            const r = await s.page.evaluate(([o, l]) => window.growth.drawTimes(o, l), [item.draw, { n: 40, budgetMs: 300, min: 3 }]);
            Object.assign(sample, { bars: r.bars, height: r.height });
            sample.times.push(...r.times);
          } else if (item.switch) {
            const r = await s.page.evaluate(([c, l]) => window.growth.switchTimes(c, l), [item.switch, { n: 40, budgetMs: 800, min: 3 }]);
            sample.times.push(...r.times);
          } else {
            const probe = await s.page.evaluate((o) => window.growth.selectTime(o, 1), item.select);
            const reps = Math.max(1, Math.min(2000, Math.round(100 / Math.max(probe.ms, 0.001))));
            const r = await s.page.evaluate(([o, n]) => window.growth.selectTime(o, n), [item.select, reps]);
            sample.bars = r.bars;
            sample.times.push(r.ms);
          }
        }
      }
    }
    results.growth = [];
    for (const { g, s, items, samples } of growth) {
      for (const item of items) {
        const sample = samples.get(item.name);
        if (item.draw) g.views.push({ name: item.name, options: item.draw, bars: sample.bars, canvasHeight: sample.height, ...stats(sample.times) });
        else if (item.switch) g.switchComponent = stats(sample.times);
        else g.selects.push({ name: item.name.replace(/^select /, ""), options: item.select, bars: sample.bars, ms: stats(sample.times).median });
      }
      g.wasmAfterDraws = await s.page.evaluate(() => window.growth.wasmBytes());
      g.fit = fit(g.views.filter((v) => v.name.startsWith("metric")).map((v) => [v.bars, v.median]));
      if (s.problems.length) g.problems = s.problems.slice(0, 5);
      results.growth.push(g);
      await s.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(report(results));
  log(`wrote bench/results.json (${results.seconds} s)`);
}

// ---------- the table ----------
const ms = (x) => (x === null || x === undefined ? "n/a" : x < 1 ? `${x.toFixed(3)} ms` : x < 100 ? `${x.toFixed(2)} ms` : `${Math.round(x)} ms`);
const kb = (x) => (x === null || x === undefined ? "n/a" : `${(x / 1024).toFixed(1)} KB`);
const mb = (x) => (x === null || x === undefined ? "n/a" : `${(x / 1048576).toFixed(2)} MB`);
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || !b ? "n/a" : `${(a / b).toFixed(2)}×`);
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Each request's start, first byte and end, and the page's steps, as rows with a bar drawn in text. */
function waterfall(run, title) {
  const end = Math.max(run.livePainted ?? 0, ...run.waterfall.map((e) => e.end));
  const cols = 48;
  const bar = (a, b) => {
    const i = Math.round((a / end) * cols), j = Math.max(i + 1, Math.round((b / end) * cols));
    return (" ".repeat(i) + "█".repeat(Math.min(cols, j) - i)).padEnd(cols);
  };
  const rows = run.waterfall.map((e) => [e.url, ms(e.start), ms(e.firstByte), ms(e.end), kb(e.wire), bar(e.start, e.end)]);
  const step = (name, a, b = a) => (a === null || a === undefined ? null : [name, ms(a), "–", ms(b), "–", bar(a, b)]);
  rows.push(...[
    step("first contentful paint", run.fcp),
    step("first chart painted (prerendered image)", run.firstChart),
    step("Wasm compile (compileStreaming)", run.wasmCompile?.start, run.wasmCompile?.end),
    step(run.wasmCompile ? "Wasm instantiate" : "Wasm compile + instantiate (streaming)", run.wasm?.start, run.wasm?.end),
    step("live chart drawn (aria-busy=false)", run.firstDraw),
    step("live chart painted", run.livePainted),
  ].filter(Boolean));
  return `${title}:\n${table(["request or step", "start", "first byte", "end", "wire", `0 … ${ms(end)}`], rows)}`;
}

function report(r) {
  const out = [];
  const firstView = (k) => r.load[k].body;
  out.push(`ccht-chart benchmark, ${r.date}${r.quick ? " (BENCH_QUICK: fewer repetitions)" : ""}; ratio = ours / Chart.js, both measured in this run`);
  out.push("");
  const sw = (k, kind, q) => r.switch[k][kind][q];
  // Each row: figure, ours, ours with DOM-span text, Chart.js, ours / Chart.js, DOM / canvas, and where
  // a page can do no better, the floor and ours / floor.
  const toLive = (k) => r.load[k].bytesToLive.median;
  const rows = [
    [`first view: ${BODIES} by the live chart, median`, kb(toLive("ours")), "–", kb(toLive("peer")), ratio(toLive("ours"), toLive("peer")), "–"],
    [`all files of the first load, ${BODIES}`, kb(firstView("ours")), "–", kb(firstView("peer")), ratio(firstView("ours"), firstView("peer")), "–"],
    ["all files of the first load, on the wire (with headers)", kb(r.load.ours.wire), "–", kb(r.load.peer.wire), ratio(r.load.ours.wire, r.load.peer.wire), "–"],
  ];
  // First chart: ours is the prerendered image painted; the peer's, its first draw painted. Its floor:
  // the first paint of a page of one heading and our stylesheet. Live chart: ours drawn by the Wasm
  // (interactive) and painted, against the same peer figure; on Slow 4G, its floor is what the
  // network allows (transferFloor).
  for (const [net, load, slow] of [["", r.load, false], [", Slow 4G", r.slowLoad, true]]) {
    // Nothing, chart or not, is painted before a page's first contentful paint.
    const fcp = (k) => load[k].fcp.median;
    rows.push([`navigation → first contentful paint${net}, median`, ms(fcp("ours")), "–", ms(fcp("peer")), ratio(fcp("ours"), fcp("peer")), "–", `${ms(fcp("floor"))} (one heading)`, ratio(fcp("ours"), fcp("floor"))]);
    rows.push([`  a page of one heading and the stylesheet${net}, median`, "–", "–", "–", "–", "–", ms(fcp("styled")), "–"]);
    for (const q of ["median", "p95"]) {
      const [ours, peer, floor] = [load.ours.firstChart[q], load.peer.livePainted[q], load.styled.fcp[q]];
      rows.push([`navigation → first chart visible${net}, ${q} of ${load.ours.firstChart.n}`, ms(ours), "–", ms(peer), ratio(ours, peer), "–", ms(floor), ratio(ours, floor)]);
    }
    for (const q of ["median", "p95"]) {
      const [ours, peer] = [load.ours.livePainted[q], load.peer.livePainted[q]];
      const floor = slow ? transferFloor(load.ours.chainBytes.median) : null;
      rows.push([`navigation → live chart (interactive), painted${net}, ${q}`, ms(ours), "–", ms(peer), ratio(ours, peer), "–", slow ? ms(floor) : "–", slow ? ratio(ours, floor) : "–"]);
    }
    if (load.before) {
      for (const q of ["median", "p95"]) {
        rows.push([`  the same, the code before (${BEFORE}), ${q}`, ms(load.before.livePainted[q]), "–", ms(load.peer.livePainted[q]), ratio(load.before.livePainted[q], load.peer.livePainted[q]), "–"]);
      }
    }
    rows.push([`bytes of files complete by the first chart${net}, median`, kb(load.ours.bytesToFirstChart.median), "–", kb(load.peer.bytesToFirstChart.median), ratio(load.ours.bytesToFirstChart.median, load.peer.bytesToFirstChart.median), "–"]);
    rows.push([`layout shift (CLS), navigation → live${net}, p95`, load.ours.cls.p95?.toFixed(4) ?? "n/a", "–", load.peer.cls.p95?.toFixed(4) ?? "n/a", "–", "–"]);
  }
  // What the first chart needs (HTML, stylesheet, dist/first.js, the image), against the peer's first view (target ≤ 0.25×).
  const needed = r.load.ours.files.filter((f) => /^\/(index\.html)?$|style\.css$|first\.js$|\/prerender\//.test(f.url.split("?")[0])).reduce((n, f) => n + f.body, 0);
  rows.push(["bytes the first chart needs (HTML, CSS, image)", kb(needed), "–", kb(firstView("peer")), ratio(needed, firstView("peer")), "–"]);
  for (const kind of ["component", "metric"]) {
    for (const q of ["median", "p95"]) {
      rows.push([`redraw after ${kind} change, ${q} of ${r.switch.ours[kind].n}`, ms(sw("ours", kind, q)), ms(sw("dom", kind, q)), ms(sw("peer", kind, q)), ratio(sw("ours", kind, q), sw("peer", kind, q)), ratio(sw("dom", kind, q), sw("ours", kind, q))]);
    }
    if (r.switch.before) {
      for (const q of ["median", "p95"]) {
        rows.push([`  the same, the code before (${BEFORE}), ${q}; ours / before ${ratio(sw("ours", kind, q), sw("before", kind, q))}`, ms(sw("before", kind, q)), "–", ms(sw("peer", kind, q)), ratio(sw("before", kind, q), sw("peer", kind, q)), "–"]);
      }
    }
  }
  for (const q of ["median", "p95"]) {
    rows.push([`resize → redrawn, ${q} of ${r.resize.ours.n}`, ms(r.resize.ours[q]), ms(r.resize.dom[q]), ms(r.resize.peer[q]), ratio(r.resize.ours[q], r.resize.peer[q]), ratio(r.resize.dom[q], r.resize.ours[q])]);
  }
  for (const q of ["median", "p95"]) {
    const w = (k) => r.resize[k].work[q];
    rows.push([`resize redraw script time, ${q}`, ms(w("ours")), ms(w("dom")), ms(w("peer")), ratio(w("ours"), w("peer")), ratio(w("dom"), w("ours"))]);
  }
  const o = r.tooltip.ours, p = r.tooltip.peer;
  for (const q of ["median", "p95"]) {
    rows.push([`pointer move → tooltip shown, ${q} of ${p.n ?? 0}`, o.na ? "n/a" : ms(o[q]), "–", p.na ? "n/a" : ms(p[q]), o.na || p.na ? "n/a" : ratio(o[q], p[q]), "–"]);
  }
  for (const q of ["median", "p95"]) {
    const f = (t) => (t.na ? null : t.fromDispatch[q]);
    rows.push([`  of which after the page got the move, ${q}`, o.na ? "n/a" : ms(f(o)), "–", p.na ? "n/a" : ms(f(p)), o.na || p.na ? "n/a" : ratio(f(o), f(p)), "–"]);
  }
  const m = r.memory;
  rows.push(["Wasm memory after the first switch", mb(m.ours.wasmFirst), "–", "none", "–", "–"]);
  rows.push([`Wasm memory after ${r.repetitions.churn} switches`, mb(m.ours.wasmAfter), "–", "none", "–", "–"]);
  rows.push(["JS heap after the first switch (after GC)", mb(m.ours.heapFirst), "–", mb(m.peer.heapFirst), ratio(m.ours.heapFirst, m.peer.heapFirst), "–"]);
  rows.push([`JS heap after ${r.repetitions.churn} switches (after GC)`, mb(m.ours.heapAfter), "–", mb(m.peer.heapAfter), ratio(m.ours.heapAfter, m.peer.heapAfter), "–"]);
  rows.push([`JS + Wasm after ${r.repetitions.churn} switches`, mb(m.ours.heapAfter + m.ours.wasmAfter), "–", mb(m.peer.heapAfter), ratio(m.ours.heapAfter + m.ours.wasmAfter, m.peer.heapAfter), "–"]);
  out.push(table(["figure", "ours", "ours, DOM-span text", "Chart.js", "ours/Chart.js", "DOM/canvas", "floor", "ours/floor"], rows.map((row) => [...row, "–", "–"].slice(0, 8))));
  out.push("");
  out.push(`Cold loads: ${PHONE.width}×${PHONE.height} px, cache off, each in a new browser context, ${r.repetitions.loads} per page (${r.repetitions.slowLoads} on Slow 4G), alternating;`);
  out.push(`  both pages served with ${r.encoding === "br" ? "Brotli (quality 11; BENCH_ENCODING=gzip for gzip)" : "gzip (level 9)"}.`);
  out.push(`Slow 4G = ${SLOW_4G_WORDS}.`);
  out.push(`Transfer floor (Slow 4G) = ${CHAIN} × ${SLOW_4G.latency} ms (the HTML, then the Wasm: our CSP allows no inline Wasm; the emulation adds no connection latency) + those two's bytes on`);
  out.push(`  the wire (median ${kb(r.slowLoad.ours.chainBytes.median)}; ${kb(r.slowLoad.ours.wireByLive.median)} for every file by the live chart) at ${(SLOW_4G.downloadThroughput / 1000).toFixed(0)} kB/s. p95 of 8 or 15 is the slowest.`);
  out.push(`  Painted = a message posted from the next animation frame after the draw, for both pages.`);
  out.push("");
  for (const [key, words] of [["ours", "Our page"], ...(r.slowLoad.before ? [["before", `The code before (${BEFORE})`]] : [])]) {
    out.push(waterfall(r.slowLoad[key].median, `${words} on Slow 4G, the load whose live chart came at the median`));
    out.push("");
  }
  out.push(waterfall(r.load.ours.median, "Our page unthrottled, the load whose live chart came at the median"));
  out.push("");
  out.push("Redraw: a change through the real <select> (value + change event), then one pixel read from each chart canvas; one switch per frame.");
  out.push("Chart.js's path: animations off, each panel's chart kept, new data, update('none') (resize() when the panel height changes).");
  out.push("Resize: #chart's width 640 ↔ 720 px until every chart canvas is redrawn (ours: in its ResizeObserver callback; Chart.js: its observer defers to the next");
  out.push("  animation frame); script time = time inside ResizeObserver and requestAnimationFrame callbacks meanwhile, i.e. the redraw work itself.");
  out.push("Tooltip: page.mouse.move onto a bar found in the canvas pixels, from the event's timeStamp (Chromium delivers moves aligned to frames) to the tooltip");
  out.push("  visible (ours: #tooltip/[role=tooltip] shown; Chart.js: afterTooltipDraw with opacity > 0; it handles pointer events in the next animation frame).");
  const missed = [...Object.entries(r.resize).map(([k, v]) => [`resize ${k}`, v.missed]), ...Object.entries(r.tooltip).map(([k, v]) => [`tooltip ${k}`, v.missed ?? 0])].filter(([, n]) => n);
  if (missed.length) out.push(`Timed out (left out of the figures): ${missed.map(([k, n]) => `${k} ${n}`).join(", ")}.`);
  if (r.tooltip.ours.na) out.push(`Tooltip, ours: n/a (${r.tooltip.ours.na}); measured automatically once the page has one.`);
  if (r.problems) out.push(`Page errors: ${JSON.stringify(r.problems)}`);

  out.push("");
  out.push("Shipped files (gzip -9; Brotli quality 11):");
  const firstViewPaths = new Set(r.load.ours.files.map((f) => f.url.replace(/^\//, "")));
  const first = r.shipped.filter((f) => firstViewPaths.has(f.path));
  const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
  out.push(table(["file", "bytes", "gzip", "Brotli", "first view"], [
    ...r.shipped.map((f) => [f.path, f.bytes, f.gzip, f.br, firstViewPaths.has(f.path) ? "yes" : "no"]),
    ["first view total (but the image)", sum(first, "bytes"), sum(first, "gzip"), sum(first, "br"), `${kb(sum(first, "gzip"))} gzip, ${kb(sum(first, "br"))} Brotli`],
  ]));
  out.push("");
  out.push("Chart.js peer files (gzip -9; Brotli quality 11):");
  out.push(table(["file", "bytes", "gzip", "Brotli"], [...r.peerFiles.map((f) => [f.path, f.bytes, f.gzip, f.br]), ["total", sum(r.peerFiles, "bytes"), sum(r.peerFiles, "gzip"), sum(r.peerFiles, "br")]]));
  out.push(`Benchmark builds: ${r.domWasm.map((f) => `${f.path} ${f.bytes} B, ${f.gzip} B gz`).join("; ")}`);

  out.push("");
  out.push("Growth with data (runtime-data build; 1× = data/*.csv, 10× and 100× = tools/synth-data.mjs, seed 1):");
  const g = r.growth;
  const view = (x, name) => x.views.find((v) => v.name === name);
  out.push(table(["", ...g.map((x) => `${x.scale}×`)], [
    ["components / metrics / years", ...g.map((x) => `${x.components} / ${x.metrics} / ${x.years}`)],
    ["records", ...g.map((x) => x.records)],
    ["CSV bytes", ...g.map((x) => x.csvBytes)],
    [`fetch CSV (${ENCODING})`, ...g.map((x) => ms(x.load.fetchMs))],
    ["parse + check (DataSet)", ...g.map((x) => ms(x.load.parseMs))],
    ["first draw", ...g.map((x) => ms(x.load.firstDrawMs))],
    ["Wasm memory after load", ...g.map((x) => mb(x.load.wasmAfterLoad))],
    ["  of which the loaded data and its parse", ...g.map((x) => mb(x.load.wasmAfterLoad - x.load.wasmBeforeLoad))],
    ["JS heap after load (GC)", ...g.map((x) => mb(x.heapAfterLoad))],
    ["redraw pipeline (4 bars), median", ...g.map((x) => ms(view(x, "pipeline").median))],
    ["redraw component dhs, median", ...g.map((x) => `${ms(view(x, "component dhs").median)} (${view(x, "component dhs").bars} bars)`)],
    ["setView(component) + draw, median", ...g.map((x) => ms(x.switchComponent.median))],
    ...["pipeline", "component dhs", "metric arrests"].map((name) => [`select() alone, ${name}`, ...g.map((x) => { const s = x.selects.find((y) => y.name === name); return `${ms(s.ms)} (${s.bars} bars)`; })]),
    ["metric-view redraw fit: fixed + per bar", ...g.map((x) => (x.fit ? `${ms(x.fit.a)} + ${(x.fit.b * 1000).toFixed(1)} µs/bar` : "n/a"))],
  ]));
  out.push("");
  out.push("Redraw by bars drawn (metric view, one measure per kind; median ms):");
  for (const x of g) out.push(`  ${x.scale}×: ${x.views.filter((v) => v.name.startsWith("metric")).sort((a, b) => a.bars - b.bars).map((v) => `${v.bars} bars ${ms(v.median)}`).join(", ")}`);
  out.push("");
  out.push(`Run time ${r.seconds} s.`);
  return out.join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
