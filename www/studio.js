// The figures studio (studio.html): the data files in the browser, checked by the build's own
// checker, a release read against them, its new figures added as rows, every view previewed, and
// the files saved as downloads. Every rule is in the Wasm (src/web/studio.rs, over ccht-data); this
// file holds the files' texts and the DOM. Nothing is sent anywhere: files are read with the File
// API and saved from Blob URLs.
import init, * as wasm from "../pkg-studio/ccht_chart.js";

const $ = (id) => document.getElementById(id);
/**
 * Data files are tens of KB; a file this big is not one of them, and is not read at all. Each
 * preview holds its dataset for the page's life (src/web/data_set.rs), so the limit also bounds
 * what a long session can hold.
 */
const MAX_BYTES = 1024 * 1024;
/** Each file's short name (the Wasm's), by the name an analyst's file has. */
const BY_NAME = {
  "components.csv": "components", "kinds.csv": "kinds", "metrics.csv": "metrics", "sources.csv": "sources",
  "records.csv": "records", "pipeline.csv": "pipeline", "ignored-numbers.csv": "ignored",
};

const state = {
  /** The text of each file, by short name: the only copy, saved as it is. */
  files: {},
  /** Each file's text as opened (or the repository's), to tell an edited file from an unchanged one. */
  opened: {},
  paths: {},
  /** Where each file's text came from: "the repository" or the name of the file opened. */
  origin: {},
  /** The release's text, as opened or pasted (its line ends kept), saved as it is. */
  source: { text: "", name: "" },
  dataset: undefined,
  viewer: undefined,
};

function say(message) {
  $("studio-status").textContent = message;
}

function alertBox(message) {
  const box = $("studio-alert");
  box.textContent = message;
  box.hidden = !message;
}

function element(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

// ---- Files -----------------------------------------------------------------------------------

function showFile(key) {
  // What the editor holds: its typing goes to this file, whatever the menu says meanwhile.
  state.editing = key;
  $("file-choice").value = key;
  const editor = $("editor");
  // A textarea gives back its text with LF line ends: it is read only when the analyst types.
  editor.value = state.files[key];
  const edited = state.files[key] !== state.opened[key];
  $("file-origin").textContent = `${state.paths[key]}, from ${state.origin[key]}${edited ? ", edited" : ""}.`;
}

function setFile(key, text, origin) {
  if (origin && state.files[key] !== state.opened[key]) say(`${origin} replaced your edited ${state.paths[key]}.`);
  state.files[key] = text;
  if (origin) Object.assign(state, { origin: { ...state.origin, [key]: origin }, opened: { ...state.opened, [key]: text } });
  if (state.editing === key) showFile(key);
  refresh();
}

/** Reads one opened or dropped file; every way it can fail is said, and nothing else changes. */
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
    $("source-text").value = text;
    readText();
    showDownloads();
    return;
  }
  if (text.includes("\u0000")) throw new Error(`${file.name} is not text: it holds binary data.`);
  setFile(key, text, file.name);
  showFile(key);
}

async function openFiles(list) {
  const failures = [];
  for (const file of list) {
    try {
      await openFile(file);
    } catch (error) {
      failures.push(error.message);
    }
  }
  alertBox(failures.join(" "));
  if (!failures.length && !/replaced your edited/.test($("studio-status").textContent)) say(`Opened ${[...list].map((f) => f.name).join(", ")}.`);
}

// ---- Check -----------------------------------------------------------------------------------

/** The lines around `line` of `text`, the line itself marked, for a problem's context. */
function context(text, line) {
  const lines = text.split(/\r?\n/);
  const out = element("pre", { class: "context" });
  for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) {
    const row = element("span", { class: n === line ? "at" : "" }, `${String(n).padStart(4)}  ${lines[n - 1]}\n`);
    out.append(row);
  }
  return out;
}

