// The end-to-end tests' server: the repository root as `make serve` serves it (tools/serve.py,
// with its strict Content-Security-Policy), on a free port.
import { spawn } from "node:child_process";

const root = new URL("../../", import.meta.url).pathname;

/** Starts tools/serve.py on a free port; resolves to { url, stop }. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["tools/serve.py", "--port", "0"], {
      cwd: root, env: { ...process.env, SERVE_QUIET: "1" }, stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) resolve({ url: match[0], stop: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before it listened`)));
  });
}
