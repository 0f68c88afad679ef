// @ts-check
// The DOM helpers every page of the shell uses (app.js, ccht-chart.js, chart-widget.js and the
// studio): an element made with its properties and children, an element found by id, and a file
// saved from the page.

/**
 * A new `tag` element with `props` set as properties (`className`, `htmlFor`, `onclick`, …) and
 * `children` appended; text is set as text, never parsed as HTML.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Partial<HTMLElementTagNameMap[K]>} [props]
 * @param {(Node | string)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, props, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/**
 * The page's element `id`, as the element type the caller expects: our pages have every id their
 * scripts ask for (index.html, studio.html).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
export const byId = (id) => /** @type {T} */ (document.getElementById(id));

/**
 * Saves `blob` as the file `name`, from a Blob URL: it works inside iframes and under the strict
 * CSP, and nothing is sent anywhere.
 * @param {Blob} blob
 * @param {string} name
 */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = element("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the browser has surely started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
