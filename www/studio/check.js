// @ts-check
// The check: every problem the build would find in the files, each leading to its line.
import * as wasm from "../../pkg-studio/ccht_chart.js";
import { element } from "../dom.js";
import { goToLine } from "./editor.js";
import { $, options, state } from "./state.js";

/** @typedef {import("./state.js").FileKey} FileKey */

/**
 * The lines around `line` of `text`, the line itself marked, for a problem's context.
 * @param {string} text
 * @param {number} line
 */
function context(text, line) {
  const lines = text.split(/\r?\n/);
  const out = element("pre", { className: "context" });
  for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) {
    out.append(element("span", { className: n === line ? "at" : "" }, `${String(n).padStart(4)}  ${lines[n - 1]}\n`));
  }
  return out;
}

/**
 * The short name of the file at `path` ("data/records.csv" → "records").
 * @param {string} path
 */
function keyOfPath(path) {
  return /** @type {FileKey[]} */ (Object.keys(state.paths)).find((k) => state.paths[k] === path);
}

/** Checks the files as the build would; true when it would build. */
export function check() {
  const { problems, sources } = wasm.checkFiles(state.files);
  // The source menu follows sources.csv; while the files do not load it keeps what it had.
  /** @type {HTMLSelectElement} */
  const menu = $("source");
  if (sources.length && sources.join() !== [...menu.options].map((o) => o.value).join()) {
    options(menu, sources.map((id) => ({ id, name: id })), menu.value);
  }
  $("problems").replaceChildren(...problems.map((p) => {
    const key = keyOfPath(p.file);
    const item = element("li", {}, element("button", { type: "button", className: "link", onclick: () => key && goToLine(key, p.line) }, p.message));
    if (key && p.line) item.append(context(state.files[key], p.line));
    return item;
  }));
  $("check-summary").textContent = problems.length
    ? `${problems.length} problem${problems.length === 1 ? "" : "s"}: the build would stop with ${problems.length === 1 ? "this message" : "these messages"}. Choose one to go to its line.`
    : "No problems: the data would build.";
  return problems.length === 0;
}
