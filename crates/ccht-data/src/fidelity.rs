//! Fidelity: a dataset held to the text of a source it quotes. Every figure the dataset takes from
//! the source stands in it word for word, in the sentence the record copies; and every number in
//! the source is either one of those figures or on an ignore list, each with its reason. A figure
//! left out, mistyped or made up fails the check, and so does a stale ignore entry.

use crate::dataset::Dataset;
use crate::reading::read_source;

/// A number as written in a text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
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
            // "3.7 million", with a space or, as web pages write it, a no-break space.
            for scale in ["million", "billion", "thousand"] {
                for space in [" ", "\u{a0}"] {
                    if text[i..].strip_prefix(space).is_some_and(|rest| rest.starts_with(scale)) {
                        i += space.len() + scale.len();
                    }
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
/// the CSV list of its other numbers (`source,as_written,reason`). Returns how many records it
/// checked, or every problem found, each naming the record's line in `records.csv` or the ignore
/// entry. The reading itself is [`read_source`]'s, as the analyst's studio shows it.
pub fn check_fidelity(d: &Dataset, source_id: &str, text: &str, ignored: (&str, &str)) -> Result<usize, Vec<String>> {
    let (readings, problems) = read_source(d, source_id, text, ignored);
    if problems.is_empty() {
        Ok(readings.iter().filter(|r| matches!(r.accounted, crate::Accounted::Record { .. })).count())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{repository_data, Qualifier};

    const IGNORED: (&str, &str) =
        ("ignored.csv", "source,as_written,reason\nfy2024-release,2024,the fiscal year that each record names\n");

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
                ("i.csv", "source,as_written,reason\nfy2024-release,2024,short\nfy2024-release,9,a number that the text does not hold\nother,9,another source's entry is left alone\n")
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
