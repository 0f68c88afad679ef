//! Fidelity: a dataset held to the text of a source it quotes. Every figure the dataset takes from
//! the source stands in it word for word, in the sentence the record copies; and every number in
//! the source is either one of those figures or on an ignore list, each with its reason. A figure
//! left out, mistyped or made up fails the check, and so does a stale ignore entry.

use crate::dataset::Dataset;
use crate::reading::read_source;

/// Holds the records taken from the source `source_id` to its `text`, with `ignored` (name, text)
/// the CSV list of its other numbers (`source,as_written,reason`). Returns how many records it
/// checked, or every problem found, each naming the record's line in `records.csv` or the ignore
/// entry. The reading itself is [`read_source`]'s, as the analyst's studio shows it.
pub fn check_fidelity(d: &Dataset, source_id: &str, text: &str, ignored: (&str, &str)) -> Result<usize, Vec<String>> {
    let (readings, problems) = read_source(d, source_id, text, ignored);
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
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
