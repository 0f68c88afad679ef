// Writes dist/, what pages load: the shell's scripts bundled with the JS glue and minified, the
// stylesheet minified, and the Wasm beside them (the glue finds it next to the script that loads
// it). Run by `make build` after wasm-pack. The readable sources stay in www/ and pkg/.
//
//   dist/app.js        the full viewer (index.html): www/app.js + www/chart-widget.js + glue
//   dist/ccht-chart.js the <ccht-chart> element: www/ccht-chart.js + www/chart-widget.js + glue
//   dist/embed-host.js the iframe height listener
//   dist/style.css     www/style.css
//   dist/ccht_chart_bg.wasm
//
// `node tools/bundle.mjs OUT PKG` bundles another wasm-pack build instead (make bench:
// bench/dist-dom from bench/pkg-dom).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const root = new URL("../", import.meta.url);
const path = (p) => new URL(p, root).pathname;
const [out = "dist", pkg = "pkg"] = process.argv.slice(2);

// www/ imports the glue as ../pkg/ccht_chart.js; point that at the build asked for.
const glue = {
  name: "glue",
  setup(b) {
    b.onResolve({ filter: /\/ccht_chart\.js$/ }, () => ({ path: path(`${pkg}/ccht_chart.js`) }));
  },
};

rmSync(path(out), { recursive: true, force: true });
mkdirSync(path(out), { recursive: true });
const common = { bundle: true, minify: true, sourcemap: "linked", logLevel: "warning", legalComments: "none" };
await build({ ...common, entryPoints: ["app.js", "ccht-chart.js"].map((f) => path(`www/${f}`)), format: "esm", outdir: path(out), plugins: [glue] });
await build({ ...common, entryPoints: [path("www/embed-host.js")], outdir: path(out) });
await build({ ...common, entryPoints: [path("www/style.css")], outdir: path(out) });
copyFileSync(path(`${pkg}/ccht_chart_bg.wasm`), path(`${out}/ccht_chart_bg.wasm`));
