/**
 * The benchmark's static server: the repository root with the same strict CSP as tools/serve.py
 * (read from that file, so the two cannot drift), gzip (level 9) for every compressible response, so
 * that "bytes transferred" is what a gzipping host sends, and cross-origin isolation headers
 * (COOP/COEP), which give performance.now() 5 µs resolution instead of 100 µs.
 *
 * `/v/NAME/…` serves the same files as `/…` except that `/v/NAME/dist/…` comes from `bench/dist-NAME/`
 * (tools/bundle.mjs over `bench/pkg-NAME/`) where that has the file: the unchanged page (index.html →
 * dist/app.js) then runs a benchmark build of the Wasm, such as the DOM-span text measurement, with
 * the shipped dist/prerender/.
 */
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const root = fileURLToPath(new URL("../", import.meta.url));

export function csp() {
  const py = readFileSync(join(root, "tools", "serve.py"), "utf8");
  const match = py.match(/CSP = \(([\s\S]*?)\)\n/);
  if (!match) throw new Error("tools/serve.py: no CSP = (...) found");
  return [...match[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("");
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".map": "application/json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".csv", ".svg", ".map"]);

/** Where a URL path lives on disk, or null if outside the repository. */
function resolvePath(urlPath) {
  let path = decodeURIComponent(urlPath.split("?")[0]);
  const variant = path.match(/^\/v\/([a-z0-9-]+)(\/.*)$/);
  let base = root;
  if (variant) {
    path = variant[2];
    const own = join(root, "bench", `dist-${variant[1]}`);
    if (path.startsWith("/dist/") && existsSync(join(own, path.slice("/dist".length)))) {
      base = own;
      path = path.slice("/dist".length);
    }
  }
  if (path.endsWith("/")) path += "index.html";
  const full = normalize(join(base, path));
  return full.startsWith(normalize(root)) ? full : null;
}

/** Starts the server on 127.0.0.1 and a free port; resolves to { url, close, served }. */
export function startBenchServer() {
  const policy = csp();
  const cache = new Map(); // path → { mtime, raw, gz }
  const served = []; // { path, bytes, gzip } of each response, for cross-checking
  const server = createServer((req, res) => {
    const file = resolvePath(req.url);
    let stat;
    try {
      stat = file && statSync(file);
    } catch {}
    if (!stat || !stat.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain", "Content-Security-Policy": policy });
      res.end("not found");
      return;
    }
    let entry = cache.get(file);
    if (!entry || entry.mtime !== stat.mtimeMs) {
      const raw = readFileSync(file);
      entry = { mtime: stat.mtimeMs, raw, gz: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw, { level: 9 }) : null };
      cache.set(file, entry);
    }
    const gzip = entry.gz && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const body = gzip ? entry.gz : entry.raw;
    const headers = {
      "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      "Content-Length": body.length,
      "Content-Security-Policy": policy,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
    };
    if (gzip) headers["Content-Encoding"] = "gzip";
    if (entry.gz) headers["Vary"] = "Accept-Encoding";
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    served.push({ path: req.url, bytes: body.length, gzip: Boolean(gzip) });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ url, served, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
    });
  });
}

// `node bench/serve.mjs`: serve for a look by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startBenchServer();
  console.log(`benchmark server at ${url} (peer page: ${url}bench/peer/, growth: ${url}bench/growth/?scale=10)`);
}
