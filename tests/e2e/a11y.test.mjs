// Readers, in Chromium, Firefox and WebKit: every width, tooltips, keyboard use, the table, axe-core
// in light and dark mode, and pixel ratios 1 to 3; forced colours in Firefox. Chromium's forced
// colours and print need DevTools emulation: emulation.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady, countDrawnFigures, openShare } from "./page.mjs";
import { components, records, spoken, kindOf } from "./expected.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

inEachEngine("a11y", (env) => {
  test("from 320 px to 1600 px every bar is drawn and nothing overflows", async () => {
    const { page, context } = await openPage(env, env.server.url, { viewport: { width: 320, height: 800 } });
    await chartReady(page);
    for (const width of [320, 480, 768, 1024, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      // Phones fold the controls behind one button: open it as a reader would.
      if (await page.locator("#controls-toggle").isVisible() && (await page.locator("#controls-toggle").getAttribute("aria-expanded")) === "false") await page.click("#controls-toggle");
      for (const c of components) {
        await page.selectOption("select[name=component]", c.id);
        const bars = records.filter((r) => r.component === c.id).length;
        assert.equal(await countDrawnFigures(page), bars, `${c.id} at ${width}px`);
        // No horizontal scrolling of the page at any width.
        const sideways = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(sideways[0] <= sideways[1], `page scrolls sideways at ${width}px: ${sideways[0]} px wide in ${sideways[1]}`);
      }
    }
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("keyboard only: tab to the controls, change view, component and measure, arrow through every bar", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return `${e.tagName.toLowerCase()}${e.name ? `[name=${e.name}]` : ""}${e.id ? `#${e.id}` : ""}`;
    });
    // The keyboard's keys are not on screen until the chart has the keyboard's focus.
    const keysShown = () => page.locator("#chart-keys").evaluate((e) => e.getBoundingClientRect().width > 1);
    assert.equal(await keysShown(), false);
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "select[name=view]#view");
    await page.keyboard.press("ArrowDown"); // the metric view
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("across DHS components"));
    await page.keyboard.press("ArrowUp"); // back to the component view
    await page.waitForFunction(() => !document.querySelector("#chart-canvas").getAttribute("aria-label").includes("across DHS components"));
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "select[name=component]#component");
    await page.keyboard.press("ArrowDown"); // HSI
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("Homeland Security Investigations"));
    // The chart's heading (the page's text, and in a screen reader's list of headings) names the view shown.
    assert.equal(await page.locator("#chart-heading").textContent(), "Homeland Security Investigations");
    assert.equal(await page.locator("#chart-subtitle").textContent(), "Fiscal year 2024");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "select[name=metric]#metric");
    await page.keyboard.press("ArrowDown"); // HSI's next measure
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "select[name=fy]#fy");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "select[name=lang]#lang");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "canvas#chart-canvas");
    assert.equal(await keysShown(), true);

    const hsi = records.filter((r) => r.component === "hsi");
    const heard = [];
    for (let i = 0; i < hsi.length; i++) {
      await page.keyboard.press("ArrowDown");
      heard.push(await page.locator("#live").textContent());
      assert.equal(await page.locator("#highlight").isVisible(), true, "a visible focus ring on the active bar");
    }
    for (const r of hsi) assert.ok(heard.some((h) => h.includes(spoken(r)) && h.includes("fiscal year 2024")), `${r.metric} not announced: ${heard}`);
    await page.keyboard.press("Home");
    const first = await page.locator("#live").textContent();
    await page.keyboard.press("End");
    assert.notEqual(await page.locator("#live").textContent(), first);
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#tooltip").isVisible(), true);
    assert.match(await page.locator("#live").textContent(), /Source: /);
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#tooltip").isVisible(), false);
    // A card's tooltip ends with a link to the measure's trend: Tab reaches it, Enter follows it in place.
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#tooltip").isVisible(), true);
    assert.match(await page.locator("#tooltip .trend-link").getAttribute("href"), /\?view=trend&component=hsi&metric=/);
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "a");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^Chart\. Homeland Security Investigations: /.test(document.querySelector("#chart-canvas").getAttribute("aria-label")));
    assert.match(await page.evaluate(() => location.search), /view=trend&component=hsi/);
    assert.equal(await page.locator("#tooltip").isVisible(), false);
    await page.goBack();
    await page.waitForFunction(() => /^Chart\. Homeland Security Investigations, /.test(document.querySelector("#chart-canvas").getAttribute("aria-label")));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("hover shows a card's and a bar's tooltip with its value and source; Escape hides it", async () => {
    const { page, context } = await openPage(env, env.server.url + "?", { viewport: { width: 900, height: 900 } });
    await chartReady(page);
    await page.selectOption("select[name=component]", "cbp");
    const rect = await page.locator("#chart-canvas").boundingBox();
    // Find the marks by pixels down the plot's left edge: a card's 4 px rule or a bar's 20 px.
    const marks = () => page.evaluate(() => {
      const c = document.querySelector("#chart-canvas");
      const ratio = c.width / c.clientWidth;
      const col = c.getContext("2d").getImageData(Math.round(14 * ratio), 0, 1, c.height).data;
      const runs = [];
      let start = -1;
      for (let y = 0; y <= c.height; y++) {
        const on = y < c.height && col[y * 4] === 0 && col[y * 4 + 1] === 0x5e && col[y * 4 + 2] === 0xa2;
        if (on && start < 0) start = y;
        if (!on && start >= 0) { runs.push({ top: start / ratio, height: (y - start) / ratio }); start = -1; }
      }
      return { cards: runs.filter((r) => r.height <= 5).map((r) => r.top), bars: runs.filter((r) => r.height >= 17).map((r) => r.top) };
    });
    const found = await marks();
    // CBP's FY 2024: two lone figures side by side (231 shipments, more than $12 million), the four
    // forced-labor actions on one axis (one is zero: no length to find), then 4,850 shipments.
    assert.equal(found.cards.length, 2, JSON.stringify(found));
    assert.equal(found.bars.length, records.filter((r) => r.component === "cbp" && kindOf(r.metric) === "forced-labor-actions" && Number(r.value) > 0).length);
    const tip = page.locator("#tooltip");
    // The second card of the first row: more than $12 million, with the source's sentence.
    await page.mouse.move(rect.x + rect.width * 0.75, rect.y + found.cards[0] + 40);
    await tip.waitFor({ state: "visible" });
    const text = await tip.textContent();
    assert.match(text, /U\.S\. Customs and Border Protection/);
    assert.match(text, /more than \$12,000,000/);
    assert.match(text, /based on Withhold Release Orders/);
    // Hoverable: moving onto the tooltip keeps it.
    const tipBox = await tip.boundingBox();
    // Inside the chart, its left edge at the card's middle unless that would push it out.
    assert.ok(tipBox.x >= rect.x + 3 && tipBox.x + tipBox.width <= rect.x + rect.width - 3, `tooltip ${JSON.stringify(tipBox)} outside ${JSON.stringify(rect)}`);
    await page.mouse.move(tipBox.x + 5, tipBox.y + 5, { steps: 4 });
    assert.equal(await tip.isVisible(), true);
    await page.keyboard.press("Escape");
    assert.equal(await tip.isVisible(), false);
    // A bar: its own figure.
    await page.mouse.move(rect.x + 16, rect.y + found.bars[0] + 10);
    await tip.waitFor({ state: "visible" });
    assert.match(await tip.textContent(), /Forced-labor penalties issued/);
    await page.keyboard.press("Escape");
    // Between marks there is no tooltip.
    await page.mouse.move(rect.x + 30, rect.y + 5);
    assert.equal(await tip.isVisible(), false);
    // On a phone-width chart the tooltip is wider than the room right of the mark's middle: it is
    // moved back inside.
    await page.setViewportSize({ width: 400, height: 900 });
    await page.waitForFunction(() => document.querySelector("#chart-canvas").clientWidth < 400);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate(() => document.querySelector("#chart-canvas").scrollIntoView());
    const narrow = await page.locator("#chart-canvas").boundingBox();
    const { bars } = await marks();
    await page.mouse.move(narrow.x + 16, narrow.y + bars[0] + 10);
    await tip.waitFor({ state: "visible" });
    const small = await tip.boundingBox();
    assert.ok(small.x >= narrow.x + 3 && small.x + small.width <= narrow.x + narrow.width - 3, `tooltip ${JSON.stringify(small)} outside ${JSON.stringify(narrow)}`);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  async function tableValues(page) {
    return page.locator("#data-table tbody td.number").evaluateAll((cells) => cells.map((c) => c.textContent));
  }

  test("the table's numbers equal the chart's records in every view", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    assert.equal(await page.locator("#data-table th[scope=col]").count(), 6);
    for (const c of components) {
      await page.selectOption("select[name=component]", c.id);
      const expected = records.filter((r) => r.component === c.id).map(spoken).sort();
      assert.deepEqual((await tableValues(page)).sort(), expected, c.id);
      assert.match(await page.locator("#data-table caption").textContent(), new RegExp(c.name));
    }
    await page.selectOption("#view", "metric");
    for (const m of await page.locator("select[name=metric] option").evaluateAll((os) => os.map((o) => o.value))) {
      await page.selectOption("select[name=metric]", m);
      const expected = records.filter((r) => kindOf(r.metric) === kindOf(m)).map(spoken).sort();
      assert.deepEqual((await tableValues(page)).sort(), expected, m);
    }
    await page.selectOption("#view", "pipeline");
    assert.deepEqual(await tableValues(page), ["1,686", "more than 2,500", "914", "405"]);
    // The toggle shows it visibly; it is in the page for screen readers either way.
    assert.equal(await page.locator("#data-table-wrap").evaluate((e) => e.getBoundingClientRect().width <= 1), true);
    await page.click("#table-toggle");
    assert.equal(await page.locator("#table-toggle").getAttribute("aria-expanded"), "true");
    assert.ok(await page.locator("#data-table-wrap").evaluate((e) => e.getBoundingClientRect().width > 200));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  // Light mode and device pixel ratio 1 are this browser's own settings: no browser of their own.
  axeInScheme(env, "light");
  atPixelRatio(env, 1);
});

// axe-core over the page with its table and its Cite panel open, in a browser whose reader prefers light, then dark:
// the chart follows the scheme (light-blue bars on a dark background in dark mode).
/**
 * @param {{ engine: string, server: { url: string } }} env
 * @param {"light" | "dark"} colorScheme the scheme the engine was started in
 */
function axeInScheme(env, colorScheme) {
  test(`axe-core finds no violations in ${colorScheme} mode, and the chart is drawn in its colours`, async () => {
    const { page, context } = await openPage(env, env.server.url, { viewport: { width: 1000, height: 900 } });
    await chartReady(page);
    assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), colorScheme === "dark");
    await page.click("#table-toggle");
    await page.keyboard.press("Tab");
    // …and the Cite panel open (www/cite.js).
    await openShare(page);
    await page.click("#cite");
    await page.waitForSelector("#cite-panel textarea");
    // Run through WebDriver, which no page policy blocks; the page itself stays under the strict CSP.
    await page.runScript(readFileSync(axePath, "utf8"));
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }).then((r) => ({ violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), passes: r.passes.length })));
    console.log(`axe-core ${colorScheme} [${env.engine}]: ${result.violations.length} violations, ${result.passes} rules passed`);
    assert.deepEqual(result.violations, []);
    const bg = await page.evaluate(() => Array.from(document.querySelector("#chart-canvas").getContext("2d").getImageData(2, 2, 1, 1).data));
    assert.deepEqual(bg.slice(0, 3), colorScheme === "dark" ? [0x1b, 0x1b, 0x1b] : [255, 255, 255]);
    const barColour = colorScheme === "dark" ? [0x58, 0xb4, 0xff] : [0x00, 0x5e, 0xa2];
    assert.equal(await countDrawnFigures(page, barColour), records.filter((r) => r.component === "dhs").length);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
}

