// "Download the data": the page's link gives one ZIP (tools/data-archive.mjs, written by make build)
// that unpacks to every data file byte for byte as committed in data/, the Frictionless package that
// describes them, and a README with the cautions; built twice, it is the same bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady } from "./page.mjs";

const root = new URL("../../", import.meta.url).pathname;
const DATA = join(root, "data");
const version = readFileSync(join(DATA, "versions.csv"), "utf8").trim().split("\n").at(-1).split(",")[0];

/** The archive's files, each checked against data/; returns the README's text. */
function checkArchive(bytes) {
  const files = unzipSync(bytes);
  const folder = `ccht-data-v${version}`;
  const committed = readdirSync(DATA).filter((f) => f.endsWith(".csv") || f === "datapackage.json").sort();
  assert.deepEqual(Object.keys(files).sort(), [...committed, "CHANGELOG.txt", "README.md"].map((f) => `${folder}/${f}`).sort());
  for (const f of committed) assert.ok(Buffer.from(files[`${folder}/${f}`]).equals(readFileSync(join(DATA, f))), `${f} differs from data/${f}`);
  assert.ok(Buffer.from(files[`${folder}/CHANGELOG.txt`]).equals(readFileSync(join(root, "dist/changelog.txt"))));
  assert.match(strFromU8(files[`${folder}/CHANGELOG.txt`]), new RegExp(`\nVersion ${version}, `));
  return strFromU8(files[`${folder}/README.md`]);
}

test("the archive is the same bytes when built twice, and holds data/ as committed with a README of cautions", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ccht-archive-"));
  const build = (name, TZ) => {
    execFileSync("node", ["tools/data-archive.mjs", join(dir, name)], { cwd: root, env: { ...process.env, TZ } });
    return readFileSync(join(dir, name));
  };
  const first = build("a.zip", "UTC");
  // More than a ZIP timestamp's 2 s later, so an entry dated by the clock would differ, and 14 hours
  // ahead, where a date taken in UTC would be another local time.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  assert.ok(first.equals(build("b.zip", "Pacific/Kiritimati")), "two builds differ");
  const readme = checkArchive(first);
  assert.match(readme, new RegExp(`^# .*\\n\\nData version ${version}, \\d{4}-\\d\\d-\\d\\d: `));
  for (const caution of ["is a lower bound", "computed by us, not stated by any source", "must never be added to them", "it is not a zero"]) {
    assert.ok(readme.includes(caution), caution);
  }
  // Each figure's own note is in it, e.g. why CBP's 4,850 is not the release's 231.
  assert.ok(readme.includes("The 231 shipments in the DHS release were stopped under Withhold Release Orders alone"));
});

inEachEngine("data archive", (env) => {
  test("the page's Download the data link gives that archive", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    const link = page.locator("#data-download");
    assert.equal(await link.getAttribute("download"), "");
    // The bytes the link's address gives the browser, read by the page itself.
    const base64 = await page.evaluate(async () => {
      const a = /** @type {HTMLAnchorElement} */ (document.querySelector("#data-download"));
      const response = await fetch(a.href);
      if (!response.ok || response.headers.get("content-type") !== "application/zip") return `${response.status} ${response.headers.get("content-type")}`;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let s = "";
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    });
    checkArchive(new Uint8Array(Buffer.from(base64, "base64")));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
});
