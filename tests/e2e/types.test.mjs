// The TypeScript declarations wasm-pack writes into pkg/ describe the real options and results:
// a small consumer (tests/types/consumer.ts) type-checks against them, and its deliberate
// mistakes must be caught.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const root = new URL("../../", import.meta.url);

test("a TypeScript consumer type-checks against pkg/ccht_chart.d.ts", () => {
  const tsc = new URL("node_modules/typescript/bin/tsc", root).pathname;
  const project = new URL("tests/types/tsconfig.json", root).pathname;
  try {
    execFileSync(process.execPath, [tsc, "--project", project], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc --noEmit failed:\n${e.stdout}${e.stderr}`);
  }
});
