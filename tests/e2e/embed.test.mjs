// Agency embedding: the strict CSP, permalinks, the three embed snippets, and the downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady, countDrawnFigures, openShare } from "./page.mjs";
import { readCsvText, records, spoken, kindOf } from "./expected.mjs";
import { CSP, firstScriptOf, policyFor } from "../../tools/serve.mjs";

const root = new URL("../../", import.meta.url);

// Counts Wasm instantiations in a document, to prove several charts share one instance.
const countInstances = () => {
  window.__wasmInstances = 0;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__wasmInstances++;
      return original.apply(this, args);
    };
  }
};

test("plotters' DOM font code is not in the shipped Wasm: its glue imports no element creation or layout reads", () => {
  // plotters' wasm text measurement creates a <span>, sets its style and reads its bounding box;
  // our canvas wrapper measures with measureText instead, so none of these reach the glue.
  for (const file of ["pkg-lean/ccht_chart.js", "pkg/ccht_chart.js"]) {
    const glue = readFileSync(new URL(file, root), "utf8");
    assert.doesNotMatch(glue, /createElement|getBoundingClientRect|appendChild/, file);
  }
});

test("no inline script (but index.html's one, allowed by its hash), inline style attribute, eval or new Function anywhere we ship", () => {
  // Our pages, and the agency pages the tests play (as an agency would paste our snippets).
  const pages = [
    ...readdirSync(new URL(".", root)).filter((f) => f.endsWith(".html")),
    ...readdirSync(new URL("tests/e2e/pages/", root)).filter((f) => f.endsWith(".html")).map((f) => `tests/e2e/pages/${f}`),
  ];
  assert.ok(pages.includes("index.html") && pages.includes("studio.html") && pages.includes("tests/e2e/pages/host.html"));
  const html = pages.map((f) => [f, readFileSync(new URL(f, root), "utf8")]);
  for (const [file, text] of html) {
    // index.html's first script (tools/first-script.mjs), whose hash alone the page's policy allows:
    // a host page's policy allows no inline script, and needs none.
    const code = file === "index.html" ? firstScriptOf(text) : null;
    const own = code === null ? null : `<script>${code}</script>`;
    if (file === "index.html") {
      assert.ok(own, "index.html carries its first script between its markers");
      const policy = readFileSync(new URL("dist/csp.txt", root), "utf8").trim();
      assert.equal(policy, policyFor(CSP, text), "dist/csp.txt is the page's policy");
      const hash = createHash("sha256").update(code).digest("base64");
      assert.match(policy, new RegExp(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, "\\$&")}';`));
    }
    for (const tag of (own ? text.replace(own, "") : text).match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\bsrc=/, `${file}: inline ${tag}`);
    assert.doesNotMatch(text, /\sstyle\s*=/, `${file}: inline style attribute`);
    assert.doesNotMatch(text, /\son[a-z]+\s*=/, `${file}: inline event handler`);
  }
  const scripts = [
    ...readdirSync(new URL("dist/", root)).filter((f) => f.endsWith(".js")).map((f) => `dist/${f}`),
    ...readdirSync(new URL("www/", root)).filter((f) => f.endsWith(".js")).map((f) => `www/${f}`),
    ...readdirSync(new URL("pkg/", root)).filter((f) => f.endsWith(".js")).map((f) => `pkg/${f}`),
  ];
  assert.ok(scripts.includes("pkg/ccht_chart.js") && scripts.includes("dist/app.js") && scripts.includes("dist/ccht-chart.js"));
  for (const file of scripts) {
    const text = readFileSync(new URL(file, root), "utf8");
    assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(/, file);
  }
});

