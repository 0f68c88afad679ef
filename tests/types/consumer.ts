// An app developer's code against pkg/ccht_chart.d.ts: `tsc --noEmit` (tests/e2e/types.test.mjs)
// fails if the declarations stop describing what the Viewer takes and gives.
import init, { Viewer, catalog, type Bar, type Catalog, type Figure, type SourceInfo, type Table, type ViewOptions, type ViewState } from "../../pkg/ccht_chart.js";

export async function show(canvas: HTMLCanvasElement): Promise<string[]> {
  await init();
  const options: ViewOptions = { view: "metric", metric: "arrests", fy: 2024 };
  const viewer = new Viewer(canvas, options);
  viewer.setView({ fy: "2023", scale: "log" });
  viewer.draw(undefined);
  const bars: Bar[] = viewer.bars();
  const first: Figure | undefined = bars[0]?.figure;
  const lines: string[] = bars.map((b) => `${b.x + b.width},${b.panel}: ${b.figure.text} (${b.figure.source_title}) ${b.announcement}`);
  const year: number = viewer.view.fy;
  const rows: Figure[] = viewer.table().rows;
  const sources: string[] = viewer.sources().flatMap((s) => s.figures.map((f) => `${s.title} ${s.kind}: ${f}`));
  const names: string[] = catalog("en").metrics.map((m) => `${m.name} ${m.years.join(",")}`);
  const strings: Record<string, string> = catalog("en").strings;
  const menu: string[] = viewer.menuMetrics();
  const problems: string[] = viewer.setQuery("?view=pipeline");
  return [...lines, ...sources, ...names, ...menu, ...problems, String(year), String(rows.length), first?.source_kind ?? "", strings.fy ?? ""];
}

// Mistakes the declarations must catch.
// @ts-expect-error: fy is a string or a number, not a boolean
export const wrongFy: ViewOptions = { fy: true };
// @ts-expect-error: the figure's fields are under `figure`, not on the bar
export const flat = (b: Bar): string => b.source_title;

// Each method's declared type is exactly the shape, never `any` (which would accept anything above).
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const typed: [
  Exactly<ReturnType<Viewer["bars"]>, Bar[]>,
  Exactly<ReturnType<Viewer["table"]>, Table>,
  Exactly<ReturnType<Viewer["sources"]>, SourceInfo[]>,
  Exactly<Viewer["view"], ViewState>,
  Exactly<ReturnType<typeof catalog>, Catalog>,
  Exactly<Parameters<Viewer["setView"]>[0], ViewOptions>,
  Exactly<ReturnType<Viewer["menuMetrics"]>, string[]>,
  Exactly<Figure["qualifier"], "exact" | "at-least" | "approximate" | "derived">,
] = [true, true, true, true, true, true, true, true];
