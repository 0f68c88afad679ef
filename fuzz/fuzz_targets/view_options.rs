//! Fuzzes what readers and embedders type: URL queries (`ViewSpec::from_query`), single options
//! (`with_option`) and `percent_decode`. None may panic; every accepted choice must be a view the
//! dataset can draw, and a view's own query must reopen it.
#![no_main]

use ccht_chart::{fiscal_years, layout, percent_decode, select, FontMetrics, ViewKind, ViewSpec, DATASET};
use libfuzzer_sys::fuzz_target;

fn check_spec(spec: &ViewSpec) {
    let d = &DATASET;
    assert!(spec.component < d.components.len() && spec.metric < d.metrics.len(), "{spec:?}");
    assert!(fiscal_years(d).contains(&spec.fiscal_year), "{spec:?}");
    // The component view keeps a measure the component has, whenever it has any that year.
    if spec.view == ViewKind::Component {
        let has = |m: usize| {
            d.records
                .iter()
                .any(|r| r.component == spec.component && r.metric == m && r.fiscal_year == spec.fiscal_year)
        };
        assert!(has(spec.metric) || !(0..d.metrics.len()).any(has), "{spec:?}");
    }
    // Its query reopens the same chart, with nothing to complain about. (The pipeline's query
    // leaves out component and metric, which its chart does not use.)
    let query = spec.to_query(d);
    let (reopened, errors) = ViewSpec::from_query(d, &query);
    assert!(errors.is_empty(), "{query:?}: {errors:?}");
    assert_eq!(select(d, &reopened), select(d, spec), "{query:?}");
    if spec.view != ViewKind::Pipeline {
        assert_eq!(reopened, *spec, "{query:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    // percent_decode is total, leaves plain text alone and undoes full percent-encoding.
    let decoded = percent_decode(&text);
    if !text.contains(['%', '+']) {
        assert_eq!(decoded, text);
    }
    let encoded: String = text.bytes().map(|b| format!("%{b:02X}")).collect();
    assert_eq!(percent_decode(&encoded), text);

    // A whole query: bad parameters are reported, the rest still applies.
    let (spec, errors) = ViewSpec::from_query(&DATASET, &text);
    check_spec(&spec);
    let names: Vec<String> = text
        .trim_start_matches('?')
        .split('&')
        .map(|p| percent_decode(p.split_once('=').map_or(p, |(k, _)| k)))
        .collect();
    for e in &errors {
        assert!(names.contains(&e.field), "{e} names no parameter of {text:?}");
    }

    // Options one by one, as `setView` applies them: an error names its option.
    let mut spec = ViewSpec::default_for(&DATASET);
    for line in text.split('\n') {
        let (name, value) = line.split_once('=').unwrap_or((line, ""));
        match spec.with_option(&DATASET, name, value) {
            Ok(next) => {
                check_spec(&next);
                spec = next;
            }
            Err(e) => assert_eq!(e.field, name),
        }
    }
    let chart = select(&DATASET, &spec);
    let l = layout(&chart, 320.0, &FontMetrics);
    assert_eq!(l.bars.len(), chart.bar_count());
});
