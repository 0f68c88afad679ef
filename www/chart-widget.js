// @ts-check
// One interactive chart on a page: draws through a Rust Viewer and adds what a canvas lacks —
// tooltips, keyboard navigation, a live region, the summary and the data table. Shared by the
// full viewer (app.js) and the <ccht-chart> element, so both behave the same.
import { element } from "./dom.js";
import { messageOf } from "./errors.js";
import { fillTable } from "./table.js";

/** @typedef {import("../pkg/ccht_chart.js").Viewer} Viewer */
/** @typedef {import("../pkg/ccht_chart.js").Bar} Bar */
/** @typedef {Record<string, string>} Strings the interface's words in one language, by key (src/text/strings.rs) */

// After a panic the Wasm instance is unusable, for every chart on the page. The release build
// aborts at once on a panic, with no message (it carries no formatting code): the call then throws
// a WebAssembly.RuntimeError, which `trapped` turns into the same stop. Debug builds' panic hook
// raises "ccht-chart:panic" with the message.
let stopped = false;
/** @type {Set<(message: string) => void>} */
const stopListeners = new Set();
/** @param {string} message */
const stopAll = (message) => {
  if (stopped) return;
  stopped = true;
  for (const listener of stopListeners) listener(message);
};
window.addEventListener("ccht-chart:panic", (event) => stopAll(String(/** @type {CustomEvent} */ (event).detail)));

/**
 * Whether `error`, thrown by a Viewer call, is a trap in the Wasm; if so every chart stops and says so.
 * @param {unknown} error
 */
export function trapped(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  stopAll(`The chart stopped because of an internal error (${error.message}). Reload the page to try again.`);
  return true;
}
// Traps in calls nobody catches (pointer moves, keys, clicks): ours only, that is with a frame of
// our scripts or Wasm on the stack (they all sit under this script's folder); a trap in the host
// page's own Wasm is not ours to report.
const ourFolder = new URL(".", import.meta.url).href;
/** @param {unknown} error */
const trappedHere = (error) => error instanceof WebAssembly.RuntimeError && String(error.stack).includes(ourFolder) && trapped(error);
window.addEventListener("error", (event) => trappedHere(event.error));
window.addEventListener("unhandledrejection", (event) => trappedHere(event.reason));

/**
 * Shows a message in an alert box (and the console): a load or start failure, a refused change.
 * @param {HTMLElement} box
 * @param {string} message
 */
export function showAlert(box, message) {
  console.error(message);
  box.textContent = message;
  box.hidden = false;
}

/**
 * What a ChartWidget draws into: with a heading, the page shows the chart's title, subtitle and
 * source line as text, and the canvas leaves them out (Viewer.pageHeading).
 * @typedef {object} Parts
 * @property {HTMLElement} figure
 * @property {HTMLCanvasElement} canvas
 * @property {HTMLElement} highlight
 * @property {HTMLElement} tooltip
 * @property {HTMLElement} summary
 * @property {HTMLElement} live
 * @property {HTMLTableElement} [table]
 * @property {HTMLElement} [heading]
 * @property {HTMLElement} [subtitle]
 * @property {HTMLElement} [source]
 */

/**
 * @typedef {object} Hooks
 * @property {Strings} strings
 * @property {(message: string) => void} onError shows a message where the reader will see it
 * @property {(changed: boolean) => void} [onDraw] called after each successful draw, with whether the figures shown changed
 * @property {(query: string) => string} [linkTo] a card's trend query → the address its link goes to (no link without it)
 * @property {(query: string) => void} [onFollow] opens that query in place, instead of loading the page again
 * @property {(figure: import("../pkg/ccht_chart.js").Figure) => void} [onCite] opens the Cite panel for a figure (a Cite button in its tooltip; none without it)
 */

