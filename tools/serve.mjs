#!/usr/bin/env node
/**
 * The one development server: `make serve`, the end-to-end tests (tests/e2e/server.mjs puts its
 * proxy in front of it) and `make bench` all serve the repository root through `createServer`, so
 * the Content-Security-Policy and the headers below are defined here and nowhere else.
 *
 * Every response: the strict CSP agencies send (pages under tests/e2e/pages/ play an agency page that
 * embeds the viewer, so theirs may also frame it), no caching, `nosniff`, and CORS (agency pages on
 * other hosts import dist/ccht-chart.js and pkg/ as modules). Options:
 * - `compress`: every compressible response in the best encoding the browser accepts, Brotli (quality
 *   11) or gzip (level 9), as a host set up by README.md's "Hosting" sends: the precompressed file
 *   `make build` writes beside it (`NAME.br`, `NAME.gz`, tools/precompress.mjs) where there is a
 *   current one, the same compression made here otherwise (and kept), so both pages the bench
 *   compares are compressed alike; `gzip`: gzip only (what the bench measured before #31);
 * - `isolated`: cross-origin isolation (COOP/COEP), which gives performance.now() 5 µs resolution
 *   instead of 100 µs (the bench);
 * - `variants`: `/v/NAME/…` serves `/…`, except that `/v/NAME/dist/…` comes from `bench/dist-NAME/`
 *   where that has the file, so the unchanged page runs a benchmark build of the Wasm.
 *
 * `node tools/serve.mjs [--port N] [--compress | --gzip]` serves by hand (`make serve`: --compress).
 */
import http from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { compress as encode, ENCODINGS } from "./precompress.mjs";

export const root = fileURLToPath(new URL("../", import.meta.url));

export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors *";
/** The test pages' policy: the same, plus permission to frame the viewer. */
export const CSP_HOST = `${CSP}; frame-src 'self'`;

/** The markers around index.html's one inline script (tools/first-script.mjs writes between them). */
export const FIRST_SCRIPT = { start: "<!-- first-script:start -->", end: "<!-- first-script:end -->" };

/** The code of a page's first script, between its markers, or null where the page has none. */
export function firstScriptOf(html) {
  const a = html.indexOf(`${FIRST_SCRIPT.start}\n<script>`), b = html.indexOf(`</script>\n${FIRST_SCRIPT.end}`);
  return a < 0 || b < a ? null : html.slice(a + FIRST_SCRIPT.start.length + "\n<script>".length, b);
}

/**
 * A page's policy: `policy` with script-src widened by the hash of index.html's one inline script,
 * between its `first-script` markers (tools/first-script.mjs), where the page has it; no other
 * inline script is allowed anywhere, as no host's policy (dist/csp.txt) would allow it.
 */
export function policyFor(policy, html) {
  const own = firstScriptOf(html);
  if (own === null) return policy;
  const hash = createHash("sha256").update(own, "utf8").digest("base64");
  return policy.replace(/script-src ([^;]*)/, (_, list) => `script-src ${list} 'sha256-${hash}'`);
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json",
  ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".map": "application/json", ".md": "text/markdown; charset=utf-8", ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8", ".woff2": "font/woff2", ".ico": "image/x-icon", ".zip": "application/zip",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".csv", ".svg", ".map", ".md", ".txt"]);

/** Where a URL path lives on disk, or null if outside the repository. */
function onDisk(urlPath, variants) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  let base = root;
  const variant = variants && path.match(/^\/v\/([a-z0-9-]+)(\/.*)$/);
  if (variant) {
    path = variant[2];
    const own = join(root, "bench", `dist-${variant[1]}`);
    if (path.startsWith("/dist/") && existsSync(join(own, path.slice("/dist".length)))) {
      base = own;
      path = path.slice("/dist".length);
    }
  }
  const full = normalize(join(base, path));
  return full === normalize(root).replace(/[\\/]$/, "") || full.startsWith(normalize(root)) ? full : null;
}

/** The request handler: `(req, res) => void`. */
export function createHandler({ compress = false, gzip = false, isolated = false, variants = false } = {}) {
  const cache = new Map(); // `${encoding} ${file}` → { mtime, body }: compressed here, once
  const offered = compress ? ENCODINGS : gzip ? ENCODINGS.filter((e) => e.name === "gzip") : [];
  return (req, res) => {
    const path = req.url.split("?")[0];
    const policy = path.startsWith("/tests/e2e/pages/") ? CSP_HOST : CSP;
    const common = {
      "Content-Security-Policy": policy,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Access-Control-Allow-Origin": "*",
      ...(isolated && {
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
        "Cross-Origin-Resource-Policy": "same-origin",
      }),
    };
    let file = onDisk(req.url, variants);
    let stat = file && statOf(file);
    if (stat?.isDirectory()) {
      // As static hosts do: a folder's address ends in "/", and serves its index.html.
      if (!path.endsWith("/")) {
        res.writeHead(301, { ...common, Location: `${path}/${req.url.slice(path.length)}` });
        return res.end();
      }
      file = join(file, "index.html");
      stat = statOf(file);
    }
    if (!stat?.isFile() || !["GET", "HEAD"].includes(req.method)) {
      const status = stat?.isFile() ? 405 : 404;
      res.writeHead(status, { ...common, "Content-Type": "text/plain; charset=utf-8" });
      return res.end(status === 404 ? `not found: ${path}\n` : "method not allowed\n");
    }
    const type = extname(file);
    let body = readFileSync(file);
    const headers = { ...common, "Content-Type": TYPES[type] || "application/octet-stream" };
    if (type === ".html") headers["Content-Security-Policy"] = policyFor(policy, body.toString("utf8"));
    if (offered.length && COMPRESSIBLE.has(type)) {
      headers.Vary = "Accept-Encoding";
      // The encodings the browser takes (names in any case; one marked q=0 is refused).
      const accepted = (req.headers["accept-encoding"] || "").split(",").map((e) => e.trim().toLowerCase().split(/\s*;\s*/))
        .filter(([, q]) => !/^q=0(\.0*)?$/.test(q ?? "")).map(([name]) => name);
      const encoding = offered.find((e) => accepted.includes(e.name));
      if (encoding) {
        const key = `${encoding.name} ${file}`;
        const made = statOf(file + encoding.suffix);
        let entry = cache.get(key);
        if (made?.isFile() && made.mtimeMs >= stat.mtimeMs) entry = { body: readFileSync(file + encoding.suffix) };
        else if (!entry || entry.mtime !== stat.mtimeMs) cache.set(key, (entry = { mtime: stat.mtimeMs, body: encode(body, encoding.name) }));
        body = entry.body;
        headers["Content-Encoding"] = encoding.name;
      }
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

function statOf(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Listens on 127.0.0.1 (port 0: a free one); resolves to { url, port, close }. */
export function listen(options = {}, port = 0) {
  const server = http.createServer(createHandler(options));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--port");
  const port = at >= 0 ? Number(args[at + 1]) : Number(process.env.PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port wants a number from 0 to 65535, not ${JSON.stringify(args[at + 1])}`);
    process.exit(2);
  }
  try {
    const { url } = await listen({ compress: args.includes("--compress"), gzip: args.includes("--gzip") }, port);
    console.log(`Serving the viewer at ${url}  (studio: ${url}studio.html; Ctrl-C stops)`);
  } catch (error) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}` +
      (error.code === "EADDRINUSE" ? ` (another server has it; try  make serve PORT=${port + 1})` : ""));
    process.exit(1);
  }
}
