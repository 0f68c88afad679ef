// tools/short-imports.mjs, on the real build: the renamed Wasm is valid and imports exactly the
// names the renamed glue provides; a glue that lacks a name is refused, not shipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { shortenImports } from "../../tools/short-imports.mjs";

const root = new URL("../../", import.meta.url);
const wasm = readFileSync(new URL("pkg-lean/ccht_chart_bg.wasm", root));
const glue = readFileSync(new URL("pkg-lean/ccht_chart.js", root), "utf8");

test("short import names: a valid module whose every import the glue provides", async () => {
  const out = shortenImports(wasm, glue);
  assert.ok(WebAssembly.validate(out.wasm));
  assert.ok(out.wasm.length < wasm.length && out.glue.length < glue.length);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).filter((i) => i.module === "./ccht_chart_bg.js");
  assert.ok(imports.length > 40);
  // The glue's import object, one `name: function` per line as wasm-bindgen writes it.
  const provided = [...out.glue.matchAll(/^ {8}(\w+): function/gm)].map((m) => m[1]);
  assert.deepEqual(provided.sort(), imports.map((i) => i.name).sort());
  for (const { name } of imports) assert.ok(name.length <= 2, name);
  // The exports are untouched.
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)), WebAssembly.Module.exports(new WebAssembly.Module(wasm)));
  assert.doesNotMatch(out.glue, /__wbg_\w+_[0-9a-f]{16}/);
});

test("short import names: a glue without one of the Wasm's imports is refused", () => {
  const name = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).find((i) => i.name.startsWith("__wbg_fillRect")).name;
  assert.throws(() => shortenImports(wasm, glue.replace(name, "__wbg_gone")), new RegExp(`${name} is in the glue 0 times`));
});

test("short import names: a section larger than any argument list is copied whole", () => {
  // A 300 KB custom section after the module's own: spreading it into a call would throw.
  const payload = new Uint8Array(300_000).fill(7);
  const name = new TextEncoder().encode("big");
  const size = 1 + name.length + payload.length;
  const leb = [];
  for (let v = size; ; ) { const b = v & 0x7f; v >>>= 7; leb.push(v ? b | 0x80 : b); if (!v) break; }
  const big = Buffer.concat([wasm, Uint8Array.from([0, ...leb, name.length]), name, payload]);
  const out = shortenImports(big, glue);
  assert.ok(WebAssembly.validate(out.wasm));
  const custom = WebAssembly.Module.customSections(new WebAssembly.Module(out.wasm), "big");
  assert.equal(custom.length, 1);
  assert.deepEqual(new Uint8Array(custom[0]), payload);
});

test("short import names: a truncated module is refused", () => {
  assert.throws(() => shortenImports(wasm.subarray(0, 9), glue), /ends inside a number|not a Wasm/);
});
