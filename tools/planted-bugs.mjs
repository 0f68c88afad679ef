// Plants each bug below in turn, rebuilds what it touches, runs the end-to-end tests named with
// it, and fails unless they fail: proof that the suite notices what a reader would. The file is
// restored after each bug and its build redone. `make planted-bugs`; not part
// of `make test` (the Rust bugs take a release build each, a minute or two).
//
// The first two are the bugs that once passed every test (a figure shown with another's source;
// a key that skips a bar); the rest are the shell's own ways to mislead a reader.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url).pathname;

const BUGS = [
  {
    name: "each figure carries the source of the record before it (Viewer results)",
    file: "src/render/table.rs",
    from: "let source = &dataset.sources[r.source];\n        Figure {",
    to: "let source = &dataset.sources[dataset.records[record.saturating_sub(1)].source];\n        Figure {",
    tests: ["provenance"],
  },
  {
    name: "ArrowRight moves two bars",
    file: "src/web/viewer.rs",
    from: '("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(last),',
    to: '("ArrowDown", Some(i)) => (i + 1).min(last),\n            ("ArrowRight", Some(i)) => (i + 2).min(last),',
    tests: ["provenance"],
  },
  {
    name: "every table row links the first row's source",
    file: "www/table.js",
    from: "source.append(element(\"a\", { href: f.source_url }, f.source_title)",
    to: "source.append(element(\"a\", { href: data.rows[0].source_url }, data.rows[0].source_title)",
    tests: ["provenance"],
  },
  {
    name: "the tooltip leaves out the source sentence",
    file: "www/chart-widget.js",
    from: 'if (f.source_sentence) source.append(element("q", {}, f.source_sentence), " — ");',
    to: "",
    tests: ["provenance"],
  },
  {
    name: "the sources panel drops each source's first figure",
    file: "www/app.js",
    from: 'element("ul", {}, ...s.figures.map(',
    to: 'element("ul", {}, ...s.figures.slice(1).map(',
    tests: ["provenance"],
  },
  {
    name: "PageDown jumps to the last bar",
    file: "www/chart-widget.js",
    from: "const index = this.viewer.moveActive(event.key);",
    to: 'const index = this.viewer.moveActive(event.key === "PageDown" ? "End" : event.key);',
    tests: ["provenance"],
  },
  {
    name: "a key moves the highlight but the live region stays silent",
    file: "www/chart-widget.js",
    from: "    this.live.textContent = bar.announcement;\n",
    to: "\n",
    tests: ["provenance"],
  },
  {
    name: "after a switch, the pointer reads the bars of the chart before",
    file: "www/chart-widget.js",
    from: "      this.drawnBars = undefined;\n",
    to: "\n",
    tests: ["provenance", "viewer"],
  },
  {
    name: "after a switch, the pointer on the bar it was last over shows no tooltip",
    file: "www/chart-widget.js",
    from: "    this.hoverBar = undefined;\n    const active = this.viewer.active;",
    to: "    const active = this.viewer.active;",
    tests: ["provenance"],
  },
  {
    name: "the live table is not the page's: its source cells set the quote apart with another dash",
    file: "www/table.js",
    from: 'source.append(element("q", {}, f.source_sentence), " — ");',
    to: 'source.append(element("q", {}, f.source_sentence), " - ");',
    tests: ["first-paint"],
  },
  {
    name: "the live chart lets go of the image's height at once, so what is below moves up",
    file: "www/chart-widget.js",
    from: "if (shown > parseFloat(this.canvas.style.height)) stage.style.minHeight = `${shown}px`;",
    to: "",
    tests: ["layout-shift"],
  },
  {
    name: "a choice made while the Wasm loads is dropped",
    file: "www/app.js",
    from: "    if (name === \"lang\") langSelect.value = value;\n    await change(name, value);\n",
    to: "\n",
    tests: ["first-paint"],
  },
  {
    name: "another view's prerendered image keeps the default view's accessible name",
    file: "www/first-view.js",
    from: "      img.alt = view.alt;\n",
    to: "\n",
    tests: ["first-paint"],
  },
  {
    name: "a Wasm that fails to load takes the prerendered image with it",
    file: "www/style.css",
    from: ".chart.live .first, .first-none .first { display: none; }",
    to: ".chart.live .first, .chart.failed .first, .first-none .first { display: none; }",
    tests: ["first-paint"],
  },
  {
    name: "the studio drops a file's byte-order mark, so an unedited file is not saved as it came",
    file: "www/studio/files.js",
    from: 'new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })',
    to: 'new TextDecoder("utf-8", { fatal: true })',
    tests: ["studio"],
  },
  {
    name: "the studio marks a number nothing accounts for grey, as if ignored",
    file: "www/studio/reading.js",
    from: 'element("mark", { className: `n ${n.status}`, title: why }',
    to: 'element("mark", { className: `n ${n.status === "unaccounted" ? "ignored" : n.status}`, title: why }',
    tests: ["studio"],
  },
  {
    name: "a proposed record comes with a component and a measure already chosen",
    file: "www/studio/reading.js",
    from: 'const choose = (list) => [{ id: "", name: "Choose…" }, ...list];',
    to: "const choose = (list) => list;",
    tests: ["studio"],
  },
  {
    name: "a source is read with every source's ignore entries",
    file: "crates/ccht-data/src/reading.rs",
    from: ".filter(|row| row.source == source_id).collect(),",
    to: ".collect(),",
    tests: ["studio"],
  },
];

