// @ts-check
// The figures studio (studio.html): the data files in the browser, checked by the build's own
// checker, a release read against them, its new figures added as rows, every view previewed, and
// the files saved as downloads. Every rule is in the Wasm (src/web/studio.rs, over ccht-data);
// www/studio/ holds the files' texts and the DOM, one concept per module:
//   state.js    the one state, and `setFile`, the only way a file's text changes
//   editor.js   one file's text at a time, a problem's line selected
//   files.js    opening the analyst's files
//   check.js    the build's problems, each leading to its line
//   reading.js  a release's numbers marked, records proposed, numbers ignored
//   preview.js  the chart with these files, and the figures that changed
//   save.js     the files as downloads
// Nothing is sent anywhere: files are read with the File API and saved from Blob URLs.
import init, * as wasm from "../pkg-studio/ccht_chart.js";
import { messageOf } from "./errors.js";
import { check } from "./studio/check.js";
import { showFile, typed } from "./studio/editor.js";
import { openFiles } from "./studio/files.js";
import { listen as listenToPreview, preview } from "./studio/preview.js";
import { readText } from "./studio/reading.js";
import { showDownloads } from "./studio/save.js";
import { $, alertBox, options, say, state, whenFileChanges } from "./studio/state.js";

/** @typedef {import("./studio/state.js").FileKey} FileKey */

/** After any change: check, preview, read the text again, offer the downloads. */
function refresh() {
  try {
    const ok = check();
    preview(ok);
    readText();
  } catch (error) {
    // A trap in the Wasm (out of memory, say) stops the checker for good; the texts are safe.
    alertBox(`The studio's checker stopped (${messageOf(error)}). Your files are still here: save them below, then reload the page.`);
  }
  showDownloads();
}

async function start() {
  try {
    await init();
  } catch (error) {
    say("");
    alertBox(`The studio's checker could not be loaded (${messageOf(error)}). Reload the page; if it fails again, run make serve and open studio.html from it.`);
    return;
  }
  const { files, paths } = wasm.embeddedFiles();
  Object.assign(state, { files: { ...files }, opened: { ...files }, paths });
  for (const key of /** @type {FileKey[]} */ (Object.keys(files))) state.origin[key] = "the repository";
  whenFileChanges((key) => {
    if (state.editing === key) showFile(key);
    refresh();
  });
  /** @type {HTMLSelectElement} */
  const fileChoice = $("file-choice");
  options(fileChoice, /** @type {FileKey[]} */ (Object.keys(files)).map((key) => ({ id: key, name: paths[key] })));
  showFile("records");
  fileChoice.addEventListener("change", () => showFile(/** @type {FileKey} */ (fileChoice.value)));
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;
  /** @type {HTMLTextAreaElement} */
  const editor = $("editor");
  editor.addEventListener("input", () => {
    const key = typed(editor.value);
    clearTimeout(typing);
    typing = setTimeout(() => { refresh(); showFile(key); }, 300);
  });
  /** @type {HTMLInputElement} */
  const open = $("open");
  open.addEventListener("change", async () => {
    if (open.files) await openFiles(open.files);
    open.value = "";
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", () => drop.classList.remove("over"));
  /** @type {HTMLTextAreaElement} */
  const sourceText = $("source-text");
  sourceText.addEventListener("input", () => {
    // As for the files: the text as opened or pasted is kept, its line ends too, until typed into.
    const crlf = state.source.text.includes("\r\n");
    const text = sourceText.value;
    state.source = { ...state.source, text: crlf ? text.replace(/\r?\n/g, "\r\n") : text };
  });
  $("read").addEventListener("click", () => { readText(); showDownloads(); });
  // A file dropped anywhere on the page is opened, not shown in place of the studio.
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer) openFiles(e.dataTransfer.files);
  });
  // Leaving with edited files asks first: the studio keeps nothing once the page is gone.
  window.addEventListener("beforeunload", (e) => {
    if (/** @type {FileKey[]} */ (Object.keys(state.files)).some((k) => state.files[k] !== state.opened[k])) e.preventDefault();
  });
  $("source").addEventListener("change", readText);
  listenToPreview();
  refresh();
  say("Ready. The files are the repository's until you open your own.");
}

start();

