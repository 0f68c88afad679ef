// The chart before the Wasm: each view's prerendered image (examples/prerender.rs, put in by
// index.html or www/first.js), with its name, summary, table and controls; the live chart that
// replaces it saying the same; a choice made meanwhile applied; a failed Wasm leaving the image.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady } from "./page.mjs";

// Either build: the lean one, or the complete one a Spanish first view loads.
const WASM = "**/ccht_chart_bg.wasm";

/** Holds the first view's Wasm until `release()`. */
function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  page.route(WASM, async (route) => { await held; await route.continue(); });
  return release;
}

/** A page at `width` px opening `path` (from the server's root) with its Wasm held until `release()`. */
async function openHeld(env, path, width = 1000) {
  const { page, context } = await openPage(env, null, { viewport: { width, height: 900 } });
  const release = holdWasm(page);
  await page.goto(`${env.server.url}${path}`);
  return { page, context, release };
}

/** The prerendered chart as the reader has it: the image, its drawing's words, and the page around it. */
const prerendered = (page) => page.evaluate(async () => {
  const img = document.querySelector(".first-image");
  const root = document.documentElement;
  for (let i = 0; i < 200 && root.classList.contains("first-pending"); i++) await new Promise((r) => setTimeout(r, 25));
  await img.decode().catch(() => {});
  const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), "image/svg+xml");
  const texts = Array.from(svg.querySelectorAll("text"), (t) => ({
    text: t.textContent.trim(), x: Number(t.getAttribute("x")), y: Number(t.getAttribute("y")),
    size: Math.round(Number(t.getAttribute("font-size"))), bold: t.getAttribute("font-weight") === "bold",
  }));
  const box = img.getBoundingClientRect();
  return {
    src: img.currentSrc, natural: img.naturalWidth, width: box.width, height: box.height,
    visible: !root.classList.contains("first-pending") && getComputedStyle(img).display !== "none" && box.height > 0,
    canvasVisible: getComputedStyle(document.querySelector("#chart-canvas")).visibility === "visible",
    alt: img.alt, summary: document.querySelector("#chart-summary").textContent,
    caption: document.querySelector("#data-table caption")?.textContent,
    heading: document.querySelector("#chart-heading")?.textContent,
    subtitle: document.querySelector("#chart-subtitle")?.textContent,
    source: document.querySelector("#chart-source")?.textContent,
    values: Array.from(document.querySelectorAll("#data-table td.number"), (td) => td.textContent),
    texts,
  };
});

/** The data table as the page has it: its caption, then each row's cells as tag and markup. */
const tableCells = (page) => page.evaluate(() => [document.querySelector("#data-table caption")?.textContent ?? "", ...Array.from(document.querySelectorAll("#data-table tr"), (tr) => Array.from(tr.children, (c) => `${c.tagName} ${c.innerHTML}`).join(" | "))]);

const live = (page) => page.evaluate(() => ({
  label: document.querySelector("#chart-canvas").getAttribute("aria-label"),
  summary: document.querySelector("#chart-summary").textContent,
  caption: document.querySelector("#data-table caption")?.textContent,
  heading: document.querySelector("#chart-heading")?.textContent,
  subtitle: document.querySelector("#chart-subtitle")?.textContent,
  source: document.querySelector("#chart-source")?.textContent,
  values: Array.from(document.querySelectorAll("#data-table td.number"), (td) => td.textContent),
  imageShown: getComputedStyle(document.querySelector(".first-image")).display !== "none" && !!document.querySelector(".first-image").offsetParent,
  canvasVisible: getComputedStyle(document.querySelector("#chart-canvas")).visibility === "visible",
}));

const digits = (s) => s.replace(/[^0-9]/g, "");
/** The drawing's lines of a role, top to bottom: the value labels (14 px bold, right of a bar), the cards' numbers. */
const lines = (texts, pick) => texts.filter(pick).sort((a, b) => a.y - b.y || a.x - b.x).map((t) => t.text);

