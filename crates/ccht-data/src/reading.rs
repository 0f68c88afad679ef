//! A source text read against the dataset: each number in it, and what accounts for it (a record
//! that quotes it, an ignore-list entry with its reason, or nothing), with a proposed record for a
//! number nothing accounts for. The fidelity check ([`crate::check_fidelity`]) and the analyst's
//! studio both read a source this way, so what the studio marks green is what the tests accept.

use crate::as_written::parse_as_written;
use crate::dataset::Dataset;
use crate::files::{read_table, row, DataError};
use crate::mentions::{mentions, Mention};
use crate::quote::quoted;
use crate::tables::{Qualifier, Record};
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
    /// Nothing does: a figure the dataset lacks, or a number to put on the ignore list. `caution`
    /// says why no record is proposed where the words bound the number in a way no qualifier
    /// holds ("less than 500", "4,850+").
    Unaccounted { proposal: Option<Proposal>, caution: Option<String> },
}

/// A record row prefilled from the sentence a number stands in; component and metric are left to
/// the analyst.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    /// The "FY 2024" or "fiscal year 2024" of the number's own sentence, or of the heading line
    /// over the list it stands in; `None` otherwise (never a year from elsewhere in the text).
    pub fiscal_year: Option<u16>,
    /// The words the fiscal year was read from, for the analyst to check.
    pub fiscal_year_from: Option<String>,
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

/// What a reading of a source finds wrong. `Display` gives the words the build and the studio show;
/// [`ReadProblem::kind`] names the case, for code that treats one differently (the studio shows the
/// unaccounted numbers in the text itself, not in its list of problems).
#[derive(Clone, Debug, PartialEq)]
pub enum ReadProblem {
    /// The ignore list itself does not read.
    File(DataError),
    /// A record's source_sentence is not word for word in the source.
    SentenceNotInSource { line: u32 },
    /// A record's as_written is not in its own source_sentence.
    NotInSentence { line: u32, as_written: String },
    /// A record's as_written does not read as its value and qualifier.
    DoesNotState { line: u32, as_written: String },
    /// A second number falls in a record's words.
    SecondNumber { line: u32, number: String },
    /// A number of the source that neither a record nor the ignore list accounts for.
    Unaccounted { number: String },
    /// A record's as_written is not a number the scan finds in the source.
    NotScanned { line: u32, as_written: String },
    /// An ignore entry the source does not contain.
    StaleIgnore { as_written: String },
    /// An ignore entry whose reason is 20 characters or fewer.
    ShortReason { as_written: String },
}

impl ReadProblem {
    /// The case, as a stable id: "file", "sentence-not-in-source", "not-in-sentence",
    /// "does-not-state", "second-number", "unaccounted", "not-scanned", "stale-ignore", "short-reason".
    pub fn kind(&self) -> &'static str {
        match self {
            ReadProblem::File(_) => "file",
            ReadProblem::SentenceNotInSource { .. } => "sentence-not-in-source",
            ReadProblem::NotInSentence { .. } => "not-in-sentence",
            ReadProblem::DoesNotState { .. } => "does-not-state",
            ReadProblem::SecondNumber { .. } => "second-number",
            ReadProblem::Unaccounted { .. } => "unaccounted",
            ReadProblem::NotScanned { .. } => "not-scanned",
            ReadProblem::StaleIgnore { .. } => "stale-ignore",
            ReadProblem::ShortReason { .. } => "short-reason",
        }
    }
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadProblem::File(e) => write!(f, "{e}"),
            ReadProblem::SentenceNotInSource { line } => {
                write!(f, "records.csv:{line}: its source_sentence is not word for word in the source")
            }
            ReadProblem::NotInSentence { line, as_written } => {
                write!(f, "records.csv:{line}: {} is not in its source_sentence", quoted(as_written))
            }
            ReadProblem::DoesNotState { line, as_written } => {
                write!(f, "records.csv:{line}: {} does not state its value and qualifier", quoted(as_written))
            }
            ReadProblem::SecondNumber { line, number } => {
                write!(f, "records.csv:{line}: a second number, {}, falls in its words", quoted(number))
            }
            ReadProblem::Unaccounted { number } => {
                write!(f, "{} in the source is neither a record nor on the ignore list", quoted(number))
            }
            ReadProblem::NotScanned { line, as_written } => {
                write!(f, "records.csv:{line}: {} is not a number the scan finds", quoted(as_written))
            }
            ReadProblem::StaleIgnore { as_written } => {
                write!(f, "the ignore list has {}, which the source does not contain", quoted(as_written))
            }
            ReadProblem::ShortReason { as_written } => {
                write!(f, "the ignore list's {} needs a reason of more than 20 characters", quoted(as_written))
            }
        }
    }
}

