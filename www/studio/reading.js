// @ts-check
// A release read against the data: every number in its text marked by what accounts for it, and
// for each red number a record to confirm or a reason to ignore it.
import * as wasm from "../../pkg-studio/ccht_chart.js";
import { element } from "../dom.js";
import { messageOf } from "../errors.js";
import { $, options, say, setFile, state } from "./state.js";

/** @typedef {import("../../pkg-studio/ccht_chart.js").MarkedNumber} MarkedNumber */
/** @typedef {Extract<MarkedNumber, { status: "unaccounted" }>} Unaccounted */
/** @typedef {import("../../pkg-studio/ccht_chart.js").Proposal} Proposal */

/** The source menu's choice: the source the text is. */
const source = () => /** @type {HTMLSelectElement} */ ($("source")).value;

/**
 * Empties what a reading showed, so nothing of an earlier text or earlier data stays.
 * @param {string} [message]
 */
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
  /** @type {Map<string | undefined, [string, string][]>} */
  const kept = new Map();
  for (const item of /** @type {HTMLCollectionOf<HTMLElement>} */ ($("proposals").children)) {
    const controls = /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement>} */ (item.querySelectorAll("input:not([readonly]), select"));
    kept.set(item.dataset.key, [...controls].map((e) => [e.name, e.value]));
  }
  return kept;
}

/** Reads the release's text against the files, and shows what accounts for each of its numbers. */
export function readText() {
  const text = state.source.text;
  if (!text.trim()) return clearReading();
  let read;
  try {
    read = wasm.readSource(state.files, source(), text);
  } catch (error) {
    return clearReading(`The text could not be read: ${messageOf(error)}.`);
  }
  /** @type {(Node | string)[]} */
  const parts = [];
  let at = 0;
  for (const n of read.numbers) {
    parts.push(text.slice(at, n.start));
    const why = n.status === "record" ? `records.csv line ${n.line}` : n.status === "ignored" ? `ignored: ${n.reason}` : "nothing accounts for it";
    parts.push(element("mark", { className: `n ${n.status}`, title: why }, text.slice(n.start, n.end)),
      element("span", { className: "visually-hidden" }, ` (${n.status === "unaccounted" ? "not accounted for" : why})`));
    at = n.end;
  }
  parts.push(text.slice(at));
  const marked = $("marked");
  marked.replaceChildren(...parts);
  marked.hidden = false;
  /** @param {MarkedNumber["status"]} s */
  const count = (s) => read.numbers.filter((n) => n.status === s).length;
  const red = /** @type {Unaccounted[]} */ (read.numbers.filter((n) => n.status === "unaccounted"));
  $("read-summary").textContent = `${read.numbers.length} numbers: ${count("record")} quoted by a record, ${count("ignored")} on the ignore list, ${red.length} not accounted for.`;
  // Why each grey number is no figure, where every reader sees it (a mark's title is hover-only).
  const reasons = new Map(read.numbers.flatMap((n) => (n.status === "ignored" ? [[n.text, n.reason]] : [])));
  $("ignored-list").replaceChildren(...[...reasons].map(([number, reason]) => element("li", {}, element("mark", { className: "n ignored" }, number), ` ${reason}`)));
  $("ignored-h").hidden = reasons.size === 0;
  // The unaccounted numbers are marked in the text itself; the list holds the other problems.
  $("read-problems").replaceChildren(...read.problems.filter((p) => p.kind !== "unaccounted").map((p) => element("li", {}, p.message)));
  $("proposals-h").hidden = red.length === 0;
  // A new reading rebuilds the proposals: what was typed into the others is put back.
  const kept = proposalInputs();
  /** @type {Map<string, number>} */
  const seen = new Map();
  const items = red.map((n, i) => {
    const base = `${n.text}|${n.proposal?.source_sentence ?? n.start}`;
    seen.set(base, (seen.get(base) ?? 0) + 1);
    const item = proposalForm(n, i);
    item.dataset.key = `${base}|${seen.get(base)}`;
    for (const [name, value] of kept.get(item.dataset.key) ?? []) {
      const control = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (item.querySelector(`[name="${name}"]`));
      if (control) control.value = value;
    }
    return item;
  });
  $("proposals").replaceChildren(...items);
  // After a confirmation, the keyboard goes on with the next number (or the reading's summary).
  if (state.focusNext) {
    state.focusNext = false;
    (/** @type {HTMLElement | null} */ ($("proposals").querySelector("input:not([readonly]), select")) ?? $("read-summary")).focus();
  }
}

/**
 * A record proposed for a red number: the analyst picks component and measure and confirms.
 * @param {Unaccounted} n
 * @param {number} i
 */
