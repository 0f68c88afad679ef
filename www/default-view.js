// @ts-check
/**
 * The elements of index.html that show its default view in words (examples/prerender.rs writes
 * them): when the page shows another view with no prerendered words for it, they are emptied rather
 * than left saying what another view shows (www/first.js, and www/app.js when first.js did not run).
 */
export const DEFAULT_VIEW_WORDS = ["chart-heading", "chart-subtitle", "chart-source", "chart-summary", "data-table"];

/** Empties them; at once, or once the page is parsed. */
export function clearDefaultViewWords() {
  const clear = () => {
    for (const id of DEFAULT_VIEW_WORDS) document.getElementById(id)?.replaceChildren();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", clear, { once: true });
  else clear();
}
