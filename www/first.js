// @ts-check
// Runs before the first paint, inline in index.html's <head> (tools/first-script.mjs puts its build
// there, and the page's CSP allows it by its hash), so that what it asks for is asked for while the
// HTML is still arriving: it marks the page as scripted (www/style.css then folds the table and shows the controls), and,
// when the URL names a view other than the default one index.html already carries, asks for that
// view's prerendered chart, accessible name, summary, table and controls (dist/prerender/v/*.json,
// written at build time by examples/prerender.rs from the same drawing code as the canvas), which
// www/first-view.js, loaded meanwhile, puts in the page. Until then the page is not shown, rather
// than shown with the wrong chart; a view with no prerendered file shows the loading box, as
// before. The live chart replaces all of this when the Wasm is ready (www/chart-widget.js).
// Kept small: it is in index.html, which every reader of the page loads.
import { LANGS, OPTIONS } from "./options.js";
import { clearDefaultViewWords } from "./default-view.js";

(() => {
  const root = document.documentElement;
  root.classList.add("js");
  // dist/, beside the page (index.html, or the bench's /v/NAME/ copies of it).
  const here = new URL("dist/", document.baseURI).href;
  const params = new URLSearchParams(location.search);
  // The Wasm the first view needs, asked for now rather than once dist/app.js has been fetched and
  // run; www/builds.js takes the response (a preload would do, but WebKit fetches those twice). A
  // first view in a language the lean build lacks (any but the first) needs the complete build.
  const complete = LANGS.indexOf(`${params.get("lang")}`) > 0;
  const wasm = fetch(new URL(complete ? "complete/ccht_chart_bg.wasm" : "ccht_chart_bg.wasm", here));
  wasm.catch(() => {}); // a failure is builds.js's to report, once it asks
  window.cchtWasm = { [complete ? "complete" : "lean"]: wasm };
  // An embedded page's own layout (www/style.css), before the first paint rather than when app.js runs.
  if (params.get("embed") === "1") root.classList.add("embed");
  // A default value given is the same view as none given (index.html names them).
  const meta = /** @type {HTMLMetaElement | null} */ (document.querySelector("meta[name=ccht-defaults]"));
  const defaults = new URLSearchParams(meta?.content);
  for (const [name, value] of defaults) if (params.getAll(name).length === 1 && params.get(name) === value) params.delete(name);
  const parts = [];
  // The parameters a view's query holds, in the order ViewSpec::to_query writes them.
  for (const name of OPTIONS) {
    const values = params.getAll(name);
    // Repeated or unusual values are the Viewer's to settle and report: no prerendered guess.
    if (values.length > 1 || !values.every((v) => /^[a-z0-9-]+$/.test(v))) return root.classList.add("first-none");
    if (values.length) parts.push(`${name}-${values[0]}`);
  }
  // The default view, which index.html carries, named or not.
  if (!parts.length || parts.join("_") === meta?.dataset.view) return;
  root.classList.add("first-pending");
  const base = new URL("prerender/", here).href;
  /** @param {boolean} found */
  const done = (found) => {
    if (!root.classList.replace("first-pending", found ? "first-ready" : "first-none") || found) return;
    // No prerendered view: the default view's heading, source, summary and table, in index.html,
    // are not this one's.
    clearDefaultViewWords();
  };
  const values = Object.fromEntries(OPTIONS.filter((n) => params.has(n)).map((n) => [n, params.get(n)]));
  /** @param {string} name */
  const json = (name) => fetch(new URL(name, base)).then((response) => (response.ok ? response.json() : null));
  // The view, and the page's own words in another language; www/first-view.js takes them from here.
  const first = (window.cchtFirst = {
    base, values, done,
    view: json(`v/${parts.join("_")}.json`),
    words: values.lang && values.lang !== LANGS[0] ? json(`lang-${values.lang}.json`) : null,
  });
  // Failures are first-view.js's to handle; unhandled here, they would be reported as page errors.
  first.view.catch(() => {});
  first.words?.catch(() => {});
  const script = Object.assign(document.createElement("script"), { src: new URL("first-view.js", here).href });
  script.onerror = () => done(false);
  document.head.append(script);
  // However slow the network, the page is not kept hidden for more than a few seconds.
  setTimeout(() => done(false), 4000);
})();
