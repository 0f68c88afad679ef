// Screenshots of the served viewer for the README and for looking at changes:
//   node tools/screenshot.mjs [query] [out.png] [width] [height] [scale] [light|dark] [page|screen]
// ("screen": only what the first screen shows, as a phone reader sees it before scrolling; "first":
// that screen before the Wasm has arrived, the prerendered chart, with the Wasm held back)
import { startServer, launchBrowser, openPage, chartReady } from "../tests/e2e/harness.mjs";

const [query = "", out = "docs/screenshot.png", width = "1000", height = "900", scale = "1", colorScheme = "light", extent = "page"] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, problems } = await openPage(browser, null, {
    viewport: { width: Number(width), height: Number(height) }, deviceScaleFactor: Number(scale), colorScheme,
  });
  if (extent === "first") await page.route("**/*.wasm", () => {});
  await page.goto(server.url + query);
  if (extent === "first") await page.waitForFunction(() => document.querySelector(".first-image")?.complete && !document.documentElement.classList.contains("first-pending"));
  else await chartReady(page);
  await page.screenshot({ path: out, fullPage: extent === "page" });
  console.log(`${out}${problems.length ? `; problems: ${problems.join("; ")}` : ""}`);
} finally {
  await browser.close();
  server.stop();
}
