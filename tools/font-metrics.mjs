// Writes src/layout/metrics.rs: the advance widths of Liberation Sans, regular and bold, for the
// characters chart text uses. The chart's font stack (src/layout/text.rs, FONT_FAMILY) starts with
// Arial, then Liberation Sans and Arimo, which are drawn to Arial's metrics, then Helvetica, whose
// widths Arial copies: wherever one of them is installed, text measured at build time from this
// table (the prerendered first paint) is as wide as the browser draws it, or a little wider where
// the browser kerns.
// Usage: node tools/font-metrics.mjs [DIR]   (DIR holds LiberationSans-{Regular,Bold}.ttf; by default
// Debian's fonts-liberation2, which `tools/ensure-tools browsers` installs).
import * as fontkit from "fontkit";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] || "/usr/share/fonts/truetype/liberation2";
const regular = fontkit.openSync(join(dir, "LiberationSans-Regular.ttf"));
const bold = fontkit.openSync(join(dir, "LiberationSans-Bold.ttf"));
if (regular.unitsPerEm !== bold.unitsPerEm) throw new Error("the two faces differ in units per em");

// Printable ASCII, Latin-1 and Latin Extended-A, the general punctuation, and the few symbols the
// chart's strings use (U+2212 minus, U+2264/5 ≤ ≥, U+25B8/E ▸ ▾, U+20AC €). A character outside the
// table is measured as wide as "M" (src/layout/text.rs), and a native test checks every chart text.
const ranges = [[0x20, 0x7e], [0xa0, 0x17f], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2212, 0x2212], [0x2264, 0x2265], [0x25b8, 0x25b8], [0x25be, 0x25be]];
const rows = [];
for (const [from, to] of ranges) {
  for (let c = from; c <= to; c++) {
    const [r, b] = [regular, bold].map((face) => face.glyphForCodePoint(c));
    if (r.id === 0 || b.id === 0) continue;
    const ch = JSON.stringify(String.fromCodePoint(c)).slice(1, -1);
    const literal = c < 0x7f && c !== 0x27 && c !== 0x5c ? `'${ch}'` : `'\\u{${c.toString(16)}}'`;
    rows.push(`    (${literal}, ${r.advanceWidth}, ${b.advanceWidth}),`);
  }
}

const out = `//! Advance widths of ${regular.familyName} ${regular.version?.replace(/^Version\s*/, "") ?? ""}, regular and bold, in font units:
//! written by \`node tools/font-metrics.mjs\`; do not edit.

/// Font units to the em.
pub(super) const UNITS_PER_EM: f64 = ${regular.unitsPerEm}.0;

/// (character, regular advance, bold advance), sorted by character.
pub(super) const ADVANCES: &[(char, u16, u16)] = &[
${rows.join("\n")}
];
`;
writeFileSync(new URL("../src/layout/metrics.rs", import.meta.url), out);
console.log(`font-metrics: ${rows.length} characters of ${regular.familyName} written to src/layout/metrics.rs`);
