//! Checks the CSV files in `data/` and compiles them into the Wasm as static Rust values.
//! A bad row stops the build here with `data/FILE:LINE: reason`, before any chart can show it.

#[allow(dead_code)]
#[path = "src/data_file.rs"]
mod data_file;
#[allow(dead_code)]
#[path = "src/dataset.rs"]
mod dataset;
#[allow(dead_code)]
#[path = "src/i18n.rs"]
mod i18n;
#[allow(dead_code)]
#[path = "src/index.rs"]
mod index;

use data_file::{DataFiles, FILE_NAMES};
use dataset::Dataset;
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

/// The dataset in a compact form that `src/embedded.rs` decodes once at start-up: every distinct
/// string once in `TEXT` (NUL between them), and every field a `u16` in `WORDS`: a string by its
/// number, a row by its index. A table of `Cow`s would cost 12 bytes a field; this costs 2.
/// Without the `spanish` feature (the first view's lean Wasm) the Spanish columns are left out.
fn rust_source(d: &Dataset) -> String {
    let spanish = std::env::var_os("CARGO_FEATURE_SPANISH").is_some();
    let mut w = Words::default();
    let es = |text: &str| if spanish { text.to_string() } else { String::new() };
    for n in [d.components.len(), d.kinds.len(), d.metrics.len(), d.sources.len(), d.records.len(), d.pipeline.len()] {
        w.number(n);
    }
    for c in d.components.iter() {
        for t in [&c.id, &c.name, &c.short_name] {
            w.text(t);
        }
        w.text(&es(&c.name_es));
        w.text(&es(&c.short_name_es));
    }
    for k in d.kinds.iter() {
        w.text(&k.id);
        w.text(&k.name);
        w.number(k.unit as usize);
        w.text(&k.noun);
        w.text(&es(&k.name_es));
        w.text(&es(&k.noun_es));
    }
    for m in d.metrics.iter() {
        w.text(&m.id);
        w.text(&m.name);
        w.number(m.kind);
        w.text(&es(&m.name_es));
        w.text(&m.note);
        w.text(&es(&m.note_es));
    }
    for src in d.sources.iter() {
        for t in [&src.id, &src.title, &src.publisher, &src.date, &src.url, &src.url_note] {
            w.text(t);
        }
        w.text(&es(&src.url_note_es));
        w.number(src.kind as usize);
    }
    let mut values = Vec::new();
    for r in d.records.iter() {
        w.number(r.fiscal_year as usize);
        w.number(r.component);
        w.number(r.metric);
        values.push(format!("{:?}", r.value));
        w.number(r.qualifier as usize);
        w.text(&r.as_written);
        w.number(r.source);
        for t in [&r.source_sentence, &r.reported_as, &r.note] {
            w.text(t);
        }
        w.text(&es(&r.note_es));
        w.number(r.derived_from.len());
        for &i in r.derived_from.iter() {
            w.number(i);
        }
        w.text(&r.derivation);
        w.number(r.line as usize);
    }
    for p in d.pipeline.iter() {
        w.number(p.component);
        w.number(p.metric);
    }
    if let Some(t) = w.texts.iter().find(|t| t.contains('\0')) {
        fail(&[format!("a text contains a NUL character: {t:?}")]);
    }
    let mut s = String::new();
    let _ = writeln!(s, "const TEXT: &str = {:?};", w.texts.join("\0"));
    let _ = writeln!(s, "const WORDS: &[u16] = &{:?};", w.words);
    let _ = writeln!(s, "const VALUES: &[f64] = &[{}];", values.join(", "));
    s
}

/// The `u16`s of the compact dataset, and its distinct strings in order of first use.
#[derive(Default)]
struct Words {
    words: Vec<u16>,
    texts: Vec<String>,
    /// Each distinct string's number.
    numbered: std::collections::HashMap<String, u16>,
}

impl Words {
    fn number(&mut self, n: usize) {
        match u16::try_from(n) {
            Ok(n) => self.words.push(n),
            Err(_) => fail(&[format!(
                "a count, index, year or line number in the data is {n}; the embedding holds at most 65,535"
            )]),
        }
    }

    fn text(&mut self, t: &str) {
        let n = match self.numbered.get(t) {
            Some(&n) => n,
            None => {
                let n = u16::try_from(self.texts.len()).unwrap_or_else(|_| {
                    fail(&["the data has more than 65,535 distinct texts; the embedding holds no more".to_string()])
                });
                self.texts.push(t.to_string());
                self.numbered.insert(t.to_string(), n);
                n
            }
        };
        self.words.push(n);
    }
}
