// Writes dist/, what pages load: the shell's scripts bundled with the JS glue and minified, the
// stylesheet minified, and the Wasm beside them (the glue finds it next to the script that loads
// it). Run by `make build` after wasm-pack. The readable sources stay in www/ and pkg*/.
//
//   dist/app.js        the full viewer (index.html): www/app.js + www/chart-widget.js + lean glue
//   dist/ccht-chart.js the <ccht-chart> element: www/ccht-chart.js + www/chart-widget.js + lean glue
//   dist/embed-host.js the iframe height listener
//   dist/style.css     www/style.css
//   dist/ccht_chart_bg.wasm            pkg-lean/: the Viewer in English, without its downloads
//   dist/complete/ccht_chart{.js,_bg.wasm}  pkg/: every function and Spanish, imported (www/builds.js)
//                      when a reader first downloads a file or picks Spanish
//
// `node tools/bundle.mjs OUT PKG` bundles another wasm-pack build instead of pkg-lean/ (make bench:
// bench/dist-dom from bench/pkg-dom).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const root = new URL("../", import.meta.url);
const path = (p) => new URL(p, root).pathname;
const [out = "dist", pkg = "pkg-lean"] = process.argv.slice(2);

// www/ imports the glue as ../pkg/ccht_chart.js: statically, point that at the build asked for; the
// dynamic import (www/builds.js: the complete build) stays a separate file, dist/complete/, loaded on use.
const glue = {
  name: "glue",
  setup(b) {
    b.onResolve({ filter: /\/ccht_chart\.js$/ }, (args) =>
      args.kind === "dynamic-import" ? { path: "./complete/ccht_chart.js", external: true } : { path: path(`${pkg}/ccht_chart.js`) });
  },
};

rmSync(path(out), { recursive: true, force: true });
mkdirSync(path(out), { recursive: true });
const common = { bundle: true, minify: true, sourcemap: "linked", logLevel: "warning", legalComments: "none" };
await build({ ...common, entryPoints: ["app.js", "ccht-chart.js"].map((f) => path(`www/${f}`)), format: "esm", outdir: path(out), plugins: [glue] });
await build({ ...common, entryPoints: [path("www/embed-host.js")], outdir: path(out) });
await build({ ...common, entryPoints: [path("www/style.css")], outdir: path(out) });
copyFileSync(path(`${pkg}/ccht_chart_bg.wasm`), path(`${out}/ccht_chart_bg.wasm`));
mkdirSync(path(`${out}/complete`));
for (const f of ["ccht_chart.js", "ccht_chart_bg.wasm"]) copyFileSync(path(`pkg/${f}`), path(`${out}/complete/${f}`));
