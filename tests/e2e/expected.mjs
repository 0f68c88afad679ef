// What the chart must say, computed independently of the Rust code from the CSV files themselves.
import { readFileSync } from "node:fs";
import { parseCsv } from "../../tools/csv.mjs";

const dataDir = new URL("../../data/", import.meta.url);

/** RFC 4180 rows of a data file as objects keyed by the header. */
export function readCsv(name) {
  return readCsvText(readFileSync(new URL(name, dataDir), "utf8"));
}

/** RFC 4180 text as objects keyed by the header. */
export const readCsvText = parseCsv;

const kinds = new Map(readCsv("kinds.csv").map((k) => [k.id, k]));
const metrics = new Map(readCsv("metrics.csv").map((m) => [m.id, m]));
export const components = readCsv("components.csv");
/** Every record, all fiscal years. */
export const allRecords = readCsv("records.csv");
/** The newest year's records: what the default views show. */
export const records = allRecords.filter((r) => r.fiscal_year === "2024");

export const unitOf = (record) => kinds.get(metrics.get(record.metric).kind).unit;
export const kindOf = (metricId) => metrics.get(metricId).kind;

/** "more than 24,000", "$12,000,000", "84%": how the chart's description states a record. */
export function spoken(record) {
  const n = Number(record.value).toLocaleString("en-US");
  const unit = unitOf(record);
  const number = unit === "dollars" ? `$${n}` : unit === "percent" ? `${n}%` : n;
  return record.qualifier === "at-least" ? `more than ${number}` : number;
}
