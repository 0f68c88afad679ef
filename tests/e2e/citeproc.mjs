// citeproc-js (npm `citeproc`, the processor Zotero and Mendeley use) with the CSL project's own
// APA 7 and Chicago author-date styles and locales (tests/fixtures/csl/), as the citation tests use it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const CSL = createRequire(import.meta.url)("citeproc");
const STYLES = new URL("../fixtures/csl/", import.meta.url).pathname;
const LOCALES = { en: "en-US", es: "es-ES" };

/**
 * A citeproc-js engine for one style ("apa", "chicago-author-date") and language ("en", "es"):
 * `render(item)` gives one CSL-JSON item's bibliography entry and parenthetical citation, as plain
 * text, as the page shows each reference on its own.
 */
export function citeproc(style, lang) {
  let item;
  const sys = {
    retrieveLocale: (id) => readFileSync(join(STYLES, `locales-${id}.xml`), "utf8"),
    retrieveItem: () => item,
  };
  const engine = new CSL.Engine(sys, readFileSync(join(STYLES, `${style}.csl`), "utf8"), LOCALES[lang], true);
  engine.setOutputFormat("text");
  return (next) => {
    item = next;
    engine.updateItems([next.id]);
    const [, bibliography] = engine.makeBibliography();
    const cited = engine.previewCitationCluster({ citationItems: [{ id: next.id }], properties: { noteIndex: 0 } }, [], [], "text");
    return { entry: bibliography.map((s) => s.trim()).join("\n"), cited };
  };
}
