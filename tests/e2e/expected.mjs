// What the chart must say, computed independently of the Rust code from the CSV files themselves.
import { readFileSync } from "node:fs";

const dataDir = new URL("../../data/", import.meta.url);

/** RFC 4180 rows of a data file as objects keyed by the header. */
export function readCsv(name) {
  return readCsvText(readFileSync(new URL(name, dataDir), "utf8"));
}

/** RFC 4180 text as objects keyed by the header. */
export function readCsvText(source) {
  const text = source.replace(/^\uFEFF/, "");
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ""));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

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
