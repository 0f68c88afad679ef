// What README.md's "Hosting" asks of a host, as `make serve` and `make bench` do it: Brotli or gzip as
// the browser accepts, from the precompressed files `make build` writes (tools/precompress.mjs); and a
// host still sending an older policy, without the hash of the page's inline script, gets a working page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { compress } from "../../tools/precompress.mjs";
import { CSP, listen, root } from "../../tools/serve.mjs";
import { launchBrowser, chartReady, openPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await listen({ compress: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A phone-sized page (harness.mjs's: console errors, page errors and CSP violations collected). */
const phonePage = () => openPage(browser, null, { viewport: { width: 390, height: 844 } });

/** `url` served as by a host still sending the policy from before the inline script (no hash). */
const withOlderPolicy = (page, url) => page.route(url, async (route) => {
  const response = await route.fetch();
  await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
});

const get = (path, encoding) => fetch(server.url + path, { headers: { "Accept-Encoding": encoding } });

test("each shipped file has current Brotli and gzip copies beside it, which the server sends", async () => {
  for (const path of ["dist/ccht_chart_bg.wasm", "dist/app.js", "dist/style.css", "dist/complete/ccht_chart_bg.wasm"]) {
    const raw = readFileSync(root + path);
    for (const [encoding, suffix, decode] of [["br", ".br", brotliDecompressSync], ["gzip", ".gz", gunzipSync]]) {
      assert.ok(statSync(root + path + suffix).mtimeMs >= statSync(root + path).mtimeMs, `${path}${suffix} is current`);
      const response = await get(path, encoding);
      assert.equal(response.headers.get("content-encoding"), encoding, path);
      assert.equal(response.headers.get("vary"), "Accept-Encoding");
      // Decoded by fetch(), the body is the file.
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), raw, `${path} in ${encoding}`);
      assert.deepEqual(decode(readFileSync(root + path + suffix)), raw, `${path}${suffix}`);
    }
  }
  // Brotli first when both are accepted; nothing compressed when neither is; an image as it is.
  assert.equal((await get("dist/app.js", "gzip, deflate, br")).headers.get("content-encoding"), "br");
  assert.equal((await get("dist/app.js", "identity")).headers.get("content-encoding"), null);
  assert.equal((await get("index.html", "gzip")).headers.get("content-encoding"), "gzip", "a page compressed by the server itself");
});

/** The bytes the server sends, undecoded. */
const rawBody = (path, encoding) => new Promise((resolve, reject) => {
  http.get(server.url + path, { headers: { "Accept-Encoding": encoding } }, (res) => {
    const chunks = [];
    res.on("data", (c) => chunks.push(c));
    res.on("end", () => resolve(Buffer.concat(chunks)));
  }).on("error", reject);
});

test("a precompressed copy is sent while it is current, and not once its file is newer", async () => {
  // A file in dist/ whose Brotli copy holds other text: which one the server sent shows.
  const file = `${root}dist/__hosting-probe.js`;
  try {
    writeFileSync(file, "the file\n");
    writeFileSync(`${file}.br`, compress(Buffer.from("the copy\n"), "br"));
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    assert.equal(brotliDecompressSync(await rawBody("dist/__hosting-probe.js", "br")).toString(), "the copy\n");
    // The file changed after its copy was made: the server compresses the file itself.
    const now = new Date();
    utimesSync(file, now, now);
    utimesSync(`${file}.br`, past, past);
    assert.equal(brotliDecompressSync(await rawBody("dist/__hosting-probe.js", "br")).toString(), "the file\n");
  } finally {
    rmSync(file, { force: true });
    rmSync(`${file}.br`, { force: true });
  }
});

test("the page, compressed, draws its chart with no console error (Chromium)", async () => {
  const { page, problems, context } = await phonePage();
  try {
    const encodings = new Map();
    page.on("response", (r) => encodings.set(new URL(r.url()).pathname, r.headers()["content-encoding"]));
    await page.goto(server.url);
    await chartReady(page);
    assert.equal(encodings.get("/dist/ccht_chart_bg.wasm"), "br");
    assert.equal(encodings.get("/dist/app.js"), "br");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("under an older policy without the inline script's hash, the page still draws its chart and shows its controls (Chromium)", async () => {
  const { page, problems, context } = await phonePage();
  try {
    await withOlderPolicy(page, server.url);
    await page.goto(server.url);
    await chartReady(page);
    assert.equal(await page.locator("#controls-toggle").isVisible(), true, "the controls show");
    assert.ok(await page.evaluate(() => document.querySelector("#chart").classList.contains("live")), "the live chart is drawn");
    // The refusal is reported (by the browser, and as a violation), and nothing else goes wrong.
    assert.ok(problems.length >= 1, "the refusal is reported");
    for (const problem of problems) assert.match(problem, /inline script|CSP violation: script-src/, problems.join("\n"));
  } finally {
    await context.close();
  }
});

test("under an older policy, an address naming another view never shows the default view's chart or words (Chromium)", async () => {
  const { page, context } = await phonePage();
  try {
    const url = `${server.url}?view=metric&metric=arrests`;
    await withOlderPolicy(page, url);
    // The Wasm held back, to see the page as it is before the live chart.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route("**/ccht_chart_bg.wasm", async (route) => { await held; await route.continue(); });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.classList.contains("first-none"));
    assert.equal(await page.locator(".first-image").isVisible(), false, "the default view's image is not shown");
    assert.equal((await page.locator("#chart-heading").textContent()).trim(), "", "nor its heading");
    assert.equal((await page.locator("#chart-summary").textContent()).trim(), "", "nor its summary");
    release();
    await chartReady(page);
    assert.match(await page.locator("#chart-heading").textContent(), /arrests/i, "then the live chart names its view");
  } finally {
    await context.close();
  }
});