export class ChartWidget {
  /**
   * @param {Parts} parts
   * @param {Viewer} viewer bound to parts.canvas
   * @param {Hooks} hooks
   */
  constructor(parts, viewer, { strings, onError, onDraw = () => {}, linkTo, onFollow, onCite }) {
    // The parts, as properties of the widget (declared here for the type checker; set by the assign).
    /** @type {HTMLElement} */ this.figure;
    /** @type {HTMLCanvasElement} */ this.canvas;
    /** @type {HTMLElement} */ this.highlight;
    /** @type {HTMLElement} */ this.tooltip;
    /** @type {HTMLElement} */ this.summary;
    /** @type {HTMLElement} */ this.live;
    /** @type {HTMLTableElement | undefined} */ this.table;
    /** @type {HTMLElement | undefined} */ this.heading;
    /** @type {HTMLElement | undefined} */ this.subtitle;
    /** @type {HTMLElement | undefined} */ this.source;
    Object.assign(this, parts);
    this.viewer = viewer;
    viewer.pageHeading = Boolean(this.heading);
    this.strings = strings;
    this.onError = onError;
    this.onDraw = onDraw;
    // A card's trend link: `linkTo(query)` gives its address, `onFollow(query)` opens it in place.
    this.linkTo = linkTo;
    this.onFollow = onFollow;
    this.onCite = onCite;
    /** @type {Bar[] | undefined} */
    this.drawnBars = undefined;
    this.pinned = false;
    /** @type {number | undefined} */
    this.hoverBar = undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.hideTimer = undefined;
    /** The chart's width as the ResizeObserver last saw it (undefined: not known, or hidden). @type {number | undefined} */
    this.width = undefined;
    /** @type {string | null | undefined} */
    this.lastLabel = undefined;
    stopListeners.add((message) => this.fail(message));
    this.listen();
  }

  get stopped() {
    return stopped;
  }

  /**
   * After a draw: the first one replaces the prerendered image (index.html, www/first.js) with the
   * live canvas. A shorter canvas leaves the stage at the image's height until the next draw, so
   * nothing below it moves as the reader looks (no layout shift); a later draw lets it go.
   */
  takeOver() {
    const stage = /** @type {HTMLElement} */ (this.canvas.parentElement);
    if (this.figure.classList.contains("live")) {
      stage.style.minHeight = "";
      return;
    }
    // An image www/first.js is still swapping in has not been shown: the live chart comes instead.
    const pending = document.documentElement.classList.contains("first-pending");
    document.documentElement.classList.remove("first-pending", "first-none");
    const image = /** @type {HTMLImageElement | null} */ (this.figure.querySelector(".first-image, .ccht-first"));
    const shown = image && image.offsetParent && !pending ? image.getBoundingClientRect().height : 0;
    this.figure.classList.add("live");
    if (shown > parseFloat(this.canvas.style.height)) stage.style.minHeight = `${shown}px`;
  }

  /** @param {string} message */
  fail(message) {
    // The canvas is hidden while failed: its width is read afresh when it is shown again.
    this.width = undefined;
    this.figure.classList.add("failed");
    this.figure.setAttribute("aria-busy", "false");
    this.onError(message);
  }

  redraw() {
    if (stopped) return false;
    // Show the canvas before drawing: it takes its width from the layout.
    this.figure.classList.remove("failed");
    let changed;
    try {
      // The width the ResizeObserver last saw: reading clientWidth here would force a layout of
      // the page, which the change that led here has just invalidated.
      this.viewer.draw(this.width);
      // Read from the Viewer when a pointer or key first needs them, not on every redraw.
      this.drawnBars = undefined;
      // The canvas's label states every figure shown: while it is the same (a resize, a new
      // emphasised bar), the summary and the table are too, and are not rebuilt.
      const label = this.canvas.getAttribute("aria-label");
      changed = label !== this.lastLabel;
      this.lastLabel = label;
      if (changed) {
        this.summary.textContent = this.viewer.summary();
        if (this.table || this.heading) {
          const table = this.viewer.table();
          if (this.table) fillTable(this.table, table, this.strings);
          if (this.heading) {
            this.heading.textContent = table.title;
            if (this.subtitle) this.subtitle.textContent = table.subtitle;
            if (this.source) this.source.textContent = table.source;
          }
        }
      }
    } catch (error) {
      if (!trapped(error)) this.fail(this.strings.error_draw.replace("{0}", messageOf(error)));
      return false;
    }
    this.takeOver();
    this.figure.setAttribute("aria-busy", "false");
    // The tooltip was of the chart before: the pointer's next move over any bar shows it anew.
    clearTimeout(this.hideTimer);
    this.tooltip.hidden = true;
    this.pinned = false;
    this.hoverBar = undefined;
    const active = this.viewer.active;
    if (active !== undefined && document.activeElement === this.canvas) this.setActive(active);
    else this.highlight.hidden = true;
    this.onDraw(changed);
    return true;
  }

