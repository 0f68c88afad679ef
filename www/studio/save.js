// @ts-check
// Saving: each file as a download, byte for byte as edited (or as opened), and the release's text.
import { download, element } from "../dom.js";
import { $, state } from "./state.js";

/** @typedef {import("./state.js").FileKey} FileKey */

/**
 * @param {string} name
 * @param {string} text
 */
const save = (name, text) => download(new Blob([text], { type: name.endsWith(".csv") ? "text/csv" : "text/plain" }), name);

/** A download button per file, each saying whether it was edited, and one for the release's text. */
export function showDownloads() {
  const items = /** @type {FileKey[]} */ (Object.keys(state.files)).map((key) => {
    const name = state.paths[key].split("/").pop() ?? key;
    const edited = state.files[key] !== state.opened[key];
    return element("li", {}, element("button", { type: "button", className: "button", id: `save-${key}`, onclick: () => save(name, state.files[key]) }, `Download ${name}`),
      ` ${state.paths[key]}, ${edited ? "edited" : `unchanged from ${state.origin[key]}`}`);
  });
  if (state.source.text.trim()) {
    const name = state.source.name || `${/** @type {HTMLSelectElement} */ ($("source")).value}.txt`;
    items.push(element("li", {}, element("button", { type: "button", className: "button", id: "save-source", onclick: () => save(name, state.source.text) }, `Download ${name}`), ` the source's text, for data/source/`));
  }
  $("downloads").replaceChildren(...items);
}
