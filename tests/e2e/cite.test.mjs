// End to end, in Chromium, Firefox and WebKit: the Cite panel, opened from the tools under the chart
// and from a figure's tooltip by keyboard (Enter announces the figure and pins its tooltip; Tab
// reaches its Cite button). What it shows is held to a real citation processor: the CSL-JSON the
// page gives, rendered by citeproc-js, is the APA and Chicago text the page gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady, openShare } from "./page.mjs";
import { citeproc } from "./citeproc.mjs";

/** The panel's text in `format` (quote, apa, chicago, bibtex, csl). */
async function shown(page, format) {
  await page.click(`#cite-${format}`);
  return page.locator("#cite-text").inputValue();
}

inEachEngine("cite", (env) => {
  test("Cite this chart: every form, the APA and Chicago text as citeproc-js renders the page's own CSL-JSON", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    await openShare(page);
    await page.click("#cite");
    await page.waitForSelector("#cite-panel textarea");
    assert.equal(await page.locator("#cite").getAttribute("aria-expanded"), "true");
    assert.equal(await page.locator("#cite-heading").textContent(), "Cite this chart");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "cite-heading", "the keyboard is taken to the panel");
    const quote = await shown(page, "quote");
    assert.match(quote, /^DHS-wide, Fiscal year 2024: .*Trafficking-related arrests: more than 2,500 \(U\.S\. Department of Homeland Security, 2025\);/);
    const items = JSON.parse(await shown(page, "csl"));
    assert.equal(items.length, 1);
    const url = new URL(items[0].URL);
    assert.equal(url.origin + url.pathname, new URL(env.server.url).origin + "/");
    assert.equal(url.searchParams.get("component"), "dhs");
    assert.equal(items[0].author[0].literal, "U.S. Department of Homeland Security");
    for (const [style, format] of [["apa", "apa"], ["chicago-author-date", "chicago"]]) {
      const { entry, cited } = citeproc(style, "en")(items[0]);
      assert.equal(await shown(page, format), entry, format);
      assert.equal(await page.locator(".cite-in-text").textContent(), `In the text: ${cited}`);
    }
    assert.match(await shown(page, "bibtex"), /^@misc\{ccht-v\d+-component-dhs-metric-arrests-fy2024-release,\n  author = \{\{U\.S\. Department of Homeland Security\}\}/);
    assert.match(await page.locator(".cite-version").textContent(), /^Data version \d+, read on \d{4}-\d\d-\d\d\.$/);
    // Copy: to the clipboard where the engine lets a page write it, else the text is selected to copy.
    await page.click(".cite-actions button");
    await page.waitForFunction(() => document.querySelector(".cite-status")?.textContent !== "");
    const status = await page.locator(".cite-status").textContent();
    if (status === "Copied.") {
      const read = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
      if (read !== null) assert.equal(read, await page.locator("#cite-text").inputValue());
    } else {
      assert.equal(status, "Select the text and copy it.");
      const [start, end, length] = await page.evaluate(() => { const t = document.querySelector("#cite-text"); return [t.selectionStart, t.selectionEnd, t.value.length]; });
      assert.deepEqual([start, end], [0, length]);
    }
    // The button closes what it opened.
    await page.click("#cite");
    assert.equal(await page.locator("#cite-panel").isHidden(), true);
    assert.equal(await page.locator("#cite").getAttribute("aria-expanded"), "false");
    // Open, then another view: the panel closes rather than offer the figures before.
    await page.click("#cite");
    await page.waitForSelector("#cite-panel textarea");
    await page.selectOption("#component", "hsi");
    await page.waitForFunction(() => /^Chart\. Homeland Security Investigations, /.test(document.querySelector("#chart-canvas").getAttribute("aria-label")));
    assert.equal(await page.locator("#cite-panel").isHidden(), true);
    assert.equal(await page.locator("#cite").getAttribute("aria-expanded"), "false");
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("Cite this figure, from its tooltip by keyboard: the figure as written, its lower bound and its source's sentence", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    await page.focus("#chart-canvas");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#tooltip").isVisible(), true);
    const announced = await page.locator("#live").textContent();
    assert.match(announced, /^DHS-wide, Victims assisted, fiscal year 2024: more than 800\./);
    // The first figure is a bar (no trend link in its tooltip): Tab goes straight to Cite.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.className), "cite-figure");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "cite-heading");
    assert.equal(await page.locator("#cite-heading").textContent(), "Cite this figure");
    assert.equal(await page.locator("#tooltip").isVisible(), false);
    assert.equal(await page.locator("#cite-what").inputValue(), "0");
    const quote = await shown(page, "quote");
    assert.ok(quote.startsWith("DHS-wide, Victims assisted, fiscal year 2024: more than 800 (U.S. Department of Homeland Security, 2025). The source’s words: “In FY 2024, DHS agencies assisted more than 800 human trafficking victims;"), quote);
    const [item] = JSON.parse(await shown(page, "csl"));
    assert.equal(item.genre, "Victims assisted, DHS-wide, FY 2024: more than 800");
    assert.equal(await shown(page, "apa"), citeproc("apa", "en")(item).entry);
    // Another figure, chosen in the panel.
    await page.selectOption("#cite-what", "2");
    const [arrests] = JSON.parse(await shown(page, "csl"));
    assert.equal(arrests.genre, "Trafficking-related arrests, DHS-wide, FY 2024: more than 2,500");
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("in Spanish, the panel and the citations are Spanish, and citeproc-js's Spanish locale agrees", async () => {
    const { page, context } = await openPage(env, `${env.server.url}?lang=es`);
    await chartReady(page);
    await openShare(page);
    await page.click("#cite");
    await page.waitForSelector("#cite-panel textarea");
    assert.equal(await page.locator("#cite-heading").textContent(), "Citar este gráfico");
    const [item] = JSON.parse(await shown(page, "csl"));
    assert.match(item.genre, /^Todo el DHS, Año fiscal 2024$/);
    assert.equal(await shown(page, "chicago"), citeproc("chicago-author-date", "es")(item).entry);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
});
