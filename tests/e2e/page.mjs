// The page the end-to-end tests drive, in every engine: the part of Playwright's Page and Locator
// the tests were written against (goto, evaluate, locator, keyboard, mouse, route, downloads, …),
// carried over WebDriver classic through ./webdriver.mjs, so one test source runs in Chromium,
// Firefox and WebKit. Each page sits in a frame of exactly its viewport's size (pages/screen.html):
// engines set window sizes, not viewports, and have minimum window widths. Input is real WebDriver
// input (element clicks, key and pointer actions); what WebDriver lacks — console messages, request
// interception, downloads, init scripts — comes from ./server.mjs and pages/e2e-page.js.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Key } from "webdriverio";

const TIMEOUT = 30_000;
const WINDOW = { width: 1900, height: 1200 };

/** Playwright's key names, as WebDriver keys. */
const KEYS = {
  ArrowDown: Key.ArrowDown, ArrowUp: Key.ArrowUp, ArrowLeft: Key.ArrowLeft, ArrowRight: Key.ArrowRight,
  Home: Key.Home, End: Key.End, PageUp: Key.PageUp, PageDown: Key.PageDown, Enter: Key.Enter,
  Escape: Key.Escape, Tab: Key.Tab, Space: Key.Space, Shift: Key.Shift, Backspace: Key.Backspace,
};

/** A script for WebDriver's execute: `fn` called with the element `selector` names (or null) and `arg`. */
const onElement = (fn) => `const el = document.querySelector(arguments[0]); return (${fn})(el, arguments[1]);`;

/** Visible as Playwright means it: a non-empty box and not visibility: hidden. */
const VISIBLE = (el) => !!el && el.getClientRects().length > 0 && (() => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
})();

class Locator {
  constructor(page, selector, frame = null) {
    this.page = page;
    this.selector = selector;
    this.frame = frame; // a selector for an iframe in the page, or null
  }

