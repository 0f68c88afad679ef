// @ts-check
// The page's data table, filled from a Table (src/render/table.rs): Viewer.table() for the live
// chart (chart-widget.js), a prerendered view's JSON before it (first-view.js). The same elements
// as the HTML index.html carries (`html_table`), so the table keeps its columns and words when the
// live chart takes over. DOM methods and textContent only: nothing is parsed as HTML.
import { element } from "./dom.js";

/** @typedef {import("../pkg/ccht_chart.js").Table} Table */

/**
 * @param {HTMLTableElement} table
 * @param {Table} data
 * @param {Record<string, string>} words the headings', qualifiers' and source kinds' words (src/render/table.rs, TABLE_WORDS)
 */
export function fillTable(table, data, words) {
  // A word missing from `words` shows as "?", as the Rust's `text` shows it (a test holds
  // TABLE_WORDS to every qualifier and kind of source).
  /** @param {string} key */
  const word = (key) => words[key] ?? "?";
  // The columns of TABLE_HEAD.
  const head = element("tr", {}, ...["measure", "component", "fy", "value", "qualifier", "source"].map((key) => element("th", { scope: "col" }, word(`col_${key}`))));
  const rows = data.rows.map((f) => {
    const qualifier = element("td", {}, word(`q_${f.qualifier}`));
    if (f.note) qualifier.append(element("br"), element("small", {}, f.note));
    const source = element("td");
    if (f.source_sentence) source.append(element("q", {}, f.source_sentence), " — ");
    source.append(element("a", { href: f.source_url }, f.source_title), ` (${f.source_publisher}; ${word(`kind_${f.source_kind}`)})`);
    return element("tr", {},
      element("th", { scope: "row" }, f.metric),
      element("td", {}, f.component + (f.reported_as ? ` (${f.reported_as})` : "")),
      element("td", {}, String(f.fy)),
      element("td", { className: "number" }, f.text),
      qualifier,
      source);
  });
  table.replaceChildren(element("caption", {}, data.caption), element("thead", {}, head), element("tbody", {}, ...rows));
}
