// Every citation the page can show (each record's and each view's, in English and Spanish, as
// `cargo run --example citations` prints them) is held to real tools: its CSL-JSON rendered by
// citeproc-js with the CSL project's own APA 7 and Chicago author-date styles and locales
// (tests/fixtures/csl/) gives exactly the APA and Chicago strings we show, and its BibTeX parsed
// by @retorquere/bibtex-parser gives back the CSL-JSON's fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { citeproc } from "./citeproc.mjs";

const root = new URL("../../", import.meta.url).pathname;

/** @type {{ what: string, lang: string, citation: import("../../pkg/ccht_chart.js").Citation }[]} */
const entries = JSON.parse(
  process.env.CITATIONS_JSON
    ? readFileSync(process.env.CITATIONS_JSON, "utf8")
    : execFileSync("cargo", ["run", "--quiet", "--example", "citations"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 }),
);

test("the example prints a citation for every record and view, in both languages", () => {
  assert.ok(entries.filter((e) => e.what.startsWith("record ")).length >= 2 * 59);
  assert.ok(entries.some((e) => e.lang === "es"));
  assert.ok(entries.some((e) => !e.what.startsWith("record ") && e.citation.csl.length > 1), "a view drawn from several sources");
});

for (const [style, field] of [["apa", "apa"], ["chicago-author-date", "chicago"]]) {
  test(`citeproc-js renders every CSL-JSON item in ${style} exactly as we show it`, () => {
    const render = { en: citeproc(style, "en"), es: citeproc(style, "es") };
    let checked = 0;
    for (const { what, lang, citation } of entries) {
      const shown = citation[field] ? citation[field].split("\n") : [];
      const inText = [];
      assert.equal(shown.length, citation.csl.length, `${what} (${lang}): one entry per item`);
      citation.csl.forEach((item, i) => {
        const { entry, cited } = render[lang](item);
        assert.equal(shown[i], entry, `${what} (${lang}), item ${item.id}`);
        inText.push(cited);
        checked++;
      });
      assert.equal(citation[`${field}_in_text`], inText.join(" "), `${what} (${lang}): in the text`);
    }
    assert.ok(checked >= entries.length);
  });
}

test("every BibTeX entry parses back to its CSL-JSON item's fields", () => {
  for (const { what, lang, citation } of entries) {
    const parsed = parseBibtex(citation.bibtex, { sentenceCase: false });
    assert.deepEqual(parsed.errors, [], `${what} (${lang})`);
    assert.equal(parsed.entries.length, citation.csl.length);
    parsed.entries.forEach((entry, i) => {
      const item = citation.csl[i];
      const f = entry.fields;
      assert.equal(entry.key, item.id);
      assert.deepEqual(f.author, [{ name: item.author[0].literal }], `${what}: author`);
      assert.equal(f.title, item.title, `${what}: title`);
      assert.equal(f.howpublished, item.genre, `${what}: what is cited`);
      assert.deepEqual(f.organization, [item["container-title"]]);
      assert.equal(f.version, item.version);
      assert.equal(f.url, item.URL);
      assert.equal(f.note, item.note);
      const date = (d) => d["date-parts"][0].map((n) => String(n).padStart(2, "0")).join("-");
      assert.equal(f.urldate, date(item.accessed));
      assert.equal(f.date, item.issued ? date(item.issued) : undefined);
    });
  }
});
