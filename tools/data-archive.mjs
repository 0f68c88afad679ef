// Writes dist/ccht-data.zip, "Download the data" on the page: every data file exactly as committed
// (data/*.csv and data/datapackage.json, the Frictionless Data Package that describes them), the
// changelog (dist/changelog.txt, which examples/changelog.rs writes first), and a README with how to
// cite, the cautions every reader needs, and each figure's own note. Run by `make build`. The archive is the same bytes for the same data (each entry dated by the data
// version's date, not the clock), so a reader can check it against a checksum.
//
//   node tools/data-archive.mjs [OUT]     OUT defaults to dist/ccht-data.zip
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zipSync, strToU8 } from "fflate";
import { parseCsv } from "./csv.mjs";

const root = new URL("../", import.meta.url);
const data = (name) => readFileSync(new URL(`data/${name}`, root));
const [out = new URL("dist/ccht-data.zip", root).pathname] = process.argv.slice(2);

/** The archive's files: name → bytes. */
export function archiveFiles() {
  const pkg = JSON.parse(data("datapackage.json").toString("utf8"));
  const versions = parseCsv(data("versions.csv").toString("utf8"));
  const newest = versions.at(-1);
  const folder = `ccht-data-v${newest.version}`;
  const files = {};
  for (const name of ["datapackage.json", ...pkg.resources.map((r) => r.path)]) files[`${folder}/${name}`] = data(name);
  files[`${folder}/README.md`] = strToU8(readme(pkg, versions));
  files[`${folder}/CHANGELOG.txt`] = readFileSync(new URL("dist/changelog.txt", root));
  return { folder, date: newest.date, files };
}

/** The README: what the files are, how to cite them, and the cautions, from the data itself. */
function readme(pkg, versions) {
  const newest = versions.at(-1);
  const records = parseCsv(data("records.csv").toString("utf8"));
  const sources = new Map(parseCsv(data("sources.csv").toString("utf8")).map((s) => [s.id, s]));
  const metrics = new Map(parseCsv(data("metrics.csv").toString("utf8")).map((m) => [m.id, m]));
  const components = new Map(parseCsv(data("components.csv").toString("utf8")).map((c) => [c.id, c]));
  const lowerBounds = records.filter((r) => r.qualifier === "at-least").length;
  const derived = records.filter((r) => r.qualifier === "derived");
  const notes = records.filter((r) => r.note).map((r) => `- FY ${r.fiscal_year}, ${components.get(r.component).name}, ${metrics.get(r.metric).name} (${r.as_written || `${r.value}, derived`}): ${r.note}`);
  const changed = [...metrics.values()].filter((m) => m.note).map((m) => `  - ${m.name}: ${m.note}`);
  return `# ${pkg.title}

Data version ${newest.version}, ${newest.date}: ${newest.summary}.

${pkg.description}

## The files

${pkg.resources.map((r) => `- \`${r.path}\`: ${r.title}`).join("\n")}
- \`datapackage.json\`: a Frictionless Data Package describing each file (a Table Schema: field types, the qualifier's allowed values, primary keys, and foreign keys from records to sources, metrics and components); check the files with \`frictionless validate datapackage.json\`.

## How to cite

Cite each figure's original source, named in \`sources.csv\` by the record's \`source\` column: its publisher, title, date and address. For a primary source (a US Government text) \`source_sentence\` holds the sentence that states the figure, word for word; for a secondary source (a third-party article) it is empty: cite the article, do not quote it. To cite this compilation as well: ${pkg.title}, data version ${newest.version} (${newest.date}).

## Cautions

- A figure qualified \`at-least\` is a lower bound: the source says "more than" or "over", so the true value is higher. ${lowerBounds} of the ${records.length} figures are lower bounds; do not add them up as if they were exact, or round them into a point.
- A figure qualified \`derived\` is computed by us, not stated by any source (${derived.length} here); \`derived_from\` says how and its note says why it is approximate.
- Measures whose definitions changed are kept as separate metrics, never joined into one series:
${changed.join("\n")}
- CBP's forced-labor statistics count different things from the trafficking figures of the DHS release and must never be added to them (see the notes below).
- A year with no row has no published figure: it is not a zero.

## Notes on particular figures

${notes.join("\n")}

## Versions

${versions.map((v) => `- ${v.version}, ${v.date}: ${v.summary}`).join("\n")}

\`CHANGELOG.txt\` lists every figure each version added, changed or removed (\`changes.csv\` holds the same rows).
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const { folder, date, files } = archiveFiles();
  // Each entry dated by the data version, noon: a ZIP's dates are local times, which fflate takes
  // from the Date's local fields, so a local noon gives the same bytes in every time zone.
  const [year, month, day] = date.split("-").map(Number);
  const mtime = new Date(year, month - 1, day, 12);
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime, level: 9 }]])));
  writeFileSync(out, zip);
  console.log(`${out}: ${folder}/, ${Object.keys(files).length} files, ${zip.length} bytes`);
}
