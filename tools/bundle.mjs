// Writes dist/, what pages load: the shell's scripts bundled with the JS glue and minified, the
// stylesheet minified, and the Wasm beside them (the glue finds it next to the script that loads
// it). Run by `make build` after wasm-pack. The readable sources stay in www/ and pkg*/. Every glue
// and Wasm here has short import names (tools/short-imports.mjs).
//
//   dist/app.js        the full viewer (index.html): www/app.js + www/chart-widget.js + lean glue
//   dist/ccht-chart.js the <ccht-chart> element: www/ccht-chart.js + www/chart-widget.js + lean glue
//   dist/cite.js      the Cite panel (www/cite.js), imported by app.js on a reader's first citation
//   dist/embed-host.js the iframe height listener
//   index.html         its one inline script, run before the first paint: www/first.js, which asks for
//                      the Wasm and the prerendered view the URL names (tools/first-script.mjs)
//   dist/csp.txt       the page's Content-Security-Policy, that script's hash included, for hosts
//   NAME.br, NAME.gz   Brotli and gzip copies of each script, stylesheet and Wasm in dist/,
//                      dist/complete/ and dist/studio/, for hosts to serve as is (tools/precompress.mjs)
//   dist/first-view.js puts the prerendered view in the page (loaded by index.html's inline first.js
//                      for a view other than the default)
//   dist/style.css     www/style.css
//   dist/ccht_chart_bg.wasm            pkg-lean/: the Viewer in English, without its downloads
//   dist/complete/ccht_chart{.js,_bg.wasm}  pkg/: every function and Spanish, imported (www/builds.js)
//                      when a reader first downloads a file or picks Spanish
//   dist/ccht-data.zip "Download the data", written after this by tools/data-archive.mjs
//   dist/studio/       studio.html's own: www/studio.js + pkg-studio/ glue, its Wasm, www/studio.css;
//                      nothing of it is in the page's first view
//
// `node tools/bundle.mjs OUT PKG` bundles another wasm-pack build instead of pkg-lean/ (make bench:
// bench/dist-dom from bench/pkg-dom).
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { shortenImports } from "./short-imports.mjs";
import { writeFirstScript } from "./first-script.mjs";
import { CSP, policyFor } from "./serve.mjs";
import { precompress } from "./precompress.mjs";

const root = new URL("../", import.meta.url);
const path = (p) => new URL(p, root).pathname;
const [out = "dist", pkg = "pkg-lean"] = process.argv.slice(2);

// Each build's glue and Wasm, with short import names (tools/short-imports.mjs).
const shortened = (dir) => shortenImports(readFileSync(path(`${dir}/ccht_chart_bg.wasm`)), readFileSync(path(`${dir}/ccht_chart.js`), "utf8"));
const lean = shortened(pkg);
const complete = shortened("pkg");

// www/ imports the glue as ../pkg/ccht_chart.js: point that at the build asked for. The complete
// build stays a separate file, dist/complete/, that www/builds.js imports by address on use.
const glueOf = (dir, built) => ({
  name: "glue",
  setup(b) {
    b.onResolve({ filter: /\/ccht_chart\.js$/ }, () => ({ path: path(`${dir}/ccht_chart.js`), namespace: "glue" }));
    b.onLoad({ filter: /.*/, namespace: "glue" }, () => ({ contents: built.glue, loader: "js" }));
  },
});
const glue = glueOf(pkg, lean);

// Everything but dist/prerender/, which examples/prerender.rs writes (before this: it also writes
// www/options.js, which the bundles take in).
mkdirSync(path(out), { recursive: true });
for (const entry of readdirSync(path(out))) if (entry !== "prerender") rmSync(path(`${out}/${entry}`), { recursive: true, force: true });
// tsconfigRaw: www/tsconfig.json is the type checker's (make lint); esbuild would otherwise take its
// `strict` and put "use strict" into the classic scripts.
const common = { bundle: true, minify: true, sourcemap: "linked", logLevel: "warning", legalComments: "none", tsconfigRaw: "{}" };
await build({ ...common, entryPoints: ["app.js", "ccht-chart.js", "cite.js"].map((f) => path(`www/${f}`)), format: "esm", outdir: path(out), plugins: [glue] });
await build({ ...common, entryPoints: ["embed-host.js", "first-view.js"].map((f) => path(`www/${f}`)), outdir: path(out) });
// index.html's inline script and its policy: the page's own, not a benchmark build's.
if (out === "dist") {
  await writeFirstScript();
  writeFileSync(path(`${out}/csp.txt`), `${policyFor(CSP, readFileSync(path("index.html"), "utf8"))}\n`);
}
await build({ ...common, entryPoints: [path("www/style.css")], outdir: path(out) });
writeFileSync(path(`${out}/ccht_chart_bg.wasm`), lean.wasm);
mkdirSync(path(`${out}/complete`));
writeFileSync(path(`${out}/complete/ccht_chart.js`), complete.glue);
writeFileSync(path(`${out}/complete/ccht_chart_bg.wasm`), complete.wasm);
// The studio, when pkg-studio/ is built (make build; make bench bundles without it).
if (out === "dist") {
  const studio = shortened("pkg-studio");
  await build({ ...common, entryPoints: [path("www/studio.js"), path("www/studio.css")], format: "esm", outdir: path(`${out}/studio`), plugins: [glueOf("pkg-studio", studio)] });
  writeFileSync(path(`${out}/studio/ccht_chart_bg.wasm`), studio.wasm);
}
precompress([out, `${out}/complete`, ...(out === "dist" ? [`${out}/studio`] : [])].map(path));
