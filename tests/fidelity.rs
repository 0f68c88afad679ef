//! Fidelity: every FY2024 figure the viewer can show is in the DHS release, word for word, and
//! every number in the release is either one of our records or on a reasoned ignore list.
#![cfg(not(target_arch = "wasm32"))]

use ccht_chart::{parse_as_written, parse_csv, DATASET};

const RELEASE: &str = include_str!("../data/source/dhs-ccht-fy2024-release.txt");
const IGNORED: &str = include_str!("../data/source/ignored-numbers.csv");

/// A number as written in the release, with its byte range.
#[derive(Debug)]
struct Mention {
    start: usize,
    end: usize,
    text: String,
}

const NUMBER_WORDS: [&str; 14] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "hundred",
    "thousand",
    "thousands",
];

/// Finds "1,686", "3.7 million", "84%", "866-347-2423", and number words such as "thousands".
fn mentions(text: &str) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if bytes[i].is_ascii_digit() && starts_word {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || ((bytes[i] == b',' || bytes[i] == b'.' || bytes[i] == b'-')
                        && i + 1 < bytes.len()
                        && bytes[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            for scale in [" million", " billion", " thousand"] {
                if text[i..].starts_with(scale) {
                    i += scale.len();
                }
            }
            if i < bytes.len() && bytes[i] == b'%' {
                i += 1;
            }
            found.push(Mention { start, end: i, text: text[start..i].to_string() });
            continue;
        }
        if bytes[i].is_ascii_alphabetic() && starts_word {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = text[start..i].to_ascii_lowercase();
            if NUMBER_WORDS.contains(&word.as_str()) {
                found.push(Mention { start, end: i, text: word });
            }
            continue;
        }
        i += 1;
    }
    found
}

fn ignored() -> Vec<(String, String)> {
    let rows = parse_csv(IGNORED).expect("ignored-numbers.csv parses");
    assert_eq!(rows[0].fields, ["as_written", "reason"]);
    rows[1..].iter().map(|r| (r.fields[0].clone(), r.fields[1].clone())).collect()
}

fn fy2024() -> impl Iterator<Item = &'static ccht_chart::Record> {
    DATASET.records.iter().filter(|r| r.fiscal_year == 2024)
}

/// Where a record's figure stands in the release: its sentence, then its words within it.
fn position(record: &ccht_chart::Record) -> (usize, usize) {
    let sentence = RELEASE
        .find(record.source_sentence.as_ref())
        .unwrap_or_else(|| panic!("line {}: source sentence is not verbatim in the release", record.line));
    let within = record
        .source_sentence
        .find(record.as_written.as_ref())
        .unwrap_or_else(|| panic!("line {}: {:?} is not in its sentence", record.line, record.as_written));
    (sentence + within, sentence + within + record.as_written.len())
}

#[test]
fn every_record_is_stated_by_its_sentence_and_the_sentence_is_in_the_release() {
    let mut n = 0;
    for r in fy2024() {
        n += 1;
        assert!(RELEASE.contains(r.source_sentence.as_ref()), "line {}: sentence not verbatim in the release", r.line);
        assert!(r.source_sentence.contains(r.as_written.as_ref()), "line {}", r.line);
        assert_eq!(
            parse_as_written(&r.as_written),
            Some((r.value, r.qualifier)),
            "line {}: {:?}",
            r.line,
            r.as_written
        );
        assert_eq!(DATASET.sources[r.source].id, "fy2024-release", "line {}", r.line);
    }
    assert_eq!(n, 19, "the release states 19 FY2024 figures");
}

#[test]
fn every_number_in_the_release_is_a_record_or_ignored_with_a_reason() {
    let ignored = ignored();
    let records: Vec<((usize, usize), &ccht_chart::Record)> = fy2024().map(|r| (position(r), r)).collect();
    let mut used_records = vec![false; records.len()];
    let mut used_ignores = vec![false; ignored.len()];
    let mut unexplained = Vec::new();
    for m in mentions(RELEASE) {
        if let Some(k) = records.iter().position(|((s, e), _)| *s <= m.start && m.end <= *e) {
            assert!(!used_records[k], "two numbers fall in one record's words: {m:?}");
            used_records[k] = true;
        } else if let Some(k) = ignored.iter().position(|(text, _)| *text == m.text) {
            used_ignores[k] = true;
        } else {
            unexplained.push(m.text);
        }
    }
    assert!(unexplained.is_empty(), "numbers in the release that are neither records nor ignored: {unexplained:?}");
    assert!(used_records.iter().all(|u| *u), "a record whose number was not found as a number in the release");
    for ((text, reason), used) in ignored.iter().zip(used_ignores) {
        assert!(used, "ignored-numbers.csv lists {text:?}, which the release does not contain");
        assert!(reason.len() > 20, "{text:?} needs a reason");
    }
}

#[test]
fn the_scanner_sees_every_form_of_number() {
    let found: Vec<String> =
        mentions("In FY 2024, 1,686 cases, more than 3.7 million clicks, 84% up; call 866-347-2423; thousands more.")
            .into_iter()
            .map(|m| m.text)
            .collect();
    assert_eq!(found, ["2024", "1,686", "3.7 million", "84%", "866-347-2423", "thousands"]);
}

#[test]
fn the_embedded_data_is_the_data_folder() {
    // The Wasm carries what build.rs compiled; loading the files again must give the same dataset.
    let read = |name: &str| std::fs::read_to_string(format!("data/{name}")).unwrap();
    let texts: Vec<String> = ccht_chart::FILE_NAMES.iter().map(|n| read(n)).collect();
    let files = ccht_chart::DataFiles {
        components: ("components.csv", &texts[0]),
        kinds: ("kinds.csv", &texts[1]),
        metrics: ("metrics.csv", &texts[2]),
        sources: ("sources.csv", &texts[3]),
        records: ("records.csv", &texts[4]),
        pipeline: ("pipeline.csv", &texts[5]),
    };
    let mut loaded = ccht_chart::load(&files).unwrap();
    if !cfg!(feature = "spanish") {
        // The lean build (the first view's Wasm) leaves the Spanish columns out: so must this.
        let none = || std::borrow::Cow::Borrowed("");
        for c in loaded.components.to_mut() {
            (c.name_es, c.short_name_es) = (none(), none());
        }
        for k in loaded.kinds.to_mut() {
            (k.name_es, k.noun_es) = (none(), none());
        }
        for m in loaded.metrics.to_mut() {
            (m.name_es, m.note_es) = (none(), none());
        }
        for s in loaded.sources.to_mut() {
            s.url_note_es = none();
        }
        for r in loaded.records.to_mut() {
            r.note_es = none();
        }
    }
    assert_eq!(loaded, *DATASET);
    // And the comparison can tell: one figure changed, the datasets differ.
    loaded.records.to_mut()[0].value += 1.0;
    assert_ne!(loaded, *DATASET);
}
