// @ts-check
// The two builds of the Wasm a page may use. The lean one (pkg-lean/, bundled into each entry
// script) draws every chart in English, and is all the first view loads. The complete one (pkg/,
// dist/complete/ in the bundle) adds Spanish and the downloads; it is fetched the first time a reader
// needs either, once per page. Pages run these files bundled (tools/bundle.mjs): the complete build
// is imported by its address beside the bundle, so www/ itself cannot load it unbundled.
import initLean, * as lean from "../pkg/ccht_chart.js";
import { trapped } from "./chart-widget.js";
import { messageOf } from "./errors.js";
import { LANGS } from "./options.js";

/** @typedef {typeof lean} Build the lean build's module, or the complete one's (the same interface) */
/** @typedef {import("../pkg/ccht_chart.js").Viewer} Viewer */
/** @typedef {{ build: Build, viewer: Viewer }} Chart a Viewer, with the build that made it */
/** @typedef {"lean" | "complete"} BuildName */

/** @type {Promise<Build> | undefined} */
let leanReady;
/** @type {Promise<Build> | undefined} */
let completeReady;
let completeFailures = 0;

// The complete build's glue, beside the bundled entry scripts (tools/bundle.mjs writes it there).
const COMPLETE_GLUE = "./complete/ccht_chart.js";

/**
 * The Wasm response www/first.js (inline in index.html) asked for before the page's script arrived, for `build`, once;
 * undefined on a page without it (the glue then fetches the Wasm itself).
 * @param {BuildName} build
 */
function prefetched(build) {
  const asked = window.cchtWasm;
  const response = asked?.[build];
  if (response) delete asked[build];
  return response && { module_or_path: response };
}

/**
 * The lean build, instantiated once per page.
 * @type {() => Promise<Build>}
 */
const leanBuild = () => (leanReady ??= initLean(prefetched("lean")).then(() => lean));

/**
 * The complete build, instantiated once per page; after a failed fetch the next call tries again,
 * under a new query: Firefox and WebKit keep a failed module import for the page's life (the HTML
 * standard's module map), so the same address would fail again without being asked for.
 * @returns {Promise<Build>}
 */
export function completeBuild() {
  const glue = completeFailures ? `${COMPLETE_GLUE}?retry=${completeFailures}` : COMPLETE_GLUE;
  completeReady ??= import(glue).then(async (m) => (await m.default(prefetched("complete")), m)).catch((error) => {
    completeReady = undefined;
    completeFailures++;
    throw error;
  });
  return completeReady;
}

/**
 * Whether `lang` needs the complete build: the lean one (Cargo.toml builds it without the `spanish`
 * feature) speaks only the first of LANGS; an unknown language is the lean build's to report.
 * @param {string | null} lang
 */
const needsComplete = (lang) => LANGS.indexOf(String(lang)) > 0;

/**
 * The build for a first view in `lang`.
 * @param {string | null} lang
 */
export const buildFor = (lang) => (needsComplete(lang) ? completeBuild() : leanBuild());

/**
 * Whether `build` can show `lang`; if not, `completeBuild()` can.
 * @param {Build} build
 * @param {string | null} lang
 */
export const speaks = (build, lang) => build !== lean || !needsComplete(lang);

/**
 * A new Viewer of `build` on `canvas`, showing what `viewer` shows: to move a chart onto another
 * build, or to make a download with the complete build.
 * @param {Build} build
 * @param {Viewer} viewer
 * @param {HTMLCanvasElement} canvas
 */
export function viewerLike(build, viewer, canvas) {
  const like = new build.Viewer(canvas, {});
  like.setQuery(viewer.query);
  return like;
}

/**
 * A Viewer on `canvas` from the build that speaks `lang()`, with `options()`: both asked after the
 * build has loaded, so a change made meanwhile counts. Resolves to `{ build, viewer }`; rejects
 * with an Error whose message is the sentence to show, and whose `stage` says what failed
 * ("load": the Wasm; "start": the Viewer).
 * @param {HTMLCanvasElement} canvas
 * @param {() => string | null} lang
 * @param {() => import("../pkg/ccht_chart.js").ViewOptions} options
 * @returns {Promise<Chart>}
 */
export async function startViewer(canvas, lang, options) {
  let build;
  try {
    build = await buildFor(lang());
    if (!speaks(build, lang())) build = await completeBuild();
  } catch (error) {
    throw Object.assign(new Error(`The chart could not be loaded (${messageOf(error)}).`), { stage: "load" });
  }
  try {
    return { build, viewer: new build.Viewer(canvas, options()) };
  } catch (error) {
    trapped(error);
    throw Object.assign(new Error(`The chart could not start: ${messageOf(error)}`), { stage: "start" });
  }
}

/**
 * A chart (`{ build, viewer }`) able to show `lang`: itself, or moved onto the complete build, a new
 * Viewer on the same canvas in the same view and the old one freed. Null when `stillWanted()` says
 * the reader chose again while the build loaded; throws when it cannot load.
 * @param {string} lang
 * @param {Chart} chart
 * @param {HTMLCanvasElement} canvas
 * @param {() => boolean} stillWanted
 * @returns {Promise<Chart | null>}
 */
export async function chartFor(lang, { build, viewer }, canvas, stillWanted) {
  if (speaks(build, lang)) return { build, viewer };
  const next = await completeBuild();
  if (!stillWanted()) return null;
  if (next === build) return { build, viewer };
  const moved = viewerLike(next, viewer, canvas);
  viewer.free();
  return { build: next, viewer: moved };
}
