// @ts-check
// The editor: one file's text at a time, and a problem's line selected in it.
import { $, state } from "./state.js";

/** @typedef {import("./state.js").FileKey} FileKey */

/**
 * Shows the file `key` in the editor; its typing then goes to that file.
 * @param {FileKey} key
 */
export function showFile(key) {
  state.editing = key;
  /** @type {HTMLSelectElement} */ ($("file-choice")).value = key;
  // A textarea gives back its text with LF line ends: it is read only when the analyst types.
  /** @type {HTMLTextAreaElement} */ ($("editor")).value = state.files[key];
  const edited = state.files[key] !== state.opened[key];
  $("file-origin").textContent = `${state.paths[key]}, from ${state.origin[key]}${edited ? ", edited" : ""}.`;
}

/**
 * Opens the file `key` in the editor with `line` selected.
 * @param {FileKey} key
 * @param {number} line
 */
export function goToLine(key, line) {
  showFile(key);
  /** @type {HTMLTextAreaElement} */
  const editor = $("editor");
  const lines = editor.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(start, start + (lines[line - 1] ?? "").length);
  // Scroll the line into the middle of the editor.
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * The analyst typed: the text goes to the file the editor holds, its line ends as the file had them.
 * @param {string} text
 */
export function typed(text) {
  const key = state.editing;
  const crlf = state.files[key].includes("\r\n");
  state.files[key] = crlf ? text.replace(/\r?\n/g, "\r\n") : text;
  return key;
}
