// The prerendered charts' text fits the layout, as each engine draws it: the first paint's SVGs are
// laid out at build time from the font's metrics (src/layout/metrics.rs), not by the browser, so in
// Chromium, Firefox and WebKit every text in every view's image for a 320 px phone (286 px wide) and
// a 1280 px desktop (960 px) must be drawn no wider than the layout measured it. The live canvas
// needs no such test: it lays out with the engine's own measureText.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inEachEngine } from "./webdriver.mjs";
import { openOnScreen } from "./page.mjs";

const measured = JSON.parse(readFileSync(new URL("../../target/prerender/measured.json", import.meta.url), "utf8"));
const files = Object.keys(measured).filter((f) => [286, 960].includes(measured[f][0]));
/** A drawn text may pass its measured width by this much (CSS px): rounding, not a glyph. */
const SLACK = 0.5;

/** Each file's texts as this engine draws them: [text, size, bold, width] in document order. */
function drawnTexts(base, names) {
  const box = document.createElement("div");
  box.style.position = "absolute";
  box.style.left = "-10000px";
  box.style.top = "0";
  document.body.append(box);
  return Promise.all(names.map(async (name) => {
    const source = await (await fetch(base + name)).text();
    const svg = document.importNode(new DOMParser().parseFromString(source, "image/svg+xml").documentElement, true);
    box.append(svg);
    const texts = Array.from(svg.querySelectorAll("text"), (t) => {
      const style = getComputedStyle(t);
      // plotters writes each text on a line of its own; SVG drops those line breaks.
      return [t.textContent.trim(), parseFloat(style.fontSize), Number(style.fontWeight) >= 600, t.getComputedTextLength()];
    });
    svg.remove();
    return [name, texts];
  })).finally(() => box.remove());
}

inEachEngine("text fit", (env) => {
  test("every prerendered chart's text, as this engine draws it, is no wider than the layout measured it, at 320 and 1280 px", async () => {
    assert.ok(files.length > 100, `only ${files.length} images in target/prerender/measured.json: run make build`);
    await openOnScreen(env, "index.html", 1280, 900, { chart: false });
    const wide = [];
    let count = 0;
    for (let i = 0; i < files.length; i += 100) {
      const drawn = await env.run(drawnTexts, `${env.url}dist/prerender/`, files.slice(i, i + 100));
      for (const [name, texts] of drawn) {
        // The layout's texts, by what they say and how: the SVG draws them in its own order.
        const expected = new Map();
        for (const [text, size, bold, width] of measured[name][1]) expected.set(`${size}|${bold}|${text}`, width);
        assert.equal(texts.length, measured[name][1].length, `${name}: ${texts.length} texts drawn, ${measured[name][1].length} laid out`);
        for (const [text, size, bold, width] of texts) {
          const room = expected.get(`${size}|${bold}|${text}`);
          assert.ok(room !== undefined, `${name}: "${text}" (${size} px${bold ? ", bold" : ""}) is not in the layout`);
          count++;
          if (width > room + SLACK) wide.push(`${name}: "${text}" ${size} px${bold ? " bold" : ""}: drawn ${width.toFixed(1)} px, laid out ${room.toFixed(1)} px`);
        }
      }
    }
    assert.ok(count > 1000, `only ${count} texts measured`);
    assert.deepEqual(wide.slice(0, 20), [], `${wide.length} of ${count} texts are drawn wider than laid out (${env.engine})`);
  });
});
