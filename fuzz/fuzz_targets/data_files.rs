//! Fuzzes the data-file loader: arbitrary bytes, split at NUL bytes into the six CSV files and a
//! seventh part that picks a view, must load or be refused with `file:line` errors, never panic; a
//! dataset that loads must keep the promises the charts rely on, and the view picked must select,
//! lay out and draw. One view per input (its kind, component, measure and width), so the fuzzer
//! explores views as it explores data: drawing 64 views of every dataset that loaded held the rate
//! to about 1,300 inputs a second. A pick the seventh part leaves out comes from a hash of the files
//! (their lengths and ends), so that most mutations of a dataset also try another view (a few bytes
//! at the end of 20 KB are seldom the ones a mutation changes).
#![no_main]

use ccht_chart::{layout, select, svg, FontMetrics, Theme, ViewKind, ViewSpec};
use ccht_data::{load, DataFiles, Dataset, FILE_NAMES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = data.splitn(7, |&b| b == 0).collect();
    parts.resize(7, &[]);
    let texts: Vec<std::borrow::Cow<str>> = parts[..6].iter().map(|p| String::from_utf8_lossy(p)).collect();
    let file = |i: usize| (FILE_NAMES[i], texts[i].as_ref());
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
            // FNV-1a over each part's length and last 32 bytes: an insertion or a deletion anywhere,
            // or a change near a file's end, tries another view (hashing all 20 KB cost 5% of a run).
            let tails = parts[..6]
                .iter()
                .flat_map(|p| p.len().to_le_bytes().into_iter().chain(p[p.len().saturating_sub(32)..].iter().copied()));
            let hash = tails.fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
            chart_view(&d, parts[6], hash);
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

/// The view `pick` names: its bytes choose kind, component, measure and width (0 to 4,080 px); a
/// byte it lacks is taken from `hash`.
fn chart_view(d: &Dataset, pick: &[u8], hash: u64) {
    // The loader refuses empty tables, so every accepted dataset has a view to show.
    assert!(!d.components.is_empty() && !d.metrics.is_empty() && !d.records.is_empty());
    let byte = |i: usize| usize::from(pick.get(i).copied().unwrap_or((hash >> (8 * i)) as u8));
    let spec = ViewSpec {
        view: ViewKind::ALL[byte(0) % ViewKind::ALL.len()],
        component: byte(1) % d.components.len(),
        metric: byte(2) % d.metrics.len(),
        ..ViewSpec::default_for(d)
    };
    let width = (byte(3) * 16) as f64;
    let chart = select(d, &spec);
    let _ = chart.description(d);
    let l = layout(&chart, width, &FontMetrics);
    assert!(
        l.height.is_finite() && l.bars.iter().all(|b| [b.x0, b.x1, b.y0, b.y1].iter().all(|v| v.is_finite())),
        "{:?}",
        l.bars
    );
    assert_eq!(l.bars.len(), chart.bar_count());
    svg(&l, &Theme::LIGHT).expect("an SVG string cannot fail");
}