function proposalForm(n, i) {
  const p = n.proposal;
  /** @param {string} name */
  const id = (name) => `proposal-${i}-${name}`;
  const item = element("li", { className: "proposal" });
  item.append(element("p", {}, element("strong", {}, `“${n.text}”`), p ? ` in “${p.source_sentence}”` : ""));
  const catalog = state.catalog;
  if (p && catalog) {
    /**
     * @param {string} name
     * @param {string} label
     * @param {HTMLInputElement | HTMLSelectElement} control
     */
    const field = (name, label, control) => element("div", { className: "field" }, element("label", { htmlFor: id(name) }, label), Object.assign(control, { id: id(name), name }));
    // The year comes from the number's own sentence or its list's heading, never from elsewhere;
    // a heading can outlive its figures (CBP's page kept "FY 2024 Statistics" over FY 2025's).
    const fyLabel = p.fiscal_year_from ? `Fiscal year (from “${p.fiscal_year_from}”: check the period it covers)` : "Fiscal year";
    const fy = element("input", { type: "number", min: "2000", max: "2100", value: p.fiscal_year === null ? "" : String(p.fiscal_year) });
    // No component or measure is preselected: a row is added only as the analyst chose it.
    /** @param {{ id: string, name: string }[]} list */
    const choose = (list) => [{ id: "", name: "Choose…" }, ...list];
    const component = element("select");
    options(component, choose(catalog.components));
    const metric = element("select");
    options(metric, choose(catalog.metrics.map((m) => ({ id: m.id, name: `${m.name} (${m.kind_name})` }))));
    const asWritten = element("input", { type: "text", value: p.as_written, readOnly: true });
    const note = element("input", { type: "text", value: "" });
    const noteEs = element("input", { type: "text", value: "", lang: "es" });
    const said = element("p", { className: "status", role: "status" });
    item.append(element("div", { className: "row" },
      field("fiscal_year", fyLabel, fy), field("component", "Component", component), field("metric", "Measure", metric)),
    element("div", { className: "row" },
      field("as_written", "As written", asWritten), field("note", "Note for readers (optional)", note), field("note_es", "The note in Spanish", noteEs)),
    element("p", { className: "status" }, `Value ${p.value.toLocaleString("en-US")}, qualifier ${p.qualifier}.`),
    element("button", { type: "button", className: "button", onclick: () => addRecord(p, { fy, component, metric, note, noteEs, said }) }, "Add this record"), said);
  } else if (!p) {
    item.append(element("p", { className: "status" }, n.caution ? `${n.caution}.` : "No figure can be read from it: put it on the ignore list."));
  }
  const reason = element("input", { type: "text", id: id("reason"), name: "reason" });
  const ignoreSaid = element("p", { className: "status", role: "status" });
  item.append(element("div", { className: "row" },
    element("div", { className: "field wide" }, element("label", { htmlFor: id("reason") }, "Or ignore it, because (more than 20 characters)"), reason)),
  element("button", { type: "button", className: "button secondary", onclick: () => ignoreNumber(n, reason, ignoreSaid) }, "Add to the ignore list"), ignoreSaid);
  return item;
}

/**
 * Adds the confirmed record to records.csv, as the analyst chose its component and measure.
 * @param {Proposal} p
 * @param {{ fy: HTMLInputElement, component: HTMLSelectElement, metric: HTMLSelectElement, note: HTMLInputElement, noteEs: HTMLInputElement, said: HTMLElement }} form
 */
function addRecord(p, { fy, component, metric, note, noteEs, said }) {
  if (!component.value || !metric.value) {
    said.textContent = "Choose its component and measure first.";
    return;
  }
  const fields = {
    fiscal_year: fy.value, component: component.value, metric: metric.value,
    value: String(p.value), qualifier: p.qualifier, as_written: p.as_written, source: source(),
    source_sentence: p.source_sentence, note: note.value, note_es: noteEs.value,
  };
  try {
    const text = wasm.addRow("records", state.files.records, fields);
    state.focusNext = true;
    setFile("records", text);
    say(`Added ${p.as_written} to records.csv.`);
  } catch (error) {
    said.textContent = `The record could not be added: ${messageOf(error)}`;
  }
}

/**
 * Puts the number `n` on the ignore list, with the analyst's reason.
 * @param {MarkedNumber} n
 * @param {HTMLInputElement} reason
 * @param {HTMLElement} said
 */
function ignoreNumber(n, reason, said) {
  try {
    const text = wasm.addRow("ignored", state.files.ignored, { source: source(), as_written: n.text, reason: reason.value.trim() });
    state.focusNext = true;
    setFile("ignored", text);
    say(`Added ${n.text} to the ignore list.`);
  } catch (error) {
    said.textContent = `The number could not be ignored: ${messageOf(error)}`;
  }
}
