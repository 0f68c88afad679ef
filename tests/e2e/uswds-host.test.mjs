// The iframe snippet on a page styled with the US Web Design System, in Chromium, Firefox and WebKit:
// USWDS sets `box-sizing: border-box` on every element, so an iframe's height includes its border
// (2 px inset each side by default) and padding. embed-host.js must size the frame so that the
// embedded page never scrolls inside it, at a desktop and at a phone width, and inside a column the
// host zooms (CSS zoom: no WebDriver sets a browser's own zoom).
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openOnScreen } from "./page.mjs";

/** Each embedding frame on the host page: its box model, and the embedded page's height against the frame's viewport. */
function frames() {
  return [...document.querySelectorAll("iframe[data-ccht-chart]")].map((frame) => {
    const doc = frame.contentDocument;
    return {
      id: frame.id,
      boxSizing: getComputedStyle(frame).boxSizing,
      zoom: Number(getComputedStyle(frame.parentElement).zoom),
      sized: frame.style.height,
      drawn: doc?.querySelector("#chart")?.getAttribute("aria-busy") === "false",
      viewport: frame.contentWindow.innerHeight,
      content: doc?.documentElement.scrollHeight ?? 0,
    };
  });
}

inEachEngine("an agency page styled with USWDS", (env) => {
  for (const [width, height] of [[1200, 900], [390, 844]]) {
    test(`at ${width} px the embedded chart fits its frame exactly, whatever the frame's border and padding`, async () => {
      await openOnScreen(env, "tests/e2e/pages/uswds-host.html", width, height, { chart: false });
      // Settled: both charts drawn, both frames sized by embed-host.js, and the same two reads running.
      let last = "";
      let now = [];
      await env.browser.waitUntil(async () => {
        now = await env.run(frames);
        const key = JSON.stringify(now);
        const settled = now.every((f) => f.drawn && f.sized) && key === last;
        last = key;
        return settled;
      }, { timeout: 30_000, interval: 400, timeoutMsg: `${env.engine} at ${width} px: the frames did not settle: ${last}` });
      assert.equal(now.length, 3);
      for (const f of now) {
        assert.equal(f.boxSizing, "border-box", `${f.id}: USWDS's box-sizing did not apply`);
        assert.equal(f.zoom, f.id === "zoomed" ? 1.5 : 1, `${env.engine}: #${f.id}'s zoom`);
        assert.ok(f.content <= f.viewport, `${env.engine} at ${width} px, #${f.id}: the embedded page is ${f.content - f.viewport} px taller than its frame (${f.content} in ${f.viewport}), so it scrolls inside it`);
        assert.ok(f.viewport - f.content <= 1, `${env.engine} at ${width} px, #${f.id}: ${f.viewport - f.content} px of empty frame below the chart`);
      }
    });
  }
});
