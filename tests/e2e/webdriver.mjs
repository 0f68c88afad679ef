// The end-to-end tests that run in every engine: Debian's Chromium (chromedriver), Firefox ESR
// (geckodriver) and WebKitGTK (WebKitWebDriver under Xvfb), through one WebDriver client
// (webdriverio, classic protocol, which all three drivers speak). Each test file calls
// `inEachEngine`, which starts the server, the driver and a session before its tests and stops them
// after. `ENGINE=firefox` (or a comma-separated list) narrows a run: `make test-e2e ENGINE=webkit`.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { after, before, describe } from "node:test";
import { remote } from "webdriverio";
import { CHROMIUM_ARGS } from "./harness.mjs";
import { startServer } from "./server.mjs";

// Classic WebDriver on purpose (all three drivers speak it): webdriverio's notices pointing at its
// BiDi-first commands (switchFrame for switchToFrame) would repeat on every frame switch.
process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS ??= "1";

export const ENGINES = (process.env.ENGINE || "chromium,firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);

/**
 * How each engine's driver starts, and what a session asks of it, for a browser set as a reader set
 * theirs: `dark` prefers a dark colour scheme, `scale` is the device pixel ratio, `forcedColors`
 * turns forced colours on (Firefox only: Chromium's needs DevTools emulation, WebKit has none). Each
 * engine has its own switches: Chromium flags, Firefox preferences, the GTK settings WebKitGTK
 * follows.
 */
const DRIVERS = {
  chromium: {
    command: (port) => [process.env.CHROMEDRIVER || "chromedriver", `--port=${port}`],
    capabilities: ({ dark, scale }) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: process.env.CHROMIUM || "/usr/bin/chromium",
        args: [...CHROMIUM_ARGS, ...(dark ? ["--force-dark-mode"] : []), `--force-device-scale-factor=${scale}`],
      },
    }),
  },
  firefox: {
    command: (port) => [process.env.GECKODRIVER || "geckodriver", "--port", String(port)],
    capabilities: ({ dark, scale, forcedColors }) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX || "/usr/bin/firefox-esr", args: ["-headless"],
        prefs: {
          "layout.css.devPixelsPerPx": String(scale),
          ...(dark ? { "layout.css.prefers-color-scheme.content-override": 0 } : {}),
          ...(forcedColors ? { "browser.display.document_color_use": 2 } : {}),
        },
      },
    }),
    forcedColors: true,
  },
  // WebKitGTK has no headless mode: its driver runs MiniBrowser on a virtual X display.
  webkit: {
    command: (port) => ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", "WebKitWebDriver", `--port=${port}`],
    env: ({ dark, scale }) => ({ GDK_SCALE: String(scale), ...(dark ? { GTK_THEME: "Adwaita:dark" } : {}) }),
    capabilities: () => ({}),
  },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts an engine's driver in its own process group; resolves to { port, stop }. */
async function startDriver(engine, options) {
  const port = await freePort();
  const [command, ...args] = DRIVERS[engine].command(port);
  const env = { ...process.env, ...DRIVERS[engine].env?.(options) };
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "ignore", "pipe"], env });
  let log = "";
  child.stderr.on("data", (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const stop = () => { try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ } };
  for (let i = 0; i < 240; i++) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 250, "running"))]);
    if (code !== "running") throw new Error(`${command} exited (${code}) before it listened:\n${log}`);
    const ready = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.json()).then((s) => s.value?.ready !== false, () => false);
    if (ready) return { port, stop };
  }
  stop();
  throw new Error(`${command} did not answer on port ${port} within a minute:\n${log}`);
}

/**
 * A session in `engine`, with helpers the tests share. `browser` is webdriverio's; `run(fn, ...args)`
 * runs a function in the page and returns its (JSON) result.
 */
async function openSession(engine, port, options) {
  const browser = await remote({
    hostname: "127.0.0.1", port, path: "/", logLevel: "error", connectionRetryCount: 0,
    capabilities: { ...DRIVERS[engine].capabilities(options), "wdio:enforceWebDriverClassic": true },
  });
  const run = (fn, ...args) => browser.execute(fn, ...args);
  return { browser, run };
}

/**
 * Defines `suite(env)` once per engine, each in its own `describe`: `env` holds `engine`, `url` (the
 * server's root), `browser` and `run`, set before the suite's tests run. The options set each
 * browser up (see DRIVERS); `forcedColors` runs the suite only in the engines that can.
 */
export function inEachEngine(title, suite, { dark = false, scale = 1, forcedColors = false } = {}) {
  const options = { dark, scale, forcedColors };
  for (const engine of ENGINES) {
    if (!DRIVERS[engine]) throw new Error(`ENGINE=${engine}: not one of ${Object.keys(DRIVERS).join(", ")}`);
    if (forcedColors && !DRIVERS[engine].forcedColors) continue;
    describe(`${title} [${engine}]`, () => {
      const env = { engine };
      before(async () => {
        env.server = await startServer();
        env.url = env.server.url;
        env.driver = await startDriver(engine, options);
        Object.assign(env, await openSession(engine, env.driver.port, options));
      });
      after(async () => {
        await env.browser?.deleteSession().catch(() => {});
        env.driver?.stop();
        env.server?.stop();
      });
      suite(env);
    });
  }
}
