//! Fidelity: a dataset held to the text of a source it quotes. Every figure the dataset takes from
//! the source stands in it word for word, in the sentence the record copies; and every number in
//! the source is either one of those figures or on an ignore list, each with its reason. A figure
//! left out, mistyped or made up fails the check, and so does a stale ignore entry.

use crate::as_written::parse_as_written;
use crate::dataset::{Dataset, Qualifier, Record};
use crate::files::{read_table, row};

row! {
    /// A row of the ignore list: a number as the source writes it, and why it is no figure.
    IgnoredRow { as_written, reason }
}

/// A number as written in a text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
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

/// Every number in a text: "1,686", "3.7 million", "84%", "866-347-2423", and number words such
/// as "thousands", which a reader would take for a figure as well.
pub fn mentions(text: &str) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if bytes[i].is_ascii_digit() && starts_word {
            let start = i;
            let joins_digits =
                |i: usize| matches!(bytes[i], b',' | b'.' | b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            while i < bytes.len() && (bytes[i].is_ascii_digit() || joins_digits(i)) {
                i += 1;
            }
            for scale in [" million", " billion", " thousand"] {
                if text[i..].starts_with(scale) {
                    i += scale.len();
                }
            }
            if bytes.get(i) == Some(&b'%') {
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

/// Holds the records taken from the source `source_id` to its `text`, with `ignored` (name, text)
/// the CSV list of its other numbers (`as_written,reason`). Returns how many records it checked,
/// or every problem found, each naming the record's line in `records.csv` or the ignore entry.
pub fn check_fidelity(d: &Dataset, source_id: &str, text: &str, ignored: (&str, &str)) -> Result<usize, Vec<String>> {
    let mut problems = Vec::new();
    let mut errors = Vec::new();
    let ignored: Vec<IgnoredRow> = match read_table::<IgnoredRow>(ignored, &mut errors) {
        Some(table) => table.rows.into_iter().map(|(_, row)| row).collect(),
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
    for m in mentions(text) {
        if let Some(k) = stated.iter().position(|((s, e), _)| *s <= m.start && m.end <= *e) {
            if found[k] {
                problems.push(format!(
                    "records.csv:{}: a second number, {:?}, falls in its words",
                    stated[k].1.line, m.text
                ));
            }
            found[k] = true;
        } else if let Some(k) = ignored.iter().position(|row| row.as_written == m.text) {
            used[k] = true;
        } else {
            problems.push(format!("{:?} in the source is neither a record nor on the ignore list", m.text));
        }
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
    if problems.is_empty() {
        Ok(stated.len())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repository_data;

    const IGNORED: (&str, &str) = ("ignored.csv", "as_written,reason\n2024,the fiscal year that each record names\n");

    #[test]
    fn the_scanner_sees_every_form_of_number() {
        let text = "In FY 2024, 1,686 cases, more than 3.7 million clicks, 84% up; call 866-347-2423; thousands more.";
        let found: Vec<String> = mentions(text).into_iter().map(|m| m.text).collect();
        assert_eq!(found, ["2024", "1,686", "3.7 million", "84%", "866-347-2423", "thousands"]);
        let first = &mentions("x 12,5.")[0];
        assert_eq!((first.start, first.end, first.text.as_str()), (2, 6, "12,5"));
        assert!(mentions("a2 b3c").is_empty());
    }

    /// A one-record dataset from the source "r", with its sentence and figure as given.
    fn one_record(sentence: &str, as_written: &str, value: f64) -> Dataset {
        let mut d = repository_data().clone();
        let source = d.sources.iter().position(|s| s.id == "fy2024-release").unwrap();
        let mut r = d.records.iter().find(|r| r.source == source && r.qualifier == Qualifier::Exact).unwrap().clone();
        (r.source_sentence, r.as_written, r.value, r.line) =
            (sentence.to_string().into(), as_written.to_string().into(), value, 7);
        d.records = vec![r].into();
        d
    }

    #[test]
    fn a_faithful_record_passes_and_each_kind_of_drift_is_named() {
        let text = "In FY 2024, HSI made 2,545 arrests.";
        let check = |d: &Dataset, ignored| check_fidelity(d, "fy2024-release", text, ignored);
        assert_eq!(check(&one_record("HSI made 2,545 arrests.", "2,545", 2545.0), IGNORED), Ok(1));
        let problems = |d: &Dataset| check(d, IGNORED).unwrap_err();
        assert_eq!(
            problems(&one_record("HSI made 2,546 arrests.", "2,546", 2546.0)),
            [
                "records.csv:7: its source_sentence is not word for word in the source",
                "\"2,545\" in the source is neither a record nor on the ignore list",
            ]
        );
        assert_eq!(
            problems(&one_record("HSI made 2,545 arrests.", "2,545", 2546.0)),
            ["records.csv:7: \"2,545\" does not state its value and qualifier",]
        );
        assert_eq!(
            problems(&one_record("HSI made 2,545 arrests.", "2,54", 254.0)),
            [
                "\"2,545\" in the source is neither a record nor on the ignore list",
                "records.csv:7: \"2,54\" is not a number the scan finds",
            ]
        );
        assert_eq!(
            check(
                &one_record("HSI made 2,545 arrests.", "2,545", 2545.0),
                ("i.csv", "as_written,reason\n2024,short\n9,a number that the text does not hold\n")
            )
            .unwrap_err(),
            [
                "the ignore list's \"2024\" needs a reason of more than 20 characters",
                "the ignore list has \"9\", which the source does not contain",
            ]
        );
        assert_eq!(
            problems(&one_record("made 2,545 arrests", "made 2,545 arrests", 2545.0)),
            ["records.csv:7: \"made 2,545 arrests\" does not state its value and qualifier",]
        );
    }
}
