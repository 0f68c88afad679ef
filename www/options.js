// @ts-check
// Written by examples/prerender.rs (make build) from src/view/options.rs and src/text/strings.rs;
// `make test` fails when it is out of date. Edit those, not this.

/** The options a view takes, in the order its address writes them (ViewSpec::to_query). */
export const OPTIONS = /** @type {const} */ (["view", "component", "metric", "fy", "scale", "lang"]);

/** The languages: the first is the lean build's, the only one it speaks; the complete build speaks all. */
export const LANGS = ["en", "es"];