inEachEngine("embed", (env) => {
  test("the page is served with the strict CSP and draws without a violation", async () => {
    const { page, context } = await openPage(env, null);
    const response = await page.goto(env.server.url);
    // The policy for hosts (dist/csp.txt): no inline script but the page's own first one, by its hash.
    assert.equal(response.headers()["content-security-policy"], readFileSync(new URL("dist/csp.txt", root), "utf8").trim());
    assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'self'/);
    const violations = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
      const check = () => document.querySelector("#chart").getAttribute("aria-busy") === "false" ? resolve(seen) : setTimeout(check, 20);
      check();
    }));
    assert.deepEqual(violations, []);
    await page.click("#table-toggle");
    await page.mouse.move(50, 500);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("under the strict CSP, every view, hover, keyboard, downloads and Spanish draw without a violation", async () => {
    const { page, context } = await openPage(env, null, { acceptDownloads: true, viewport: { width: 900, height: 900 } });
    // Recorded in the page from its first script on, so a violation in any path below is caught.
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(env.server.url);
    await chartReady(page);
    const visit = async () => {
      await chartReady(page);
      // Some choices have no published figure: the chart then says so, in text, with no bar.
      assert.ok(await page.locator("#chart-canvas").evaluate((c) => c.width > 0 && c.height > 0), await page.url());
      await page.locator("#chart-canvas").evaluate((c) => c.scrollIntoView());
      const box = await page.locator("#chart-canvas").boundingBox();
      const points = [];
      for (let y = box.y + 40; y < box.y + Math.min(box.height, 500); y += 25) points.push({ x: box.x + 30, y });
      await page.mouse.path(points);
      await page.focus("#chart-canvas");
      await page.keyboard.pressEach(["Home", "ArrowDown", "ArrowRight", "PageDown", "PageUp", "End", "Enter", "Escape"]);
    };
    for (const view of await page.locator("#view option").evaluateAll((options) => options.map((o) => o.value))) {
      await page.selectOption("#view", view);
      await visit();
      for (const name of ["component", "metric", "fy"]) {
        if (await page.locator(`#${name}`).isDisabled()) continue;
        for (const value of (await page.locator(`#${name} option`).evaluateAll((o) => o.map((x) => x.value))).slice(0, 3)) {
          await page.selectOption(`#${name}`, value);
          await visit();
        }
      }
    }
    await page.goto(`${env.server.url}?view=pipeline`);
    await visit();
    assert.ok((await countDrawnFigures(page)) > 0);
    await openShare(page);
    for (const button of ["#download-csv", "#download-svg", "#download-png"]) {
      await Promise.all([page.waitForEvent("download"), page.click(button)]);
    }
    await page.selectOption("#lang", "es");
    await page.waitForFunction(() => document.documentElement.lang === "es");
    await visit();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("deep links open their views; back and forward restore them", async () => {
    const { page, context } = await openPage(env, `${env.server.url}?view=metric&metric=people-reached`);
    await chartReady(page);
    assert.equal(await page.locator("#view").inputValue(), "metric");
    assert.match(await page.locator("#chart-canvas").getAttribute("aria-label"), /People trained or reached across DHS components/);
    assert.equal(await countDrawnFigures(page), 3);

    await page.selectOption("select[name=metric]", "arrests");
    await page.waitForURL(/[?&]metric=arrests/);
    await page.selectOption("#view", "pipeline");
    await page.waitForURL(/view=pipeline/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("Arrests across"));
    assert.equal(await page.locator("select[name=metric]").inputValue(), "arrests");
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("People trained or reached"));
    await page.goForward();
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("Arrests across"));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a hostile parameter stays inert text and a polite notice names it", async () => {
    const { page, context } = await openPage(env, null);
    const hostile = "<img src=x onerror=alert(1)>";
    await page.goto(`${env.server.url}?component=${encodeURIComponent(hostile)}&metric=arrests&colour=red`);
    await chartReady(page);
    const notice = page.locator("#notice");
    assert.equal(await notice.isVisible(), true);
    assert.equal(await notice.getAttribute("role"), "status");
    const text = await notice.textContent();
    assert.ok(text.includes(`component: unknown component "${hostile}"`), text);
    assert.ok(text.includes("colour: unknown parameter"), text);
    assert.equal(await page.locator("#notice img, body img:not(.first-image)").count(), 0);
    assert.equal(await page.evaluate(() => window.__e2e.dialogs), 0);
    // The default component is shown, and the address no longer carries the bad parameters.
    assert.match(await page.locator("#chart-canvas").getAttribute("aria-label"), /DHS-wide/);
    assert.doesNotMatch(await page.url(), /onerror|colour/);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("an agency page embeds an iframe and three custom elements: all draw, with one Wasm instance", async () => {
    const { page, context } = await openPage(env, null, { viewport: { width: 900, height: 900 } });
    await page.addInitScript(countInstances);
    await page.goto(`${env.server.url}tests/e2e/pages/host.html`);
    for (const id of ["a", "b", "c"]) {
      await page.waitForFunction((id) => document.querySelector(`#${id} figure`)?.getAttribute("aria-busy") === "false", id);
    }
    assert.equal(await page.evaluate(() => window.__wasmInstances), 1);
    assert.match(await page.locator("#a canvas").getAttribute("aria-label"), /Homeland Security Investigations.*2,545/);
    assert.match(await page.locator("#b canvas").getAttribute("aria-label"), /People trained or reached/);
    assert.match(await page.locator("#c canvas").getAttribute("aria-label"), /From investigation to conviction/);
    // Each element's canvas has bars in it.
    for (const id of ["a", "b", "c"]) {
      const barPixels = await page.locator(`#${id} canvas`).evaluate((c) => {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] === 0 && d[i + 1] === 0x5e && d[i + 2] === 0xa2) n++;
        return n;
      });
      assert.ok(barPixels > 500, `${id}: ${barPixels} bar pixels`);
    }
    // Attributes change the view live.
    await page.locator("#a").evaluate((e) => e.setAttribute("component", "usss"));
    await page.waitForFunction(() => document.querySelector("#a canvas").getAttribute("aria-label").includes("U.S. Secret Service"));
    // Spanish is in the complete build: that element moves onto it (a second instance), in the same
    // view; the others stay on the lean one, in English.
    await page.locator("#a").evaluate((e) => e.setAttribute("lang", "es"));
    await page.waitForFunction(() => document.querySelector("#a canvas").getAttribute("aria-label").startsWith("Gráfico. Servicio Secreto (USSS)"));
    assert.equal(await page.evaluate(() => window.__wasmInstances), 2);
    assert.match(await page.locator("#b canvas").getAttribute("aria-label"), /^Chart\. People trained or reached/);
    await page.locator("#a").evaluate((e) => e.setAttribute("component", "hsi"));
    await page.waitForFunction(() => document.querySelector("#a canvas").getAttribute("aria-label").includes("Investigaciones de Seguridad Nacional (HSI)"));
    // The iframe shows the embed view and sizes itself through embed-host.js.
    const frame = page.frameLocator("iframe[data-ccht-chart]");
    await frame.locator("#chart[aria-busy=false]").waitFor();
    assert.equal(await frame.locator("h1").isVisible(), false);
    assert.equal(await frame.locator("#full-link").isVisible(), true);
    assert.match(await frame.locator("#full-link").getAttribute("href"), /component=hsi&metric=arrests$/);
    assert.match(await frame.locator("#chart-canvas").getAttribute("aria-label"), /Homeland Security Investigations/);
    await page.waitForFunction(() => parseInt(document.querySelector("iframe").style.height, 10) > 400);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("the README's ES module snippet draws", async () => {
    const { page, context } = await openPage(env, `${env.server.url}tests/e2e/pages/module.html`);
    await page.waitForFunction(() => document.body.dataset.drawn === "yes");
    assert.match(await page.locator("#ccht").getAttribute("aria-label"), /Arrests across DHS components/);
    const declarations = readFileSync(new URL("pkg/ccht_chart.d.ts", root), "utf8");
    assert.match(declarations, /export class Viewer/);
    // The options and results are typed with their real shapes (tests/types/consumer.ts type-checks against them).
    assert.match(declarations, /setView\(options: ViewOptions\): void;/);
    assert.match(declarations, /bars\(\): Bar\[\];/);
    assert.doesNotMatch(declarations, /\): any;/);
    // The release builds (Debug formatting compiled out) still say what each bad option was.
    const messages = await page.evaluate(async () => {
      // Initialised here too: Firefox gives a WebDriver script's import its own module instance.
      const { default: init, Viewer } = await import("/pkg/ccht_chart.js");
      await init();
      const viewer = new Viewer(document.getElementById("ccht"), {});
      const bad = [{ view: {} }, { fy: [2024] }, { fy: true }, { metric: 7 }, { component: () => 1 }, { colour: "red" }, { fy: 2024.5 }];
      return bad.map((options) => {
        try {
          viewer.setView(options);
          return "accepted";
        } catch (error) {
          return `${error.constructor.name}: ${error.message}`;
        }
      });
    });
    assert.deepEqual(messages, [
      "TypeError: view: expected a string; got an object",
      'TypeError: fy: expected a fiscal year such as "2024" or 2024; got an array',
      'TypeError: fy: invalid type: boolean `true`, expected a fiscal year such as "2024" or 2024',
      "TypeError: metric: invalid type: floating point `7.0`, expected a string",
      "TypeError: component: expected a string; got a function",
      "TypeError: colour: unknown option; the options are lang, view, fy, component, metric, scale",
      'TypeError: fy: invalid value: floating point `2024.5`, expected a fiscal year such as "2024" or 2024',
    ]);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("downloads: CSV of the view's records, PNG at twice the size, SVG with the bars and labels", async () => {
    const { page, context } = await openPage(env, undefined, { acceptDownloads: true, viewport: { width: 800, height: 900 } });
    const requested = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}?view=metric&metric=people-reached`);
    await chartReady(page);
    // The first view loads the lean Wasm; the downloads' build comes with the first download.
    assert.ok(requested.includes("/dist/ccht_chart_bg.wasm"), requested.join(" "));
    assert.equal(requested.filter((p) => p.startsWith("/dist/complete/")).length, 0);
    await openShare(page);
    const fetchDownload = async (button) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };

    const csv = await fetchDownload("#download-csv");
    assert.equal(csv.name, "ccht-fy2024-metric-people-reached.csv");
    const rows = readCsvText(csv.bytes.toString("utf8"));
    const expected = records.filter((r) => kindOf(r.metric) === "reach");
    assert.equal(rows.length, expected.length);
    for (const r of expected) {
      const row = rows.find((x) => x.value === r.value);
      assert.ok(row, `${r.metric} missing from the CSV`);
      assert.equal(row.qualifier, r.qualifier);
      assert.equal(row.fiscal_year, r.fiscal_year);
      assert.equal(row.unit, "count");
      assert.equal(row.source_sentence, r.source_sentence);
    }

    const css = await page.locator("#chart-canvas").evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
    const png = await fetchDownload("#download-png");
    const svg = (await fetchDownload("#download-svg")).bytes.toString("utf8");
    assert.match(svg, /^<svg /);
    // A file has no page around it: it draws the title, subtitle and source the page shows as text,
    // so it is as wide as the canvas and taller. The PNG is the SVG's drawing at twice the size.
    const drawn = { width: Number(svg.match(/^<svg[^>]* width="(\d+)"/)[1]), height: Number(svg.match(/^<svg[^>]* height="(\d+)"/)[1]) };
    assert.equal(drawn.width, css.width);
    assert.ok(drawn.height > css.height + 40, `the SVG is ${drawn.height} px tall, the canvas ${css.height} px`);
    assert.equal(png.bytes.subarray(1, 4).toString("latin1"), "PNG");
    assert.equal(png.bytes.readUInt32BE(16), drawn.width * 2);
    assert.equal(png.bytes.readUInt32BE(20), drawn.height * 2);
    assert.match(svg, /Source: U\.S\. Department of Homeland Security/);
    // One solid rectangle per bar, and the key's swatch where a lower bound is drawn.
    const keySwatch = expected.some((r) => r.qualifier === "at-least") ? 1 : 0;
    assert.equal(svg.match(/opacity="1" fill="#005EA2"/g).length, expected.length + keySwatch);
    for (const r of expected) assert.ok(svg.includes(`${Number(r.value).toLocaleString("en-US")}+`), r.metric);
    assert.match(svg, /People trained or reached across DHS components/);
    // The file names its chart and says what it shows, first in it: what a screen reader reads for
    // the image, wherever the file goes. The same words as the page's heading and the canvas's name.
    const xml = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    const [, title, desc] = svg.match(/^<svg[^>]*>\n<title>([^<]*)<\/title>\n<desc>([^<]*)<\/desc>\n/) ?? [];
    const heading = [await page.locator("#chart-heading").textContent(), await page.locator("#chart-subtitle").textContent()].map((t) => t.trim()).filter(Boolean).join(", ");
    assert.equal(xml(title ?? ""), heading);
    assert.equal(xml(desc ?? ""), await page.locator("#chart-canvas").getAttribute("aria-label"));
    assert.match(xml(desc), /more than/, "a lower bound stays one in words");
    assert.deepEqual(requested.filter((p) => p.startsWith("/dist/complete/")).sort(), ["/dist/complete/ccht_chart.js", "/dist/complete/ccht_chart_bg.wasm"]);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("a download whose code cannot be fetched says so, and the next try works", async () => {
    const { page, context } = await openPage(env, undefined, { acceptDownloads: true });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route("**/dist/complete/**", async (route) => { await held; await route.abort(); });
    await page.goto(env.server.url);
    await chartReady(page);
    await openShare(page);
    await page.click("#download-csv");
    // While the code is coming, the page says so; then it says why there is no file.
    assert.equal(await page.locator("#status").textContent(), "Preparing the file…");
    release();
    const alert = page.locator("#alert");
    await alert.waitFor({ state: "visible" });
    assert.match(await alert.textContent(), /^The file could not be made: /);
    await page.unroute("**/dist/complete/**");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    assert.equal(download.suggestedFilename(), "ccht-fy2024-dhs.csv");
    // The chart itself went on working.
    await page.selectOption("select[name=component]", "hsi");
    await page.waitForFunction(() => document.querySelector("#chart-canvas").getAttribute("aria-label").includes("Homeland Security Investigations"));
    assert.deepEqual((await page.problems()).filter((p) => !/^console: The file could not be made: /.test(p)), []);
    await context.close();
  });

  test("without scripts the page is the default view's prerendered image and its figures", async () => {
    const { page, context } = await openPage(env, null, { javaScriptEnabled: false });
    await page.goto(env.server.url);
    const fallback = await page.evaluate(async () => {
      const doc = document.querySelector("#screen").contentDocument;
      const images = doc.querySelectorAll("img.first-image");
      const image = images[0];
      if (image && !image.complete) await new Promise((resolve) => { image.onload = image.onerror = resolve; });
      return {
        images: images.length, loaded: !!image && image.naturalWidth > 0,
        cells: Array.from(doc.querySelectorAll("#data-table td"), (td) => td.textContent),
        // The table is shown, and the controls, which need the Wasm, are not.
        tableWidth: doc.querySelector("#data-table-wrap").getBoundingClientRect().width,
        controls: doc.querySelector("#controls").getBoundingClientRect().height,
      };
    });
    assert.equal(fallback.images, 1);
    assert.equal(fallback.loaded, true);
    assert.ok(fallback.tableWidth > 200 && fallback.controls === 0, JSON.stringify(fallback));
    for (const r of records.filter((r) => r.component === "dhs")) assert.ok(fallback.cells.includes(spoken(r)), spoken(r));
    await context.close();
  });

  test("<ccht-chart lang>: changes while a build loads end in the last language, and a failed load leaves the chart as it was", async () => {
    const { page, context } = await openPage(env, null, { viewport: { width: 900, height: 900 } });
    // The lean build held back: a lang set before the first draw is still honoured.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route("**/dist/ccht_chart_bg.wasm", async (route) => { await held; await route.continue(); });
    await page.goto(`${env.server.url}tests/e2e/pages/host.html`);
    await page.locator("#c").evaluate((e) => e.setAttribute("lang", "es"));
    release();
    const labelOf = (id) => page.locator(`#${id} canvas`).getAttribute("aria-label");
    await page.waitForFunction(() => document.querySelector("#c canvas")?.getAttribute("aria-label")?.startsWith("Gráfico"));
    await page.waitForFunction(() => document.querySelector("#a figure")?.getAttribute("aria-busy") === "false");
    assert.match(await labelOf("a"), /^Chart\./);

    // es then en on #a: the complete build is loaded already (for #c), yet the "es" callback waits
    // for its promise, so the "en" callback runs first; "es" must then give way.
    await page.locator("#a").evaluate((e) => { e.setAttribute("lang", "es"); e.setAttribute("lang", "en"); });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    assert.match(await labelOf("a"), /^Chart\. Homeland Security Investigations/);
    await page.locator("#a").evaluate((e) => e.setAttribute("lang", "es"));
    await page.waitForFunction(() => document.querySelector("#a canvas").getAttribute("aria-label").startsWith("Gráfico. Investigaciones"));
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test("<ccht-chart lang>: if the complete build cannot load, the chart stays, says why, and its lang attribute goes back", async () => {
    const { page, context } = await openPage(env, null, { viewport: { width: 900, height: 900 } });
    await page.route("**/dist/complete/**", (route) => route.abort());
    await page.goto(`${env.server.url}tests/e2e/pages/host.html`);
    await page.waitForFunction(() => document.querySelector("#a figure")?.getAttribute("aria-busy") === "false");
    await page.locator("#a").evaluate((e) => e.setAttribute("lang", "es"));
    const alert = page.locator("#a .ccht-alert");
    await alert.waitFor({ state: "visible" });
    assert.match(await alert.textContent(), /^The chart could not change language/);
    assert.equal(await page.locator("#a").evaluate((e) => e.getAttribute("lang")), null);
    assert.equal(await page.locator("#a canvas").isVisible(), true);
    assert.match(await page.locator("#a canvas").getAttribute("aria-label"), /^Chart\. Homeland Security Investigations/);
    // It still works, and a later try loads Spanish.
    await page.unroute("**/dist/complete/**");
    await page.locator("#a").evaluate((e) => e.setAttribute("lang", "es"));
    await page.waitForFunction(() => document.querySelector("#a canvas").getAttribute("aria-label").startsWith("Gráfico"));
    assert.deepEqual((await page.problems()).filter((p) => !/^console: The chart could not change language/.test(p)), []);
    await context.close();
  });
});
