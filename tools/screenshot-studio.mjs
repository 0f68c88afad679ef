// The README's picture of the studio (docs/studio.png): CBP's forced-labor page pasted against
// data/ as it was before its figures were added, so its numbers show red with proposed rows, after
// the first two (counts at the page's date) were put on the ignore list.
//   node tools/screenshot-studio.mjs [out.png]
import { readFileSync } from "node:fs";
import { startServer, launchBrowser, openPage } from "../tests/e2e/harness.mjs";

const [out = "docs/studio.png"] = process.argv.slice(2);
const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, problems } = await openPage(browser, `${server.url}studio.html`, { viewport: { width: 1000, height: 1250 } });
  await page.waitForFunction(() => /^Ready/.test(document.querySelector("#studio-status").textContent));
  const records = read("data/records.csv").replace(/^.*,cbp-forced-labor-fy2024,.*\n/gm, "");
  const ignored = read("data/source/ignored-numbers.csv").replace(/^cbp-forced-labor-fy2024,.*\n/gm, "");
  await page.evaluate(([records, ignored]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([records], "records.csv"));
    transfer.items.add(new File([ignored], "ignored-numbers.csv"));
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true }));
  }, [records, ignored]);
  await page.waitForFunction(() => /^Opened /.test(document.querySelector("#studio-status").textContent));
  await page.selectOption("#source", "cbp-forced-labor-fy2024");
  await page.fill("#source-text", read("data/source/cbp-forced-labor-fy2024.txt"));
  await page.click("#read");
  await page.waitForSelector("#proposals > li");
  for (const reason of ["Orders in force at the page's date, not an FY 2024 activity figure", "Findings in force at the page's date, not an FY 2024 activity figure"]) {
    const first = await page.textContent("#proposals > li > p");
    await page.fill("#proposal-0-reason", reason);
    await page.click("#proposals > li:first-child button.secondary");
    await page.waitForFunction((before) => document.querySelector("#proposals > li > p")?.textContent !== before, first);
  }
  await page.evaluate(() => document.querySelector("#read-h").scrollIntoView());
  await page.screenshot({ path: out });
  console.log(`${out}${problems.length ? `; problems: ${problems.join("; ")}` : ""}`);
} finally {
  await browser.close();
  server.stop();
}