// Each engine's browser started at device pixel ratio 1, 2 and 3 (a Chromium flag, a Firefox
// preference, WebKitGTK's GDK_SCALE): the backing store follows the ratio and strokes stay crisp.
/**
 * @param {{ engine: string, server: { url: string } }} env
 * @param {number} scale the device pixel ratio the engine was started at
 */
function atPixelRatio(env, scale) {
  test(`at device pixel ratio ${scale} the backing store is ${scale}× the CSS size and the chart is drawn`, async () => {
    const { page, context } = await openPage(env, env.server.url, { viewport: { width: 800, height: 900 } });
    await chartReady(page);
    assert.equal(await page.evaluate(() => devicePixelRatio), scale);
    const box = await page.locator("#chart-canvas").evaluate((c) => ({ width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight }));
    assert.equal(box.width, Math.round(box.cssWidth * scale));
    assert.equal(box.height, Math.round(box.cssHeight * scale));
    assert.equal(await countDrawnFigures(page), records.filter((r) => r.component === "dhs").length);
    // Strokes scale too: just above the first bar, the zero line is about `scale` device pixels wide.
    const axisWidth = await page.evaluate(() => {
      const c = document.querySelector("#chart-canvas");
      const ctx = c.getContext("2d");
      const ratio = c.width / c.clientWidth;
      const col = ctx.getImageData(Math.round(14 * ratio), 0, 1, c.height).data;
      // The first bar: a run of the bar colour 20 CSS px tall (the key's swatch above it is 12).
      const on = (y) => col[y * 4] === 0 && col[y * 4 + 1] === 0x5e;
      let top = 0;
      while (top < c.height && !(on(top) && on(top + Math.round(16 * ratio)))) top++;
      const row = ctx.getImageData(0, top - Math.round(1.5 * ratio), Math.round(20 * ratio), 1).data;
      let n = 0;
      for (let x = 0; x < row.length / 4; x++) if (row[x * 4] < 250) n++;
      return n;
    });
    assert.ok(axisWidth >= scale && axisWidth <= scale + 2, `axis ${axisWidth} px at ratio ${scale}`);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
}

// The main suite's browser is light at ratio 1; these two start their own.
inEachEngine("a11y, dark mode", (env) => axeInScheme(env, "dark"), { dark: true });
for (const scale of [2, 3]) inEachEngine(`a11y at device pixel ratio ${scale}`, (env) => atPixelRatio(env, scale), { scale });

// Forced colours, where WebDriver can start a browser with them (Firefox's preference; Chromium's
// need DevTools emulation, in emulation.test.mjs; WebKit has none): the chart takes the system's.
inEachEngine("a11y, forced colours", (env) => {
  test("forced colours draw the chart in the system's colours", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    const colours = await page.evaluate(() => {
      const c = document.querySelector("#chart-canvas");
      const style = getComputedStyle(c);
      return { forced: matchMedia("(forced-colors: active)").matches, bg: style.backgroundColor, pixel: Array.from(c.getContext("2d").getImageData(2, 2, 1, 1).data) };
    });
    assert.equal(colours.forced, true);
    const [r, g, b] = colours.bg.match(/\d+/g).map(Number);
    assert.deepEqual(colours.pixel.slice(0, 3), [r, g, b], JSON.stringify(colours));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
}, { forcedColors: true });
