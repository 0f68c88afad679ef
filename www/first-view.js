// @ts-check
// Puts the view the URL names in the page before the Wasm arrives: its prerendered image, accessible
// name, summary, table and controls, and the page's words in its language, from what www/first.js
// asked for (window.cchtFirst). Loaded by first.js only when the URL names a view other than the
// default one index.html carries.
import { byId } from "./dom.js";
import { OPTIONS } from "./options.js";
import { fillTable } from "./table.js";

(() => {
  const first = window.cchtFirst;
  delete window.cchtFirst;
  if (!first) return;
  const { base, values, done } = first;
  const root = document.documentElement;
  const parsed = new Promise(/** @param {(value?: unknown) => void} resolve */ (resolve) => {
    if (document.readyState !== "loading") resolve();
    // "interactive": the document is parsed, before deferred and module scripts run.
    else document.addEventListener("readystatechange", resolve, { once: true });
  });
  first.view
    .then(async (view) => {
      await parsed;
      const { strings, components } = (await first.words?.catch(() => null)) ?? {};
      const figure = document.getElementById("chart");
      // The live chart came first, the wait ran out, or the page has no prerendered slot: nothing to
      // do (app.js has put the page's words in, or will).
      if (!view || !figure || figure.classList.contains("live") || !root.classList.contains("first-pending")) return done(!!view);
      if (strings) {
        for (const option of document.querySelectorAll("#view option")) option.textContent = strings[`view_${/** @type {HTMLOptionElement} */ (option).value}`];
        for (const [id, name] of components ?? []) {
          const option = document.querySelector(`#component option[value="${id}"]`);
          if (option) option.textContent = name;
        }
        root.lang = values.lang ?? root.lang;
        for (const e of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-i18n]"))) e.textContent = strings[e.dataset.i18n ?? ""] ?? e.textContent;
        for (const e of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-i18n-label]"))) {
          const label = strings[e.dataset.i18nLabel ?? ""];
          if (e.id !== "chart-canvas" && label) e.setAttribute("aria-label", label);
        }
        // The waiting note of a choice made before the Wasm arrives (www/app.js), in this language.
        byId("status").dataset.waiting = strings.choice_waiting;
      }
      // New elements rather than changed attributes: Firefox keeps a <picture>'s choice when its
      // sources' attributes change. index.html lists them widest first, the narrowest as the <img>.
      const picture = /** @type {HTMLPictureElement} */ (figure.querySelector(".first"));
      const old = /** @type {HTMLImageElement} */ (picture.querySelector("img"));
      const [narrowest, ...wider] = view.images;
      const media = Array.from(picture.querySelectorAll("source"), (s) => s.media);
      /** @param {string} tag @param {Record<string, string | number>} attributes */
      const element = (tag, attributes) => {
        const e = tag === "img" ? /** @type {HTMLImageElement} */ (old.cloneNode(false)) : document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, String(value));
        return e;
      };
      /** @param {[string, number, number]} image */
      const image = ([file, width, height]) => ({ width, height, [width === narrowest[1] ? "src" : "srcset"]: new URL(file, base).href });
      const sources = wider.reverse().map((one, i) => element("source", { media: media[i] ?? "", ...image(one) }));
      const img = /** @type {HTMLImageElement} */ (element("img", image(narrowest)));
      picture.replaceChildren(...sources, img);
      img.alt = view.alt;
      byId("chart-summary").textContent = view.summary;
      // The chart's heading and source line, which the page shows as text around the image.
      byId("chart-heading").textContent = view.table.title;
      byId("chart-subtitle").textContent = view.table.subtitle;
      byId("chart-source").textContent = view.table.source;
      const table = /** @type {HTMLTableElement | null} */ (document.getElementById("data-table"));
      if (table) fillTable(table, view.table, view.words);
      setControls(view);
      // Shown once the image is in, so nothing moves when it arrives.
      // (The load event, not decode(): Firefox rejects decode() for an image a <picture> chose.)
      if (!img.complete) await new Promise((resolve) => { img.onload = img.onerror = resolve; });
      done(img.naturalWidth > 0);
    })
    .catch(() => done(false));


  /**
   * The controls as the Viewer will settle the URL's view (index.html has the default view's).
   * @param {FirstView} view
   */
  function setControls(view) {
    const form = document.getElementById("controls");
    if (!form) return;
    /** @param {string} name @param {string} value */
    const pick = (name, value) => {
      for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll(`input[name=${name}]`))) radio.checked = radio.value === value;
    };
    const { state } = view;
    pick("scale", state.scale);
    /** @type {HTMLSelectElement} */
    const metric = byId("metric");
    metric.replaceChildren(...view.menu.map(([group, items]) => {
      const list = items.map(([id, label]) => new Option(label, id));
      if (!group) return list;
      const g = document.createElement("optgroup");
      g.label = group;
      g.append(...list);
      return [g];
    }).flat());
    // Each option's menu (the scale is a pair of radio buttons, picked above).
    for (const name of OPTIONS) {
      const select = /** @type {HTMLSelectElement | null} */ (document.getElementById(name));
      if (select) select.value = state[name];
    }
    const kind = state.view;
    /** @type {HTMLSelectElement} */ (byId("component")).disabled = metric.disabled = kind === "pipeline";
    /** @type {HTMLSelectElement} */ (byId("fy")).disabled = kind === "trend";
    byId("scale-choices").hidden = !view.log;
    byId("controls-now").textContent = view.choice;
  }
})();
