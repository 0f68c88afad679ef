//! Results: every object the Viewer and `catalog` hand out has the fields its TypeScript declares,
//! and every figure carries its own record's source.

use super::*;
use ccht_chart::{catalog, Figure, SourceInfo, SourceKind, Table, ViewKind, Viewer, DATASET, TYPES};

#[wasm_bindgen_test]
fn the_catalog_lists_what_the_controls_offer() {
    let cat = catalog(None).unwrap();
    let get = |key: &str| js_sys::Reflect::get(&cat, &key.into()).unwrap();
    let ids = |key: &str| -> Vec<String> {
        js_sys::Array::from(&get(key))
            .iter()
            .map(|c| js_sys::Reflect::get(&c, &"id".into()).unwrap().as_string().unwrap())
            .collect()
    };
    assert_eq!(ids("views"), ["component", "metric", "trend", "pipeline"]);
    assert_eq!(ids("components"), DATASET.components.iter().map(|c| c.id.to_string()).collect::<Vec<_>>());
    assert_eq!(ids("metrics"), DATASET.metrics.iter().map(|m| m.id.to_string()).collect::<Vec<_>>());
    let years: Vec<u16> = serde_wasm_bindgen::from_value(get("years")).unwrap();
    // Every fiscal year with a figure, oldest first (whatever years data/ has).
    let mut expected: Vec<u16> = DATASET.records.iter().map(|r| r.fiscal_year).collect();
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(years, expected);
    let h1 = js_sys::Reflect::get(&get("strings"), &"h1".into()).unwrap();
    assert_eq!(h1.as_string().as_deref(), Some("DHS counter-human-trafficking figures"));
    let defaults = get("defaults");
    assert_eq!(js_sys::Reflect::get(&defaults, &"component".into()).unwrap().as_string().as_deref(), Some("dhs"));
    let error: js_sys::TypeError = catalog(Some("xx".into())).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).starts_with("lang: unknown language \"xx\""));
}

/// The record a figure was drawn from, found in the embedded data by what identifies it.
fn record_of(f: &Figure) -> &'static ccht_chart::Record {
    let d = &*DATASET;
    let matching: Vec<_> = d
        .records
        .iter()
        .filter(|r| {
            d.components[r.component].id == f.component_id
                && d.metrics[r.metric].id == f.metric_id
                && r.fiscal_year == f.fy
        })
        .collect();
    assert_eq!(matching.len(), 1, "{f:?}");
    matching[0]
}

fn assert_own_source(f: &Figure, context: &str) {
    let d = &*DATASET;
    let r = record_of(f);
    let s = &d.sources[r.source];
    let kind = match s.kind {
        SourceKind::Primary => "primary",
        SourceKind::Secondary => "secondary",
    };
    assert_eq!(f.value, r.value, "{context}: {f:?}");
    assert_eq!(
        (
            f.source_title.as_str(),
            f.source_publisher.as_str(),
            f.source_url.as_str(),
            f.source_kind.as_ref(),
            f.source_sentence.as_str()
        ),
        (&*s.title, &*s.publisher, &*s.url, kind, &*r.source_sentence),
        "{context}: FY {} {} {} names another record's source",
        f.fy,
        f.component_id,
        f.metric_id
    );
}

