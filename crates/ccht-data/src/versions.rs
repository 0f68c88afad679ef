//! `data/versions.csv`: the numbered, dated versions of the figures, newest last. A citation names
//! the version it quotes, so a reader can tell whether a figure they cited has since changed; an
//! analyst adds a row whenever a figure is added, changed or removed.

use crate::date::IsoDate;
use crate::files::{read_table, row, DataError};
use crate::quote::quoted;

/// The file's name, relative to the data folder.
pub const VERSIONS_FILE: &str = "versions.csv";

/// One version of the figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataVersion {
    /// 1, 2, 3…: each version one more than the one before.
    pub number: u32,
    /// ISO date (YYYY-MM-DD) the version was published.
    pub date: String,
    /// What changed, in a line.
    pub summary: String,
}

row!(VersionRow { version, date, summary });

/// Reads and checks the versions: numbers 1, 2, 3… in order, ISO dates that never go back, a
/// summary each. A problem is reported `versions.csv:LINE: reason`, as for the other files.
pub fn read_versions(text: &str) -> Result<Vec<DataVersion>, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(table) = read_table::<VersionRow>((VERSIONS_FILE, text), &mut errors) else {
        return Err(errors);
    };
    let mut versions: Vec<DataVersion> = Vec::new();
    for (line, row) in &table.rows {
        let expected = versions.last().map_or(1, |v| v.number + 1);
        let Ok(number) = row.version.parse::<u32>() else {
            errors.push(table.error(*line, format!("version {} is not a whole number", quoted(&row.version))));
            continue;
        };
        if number != expected {
            errors.push(table.error(*line, format!("version {number} should be {expected}: versions count up by one")));
        }
        if IsoDate::parse(&row.date).is_none() {
            errors.push(table.error(*line, format!("date {} is not a date written YYYY-MM-DD", quoted(&row.date))));
        } else if let Some(before) = versions.last().filter(|v| v.date > row.date) {
            errors.push(
                table.error(*line, format!("date {} is before version {}'s {}", row.date, before.number, before.date)),
            );
        }
        if row.summary.is_empty() {
            errors.push(table.error(*line, "the summary is empty; say in a line what changed"));
        }
        versions.push(DataVersion { number, date: row.date.clone(), summary: row.summary.clone() });
    }
    if versions.is_empty() && errors.is_empty() {
        errors.push(table.error(1, "no version: add a row for the figures as they are"));
    }
    if errors.is_empty() {
        Ok(versions)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_versions_in_order() {
        let text = "version,date,summary\n1,2026-11-29,First\n2,2026-12-03,\"Second, with CBP\"\n";
        let versions = read_versions(text).unwrap();
        assert_eq!(versions.len(), 2);
        assert_eq!(
            versions[1],
            DataVersion { number: 2, date: "2026-12-03".into(), summary: "Second, with CBP".into() }
        );
    }

    #[test]
    fn each_problem_is_named_with_its_line() {
        let text = "version,date,summary\n1,2026-11-29,First\n3,2026-11-01,\n2,29/11/2026,x\nv4,2026-12-01,x\n";
        let errors: Vec<String> = read_versions(text).unwrap_err().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            [
                "versions.csv:3: version 3 should be 2: versions count up by one",
                "versions.csv:3: date 2026-11-01 is before version 1's 2026-11-29",
                "versions.csv:3: the summary is empty; say in a line what changed",
                "versions.csv:4: version 2 should be 4: versions count up by one",
                "versions.csv:4: date \"29/11/2026\" is not a date written YYYY-MM-DD",
                "versions.csv:5: version \"v4\" is not a whole number",
            ]
        );
        assert_eq!(
            read_versions("version,date,summary\n").unwrap_err()[0].to_string(),
            "versions.csv:1: no version: add a row for the figures as they are"
        );
    }

    #[test]
    fn the_repository_has_versions() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let text = std::fs::read_to_string(folder.join(VERSIONS_FILE)).unwrap();
        let versions = read_versions(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!versions.is_empty());
    }
}
