//! A source text read against the dataset: each number in it, and what accounts for it (a record
//! that quotes it, an ignore-list entry with its reason, or nothing), with a proposed record for a
//! number nothing accounts for. The fidelity check ([`crate::check_fidelity`]) and the analyst's
//! studio both read a source this way, so what the studio marks green is what the tests accept.

use crate::as_written::parse_as_written;
use crate::dataset::{Dataset, Qualifier, Record};
use crate::fidelity::{mentions, Mention};
use crate::files::{read_table, row, DataError};
use serde::Serialize;

row! {
    /// A row of the ignore list: the source it is in, a number as that source writes it, and why
    /// it is no figure.
    IgnoredRow { source, as_written, reason }
}

/// What accounts for a number in a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Accounted {
    /// A record quotes it: its line in `records.csv`.
    Record { line: u32 },
    /// The ignore list names it, with this reason.
    Ignored { reason: String },
    /// Nothing does: a figure the dataset lacks, or a number to put on the ignore list.
    Unaccounted { proposal: Option<Proposal> },
}

/// A record row prefilled from the sentence a number stands in; component and metric are left to
/// the analyst.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    /// The nearest "FY 2024" or "fiscal year 2024" before the number, if any.
    pub fiscal_year: Option<u16>,
    /// The number with the words that qualify it ("more than 2,500").
    pub as_written: String,
    pub value: f64,
    /// `exact`, `at-least` or `approximate`, as `records.csv` writes it.
    pub qualifier: &'static str,
    /// The sentence, verbatim.
    pub source_sentence: String,
}

/// A number of the source and what accounts for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    #[serde(flatten)]
    pub mention: Mention,
    #[serde(flatten)]
    pub accounted: Accounted,
}

/// The numbers of `text`, the source `source_id`, each with what accounts for it, and every problem
/// on the way: a record of that source whose sentence or figure is not in the text, a second number
/// in a record's words, an ignore entry the text does not hold or without a reason. `ignored` is the
/// ignore list as (file name, CSV text); its entries for other sources are left alone.
pub fn read_source(d: &Dataset, source_id: &str, text: &str, ignored: (&str, &str)) -> (Vec<Reading>, Vec<String>) {
    let mut problems = Vec::new();
    let mut errors: Vec<DataError> = Vec::new();
    let ignored: Vec<IgnoredRow> = match read_table::<IgnoredRow>(ignored, &mut errors) {
        Some(table) => table.rows.into_iter().map(|(_, row)| row).filter(|row| row.source == source_id).collect(),
        None => Vec::new(),
    };
    problems.extend(errors.iter().map(|e| e.to_string()));
    // Each stated figure of the source, with where its words stand in the text.
    let mut stated: Vec<((usize, usize), &Record)> = Vec::new();
    for r in d.records.iter().filter(|r| d.sources[r.source].id == source_id && r.qualifier != Qualifier::Derived) {
        let line = r.line;
        let Some(sentence) = text.find(r.source_sentence.as_ref()).filter(|_| !r.source_sentence.is_empty()) else {
            problems.push(format!("records.csv:{line}: its source_sentence is not word for word in the source"));
            continue;
        };
        let Some(within) = r.source_sentence.find(r.as_written.as_ref()) else {
            problems.push(format!("records.csv:{line}: {:?} is not in its source_sentence", r.as_written));
            continue;
        };
        if parse_as_written(&r.as_written) != Some((r.value, r.qualifier)) {
            problems.push(format!("records.csv:{line}: {:?} does not state its value and qualifier", r.as_written));
        }
        let start = sentence + within;
        stated.push(((start, start + r.as_written.len()), r));
    }
    let mut found = vec![false; stated.len()];
    let mut used = vec![false; ignored.len()];
    let mut readings = Vec::new();
    for m in mentions(text) {
        let accounted = if let Some(k) = stated.iter().position(|((s, e), _)| *s <= m.start && m.end <= *e) {
            if found[k] {
                problems.push(format!(
                    "records.csv:{}: a second number, {:?}, falls in its words",
                    stated[k].1.line, m.text
                ));
            }
            found[k] = true;
            Accounted::Record { line: stated[k].1.line }
        } else if let Some(k) = ignored.iter().position(|row| row.as_written == m.text) {
            used[k] = true;
            Accounted::Ignored { reason: ignored[k].reason.clone() }
        } else {
            problems.push(format!("{:?} in the source is neither a record nor on the ignore list", m.text));
            Accounted::Unaccounted { proposal: propose(text, &m) }
        };
        readings.push(Reading { mention: m, accounted });
    }
    for (((_, _), r), found) in stated.iter().zip(found) {
        if !found {
            problems.push(format!("records.csv:{}: {:?} is not a number the scan finds", r.line, r.as_written));
        }
    }
    for (row, used) in ignored.iter().zip(used) {
        if !used {
            problems.push(format!("the ignore list has {:?}, which the source does not contain", row.as_written));
        }
        if row.reason.len() <= 20 {
            problems.push(format!("the ignore list's {:?} needs a reason of more than 20 characters", row.as_written));
        }
    }
    (readings, problems)
}

/// Words before a number that make it a bound or an estimate, as `parse_as_written` reads them.
const QUALIFYING: [&str; 6] = ["more than ", "over ", "at least ", "about ", "approximately ", "nearly "];

