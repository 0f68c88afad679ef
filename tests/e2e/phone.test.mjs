// Phones first, in Chromium, Firefox and WebKit: the chart's first figure starts in the top 40% of
// the screen on a small phone, a large one and a desktop; on a 390×844 screen the chart's title and
// its first panel's bars are visible before any scrolling, in every view and in Spanish; the controls
// fold behind one native button that says what is chosen, and open in the same order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openOnScreen } from "./page.mjs";

const VIEWS = ["component", "metric", "trend", "pipeline"];

/**
 * What the first screen shows, measured in the page: the canvas's place, the chart's heading, and the
 * first panel's bars, found by walking them with the chart's own keyboard handler (key events sent
 * to the canvas, so nothing takes focus or scrolls) and reading the highlight it places on each.
 */
function firstScreen() {
  const canvas = document.querySelector("#chart-canvas");
  const highlight = document.querySelector("#highlight");
  const rect = canvas.getBoundingClientRect();
  const key = (k) => canvas.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  const bars = [];
  key("Home");
  for (let i = 0; i < 100; i++) {
    const box = highlight.getBoundingClientRect();
    const panel = highlight.dataset.panel;
    if (bars.length && (panel !== bars[0].panel || box.top === bars[bars.length - 1].top)) break;
    bars.push({ panel, top: box.top, bottom: box.bottom, panelTop: rect.top + Number(highlight.dataset.panelTop) });
    key("ArrowDown");
  }
  key("Escape");
  // The chart's heading: the page's text above the canvas.
  const heading = document.querySelector("#chart-heading");
  const box = heading.getBoundingClientRect();
  const style = getComputedStyle(heading);
  const title = { text: heading.textContent, top: box.top, bottom: box.bottom, shown: style.visibility === "visible" && box.height > 10 && box.width > 10 };
  const toggle = document.querySelector("#controls-toggle");
  return {
    scrollY: window.scrollY, innerHeight: window.innerHeight, canvasTop: rect.top, bars, title,
    scrollWidth: document.documentElement.scrollWidth,
    lang: document.documentElement.lang,
    toggleShown: getComputedStyle(toggle).display !== "none", toggleText: toggle.textContent.replace(/\s+/g, " ").trim(),
    formShown: getComputedStyle(document.querySelector("#controls")).display !== "none",
  };
}

inEachEngine("phone first", (env) => {
  test("the chart's first card or panel starts in the top 40% of the screen at 320×640, 390×844 and 1280×900, in every view and language, and nothing scrolls sideways", async () => {
    for (const [width, height] of [[320, 640], [390, 844], [1280, 900]]) {
      for (const lang of ["en", "es"]) {
        for (const view of VIEWS) {
          const where = `${view}, ${lang}, ${width}×${height}`;
          await openOnScreen(env, `index.html?view=${view}&lang=${lang}`, width, height);
          const s = await env.run(firstScreen);
          assert.equal(s.scrollY, 0, where);
          assert.ok(s.bars.length > 0, `${where}: no figure found`);
          // Where the first card or panel starts: its title, first label or first empty year.
          const top = s.bars[0].panelTop;
          assert.ok(top <= 0.4 * s.innerHeight, `${where}: the first panel starts at ${top} px, below 40% of the ${s.innerHeight} px screen (canvas at ${s.canvasTop})`);
          assert.ok(s.scrollWidth <= width, `${where}: the page is ${s.scrollWidth} px wide`);
        }
      }
    }
  });

  test("on a 390×844 phone the title and the first panel's bars are on the first screen, in every view and in Spanish", async () => {
    for (const lang of ["en", "es"]) {
      for (const view of VIEWS) {
        const where = `${view}, ${lang}`;
        await openOnScreen(env, `index.html?view=${view}&lang=${lang}`, 390, 844);
        const s = await env.run(firstScreen);
        assert.equal(s.lang, lang, where);
        assert.equal(s.scrollY, 0, where);
        assert.ok(s.canvasTop >= 0, `${where}: the canvas starts above the screen (${s.canvasTop})`);
        assert.ok(s.title.shown && s.title.text.length > 2, `${where}: no chart heading shown (${JSON.stringify(s.title)})`);
        assert.ok(s.title.top >= 0 && s.title.bottom <= s.canvasTop, `${where}: the heading is not above the chart on the first screen (${JSON.stringify(s.title)}, canvas at ${s.canvasTop})`);
        assert.ok(s.bars.length > 0, `${where}: no bars found`);
        const lowest = Math.max(...s.bars.map((b) => b.bottom));
        assert.ok(lowest <= s.innerHeight, `${where}: the first panel's last bar ends at ${lowest} px, below the ${s.innerHeight} px screen (canvas at ${s.canvasTop})`);
        // Folded: one button that says what is chosen.
        assert.equal(s.formShown, false, where);
        assert.equal(s.toggleShown, true, where);
        assert.match(s.toggleText, lang === "es" ? /^Cambiar el gráfico / : /^Change the chart /, where);
      }
    }
  });

  test("the folded controls open as the same native controls, in the same order, and say the new choice", async () => {
    await openOnScreen(env, "index.html", 390, 844);
    const toggle = await env.browser.$("#controls-toggle");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    // One line: its label, then the choice, cut short on a narrow phone but whole in its name.
    const said = () => env.run(() => document.querySelector("#controls-toggle").textContent.replace(/\s+/g, " ").trim());
    assert.match(await toggle.getText(), /^Change the chart/);
    assert.match(await said(), /One component: DHS-wide, 2024/);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal(await env.browser.$("#controls").isDisplayed(), true);
    // Keyboard: from the button, Tab goes into the chart choices, as it did before the fold.
    await env.run(() => document.querySelector("#controls-toggle").focus());
    await env.browser.keys("Tab");
    assert.deepEqual(await env.run(() => [document.activeElement.name, document.activeElement.value]), ["view", "component"]);
    // A real menu choice redraws the chart and the button says it.
    await env.browser.$("#component").selectByAttribute("value", "hsi");
    await env.browser.waitUntil(() => env.run(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("Homeland Security Investigations")), { timeout: 10_000 });
    assert.match(await said(), /One component: Homeland Security Investigations, 2024/);
    await toggle.click();
    assert.equal(await env.browser.$("#controls").isDisplayed(), false);
  });

  test("on a desktop screen the controls are not folded", async () => {
    await openOnScreen(env, "index.html", 1200, 900);
    assert.equal(await env.browser.$("#controls-toggle").isDisplayed(), false);
    assert.equal(await env.browser.$("#controls").isDisplayed(), true);
    assert.equal(await env.browser.$("#component").isDisplayed(), true);
  });
});
