//! Every citation the page can show, as JSON on standard output: each record's in each language,
//! and each view's. The citation test (`tests/e2e/citations.test.mjs`) renders their CSL-JSON with
//! citeproc-js and parses their BibTeX, and holds what we show to both.
//!
//! `cargo run --example citations`, whose output the test reads.

use ccht_chart::{cite_chart, cite_figure, every_view, select, CiteContext, IsoDate, DATASET, DATA_VERSION, LANGS};
use serde::Serialize;

#[derive(Serialize)]
struct Entry {
    /// "record 12" or the view's query.
    what: String,
    lang: &'static str,
    citation: ccht_chart::Citation,
}

/// Stand-ins for what the page gives: its own address and today's date.
const PAGE: &str = "https://example.org/ccht/";
const ACCESSED: IsoDate = IsoDate { year: 2026, month: 12, day: 7 };

fn main() {
    let mut out = Vec::new();
    for &lang in LANGS {
        for record in 0..DATASET.records.len() {
            let context = CiteContext { url: PAGE.to_string(), accessed: ACCESSED, lang, version: DATA_VERSION };
            out.push(Entry {
                what: format!("record {record}"),
                lang: lang.id(),
                citation: cite_figure(&DATASET, record, &context),
            });
        }
    }
    for spec in every_view(&DATASET) {
        let query = spec.to_query(&DATASET);
        let context =
            CiteContext { url: format!("{PAGE}?{query}"), accessed: ACCESSED, lang: spec.lang, version: DATA_VERSION };
        let citation = cite_chart(&DATASET, &select(&DATASET, &spec), &query, &context);
        out.push(Entry { what: query, lang: spec.lang.id(), citation });
    }
    match serde_json::to_string_pretty(&out) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("cannot write the citations: {e}");
            std::process::exit(1);
        }
    }
}
