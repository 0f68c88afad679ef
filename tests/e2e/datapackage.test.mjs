// data/datapackage.json describes data/*.csv as a Frictionless Data Package (a Table Schema for each
// file: types, the qualifier's allowed values, primary keys, and foreign keys from records to
// components, metrics and sources), and the real validator (frictionless, from PyPI, installed into
// .venv/ by tools/ensure-tools python) holds the files to it. Bad rows planted in a copy must fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const DATA = join(root, "data");
const FRICTIONLESS = process.env.FRICTIONLESS || (existsSync(join(root, ".venv/bin/frictionless")) ? join(root, ".venv/bin/frictionless") : "frictionless");

/** The validator's report of a package, as JSON (it exits 1 when the data is invalid). */
function validate(dir) {
  let out;
  try {
    out = execFileSync(FRICTIONLESS, ["validate", "--json", "datapackage.json"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    if (!error.stdout) throw error;
    out = error.stdout;
  }
  const report = JSON.parse(out);
  const errors = report.tasks.flatMap((t) => t.errors.map((e) => ({ resource: t.name, type: e.type, field: e.fieldName, row: e.rowNumber, note: e.note })));
  return { valid: report.valid, tasks: report.tasks, errors };
}

/** A copy of data/ with `edit(text)` applied to one file. */
function plant(file, edit) {
  const dir = mkdtempSync(join(tmpdir(), "ccht-data-"));
  cpSync(DATA, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

test("data/datapackage.json names every data file, and the validator finds them all valid", () => {
  const pkg = JSON.parse(readFileSync(join(DATA, "datapackage.json"), "utf8"));
  const csv = readdirSync(DATA).filter((f) => f.endsWith(".csv")).sort();
  assert.deepEqual(pkg.resources.map((r) => r.path).sort(), csv);
  const { valid, tasks, errors } = validate(DATA);
  assert.deepEqual(errors, []);
  assert.equal(valid, true);
  assert.equal(tasks.length, csv.length);
  // The checks a reader relies on are declared, not left to the validator's defaults.
  const records = pkg.resources.find((r) => r.name === "records").schema;
  assert.deepEqual(records.fields.find((f) => f.name === "qualifier").constraints.enum, ["exact", "at-least", "approximate", "derived"]);
  assert.deepEqual(records.primaryKey, ["fiscal_year", "component", "metric"]);
  assert.deepEqual(records.foreignKeys.map((k) => `${k.fields}→${k.reference.resource}`).sort(), ["component→components", "metric→metrics", "source→sources"]);
  // The package's version is the newest line of data/versions.csv, the one citations name.
  const versions = readFileSync(join(DATA, "versions.csv"), "utf8").trim().split("\n");
  assert.equal(pkg.version, versions.at(-1).split(",")[0]);
});

const PLANTED = [
  ["a qualifier outside the allowed values", "records.csv", (t) => t.replace(",at-least,more than 800,", ",more-than,more than 800,"), { resource: "records", type: "constraint-error", field: "qualifier" }],
  ["a record pointing at a missing source", "records.csv", (t) => t.replace(",more than 800,fy2024-release,", ",more than 800,fy2024-relase,"), { resource: "records", type: "foreign-key", field: undefined }],
  ["a second figure for one year, component and measure", "records.csv", (t) => t + t.split("\n")[1] + "\n", { resource: "records", type: "primary-key", field: undefined }],
  ["a value written with a separator", "records.csv", (t) => t.replace("2024,dhs,victims-assisted,800,", "2024,dhs,victims-assisted,\"1,800\","), { resource: "records", type: "type-error", field: "value" }],
  ["a metric of an unknown kind", "metrics.csv", (t) => t.replace("victims-assisted,Victims assisted,victims,", "victims-assisted,Victims assisted,victim,"), { resource: "metrics", type: "foreign-key", field: undefined }],
  ["a renamed column", "sources.csv", (t) => t.replace("id,title,publisher,date,", "id,title,publisher,published,"), { resource: "sources", type: "incorrect-label", field: "date" }],
];

for (const [what, file, edit, expected] of PLANTED) {
  test(`the validator refuses ${what}`, () => {
    const dir = plant(file, edit);
    try {
      assert.notEqual(readFileSync(join(dir, file), "utf8"), readFileSync(join(DATA, file), "utf8"), "the bad row was planted");
      const { valid, errors } = validate(dir);
      assert.equal(valid, false);
      assert.ok(errors.some((e) => e.resource === expected.resource && e.type === expected.type && (expected.field === undefined || e.field === expected.field)),
        `${JSON.stringify(expected)} among ${JSON.stringify(errors, null, 1)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
