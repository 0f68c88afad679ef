//! Checks the CSV files in `data/` and compiles them into the Wasm as static Rust values.
//! A bad row stops the build here with `data/FILE:LINE: reason`, before any chart can show it.

#[allow(dead_code)]
#[path = "src/dataset.rs"]
mod dataset;
#[allow(dead_code)]
#[path = "src/i18n.rs"]
mod i18n;
#[allow(dead_code)]
#[path = "src/index.rs"]
mod index;
#[allow(dead_code)]
#[path = "src/data_file.rs"]
mod data_file;

use data_file::{DataFiles, FILE_NAMES};
use dataset::{Dataset, Qualifier, SourceKind, Unit};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/dataset.rs");
    println!("cargo:rerun-if-changed=src/data_file.rs");
    let mut texts = Vec::new();
    for name in FILE_NAMES {
        let path = format!("data/{name}");
        println!("cargo:rerun-if-changed={path}");
        match std::fs::read_to_string(&path) {
            Ok(text) => texts.push((path, text)),
            Err(e) => fail(&[format!("{path}: cannot be read: {e}")]),
        }
    }
    let file = |i: usize| (texts[i].0.as_str(), texts[i].1.as_str());
    let files = DataFiles {
        components: file(0),
        kinds: file(1),
        metrics: file(2),
        sources: file(3),
        records: file(4),
        pipeline: file(5),
    };
    let dataset = match data_file::load(&files) {
        Ok(d) => d,
        Err(errors) => fail(&errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()),
    };
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR is not set".into()])))
        .join("dataset.rs");
    if let Err(e) = std::fs::write(&out, rust_source(&dataset)) {
        fail(&[format!("cannot write {}: {e}", out.display())]);
    }
}

fn fail(messages: &[String]) -> ! {
    eprintln!("\nThe data files in data/ have {} problem(s):", messages.len());
    for m in messages {
        eprintln!("  {m}");
    }
    eprintln!("Fix them and build again; README.md, \"Updating the figures\", describes each column.\n");
    std::process::exit(1);
}

/// The dataset as a Rust expression of borrowed `Cow`s, so it costs no allocation at start-up.
/// Without the `spanish` feature (the first view's lean Wasm) the Spanish columns are left out.
fn rust_source(d: &Dataset) -> String {
    let spanish = std::env::var_os("CARGO_FEATURE_SPANISH").is_some();
    let es = |text: &str| if spanish { text.to_string() } else { String::new() };
    let mut s = String::from("Dataset {\n");
    s += "components: Cow::Borrowed(&[\n";
    for c in d.components.iter() {
        let _ = writeln!(
            s,
            "Component {{ id: Cow::Borrowed({:?}), name: Cow::Borrowed({:?}), short_name: Cow::Borrowed({:?}), name_es: Cow::Borrowed({:?}), short_name_es: Cow::Borrowed({:?}) }},",
            c.id, c.name, c.short_name, es(&c.name_es), es(&c.short_name_es)
        );
    }
    s += "]),\nkinds: Cow::Borrowed(&[\n";
    for k in d.kinds.iter() {
        let unit = match k.unit {
            Unit::Count => "Count",
            Unit::Dollars => "Dollars",
            Unit::Percent => "Percent",
        };
        let _ = writeln!(
            s,
            "Kind {{ id: Cow::Borrowed({:?}), name: Cow::Borrowed({:?}), unit: Unit::{unit}, noun: Cow::Borrowed({:?}), name_es: Cow::Borrowed({:?}), noun_es: Cow::Borrowed({:?}) }},",
            k.id, k.name, k.noun, es(&k.name_es), es(&k.noun_es)
        );
    }
    s += "]),\nmetrics: Cow::Borrowed(&[\n";
    for m in d.metrics.iter() {
        let _ = writeln!(
            s,
            "Metric {{ id: Cow::Borrowed({:?}), name: Cow::Borrowed({:?}), kind: {}, name_es: Cow::Borrowed({:?}), note: Cow::Borrowed({:?}), note_es: Cow::Borrowed({:?}) }},",
            m.id, m.name, m.kind, es(&m.name_es), m.note, es(&m.note_es)
        );
    }
    s += "]),\nsources: Cow::Borrowed(&[\n";
    for src in d.sources.iter() {
        let kind = match src.kind {
            SourceKind::Primary => "Primary",
            SourceKind::Secondary => "Secondary",
        };
        let _ = writeln!(
            s,
            "Source {{ id: Cow::Borrowed({:?}), title: Cow::Borrowed({:?}), publisher: Cow::Borrowed({:?}), date: Cow::Borrowed({:?}), url: Cow::Borrowed({:?}), url_note: Cow::Borrowed({:?}), url_note_es: Cow::Borrowed({:?}), kind: SourceKind::{kind} }},",
            src.id, src.title, src.publisher, src.date, src.url, src.url_note, es(&src.url_note_es)
        );
    }
    s += "]),\nrecords: Cow::Borrowed(&[\n";
    for r in d.records.iter() {
        let qualifier = match r.qualifier {
            Qualifier::Exact => "Exact",
            Qualifier::AtLeast => "AtLeast",
            Qualifier::Approximate => "Approximate",
            Qualifier::Derived => "Derived",
        };
        let _ = writeln!(
            s,
            "Record {{ fiscal_year: {}, component: {}, metric: {}, value: {:?}, qualifier: Qualifier::{qualifier}, as_written: Cow::Borrowed({:?}), source: {}, source_sentence: Cow::Borrowed({:?}), reported_as: Cow::Borrowed({:?}), note: Cow::Borrowed({:?}), note_es: Cow::Borrowed({:?}), derived_from: Cow::Borrowed(&{:?}), derivation: Cow::Borrowed({:?}), line: {} }},",
            r.fiscal_year, r.component, r.metric, r.value, r.as_written, r.source, r.source_sentence, r.reported_as, r.note, es(&r.note_es), r.derived_from.as_ref(), r.derivation, r.line
        );
    }
    s += "]),\npipeline: Cow::Borrowed(&[\n";
    for p in d.pipeline.iter() {
        let _ = writeln!(s, "PipelineStage {{ component: {}, metric: {} }},", p.component, p.metric);
    }
    s += "]),\nindex: OnceLock::new(),\n}\n";
    s
}