  /** Runs `fn(element, arg)` in the page (inside this locator's frame, if any). */
  async #run(fn, arg) {
    const { browser } = this.page.env;
    if (!this.frame) return browser.execute(onElement(fn), this.selector, arg);
    await browser.switchToFrame(await browser.$(this.frame));
    try {
      return await browser.execute(onElement(fn), this.selector, arg);
    } finally {
      await browser.switchToParentFrame();
    }
  }

  /** Waits until the element exists, as Playwright's actions do. */
  #exists() { return this.page.waitUntil(() => this.#run((el) => !!el), `${this.selector} to exist`); }

  /** Runs `fn` on the element once it exists. */
  async #onExisting(fn, arg) {
    await this.#exists();
    return this.#run(fn, arg);
  }

  /** Runs `act()` with WebDriver's context in this locator's frame, if any. */
  async #inFrame(act) {
    const { browser } = this.page.env;
    if (!this.frame) return act();
    await browser.switchToFrame(await browser.$(this.frame));
    try { return await act(); } finally { await browser.switchToParentFrame(); }
  }

  /** `act(element)` on WebDriver's element, once it exists. */
  async #withElement(act) {
    await this.#exists();
    return this.#inFrame(async () => act(await this.page.env.browser.$(this.selector)));
  }

  getAttribute(name) { return this.#onExisting((el, n) => el.getAttribute(n), name); }
  textContent() { return this.#onExisting((el) => el.textContent); }
  allTextContents() { return this.evaluateAll((els) => els.map((e) => e.textContent)); }
  inputValue() { return this.#onExisting((el) => el.value); }
  isVisible() { return this.#run(String(VISIBLE)); }
  async isHidden() { return !(await this.isVisible()); }
  isDisabled() { return this.#onExisting((el) => el.disabled); }
  isChecked() { return this.#onExisting((el) => el.checked); }
  count() { return this.#inFrame(() => this.page.env.browser.execute((s) => document.querySelectorAll(s).length, this.selector)); }
  evaluate(fn, arg) { return this.#onExisting(fn, arg); }
  evaluateAll(fn, arg) {
    return this.#inFrame(() => this.page.env.browser.execute(`return (${fn})(Array.from(document.querySelectorAll(arguments[0])), arguments[1]);`, this.selector, arg));
  }
  boundingBox() {
    return this.#onExisting((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }
  focus() { return this.#onExisting((el) => el.focus()); }
  /** Playwright's `fill`: the field's whole text replaced, then an `input` event, as typing gives. */
  fill(text) {
    return this.#onExisting((el, t) => { el.focus(); el.value = t; el.dispatchEvent(new Event("input", { bubbles: true })); }, text);
  }
  click() { return this.#withElement((el) => el.click()); }
  async check() {
    if (await this.isChecked()) return;
    await this.click();
    if (!(await this.isChecked())) throw new Error(`${this.selector}: not checked after a click`);
  }
  async selectOption(value) {
    await this.#withElement((el) => el.selectByAttribute("value", value));
  }
  async waitFor({ state = "visible", timeout = TIMEOUT } = {}) {
    const want = { visible: "visible(el)", hidden: "!visible(el)", attached: "!!el", detached: "!el" }[state];
    const predicate = `(el) => { const visible = ${VISIBLE}; return ${want}; }`;
    await this.page.waitUntil(() => this.#run(predicate), `${this.selector} to be ${state}`, timeout);
  }
}

class FrameLocator {
  constructor(page, selector) { this.page = page; this.selector = selector; }
  locator(selector) { return new Locator(this.page, selector, this.selector); }
}

export class Page {
  constructor(env, { viewport = { width: 1280, height: 720 }, javaScriptEnabled = true, acceptDownloads, ...unknown } = {}) {
    // Downloads are always kept (pages/e2e-page.js); any other Playwright option is not carried over.
    void acceptDownloads;
    if (Object.keys(unknown).length) throw new Error(`openPage: ${Object.keys(unknown).join(", ")}: not carried over WebDriver`);
    this.env = env;
    this.viewport = viewport;
    // Without scripts the page opens in a frame sandboxed without them (so its <noscript> content
    // is parsed and shown, in every engine), and the page's own evaluate runs in the frame's parent.
    this.scripts = javaScriptEnabled;
    // A new page starts with none of the last one's routes, init scripts or request listeners, even
    // if that test failed before closing it; problems count from here, across this page's loads.
    env.server.reset();
    this.failedFrom = env.server.failedLoads.length;
    this.earlier = [];
    this.opened = false;
    this.pointer = { x: 0, y: 0 };
    this.keyboard = {
      press: (key) => this.press(key),
      // Keys pressed and released one after another, sent as one action sequence (one round trip;
      // webdriverio's keys(array) would hold them all down, then release them).
      pressEach: (keys) => {
        const actions = this.env.browser.action("key");
        for (const k of keys) actions.down(KEYS[k] ?? k).up(KEYS[k] ?? k);
        return actions.perform();
      },
      type: (text) => this.env.browser.keys(text.split("")),
    };
    this.mouse = { move: (x, y, options) => this.move(x, y, options), path: (points) => this.path(points) };
  }

  async waitUntil(condition, what, timeout = TIMEOUT) {
    await this.env.browser.waitUntil(condition, { timeout, interval: 50, timeoutMsg: `${this.env.engine}: timed out waiting for ${what}` });
  }

  /** Opens `url` in the screen frame, at this page's viewport, and waits for its load event. */
  async goto(url) {
    const { browser } = this.env;
    if (this.opened && this.scripts) this.earlier.push(...(await this.#pageProblems()));
    this.opened = true;
    await browser.setWindowSize(WINDOW.width, WINDOW.height);
    await browser.url(`${this.env.url}tests/e2e/pages/screen.html`);
    await browser.execute((src, w, h, scripts) => {
      const frame = document.querySelector("#screen");
      frame.width = String(w);
      frame.height = String(h);
      if (!scripts) frame.sandbox = "allow-same-origin";
      frame.src = src;
    }, url, this.viewport.width, this.viewport.height, this.scripts);
    if (!this.scripts) {
      await this.waitUntil(() => browser.execute(() => document.querySelector("#screen").contentDocument?.readyState === "complete" && document.querySelector("#screen").contentDocument.URL !== "about:blank"), `${url} to load`);
      return { headers: () => this.env.server.headersFor(url) };
    }
    await browser.switchToFrame(await browser.$("#screen"));
    await this.waitUntil(() => browser.execute(() => document.readyState === "complete" && location.href !== "about:blank"), `${url} to load`);
    const headers = this.env.server.headersFor(url);
    return { headers: () => headers };
  }

  async setViewportSize({ width, height }) {
    const { browser } = this.env;
    this.viewport = { width, height };
    await browser.switchToParentFrame();
    await browser.execute((w, h) => {
      const frame = document.querySelector("#screen");
      frame.width = String(w);
      frame.height = String(h);
    }, width, height);
    await browser.switchToFrame(await browser.$("#screen"));
  }

  viewportSize() { return this.viewport; }
  evaluate(fn, arg) {
    if (typeof fn !== "function") throw new TypeError("page.evaluate: a function; runScript runs a script's source");
    return this.env.browser.execute(`return (${fn})(arguments[0]);`, arg);
  }
  /** Runs a script's source (a library such as axe-core) in the page, as WebDriver runs it: no page policy applies. */
  runScript(source) { return this.env.browser.execute(source); }
  async waitForFunction(fn, arg, { timeout = TIMEOUT } = {}) {
    let value;
    await this.waitUntil(async () => (value = await this.evaluate(fn, arg)), `${String(fn).slice(0, 120)}`, timeout);
    return value;
  }
  locator(selector) { return new Locator(this, selector); }
  frameLocator(selector) { return new FrameLocator(this, selector); }
  click(selector) { return this.locator(selector).click(); }
  check(selector) { return this.locator(selector).check(); }
  focus(selector) { return this.locator(selector).focus(); }
  selectOption(selector, value) { return this.locator(selector).selectOption(value); }
  fill(selector, text) { return this.locator(selector).fill(text); }
  waitForSelector(selector, options) { return this.locator(selector).waitFor(options); }
  url() { return this.env.browser.execute(() => location.href); }
  async waitForURL(want) {
    const test = want instanceof RegExp ? (u) => want.test(u.href) : want;
    await this.waitUntil(async () => test(new URL(await this.url())), `the URL to match ${want}`);
  }
  /** The reader's Back and Forward: the page's session history, as the browser's buttons move it. */
  async goBack() { await this.#traverse(() => history.back()); }
  async goForward() { await this.#traverse(() => history.forward()); }
  async #traverse(move) {
    const before = await this.url();
    await this.env.browser.execute(move);
    await this.waitUntil(async () => (await this.url()) !== before, "the history to move");
  }

  async press(combo) {
    const keys = combo === "+" ? ["+"] : combo.split("+").map((k) => KEYS[k] ?? k);
    await this.env.browser.keys(keys);
  }

  /** A real pointer move to (x, y) in the page's viewport, from the element under that point. */
  async move(x, y, { steps = 1 } = {}) {
    const from = this.pointer;
    const points = [];
    for (let i = 1; i <= steps; i++) {
      points.push({ x: Math.round(from.x + ((x - from.x) * i) / steps), y: Math.round(from.y + ((y - from.y) * i) / steps) });
    }
    await this.path(points);
    this.pointer = { x, y };
  }

  /**
   * Real pointer moves through `points` in turn (a pointermove at each), sent to the browser as one
   * action sequence: three WebDriver round trips however many points, not three per point.
   * @param {{ x: number, y: number }[]} points
   */
  async path(points) {
    // Each point relative to the element under it (WebDriver's viewport origin is not the same
    // point in every engine once the page has scrolled), looked up before any move: a path over
    // what the moves themselves show or hide (a tooltip) is made of single moves instead.
    const targets = await this.env.browser.execute((list) => list.map(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const cx = Math.floor((Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2);
      const cy = Math.floor((Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2);
      return { el, dx: x - cx, dy: y - cy };
    }), points);
    const missing = targets.findIndex((t) => !t);
    if (missing >= 0) throw new Error(`${this.env.engine}: nothing at (${points[missing].x}, ${points[missing].y}) to move the pointer over`);
    await this.env.browser.performActions([{
      type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
      actions: targets.map((t) => ({ type: "pointerMove", duration: 0, origin: t.el, x: t.dx, y: t.dy })),
    }]);
    await this.env.browser.releaseActions();
    this.pointer = points.at(-1) ?? this.pointer;
  }

  /**
   * Console errors, uncaught errors and CSP violations of this page's loads and their same-origin
   * frames, and every request the server answered with an error (or could not answer) that no
   * test route asked for.
   */
  async problems() {
    const failed = this.env.server.failedLoads.slice(this.failedFrom).map((f) => `failed load: ${f}`);
    return [...this.earlier, ...(this.scripts ? await this.#pageProblems() : []), ...failed];
  }

  #pageProblems() {
    return this.env.browser.execute(() => {
      const all = [];
      const collect = (w) => {
        if (!w.__e2e) all.push(`no problem collector in ${w.location.href}`);
        else all.push(...w.__e2e.problems);
        for (const f of w.document.querySelectorAll("iframe")) { try { if (f.contentWindow.document) collect(f.contentWindow); } catch { /* another origin */ } }
      };
      collect(window);
      return all;
    });
  }

  addInitScript(fn, arg) { this.env.server.initScripts.push({ fn: String(fn), arg: arg ?? null }); }
  route(glob, handler) { this.env.server.route(glob, handler); }
  unroute(glob) { this.env.server.unroute(glob); }
  on(event, listener) {
    if (event !== "request") throw new Error(`page.on("${event}"): not carried over WebDriver`);
    this.env.server.onRequest((url) => listener({ url: () => url }));
  }
  async waitForResponse(predicate) {
    await new Promise((resolve) => {
      const stop = this.env.server.onResponse((url) => { if (predicate({ url: () => url })) { stop(); resolve(); } });
    });
  }

  /** The next file the page hands the reader: { suggestedFilename(), path() }. */
  async waitForEvent(event) {
    if (event !== "download") throw new Error(`page.waitForEvent("${event}"): not carried over WebDriver`);
    let file;
    await this.waitUntil(async () => (file = await this.env.browser.execute(() => window.__e2e.takeDownload())), "a download");
    const dir = mkdtempSync(join(tmpdir(), "e2e-download-"));
    const path = join(dir, file.name);
    writeFileSync(path, Buffer.from(file.base64, "base64"));
    return { suggestedFilename: () => file.name, path: async () => path };
  }

  close() { this.env.server.reset(); }
}

/** Playwright's `openPage`, over WebDriver: { page, context }, with `context.close()`. */
export async function openPage(env, url, options = {}) {
  const page = new Page(env, options);
  if (url) await page.goto(url);
  return { page, context: { close: () => page.close() } };
}

/**
 * Opens `path` (from the server's root) on a screen of exactly width × height CSS px, as a phone's,
 * and waits until the chart has drawn (or, with `chart: false`, until the page has loaded). Later
 * commands act inside the page.
 */
export async function openOnScreen(env, path, width, height, { chart = true } = {}) {
  const { page } = await openPage(env, env.url + path, { viewport: { width, height } });
  if (chart) await chartReady(page);
  const inner = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
  if (inner[0] !== width || inner[1] !== height) throw new Error(`${env.engine}: the screen frame is ${inner.join("×")}, not ${width}×${height}`);
}

/** Waits until the viewer has finished its first draw (or reported why it could not). */
export async function chartReady(page) {
  await page.waitForFunction(() => document.querySelector("#chart")?.getAttribute("aria-busy") === "false");
}

/** Opens "Download and share" under the chart, where the downloads and the embed code are. */
export async function openShare(page) {
  if (!(await page.evaluate(() => document.querySelector("#share").open))) await page.click("#share > summary");
}

/**
 * The top of the first bar in the canvas image, in CSS px from the canvas's top: the first run of
 * the bar colour down the plot's left edge that is a bar's 20 px tall (the key's swatch is 12, a
 * card's rule 4); -1 if there is none.
 */
export function firstBarTop(page, colour = [0x00, 0x5e, 0xa2]) {
  return page.evaluate(([cr, cg, cb]) => {
    const c = document.querySelector("#chart-canvas");
    const r = c.width / c.clientWidth;
    const col = c.getContext("2d").getImageData(Math.round(14 * r), 0, 1, c.height).data;
    const on = (y) => col[y * 4] === cr && col[y * 4 + 1] === cg && col[y * 4 + 2] === cb;
    for (let y = 0; y < c.height; y++) if (on(y) && on(y + Math.round(16 * r))) return y / r;
    return -1;
  }, colour);
}

/**
 * Counts the figures in the canvas image: bars (a solid or outlined rectangle of the bar colour
 * from the plot's left edge, 20 CSS px tall) and cards (a 4 CSS px rule of the bar colour along the
 * card's top, 100 CSS px wide or more). Read from the pixels: rectangles are runs of the colour that
 * start and end at the same x, row after row.
 */
export function countDrawnFigures(page, colour = [0x00, 0x5e, 0xa2]) {
  return page.evaluate(async ([cr, cg, cb]) => {
    // Read the frame a reader sees: after the next rendering update has run its ResizeObserver
    // callbacks (which come after animation frame callbacks), so a draw that follows a resize is in.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const canvas = document.querySelector("#chart-canvas");
    const ratio = canvas.width / canvas.clientWidth;
    const { data, width, height } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const open = []; // rectangles still growing: {x0, x1, top, rows}
    const done = [];
    for (let y = 0; y <= height; y++) {
      const runs = [];
      for (let x = 0; y < height && x < width; x++) {
        const i = (y * width + x) * 4;
        if (data[i] === cr && data[i + 1] === cg && data[i + 2] === cb) {
          const x0 = x;
          while (x + 1 < width && data[i + 4 * (x + 1 - x0)] === cr && data[i + 4 * (x + 1 - x0) + 1] === cg && data[i + 4 * (x + 1 - x0) + 2] === cb) x++;
          runs.push([x0, x]);
        }
      }
      for (let k = open.length - 1; k >= 0; k--) {
        const r = open[k];
        const next = runs.findIndex(([a, b]) => Math.abs(a - r.x0) <= 1 && Math.abs(b - r.x1) <= 1);
        if (next >= 0) { r.rows++; runs.splice(next, 1); } else { done.push(r); open.splice(k, 1); }
      }
      for (const [x0, x1] of runs) open.push({ x0, x1, top: y, rows: 1 });
    }
    const css = (v) => v / ratio;
    const bars = done.filter((r) => Math.abs(css(r.x0) - 12) <= 1.5 && css(r.rows) >= 17 && css(r.rows) <= 23).length;
    const cards = done.filter((r) => css(r.rows) >= 3 && css(r.rows) <= 5 && css(r.x1 - r.x0 + 1) >= 100).length;
    return bars + cards;
  }, colour);
}
