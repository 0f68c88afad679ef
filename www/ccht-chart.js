// <ccht-chart component="hsi" metric="arrests"></ccht-chart>: the chart as a custom element from one
// ES module. Every element on a page shares one Wasm instance of each build it needs (builds.js);
// changing an attribute (view, component, metric, fy, scale, lang) redraws at once. Works under a
// strict CSP: no inline script or style.
import { chartFor, speaks, startViewer } from "./builds.js";
import { ChartWidget, element, showAlert, trapped } from "./chart-widget.js";

const ATTRIBUTES = ["view", "component", "metric", "fy", "scale", "lang"];

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

  async connectedCallback() {
    if (this.parts) return;
    const figure = element("figure", undefined, "ccht-figure");
    figure.setAttribute("aria-busy", "true");
    const stage = element("div", undefined, "ccht-stage");
    const canvas = element("canvas");
    canvas.setAttribute("role", "img");
    canvas.tabIndex = 0;
    canvas.setAttribute("aria-label", "The chart is loading.");
    const highlight = element("div", undefined, "ccht-highlight");
    highlight.hidden = true;
    const tooltip = element("div", undefined, "ccht-tooltip");
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    const summary = element("figcaption", undefined, "ccht-hidden");
    summary.id = `ccht-summary-${Math.random().toString(36).slice(2)}`;
    canvas.setAttribute("aria-describedby", summary.id);
    const live = element("div", undefined, "ccht-hidden");
    live.setAttribute("aria-live", "polite");
    const alert = element("p", undefined, "ccht-alert");
    alert.setAttribute("role", "alert");
    alert.hidden = true;
    stage.append(canvas, highlight, tooltip);
    figure.append(stage, summary);
    this.replaceChildren(alert, figure, live);
    this.parts = { figure, canvas, highlight, tooltip, summary, live };
    this.alert = alert;
    this.showPrerendered();

    // One instance of each build for the whole page, however many charts it has (builds.js). The
    // attributes are read once it has loaded: no callback handles a change made meanwhile.
    const options = () => Object.fromEntries(ATTRIBUTES.filter((n) => this.hasAttribute(n)).map((n) => [n, this.getAttribute(n)]));
    try {
      ({ build: this.build, viewer: this.viewer } = await startViewer(canvas, () => this.getAttribute("lang"), options));
    } catch (error) {
      return this.fail(error.message);
    }
    this.widget = new ChartWidget(this.parts, this.viewer, {
      strings: this.build.catalog(this.viewer.view.lang).strings,
      onError: (message) => this.fail(message),
      onDraw: () => { this.alert.hidden = true; },
    });
    this.widget.redraw();
  }

  async attributeChangedCallback(name, old, value) {
    if (!this.widget || old === value || value === null) return;
    if (name === "lang" && !speaks(this.build, value)) {
      // A language the lean build lacks: this chart moves onto the complete build.
      let chart;
      try {
        chart = await chartFor(value, this, this.parts.canvas, () => !this.widget.stopped && this.getAttribute(name) === value);
      } catch (error) {
        if (this.getAttribute(name) !== value) return;
        // The chart stays as it was, and says why; the attribute goes back to what it shows (its
        // callback redraws, which hides the alert, so the message comes after).
        if (old === null) this.removeAttribute(name);
        else this.setAttribute(name, old);
        return this.notify(`The chart could not change language (${error.message}).`);
      }
      // Stopped meanwhile, or the attribute changed again (its own callback handles that value).
      if (!chart) return;
      ({ build: this.build, viewer: this.viewer } = chart);
      this.widget.viewer = this.viewer;
    }
    try {
      this.viewer.setView({ [name]: value });
    } catch (error) {
      return trapped(error) || this.fail(error.message);
    }
    if (name === "lang") this.widget.strings = this.build.catalog(value).strings;
    this.widget.redraw();
  }

  /**
   * Until the live chart is drawn, the prerendered chart of the view the attributes name, if the
   * build wrote one (dist/prerender/, examples/prerender.rs): the widest drawing that fits, with the
   * canvas's accessible name and the summary. ChartWidget.takeOver swaps in the live canvas.
   */
  async showPrerendered() {
    const values = ATTRIBUTES.filter((n) => this.hasAttribute(n)).map((n) => [n, this.getAttribute(n)]);
    if (!values.every(([, v]) => /^[a-z0-9-]+$/.test(v))) return;
    const key = values.map(([n, v]) => `${n}-${v}`).join("_") || "default";
    const base = new URL("prerender/", import.meta.url);
    const view = await fetch(new URL(`v/${key}.json`, base)).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    const { figure, canvas, summary } = this.parts;
    // After a failed Wasm the image still comes: it is the chart, if a still one.
    if (!view || figure.classList.contains("live")) return;
    const room = this.clientWidth;
    const [file, width, height] = view.images.filter(([, w]) => w <= room).pop() ?? view.images[0];
    const img = element("img", undefined, "ccht-first");
    Object.assign(img, { src: new URL(file, base).href, width, height, alt: view.alt });
    await new Promise((resolve) => { img.onload = img.onerror = resolve; });
    if (!img.naturalWidth || figure.classList.contains("live")) return;
    canvas.before(img);
    summary.textContent = view.summary;
    figure.classList.add("first");
    if (figure.classList.contains("failed")) this.alert.textContent += " What you see is a still image of the chart.";
  }

  /** A message above a chart that still works. */
  notify(message) {
    showAlert(this.alert, message);
  }

  fail(message) {
    const still = this.parts.figure.classList.contains("first") ? " What you see is a still image of the chart." : "";
    showAlert(this.alert, `${message}${still}`);
    this.parts.figure.classList.add("failed");
    this.parts.figure.setAttribute("aria-busy", "false");
  }
}

customElements.define("ccht-chart", CchtChart);