/** Opens the file `key` in the editor with `line` selected. */
function goToLine(key, line) {
  showFile(key);
  const editor = $("editor");
  const lines = editor.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(start, start + (lines[line - 1] ?? "").length);
  // Scroll the line into the middle of the editor.
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

function keyOfPath(path) {
  return Object.keys(state.paths).find((k) => state.paths[k] === path);
}

function check() {
  const { problems, sources } = wasm.checkFiles(state.files);
  // The source menu follows sources.csv; while the files do not load it keeps what it had.
  const menu = $("source");
  if (sources.length && sources.join() !== [...menu.options].map((o) => o.value).join()) {
    options(menu, sources.map((id) => ({ id, name: id })), menu.value);
  }
  const list = $("problems");
  list.replaceChildren(...problems.map((p) => {
    const key = keyOfPath(p.file);
    const item = element("li", {}, element("button", { type: "button", class: "link", onclick: () => key && goToLine(key, p.line) }, p.message));
    if (key && p.line) item.append(context(state.files[key], p.line));
    return item;
  }));
  $("check-summary").textContent = problems.length
    ? `${problems.length} problem${problems.length === 1 ? "" : "s"}: the build would stop with ${problems.length === 1 ? "this message" : "these messages"}. Choose one to go to its line.`
    : "No problems: the data would build.";
  return problems.length === 0;
}

// ---- Read against the source -------------------------------------------------------------------


/** Empties what a reading showed, so nothing of an earlier text or earlier data stays. */
function clearReading(message = "") {
  $("marked").hidden = true;
  $("marked").replaceChildren();
  $("ignored-h").hidden = true;
  $("ignored-list").replaceChildren();
  $("proposals").replaceChildren();
  $("proposals-h").hidden = true;
  $("read-problems").replaceChildren();
  $("read-summary").textContent = message;
}

/** What the analyst has typed or chosen in each proposal, by the number it is for. */
function proposalInputs() {
  const kept = new Map();
  for (const item of $("proposals").children) {
    kept.set(item.dataset.key, [...item.querySelectorAll("input:not([readonly]), select")].map((e) => [e.name, e.value]));
  }
  return kept;
}

function readText() {
  const text = state.source.text;
  if (!text.trim()) return clearReading();
  let read;
  try {
    read = wasm.readSource(state.files, $("source").value, text);
  } catch (error) {
    return clearReading(`The text could not be read: ${error.message}.`);
  }
  const parts = [];
  let at = 0;
  for (const n of read.numbers) {
    parts.push(text.slice(at, n.start));
    const why = n.status === "record" ? `records.csv line ${n.line}` : n.status === "ignored" ? `ignored: ${n.reason}` : "nothing accounts for it";
    parts.push(element("mark", { class: `n ${n.status}`, title: why }, text.slice(n.start, n.end)),
      element("span", { class: "visually-hidden" }, ` (${n.status === "unaccounted" ? "not accounted for" : why})`));
    at = n.end;
  }
  parts.push(text.slice(at));
  const marked = $("marked");
  marked.replaceChildren(...parts);
  marked.hidden = false;
  const count = (s) => read.numbers.filter((n) => n.status === s).length;
  const red = read.numbers.filter((n) => n.status === "unaccounted");
  $("read-summary").textContent = `${read.numbers.length} numbers: ${count("record")} quoted by a record, ${count("ignored")} on the ignore list, ${red.length} not accounted for.`;
  // Why each grey number is no figure, where every reader sees it (a mark's title is hover-only).
  const reasons = new Map(read.numbers.filter((n) => n.status === "ignored").map((n) => [n.text, n.reason]));
  $("ignored-list").replaceChildren(...[...reasons].map(([number, reason]) => element("li", {}, element("mark", { class: "n ignored" }, number), ` ${reason}`)));
  $("ignored-h").hidden = reasons.size === 0;
  // The unaccounted numbers are marked in the text itself; the list holds the other problems.
  $("read-problems").replaceChildren(...read.problems.filter((p) => p.kind !== "unaccounted").map((p) => element("li", {}, p.message)));
  $("proposals-h").hidden = red.length === 0;
  // A new reading rebuilds the proposals: what was typed into the others is put back.
  const kept = proposalInputs();
  const seen = new Map();
  const items = red.map((n, i) => {
    const base = `${n.text}|${n.proposal?.source_sentence ?? n.start}`;
    seen.set(base, (seen.get(base) ?? 0) + 1);
    const item = proposalForm(n, i);
    item.dataset.key = `${base}|${seen.get(base)}`;
    for (const [name, value] of kept.get(item.dataset.key) ?? []) {
      const control = item.querySelector(`[name="${name}"]`);
      if (control) control.value = value;
    }
    return item;
  });
  $("proposals").replaceChildren(...items);
  // After a confirmation, the keyboard goes on with the next number (or the reading's summary).
  if (state.focusNext) {
    state.focusNext = false;
    ($("proposals").querySelector("input:not([readonly]), select") ?? $("read-summary")).focus();
  }
}

function options(select, choices, value) {
  select.replaceChildren(...choices.map(({ id, name }) => element("option", { value: id }, name)));
  if (value !== undefined && choices.some((c) => c.id === value)) select.value = value;
}

/** A record proposed for a red number: the analyst picks component and measure and confirms. */
function proposalForm(n, i) {
  const p = n.proposal;
  const id = (name) => `proposal-${i}-${name}`;
  const item = element("li", { class: "proposal" });
  item.append(element("p", {}, element("strong", {}, `“${n.text}”`), p ? ` in “${p.source_sentence}”` : ""));
  const catalog = state.catalog;
  if (p && catalog) {
    const field = (name, label, control) => element("div", { class: "field" }, element("label", { htmlFor: id(name) }, label), Object.assign(control, { id: id(name), name }));
    // The year comes from the number's own sentence or its list's heading, never from elsewhere;
    // a heading can outlive its figures (CBP's page kept "FY 2024 Statistics" over FY 2025's).
    const fyLabel = p.fiscal_year_from ? `Fiscal year (from “${p.fiscal_year_from}”: check the period it covers)` : "Fiscal year";
    const fy = field("fiscal_year", fyLabel, element("input", { type: "number", min: "2000", max: "2100", value: p.fiscal_year ?? "" }));
    // No component or measure is preselected: a row is added only as the analyst chose it.
    const choose = (list) => [{ id: "", name: "Choose…" }, ...list];
    const component = element("select");
    options(component, choose(catalog.components));
    const metric = element("select");
    options(metric, choose(catalog.metrics.map((m) => ({ id: m.id, name: `${m.name} (${m.kind_name})` }))));
    const asWritten = element("input", { type: "text", value: p.as_written, readOnly: true });
    const note = element("input", { type: "text", value: "" });
    const noteEs = element("input", { type: "text", value: "", lang: "es" });
    const said = element("p", { class: "status", role: "status" });
    item.append(element("div", { class: "row" },
      fy, field("component", "Component", component), field("metric", "Measure", metric)),
    element("div", { class: "row" },
      field("as_written", "As written", asWritten), field("note", "Note for readers (optional)", note), field("note_es", "The note in Spanish", noteEs)),
    element("p", { class: "status" }, `Value ${p.value.toLocaleString("en-US")}, qualifier ${p.qualifier}.`),
    element("button", { type: "button", class: "button", onclick: () => addRecord(n, { fy, component, metric, note, noteEs, said }) }, "Add this record"), said);
  } else if (!p) {
    item.append(element("p", { class: "status" }, n.caution ? `${n.caution}.` : "No figure can be read from it: put it on the ignore list."));
  }
  const reason = element("input", { type: "text", id: id("reason"), name: "reason" });
  const ignoreSaid = element("p", { class: "status", role: "status" });
  item.append(element("div", { class: "row" },
    element("div", { class: "field wide" }, element("label", { htmlFor: id("reason") }, "Or ignore it, because (more than 20 characters)"), reason)),
  element("button", { type: "button", class: "button secondary", onclick: () => ignoreNumber(n, reason, ignoreSaid) }, "Add to the ignore list"), ignoreSaid);
  return item;
}

function addRecord(n, { fy, component, metric, note, noteEs, said }) {
  const p = n.proposal;
  if (!component.value || !metric.value) {
    said.textContent = "Choose its component and measure first.";
    return;
  }
  const fields = {
    fiscal_year: fy.querySelector("input").value, component: component.value, metric: metric.value,
    value: String(p.value), qualifier: p.qualifier, as_written: p.as_written, source: $("source").value,
    source_sentence: p.source_sentence, note: note.value, note_es: noteEs.value,
  };
  try {
    const text = wasm.addRow("records", state.files.records, fields);
    state.focusNext = true;
    setFile("records", text);
    say(`Added ${p.as_written} to records.csv.`);
  } catch (error) {
    said.textContent = `The record could not be added: ${error.message}`;
  }
}

function ignoreNumber(n, reason, said) {
  try {
    const text = wasm.addRow("ignored", state.files.ignored, { source: $("source").value, as_written: n.text, reason: reason.value.trim() });
    state.focusNext = true;
    setFile("ignored", text);
    say(`Added ${n.text} to the ignore list.`);
  } catch (error) {
    said.textContent = `The number could not be ignored: ${error.message}`;
  }
}

// ---- Preview and changes --------------------------------------------------------------------

function previewQuery() {
  const q = new URLSearchParams();
  for (const name of ["view", "component", "metric", "fy"]) q.set(name, $(`p-${name}`).value);
  return q.toString();
}

/** The six data files' texts, as the preview last loaded them: unchanged, no new dataset. */
const DATA_KEYS = ["components", "kinds", "metrics", "sources", "records", "pipeline"];
const dataOf = (files) => DATA_KEYS.map((k) => files[k]);

function preview(ok) {
  const figure = $("preview").parentElement;
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
  const data = dataOf(state.files);
  if (state.previewed && data.every((text, i) => text === state.previewed[i])) return;
  try {
    const dataset = new wasm.DataSet(state.files);
    const catalog = dataset.choices();
    state.catalog = catalog;
    const keep = state.viewer ? previewQuery() : "";
    state.viewer?.free();
    state.dataset?.free();
    state.dataset = dataset;
    state.viewer = dataset.viewer($("preview"), {});
    options($("p-view"), catalog.views, $("p-view").value);
    options($("p-component"), catalog.components, $("p-component").value);
    options($("p-metric"), catalog.metrics, $("p-metric").value);
    options($("p-fy"), catalog.years.map((y) => ({ id: String(y), name: `FY ${y}` })), $("p-fy").value || String(Math.max(...catalog.years)));
    if (keep) state.viewer.setQuery(keep);
    state.previewed = data;
    drawPreview();
    showChanges();
  } catch (error) {
    $("preview-status").textContent = `The preview could not be drawn: ${error.message}`;
  }
}

function drawPreview() {
  const viewer = state.viewer;
  // Hidden while the data has problems: there is no width to draw at, and nothing to show.
  if (!viewer || $("preview").parentElement.hidden) return;
  try {
    viewer.setQuery(previewQuery());
    const view = viewer.view;
    for (const name of ["view", "component", "metric"]) $(`p-${name}`).value = view[name];
    $("p-fy").value = String(view.fy);
    viewer.draw();
    $("preview-summary").textContent = viewer.summary();
    $("preview-status").textContent = "The chart readers will see with these files.";
  } catch (error) {
    $("preview-status").textContent = `The preview could not be drawn: ${error.message}`;
  }
}

function showChanges() {
  const changes = wasm.changedFigures(state.files);
  const table = $("changes");
  table.tBodies[0].replaceChildren(...changes.map((c) => element("tr", {},
    ...[c.change, `FY ${c.fiscal_year}`, c.component, c.metric, c.before ?? "", c.after ?? ""].map((t) => element("td", {}, t)))));
  table.hidden = changes.length === 0;
  $("changes-summary").textContent = changes.length
    ? `${changes.length} ${changes.length === 1 ? "figure differs" : "figures differ"} from the repository's data.`
    : "No figure differs from the repository's data.";
}

// ---- Save ------------------------------------------------------------------------------------

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: name.endsWith(".csv") ? "text/csv" : "text/plain" }));
  const a = element("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function showDownloads() {
  const items = Object.keys(state.files).map((key) => {
    const name = state.paths[key].split("/").pop();
    const edited = state.files[key] !== state.opened[key];
    return element("li", {}, element("button", { type: "button", class: "button", id: `save-${key}`, onclick: () => download(name, state.files[key]) }, `Download ${name}`),
      ` ${state.paths[key]}, ${edited ? "edited" : `unchanged from ${state.origin[key]}`}`);
  });
  if (state.source.text.trim()) {
    const name = state.source.name || `${$("source").value}.txt`;
    items.push(element("li", {}, element("button", { type: "button", class: "button", id: "save-source", onclick: () => download(name, state.source.text) }, `Download ${name}`), ` the source's text, for data/source/`));
  }
  $("downloads").replaceChildren(...items);
}

