#!/usr/bin/env node
/**
 * Synthetic datasets of the same shape as data/*.csv, for the growth benchmark (`make bench`):
 * `scale` times the components, metrics and fiscal years of the real files, deterministic for a seed.
 * Why: to see whether load time, memory and redraw time follow what is drawn or the dataset's size,
 * with files the real loader (`ccht_chart::load`) accepts, so the benchmark runs the real checks.
 *
 * Shape: the six real components and eighteen real metrics are kept (so the viewer's default view,
 * DHS-wide arrests, and the pipeline still resolve) and synthetic ones are added; kinds.csv is kept as
 * it is (a kind fixes a unit). Each component reports, in each year, as many figures as its real
 * counterpart does in FY2024 (5, 2, 1, 5, 2, 4: about 3.2), on measures drawn at random, so records
 * grow as components × years (about 19 × scale²). Metrics fall into kinds with a skew (weight
 * 1 / (kind + 1)), so the metric view draws few bars for some kinds and many for others. The real
 * FY2024 records are kept as they are when 2024 is one of the years.
 *
 * Usage: node tools/synth-data.mjs --scale 10 [--seed 1] [--out bench/data/x10]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "./csv.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export { parseCsv };

function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function toCsv(header, rows) {
  return [header.join(","), ...rows.map((r) => header.map((h) => csvField(r[h])).join(","))].join("\n") + "\n";
}

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const withSeparators = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function readRealData(dir = join(root, "data")) {
  const read = (name) => parseCsv(readFileSync(join(dir, name), "utf8"));
  return {
    components: read("components.csv"),
    kinds: read("kinds.csv"),
    metrics: read("metrics.csv"),
    sources: read("sources.csv"),
    records: read("records.csv"),
    pipeline: read("pipeline.csv"),
  };
}

/** The six CSV texts of a dataset `scale` times the real one, plus a summary. */
export function synthesize(scale, seed = 1) {
  const real = readRealData();
  const random = rng(seed * 7919 + scale);
  const pad = (n) => String(n).padStart(4, "0");

  const components = [...real.components];
  for (let i = components.length + 1; i <= real.components.length * scale; i++) {
    components.push({ id: `c${pad(i)}`, name: `Synthetic component ${i}`, short_name: `C${i}`, name_es: `Componente sintético ${i}`, short_name_es: `C${i}` });
  }
  const kinds = real.kinds;
  const weights = kinds.map((_, k) => 1 / (k + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickKind = () => {
    let x = random() * totalWeight;
    for (let k = 0; k < kinds.length; k++) if ((x -= weights[k]) < 0) return k;
    return kinds.length - 1;
  };
  const metrics = [...real.metrics];
  for (let i = metrics.length + 1; i <= real.metrics.length * scale; i++) {
    metrics.push({ id: `m${pad(i)}`, name: `Synthetic measure ${i}`, kind: kinds[pickKind()].id, name_es: `Medida sintética ${i}`, note: "", note_es: "" });
  }
  const synthetic = {
    id: "synthetic", title: "Synthetic benchmark figures", publisher: "ccht-chart benchmark",
    date: "2025-01-01", url: "https://example.org/ccht-chart/synthetic", url_note: "Not real figures", url_note_es: "No son cifras reales", kind: "secondary",
  };
  const sources = [...real.sources, synthetic];

  const realYear = Math.max(...real.records.map((r) => Number(r.fiscal_year)));
  const yearCount = scale;
  const first = Math.max(1990, realYear - yearCount + 1);
  const years = Array.from({ length: yearCount }, (_, i) => first + i);
  // How many figures each real component reports in FY2024, repeated over synthetic components.
  const perComponent = real.components.map((c) => real.records.filter((r) => r.component === c.id).length);
  const pipelineMetrics = new Map();
  for (const stage of real.pipeline) {
    if (!pipelineMetrics.has(stage.component)) pipelineMetrics.set(stage.component, []);
    pipelineMetrics.get(stage.component).push(stage.metric);
  }

  const records = [];
  for (const year of years) {
    components.forEach((c, ci) => {
      if (year === realYear && ci < real.components.length) {
        records.push(...real.records.filter((r) => r.component === c.id && Number(r.fiscal_year) === realYear));
        return;
      }
      const chosen = new Set(pipelineMetrics.get(c.id) ?? []);
      const want = Math.max(perComponent[ci % perComponent.length], chosen.size);
      while (chosen.size < want) chosen.add(metrics[Math.floor(random() * metrics.length)].id);
      for (const metric of [...chosen].sort()) {
        const value = Math.max(1, Math.round(Math.exp(random() * Math.log(5e6))));
        const atLeast = random() < 0.3;
        const written = atLeast ? `more than ${withSeparators(value)}` : withSeparators(value);
        records.push({
          fiscal_year: year, component: c.id, metric, value, qualifier: atLeast ? "at-least" : "exact",
          as_written: written, source: synthetic.id,
          source_sentence: `In FY ${year}, ${c.name} reported ${written} for ${metric}.`,
          reported_as: "", note: "", note_es: "", derived_from: "",
        });
      }
    });
  }

  const texts = {
    // The columns of the real files, read from their headers, so the two cannot drift apart.
    "components.csv": toCsv(Object.keys(real.components[0]), components),
    "kinds.csv": toCsv(Object.keys(real.kinds[0]), kinds),
    "metrics.csv": toCsv(Object.keys(real.metrics[0]), metrics),
    "sources.csv": toCsv(Object.keys(real.sources[0]), sources),
    "records.csv": toCsv(Object.keys(real.records[0]), records),
    "pipeline.csv": toCsv(["stage", "component", "metric"], real.pipeline),
  };
  const summary = {
    scale, seed, components: components.length, kinds: kinds.length, metrics: metrics.length, years: years.length,
    first_year: years[0], last_year: years.at(-1), records: records.length,
    bytes: Object.values(texts).reduce((n, t) => n + Buffer.byteLength(t), 0),
    component_ids: components.map((c) => c.id), metric_ids: metrics.map((m) => m.id),
    metric_kinds: metrics.map((m) => m.kind),
  };
  return { texts, summary };
}

export function writeDataset(scale, seed, out) {
  const { texts, summary } = synthesize(scale, seed);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(out, name), text);
  writeFileSync(join(out, "summary.json"), JSON.stringify(summary));
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const scale = Number(arg("scale", "10"));
  const seed = Number(arg("seed", "1"));
  const out = arg("out", join(root, "bench", "data", `x${scale}`));
  const s = writeDataset(scale, seed, out);
  console.log(`${out}: ${s.components} components, ${s.metrics} metrics, ${s.years} years (${s.first_year}–${s.last_year}), ${s.records} records, ${s.bytes} bytes`);
}