const make = (target) => execFileSync("make", ["-s", target], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
// The shell's files, bundled again (dist/prerender/ stays).
const bundle = () => execFileSync("node", ["tools/bundle.mjs"], { cwd: root, stdio: "inherit" });
const rebuild = (file) => (file.endsWith(".rs") ? make("build") : bundle());

// Every bug's text first, before anything is planted: code that moved makes a bug stale, and
// `--check` (in `make lint`) says so at once rather than an hour into a run.
const stale = BUGS.filter((bug) => readFileSync(`${root}${bug.file}`, "utf8").split(bug.from).length !== 2);
if (stale.length) {
  console.error(`planted-bugs: the text to change is not in its file exactly once for: ${stale.map((b) => `${b.name} (${b.file})`).join("; ")}`);
  process.exit(1);
}
if (process.argv.includes("--check")) {
  console.log(`planted-bugs: each of the ${BUGS.length} bugs' text is in its file exactly once`);
  process.exit(0);
}

const missed = [];
// ONLY=words plants just the bugs whose names hold them or whose test file it names (ONLY=studio).
const only = process.env.ONLY;
const planted = BUGS.filter((bug) => !only || bug.name.includes(only) || bug.tests.includes(only));
for (const bug of planted) {
  const path = `${root}${bug.file}`;
  const original = readFileSync(path, "utf8");
  const started = Date.now();
  try {
    writeFileSync(path, original.replace(bug.from, bug.to));
    rebuild(bug.file);
    const files = bug.tests.map((t) => `tests/e2e/${t}.test.mjs`);
    // One engine is enough to show a test can fail; ENGINE=firefox (or a list) plants in others.
    const run = spawnSync("node", ["--test", ...files], { cwd: root, encoding: "utf8", env: { ...process.env, ENGINE: process.env.ENGINE || "chromium" } });
    const caught = run.status !== 0;
    const failing = [...run.stdout.matchAll(/^not ok \d+ - (.*)$/gm)].map((m) => m[1]);
    console.log(`${caught ? "caught" : "MISSED"}  ${bug.name}  (${((Date.now() - started) / 1000).toFixed(0)} s${caught ? `; failed: ${failing.join("; ")}` : ""})`);
    if (!caught) missed.push(bug.name);
  } finally {
    writeFileSync(path, original);
    // The next bug starts from the true code: a Rust bug's build is undone at once.
    if (bug.file.endsWith(".rs")) make("build");
  }
}
bundle();
if (missed.length) {
  console.error(`${missed.length} planted bug(s) passed the end-to-end tests: ${missed.join("; ")}`);
  process.exit(1);
}
console.log(`all ${planted.length} planted bugs were caught`);
