// @ts-check
// The studio's one state: the files' texts and where each came from, the release's text, the
// preview's dataset and Viewer. Every other module of www/studio/ reads and changes it; a file's
// text changes only through `setFile`, which tells studio.js to check and preview again.

import { byId as $ } from "../dom.js";

/** @typedef {import("../../pkg-studio/ccht_chart.js").StudioFiles} StudioFiles */
/** @typedef {keyof StudioFiles} FileKey a file's short name, the Wasm's: "records", "ignored", … */

/**
 * @typedef {object} State
 * @property {StudioFiles} files the text of each file: the only copy, saved as it is
 * @property {StudioFiles} opened each file's text as opened (or the repository's), to tell an edited file from an unchanged one
 * @property {StudioFiles} paths each file's path in the repository ("data/records.csv")
 * @property {Record<FileKey, string>} origin where each file's text came from: "the repository" or the name of the file opened
 * @property {{ text: string, name: string }} source the release's text, as opened or pasted (its line ends kept), saved as it is
 * @property {FileKey} editing the file the editor holds: its typing goes to this file, whatever the menu says meanwhile
 * @property {import("../../pkg-studio/ccht_chart.js").DataSet | undefined} dataset the preview's data, while the files load
 * @property {import("../../pkg-studio/ccht_chart.js").Viewer | undefined} viewer the preview's chart
 * @property {import("../../pkg-studio/ccht_chart.js").DataSetChoices | undefined} catalog the preview data's menus, for the proposals
 * @property {string[] | undefined} previewed the six data files' texts as the preview last loaded them
 * @property {boolean} focusNext after a confirmation, the keyboard goes on with the next number
 */

/** Empty until studio.js's start() fills it from the Wasm's embedded files. */
const none = /** @type {StudioFiles} */ ({});

/** @type {State} */
export const state = {
  files: none,
  opened: none,
  paths: none,
  origin: /** @type {Record<FileKey, string>} */ ({}),
  source: { text: "", name: "" },
  editing: "records",
  dataset: undefined,
  viewer: undefined,
  catalog: undefined,
  previewed: undefined,
  focusNext: false,
};

/** studio.html's element by id (www/dom.js's `byId`), for the other modules of www/studio/. */
export { $ };

/** @param {string} message the studio's status line */
export function say(message) {
  $("studio-status").textContent = message;
}

/** @param {string} message shown in the alert box; empty hides it */
export function alertBox(message) {
  const box = $("studio-alert");
  box.textContent = message;
  box.hidden = !message;
}

/** Called after any file's text changes; studio.js sets it (check, preview, read again, offer downloads). */
let afterChange = /** @param {FileKey} _key */ (_key) => {};

/** @param {(key: FileKey) => void} listener */
export function whenFileChanges(listener) {
  afterChange = listener;
}

/**
 * Sets the text of the file `key`; `origin` names a file just opened (its text is then the unedited one).
 * @param {FileKey} key
 * @param {string} text
 * @param {string} [origin]
 */
export function setFile(key, text, origin) {
  if (origin && state.files[key] !== state.opened[key]) say(`${origin} replaced your edited ${state.paths[key]}.`);
  state.files[key] = text;
  if (origin) {
    state.origin[key] = origin;
    state.opened[key] = text;
  }
  afterChange(key);
}

/**
 * A menu's options, `value` kept chosen if it is still offered.
 * @param {HTMLSelectElement} select
 * @param {{ id: string, name: string }[]} choices
 * @param {string} [value]
 */
export function options(select, choices, value) {
  select.replaceChildren(...choices.map(({ id, name }) => new Option(name, id)));
  if (value !== undefined && choices.some((c) => c.id === value)) select.value = value;
}
