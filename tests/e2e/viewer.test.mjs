// End to end, in Chromium, Firefox and WebKit: the page `make serve` serves, driven through its real
// controls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady, countDrawnFigures } from "./page.mjs";
import { components, records, spoken, kindOf } from "./expected.mjs";

const label = (page) => page.locator("#chart-canvas").getAttribute("aria-label");

inEachEngine("viewer", (env) => {
  test("the first view draws DHS-wide figures with no console errors or CSP violations", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    assert.equal(await page.locator("#alert").isHidden(), true);
    assert.equal(await page.locator("#chart-canvas").getAttribute("role"), "img");
    const text = await label(page);
    assert.match(text, /DHS-wide, Fiscal year 2024/);
    const dhs = records.filter((r) => r.component === "dhs");
    for (const r of dhs) assert.ok(text.includes(spoken(r)), `${r.metric}: ${spoken(r)} missing from "${text}"`);
    assert.equal(await countDrawnFigures(page), dhs.length);
    assert.equal(await page.locator("#status").textContent(), "");
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("the harness sees what a reader's console would: an error logged, an uncaught error, a CSP violation, a failed load", async () => {
    // Every other test's "no problems" rests on this collector (pages/e2e-page.js) working here.
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    await page.evaluate(() => new Promise((resolve) => {
      console.error("logged");
      const script = document.createElement("script"); // a page script of our own that throws
      script.src = "/tests/e2e/pages/throws.js";
      document.head.append(script);
      const style = document.createElement("style"); // an inline style: style-src 'self' blocks it
      style.textContent = "body { color: red }";
      document.head.append(style);
      const image = document.createElement("img"); // a file that is not there
      image.src = "/tests/e2e/pages/missing.png";
      document.body.append(image);
      setTimeout(resolve, 200);
    }));
    const problems = await page.problems();
    assert.ok(problems.includes("console: logged"), JSON.stringify(problems));
    assert.ok(problems.some((p) => /^page error: .*uncaught/.test(p)), JSON.stringify(problems));
    assert.ok(problems.some((p) => /CSP violation: style-src/.test(p)), JSON.stringify(problems));
    assert.ok(problems.includes("failed load: 404 /tests/e2e/pages/missing.png"), JSON.stringify(problems));
    await context.close();
  });

  test("every component, in every view, through the real controls", async () => {
    const { page, context } = await openPage(env, env.server.url, { viewport: { width: 900, height: 900 } });
    await chartReady(page);

    // Component view: each component shows each of its figures, as text and as bars.
    for (const c of components) {
      await page.selectOption("select[name=component]", c.id);
      await page.waitForFunction((name) => document.querySelector("#chart-canvas").getAttribute("aria-label").includes(name), c.name);
      const mine = records.filter((r) => r.component === c.id);
      const text = await label(page);
      for (const r of mine) assert.ok(text.includes(spoken(r)), `${c.id} ${r.metric}: ${spoken(r)} missing`);
      assert.equal(await countDrawnFigures(page), mine.length, c.id);
      // Every measure of the component can be chosen: the address keeps it (a card's trend link and
      // the trend view follow it), and the chart still shows every figure of the component.
      const metricIds = await page.locator("select[name=metric] option").evaluateAll((os) => os.map((o) => o.value));
      assert.deepEqual(metricIds.sort(), [...new Set(mine.map((r) => r.metric))].sort());
      for (const m of metricIds) {
        await page.selectOption("select[name=metric]", m);
        await page.waitForFunction((id) => {
          // An address without a query is the default view, which index.html names.
          const named = /metric-([a-z0-9-]+)/.exec(document.querySelector("meta[name=ccht-defaults]").dataset.view)[1];
          return (new URLSearchParams(location.search).get("metric") ?? named) === id;
        }, m);
        assert.equal(await label(page), text, `${c.id} ${m}`);
      }
    }

    // Metric view: each measure shows every record of its kind, across components.
    await page.selectOption("#view", "metric");
    const metricIds = await page.locator("select[name=metric] option").evaluateAll((os) => os.map((o) => o.value));
    assert.equal(metricIds.length, new Set(records.map((r) => r.metric)).size);
    for (const m of metricIds) {
      const before = await label(page);
      await page.selectOption("select[name=metric]", m);
      const sameKind = records.filter((r) => kindOf(r.metric) === kindOf(m));
      const text = await label(page);
      for (const r of sameKind) assert.ok(text.includes(spoken(r)), `${m}: ${r.component} ${spoken(r)} missing from "${text}"`);
      assert.equal(await countDrawnFigures(page), sameKind.length, m);
      const previous = metricIds[metricIds.indexOf(m) - 1];
      if (previous && kindOf(m) !== kindOf(previous)) assert.notEqual(text, before, `${previous} → ${m}`);
    }

    // The pipeline: four stages, investigations to convictions.
    await page.selectOption("#view", "pipeline");
    const text = await label(page);
    assert.match(text, /Criminal investigations initiated \(HSI\): 1,686.*Trafficking-related arrests \(DHS\): more than 2,500.*Indictments supported \(DHS\): 914.*Convictions \(DHS\): 405/);
    assert.equal(await countDrawnFigures(page), 4);
    assert.equal(await page.locator("select[name=component]").isDisabled(), true);

    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("keyboard alone changes the chart", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    await page.locator("select[name=component]").focus();
    await page.keyboard.press("ArrowDown"); // HSI
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("Homeland Security Investigations"));
    assert.match(await label(page), /2,545/);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("resizing redraws at the new width", async () => {
    const { page, context } = await openPage(env, env.server.url, { viewport: { width: 1200, height: 800 } });
    await chartReady(page);
    const wide = await page.locator("#chart-canvas").evaluate((c) => c.width);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForFunction((w) => document.querySelector("#chart-canvas").width < w, wide);
    const narrow = await page.locator("#chart-canvas").evaluate((c) => ({ width: c.width, css: c.clientWidth }));
    assert.equal(narrow.width, narrow.css);
    assert.equal(await countDrawnFigures(page), records.filter((r) => r.component === "dhs").length);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a Wasm that fails to load shows a visible alert, not a blank canvas", async () => {
    const { page, context } = await openPage(env, null);
    await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(env.server.url);
    await chartReady(page);
    const alert = page.locator("[role=alert]");
    assert.equal(await alert.isVisible(), true);
    assert.match(await alert.textContent(), /could not be loaded/);
    assert.equal(await page.locator("#chart-canvas").isVisible(), false);
    await context.close();
  });

  test("the chart states its source once, under it, linking to the sources panel; the footer gives both reporting numbers", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    const release = "Fiscal Year 2024 Annual Report";
    assert.match(await page.locator("#chart-source").textContent(), new RegExp(`^Source: .*${release}`));
    assert.equal(await page.locator(".chart-source a").getAttribute("href"), "#sources-heading");
    assert.ok((await page.locator("#sources-list").textContent()).includes(release));
    const footer = await page.locator("footer").textContent();
    for (const s of ["866-347-2423", "888-373-7888", "humantraffickinghotline.org"]) assert.ok(footer.includes(s), s);
    assert.ok(!footer.includes(release), "the footer states the source again");
    // The line follows the chart: a trend draws on several sources.
    await page.selectOption("select[name=view]", "trend");
    await page.waitForFunction(() => /^Sources: /.test(document.querySelector("#chart-source").textContent));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  /**
   * Before the page loads: the Viewer's exports named in `window.trapIn` (set later by the test) run
   * a real Wasm `unreachable` instead, the trap a Rust panic is in the release build.
   */
  function trapWhenAsked() {
    // A module of one function whose body is `unreachable`.
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 116, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const trap = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.t;
    window.trapIn = [];
    window.viewerCalls = []; // the Viewer's exports called, trapped or not, in order
    const patch = (result) => {
      const real = result.instance.exports;
      const exports = {};
      for (const [name, value] of Object.entries(real)) {
        const call = (...args) => {
          if (name.startsWith("viewer_")) window.viewerCalls.push(name);
          return window.trapIn.includes(name) ? trap() : value(...args);
        };
        exports[name] = typeof value === "function" ? call : value;
      }
      return { module: result.module, instance: { exports } };
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => patch(await streaming(...args));
  }

  test("a trap in the Wasm (a release build's panic) stops the chart with a visible message", async () => {
    const { page, context } = await openPage(env, undefined);
    await page.addInitScript(trapWhenAsked);
    await page.goto(env.server.url);
    await chartReady(page);
    const alert = page.locator("#alert");
    // A trap in the host page's own Wasm is not ours: nothing stops.
    // (Thrown from a page script: one WebDriver runs reaches error events muted, with no error object.)
    await page.evaluate(() => new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = "/tests/e2e/pages/host-trap.js";
      script.onload = () => setTimeout(resolve, 100);
      document.head.append(script);
    }));
    assert.ok((await page.problems()).some((p) => p.includes("the host's")), "the host's trap did not happen");
    assert.equal(await alert.isHidden(), true);
    // A pointer move over the chart: the hit test traps, in an event handler nobody else catches.
    await page.evaluate(() => { window.trapIn = ["viewer_hit"]; });
    const box = await page.locator("#chart-canvas").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await alert.waitFor({ state: "visible" });
    // Each engine words the trap its own way: "unreachable" (Chromium, Firefox), "Unreachable code…" (WebKit).
    assert.match(await alert.textContent(), /stopped because of an internal error \(.*unreachable/i);
    assert.equal(await page.locator("#chart").evaluate((e) => e.classList.contains("failed")), true);
    // Stopped: controls, pointer moves, keys and resizes no longer call into the Wasm.
    const calls = await page.evaluate(() => window.viewerCalls.length);
    await page.selectOption("select[name=component]", "hsi");
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
    await page.keyboard.press("Tab");
    await page.setViewportSize({ width: 700, height: 800 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(await page.evaluate((n) => window.viewerCalls.slice(n), calls), []);
    assert.match(await alert.textContent(), /internal error/);
    assert.deepEqual((await page.problems()).filter((p) => !/unreachable|the host's/i.test(p)), []);
    await context.close();
  });

  test("a trap while drawing, after a real control changed, is reported the same way", async () => {
    const { page, context } = await openPage(env, undefined);
    await page.addInitScript(trapWhenAsked);
    await page.goto(env.server.url);
    await chartReady(page);
    await page.evaluate(() => { window.trapIn = ["viewer_draw"]; });
    await page.selectOption("select[name=component]", "hsi");
    await page.locator("#alert").waitFor({ state: "visible" });
    assert.match(await page.locator("#alert").textContent(), /stopped because of an internal error/);
    await context.close();
  });

  test("a debug build's panic event is reported in the page", async () => {
    const { page, context } = await openPage(env, env.server.url);
    await chartReady(page);
    // In debug builds the Rust panic hook raises this event with the panic message; the shell must
    // show it. (Release builds trap instead: the tests above.)
    await page.evaluate(() => window.dispatchEvent(new CustomEvent("ccht-chart:panic", { detail: "The chart stopped because of an internal error: test" })));
    const alert = page.locator("[role=alert]");
    assert.equal(await alert.isVisible(), true);
    assert.match(await alert.textContent(), /internal error: test/);
    await context.close();
  });
});
