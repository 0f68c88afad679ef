// @ts-check
// Opening files: an analyst's CSV files take the place of the repository's, and a release's text
// (.txt) is read against them. Every way a file can fail is said, and nothing else changes.
import { messageOf } from "../errors.js";
import { showFile } from "./editor.js";
import { readText } from "./reading.js";
import { showDownloads } from "./save.js";
import { $, alertBox, say, setFile, state } from "./state.js";

/** @typedef {import("./state.js").FileKey} FileKey */

/**
 * Data files are tens of KB; a file this big is not one of them, and is not read at all. Each
 * preview holds its dataset until the next (src/web/data_set.rs), so the limit also bounds what
 * one preview can hold.
 */
const MAX_BYTES = 1024 * 1024;
/** Each file's short name (the Wasm's), by the name an analyst's file has. @type {Record<string, FileKey>} */
const BY_NAME = {
  "components.csv": "components", "kinds.csv": "kinds", "metrics.csv": "metrics", "sources.csv": "sources",
  "records.csv": "records", "pipeline.csv": "pipeline", "ignored-numbers.csv": "ignored",
};

/**
 * Reads one opened or dropped file; every way it can fail is thrown, and nothing else changes.
 * @param {File} file
 */
async function openFile(file) {
  const key = BY_NAME[file.name];
  const isText = /\.txt$/i.test(file.name);
  if (!key && !isText) {
    const csv = /\.csv$/i.test(file.name);
    throw new Error(csv
      ? `${file.name} is not one of the data files (${Object.keys(BY_NAME).join(", ")}): rename it to the file it replaces.`
      : `${file.name} is not a CSV file or a release's text (.txt).`);
  }
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  if (file.size > MAX_BYTES) {
    throw new Error(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; data files are tens of KB, so it was not read (at most ${MAX_BYTES / 1024 / 1024} MB).`);
  }
  let text;
  try {
    // fatal: a file in another encoding is refused, not garbled; ignoreBOM keeps a byte-order mark,
    // so the file saves byte for byte as it was opened.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error(`${file.name} is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8" and open it again.`);
  }
  if (isText) {
    state.source = { text, name: file.name };
    /** @type {HTMLTextAreaElement} */ ($("source-text")).value = text;
    readText();
    showDownloads();
    return;
  }
  if (text.includes("\u0000")) throw new Error(`${file.name} is not text: it holds binary data.`);
  setFile(key, text, file.name);
  showFile(key);
}

/**
 * Opens each of `list`, and says what was opened or why a file was not.
 * @param {FileList} list
 */
export async function openFiles(list) {
  const failures = [];
  for (const file of list) {
    try {
      await openFile(file);
    } catch (error) {
      failures.push(messageOf(error));
    }
  }
  alertBox(failures.join(" "));
  if (!failures.length && !/replaced your edited/.test($("studio-status").textContent ?? "")) say(`Opened ${[...list].map((f) => f.name).join(", ")}.`);
}