/// The record a number would be, read from the sentence it stands in; `None` for a number word
/// ("thousands") or anything else that states no value.
pub fn propose(text: &str, m: &Mention) -> Option<Proposal> {
    let before = &text[..m.start];
    let lower = before.to_ascii_lowercase();
    let start = QUALIFYING.iter().find(|q| lower.ends_with(*q)).map_or(m.start, |q| m.start - q.len());
    let as_written = &text[start..m.end];
    let (value, qualifier) = parse_as_written(as_written)?;
    let qualifier = match qualifier {
        Qualifier::AtLeast => "at-least",
        Qualifier::Approximate => "approximate",
        _ => "exact",
    };
    let (from, to) = sentence_around(text, start, m.end);
    Some(Proposal {
        fiscal_year: fiscal_year_before(&text[..m.start]),
        as_written: as_written.to_string(),
        value,
        qualifier,
        source_sentence: text[from..to].to_string(),
    })
}

/// The sentence holding bytes `start..end`: from the previous sentence's end (or line start, past
/// a list bullet) to its own full stop or line end. "U.S." and "3.7" do not end a sentence.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| {
        matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            // "U.S. Customs": a full stop after a single letter is an abbreviation's.
            && !(i >= 1 && bytes[i - 1].is_ascii_uppercase() && (i < 2 || !bytes[i - 2].is_ascii_alphabetic()))
    };
    let mut from = start;
    while from > 0 && bytes[from - 1] != b'\n' && !ends_sentence(from - 1) {
        from -= 1;
    }
    let mut to = end;
    while to < bytes.len() && bytes[to] != b'\n' && !ends_sentence(to) {
        to += 1;
    }
    if to < bytes.len() && bytes[to] != b'\n' {
        to += 1; // the full stop
    }
    let sentence = &text[from..to];
    let trimmed = sentence.trim_start().trim_start_matches(['-', '*', '•']).trim_start();
    (from + sentence.len() - trimmed.len(), from + sentence.trim_end().len())
}

/// The last fiscal year named in `text`, as "FY 2024", "FY2024" or "fiscal year 2024".
fn fiscal_year_before(text: &str) -> Option<u16> {
    let lower = text.to_ascii_lowercase();
    let mut best: Option<(usize, u16)> = None;
    for marker in ["fy ", "fy", "fiscal year "] {
        for (at, _) in lower.match_indices(marker) {
            let digits = lower[at + marker.len()..].get(..4).filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
            if let Some(year) = digits.and_then(|d| d.parse().ok()) {
                if best.is_none_or(|(b, _)| at > b) {
                    best = Some((at, year));
                }
            }
        }
    }
    best.map(|(_, year)| year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repository_data;

    #[test]
    fn a_proposal_takes_the_qualifier_the_sentence_and_the_year() {
        let text = "Intro line\nIn FY 2024, U.S. Customs stopped more than 4,850 shipments. Then 3.7 million more.\n";
        let m = mentions(text).into_iter().find(|m| m.text == "4,850").unwrap();
        assert_eq!(
            propose(text, &m),
            Some(Proposal {
                fiscal_year: Some(2024),
                as_written: "more than 4,850".into(),
                value: 4850.0,
                qualifier: "at-least",
                source_sentence: "In FY 2024, U.S. Customs stopped more than 4,850 shipments.".into(),
            })
        );
        let m = mentions(text).into_iter().find(|m| m.text == "3.7 million").unwrap();
        let p = propose(text, &m).unwrap();
        assert_eq!(
            (p.source_sentence.as_str(), p.value, p.qualifier),
            ("Then 3.7 million more.", 3_700_000.0, "exact")
        );
        // A list item is its own sentence, without its bullet; a number word proposes nothing.
        // ("FY2023" holds no number the scan finds: its digits are part of a word.)
        let list = "FY2023 Statistics:\n- Penalties issued: 1\nthousands of people";
        let m = &mentions(list)[0];
        assert_eq!(
            propose(list, m).map(|p| (p.source_sentence, p.fiscal_year)),
            Some(("Penalties issued: 1".into(), Some(2023)))
        );
        assert_eq!(propose(list, &mentions(list)[1]), None);
    }

    #[test]
    fn every_number_of_the_fy2024_release_is_accounted_for_with_todays_data() {
        let text = include_str!("../../../data/source/dhs-ccht-fy2024-release.txt");
        let ignored = include_str!("../../../data/source/ignored-numbers.csv");
        let (readings, problems) = read_source(repository_data(), "fy2024-release", text, ("ignored.csv", ignored));
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(readings.len(), mentions(text).len());
        assert!(readings.iter().all(|r| !matches!(r.accounted, Accounted::Unaccounted { .. })));
        let records = readings.iter().filter(|r| matches!(r.accounted, Accounted::Record { .. })).count();
        assert_eq!(records, 19);
        // One sentence more: exactly one number nothing accounts for, with its proposed row.
        let extra = format!("{text}\nIn FY 2024, DHS screened about 1,200 cargo containers.\n");
        let (readings, _) = read_source(repository_data(), "fy2024-release", &extra, ("ignored.csv", ignored));
        let red: Vec<&Reading> =
            readings.iter().filter(|r| matches!(r.accounted, Accounted::Unaccounted { .. })).collect();
        assert_eq!(red.len(), 1);
        let Accounted::Unaccounted { proposal: Some(p) } = &red[0].accounted else { panic!("no proposal") };
        assert_eq!(
            (p.as_written.as_str(), p.value, p.qualifier, p.fiscal_year),
            ("about 1,200", 1200.0, "approximate", Some(2024))
        );
        assert_eq!(p.source_sentence, "In FY 2024, DHS screened about 1,200 cargo containers.");
    }
}
