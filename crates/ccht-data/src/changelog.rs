//! The dated record of what changed: for each data version, the figures it added, changed or removed
//! against the version before, as [`changes`] (the studio's comparison) finds them, written as plain
//! text a reader can follow, newest first.

use crate::changes::{changes, Change};
use crate::dataset::Dataset;
use crate::versions::DataVersion;

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
pub fn changelog_text(title: &str, entries: &[Entry<'_>]) -> String {
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
            let what = format!("FY {} {} {}", c.fiscal_year, c.component, c.metric);
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
        let text = changelog_text("Figures", &entries);
        assert!(text.starts_with("Figures: what changed\n"));
        let newest = text.find("Version 2, 2026-12-07: summary 2\n  1 added, 1 changed, 1 removed\n").unwrap();
        assert!(newest < text.find("Version 1, 2026-11-29").unwrap(), "newest first");
        assert!(text.contains("  changed  FY 2023 dhs convictions: 519 (s2) -> 520 (s2)\n"), "{text}");
        assert!(text.contains("  removed  FY 2023 dhs indictments: more than 1,000 (s2)\n"));
        assert!(text.contains("  added    FY 2025 dhs arrests: more than 2,600 (s2)\n"));
    }
}
