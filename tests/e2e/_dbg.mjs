import { startServer, launchBrowser, openPage, chartReady } from "./harness.mjs";
const server = await startServer();
const browser = await launchBrowser();
const { page, problems } = await openPage(browser, server.url);
await chartReady(page);
console.log(await page.locator("#alert").textContent(), problems);
await browser.close(); server.stop();