/// The numbers of `text`, the source `source_id`, each with what accounts for it, and every problem
/// on the way: a record of that source whose sentence or figure is not in the text, a second number
/// in a record's words, an ignore entry the text does not hold or without a reason. `ignored` is the
/// ignore list as (file name, CSV text); its entries for other sources are left alone.
pub fn read_source(
    d: &Dataset,
    source_id: &str,
    text: &str,
    ignored: (&str, &str),
) -> (Vec<Reading>, Vec<ReadProblem>) {
    let mut problems = Vec::new();
    let mut errors: Vec<DataError> = Vec::new();
    let ignored: Vec<IgnoredRow> = match read_table::<IgnoredRow>(ignored, &mut errors) {
        Some(table) => table.rows.into_iter().map(|(_, row)| row).filter(|row| row.source == source_id).collect(),
        None => Vec::new(),
    };
    problems.extend(errors.into_iter().map(ReadProblem::File));
    let all = mentions(text);
    // Each stated figure of the source, with where its words stand in the text.
    let mut stated: Vec<((usize, usize), &Record)> = Vec::new();
    for r in d.records.iter().filter(|r| d.sources[r.source].id == source_id && r.qualifier != Qualifier::Derived) {
        let line = r.line;
        let Some(sentence) = text.find(r.source_sentence.as_ref()).filter(|_| !r.source_sentence.is_empty()) else {
            problems.push(ReadProblem::SentenceNotInSource { line });
            continue;
        };
        let Some(first) = r.source_sentence.find(r.as_written.as_ref()) else {
            problems.push(ReadProblem::NotInSentence { line, as_written: r.as_written.to_string() });
            continue;
        };
        if parse_as_written(&r.as_written) != Some((r.value, r.qualifier)) {
            problems.push(ReadProblem::DoesNotState { line, as_written: r.as_written.to_string() });
        }
        // The figure's own place: where its words end as a number ends ("2" is not the 2 of
        // "2024"), and no record before it took that place ("1,200 arrests and 1,200 seizures").
        let len = r.as_written.len();
        let span = r
            .source_sentence
            .match_indices(r.as_written.as_ref())
            .map(|(at, _)| (sentence + at, sentence + at + len))
            .filter(|&(s, e)| all.iter().any(|m| m.end == e && m.start >= s))
            .find(|span| !stated.iter().any(|(taken, _)| taken == span))
            .unwrap_or((sentence + first, sentence + first + len));
        stated.push((span, r));
    }
    let mut found = vec![false; stated.len()];
    let mut used = vec![false; ignored.len()];
    let mut readings = Vec::new();
    for m in all {
        let accounted = if let Some(k) = stated.iter().position(|((s, e), _)| *s <= m.start && m.end <= *e) {
            if found[k] {
                problems.push(ReadProblem::SecondNumber { line: stated[k].1.line, number: m.text.clone() });
            }
            found[k] = true;
            Accounted::Record { line: stated[k].1.line }
        } else if let Some(k) = ignored.iter().position(|row| row.as_written == m.text) {
            used[k] = true;
            Accounted::Ignored { reason: ignored[k].reason.clone() }
        } else {
            problems.push(ReadProblem::Unaccounted { number: m.text.clone() });
            match propose(text, &m) {
                Ok(proposal) => Accounted::Unaccounted { proposal, caution: None },
                Err(caution) => Accounted::Unaccounted { proposal: None, caution: Some(caution) },
            }
        };
        readings.push(Reading { mention: m, accounted });
    }
    for (((_, _), r), found) in stated.iter().zip(found) {
        if !found {
            problems.push(ReadProblem::NotScanned { line: r.line, as_written: r.as_written.to_string() });
        }
    }
    for (row, used) in ignored.iter().zip(used) {
        if !used {
            problems.push(ReadProblem::StaleIgnore { as_written: row.as_written.clone() });
        }
        if row.reason.len() <= 20 {
            problems.push(ReadProblem::ShortReason { as_written: row.as_written.clone() });
        }
    }
    (readings, problems)
}

