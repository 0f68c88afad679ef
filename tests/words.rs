//! What a reader is told, held to fixed words: each path from a figure to its words (the table and
//! CSV cell, the tooltip and the live region's announcement, the axis ticks and value labels, the
//! screen reader's description) checked against a
//! literal template and numbers grouped by this file's own code, never against the function that
//! wrote them. The figures are found by their qualifier in whatever the data holds, so a new year
//! of data needs no change here.
#![cfg(not(target_arch = "wasm32"))]

use ccht_chart::*;

/// A whole number with its thousands grouped by `sep`, written here rather than by the crate.
fn grouped(value: f64, sep: char) -> String {
    let digits = format!("{}", value as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Each record of `qualifier` (counts, whole numbers) with the component view that shows it.
fn shown_with(qualifier: Qualifier, lang: Lang) -> Vec<(&'static Record, Chart)> {
    DATASET
        .records
        .iter()
        .filter(|r| r.qualifier == qualifier && r.value.fract() == 0.0 && DATASET.kind_of(r).unit == Unit::Count)
        .map(|r| {
            let query = format!(
                "component={}&metric={}&fy={}&lang={}",
                DATASET.components[r.component].id,
                DATASET.metrics[r.metric].id,
                r.fiscal_year,
                lang.id()
            );
            (r, select(&DATASET, &ViewSpec::from_query(&DATASET, &query).0))
        })
        .collect()
}

/// The table's (and the CSV's) value cell for a record in a chart.
fn cell(r: &Record, chart: &Chart) -> String {
    let metric = DATASET.metrics[r.metric].label(chart.lang);
    let rows = table(&DATASET, chart).rows;
    let row = rows.into_iter().find(|row| row.metric == metric && row.fy == r.fiscal_year);
    row.unwrap_or_else(|| panic!("{metric} {} not in the table", r.fiscal_year)).text
}

#[test]
fn a_lower_bound_reads_more_than_in_its_table_cell() {
    let shown = shown_with(Qualifier::AtLeast, Lang::En);
    assert!(!shown.is_empty(), "the data has lower bounds");
    for (r, chart) in &shown {
        assert_eq!(cell(r, chart), format!("more than {}", grouped(r.value, ',')));
    }
}

#[test]
fn a_lower_bound_reads_more_than_in_its_tooltip_and_its_announcement() {
    for (i, r) in DATASET.records.iter().enumerate() {
        if r.qualifier != Qualifier::AtLeast || r.value.fract() != 0.0 || DATASET.kind_of(r).unit != Unit::Count {
            continue;
        }
        let words = record_words(&DATASET, i, Lang::En);
        let said = format!("more than {}", grouped(r.value, ','));
        assert_eq!(words.text, said);
        let (component, metric) =
            (DATASET.components[r.component].label(Lang::En), DATASET.metrics[r.metric].label(Lang::En));
        assert_eq!(words.announcement, format!("{component}, {metric}, fiscal year {}: {said}.", r.fiscal_year));
    }
}

#[test]
fn a_derived_figure_says_so_in_its_table_cell() {
    for (r, chart) in &shown_with(Qualifier::Derived, Lang::En) {
        assert_eq!(cell(r, chart), format!("{} (derived by us, not stated by the source)", grouped(r.value, ',')));
    }
}

#[test]
#[cfg(feature = "spanish")]
fn spanish_numbers_group_with_points_in_cells_labels_and_ticks() {
    let shown = shown_with(Qualifier::AtLeast, Lang::Es);
    assert!(shown.iter().any(|(r, _)| r.value >= 1000.0), "a lower bound of four digits or more");
    for (r, chart) in shown.iter().filter(|(r, _)| r.value >= 1000.0) {
        assert_eq!(cell(r, chart), format!("más de {}", grouped(r.value, '.')));
        let l = layout(chart, 960.0, &FontMetrics);
        let numbers =
            l.texts.iter().filter(|t| matches!(t.role, TextRole::Tick | TextRole::ValueLabel | TextRole::CardValue));
        for t in numbers.filter(|t| t.text.chars().filter(char::is_ascii_digit).count() >= 4) {
            assert!(!t.text.contains(','), "{:?} {:?}: {}", t.role, t.text, DATASET.metrics[r.metric].id);
        }
    }
}

#[test]
fn a_year_without_a_figure_is_read_out_as_none_never_zero() {
    let mut gaps = 0;
    for spec in every_view(&DATASET).into_iter().filter(|s| s.view == ViewKind::Trend && s.lang == Lang::En) {
        let chart = select(&DATASET, &spec);
        let description = chart.description(&DATASET);
        for gap in chart.panels.iter().flat_map(|p| &p.gaps) {
            gaps += 1;
            assert!(description.contains(&format!("{}: no published figure", gap.label)), "{description}");
            assert!(!description.contains(&format!("{}: 0", gap.label)), "{description}");
        }
    }
    assert!(gaps > 0, "some trend has a year without a figure");
}
