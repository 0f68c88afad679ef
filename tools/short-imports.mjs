// Gives the Wasm's imports from its JS glue one- or two-letter names, in the Wasm and in the glue
// alike. wasm-bindgen names each `__wbg_fillRect_e1f0b9915220348b`: a hash that gzip cannot
// shrink, written once in the Wasm and once in the glue, about 2 KB gzipped in all. Used by
// tools/bundle.mjs for dist/; pkg/ keeps wasm-bindgen's names.

const GLUE_MODULE = "./ccht_chart_bg.js";

/** Unsigned LEB128 at `at`: [value, next offset]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error("short-imports: the Wasm ends inside a number");
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder("utf-8", { fatal: true });

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

const nameBytes = (name) => {
  const b = utf8.encode(name);
  return [...leb(b.length), ...b];
};

/** The offset just past an import's description (after its kind byte). */
function skipImportDescription(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

/** a … z, A … Z, then aa, ab …: object keys in the glue, where even `do` or `in` is allowed. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

/**
 * Renames the glue's imports in `wasm` (bytes) and `glue` (the JS text): returns both, renamed.
 * Throws if an import's name is not found exactly once in the glue, rather than ship a mismatch.
 */
export function shortenImports(wasm, glue) {
  if (text.decode(wasm.subarray(0, 4)) !== "\0asm") throw new Error("short-imports: not a Wasm module");
  // Pieces of the new module, joined at the end (spreading a large section into an array's
  // arguments would pass the engine's limit on arguments).
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  let renamed = glue;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    const [count, first] = readLeb(wasm, start);
    const body = [...leb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = readName(wasm, p);
      [field, p] = readName(wasm, p);
      const kind = wasm[p];
      const next = skipImportDescription(wasm, kind, p + 1);
      let name = field;
      if (module === GLUE_MODULE) {
        name = shortName(i);
        const pattern = new RegExp(`(?<![\\w$])${field.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
        const found = renamed.match(pattern)?.length ?? 0;
        if (found !== 1) throw new Error(`short-imports: ${field} is in the glue ${found} times, not once`);
        renamed = renamed.replace(pattern, name);
      }
      body.push(...nameBytes(module), ...nameBytes(name), ...wasm.subarray(p, next));
      p = next;
    }
    if (p !== end) throw new Error("short-imports: the import section did not parse to its end");
    out.push(Uint8Array.from([2, ...leb(body.length), ...body]));
    at = end;
  }
  return { wasm: Buffer.concat(out), glue: renamed };
}
