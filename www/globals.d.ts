// What the shell's scripts share through the page rather than through imports, and the shape of
// the build's prerendered files: for `tsc` (www/tsconfig.json), not shipped.

/** One view's prerendered first paint, `dist/prerender/v/<query>.json` (examples/prerender.rs, `First`). */
interface FirstView {
  /** `[file, width, height]` per drawn width, narrowest first. */
  images: [string, number, number][];
  alt: string;
  summary: string;
  /** The chart's heading and source line, shown as text around the image, and its table (www/table.js). */
  table: import("../pkg/ccht_chart.js").Table;
  /** The table's words in the view's language (src/render/table.rs, TABLE_WORDS). */
  words: Record<string, string>;
  /** The measure menu: `[group label ("" for none), [[id, label]…]]`. */
  menu: [string, [string, string][]][];
  log: boolean;
  choice: string;
  state: Record<"view" | "component" | "metric" | "fy" | "scale" | "lang", string>;
}

/** The page's words in another language, `dist/prerender/lang-<id>.json`. */
interface FirstWords {
  strings: Record<string, string>;
  components: [string, string][];
}

/** What www/first.js asked for, handed to www/first-view.js. */
interface FirstRequest {
  /** The address of dist/prerender/. */
  base: string;
  /** The URL's view parameters, each given once. */
  values: Record<string, string | null>;
  /** Ends the first paint's wait: `found` says whether the prerendered view is shown. */
  done: (found: boolean) => void;
  view: Promise<FirstView | null>;
  words: Promise<FirstWords | null> | null;
}

interface Window {
  /** The Wasm responses www/first.js asked for before the page's script ran, by build (www/builds.js). */
  cchtWasm?: { lean?: Promise<Response>; complete?: Promise<Response> };
  cchtFirst?: FirstRequest;
}
