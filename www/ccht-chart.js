// @ts-check
// <ccht-chart component="hsi" metric="arrests"></ccht-chart>: the chart as a custom element from one
// ES module. Every element on a page shares one Wasm instance of each build it needs (builds.js);
// changing an attribute (view, component, metric, fy, scale, lang) redraws at once. Works under a
// strict CSP: no inline script or style.
import { chartFor, speaks, startViewer } from "./builds.js";
import { ChartWidget, showAlert, trapped } from "./chart-widget.js";
import { element } from "./dom.js";
import { messageOf } from "./errors.js";
import { OPTIONS as ATTRIBUTES } from "./options.js";

/** @typedef {import("./builds.js").Build} Build */
/** @typedef {import("./builds.js").Chart} Chart */
/** @typedef {import("../pkg/ccht_chart.js").Viewer} Viewer */

// Styles through a constructed stylesheet: allowed by `style-src 'self'`, unlike inline styles.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
ccht-chart { display: block; position: relative; font: inherit; }
ccht-chart .ccht-figure { margin: 0; }
ccht-chart .ccht-stage { position: relative; }
ccht-chart canvas { display: block; width: 100%; height: 20rem; background: Canvas; color: CanvasText; }
ccht-chart .ccht-first { display: block; max-width: 100%; height: auto; }
ccht-chart .first:not(.live) canvas { position: absolute; top: 0; left: 0; visibility: hidden; }
ccht-chart .live .ccht-first { display: none; }
ccht-chart .failed canvas, ccht-chart .failed .ccht-tooltip, ccht-chart .failed .ccht-highlight { display: none; }
ccht-chart canvas:focus-visible { outline: 3px solid #2491ff; outline-offset: -3px; }
ccht-chart .ccht-highlight { position: absolute; pointer-events: none; outline: 3px solid #2491ff; outline-offset: 2px; }
ccht-chart .ccht-tooltip { left: 0; transform: translateX(clamp(4px, var(--at, 4px), calc(var(--room, 100%) - 100% - 4px))); position: absolute; z-index: 2; max-width: min(22rem, calc(100% - 1rem)); box-sizing: border-box;
  padding: 0.5rem 0.75rem; background: Canvas; color: CanvasText; border: 1px solid GrayText; border-radius: 4px;
  box-shadow: 0 2px 8px rgb(0 0 0 / 25%); font-size: 0.9rem; line-height: 1.35; }
ccht-chart .ccht-tooltip p { margin: 0 0 0.25rem; }
ccht-chart .ccht-tooltip .value { font-weight: 700; font-size: 1.1rem; }
ccht-chart .ccht-alert { border-left: 0.5rem solid #b50909; background: #f4e3db; color: #1b1b1b; padding: 0.5rem 1rem; margin: 0; }
ccht-chart .ccht-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; padding: 0; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

class CchtChart extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  constructor() {
    super();
    /** @type {import("./chart-widget.js").Parts | undefined} made when first connected */
    this.parts = undefined;
    /** @type {HTMLElement | undefined} */
    this.alert = undefined;
    /** @type {Build | undefined} */
    this.build = undefined;
    /** @type {Viewer | undefined} */
    this.viewer = undefined;
    /** @type {ChartWidget | undefined} once the Wasm has loaded */
    this.widget = undefined;
  }

  async connectedCallback() {
    if (this.parts) return;
    const figure = element("figure", { className: "ccht-figure" });
    figure.setAttribute("aria-busy", "true");
    const canvas = element("canvas", { tabIndex: 0 });
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "The chart is loading.");
    const highlight = element("div", { className: "ccht-highlight", hidden: true });
    const tooltip = element("div", { className: "ccht-tooltip", hidden: true });
    tooltip.setAttribute("role", "tooltip");
    const summary = element("figcaption", { className: "ccht-hidden", id: `ccht-summary-${Math.random().toString(36).slice(2)}` });
    canvas.setAttribute("aria-describedby", summary.id);
    const live = element("div", { className: "ccht-hidden" });
    live.setAttribute("aria-live", "polite");
    const alert = element("p", { className: "ccht-alert", hidden: true });
    alert.setAttribute("role", "alert");
    figure.append(element("div", { className: "ccht-stage" }, canvas, highlight, tooltip), summary);
    this.replaceChildren(alert, figure, live);
    const parts = (this.parts = { figure, canvas, highlight, tooltip, summary, live });
    this.alert = alert;
    this.showPrerendered(parts, alert);

    // One instance of each build for the whole page, however many charts it has (builds.js). The
    // attributes are read once it has loaded: no callback handles a change made meanwhile.
    const options = () => Object.fromEntries(ATTRIBUTES.filter((n) => this.hasAttribute(n)).map((n) => [n, this.getAttribute(n)]));
    let chart;
    try {
      chart = await startViewer(canvas, () => this.getAttribute("lang"), options);
    } catch (error) {
      return this.fail(messageOf(error));
    }
    const { build, viewer } = chart;
    Object.assign(this, chart);
    const widget = (this.widget = new ChartWidget(parts, viewer, {
      strings: build.catalog(viewer.view.lang).strings,
      onError: (message) => this.fail(message),
      onDraw: () => { alert.hidden = true; },
    }));
    widget.redraw();
  }

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  async attributeChangedCallback(name, old, value) {
    const { widget, parts } = this;
    if (!widget || !parts || !this.build || !this.viewer || old === value || value === null) return;
    if (name === "lang" && !speaks(this.build, value)) {
      // A language the lean build lacks: this chart moves onto the complete build.
      let chart;
      try {
        chart = await chartFor(value, { build: this.build, viewer: this.viewer }, parts.canvas, () => !widget.stopped && this.getAttribute(name) === value);
      } catch (error) {
        if (this.getAttribute(name) !== value) return;
        // The chart stays as it was, and says why; the attribute goes back to what it shows (its
        // callback redraws, which hides the alert, so the message comes after).
        if (old === null) this.removeAttribute(name);
        else this.setAttribute(name, old);
        return this.notify(`The chart could not change language (${messageOf(error)}).`);
      }
      // Stopped meanwhile, or the attribute changed again (its own callback handles that value).
      if (!chart) return;
      Object.assign(this, chart);
      widget.viewer = chart.viewer;
    }
    const { build, viewer } = /** @type {Chart} */ (this);
    try {
      viewer.setView({ [name]: value });
    } catch (error) {
      return trapped(error) || this.fail(messageOf(error));
    }
    if (name === "lang") widget.strings = build.catalog(value).strings;
    widget.redraw();
  }

  /**
   * Until the live chart is drawn, the prerendered chart of the view the attributes name, if the
   * build wrote one (dist/prerender/, examples/prerender.rs): the widest drawing that fits, with the
   * canvas's accessible name and the summary. ChartWidget.takeOver swaps in the live canvas.
   * @param {import("./chart-widget.js").Parts} parts
   * @param {HTMLElement} alert
   */
  async showPrerendered({ figure, canvas, summary }, alert) {
    const values = ATTRIBUTES.map((n) => [n, this.getAttribute(n)]).filter(([, v]) => v !== null);
    if (!values.every(([, v]) => /^[a-z0-9-]+$/.test(String(v)))) return;
    const key = values.map(([n, v]) => `${n}-${v}`).join("_") || "default";
    const base = new URL("prerender/", import.meta.url);
    /** @type {FirstView | null} */
    const view = await fetch(new URL(`v/${key}.json`, base)).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    // After a failed Wasm the image still comes: it is the chart, if a still one.
    if (!view || figure.classList.contains("live")) return;
    const room = this.clientWidth;
    const [file, width, height] = view.images.filter(([, w]) => w <= room).pop() ?? view.images[0];
    const img = element("img", { className: "ccht-first", src: new URL(file, base).href, width, height, alt: view.alt });
    await new Promise((resolve) => { img.onload = img.onerror = resolve; });
    if (!img.naturalWidth || figure.classList.contains("live")) return;
    canvas.before(img);
    summary.textContent = view.summary;
    figure.classList.add("first");
    if (figure.classList.contains("failed")) alert.textContent += " What you see is a still image of the chart.";
  }

  /**
   * A message above a chart that still works.
   * @param {string} message
   */
  notify(message) {
    if (this.alert) showAlert(this.alert, message);
  }

  /**
   * A message in place of the chart (the prerendered image stays, if shown).
   * @param {string} message
   */
  fail(message) {
    const { parts, alert } = this;
    if (!parts || !alert) return;
    const still = parts.figure.classList.contains("first") ? " What you see is a still image of the chart." : "";
    showAlert(alert, `${message}${still}`);
    parts.figure.classList.add("failed");
    parts.figure.setAttribute("aria-busy", "false");
  }
}

customElements.define("ccht-chart", CchtChart);