inEachEngine("first paint", (env) => {
  for (const [what, query, width] of [
    ["the default view on a phone", "", 390],
    ["one measure across components, FY 2023", "?view=metric&component=hsi&metric=arrests&fy=2023", 1000],
    ["a trend in Spanish", "?view=trend&component=hsi&metric=arrests&lang=es", 1000],
  ]) {
    test(`${what}: the prerendered chart comes before the Wasm, and the live chart says the same`, async () => {
      const { page, context, release } = await openHeld(env, query, width);
      const first = await prerendered(page);
      const firstTable = await tableCells(page);
      assert.equal(first.visible, true, JSON.stringify(first));
      assert.ok(first.natural > 0, `the image loaded: ${first.src}`);
      assert.match(first.src, /\/dist\/prerender\/[0-9a-f]{16}\.svg$/);
      // The widest drawing that fits the chart's box, at its natural size.
      assert.ok(first.width <= width - 34 && first.width > (width - 34) * 0.7, `${first.width} px in ${width}`);
      assert.equal(first.canvasVisible, false);
      assert.match(first.alt, /^(Chart|Gráfico)\. /);
      assert.ok(first.summary.length > 20 && first.values.length > 0, JSON.stringify(first));

      release();
      await chartReady(page);
      const now = await live(page);
      assert.equal(now.imageShown, false);
      assert.equal(now.canvasVisible, true);
      // The same words: the image's name is the canvas's, the summary and the figures are the live ones.
      assert.equal(first.alt, now.label);
      assert.equal(first.summary, now.summary);
      // The chart's heading, shown as the page's text, names the view before and after (the
      // table's caption is title and subtitle), and so does the source line under it.
      assert.equal(`${first.heading}, ${first.subtitle}`, now.caption);
      assert.deepEqual([now.heading, now.subtitle, now.source], [first.heading, first.subtitle, first.source]);
      assert.match(now.source, /^(Sources?|Fuentes?): /);
      // One table: the live chart's (www/table.js from Viewer.table()) is the one the page had, cell
      // for cell, whether index.html carried it or first-view.js made it from the view's JSON.
      const nowTable = await tableCells(page);
      assert.deepEqual(nowTable, firstTable);
      assert.equal(nowTable.length, now.values.length + 2); // the caption, the head, a row per figure
      // The drawing leaves the heading and source to the page: neither is drawn in it.
      assert.ok(!first.texts.some((t) => t.text === first.heading || now.source.startsWith(t.text)), JSON.stringify(first.texts.slice(0, 3)));
      // Bars' value labels (14 px bold, right of a bar) and cards' numbers (larger, bold): each of
      // the live chart's figures once. Cards sit side by side, so the order is not the table's.
      const labels = lines(first.texts, (t) => t.bold && (t.size === 14 ? t.x > 20 : t.size > 20) && /\d/.test(t.text));
      const sorted = (values) => values.map(digits).sort();
      assert.deepEqual(sorted(labels), sorted(now.values), labels.join(" | "));
      assert.deepEqual(await page.problems(), []);
      await context.close();
    });
  }

  test("a choice made while the Wasm loads says it is waiting, and is applied once the chart is live", async () => {
    const { page, context, release } = await openHeld(env, "");
    await prerendered(page);
    await page.selectOption("#component", "hsi");
    assert.match(await page.locator("#status").textContent(), /choice will be shown/);
    assert.equal(await page.locator("#component").evaluate((e) => e.closest(".field").classList.contains("waiting")), true);
    release();
    await chartReady(page);
    await page.waitForFunction(() => /Homeland Security Investigations/.test(document.querySelector("#chart-canvas").getAttribute("aria-label")));
    assert.equal(await page.locator("#component").inputValue(), "hsi");
    assert.equal(await page.locator(".waiting").count(), 0);
    await page.waitForURL(/component=hsi/);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a Wasm that fails to load leaves the prerendered chart and its table, and says it is a still image", async () => {
    const { page, context } = await openPage(env, null, { viewport: { width: 1000, height: 900 } });
    page.route(WASM, (route) => route.abort());
    await page.goto(`${env.server.url}?view=pipeline`);
    await page.waitForSelector("#alert");
    assert.match(await page.locator("#alert").textContent(), /still image of the chart/);
    const first = await prerendered(page);
    assert.equal(first.visible, true);
    assert.ok(first.natural > 0);
    assert.match(first.alt, /Investigations|investigations/);
    await page.click("#table-toggle");
    assert.ok(await page.locator("#data-table-wrap").evaluate((e) => e.getBoundingClientRect().width > 200));
    // The pipeline's four stages, each with its figure.
    assert.equal(await page.locator("#data-table tbody tr").count(), 4);
    assert.equal(first.values.filter((v) => /\d/.test(v)).length, 4, first.values.join(" | "));
    // Controls that can no longer change anything say so.
    assert.equal(await page.locator("#component").isDisabled(), true);
    await context.close();
  });

  test("<ccht-chart>: the prerendered chart of the view its attributes name, until the live one", async () => {
    const { page, context, release } = await openHeld(env, "tests/e2e/pages/host.html");
    await page.waitForFunction(() => document.querySelectorAll("ccht-chart img.ccht-first").length === 3);
    const shown = () => page.evaluate(() => Array.from(document.querySelectorAll("ccht-chart"), (c) => {
      const img = c.querySelector("img.ccht-first");
      return { alt: img.alt, visible: getComputedStyle(img).display !== "none" && img.naturalWidth > 0, label: c.querySelector("canvas").getAttribute("aria-label") };
    }));
    const before = await shown();
    assert.ok(before.every((c) => c.visible && /^Chart\./.test(c.alt)), JSON.stringify(before));
    assert.match(before[0].alt, /Homeland Security Investigations/);
    release();
    await page.waitForFunction(() => Array.from(document.querySelectorAll("ccht-chart figure")).every((f) => f.getAttribute("aria-busy") === "false"));
    const after = await shown();
    // The live charts replace the images, with the same accessible names.
    assert.deepEqual(after.map((c) => c.visible), [false, false, false]);
    assert.deepEqual(after.map((c) => c.label), before.map((c) => c.alt));
    await context.close();
  });

  test("a view with no prerendered image (a hand-written partial address) shows the loading box, then the live chart", async () => {
    const { page, context, release } = await openHeld(env, "?component=uscg");
    await page.waitForFunction(() => document.documentElement.classList.contains("first-none"));
    assert.equal(await page.locator(".first-image").isVisible(), false);
    assert.equal(await page.locator("#chart-canvas").isVisible(), true);
    // Nothing of the default view is left to be taken for this one: no summary, no table rows, and
    // the controls wait for the live chart.
    assert.equal(await page.locator("#chart-summary").textContent(), "");
    assert.equal(await page.locator("#data-table tr").count(), 0);
    assert.equal(await page.locator("#controls").isVisible(), false);
    release();
    await chartReady(page);
    assert.equal(await page.locator("#chart-canvas").isVisible(), true);
    assert.match(await page.locator("#chart-summary").textContent(), /U\.S\. Coast Guard/);
    assert.equal(await page.locator("#controls").isVisible(), true);
    await context.close();
  });

  test("a language chosen while the Wasm loads is applied once the chart is live", async () => {
    const { page, context, release } = await openHeld(env, "");
    await prerendered(page);
    await page.selectOption("#lang", "es");
    assert.equal(await page.locator("#lang").getAttribute("aria-busy"), "true");
    release();
    await page.waitForFunction(() => document.documentElement.lang === "es" && /^Gráfico/.test(document.querySelector("#chart-canvas").getAttribute("aria-label")));
    assert.equal(await page.locator("#lang").inputValue(), "es");
    assert.equal(await page.locator("#status").textContent(), "");
    await page.waitForURL(/lang=es/);
    await context.close();
  });

  test("the page's own address for the default view shows its prerendered chart at once, without looking it up", async () => {
    const { page, context } = await openPage(env, null, { viewport: { width: 1000, height: 900 } });
    const release = holdWasm(page);
    const asked = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}?component=dhs&metric=arrests&embed=1`);
    const first = await prerendered(page);
    assert.equal(first.visible, true);
    assert.match(first.alt, /DHS-wide, Fiscal year 2024/);
    assert.deepEqual(asked.filter((p) => p.includes("/prerender/v/")), []);
    // An embedded page has its own layout from the first paint.
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("embed")), true);
    release();
    await chartReady(page);
    await context.close();
  });
});
