// The figures studio (studio.html), in Chromium, Firefox and WebKit, driven as an analyst drives it:
// files dropped, text pasted, proposals confirmed, files downloaded. The checker's words are held to
// the same fixture as the build's (tests/checker_messages.rs); the CBP forced-labor figures in
// data/ are the files this test makes the studio write.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inEachEngine } from "./webdriver.mjs";
import { openPage } from "./page.mjs";

const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root), "utf8");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Each file the studio saves, by its short name, as the repository has it. */
const PATHS = {
  components: "data/components.csv", kinds: "data/kinds.csv", metrics: "data/metrics.csv", sources: "data/sources.csv",
  records: "data/records.csv", pipeline: "data/pipeline.csv", ignored: "data/source/ignored-numbers.csv",
};

/** Opens the studio and waits until it is ready or says why not; `first(page)` runs before it loads. */
async function openStudio(env, first = () => {}) {
  const { page, context } = await openPage(env, null, { viewport: { width: 1000, height: 900 } });
  first(page);
  await page.goto(`${env.url}studio.html`);
  await page.waitForFunction(() => /^Ready/.test(document.querySelector("#studio-status").textContent) || !document.querySelector("#studio-alert").hidden);
  return { page, context };
}

/** Drops files on the studio's drop zone, as a file manager would: `{ name, text }` or `{ name, base64 }` or `{ name, size }` (zeros). */
function drop(page, files) {
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = f.base64 !== undefined ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.size !== undefined ? new Uint8Array(f.size) : new TextEncoder().encode(f.text);
      transfer.items.add(new File([bytes], f.name));
    }
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** Clicks a download button and returns the file's name and text. */
async function save(page, id) {
  await page.click(`#${id}`);
  const download = await page.waitForEvent("download");
  const saved = { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
  // STUDIO_OUT=dir keeps each file the studio saves, to commit what it wrote (the CBP test's files).
  if (process.env.STUDIO_OUT) {
    mkdirSync(process.env.STUDIO_OUT, { recursive: true });
    writeFileSync(`${process.env.STUDIO_OUT}/${saved.name}`, saved.text);
  }
  return saved;
}

/** Edits a file in the studio's editor, as typing would: its text with `added` at the end. */
async function append(page, key, added) {
  await page.selectOption("#file-choice", key);
  // The editor holds the chosen file once the studio says so (a select's change event may come late).
  const path = PATHS[key];
  await page.waitForFunction((p) => document.querySelector("#file-origin").textContent.startsWith(`${p}, `), path);
  const text = await page.locator("#editor").inputValue();
  await page.fill("#editor", `${text}${text.endsWith("\n") ? "" : "\n"}${added}`);
  // …and the edit counts once the studio has checked it again, which marks the file edited.
  await page.waitForFunction((p) => document.querySelector("#file-origin").textContent.startsWith(`${p}, `) && document.querySelector("#file-origin").textContent.endsWith(", edited."), path);
}

const noProblems = (page) => page.waitForFunction(() => document.querySelector("#check-summary").textContent === "No problems: the data would build.");
const proposalTexts = (page) => page.locator("#proposals > li > p:first-child").allTextContents();

inEachEngine("studio", (env) => {
  test("starts from the repository's files, with no problems, and saves each one byte for byte", async () => {
    const { page, context } = await openStudio(env);
    await noProblems(page);
    for (const [key, path] of Object.entries(PATHS)) {
      const { name, text } = await save(page, `save-${key}`);
      assert.equal(name, path.split("/").pop());
      assert.equal(text, read(path), `${path} after no edit`);
    }
    assert.equal(await page.locator("#changes-summary").textContent(), "No figure differs from the repository's data.");
    // A file as a spreadsheet on Windows writes it, with a byte-order mark and CRLF line ends, is
    // read, and saved as it came.
    const windows = `\ufeff${read("data/kinds.csv").replace(/\n/g, "\r\n")}`;
    await drop(page, [{ name: "kinds.csv", text: windows }]);
    await page.waitForFunction(() => /^Opened kinds\.csv/.test(document.querySelector("#studio-status").textContent));
    await noProblems(page);
    assert.equal((await save(page, "save-kinds")).text, windows);
    // And a release's text, opened as a .txt with CRLF line ends.
    const release = read("data/source/cbp-forced-labor-fy2024.txt").replace(/\n/g, "\r\n");
    await drop(page, [{ name: "release.txt", text: release }]);
    await page.waitForFunction(() => document.querySelector("#save-source"));
    const saved = await save(page, "save-source");
    assert.deepEqual([saved.name, saved.text === release], ["release.txt", true]);
    // The preview is the page's own chart: the default view, DHS-wide FY 2024.
    assert.match(await page.locator("#preview").getAttribute("aria-label"), /DHS-wide, Fiscal year 2024/);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a records.csv with three planted errors gives exactly the build's three messages, each leading to its line", async () => {
    const { page, context } = await openStudio(env);
    await drop(page, [{ name: "records.csv", text: read("tests/fixtures/records-three-errors.csv") }]);
    await page.waitForFunction(() => document.querySelectorAll("#problems > li").length > 0);
    const messages = await page.locator("#problems > li > button").allTextContents();
    assert.deepEqual(messages, read("tests/fixtures/records-three-errors.expected").trim().split("\n"));
    assert.match(await page.locator("#check-summary").textContent(), /^3 problems/);
    // Each is shown in context, and leads to its row in the editor.
    assert.match(await page.locator("#problems > li:nth-child(2) .context .at").textContent(), /^\s+12\s+2024,blue-campaign,arrest,/);
    await page.click("#problems > li:nth-child(3) > button");
    const selected = await page.evaluate(() => {
      const e = document.querySelector("#editor");
      return [document.activeElement === e, e.value.slice(e.selectionStart, e.selectionEnd)];
    });
    assert.deepEqual(selected, [true, read("tests/fixtures/records-three-errors.csv").split("\n")[29]]);
    assert.match(await page.locator("#file-origin").textContent(), /data\/records\.csv, from records\.csv\./);
    // Nothing of the last good data stays on show: no chart, no "nothing changed".
    assert.match(await page.locator("#preview-status").textContent(), /waits until the data has no problems/);
    assert.equal(await page.locator("figure.preview").isVisible(), false);
    assert.match(await page.locator("#changes-summary").textContent(), /^What changed waits/);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a release with one sentence more: exactly one red number, its proposed row, added once confirmed", async () => {
    const { page, context } = await openStudio(env);
    const release = read("data/source/dhs-ccht-fy2024-release.txt");
    const sentence = "In FY 2024, DHS screened about 1,200 cargo containers.";
    await page.fill("#source-text", `${release}\n${sentence}\n`);
    await page.click("#read");
    await page.waitForFunction(() => document.querySelector("#read-summary").textContent !== "");
    assert.equal(await page.locator("#read-summary").textContent(), "31 numbers: 19 quoted by a record, 11 on the ignore list, 1 not accounted for.");
    assert.deepEqual(await page.locator("#marked mark.unaccounted").allTextContents(), ["1,200"]);
    // The red number is shown in the text, not again in the list of problems (which the studio
    // picks by the problem's kind, "unaccounted", not by its English words).
    assert.deepEqual(await page.locator("#read-problems li").allTextContents(), []);
    assert.equal(await page.locator("#marked mark.record").count(), 19);
    // Each grey number's reason is on the page, not only in a tooltip.
    assert.match((await page.locator("#ignored-list").allTextContents()).join(), /866-347-2423 A phone number for reporting tips/);
    assert.deepEqual(await proposalTexts(page), [`“1,200” in “${sentence}”`]);
    assert.equal(await page.locator("#proposal-0-fiscal_year").inputValue(), "2024");
    assert.equal(await page.locator("#proposal-0-as_written").inputValue(), "about 1,200");
    assert.match(await page.locator("#proposals > li").textContent(), /Value 1,200, qualifier approximate\./);
    // Nothing is added until the analyst confirms, nor before they choose its component and measure.
    assert.equal(await page.locator("#changes-summary").textContent(), "No figure differs from the repository's data.");
    await page.click("#proposals > li button.button:not(.secondary)");
    assert.equal(await page.locator("#proposals > li p[role=status]").textContent(), "Choose its component and measure first.");
    assert.equal(await page.locator("#changes-summary").textContent(), "No figure differs from the repository's data.");
    await page.selectOption("#proposal-0-component", "dhs");
    await page.selectOption("#proposal-0-metric", "shipments-stopped");
    await page.click("#proposals > li button.button:not(.secondary)");
    await page.waitForFunction(() => document.querySelector("#read-summary").textContent.endsWith(" 0 not accounted for."));
    assert.equal(await page.locator("#marked mark.record").count(), 20);
    // The keyboard is not left on a button that is gone: it is on the reading's summary.
    assert.equal(await page.evaluate(() => document.activeElement.id), "read-summary");
    assert.equal(await page.locator("#changes-summary").textContent(), "1 figure differs from the repository's data.");
    assert.deepEqual(await page.locator("#changes tbody td").allTextContents(), ["added", "FY 2024", "dhs", "shipments-stopped", "", "about 1,200 (fy2024-release)"]);
    // The save step gives the new data version's lines, which the build checks (data/changes.csv).
    const next = Number(read("data/versions.csv").trim().split("\n").at(-1).split(",")[0]) + 1;
    assert.equal(await page.locator("#new-version").isVisible(), true);
    assert.match(await page.locator("#new-version-summary").textContent(), new RegExp(`^These files change 1 figure: they are data version ${next}\\.`));
    assert.match(await page.locator("#new-version-rows").inputValue(), new RegExp(`^${next},\\d{4}-\\d\\d-\\d\\d,<what changed, in a line>\\n${next},added,2024,dhs,shipments-stopped,,"about 1,200 \\(fy2024-release\\)"$`));
    const { text } = await save(page, "save-records");
    assert.equal(text, `${read("data/records.csv")}2024,dhs,shipments-stopped,1200,approximate,"about 1,200",fy2024-release,"${sentence}",,,,\n`);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a file that is not CSV, empty, 50 MB or in another encoding is refused with a message, and an edit survives", async () => {
    const { page, context } = await openStudio(env);
    await append(page, "kinds", "edited-kind,Edited kind,count,things,Tipo editado,cosas\n");
    await noProblems(page);
    const edited = await page.locator("#editor").inputValue();
    await drop(page, [
      { name: "report.pdf", text: "%PDF-1.7" },
      { name: "records.csv", text: "" },
      { name: "metrics.csv", size: 50 * 1024 * 1024 },
      // "Café" in Windows-1252, as an older spreadsheet saves it.
      { name: "components.csv", base64: "aWQsbmFtZQpjYWZlLENhZukK" },
      { name: "notes.csv", text: "a,b\n" },
    ]);
    await page.waitForFunction(() => !document.querySelector("#studio-alert").hidden);
    const alert = await page.locator("#studio-alert").textContent();
    for (const words of [
      "report.pdf is not a CSV file or a release's text (.txt).",
      "records.csv is empty.",
      "metrics.csv is 50.0 MB; data files are tens of KB, so it was not read (at most 1 MB).",
      "components.csv is not UTF-8 text.",
      "notes.csv is not one of the data files",
    ]) assert.ok(alert.includes(words), `${words} in: ${alert}`);
    assert.equal(await page.locator("#studio-alert").getAttribute("role"), "alert");
    // Nothing was lost: the edited kinds.csv is as it was, and the others are the repository's.
    await page.selectOption("#file-choice", "kinds");
    assert.equal(await page.locator("#editor").inputValue(), edited);
    assert.equal((await save(page, "save-records")).text, read("data/records.csv"));
    await noProblems(page);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("no request carries a file's content, and a Wasm that fails to load is said", async () => {
    const marker = "Marker-7f3a9c-not-for-the-network";
    const requests = [];
    let stop;
    const { page, context } = await openStudio(env, () => { stop = env.server.onRequest((url, method) => requests.push(`${method} ${url}`)); });
    await drop(page, [{ name: "records.csv", text: `${read("data/records.csv")}2024,cbp,shipments-stopped,7,exact,7,fy2024-release,"${marker} 7.",,,,\n` }]);
    await page.fill("#source-text", `${marker}: 7 and 8.`);
    await page.click("#read");
    await page.waitForFunction(() => document.querySelector("#read-summary").textContent !== "");
    await save(page, "save-records");
    stop();
    // A request to another site would be refused by the strict CSP, and reported here.
    assert.deepEqual(await page.problems(), []);
    assert.ok(requests.length > 0);
    for (const r of requests) {
      assert.match(r, /^GET /, r);
      assert.ok(!r.includes(marker) && !r.includes("7f3a9c"), r);
    }
    await context.close();
    const failed = await openStudio(env, (p) => p.route("**/dist/studio/ccht_chart_bg.wasm", (route) => route.fulfill({ status: 404, body: "missing" })));
    assert.match(await failed.page.locator("#studio-alert").textContent(), /^The studio's checker could not be loaded \(/);
    await failed.context.close();
  });

  test("keyboard only reaches every step, and axe-core finds no violation", async () => {
    const { page, context } = await openStudio(env);
    await page.fill("#source-text", `${read("data/source/dhs-ccht-fy2024-release.txt")}\nIn FY 2024, DHS screened about 1,200 cargo containers.\n`);
    await page.click("#read");
    await page.waitForFunction(() => document.querySelectorAll("#proposals > li").length === 1);
    await page.evaluate(() => document.activeElement.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    const reached = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.slice(0, 24)));
    }
    const order = ["open", "file-choice", "editor", "source", "source-text", "read", "marked", "proposal-0-fiscal_year", "proposal-0-component", "proposal-0-metric", "proposal-0-reason", "p-view", "p-component", "p-metric", "p-fy", "save-components"];
    // Each in turn, after the one before it (the first Tab may start from the last control used).
    let from = 0;
    for (const id of order) {
      const i = reached.indexOf(id, from);
      assert.ok(i >= 0, `${id} after ${order[order.indexOf(id) - 1]} in the tab order: ${reached.join(", ")}`);
      from = i + 1;
    }
    await page.runScript(readFileSync(axePath, "utf8"));
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`));
    assert.deepEqual(violations, []);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("the CBP forced-labor statistics, added through the studio, are the files in data/", async () => {
    const { page, context } = await openStudio(env);
    // The analyst's files before: data/ as it was, without what this test adds (the rows at the end).
    const before = {
      sources: read(PATHS.sources).replace(CBP.source, ""),
      kinds: read(PATHS.kinds).replace(CBP.kinds, ""),
      metrics: read(PATHS.metrics).replace(CBP.metrics, ""),
      records: read(PATHS.records).replace(/^.*,cbp-forced-labor-fy2024,.*\n/gm, ""),
      ignored: read(PATHS.ignored).replace(/^cbp-forced-labor-fy2024,.*\n/gm, ""),
    };
    assert.ok(Object.entries(before).every(([key, text]) => read(PATHS[key]).startsWith(text) && text !== read(PATHS[key])));
    await drop(page, Object.entries(before).map(([key, text]) => ({ name: PATHS[key].split("/").pop(), text })));
    await page.waitForFunction(() => /^Opened /.test(document.querySelector("#studio-status").textContent));
    assert.equal(await page.locator("#changes-summary").textContent(), "5 figures differ from the repository's data.");
    // What the analyst types: the source, its two kinds of figure and its five measures.
    await append(page, "sources", CBP.source);
    await append(page, "kinds", CBP.kinds);
    await append(page, "metrics", CBP.metrics);
    await noProblems(page);
    await page.waitForFunction(() => [...document.querySelector("#source").options].some((o) => o.value === "cbp-forced-labor-fy2024"));
    await page.selectOption("#source", "cbp-forced-labor-fy2024");
    // The page's own text for FY 2024, pasted.
    await page.fill("#source-text", read("data/source/cbp-forced-labor-fy2024.txt"));
    await page.click("#read");
    await page.waitForFunction(() => document.querySelector("#read-summary").textContent !== "");
    assert.equal(await page.locator("#read-summary").textContent(), "14 numbers: 0 quoted by a record, 0 on the ignore list, 14 not accounted for.");
    // Each red number in turn, in the text's order: a figure confirmed as a record, or ignored with its reason.
    const done = [];
    for (let round = 0; round < 20; round++) {
      const first = (await proposalTexts(page))[0];
      if (!first) break;
      const [, number, sentence = ""] = first.match(/^“(.+?)”(?: in “(.*)”)?$/);
      const metric = CBP.figures[sentence];
      if (metric) {
        await page.selectOption("#proposal-0-component", "cbp");
        await page.selectOption("#proposal-0-metric", metric);
        const note = CBP.notes[metric];
        if (note) {
          await page.fill("#proposal-0-note", note.en);
          await page.fill("#proposal-0-note_es", note.es);
        }
        await page.click("#proposals > li:first-child button.button:not(.secondary)");
      } else {
        assert.ok(CBP.ignored[number], `a reason for ${number} (${sentence})`);
        await page.fill("#proposal-0-reason", CBP.ignored[number]);
        await page.click("#proposals > li:first-child button.secondary");
      }
      done.push(metric ? `${number}: ${metric}` : `${number}: ignored`);
      await page.waitForFunction((before) => document.querySelector("#proposals > li > p")?.textContent !== before, first);
      // The keyboard goes on with the next number's first field.
      if (await page.locator("#proposals > li").count()) {
        assert.ok(await page.evaluate(() => document.activeElement === document.querySelector("#proposals > li:first-child").querySelector("input:not([readonly]), select")));
      }
    }
    assert.deepEqual(done, [
      "51: ignored", "8: ignored", "2024: ignored", "0: fl-findings-issued", "1: fl-penalties-issued", "1: fl-wros-issued",
      "1: fl-orders-modified", "4,850: fl-shipments-stopped", "11: ignored", "six: ignored", "1: ignored", "2023: ignored", "30: ignored",
    ]);
    assert.equal(await page.locator("#read-summary").textContent(), "14 numbers: 5 quoted by a record, 9 on the ignore list, 0 not accounted for.");
    assert.deepEqual(await page.locator("#read-problems li").allTextContents(), []);
    // The viewer shows them as CBP figures.
    await page.selectOption("#p-view", "component");
    await page.selectOption("#p-component", "cbp");
    await page.selectOption("#p-fy", "2024");
    await page.waitForFunction(() => document.querySelector("#preview").getAttribute("aria-label").includes("4,850"));
    // What the studio saves is what data/ holds.
    const saved = {};
    for (const key of ["sources", "kinds", "metrics", "records", "ignored"]) saved[key] = (await save(page, `save-${key}`)).text;
    const source = await save(page, "save-source");
    for (const [key, text] of Object.entries(saved)) assert.equal(text, read(PATHS[key]), PATHS[key]);
    // The data is the repository's again, figure for figure.
    assert.equal(await page.locator("#changes-summary").textContent(), "No figure differs from the repository's data.");
    assert.equal(source.name, "cbp-forced-labor-fy2024.txt");
    assert.equal(source.text, read("data/source/cbp-forced-labor-fy2024.txt"));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
});

/** The CBP rows an analyst types, and the answers they give the studio's proposals. */
const CBP = {
  source: `cbp-forced-labor-fy2024,Forced Labor Enforcement statistics for fiscal year 2024,U.S. Customs and Border Protection,,https://cbp.gov/trade/forced-labor/enforcement,"Read in a stored copy dated to the whole of FY 2024; the live page is updated quarterly, and a later copy shows FY 2025 figures under the same heading","Leída en una copia guardada fechada en todo el año fiscal 2024; la página se actualiza cada trimestre, y una copia posterior muestra cifras del año fiscal 2025 con el mismo título",primary\n`,
  kinds: [
    "forced-labor-actions,Forced-labor enforcement actions,count,actions,Medidas contra el trabajo forzoso,medidas",
    "forced-labor-shipments,Shipments stopped for forced-labor enforcement,count,shipments,Envíos detenidos por medidas contra el trabajo forzoso,envíos",
  ].join("\n") + "\n",
  metrics: [
    "fl-findings-issued,Forced-labor Findings issued,forced-labor-actions,Conclusiones (Findings) de trabajo forzoso emitidas,,",
    "fl-penalties-issued,Forced-labor penalties issued,forced-labor-actions,Sanciones por trabajo forzoso impuestas,,",
    "fl-wros-issued,Withhold Release Orders issued,forced-labor-actions,Órdenes de Retención de Liberación emitidas,,",
    "fl-orders-modified,Withhold Release Orders and Findings modified or revoked,forced-labor-actions,Órdenes de Retención de Liberación y conclusiones modificadas o revocadas,,",
    `fl-shipments-stopped,Shipments stopped for any forced-labor enforcement action,forced-labor-shipments,Envíos detenidos por cualquier medida contra el trabajo forzoso,"Counts every kind of forced-labor enforcement: Withhold Release Orders, Findings, the Uyghur Forced Labor Prevention Act and CAATSA. The shipments stopped under Withhold Release Orders alone are a different measure, shown apart: never add the two.","Cuenta todas las medidas contra el trabajo forzoso: Órdenes de Retención de Liberación, conclusiones (Findings), la Ley de Prevención del Trabajo Forzoso Uigur y CAATSA. Los envíos detenidos solo por Órdenes de Retención de Liberación son otra medida, mostrada aparte: nunca se suman."`,
  ].join("\n") + "\n",
  /** Each figure's sentence, and the measure the analyst picks for it. */
  figures: {
    "Findings issued: 0": "fl-findings-issued",
    "Penalties issued: 1": "fl-penalties-issued",
    "Withhold Release Order issued: 1": "fl-wros-issued",
    "Withhold Release Orders and Findings modified or revoked: 1": "fl-orders-modified",
    "Shipments stopped for forced labor enforcement actions: 4,850 **": "fl-shipments-stopped",
  },
  /** The caution the source asks for, on the figure readers would otherwise compare with 231. */
  notes: {
    "fl-shipments-stopped": {
      en: "Counts stops under every forced-labor enforcement action (Withhold Release Orders, Findings, the Uyghur Forced Labor Prevention Act, CAATSA). The 231 shipments in the DHS release were stopped under Withhold Release Orders alone: a different measure, never to be added to this one.",
      es: "Cuenta las detenciones por todas las medidas contra el trabajo forzoso (Órdenes de Retención de Liberación, conclusiones, la Ley de Prevención del Trabajo Forzoso Uigur, CAATSA). Los 231 envíos del comunicado del DHS se detuvieron solo por Órdenes de Retención de Liberación: otra medida, que nunca debe sumarse a esta.",
    },
  },
  /** The other numbers, and why none is an FY 2024 figure. */
  ignored: {
    "51": "\"Total active: 51* Withhold Release Orders\": orders in force at the page's date, not an FY 2024 activity figure",
    "8": "\"8 active Findings\": Findings in force at the page's date, not an FY 2024 activity figure",
    "2024": "The fiscal year itself (\"FY 2024 Statistics\") and the last day of the period the figures cover",
    "11": "\"11 active WROs were superseded\" by UFLPA enforcement: a count at the page's date, not an FY 2024 figure",
    "six": "\"six active WROs were superseded\" by Findings: a count at the page's date, not an FY 2024 figure",
    "1": "\"October 1, 2023\": the first day of the period the figures cover",
    "2023": "\"October 1, 2023\": the first day of the period the figures cover",
    "30": "\"September 30, 2024\": the last day of the period the figures cover",
  },
};