  /**
   * Puts `box` around `bar`, `pad` pixels out.
   * @param {HTMLElement} box
   * @param {Bar} bar
   * @param {number} pad
   */
  place(box, bar, pad) {
    box.style.left = `${bar.x - pad}px`;
    box.style.top = `${bar.y - pad}px`;
    box.style.width = `${bar.width + 2 * pad}px`;
    box.style.height = `${bar.height + 2 * pad}px`;
  }

  /** The bars of the last draw, with their records: asked of the Viewer once per draw, on first use. */
  get bars() {
    return (this.drawnBars ??= this.viewer.bars());
  }

  /**
   * The tooltip of the bar `index`; `pin` keeps it until the reader closes it (a tap, a click, Enter).
   * @param {number} index
   * @param {boolean} pin
   */
  showTooltip(index, pin) {
    const bar = this.bars[index];
    if (!bar) return;
    this.pinned = pin;
    this.hoverBar = index;
    const strings = this.strings;
    const source = element("p", { className: "source" });
    const f = bar.figure;
    if (f.source_sentence) source.append(element("q", {}, f.source_sentence), " — ");
    source.append(`${f.source_title} (${f.source_publisher}; ${strings[`kind_${f.source_kind}`]})`);
    const who = `${f.component}${f.reported_as ? ` (${f.reported_as})` : ""} · ${strings.fy.replace("{0}", String(f.fy))}`;
    const lines = [element("p", {}, who), element("p", {}, f.metric), element("p", { className: "value" }, f.text)];
    if (bar.change) lines.push(element("p", {}, bar.change));
    if (f.note) lines.push(element("p", { className: "note" }, f.note));
    // A card leads to its measure's trend: a real link, reached by pointer in the pinned tooltip
    // or by Tab from the chart.
    /** @type {HTMLElement[]} */
    const trend = bar.trend && this.linkTo ? [this.trendLink(this.linkTo, bar.trend)] : [];
    // Cite, reached as the trend link is: by pointer in the pinned tooltip, by Tab from the chart.
    // The keyboard goes back to the chart, then into the panel once it is shown.
    const onCite = this.onCite;
    if (onCite) trend.push(element("button", { type: "button", className: "cite-figure", onclick: () => { this.canvas.focus(); this.hideTooltip(); onCite(f); } }, strings.cite));
    this.tooltip.replaceChildren(...lines, source, ...trend);
    this.tooltip.hidden = false;
    // Just below the bar, touching it, so the pointer can move onto it; never outside the chart.
    // The stylesheet keeps it inside (a translate clamped by its own width), so no layout is forced
    // here to measure it.
    this.tooltip.style.setProperty("--at", `${bar.x + bar.width / 2}px`);
    this.tooltip.style.setProperty("--room", `${this.width ?? this.canvas.clientWidth}px`);
    this.tooltip.style.top = `${bar.y + bar.height + 2}px`;
    this.place(this.highlight, bar, 3);
    this.highlight.hidden = false;
  }

  /**
   * The link from a card to its trend view: the page's own address for it, followed in place.
   * @param {(query: string) => string} linkTo
   * @param {string} query
   */
  trendLink(linkTo, query) {
    const link = element("a", { href: linkTo(query), className: "trend-link" }, this.strings.see_trend);
    const follow = this.onFollow;
    if (follow) {
      link.addEventListener("click", (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        // The keyboard stays on the chart, which now shows the trend (the link goes with the tooltip).
        this.canvas.focus();
        this.hideTooltip();
        follow(query);
      });
    }
    return element("p", { className: "trend" }, link);
  }

  hideTooltip() {
    clearTimeout(this.hideTimer);
    this.tooltip.hidden = true;
    this.pinned = false;
    this.hoverBar = undefined;
    // A stopped chart's Wasm is not called again (a pointer leaving after the trap lands here).
    const active = stopped ? undefined : this.viewer.active;
    if (active === undefined || document.activeElement !== this.canvas || !this.bars[active]) this.highlight.hidden = true;
    else this.place(this.highlight, this.bars[active], 3);
  }

