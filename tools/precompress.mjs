// Compressed copies of what a reader downloads, written by `make build` beside each file (NAME.br,
// NAME.gz), for hosts that serve them as they are (nginx's brotli_static and gzip_static, Caddy's
// `file_server { precompressed br gzip }`; README.md's "Hosting") and for tools/serve.mjs, which
// sends the same encodings. Brotli at its highest quality takes seconds for the Wasm, which a host
// compressing on the fly would not spend on every response: 64 KB against gzip's 76 KB for the
// lean Wasm (2026-12-07).
import { readdirSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The encodings offered, best first, with the suffix of their precompressed files. */
export const ENCODINGS = [{ name: "br", suffix: ".br" }, { name: "gzip", suffix: ".gz" }];

/** `body` compressed in `encoding` ("br" or "gzip"), at the encoding's highest setting. */
export function compress(body, encoding) {
  if (encoding === "br") {
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return gzipSync(body, { level: 9 });
}

const SHIPPED = /\.(js|css|wasm|json)$/;

/**
 * Writes NAME.br and NAME.gz beside each shipped file directly in `dirs` (not their subfolders: the
 * thousands of small prerendered views under dist/prerender/ are left to the host's own compression).
 * Returns [file, bytes, br, gz] for each.
 */
export function precompress(dirs) {
  const written = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (!SHIPPED.test(name) || !statSync(file).isFile()) continue;
      const body = readFileSync(file);
      const sizes = ENCODINGS.map(({ name: encoding, suffix }) => {
        const packed = compress(body, encoding);
        writeFileSync(file + suffix, packed);
        return packed.length;
      });
      written.push([file, body.length, ...sizes]);
    }
  }
  return written;
}
