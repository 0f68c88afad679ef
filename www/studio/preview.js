// @ts-check
// The preview: the chart readers will see with these files, in any view, and the figures that
// differ from the repository's data.
import * as wasm from "../../pkg-studio/ccht_chart.js";
import { element } from "../dom.js";
import { messageOf } from "../errors.js";
import { $, options, state } from "./state.js";

/** The preview's menus, by the option each sets. */
const MENUS = /** @type {const} */ (["view", "component", "metric", "fy"]);
/** @param {typeof MENUS[number]} name */
const menu = (name) => /** @type {HTMLSelectElement} */ ($(`p-${name}`));

/** The six data files (the ignore list is the reading's). */
const DATA_KEYS = /** @type {const} */ (["components", "kinds", "metrics", "sources", "records", "pipeline"]);

function previewQuery() {
  const q = new URLSearchParams();
  for (const name of MENUS) q.set(name, menu(name).value);
  return q.toString();
}

/**
 * The preview of files that load (`ok`), or word that it waits; the data are loaded again only
 * when one of the six files changed since the last preview.
 * @param {boolean} ok
 */
export function preview(ok) {
  const figure = /** @type {HTMLElement} */ ($("preview").parentElement);
  if (!ok) {
    // Nothing of the last good data stays on show: not its chart, not its changes.
    figure.hidden = true;
    state.previewed = undefined;
    $("preview-status").textContent = "The preview waits until the data has no problems.";
    $("changes").hidden = true;
    $("changes-summary").textContent = "What changed waits until the data has no problems.";
    return;
  }
  figure.hidden = false;
  const data = DATA_KEYS.map((k) => state.files[k]);
  const previewed = state.previewed;
  if (previewed && data.every((text, i) => text === previewed[i])) return;
  try {
    const dataset = new wasm.DataSet(state.files);
    const catalog = dataset.choices();
    state.catalog = catalog;
    const keep = state.viewer ? previewQuery() : "";
    state.viewer?.free();
    state.dataset?.free();
    state.dataset = dataset;
    const viewer = (state.viewer = dataset.viewer(/** @type {HTMLCanvasElement} */ ($("preview")), {}));
    options(menu("view"), catalog.views, menu("view").value);
    options(menu("component"), catalog.components, menu("component").value);
    options(menu("metric"), catalog.metrics, menu("metric").value);
    options(menu("fy"), catalog.years.map((y) => ({ id: String(y), name: `FY ${y}` })), menu("fy").value || String(Math.max(...catalog.years)));
    if (keep) viewer.setQuery(keep);
    state.previewed = data;
    drawPreview();
    showChanges();
  } catch (error) {
    $("preview-status").textContent = `The preview could not be drawn: ${messageOf(error)}`;
  }
}

/** Draws the preview in the view its menus name. */
export function drawPreview() {
  const viewer = state.viewer;
  // Hidden while the data has problems: there is no width to draw at, and nothing to show.
  if (!viewer || /** @type {HTMLElement} */ ($("preview").parentElement).hidden) return;
  try {
    viewer.setQuery(previewQuery());
    const view = viewer.view;
    for (const name of /** @type {const} */ (["view", "component", "metric"])) menu(name).value = view[name];
    menu("fy").value = String(view.fy);
    viewer.draw();
    $("preview-summary").textContent = viewer.summary();
    $("preview-status").textContent = "The chart readers will see with these files.";
  } catch (error) {
    $("preview-status").textContent = `The preview could not be drawn: ${messageOf(error)}`;
  }
}

/** The figures the files add, change or remove against the repository's data. */
function showChanges() {
  const changes = wasm.changedFigures(state.files);
  const table = /** @type {HTMLTableElement} */ ($("changes"));
  table.tBodies[0].replaceChildren(...changes.map((c) => element("tr", {},
    ...[c.change, `FY ${c.fiscal_year}`, c.component, c.metric, c.before ?? "", c.after ?? ""].map((t) => element("td", {}, t)))));
  table.hidden = changes.length === 0;
  $("changes-summary").textContent = changes.length
    ? `${changes.length} ${changes.length === 1 ? "figure differs" : "figures differ"} from the repository's data.`
    : "No figure differs from the repository's data.";
  showNewVersion(changes);
}

/** A CSV field, quoted as a spreadsheet writes it where it holds a comma or a quote. @param {string | number} value */
const field = (value) => (/[",]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/**
 * Files that change a figure as written are a new data version: the lines data/versions.csv and
 * data/changes.csv need, which the build checks against the figures (a note alone changes no figure).
 * @param {ReturnType<typeof wasm.changedFigures>} changes
 */
function showNewVersion(changes) {
  const rows = changes.filter((c) => c.before !== c.after);
  $("new-version").hidden = rows.length === 0;
  if (!rows.length) return;
  const version = wasm.dataVersion() + 1;
  const d = new Date();
  const today = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  $("new-version-summary").textContent = `These files change ${rows.length} ${rows.length === 1 ? "figure" : "figures"}: they are data version ${version}. Add the first line below to data/versions.csv, with what changed in a line, and the others to data/changes.csv. Citations name the version; the build checks the rows against the figures.`;
  /** @type {HTMLTextAreaElement} */ ($("new-version-rows")).value = [
    `${version},${today},<what changed, in a line>`,
    ...rows.map((c) => [version, c.change, c.fiscal_year, c.component, c.metric, c.before ?? "", c.after ?? ""].map(field).join(",")),
  ].join("\n");
}

/** The preview's menus, and its width: each change draws again. */
export function listen() {
  for (const name of MENUS) menu(name).addEventListener("change", drawPreview);
  // The observer watches an empty block of the figure's width and no height, not the figure, as
  // www/chart-widget.js does: a draw changes the figure's height inside the callback, which engines
  // report as an error ("ResizeObserver loop completed with undelivered notifications"). Hidden
  // (files with problems), the width is 0: shown again, the preview draws at its new width.
  const ruler = element("div");
  /** @type {HTMLElement} */ ($("preview").parentElement).prepend(ruler);
  let width = 0;
  new ResizeObserver(() => {
    if (ruler.clientWidth === width) return;
    width = ruler.clientWidth;
    if (state.viewer) drawPreview();
  }).observe(ruler);
}
