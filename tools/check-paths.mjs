// Every repository path a comment, a config or a Markdown file names exists: a file renamed or
// removed leaves no stale name behind (`make lint` runs this). A name with a folder must exist from
// the repository's root or from the naming file's folder; a bare file name ("viewer.rs") must be
// some file's name. Build products, other repositories and placeholders are not checked.
// Usage: node tools/check-paths.mjs   (exit 1 and a list when a name is stale)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
const names = new Set(tracked.map((f) => basename(f)));
// A name with a folder may be given from any folder ("view/options.rs" for src/view/options.rs).
const endsAFile = (name) => tracked.some((f) => f === name || f.endsWith(`/${name}`));
// Names that are not this repository's files: a library, and the package wasm-pack writes.
// a download's name, and an example output.
const NOT_FILES = new Set(["Chart.js", "chart.js", "ccht_chart.js", "ccht_chart_bg.wasm", "ccht_chart.d.ts", "ccht_chart_bg.wasm.d.ts", "ccht-fy2024-dhs.csv", "out.png", "docs.rs"]);
/** The part of a line that is prose: all of it in Markdown and configs, the comment in code. */
function prose(file, line, state) {
  if (/\.(md|toml|yml|yaml)$/.test(file)) return line;
  if (/\.html$/.test(file)) return [...line.matchAll(/<!--(.*?)(-->|$)/g)].map((m) => m[1]).join(" ");
  if (/\.(sh|py)$|(^|\/)(Makefile|ensure-tools|fuzz|run|test-webkit)$/.test(file)) return line.includes("#") ? line.slice(line.indexOf("#")) : "";
  // Rust, JavaScript, CSS: line comments, and block comments across lines.
  let out = "";
  let rest = line;
  while (rest) {
    if (state.block) {
      const end = rest.indexOf("*/");
      out += ` ${end < 0 ? rest : rest.slice(0, end)}`;
      if (end < 0) return out;
      state.block = false;
      rest = rest.slice(end + 2);
    } else {
      const slash = rest.search(/\/\/|\/\*/);
      if (slash < 0) return out;
      if (rest[slash + 1] === "/" && !/:$/.test(rest.slice(0, slash))) return `${out} ${rest.slice(slash + 2)}`;
      if (rest[slash + 1] === "/") { rest = rest.slice(slash + 2); continue; }
      state.block = true;
      rest = rest.slice(slash + 2);
    }
  }
  return out;
}
// Written by the build, the tests or the bench (Makefile, `make clean`), or outside this repository
// (../shared/, Chromium's front_end/).
const UNCHECKED = /^(front_end\/|\.\.\/|\/|~|dist\/|pkg(-lean|-studio)?\/|target\/|node_modules\/|bench\/(pkg-|dist-|data\/|results\.json|before\b|peer\/data\.json|peer\/peer\.min\.js)|fuzz\/(artifacts|corpus|target)\/|mutants|docs\/gallery\/(before|after)-)/;
const SCANNED = /\.(rs|mjs|js|md|toml|sh|py|html|css|yml|yaml)$|(^|\/)(Makefile|ensure-tools|fuzz|run|test-webkit)$/;
const EXT = "rs|mjs|js|md|toml|json|csv|html|css|sh|py|txt|snap|png|svg|wasm|ts|dict|expected|ttf|lock";
const PATH = new RegExp(`(?<![\\w/.:@-])((?:\\.{0,2}/)?(?:[\\w.-]+/)*[\\w-]+(?:\\.[\\w-]+)*\\.(?:${EXT}))(?![\\w/-])`, "g");

// Any path from a top-level folder, with or without an extension (".ci/run", "tools/ensure-tools").
const TOP = new RegExp(`(?<![\\w/.:@-])((?:${[...new Set(tracked.filter((f) => f.includes("/")).map((f) => f.split("/")[0]))].map((d) => d.replace(".", "\\.")).join("|")})/[\\w./-]*[\\w-])(?![\\w/-])`, "g");

const stale = [];
for (const file of tracked.filter((f) => SCANNED.test(f) && !f.startsWith("tests/snapshots/") && f !== "package-lock.json" && f !== "Cargo.lock")) {
  const text = readFileSync(join(root, file), "utf8");
  const state = { block: false };
  text.split("\n").forEach((whole, i) => {
    // A regular expression's escaped dot (cargo-mutants' exclusions) is a dot.
    const line = prose(file, whole, state).replace(/\\\./g, ".");
    if (/github\.com\//.test(line)) return; // another repository's paths
    for (const m of [...line.matchAll(PATH), ...line.matchAll(TOP)]) {
      const name = m[1];
      const before = line.slice(0, m.index);
      // Addresses, placeholders and globs are not paths in this repository.
      if (/(https?:|www\.|\w\.\w+\/|[{<*$%]|\\$)/.test(before.slice(-40).split(/\s/).pop() ?? "") || /[{}<>*$]/.test(name)) continue;
      if (/^(\w+\.)+(com|org|gov|net|io|nz|uk)$/.test(name) || /^\d/.test(name)) continue;
      // Placeholders in capitals: "data/FILE:LINE", "fuzz/artifacts/TARGET/".
      if (/\/[A-Z_]+(\/|$)/.test(name)) continue;
      const bare = name.replace(/^\.\//, "");
      if (UNCHECKED.test(bare) || NOT_FILES.has(bare)) continue;
      const found = bare.includes("/")
        ? existsSync(join(root, bare)) || existsSync(join(root, dirname(file), bare)) || endsAFile(bare)
        : names.has(bare) || existsSync(join(root, dirname(file), bare));
      if (!found) stale.push(`${file}:${i + 1}: ${name}`);
    }
  });
}
if (stale.length) {
  console.error(`check-paths: ${stale.length} name(s) of files that do not exist:\n${stale.join("\n")}`);
  process.exit(1);
}
console.log(`check-paths: every file named in ${tracked.filter((f) => SCANNED.test(f)).length} files exists`);
