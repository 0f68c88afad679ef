// index.html's one inline script: www/first.js (with www/options.js) bundled and minified, between
// the `first-script` markers, so that the Wasm and the URL's prerendered view are asked for while
// the HTML is parsed, not one request latency later once a script file has arrived (on DevTools'
// Slow 4G, 562.5 ms; make bench's waterfall). A <link rel=preload> would do it without an inline
// script, but WebKit fetches a preloaded file twice (once more for the fetch() that wants it).
//
// The page's policy allows exactly this script by its hash (tools/serve.mjs's `policyFor`, which it
// sends and `make build` writes to dist/csp.txt for hosts). `node tools/first-script.mjs --check` (make
// lint) fails when index.html's copy is not www/first.js's current build.
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { FIRST_SCRIPT } from "./serve.mjs";

const root = new URL("../", import.meta.url);
const INDEX = new URL("index.html", root);
const { start: START, end: END } = FIRST_SCRIPT;

/** www/first.js, bundled and minified, as the <script> element index.html carries. */
export async function firstScript() {
  const result = await build({
    entryPoints: [new URL("www/first.js", root).pathname], bundle: true, minify: true, write: false,
    legalComments: "none", logLevel: "warning", tsconfigRaw: "{}",
  });
  return `<script>${result.outputFiles[0].text.trim()}</script>`;
}

/** index.html with its inline script replaced by `script`. */
function withScript(page, script) {
  const a = page.indexOf(START), b = page.indexOf(END);
  if (a < 0 || b < 0) throw new Error("index.html lacks the first-script markers");
  return `${page.slice(0, a)}${START}\n${script}\n${page.slice(b)}`;
}

/** Writes the current script into index.html (make build); `check`: only says whether it is current. */
export async function writeFirstScript({ check = false } = {}) {
  const page = readFileSync(INDEX, "utf8");
  const next = withScript(page, await firstScript());
  if (next === page) return true;
  if (check) return false;
  writeFileSync(INDEX, next);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const check = process.argv.includes("--check");
  if (!(await writeFirstScript({ check }))) {
    console.error("index.html: its inline script is not www/first.js's current build; run make build (or node tools/first-script.mjs) and commit index.html");
    process.exit(1);
  }
}
