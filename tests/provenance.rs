//! Provenance of the earlier years: every FY2020–FY2023 record is a row of the source notes
//! (`data/source/earlier-years.md`) with its value and qualifier, carries a source address and
//! kind, and no chart shows a point that is not a record.
#![cfg(not(target_arch = "wasm32"))]

use ccht_chart::{fiscal_years, select, Qualifier, SourceKind, ViewKind, ViewSpec, DATASET};

const NOTES: &str = include_str!("../data/source/earlier-years.md");

/// (fiscal year, value, qualifier words) for each table row of the notes.
fn note_rows() -> Vec<(u16, f64, String)> {
    NOTES
        .lines()
        .filter(|l| l.starts_with("| 20"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let number =
                |cell: &str| cell.parse().unwrap_or_else(|_| panic!("{cell:?} in the notes' table is no number"));
            (number(cells[1]) as u16, number(cells[4]), cells[5].to_string())
        })
        .collect()
}

#[test]
fn every_earlier_record_is_a_row_of_the_source_notes() {
    let rows = note_rows();
    assert_eq!(rows.len(), 33);
    let mut used = vec![false; rows.len()];
    for r in DATASET.records.iter().filter(|r| r.fiscal_year < 2024 && r.qualifier != Qualifier::Derived) {
        // The 46% rise in partnerships is stated inside the 63 partnerships row's qualifier.
        if r.value == 46.0 {
            assert!(rows.iter().any(|(fy, v, q)| *fy == 2023 && *v == 63.0 && q.contains("46% increase")));
            continue;
        }
        let found = rows.iter().enumerate().find(|(i, (fy, v, q))| {
            !used[*i]
                && *fy == r.fiscal_year
                && *v == r.value
                && (q.starts_with("more than") == (r.qualifier == Qualifier::AtLeast))
        });
        match found {
            Some((i, _)) => used[i] = true,
            None => panic!(
                "records.csv line {}: FY{} {} has no matching row in earlier-years.md",
                r.line, r.fiscal_year, r.value
            ),
        }
    }
    let left_out: Vec<_> = rows.iter().zip(&used).filter(|(_, u)| !**u).map(|(r, _)| r).collect();
    assert!(left_out.is_empty(), "rows of earlier-years.md not in records.csv: {left_out:?}");
}

#[test]
fn every_record_names_a_source_with_an_address_and_a_kind() {
    for r in DATASET.records.iter() {
        let s = &DATASET.sources[r.source];
        assert!(s.url.starts_with("https://"), "line {}", r.line);
        // Secondary sources are cited, never quoted.
        if s.kind == SourceKind::Secondary {
            assert!(r.source_sentence.is_empty(), "line {}: do not copy a secondary source's wording", r.line);
        }
    }
    let kinds: Vec<SourceKind> = DATASET.sources.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&SourceKind::Primary) && kinds.contains(&SourceKind::Secondary));
}

#[test]
fn no_series_has_an_invented_point() {
    let base = ViewSpec::default_for(&DATASET);
    for c in 0..DATASET.components.len() {
        for m in 0..DATASET.metrics.len() {
            let spec = ViewSpec { view: ViewKind::Trend, component: c, metric: m, ..base };
            let chart = select(&DATASET, &spec);
            let records = DATASET.records.iter().filter(|r| r.component == c && r.metric == m).count();
            assert_eq!(chart.bar_count(), records);
            for panel in &chart.panels {
                for bar in &panel.bars {
                    let r = &DATASET.records[bar.record];
                    assert_eq!((r.component, r.metric, r.value, r.qualifier), (c, m, bar.value, bar.qualifier));
                }
                // Every year of the range is a bar or a gap, once.
                assert_eq!(panel.bars.len() + panel.gaps.len(), fiscal_years(&DATASET).len());
            }
        }
    }
}

#[test]
fn the_series_that_span_several_years() {
    let mut spanning = Vec::new();
    for (c, component) in DATASET.components.iter().enumerate() {
        for (m, metric) in DATASET.metrics.iter().enumerate() {
            let mut years: Vec<u16> =
                DATASET.records.iter().filter(|r| r.component == c && r.metric == m).map(|r| r.fiscal_year).collect();
            years.sort_unstable();
            if years.len() > 1 {
                spanning.push(format!("{} {}: {:?}", component.id, metric.id, years));
            }
        }
    }
    println!("{}", spanning.join("\n"));
    assert!(spanning.iter().any(|s| s == "hsi arrests: [2020, 2021, 2022, 2023, 2024]"));
}
