// The end-to-end tests' server: the repository root as `make serve` serves it (tools/serve.mjs, with
// its strict Content-Security-Policy), on a free port, behind a small proxy in this process.
// The proxy gives every engine what Playwright gave Chromium alone: it sees each request, lets a
// test fail or hold one (`route`), and adds one same-origin script to each page it serves
// (pages/e2e-page.js, allowed by the strict CSP) that collects console errors and CSP violations,
// keeps downloads for the test to read, and runs the test's own init scripts.
import { readFileSync } from "node:fs";
import http from "node:http";
import { listen } from "../../tools/serve.mjs";

const PAGE_SCRIPT = "/__e2e/page.js";
const pageScript = readFileSync(new URL("./pages/e2e-page.js", import.meta.url), "utf8");

/** Playwright's URL globs: `**` any characters, `*` any but `/`. */
function globToRegExp(glob) {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*")}$`);
}

/**
 * Starts the server; resolves to { url, stop, route, unroute, stallPages, reset, onRequest,
 * onResponse, headersFor, failedLoads, initScripts }.
 * `route(glob, handler)` calls `handler(route)` for each matching request, with Playwright's
 * `route.fulfill({ status, body, contentType })`, `route.abort()` and `route.continue()`.
 */
export async function startServer() {
  const upstream = await listen();
  const routes = [];
  const requestListeners = new Set();
  const responseListeners = new Set();
  const initScripts = [];
  const headers = new Map();
  const failedLoads = [];
  let stall = null;

  const forward = (req, res, url) => {
    const proxied = http.request({ host: "127.0.0.1", port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      // Passed through untouched: anything but a page's body (HEAD, 204, 304) and any non-HTML.
      const html = /^text\/html/.test(up.headers["content-type"] || "") && req.method !== "HEAD" && up.statusCode === 200;
      headers.set(url, up.headers);
      if (up.statusCode >= 400) failedLoads.push(`${up.statusCode} ${req.url}`);
      res.on("finish", () => { for (const listener of responseListeners) listener(url); });
      if (!html) {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
        return;
      }
      const chunks = [];
      up.on("data", (c) => chunks.push(c));
      up.on("end", () => {
        const page = Buffer.concat(chunks).toString("utf8").replace(/<head>/i, `<head><script src="${PAGE_SCRIPT}"></script>`);
        const headers = { ...up.headers, "content-length": Buffer.byteLength(page) };
        res.writeHead(up.statusCode, headers);
        const at = stall ? page.indexOf(stall.before) : -1;
        if (at < 0) return res.end(page);
        // As a slow network delivers it: the page up to the marker now, the rest after a pause.
        res.write(page.slice(0, at));
        setTimeout(() => res.end(page.slice(at)), stall.ms);
      });
    });
    proxied.on("error", (error) => {
      failedLoads.push(`${error.code ?? error.message} ${req.url}`);
      res.destroy();
    });
    req.pipe(proxied);
  };

  const server = http.createServer(async (req, res) => {
    const url = `http://127.0.0.1:${server.address().port}${req.url}`;
    for (const listener of requestListeners) listener(url, req.method);
    if (req.url.split("?")[0] === PAGE_SCRIPT) {
      const body = `${pageScript}\n${initScripts.map(({ fn, arg }) => `(${fn})(${JSON.stringify(arg)});`).join("\n")}\n`;
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
      res.end(body);
      return;
    }
    // The route added last is asked first, as in Playwright.
    const matched = routes.findLast((r) => r.pattern.test(url));
    if (!matched) return forward(req, res, url);
    let handled = false;
    const once = (act) => (...args) => {
      if (handled) throw new Error(`route ${matched.glob}: ${url} was already handled`);
      handled = true;
      act(...args);
    };
    const route = {
      request: () => ({ url: () => url }),
      fulfill: once(({ status = 200, body = "", contentType = "text/plain" } = {}) => {
        res.writeHead(status, { "content-type": contentType, "access-control-allow-origin": "*" });
        res.end(body);
      }),
      abort: once(() => res.destroy()),
      continue: once(() => forward(req, res, url)),
    };
    try {
      await matched.handler(route);
    } catch (error) {
      failedLoads.push(`route ${matched.glob} threw for ${req.url}: ${error.message}`);
      if (!handled) res.destroy();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    route: (glob, handler) => { routes.push({ glob, pattern: globToRegExp(glob), handler }); },
    unroute: (glob) => { for (let i = routes.length - 1; i >= 0; i--) if (routes[i].glob === glob) routes.splice(i, 1); },
    /** Calls `listener(url, method)` for each request from now on; returns a function that stops it. */
    onRequest: (listener) => { requestListeners.add(listener); return () => requestListeners.delete(listener); },
    /** Calls `listener(url)` as each response from now on ends; returns a function that stops it. */
    onResponse: (listener) => { responseListeners.add(listener); return () => responseListeners.delete(listener); },
    /** Pages from now on arrive in two parts: up to the text `before`, then the rest `ms` later. */
    stallPages: (before, ms) => { stall = { before, ms }; },
    /** What a new page starts from: no routes, no init scripts, no request or response listeners, no stall. */
    reset: () => {
      stall = null;
      routes.length = 0;
      initScripts.length = 0;
      requestListeners.clear();
      responseListeners.clear();
    },
    /** Every response with an error status, and every request that could not be answered, in order. */
    failedLoads,
    /** The headers of the last response to `url`. */
    headersFor: (url) => headers.get(url),
    /** Functions (with one JSON argument) run at the start of each page served from now on. */
    initScripts,
    stop: () => { server.closeAllConnections?.(); server.close(); upstream.close(); },
  };
}
