// @ts-check
// The Cite panel: what to cite (the whole chart or one of its figures), in which form (the figure
// quoted, APA 7, Chicago author-date, BibTeX, CSL-JSON), the text to copy and a Copy button. Loaded
// by app.js on a reader's first citation, with the complete build that writes the citations
// (Viewer.citeChart, citeFigure, citeWords): none of it is in the first view.
import { element } from "./dom.js";

/** @typedef {import("../pkg/ccht_chart.js").Citation} Citation */
/** @typedef {import("../pkg/ccht_chart.js").Viewer} Viewer */
/** @typedef {import("../pkg/ccht_chart.js").Figure} Figure */

const FORMATS = /** @type {const} */ (["quote", "apa", "chicago", "bibtex", "csl"]);

/** Today in the reader's own calendar, YYYY-MM-DD: the access date a citation gives. */
function today() {
  const d = new Date();
  const two = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * A citation's text in one form.
 * @param {Citation} c
 * @param {typeof FORMATS[number]} format
 */
function textOf(c, format) {
  if (format === "csl") return JSON.stringify(c.csl, null, 2);
  return c[format];
}

/**
 * Fills `panel` with the citations of the current view and of each figure in it, `figure` chosen
 * (the whole chart when undefined), and moves the keyboard into it.
 * @param {HTMLElement} panel
 * @param {Viewer} exporter the complete build's Viewer on the current view
 * @param {Figure[]} figures the view's figures, in reading order
 * @param {Figure | undefined} figure
 * @param {string} page the page's address without its query
 */
export function showCite(panel, exporter, figures, figure, page) {
  const accessed = today();
  /** @type {Record<string, string>} */
  const words = exporter.citeWords();
  const chart = exporter.citeChart(page, accessed);
  const cited = figures.map((f) => exporter.citeFigure(f.component_id, f.metric_id, f.fy, page, accessed));
  const chosen = figure ? figures.findIndex((f) => f.component_id === figure.component_id && f.metric_id === figure.metric_id && f.fy === figure.fy) : -1;

  const heading = element("h3", { id: "cite-heading", tabIndex: -1 }, chosen < 0 ? words.title_chart : words.title_figure);
  const what = element("select", { id: "cite-what" });
  what.append(element("option", { value: "-1" }, `${words.whole}: ${chart.label}`));
  cited.forEach((c, i) => what.append(element("option", { value: String(i) }, c.label)));
  what.value = String(chosen);

  const formats = element("fieldset", { className: "cite-formats" }, element("legend", {}, words.format));
  for (const format of FORMATS) {
    const input = element("input", { type: "radio", name: "cite-format", value: format, id: `cite-${format}`, checked: format === "quote" });
    formats.append(element("label", { htmlFor: input.id }, input, ` ${words[format]}`));
  }
  const text = element("textarea", { id: "cite-text", readOnly: true, rows: 6 });
  const inText = element("p", { className: "cite-in-text" });
  const status = element("p", { className: "cite-status", role: "status" });
  const copy = element("button", { type: "button", className: "button" }, words.copy);
  const version = element("p", { className: "cite-version" });

  const show = () => {
    const c = Number(what.value) < 0 ? chart : cited[Number(what.value)];
    const format = /** @type {typeof FORMATS[number]} */ (formats.querySelector("input:checked")?.getAttribute("value") ?? "quote");
    heading.textContent = Number(what.value) < 0 ? words.title_chart : words.title_figure;
    text.value = c.csl.length ? textOf(c, format) : words.nothing;
    text.className = format === "bibtex" || format === "csl" ? "code" : "";
    // Named by what it holds: "Cite this figure, APA 7".
    text.setAttribute("aria-label", `${heading.textContent}, ${words[format]}`);
    const said = format === "chicago" ? c.chicago_in_text : format === "apa" ? c.apa_in_text : "";
    inText.textContent = said ? words.in_text.replace("{0}", said) : "";
    version.textContent = words.version.replace("{0}", String(c.version)).replace("{1}", accessed);
    status.textContent = "";
  };
  what.addEventListener("change", show);
  formats.addEventListener("change", show);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = words.copied;
    } catch {
      text.select();
      status.textContent = words.copy_manually;
    }
  });

  panel.replaceChildren(
    heading,
    element("label", { htmlFor: "cite-what" }, words.what),
    what,
    formats,
    text,
    element("div", { className: "cite-actions" }, copy, status),
    inText,
    version,
  );
  show();
  panel.hidden = false;
  heading.focus();
}