#[wasm_bindgen_test]
fn every_row_carries_its_own_record_s_source_in_every_view_of_every_year() {
    let d = &*DATASET;
    let canvas = canvas("500px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    let years = ccht_chart::fiscal_years(d);
    let (mut rows, mut sources_seen) = (0, 0);
    // Each distinct view once: a component's or a measure's figures per year, each trend, each
    // year's pipeline.
    let mut views: Vec<Vec<(&str, String)>> = Vec::new();
    for fy in &years {
        let fy = fy.to_string();
        views.push(vec![("view", "pipeline".into()), ("fy", fy.clone())]);
        views.extend(
            d.components
                .iter()
                .map(|c| vec![("view", "component".into()), ("component", c.id.to_string()), ("fy", fy.clone())]),
        );
        views.extend(
            d.metrics.iter().map(|m| vec![("view", "metric".into()), ("metric", m.id.to_string()), ("fy", fy.clone())]),
        );
    }
    for (c, m) in d.components.iter().flat_map(|c| d.metrics.iter().map(move |m| (c, m))) {
        views.push(vec![("view", "trend".into()), ("component", c.id.to_string()), ("metric", m.id.to_string())]);
    }
    assert!(ViewKind::ALL.iter().all(|v| views.iter().any(|o| o[0].1 == v.id())));
    for view in &views {
        let pairs: Vec<(&str, &str)> = view.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if viewer.set_view(options(&pairs)).is_err() {
            continue; // a combination the data has no figure for
        }
        viewer.draw(Some(500.0)).unwrap();
        let context = viewer.query();
        let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
        let table: Table = serde_wasm_bindgen::from_value(viewer.table().unwrap()).unwrap();
        assert!(!table.caption.is_empty());
        assert_eq!(bars.len(), table.rows.len(), "{context}");
        for (bar, row) in bars.iter().zip(&table.rows) {
            assert_own_source(&bar.figure, &context);
            assert_own_source(row, &context);
            assert_eq!(&bar.figure, row, "{context}: the bar and its table row disagree");
            rows += 1;
        }
        // The sources panel lists each figure under the source its record names.
        let sources: Vec<SourceInfo<'static>> = serde_wasm_bindgen::from_value(viewer.sources().unwrap()).unwrap();
        for row in &table.rows {
            let source = &d.sources[record_of(row).source];
            let listed = sources
                .iter()
                .find(|s| s.url == *source.url)
                .unwrap_or_else(|| panic!("{context}: {} missing", source.url));
            let kind = if source.kind == SourceKind::Primary { "primary" } else { "secondary" };
            assert_eq!(
                (listed.title.as_ref(), listed.publisher.as_ref(), listed.date.as_ref(), listed.kind.as_ref()),
                (&*source.title, &*source.publisher, &*source.date, kind),
                "{context}"
            );
            assert!(listed.url_note == *source.url_note || listed.url_note == *source.url_note_es, "{context}");
            assert!(
                listed.figures.iter().any(|f| f.contains(&row.text) && f.contains(&row.fy.to_string())),
                "{context}: {:?} not under {}",
                row.text,
                source.url
            );
            sources_seen += 1;
        }
        #[cfg(feature = "exports")]
        {
            // The CSV export names each row's own source too.
            let csv = viewer.csv();
            for row in &table.rows {
                let line = csv.lines().find(|l| {
                    l.contains(&row.component) && l.contains(&row.metric) && l.contains(&format!(",{},", row.fy))
                });
                let line = line.unwrap_or_else(|| panic!("{context}: no CSV line for {row:?}"));
                assert!(
                    line.contains(&row.source_url),
                    "{context}: CSV line {line} names another source than {}",
                    row.source_url
                );
            }
        }
    }
    assert!(rows > 200 && sources_seen == rows, "{rows} rows, {sources_seen} source checks");
}

/// The fields `TYPES` declares for an interface, sorted.
fn declared(interface: &str) -> Vec<String> {
    let start = TYPES.find(&format!("export interface {interface} {{")).unwrap_or_else(|| panic!("no {interface}"));
    let body = TYPES[start..].lines().skip(1).take_while(|l| l.trim() != "}");
    let mut fields: Vec<String> = body
        .filter_map(|l| l.trim().split_once(':'))
        .map(|(name, _)| name.trim_end_matches('?').trim_matches('"').to_string())
        .collect();
    fields.sort();
    fields
}

/// An object's own keys, sorted.
fn keys(value: &JsValue) -> Vec<String> {
    let mut keys: Vec<String> =
        js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().map(|k| k.as_string().unwrap()).collect();
    keys.sort();
    keys
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn first(array: &JsValue) -> JsValue {
    js_sys::Reflect::get(array, &0.into()).unwrap()
}

/// What a TypeScript app is promised (`pkg/ccht_chart.d.ts`) is what it gets, field for field: a
/// field added, renamed or dropped on either side fails here.
#[wasm_bindgen_test]
fn every_result_has_exactly_the_fields_its_typescript_declares() {
    let mut viewer =
        Viewer::new(canvas("600px").into(), options(&[("view", "trend"), ("component", "hsi"), ("metric", "arrests")]))
            .unwrap();
    viewer.draw(None).unwrap();
    let bar = first(&viewer.bars().unwrap());
    assert_eq!(keys(&bar), declared("Bar"));
    assert_eq!(keys(&get(&bar, "figure")), declared("Figure"));
    let table = viewer.table().unwrap();
    assert_eq!(keys(&table), declared("Table"));
    assert_eq!(keys(&first(&get(&table, "rows"))), declared("Figure"));
    assert_eq!(keys(&first(&viewer.sources().unwrap())), declared("SourceInfo"));
    assert_eq!(keys(&viewer.view().unwrap()), declared("ViewState"));
    let cat = catalog(None).unwrap();
    assert_eq!(keys(&cat), declared("Catalog"));
    assert_eq!(keys(&first(&get(&cat, "views"))), declared("Choice"));
    assert_eq!(keys(&first(&get(&cat, "components"))), declared("Choice"));
    assert_eq!(keys(&first(&get(&cat, "metrics"))), declared("MetricChoice"));
    assert_eq!(keys(&get(&cat, "defaults")), declared("ViewState"));
    let cited = viewer.cite_chart("https://example.org/", "2026-12-07").unwrap();
    assert_eq!(keys(&cited), declared("Citation"));
    // A figure from a dated source, so its item has every field, `issued` included.
    let figure = viewer.cite_figure("dhs", "arrests", 2024, "https://example.org/", "2026-12-07").unwrap();
    assert_eq!(keys(&figure), declared("Citation"));
    assert_eq!(keys(&first(&get(&figure, "csl"))), declared("CslItem"));
    // The address is the view's; a figure the data lacks, or a date not written YYYY-MM-DD, is a TypeError.
    let url = get(&first(&get(&figure, "csl")), "URL").as_string().unwrap();
    assert_eq!(url, "https://example.org/?view=trend&component=hsi&metric=arrests");
    for bad in [
        viewer.cite_figure("hsi", "arrests", 1999, "https://example.org/", "2026-12-07"),
        viewer.cite_chart("https://example.org/", "7 December 2026"),
    ] {
        assert!(bad.unwrap_err().is_instance_of::<js_sys::TypeError>());
    }
    // The options a view takes are the ones the Viewer reads.
    assert_eq!(declared("ViewOptions"), {
        let mut names = ccht_chart::OPTION_NAMES.map(String::from).to_vec();
        names.sort();
        names
    });
}
