//! What an edited dataset changes against another: each figure, keyed by its year, component and
//! metric, added, changed (its value, qualifier, wording, source or note) or removed. The studio
//! shows it before the analyst saves.

use crate::dataset::Dataset;
use crate::tables::Record;
use serde::Serialize;

/// One figure that differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// `added`, `changed` or `removed`.
    pub change: &'static str,
    pub fiscal_year: u16,
    pub component: String,
    pub metric: String,
    /// The figure as written before and after, with its source's id: "231 (fy2024-release)".
    pub before: Option<String>,
    pub after: Option<String>,
}

fn key(d: &Dataset, r: &Record) -> (u16, String, String) {
    (r.fiscal_year, d.components[r.component].id.to_string(), d.metrics[r.metric].id.to_string())
}

/// A figure as written, with its source's id: "more than 800 (fy2024-release)"; a derived figure,
/// which no source writes, by its value: "44022, derived (fy2024-release)".
pub(crate) fn figure(d: &Dataset, r: &Record) -> String {
    if r.as_written.is_empty() {
        format!("{}, derived ({})", r.value, d.sources[r.source].id)
    } else {
        format!("{} ({})", r.as_written, d.sources[r.source].id)
    }
}

/// The figures of `after` that differ from `before`, in year, component and metric order.
pub fn changes(before: &Dataset, after: &Dataset) -> Vec<Change> {
    let same = |a: &Record, b: &Record| {
        fn words(r: &Record) -> [&str; 6] {
            [&r.as_written, &r.source_sentence, &r.reported_as, &r.note, &r.note_es, &r.derivation]
        }
        (a.value, a.qualifier) == (b.value, b.qualifier)
            && words(a) == words(b)
            && before.sources[a.source].id == after.sources[b.source].id
    };
    let mut out = Vec::new();
    for b in after.records.iter() {
        let k = key(after, b);
        let (fiscal_year, component, metric) = k.clone();
        let change = |change, before: Option<String>| Change {
            change,
            fiscal_year,
            component: component.clone(),
            metric: metric.clone(),
            before,
            after: Some(figure(after, b)),
        };
        match before.records.iter().find(|a| key(before, a) == k) {
            None => out.push(change("added", None)),
            Some(a) if !same(a, b) => out.push(change("changed", Some(figure(before, a)))),
            Some(_) => {}
        }
    }
    for a in before.records.iter() {
        let k = key(before, a);
        if !after.records.iter().any(|b| key(after, b) == k) {
            let (fiscal_year, component, metric) = k;
            out.push(Change {
                change: "removed",
                fiscal_year,
                component,
                metric,
                before: Some(figure(before, a)),
                after: None,
            });
        }
    }
    out.sort_by(|a, b| (a.fiscal_year, &a.component, &a.metric).cmp(&(b.fiscal_year, &b.component, &b.metric)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repository_data;

    #[test]
    fn an_added_a_changed_and_a_removed_figure_are_each_named_once() {
        let before = repository_data();
        assert_eq!(changes(before, before), []);
        let mut after = before.clone();
        let records = after.records.to_mut();
        let removed = records.remove(0);
        records[0].as_written = "about 24,000".into();
        let mut added = records[1].clone();
        added.fiscal_year = 2031;
        records.push(added);
        let found: Vec<(&str, u16)> = changes(before, &after).iter().map(|c| (c.change, c.fiscal_year)).collect();
        assert_eq!(found, [("changed", 2024), ("removed", removed.fiscal_year), ("added", 2031)]);
        let changed = &changes(before, &after)[0];
        assert_eq!(changed.before.as_deref(), Some("more than 24,000 (fy2024-release)"));
        assert_eq!(changed.after.as_deref(), Some("about 24,000 (fy2024-release)"));
    }
}
