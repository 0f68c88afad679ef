// No cycles between modules: in each crate (src/, crates/*/src/) a file's `crate::…` and `super::…`
// paths are its edges to other files (a name a folder's mod.rs or lib.rs re-exports leads to the
// file it comes from), tests left out; `make lint` fails on any cycle and names its files.
// Usage: node tools/check-cycles.mjs
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const crates = [join(root, "src"), ...readdirSync(join(root, "crates")).map((c) => join(root, "crates", c, "src"))].filter(existsSync);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".rs") ? [p] : [];
  });
}

/** The code of a file without its tests (each file ends with its own `#[cfg(test)] mod tests`) and comments. */
function code(file) {
  const text = readFileSync(file, "utf8");
  const tests = text.search(/^#\[cfg\(test\)\]\s*\n(#\[[^\n]*\]\s*\n)*mod tests/m);
  return (tests < 0 ? text : text.slice(0, tests)).replace(/\/\/[^\n]*/g, "");
}

// Cycles known and not yet broken: any other fails at once, and one listed here that is gone fails
// too, so the list stays true. (The four issue #27 named are broken.)
const KNOWN = [];

let cycles = [];
for (const src of crates) {
  const all = files(src);
  // A module path (["view", "spec"]) → its file, and a folder module → its mod.rs (lib.rs for the crate).
  const fileOf = (parts) => {
    const base = join(src, ...parts);
    if (parts.length === 0) return join(src, "lib.rs");
    if (existsSync(`${base}.rs`)) return `${base}.rs`;
    if (existsSync(join(base, "mod.rs"))) return join(base, "mod.rs");
    return null;
  };
  const modulePath = (file) => {
    const rel = relative(src, file).replace(/\.rs$/, "").split("/");
    if (rel[rel.length - 1] === "mod" || rel[rel.length - 1] === "lib") rel.pop();
    return rel;
  };
  // What each folder module re-exports: name → the path it comes from (`pub use child::{A, B}`).
  const reexports = new Map();
  for (const file of all.filter((f) => /(mod|lib)\.rs$/.test(f))) {
    const names = new Map();
    for (const m of code(file).matchAll(/pub use ([\w:]+)::\{([^}]*)\}|pub use ([\w:]+)::(\w+)/g)) {
      const [from, list] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
      for (const name of list.split(",").map((s) => s.trim().split(/\s+as\s+/).pop()).filter(Boolean)) names.set(name, from.split("::"));
    }
    reexports.set(file, names);
  }
  /** The file a path names: the deepest module it reaches, through re-exports. */
  const resolve = (parts, seen = 0) => {
    let file = fileOf([]);
    let mod = [];
    for (let i = 0; i < parts.length; i++) {
      const next = fileOf([...mod, parts[i]]);
      if (next) { mod = [...mod, parts[i]]; file = next; continue; }
      const from = reexports.get(file)?.get(parts[i]);
      if (from && seen < 5) {
        const base = from[0] === "crate" ? from.slice(1) : [...mod, ...from];
        return resolve([...base, parts[i]], seen + 1);
      }
      break;
    }
    return file;
  };
  const edges = new Map(all.map((f) => [f, new Set()]));
  for (const file of all) {
    const here = modulePath(file);
    const isFolder = /(mod|lib)\.rs$/.test(file);
    const text = code(file);
    const paths = [];
    // `use` trees: crate::a::{b, c::d} → crate::a::b, crate::a::c::d.
    for (const m of text.matchAll(/use\s+((?:crate|super)(?:::\w+)*)::\{([^;]*)\};/g)) {
      for (const item of m[2].split(",").map((s) => s.trim().replace(/\s+as\s+\w+$/, "")).filter(Boolean)) paths.push(`${m[1]}::${item.replace(/::\{.*$/, "")}`);
    }
    for (const m of text.matchAll(/\b((?:crate|super)(?:::\w+)+)/g)) paths.push(m[1]);
    for (const p of paths) {
      const parts = p.split("::").filter((x) => x !== "self" && x !== "*");
      const base = parts[0] === "crate" ? [] : isFolder ? here : here.slice(0, -1);
      let rest = parts.slice(1);
      let from = base;
      while (rest[0] === "super") { from = from.slice(0, -1); rest = rest.slice(1); }
      const target = resolve([...from, ...rest]);
      // A folder's mod.rs declaring or re-exporting its children is not a use of them.
      if (target && target !== file && !(isFolder && dirname(target).startsWith(dirname(file)) && parts[0] !== "crate")) edges.get(file).add(target);
    }
  }
  // Tarjan's strongly connected components: any with two files or more is a cycle.
  let index = 0;
  const stack = [], on = new Set(), idx = new Map(), low = new Map();
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); on.delete(w); scc.push(w); } while (w !== v);
      // A folder's mod.rs and the files it gathers are one module, not a cycle.
      const real = scc.filter((f) => !/(mod|lib)\.rs$/.test(f));
      if (real.length > 1) cycles.push(scc.map((f) => relative(root, f)).sort());
    }
  };
  for (const f of all) if (!idx.has(f)) visit(f);
}
const found = cycles.map((c) => c.join(" ⇄ "));
const added = found.filter((c) => !KNOWN.includes(c));
const gone = KNOWN.filter((c) => !found.includes(c));
if (added.length || gone.length) {
  if (added.length) console.error(`check-cycles: ${added.length} new cycle(s) between modules:\n${added.map((c) => `  ${c}`).join("\n")}`);
  if (gone.length) console.error(`check-cycles: no longer a cycle, so take it off KNOWN in tools/check-cycles.mjs:\n${gone.map((c) => `  ${c}`).join("\n")}`);
  process.exit(1);
}
console.log(`check-cycles: no cycle between modules${KNOWN.length ? ` but the ${KNOWN.length} listed in tools/check-cycles.mjs` : ""}`);
