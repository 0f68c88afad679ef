//! Fuzzes the data-file loader: arbitrary bytes, split at NUL bytes into the six CSV files, must
//! load or be refused with `file:line` errors, never panic; a dataset that loads must keep the
//! promises the charts rely on, and every view of it must select, lay out and draw.
#![no_main]

use ccht_chart::{layout, select, svg, FontMetrics, Theme, ViewKind, ViewSpec};
use ccht_data::{load, DataFiles, Dataset, FILE_NAMES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<String> = data.splitn(6, |&b| b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    parts.resize(6, String::new());
    let file = |i: usize| (FILE_NAMES[i], parts[i].as_str());
    let files = DataFiles::in_order(std::array::from_fn(file));
    match load(&files) {
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            for e in &errors {
                assert!(FILE_NAMES.contains(&e.file.as_str()) && e.line >= 1, "{e}");
            }
        }
        Ok(d) => {
            check_dataset(&d);
            chart_every_view(&d);
        }
    }
});

fn check_dataset(d: &Dataset) {
    assert!(d.metrics.iter().all(|m| m.kind < d.kinds.len()));
    assert!(d.pipeline.iter().all(|s| s.component < d.components.len() && s.metric < d.metrics.len()));
    for (i, r) in d.records.iter().enumerate() {
        assert!(r.component < d.components.len() && r.metric < d.metrics.len() && r.source < d.sources.len());
        assert!(r.value.is_finite() && r.value >= 0.0, "{}", r.value);
        assert!(
            !d.records[..i]
                .iter()
                .any(|o| (o.fiscal_year, o.component, o.metric) == (r.fiscal_year, r.component, r.metric)),
            "two figures for one year, component and metric"
        );
    }
    let ids = [
        d.components.iter().map(|c| c.id.as_ref()).collect::<Vec<&str>>(),
        d.kinds.iter().map(|k| k.id.as_ref()).collect(),
        d.metrics.iter().map(|m| m.id.as_ref()).collect(),
        d.sources.iter().map(|s| s.id.as_ref()).collect(),
    ];
    for table in ids {
        for (i, id) in table.iter().enumerate() {
            assert!(
                !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id:?}"
            );
            assert!(!table[..i].contains(id), "duplicate id {id:?}");
        }
    }
}

fn chart_every_view(d: &Dataset) {
    // The loader refuses empty tables, so every accepted dataset has a view to show.
    assert!(!d.components.is_empty() && !d.metrics.is_empty() && !d.records.is_empty());
    let default = ViewSpec::default_for(d);
    for view in ViewKind::ALL {
        for component in 0..d.components.len().min(4) {
            for metric in 0..d.metrics.len().min(4) {
                let spec = ViewSpec { view, component, metric, ..default };
                let chart = select(d, &spec);
                let _ = chart.description(d);
                let l = layout(&chart, 320.0, &FontMetrics);
                assert!(
                    l.height.is_finite()
                        && l.bars.iter().all(|b| [b.x0, b.x1, b.y0, b.y1].iter().all(|v| v.is_finite())),
                    "{:?}",
                    l.bars
                );
                assert_eq!(l.bars.len(), chart.bar_count());
                svg(&l, &Theme::LIGHT).expect("an SVG string cannot fail");
            }
        }
    }
}
