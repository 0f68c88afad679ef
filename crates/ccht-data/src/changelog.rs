//! The dated record of what changed: for each data version, the figures it added, changed or removed
//! against the version before, as [`changes`] (the studio's comparison) finds them, written as plain
//! text a reader can follow, newest first.
//!
//! `data/changes.csv` keeps it, one row a figure: `version,change,fiscal_year,component,metric,
//! before,after`. [`read_changes`] replays it from no figures to the last version and requires
//! exactly the figures `data/records.csv` holds, so the record cannot drift from the data: a figure
//! edited without its row is refused, and the message gives the rows to add.

use crate::changes::{changes, figure, Change};
use crate::dataset::Dataset;
use crate::files::{read_table, row, DataError};
use crate::quote::quoted;
use crate::versions::DataVersion;
use std::collections::BTreeMap;

/// The file's name, relative to the data folder.
pub const CHANGES_FILE: &str = "changes.csv";

row!(ChangeRow { version, change, fiscal_year, component, metric, before, after });

/// Reads `data/changes.csv`, checks each row against the versions and its replay against `dataset`,
/// and gives each version's entry, oldest first.
pub fn read_changes<'a>(
    text: &str,
    versions: &'a [DataVersion],
    dataset: &Dataset,
) -> Result<Vec<Entry<'a>>, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(table) = read_table::<ChangeRow>((CHANGES_FILE, text), &mut errors) else {
        return Err(errors);
    };
    let mut entries: Vec<Entry<'a>> = versions.iter().map(|version| Entry { version, changes: Vec::new() }).collect();
    // The figures as the changelog has them so far: (year, component, metric) → figure.
    let mut replayed: BTreeMap<(u16, String, String), String> = BTreeMap::new();
    let mut last_version = 0;
    for (line, row) in &table.rows {
        let err = |reason: String| table.error(*line, reason);
        let Some(at) = versions.iter().position(|v| v.number.to_string() == row.version) else {
            errors.push(err(format!("version {} is not in versions.csv", quoted(&row.version))));
            continue;
        };
        if versions[at].number < last_version {
            errors.push(err(format!(
                "version {} comes after version {last_version}: keep the rows in version order",
                row.version
            )));
        }
        last_version = versions[at].number;
        let Ok(fiscal_year) = row.fiscal_year.parse::<u16>() else {
            errors.push(err(format!("fiscal_year {} is not a year", quoted(&row.fiscal_year))));
            continue;
        };
        let key = (fiscal_year, row.component.clone(), row.metric.clone());
        let what = format!("FY {fiscal_year} {} {}", row.component, row.metric);
        let now = replayed.get(&key).cloned();
        let (change, before, after) = match (row.change.as_str(), row.before.as_str(), row.after.as_str()) {
            ("added", "", after) if !after.is_empty() => ("added", None, Some(after)),
            ("changed", before, after) if !before.is_empty() && !after.is_empty() => {
                ("changed", Some(before), Some(after))
            }
            ("removed", before, "") if !before.is_empty() => ("removed", Some(before), None),
            ("added" | "changed" | "removed", _, _) => {
                errors.push(err(format!(
                    "{} needs {}",
                    row.change,
                    match row.change.as_str() {
                        "added" => "an after and no before",
                        "removed" => "a before and no after",
                        _ => "a before and an after",
                    }
                )));
                continue;
            }
            _ => {
                errors.push(err(format!("change {} is not added, changed or removed", quoted(&row.change))));
                continue;
            }
        };
        if now.as_deref() != before {
            let had = now.as_deref().map_or("no figure".to_string(), quoted);
            errors.push(err(format!(
                "{what}: the row starts from {}, but the versions before leave {had}",
                before.map_or("no figure".to_string(), quoted)
            )));
        }
        match after {
            Some(after) => replayed.insert(key, after.to_string()),
            None => replayed.remove(&key),
        };
        entries[at].changes.push(Change {
            change,
            fiscal_year,
            component: row.component.clone(),
            metric: row.metric.clone(),
            before: before.map(str::to_string),
            after: after.map(str::to_string),
        });
    }
    if errors.is_empty() {
        // What records.csv holds and the changelog does not yet say, as rows to add: to the newest
        // version if it has no rows yet (the analyst has added its line), else to a new one.
        let newest = versions.last().map_or(0, |v| v.number);
        let bumped = entries.last().is_some_and(|e| e.changes.is_empty());
        let next = if bumped { newest } else { newest + 1 };
        let mut current: BTreeMap<(u16, String, String), String> = BTreeMap::new();
        for r in dataset.records.iter() {
            let key = (
                r.fiscal_year,
                dataset.components[r.component].id.to_string(),
                dataset.metrics[r.metric].id.to_string(),
            );
            current.insert(key, figure(dataset, r));
        }
        let mut missing = Vec::new();
        for (key, figure) in &current {
            match replayed.get(key) {
                None => missing.push(csv_row(next, "added", key, "", figure)),
                Some(had) if had != figure => missing.push(csv_row(next, "changed", key, had, figure)),
                Some(_) => {}
            }
        }
        for (key, had) in &replayed {
            if !current.contains_key(key) {
                missing.push(csv_row(next, "removed", key, had, ""));
            }
        }
        if !missing.is_empty() {
            let version_line = if bumped {
                String::new()
            } else {
                format!("add the line {next},YYYY-MM-DD,<what changed> to versions.csv (today's date), then ")
            };
            errors.push(table.error(
                0,
                format!(
                    "the figures in records.csv differ from what the changelog says: {version_line}add these rows to changes.csv:\n{}",
                    missing.join("\n")
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// A row of `changes.csv`, quoted as a spreadsheet writes it (the csv crate, as `append_row` writes
/// a row).
fn csv_row(
    version: u32,
    change: &str,
    (year, component, metric): &(u16, String, String),
    before: &str,
    after: &str,
) -> String {
    let fields = [&version.to_string(), change, &year.to_string(), component, metric, before, after];
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    // Writing to memory cannot fail, and the fields are text: an empty row is never the answer.
    let written = writer.write_record(fields).ok().and_then(|()| writer.into_inner().ok());
    written.and_then(|bytes| String::from_utf8(bytes).ok()).map_or_else(String::new, |row| row.trim_end().to_string())
}

/// One version's entry: the version and what it changed against the one before (everything
/// added, for the first).
pub struct Entry<'a> {
    pub version: &'a DataVersion,
    pub changes: Vec<Change>,
}

/// The entries for `versions` (oldest first), each with its dataset as published.
pub fn entries<'a>(versions: &'a [DataVersion], datasets: &[Dataset]) -> Vec<Entry<'a>> {
    let empty = Dataset::default();
    versions
        .iter()
        .zip(datasets)
        .enumerate()
        .map(|(i, (version, after))| {
            let before = if i == 0 { &empty } else { &datasets[i - 1] };
            Entry { version, changes: changes(before, after) }
        })
        .collect()
}

/// The changelog as text, newest version first.
pub fn changelog_text(title: &str, entries: &[Entry<'_>], names: &Dataset) -> String {
    // Components and measures by their names where the data still has them, else by their ids.
    let component =
        |id: &str| names.components.iter().find(|c| *c.id == *id).map_or(id.to_string(), |c| c.name.to_string());
    let metric = |id: &str| names.metrics.iter().find(|m| *m.id == *id).map_or(id.to_string(), |m| m.name.to_string());
    let mut out = format!("{title}: what changed\n\nEach data version, newest first, with every figure it added, changed or removed\n(fiscal year, component, measure; the figure as written and its source's id).\n");
    for entry in entries.iter().rev() {
        let v = entry.version;
        let count = |kind: &str| entry.changes.iter().filter(|c| c.change == kind).count();
        out.push_str(&format!(
            "\nVersion {}, {}: {}\n  {} added, {} changed, {} removed\n",
            v.number,
            v.date,
            v.summary,
            count("added"),
            count("changed"),
            count("removed")
        ));
        for c in &entry.changes {
            let what = format!("FY {}, {}, {}", c.fiscal_year, component(&c.component), metric(&c.metric));
            let line = match (c.change, &c.before, &c.after) {
                ("changed", Some(before), Some(after)) => format!("  changed  {what}: {before} -> {after}"),
                (kind, _, Some(after)) => format!("  {kind:<8} {what}: {after}"),
                (kind, Some(before), None) => format!("  {kind:<8} {what}: {before}"),
                (kind, None, None) => format!("  {kind:<8} {what}"),
            };
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::load_folder;
    use crate::repository_data;
    use crate::versions::read_versions;
    use std::path::Path;

    fn version(number: u32, date: &str) -> DataVersion {
        DataVersion { number, date: date.into(), summary: format!("summary {number}") }
    }

    /// The two versions in `tests/fixtures/versions/`: the second adds one figure (FY 2025
    /// arrests), changes one (FY 2023 convictions, 519 to 520) and removes one (FY 2023 indictments).
    #[test]
    fn lists_exactly_the_planted_additions_changes_and_removals() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/versions");
        let load = |n: &str| load_folder(&fixtures.join(n)).unwrap_or_else(|e| panic!("{e:?}"));
        let datasets = [load("1"), load("2")];
        let versions = [version(1, "2026-11-29"), version(2, "2026-12-07")];
        let entries = entries(&versions, &datasets);
        assert_eq!(entries[0].changes.len(), datasets[0].records.len(), "the first version adds every figure");
        assert!(entries[0].changes.iter().all(|c| c.change == "added"));
        let second: Vec<String> = entries[1]
            .changes
            .iter()
            .map(|c| format!("{} {} {} {}", c.change, c.fiscal_year, c.component, c.metric))
            .collect();
        assert_eq!(second, ["changed 2023 dhs convictions", "removed 2023 dhs indictments", "added 2025 dhs arrests"]);
        let text = changelog_text("Figures", &entries, &datasets[1]);
        assert!(text.starts_with("Figures: what changed\n"));
        let newest = text.find("Version 2, 2026-12-07: summary 2\n  1 added, 1 changed, 1 removed\n").unwrap();
        assert!(newest < text.find("Version 1, 2026-11-29").unwrap(), "newest first");
        assert!(text.contains("  changed  FY 2023, DHS-wide, Convictions: 519 (s2) -> 520 (s2)\n"), "{text}");
        assert!(text.contains("  removed  FY 2023, DHS-wide, Indictments supported: more than 1,000 (s2)\n"), "{text}");
        assert!(text.contains("  added    FY 2025, DHS-wide, Trafficking-related arrests: more than 2,600 (s2)\n"));
    }

    fn data_file(name: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data").join(name)).unwrap()
    }

    #[test]
    fn the_repository_changelog_replays_to_the_data() {
        let versions = read_versions(&data_file("versions.csv")).unwrap();
        let entries =
            read_changes(&data_file(CHANGES_FILE), &versions, repository_data()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(entries.len(), versions.len());
        let added: usize = entries.iter().map(|e| e.changes.iter().filter(|c| c.change == "added").count()).sum();
        assert!(added >= repository_data().records.len());
    }

    #[test]
    fn a_figure_edited_without_its_row_is_refused_with_the_rows_to_add() {
        let versions = read_versions("version,date,summary\n1,2026-11-29,First\n").unwrap();
        let data = repository_data();
        let first = &data.records[0];
        let header = "version,change,fiscal_year,component,metric,before,after\n";
        // Every figure but the first, and one that is not in the data.
        let mut text = header.to_string();
        for r in data.records.iter().skip(1) {
            let key =
                (r.fiscal_year, data.components[r.component].id.to_string(), data.metrics[r.metric].id.to_string());
            text.push_str(&csv_row(1, "added", &key, "", &figure(data, r)));
            text.push('\n');
        }
        text.push_str("1,added,2031,dhs,arrests,,5 (fy2024-release)\n");
        let errors = read_changes(&text, &versions, data).err().unwrap();
        let message = errors[0].to_string();
        assert!(message.starts_with("changes.csv: the figures in records.csv differ from what the changelog says: add the line 2,YYYY-MM-DD,<what changed> to versions.csv (today's date), then add these rows to changes.csv:\n"), "{message}");
        assert!(
            message.contains(&format!(
                "\n2,added,{},dhs,victims-assisted,,more than 800 (fy2024-release)",
                first.fiscal_year
            )),
            "{message}"
        );
        assert!(message.ends_with("\n2,removed,2031,dhs,arrests,5 (fy2024-release),"), "{message}");
        // Once the new version's line is there, the rows are for it, and no line is asked for.
        let two = read_versions("version,date,summary\n1,2026-11-29,First\n2,2026-12-07,Second\n").unwrap();
        let message = read_changes(&text, &two, data).err().unwrap()[0].to_string();
        assert!(message.contains("changelog says: add these rows to changes.csv:\n2,added,"), "{message}");
        // A row that starts from a figure the versions before do not leave, and a kind of change
        // that does not exist, are named by their lines.
        let text = format!("{header}1,changed,2024,dhs,arrests,\"2,500 (x)\",\"2,600 (x)\"\n1,edited,2024,dhs,arrests,,x\n9,added,2024,dhs,arrests,,x\n");
        let errors: Vec<String> =
            read_changes(&text, &versions, data).err().unwrap().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            [
                "changes.csv:2: FY 2024 dhs arrests: the row starts from \"2,500 (x)\", but the versions before leave no figure",
                "changes.csv:3: change \"edited\" is not added, changed or removed",
                "changes.csv:4: version \"9\" is not in versions.csv",
            ]
        );
    }
}