  // Leaving a bar hides its tooltip after a short grace, so the pointer can cross onto it (WCAG 1.4.13).
  hideSoon() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => { if (!this.pinned) this.hideTooltip(); }, 300);
  }

  /**
   * Puts the keyboard's highlight on the bar `index`, and says it in the live region.
   * @param {number} index
   */
  setActive(index) {
    const bar = this.bars[index];
    if (!bar) return;
    this.place(this.highlight, bar, 3);
    // Which panel the bar is in, and where it starts: tests check a phone's first screen holds the
    // first panel's bars, and that the chart's first panel starts high on the screen.
    this.highlight.dataset.panel = String(bar.panel);
    this.highlight.dataset.panelTop = String(bar.panel_top);
    this.highlight.hidden = false;
    if (!this.tooltip.hidden) this.showTooltip(index, this.pinned);
    this.live.textContent = bar.announcement;
  }

  /**
   * The bar under a pointer event, if any.
   * @param {PointerEvent} event
   */
  barAt(event) {
    const rect = this.canvas.getBoundingClientRect();
    return this.viewer.hit(event.clientX - rect.left, event.clientY - rect.top);
  }

  listen() {
    const { canvas, tooltip } = this;
    canvas.addEventListener("pointermove", (event) => {
      if (stopped || this.pinned) return;
      const index = this.barAt(event);
      if (index === undefined) {
        if (this.hoverBar !== undefined) this.hideSoon();
      } else {
        clearTimeout(this.hideTimer);
        if (index !== this.hoverBar) this.showTooltip(index, false);
      }
    });
    tooltip.addEventListener("pointerenter", () => clearTimeout(this.hideTimer));
    canvas.addEventListener("pointerdown", (event) => {
      if (stopped) return;
      // A tap (or click) pins the tooltip, so touch readers can read it; tapping elsewhere closes it.
      const index = this.barAt(event);
      if (index !== undefined) this.showTooltip(index, true);
      else this.hideTooltip();
    });
    canvas.addEventListener("pointerleave", (event) => {
      if (!this.pinned && !tooltip.contains(/** @type {Node | null} */ (event.relatedTarget))) this.hideSoon();
    });
    tooltip.addEventListener("pointerleave", (event) => {
      if (!this.pinned && event.relatedTarget !== canvas) this.hideSoon();
    });
    document.addEventListener("pointerdown", (event) => {
      if (!tooltip.hidden && event.target !== canvas && !tooltip.contains(/** @type {Node | null} */ (event.target))) this.hideTooltip();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !tooltip.hidden) {
        // Closing the tooltip from its link gives the keyboard back to the chart.
        if (tooltip.contains(document.activeElement)) canvas.focus();
        this.hideTooltip();
        event.preventDefault();
      }
    });

    // Keyboard: the chart is one focus stop; arrows move between bars.
    canvas.addEventListener("keydown", (event) => {
      if (stopped) return;
      if (event.key === "Enter" || event.key === " ") {
        const active = this.viewer.active ?? this.viewer.moveActive("Home");
        if (active === undefined) return;
        event.preventDefault();
        this.setActive(active);
        this.showTooltip(active, true);
        const bar = this.bars[active];
        this.live.textContent = `${bar.announcement} ${this.strings.col_source}: ${bar.figure.source_sentence || bar.figure.source_title}`;
        return;
      }
      if (event.key === "Escape") {
        if (tooltip.hidden) {
          this.viewer.clearActive();
          this.highlight.hidden = true;
        }
        return;
      }
      const index = this.viewer.moveActive(event.key);
      if (index === undefined) return;
      event.preventDefault();
      this.setActive(index);
    });
    canvas.addEventListener("focus", () => {
      if (stopped) return;
      const active = this.viewer.active;
      if (active !== undefined) this.setActive(active);
    });
    canvas.addEventListener("blur", () => {
      if (tooltip.hidden) this.highlight.hidden = true;
    });

    // Redraw when the chart's width changes (rotation, window resize, a CMS column)… The observer
    // watches an empty block of the chart's width and no height, not the figure: a redraw changes
    // the figure's height inside the callback, which engines report as an error event
    // ("ResizeObserver loop completed with undelivered notifications") on every resize.
    const ruler = element("div");
    this.figure.prepend(ruler);
    let lastWidth = canvas.clientWidth;
    new ResizeObserver(() => {
      // Zero while an error hides the canvas: nothing to redraw then.
      const width = canvas.clientWidth;
      this.width = width > 0 ? width : undefined;
      if (width !== lastWidth && width > 0) {
        lastWidth = width;
        this.redraw();
      }
    }).observe(ruler);
    // …and when the reader's colour scheme or contrast setting changes.
    for (const query of ["(prefers-color-scheme: dark)", "(forced-colors: active)"]) {
      window.matchMedia(query).addEventListener("change", () => this.redraw());
    }
  }
}
