// Each figure's own source, as a reader meets it, and every key of the chart: both checked against
// the data files, not against the Viewer. A figure shown with another figure's source, or a key
// that skips a bar, fails here (issue: tests that fail when a reader would notice).
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady, countDrawnFigures } from "./page.mjs";
import { allRecords, readCsv, spoken } from "./expected.mjs";

const sources = new Map(readCsv("sources.csv").map((s) => [s.id, s]));
const metrics = readCsv("metrics.csv");
const kinds = readCsv("kinds.csv");
const components = new Map(readCsv("components.csv").map((c) => [c.id, c]));
const metricName = (id) => metrics.find((m) => m.id === id).name;

/** The middle of each bar, in page pixels: runs of the bar colour down a column near the left. */
function barCentres(page) {
  return page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const canvas = document.querySelector("#chart-canvas");
    const ratio = canvas.width / canvas.clientWidth;
    const box = canvas.getBoundingClientRect();
    const column = canvas.getContext("2d").getImageData(Math.round(14 * ratio), 0, 1, canvas.height).data;
    const runs = [];
    let start = null;
    for (let y = 0; y <= canvas.height; y++) {
      const bar = y < canvas.height && column[y * 4] === 0x00 && column[y * 4 + 1] === 0x5e && column[y * 4 + 2] === 0xa2;
      if (bar && start === null) start = y;
      if (!bar && start !== null) {
        runs.push({ x: box.left + 16, y: box.top + (start + y) / 2 / ratio });
        start = null;
      }
    }
    return runs;
  });
}