/// Words before a number that make it a bound or an estimate, as `parse_as_written` reads them.
const QUALIFYING: [&str; 6] = ["more than ", "over ", "at least ", "about ", "approximately ", "nearly "];
/// Words before a number that make it an upper bound, which no qualifier holds: never proposed as
/// exact (checked before [`QUALIFYING`], so "no more than" is not read as "more than").
const UPPER: [&str; 9] = [
    "no more than ",
    "not more than ",
    "less than ",
    "fewer than ",
    "up to ",
    "under ",
    "below ",
    "at most ",
    "almost ",
];

/// The `n` characters of `text` that end at byte `end`, lowercased, a no-break space read as a
/// space: what a qualifier before a number is compared with.
fn words_before(text: &str, end: usize, n: usize) -> Option<(usize, String)> {
    let mut start = end;
    for _ in 0..n {
        start -= text[..start].chars().next_back()?.len_utf8();
    }
    Some((start, text[start..end].to_ascii_lowercase().replace('\u{a0}', " ")))
}

/// The record a number would be, read from the sentence it stands in: `Ok(None)` for a number word
/// ("thousands") or anything else that states no value; `Err` with the reason where the words
/// bound it in a way no qualifier holds.
pub fn propose(text: &str, m: &Mention) -> Result<Option<Proposal>, String> {
    // "$12 million": the dollar sign is part of the figure as written.
    let number = if text[..m.start].ends_with('$') { m.start - 1 } else { m.start };
    let ends = |q: &&str| words_before(text, number, q.len()).filter(|(_, w)| w == *q);
    if let Some((at, _)) = UPPER.iter().find_map(&ends) {
        return Err(format!(
            "\u{201c}{}\u{201d} is an upper bound, and the data has no qualifier for one: put it on the ignore list with a reason, or ask for an upper-bound qualifier",
            &text[at..m.end]
        ));
    }
    if text[m.end..].starts_with('+') {
        return Err(format!(
            "\u{201c}{}+\u{201d} is written with a plus, which as_written cannot hold: put it on the ignore list with a reason, or write the record by hand",
            m.text
        ));
    }
    let start = QUALIFYING.iter().find_map(ends).map_or(number, |(at, _)| at);
    let as_written = &text[start..m.end];
    let Some((value, qualifier)) = parse_as_written(as_written) else { return Ok(None) };
    let qualifier = match qualifier {
        Qualifier::AtLeast => "at-least",
        Qualifier::Approximate => "approximate",
        _ => "exact",
    };
    let (from, to) = sentence_around(text, start, m.end);
    let (fiscal_year, fiscal_year_from) = fiscal_year_of(text, from, m.start);
    Ok(Some(Proposal {
        fiscal_year,
        fiscal_year_from,
        as_written: as_written.to_string(),
        value,
        qualifier,
        source_sentence: text[from..to].to_string(),
    }))
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

/// The fiscal year a number at byte `at`, in the sentence from byte `from`, belongs to: the last
/// one its sentence names before it, or else the one the heading of its list names ("FY 2024
/// Statistics:", the line above its "- " items). Never a year from anywhere else in the text: a
/// release's "over FY 2023" must not date the next sentence's figures.
fn fiscal_year_of(text: &str, from: usize, at: usize) -> (Option<u16>, Option<String>) {
    if let Some(year) = last_fiscal_year(&text[from..at]) {
        return (Some(year), None);
    }
    let line_start = text[..from].rfind('\n').map_or(0, |i| i + 1);
    let is_item = |line: &str| line.trim_start().starts_with(['-', '*', '•']);
    if !is_item(&text[line_start..]) {
        return (None, None);
    }
    let heading = text[..line_start].lines().rev().find(|line| !is_item(line) && !line.trim().is_empty());
    match heading.filter(|h| h.trim_end().ends_with(':')).and_then(|h| last_fiscal_year(h).map(|y| (y, h))) {
        Some((year, heading)) => (Some(year), Some(heading.trim().to_string())),
        None => (None, None),
    }
}

/// The last fiscal year named in `text`, as "FY 2024", "FY2024" or "fiscal year 2024".
fn last_fiscal_year(text: &str) -> Option<u16> {
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

    /// The proposal for the number `number` of `text`.
    fn proposed(text: &str, number: &str) -> Result<Option<Proposal>, String> {
        propose(text, &mentions(text).into_iter().find(|m| m.text == number).unwrap())
    }

    #[test]
    fn a_proposal_takes_the_qualifier_the_sentence_and_the_year() {
        let text = "Intro line\nIn FY 2024, U.S. Customs stopped more than 4,850 shipments. Then 3.7 million more.\n";
        assert_eq!(
            proposed(text, "4,850"),
            Ok(Some(Proposal {
                fiscal_year: Some(2024),
                fiscal_year_from: None,
                as_written: "more than 4,850".into(),
                value: 4850.0,
                qualifier: "at-least",
                source_sentence: "In FY 2024, U.S. Customs stopped more than 4,850 shipments.".into(),
            }))
        );
        // The next sentence names no year: none is taken from the one before.
        let p = proposed(text, "3.7 million").unwrap().unwrap();
        assert_eq!(
            (p.source_sentence.as_str(), p.value, p.qualifier, p.fiscal_year),
            ("Then 3.7 million more.", 3_700_000.0, "exact", None)
        );
        // A list item is its own sentence, without its bullet, dated by its list's heading; a
        // number word proposes nothing.
        let list = "FY 2023 Statistics:\n- Findings issued: 0\n- Penalties issued: 1\nthousands of people";
        let p = proposed(list, "1").unwrap().unwrap();
        assert_eq!(
            (p.source_sentence.as_str(), p.fiscal_year, p.fiscal_year_from.as_deref()),
            ("Penalties issued: 1", Some(2023), Some("FY 2023 Statistics:"))
        );
        assert_eq!(proposed(list, "thousands"), Ok(None));
    }

    #[test]
    fn dollars_and_no_break_spaces_keep_their_qualifier_and_upper_bounds_are_never_exact() {
        let p = proposed("It stopped more than $12 million in goods.", "12 million").unwrap().unwrap();
        assert_eq!((p.as_written.as_str(), p.value, p.qualifier), ("more than $12 million", 12e6, "at-least"));
        // Pasted from a web page: "more than 800" and "3.7 million" with no-break spaces.
        let p = proposed("It assisted more\u{a0}than 800 victims.", "800").unwrap().unwrap();
        assert_eq!((p.as_written.as_str(), p.value, p.qualifier), ("more\u{a0}than 800", 800.0, "at-least"));
        let p = proposed("It reached 3.7\u{a0}million people.", "3.7\u{a0}million").unwrap().unwrap();
        assert_eq!(p.value, 3.7e6);
        for (text, number) in [
            ("It saw no more than 500 cases.", "500"),
            ("It saw fewer than 500 cases.", "500"),
            ("It saw up to 500 cases.", "500"),
            ("It saw almost 500 cases.", "500"),
        ] {
            let caution = proposed(text, number).unwrap_err();
            assert!(caution.contains("is an upper bound"), "{text}: {caution}");
        }
        assert!(proposed("It stopped 4,850+ shipments.", "4,850").unwrap_err().contains("written with a plus"));
    }

    #[test]
    fn a_record_accounts_for_its_own_place_in_the_sentence() {
        let mut d = repository_data().clone();
        let source = d.sources.iter().position(|s| s.id == "fy2024-release").unwrap();
        let mut r = d.records.iter().find(|r| r.source == source && r.qualifier == Qualifier::Exact).unwrap().clone();
        (r.source_sentence, r.as_written, r.value, r.line) =
            ("In FY 2024, CBP issued 2 penalties.".into(), "2".into(), 2.0, 9);
        d.records = vec![r].into();
        let text = "In FY 2024, CBP issued 2 penalties.";
        let ignored =
            ("i.csv", "source,as_written,reason\nfy2024-release,2024,the fiscal year that each record names\n");
        let (readings, problems) = read_source(&d, "fy2024-release", text, ignored);
        assert_eq!(problems, Vec::<ReadProblem>::new());
        let status: Vec<(&str, &Accounted)> =
            readings.iter().map(|r| (r.mention.text.as_str(), &r.accounted)).collect();
        assert_eq!(status[1], ("2", &Accounted::Record { line: 9 }));
    }

    #[test]
    fn every_number_of_the_fy2024_release_is_accounted_for_with_todays_data() {
        let text = include_str!("../../../data/source/dhs-ccht-fy2024-release.txt");
        let ignored = include_str!("../../../data/source/ignored-numbers.csv");
        let (readings, problems) = read_source(repository_data(), "fy2024-release", text, ("ignored.csv", ignored));
        assert_eq!(problems, Vec::<ReadProblem>::new());
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
        let Accounted::Unaccounted { proposal: Some(p), .. } = &red[0].accounted else { panic!("no proposal") };
        assert_eq!(
            (p.as_written.as_str(), p.value, p.qualifier, p.fiscal_year),
            ("about 1,200", 1200.0, "approximate", Some(2024))
        );
        assert_eq!(p.source_sentence, "In FY 2024, DHS screened about 1,200 cargo containers.");
    }
}
