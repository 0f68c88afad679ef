// The TypeScript declarations wasm-pack writes into pkg/ describe the real options and results:
// a small consumer (tests/types/consumer.ts) type-checks against them, and its deliberate
// mistakes must be caught.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const root = new URL("../../", import.meta.url);

const tsc = new URL("node_modules/typescript/bin/tsc", root).pathname;

for (const [name, project] of [
  ["a TypeScript consumer type-checks against pkg/ccht_chart.d.ts", "tests/types/tsconfig.json"],
  // make lint does the same when pkg/ and pkg-studio/ are built; here they always are.
  ["the shell (www/, // @ts-check) type-checks against the declarations of the builds it loads", "www/tsconfig.json"],
]) {
  test(name, () => {
    try {
      execFileSync(process.execPath, [tsc, "--project", new URL(project, root).pathname], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      assert.fail(`tsc --project ${project} failed:\n${e.stdout}${e.stderr}`);
    }
  });
}