inEachEngine("provenance", (env) => {
  test("HSI arrests, FY 2020 to 2024: every table row, tooltip and the sources panel name that year's own source", async () => {
    // Reached by a switch from another measure's trend, whose bars the pointer has read: what the
    // pointer finds afterwards must be the new chart's.
    const { page, context } = await openPage(env, `${env.server.url}?view=trend&component=hsi&metric=investigations-initiated`, { viewport: { width: 900, height: 1000 } });
    await chartReady(page);
    const [first] = await barCentres(page);
    await page.mouse.move(first.x, first.y);
    await page.waitForSelector("#tooltip:not([hidden])");
    // The measure changed by the menu's own change event, so the pointer stays on that bar (a
    // WebDriver click on the menu may move it, and leaving the chart would reset the hover state
    // 300 ms later): the next move over the new chart's first bar must show its tooltip.
    await page.locator("select[name=metric]").evaluate((menu) => {
      menu.value = "arrests";
      menu.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.waitForFunction(() => new URLSearchParams(location.search).get("metric") === "arrests");
    await chartReady(page);
    const expected = allRecords.filter((r) => r.component === "hsi" && r.metric === "arrests");
    assert.ok(new Set(expected.map((r) => r.source)).size >= 3, "the view draws on several sources");

    // The table: one row per year, its link and publisher that year's source.
    const rows = await page.locator("#data-table tbody tr").evaluateAll((trs) => trs.map((tr) => {
      const cells = [...tr.children];
      const link = cells[5].querySelector("a");
      return { fy: cells[2].textContent, value: cells[3].textContent, href: link.href, title: link.textContent, cell: cells[5].textContent };
    }));
    assert.deepEqual(rows.map((r) => r.fy).sort(), expected.map((r) => r.fiscal_year).sort());
    for (const row of rows) {
      const record = expected.find((r) => r.fiscal_year === row.fy);
      const source = sources.get(record.source);
      assert.equal(row.value, spoken(record), `FY ${row.fy}`);
      assert.equal(row.href, source.url, `FY ${row.fy}`);
      assert.equal(row.title, source.title, `FY ${row.fy}`);
      assert.ok(row.cell.includes(`(${source.publisher}; ${source.kind} source)`), `FY ${row.fy}: ${row.cell}`);
      if (record.source_sentence) assert.ok(row.cell.startsWith(record.source_sentence), `FY ${row.fy}`);
      else assert.ok(!row.cell.includes("“") && row.cell.startsWith(source.title), `FY ${row.fy}: no sentence of another record`);
    }

    // The tooltips: the pointer on each bar in turn.
    const centres = await barCentres(page);
    assert.equal(centres.length, expected.length);
    const seen = [];
    for (const { x, y } of centres) {
      await page.mouse.move(x, y);
      await page.waitForSelector("#tooltip:not([hidden])");
      const lines = await page.locator("#tooltip p").allTextContents();
      const fy = lines[0].match(/FY (\d{4})/)[1];
      const record = expected.find((r) => r.fiscal_year === fy);
      const source = sources.get(record.source);
      seen.push(fy);
      assert.ok(lines.includes(spoken(record)), `FY ${fy}: ${lines.join(" | ")}`);
      assert.ok(lines.at(-1).endsWith(`${source.title} (${source.publisher}; ${source.kind} source)`), `FY ${fy}: ${lines.at(-1)}`);
      if (record.source_sentence) assert.ok(lines.at(-1).startsWith(record.source_sentence), `FY ${fy}`);
      else assert.ok(lines.at(-1).startsWith(source.title), `FY ${fy}: ${lines.at(-1)}`);
      if (record.reported_as) assert.ok(lines[0].includes(`(${record.reported_as})`), `FY ${fy}`);
    }
    assert.deepEqual(seen.sort(), expected.map((r) => r.fiscal_year).sort());

    // The sources panel: each source once, listing exactly the years it gives.
    const panel = await page.locator("#sources-list > li").evaluateAll((lis) => lis.map((li) => ({
      href: li.querySelector("a").href,
      title: li.querySelector("a").textContent,
      figures: [...li.querySelectorAll("ul li")].map((f) => f.textContent),
    })));
    assert.equal(panel.length, new Set(expected.map((r) => r.source)).size);
    for (const entry of panel) {
      const source = [...sources.values()].find((s) => s.url === entry.href);
      assert.ok(source, entry.href);
      assert.equal(entry.title, source.title);
      const years = entry.figures.map((f) => f.match(/FY (\d{4})/)[1]).sort();
      assert.deepEqual(years, expected.filter((r) => sources.get(r.source).url === source.url).map((r) => r.fiscal_year).sort(), source.id);
      for (const line of entry.figures) {
        const record = expected.find((r) => r.fiscal_year === line.match(/FY (\d{4})/)[1]);
        assert.ok(line.endsWith(`: ${spoken(record)}`), line);
      }
    }
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  /** The default view's bars in drawing order, from the data files: DHS-wide FY 2024, one panel
   * per kind in kinds.csv's order, its metrics in metrics.csv's order. */
  function defaultBars() {
    const mine = allRecords.filter((r) => r.component === "dhs" && r.fiscal_year === "2024");
    const panels = kinds
      .map((k) => metrics.filter((m) => m.kind === k.id).flatMap((m) => mine.filter((r) => r.metric === m.id)))
      .filter((bars) => bars.length);
    return panels.flatMap((bars, panel) => bars.map((r) => ({
      panel,
      said: `${components.get("dhs").name}, ${metricName(r.metric)}, fiscal year 2024: ${spoken(r)}.`,
    })));
  }

  test("every key on the chart names the bar it lands on: arrows, Home, End, PageUp, PageDown, at both ends and across panels", async () => {
    const { page, context } = await openPage(env, env.server.url, { viewport: { width: 900, height: 1000 } });
    await chartReady(page);
    const bars = defaultBars();
    const starts = [...new Set(bars.map((b) => b.panel))].map((p) => bars.findIndex((b) => b.panel === p));
    assert.ok(bars.length >= 4 && starts.length >= 3, "the default view has several panels of several bars");
    const last = bars.length - 1;
    const panelOf = (i) => bars[i].panel;
    // What each key should do from bar `i` (or from no bar), written out from the keys' meaning.
    const expectedAfter = (key, i) => {
      switch (key) {
        case "ArrowDown": case "ArrowRight": return i === null ? 0 : Math.min(i + 1, last);
        case "ArrowUp": case "ArrowLeft": return i === null ? last : Math.max(i - 1, 0);
        case "Home": return 0;
        case "End": return last;
        case "PageDown": return i === null ? starts[0] : (starts[panelOf(i) + 1] ?? last);
        case "PageUp": return i === null ? starts[0] : starts[Math.max(panelOf(i) - 1, 0)];
      }
    };
    const live = () => page.locator("#live").textContent();
    await page.focus("#chart-canvas");
    // From no bar: each key's first landing.
    for (const key of ["ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft", "Home", "End", "PageDown", "PageUp"]) {
      await page.keyboard.press("Escape"); // clears the keyboard's bar
      await page.locator("#live").evaluate((el) => { el.textContent = ""; });
      await page.keyboard.press(key);
      assert.equal(await live(), bars[expectedAfter(key, null)].said, `${key} from no bar`);
    }
    // A walk that passes both ends and every panel boundary, each step checked.
    const walk = ["Home", "ArrowUp", "ArrowLeft", "ArrowDown", "ArrowRight", "ArrowDown", "ArrowUp",
      ...starts.map(() => "PageDown"), "PageDown", "ArrowDown", "End", "ArrowDown", "ArrowRight", "ArrowLeft",
      ...starts.map(() => "PageUp"), "PageUp", "End", "PageUp", "ArrowLeft", "PageDown", "Home", "PageUp"];
    let at = null;
    for (const [n, key] of walk.entries()) {
      if (n === 0) await page.keyboard.press("Escape");
      await page.locator("#live").evaluate((el) => { el.textContent = ""; });
      await page.keyboard.press(key);
      at = expectedAfter(key, at);
      assert.equal(await live(), bars[at].said, `step ${n}: ${key} should land on bar ${at}`);
    }
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
});