// ---- Wiring ----------------------------------------------------------------------------------

/** After any change: check, preview, read the text again, offer the downloads. */
function refresh() {
  try {
    const ok = check();
    preview(ok);
    readText();
  } catch (error) {
    // A trap in the Wasm (out of memory, say) stops the checker for good; the texts are safe.
    alertBox(`The studio's checker stopped (${error.message}). Your files are still here: save them below, then reload the page.`);
  }
  showDownloads();
}

async function start() {
  try {
    await init();
  } catch (error) {
    say("");
    alertBox(`The studio's checker could not be loaded (${error.message}). Reload the page; if it fails again, run make serve and open studio.html from it.`);
    return;
  }
  const { files, paths } = wasm.embeddedFiles();
  Object.assign(state, { files: { ...files }, opened: { ...files }, paths });
  for (const key of Object.keys(files)) state.origin[key] = "the repository";
  options($("file-choice"), Object.keys(files).map((key) => ({ id: key, name: paths[key] })));
  showFile("records");
  $("file-choice").addEventListener("change", () => showFile($("file-choice").value));
  let typing;
  $("editor").addEventListener("input", () => {
    const key = state.editing;
    const crlf = state.files[key].includes("\r\n");
    const text = $("editor").value;
    state.files[key] = crlf ? text.replace(/\r?\n/g, "\r\n") : text;
    clearTimeout(typing);
    typing = setTimeout(() => { refresh(); showFile(key); }, 300);
  });
  $("open").addEventListener("change", async (e) => { await openFiles(e.target.files); e.target.value = ""; });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", () => drop.classList.remove("over"));
  $("source-text").addEventListener("input", () => {
    // As for the files: the text as opened or pasted is kept, its line ends too, until typed into.
    const crlf = state.source.text.includes("\r\n");
    const text = $("source-text").value;
    state.source = { ...state.source, text: crlf ? text.replace(/\r?\n/g, "\r\n") : text };
  });
  $("read").addEventListener("click", () => { readText(); showDownloads(); });
  // A file dropped anywhere on the page is opened, not shown in place of the studio.
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => { e.preventDefault(); openFiles(e.dataTransfer.files); });
  // Leaving with edited files asks first: the studio keeps nothing once the page is gone.
  window.addEventListener("beforeunload", (e) => {
    if (Object.keys(state.files).some((k) => state.files[k] !== state.opened[k])) e.preventDefault();
  });
  $("source").addEventListener("change", readText);
  for (const name of ["view", "component", "metric", "fy"]) $(`p-${name}`).addEventListener("change", drawPreview);
  new ResizeObserver(() => state.viewer && drawPreview()).observe($("preview").parentElement);
  refresh();
  say("Ready. The files are the repository's until you open your own.");
}

start();
