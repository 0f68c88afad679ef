//! In a real browser (`wasm-pack test --headless --chrome` / `--firefox`): draw into a canvas, read
//! its pixels back, and check that bars stand where the data puts them.
#![cfg(target_arch = "wasm32")]
// clippy's allowance for tests covers `#[test]` functions only, not `#[wasm_bindgen_test]` ones.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ccht_chart::{catalog, select, SourceKind, ViewKind, ViewSpec, Viewer, DATASET};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The bar colour, USWDS primary #005ea2.
const BAR: [u8; 3] = [0x00, 0x5e, 0xa2];

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Bar {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    panel: usize,
    figure: Figure,
    change: String,
    announcement: String,
}

/// A record as the Viewer hands it out; every field, so a renamed or added one fails here too.
#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Figure {
    component_id: String,
    metric_id: String,
    component: String,
    metric: String,
    fy: u16,
    value: f64,
    unit: String,
    qualifier: String,
    text: String,
    reported_as: String,
    note: String,
    source_title: String,
    source_publisher: String,
    source_url: String,
    source_kind: String,
    source_sentence: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Table {
    caption: String,
    rows: Vec<Figure>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct SourceInfo {
    title: String,
    publisher: String,
    date: String,
    url: String,
    url_note: String,
    kind: String,
    figures: Vec<String>,
}

fn canvas(css_width: &str) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.style().set_property("width", css_width).unwrap();
    canvas.style().set_property("display", "block").unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&object, &(*k).into(), &(*v).into()).unwrap();
    }
    object.into()
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data().to_vec()
}

fn is_bar(px: &[u8], canvas: &HtmlCanvasElement, x: u32, y: u32) -> bool {
    let i = ((y * canvas.width() + x) * 4) as usize;
    px[i..i + 3] == BAR && px[i + 3] == 255
}

/// Walks right along the bar's middle row and counts pixels of the bar colour: the bar's length
/// as drawn, read from the image rather than from the layout.
fn drawn_length(px: &[u8], canvas: &HtmlCanvasElement, bar: &Bar, ratio: f64) -> u32 {
    let y = ((bar.y + bar.height / 2.0) * ratio) as u32;
    let mut x = (bar.x * ratio).round() as u32;
    let mut n = 0;
    while x < canvas.width() && is_bar(px, canvas, x, y) {
        n += 1;
        x += 1;
    }
    n
}

fn ratio() -> f64 {
    web_sys::window().unwrap().device_pixel_ratio()
}

#[wasm_bindgen_test]
fn pipeline_bars_are_drawn_in_the_data_s_proportions() {
    let canvas = canvas("600px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "pipeline")])).unwrap();
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let values: Vec<f64> = bars.iter().map(|b| b.figure.value).collect();
    assert_eq!(values, [1686.0, 2500.0, 914.0, 405.0]);
    assert_eq!(bars[1].figure.qualifier, "at-least");
    assert_eq!(
        (bars[0].figure.component_id.as_str(), bars[0].figure.metric_id.as_str()),
        ("hsi", "investigations-initiated")
    );

    let px = pixels(&canvas);
    let lengths: Vec<f64> = bars.iter().map(|b| drawn_length(&px, &canvas, b, ratio()) as f64).collect();
    for (b, len) in bars.iter().zip(&lengths) {
        assert!(*len > 10.0, "bar {b:?} is not drawn ({len} px)");
        // Every bar starts at zero on the same baseline.
        assert_eq!(b.x, bars[0].x);
    }
    for i in 0..bars.len() {
        for j in 0..bars.len() {
            let expected = values[i] / values[j];
            let measured = lengths[i] / lengths[j];
            // Pixel rounding allows one device pixel at each end.
            let tolerance = 2.0 / lengths[j] + 2.0 * lengths[i] / (lengths[j] * lengths[j]);
            assert!((measured - expected).abs() <= tolerance, "bar {i}/{j}: drawn {measured:.4}, data {expected:.4}");
        }
    }
    // Between bars the canvas is background, not bar.
    let gap_y = ((bars[0].y + bars[0].height + 4.0) * ratio()) as u32;
    assert!(!is_bar(&px, &canvas, ((bars[0].x + 20.0) * ratio()) as u32, gap_y));
}

#[wasm_bindgen_test]
fn an_at_least_bar_has_an_open_end_past_its_value() {
    let canvas = canvas("500px");
    let mut viewer =
        Viewer::new(canvas.clone().into(), options(&[("view", "component"), ("component", "cbp")])).unwrap();
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let value_bar = bars.iter().find(|b| b.figure.metric_id == "shipments-value").unwrap();
    assert_eq!(value_bar.figure.qualifier, "at-least");
    let px = pixels(&canvas);
    let r = ratio();
    let y = ((value_bar.y + value_bar.height / 2.0) * r) as u32;
    let end = ((value_bar.x + value_bar.width) * r).round() as u32;
    // Solid up to the figure, then lighter (translucent over white) stripes.
    assert!(is_bar(&px, &canvas, end - 2, y));
    let i = ((y * canvas.width() + end + (3.0 * r) as u32) * 4) as usize;
    assert!(px[i] > BAR[0] + 40 && px[i + 2] > BAR[2], "open end missing: {:?}", &px[i..i + 4]);
}

#[wasm_bindgen_test]
fn switching_metric_redraws_a_different_chart() {
    let canvas = canvas("480px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "metric"), ("metric", "arrests")])).unwrap();
    viewer.draw(None).unwrap();
    let before = pixels(&canvas);
    let label_before = canvas.get_attribute("aria-label").unwrap();
    viewer.set_view(options(&[("metric", "people-reached")])).unwrap();
    viewer.draw(None).unwrap();
    let after = pixels(&canvas);
    let label_after = canvas.get_attribute("aria-label").unwrap();
    assert_ne!(before, after);
    assert!(label_before.contains("Arrests"), "{label_before}");
    assert!(label_after.contains("more than 280,000"), "{label_after}");
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    assert_eq!(bars.len(), 3);
}

#[wasm_bindgen_test]
fn a_canvas_without_a_2d_context_is_an_error_that_says_so() {
    let canvas = canvas("300px");
    // A canvas holds one kind of context: once it has another, it gives no 2D one.
    assert!(canvas.get_context("bitmaprenderer").unwrap().is_some());
    let error: js_sys::Error =
        Viewer::new(canvas.into(), JsValue::UNDEFINED).err().expect("an error").dyn_into().unwrap();
    assert_eq!(String::from(error.message()), "this browser gave no 2D drawing context for the canvas");
}

#[wasm_bindgen_test]
fn the_keyboards_bar_stays_while_the_view_does() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    assert_eq!(viewer.move_active("End"), viewer.active());
    let active = viewer.active();
    assert!(active.is_some());
    // The same choice again changes nothing; another one starts from no bar.
    viewer.set_view(options(&[("component", "dhs")])).unwrap();
    assert_eq!(viewer.active(), active);
    viewer.set_view(options(&[("component", "hsi")])).unwrap();
    assert_eq!(viewer.active(), None);
}

/// Sets `window.devicePixelRatio` for one test (the property is configurable in every engine).
fn pixel_ratio(ratio: f64) {
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &ratio.into()).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    js_sys::Object::define_property(&web_sys::window().unwrap(), &"devicePixelRatio".into(), &descriptor);
}

#[wasm_bindgen_test]
fn the_canvas_takes_the_width_given_its_height_and_a_backing_store_at_the_pixel_ratio() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.clone().into(), JsValue::UNDEFINED).unwrap();
    let original = web_sys::window().unwrap().device_pixel_ratio();
    for (ratio, used) in [(2.0, 2.0), (1.5, 1.5), (0.0, 1.0), (f64::NAN, 1.0), (f64::INFINITY, 1.0f64)] {
        pixel_ratio(ratio);
        viewer.draw(Some(300.0)).unwrap();
        let height: f64 = canvas.style().get_property_value("height").unwrap().trim_end_matches("px").parse().unwrap();
        assert!(height > 100.0, "the height is set from the layout: {height}");
        assert_eq!(canvas.width(), (300.0 * used).round() as u32, "ratio {ratio}");
        assert_eq!(canvas.height(), (height * used).round() as u32, "ratio {ratio}");
    }
    pixel_ratio(original);
    // A width that is no width falls back to the canvas's own; a 1 px one is drawn.
    for bad in [0.5, f64::NAN, -3.0] {
        viewer.draw(Some(bad)).unwrap();
        assert_eq!(canvas.width(), (400.0 * original).round() as u32, "{bad}");
    }
    viewer.draw(Some(1.0)).unwrap();
    assert_eq!(canvas.width(), original.round() as u32);
    // A canvas with no width (hidden) is an error that says why.
    canvas.style().set_property("display", "none").unwrap();
    let error: js_sys::Error = viewer.draw(None).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).starts_with("the canvas is 0 px wide"));
}

#[wasm_bindgen_test]
fn the_keyboards_bar_survives_a_redraw_and_a_query_for_the_same_view() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    let last = viewer.move_active("End");
    assert!(last.is_some());
    viewer.draw(Some(350.0)).unwrap();
    assert_eq!(viewer.active(), last, "a redraw keeps the bar");
    let same = viewer.query();
    let problems = viewer.set_query(&same).unwrap();
    assert_eq!(js_sys::Array::from(&problems).length(), 0);
    assert_eq!(viewer.active(), last, "the same view from the address keeps the bar");
    let problems: Vec<String> = js_sys::Array::from(&viewer.set_query("view=pie&component=hsi").unwrap())
        .iter()
        .map(|p| p.as_string().unwrap())
        .collect();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("view: unknown view"), "{problems:?}");
    assert_eq!(viewer.active(), None, "another view starts from no bar");
    assert_eq!(viewer.query(), "component=hsi&metric=arrests");
}

#[wasm_bindgen_test]
fn the_pointer_finds_each_bar_where_bars_says_it_is() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(viewer.hit(50.0, 50.0), None, "nothing is drawn yet");
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    assert!(bars.len() > 2);
    for (i, b) in bars.iter().enumerate() {
        assert_eq!(viewer.hit(b.x + b.width / 2.0, b.y + b.height / 2.0), Some(i as u32));
        assert_eq!(viewer.hit(b.x + b.width / 2.0, b.y - 2.0), None, "just above bar {i}");
    }
}

#[wasm_bindgen_test]
fn the_words_and_menus_follow_the_current_view_drawn_or_not() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.clone().into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    for (query, log_useful) in
        [("view=metric&metric=people-reached", true), ("view=pipeline", false), ("component=hsi", false)]
    {
        // Changed without a draw: every answer is about the new view, not the chart last drawn.
        assert_eq!(js_sys::Array::from(&viewer.set_query(query).unwrap()).length(), 0);
        let (spec, _) = ViewSpec::from_query(&DATASET, &viewer.query());
        let chart = select(&DATASET, &spec);
        assert_eq!(viewer.summary(), chart.summary(&DATASET), "{query}");
        assert_eq!(viewer.description(), chart.description(&DATASET), "{query}");
        assert_eq!(viewer.log_useful(), log_useful, "{query}");
        let offered: Vec<String> = serde_wasm_bindgen::from_value(viewer.menu_metrics().unwrap()).unwrap();
        let expected: Vec<String> =
            spec.offered_metrics(&DATASET).iter().map(|&m| DATASET.metrics[m].id.to_string()).collect();
        assert!(!expected.is_empty());
        assert_eq!(offered, expected, "{query}");
        viewer.draw(None).unwrap();
        assert_eq!(canvas.get_attribute("aria-label"), Some(chart.description(&DATASET)));
    }
}

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
    assert_eq!(years, [2020, 2021, 2022, 2023, 2024]);
    let h1 = js_sys::Reflect::get(&get("strings"), &"h1".into()).unwrap();
    assert_eq!(h1.as_string().as_deref(), Some("DHS counter-human-trafficking figures"));
    let defaults = get("defaults");
    assert_eq!(js_sys::Reflect::get(&defaults, &"component".into()).unwrap().as_string().as_deref(), Some("dhs"));
    let error: js_sys::TypeError = catalog(Some("xx".into())).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).starts_with("lang: unknown language \"xx\""));
}

#[wasm_bindgen_test]
fn downloads_are_drawn_by_the_same_code() {
    let shown = canvas("400px");
    let mut viewer = Viewer::new(shown.into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    let svg = viewer.svg().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Victims assisted") && svg.ends_with("</svg>\n"), "{svg}");
    let target = canvas("10px");
    for bad in [0.0, -1.0, 8.5, f64::NAN, f64::INFINITY] {
        let error: js_sys::TypeError = viewer.draw_into(target.clone().into(), bad).unwrap_err().dyn_into().unwrap();
        assert_eq!(String::from(error.message()), "scale: expected a number above 0 and at most 8", "{bad}");
    }
    viewer.draw_into(target.clone().into(), 8.0).unwrap();
    assert!(target.width() >= 8 * 320);
}

#[wasm_bindgen_test]
fn a_missing_canvas_is_a_type_error() {
    let div: JsValue = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap().into();
    let got = [
        (JsValue::NULL, "got nothing (is the element missing?)"),
        (JsValue::UNDEFINED, "got nothing (is the element missing?)"),
        (JsValue::from_str("chart"), "got a string"),
        (div, "got a <div> element"),
    ];
    for (missing, what) in got {
        let error = Viewer::new(missing, JsValue::UNDEFINED).err().expect("an error, not a viewer");
        let error: js_sys::TypeError = error.dyn_into().expect("a TypeError");
        let message = String::from(error.message());
        assert!(message.starts_with("Viewer needs a <canvas> element; ") && message.ends_with(what), "{message}");
    }
}

#[wasm_bindgen_test]
fn a_zero_size_canvas_is_reported_not_drawn() {
    let canvas = canvas("0px");
    let mut viewer = Viewer::new(canvas.clone().into(), JsValue::UNDEFINED).unwrap();
    let error: js_sys::Error = viewer.draw(None).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).contains("0 px wide"));
    // Once it has a size, the same viewer draws.
    canvas.style().set_property("width", "320px").unwrap();
    viewer.draw(None).unwrap();
    assert!(pixels(&canvas).chunks(4).any(|p| p[..3] == BAR));
}

#[wasm_bindgen_test]
fn a_known_width_is_drawn_at_without_reading_the_page_and_redraws_paint_every_pixel() {
    let canvas = canvas("500px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "pipeline")])).unwrap();
    // The width a ResizeObserver reported is used as given; nonsense falls back to clientWidth.
    viewer.draw(Some(400.0)).unwrap();
    assert_eq!(canvas.width(), (400.0 * ratio()).round() as u32);
    for nonsense in [f64::NAN, 0.0, -5.0, f64::INFINITY] {
        viewer.draw(Some(nonsense)).unwrap();
        assert_eq!(canvas.width(), (500.0 * ratio()).round() as u32, "{nonsense}");
    }
    // A redraw at the same size keeps the backing store, so it must paint over the last chart:
    // a blot left on the canvas is gone after it.
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let before = pixels(&canvas);
    ctx.set_fill_style_str("#ff0000");
    ctx.fill_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    viewer.draw(None).unwrap();
    assert!(pixels(&canvas) == before, "the redraw left pixels of what was on the canvas");
}

#[wasm_bindgen_test]
fn a_chart_too_big_for_a_canvas_is_drawn_softer_or_refused_never_blank() {
    let canvas = canvas("500px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "pipeline")])).unwrap();
    // 40,000 CSS px wide passes every browser's 32,767 px side: drawn at a lower pixel ratio.
    viewer.draw(Some(40_000.0)).unwrap();
    assert!(canvas.width() <= 32_767 && canvas.width() >= 32_000, "{}", canvas.width());
    assert!(canvas.width() as f64 * canvas.height() as f64 <= 16_777_216.0);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let row = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    assert!(row.chunks(4).any(|p| p[..3] == BAR), "no bar drawn");
    // A billion pixels wide cannot be drawn at all: an error says so and the chart stays as it
    // was, its height included (a narrow chart wraps its labels, so it is taller than a wide one).
    viewer.draw(Some(300.0)).unwrap();
    let (width, height) = (canvas.width(), canvas.style().get_property_value("height").unwrap());
    let error: js_sys::Error = viewer.draw(Some(1e9)).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).contains("more than a browser canvas can hold"));
    assert_eq!(canvas.width(), width);
    assert_eq!(canvas.style().get_property_value("height").unwrap(), height);
}

#[wasm_bindgen_test]
fn bad_options_are_type_errors_naming_the_field_and_change_nothing() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), options(&[("component", "hsi")])).unwrap();
    let cases: Vec<(JsValue, &str)> = vec![
        (options(&[("component", "fbi")]), "component: unknown component \"fbi\""),
        (options(&[("colour", "red")]), "colour: unknown option"),
        (options(&[("view", "pie")]), "view: unknown view"),
        (options(&[("fy", "1999")]), "fy: no figures for fiscal year"),
        (JsValue::from_f64(3.0), "options must be an object"),
        (options(&[("fy", "2024"), ("scale", "cubic")]), "scale: unknown scale"),
    ];
    for (bad, expected) in cases {
        let error: js_sys::TypeError = viewer.set_view(bad).unwrap_err().dyn_into().expect("a TypeError");
        let message = String::from(error.message());
        assert!(message.starts_with(expected), "{message}");
    }
    let not_text = js_sys::Object::new();
    js_sys::Reflect::set(&not_text, &"metric".into(), &JsValue::TRUE).unwrap();
    let error: js_sys::TypeError = viewer.set_view(not_text.into()).unwrap_err().dyn_into().unwrap();
    assert_eq!(String::from(error.message()), "metric: invalid type: boolean `true`, expected a string");
    for (fy, expected) in [
        (JsValue::from_f64(2024.5), "fy: invalid value: floating point `2024.5`, expected a fiscal year"),
        (
            JsValue::from_f64(1e20),
            "fy: invalid value: floating point `100000000000000000000.0`, expected a fiscal year",
        ),
        (JsValue::TRUE, "fy: invalid type: boolean `true`, expected a fiscal year"),
    ] {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"fy".into(), &fy).unwrap();
        let error: js_sys::TypeError = viewer.set_view(o.into()).unwrap_err().dyn_into().unwrap();
        assert!(String::from(error.message()).starts_with(expected), "{}", String::from(error.message()));
    }
    // An object where text is expected is named in words (serde-wasm-bindgen would print its Debug form).
    for (field, value, expected) in [
        ("view", JsValue::from(js_sys::Object::new()), "view: expected a string; got an object"),
        (
            "fy",
            JsValue::from(js_sys::Array::of1(&JsValue::from_f64(1.0))),
            "fy: expected a fiscal year such as \"2024\" or 2024; got an array",
        ),
        (
            "metric",
            JsValue::from(js_sys::Function::new_no_args("return 1")),
            "metric: expected a string; got a function",
        ),
        ("scale", JsValue::from(js_sys::Symbol::for_("log")), "scale: expected a string; got a symbol"),
    ] {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &field.into(), &value).unwrap();
        let error: js_sys::TypeError = viewer.set_view(o.into()).unwrap_err().dyn_into().unwrap();
        assert_eq!(String::from(error.message()), expected);
    }
    let state = viewer.view().unwrap();
    let component = js_sys::Reflect::get(&state, &"component".into()).unwrap();
    assert_eq!(component.as_string().as_deref(), Some("hsi"));
}

#[wasm_bindgen_test]
fn a_fiscal_year_is_a_string_or_a_whole_number() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    for fy in [JsValue::from_f64(2023.0), JsValue::from_str("2024")] {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"fy".into(), &fy).unwrap();
        viewer.set_view(o.into()).unwrap();
        let state = viewer.view().unwrap();
        assert_eq!(js_sys::Reflect::get(&state, &"fy".into()).unwrap().as_f64(), fy.as_f64().or(Some(2024.0)));
    }
}

/// Backing-store pixels of the bar colour along a bar's middle row, drawn at `scale`.
fn lengths_at(viewer: &Viewer, scale: f64) -> (Vec<f64>, Vec<Bar>, HtmlCanvasElement) {
    let target = canvas("10px");
    viewer.draw_into(target.clone().into(), scale).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let px = pixels(&target);
    let lengths = bars.iter().map(|b| drawn_length(&px, &target, b, scale) as f64).collect();
    (lengths, bars, target)
}

#[wasm_bindgen_test]
fn plotters_canvas_paints_at_every_pixel_ratio_in_proportion() {
    let canvas = canvas("600px");
    let mut viewer = Viewer::new(canvas.into(), options(&[("view", "pipeline")])).unwrap();
    viewer.draw(Some(600.0)).unwrap();
    let (one, bars, target) = lengths_at(&viewer, 1.0);
    assert_eq!(target.width(), 600);
    for scale in [2.0, 3.0] {
        let (lengths, _, target) = lengths_at(&viewer, scale);
        assert_eq!(target.width(), (600.0 * scale) as u32, "the backing store is CSS size × ratio");
        for ((len, base), b) in lengths.iter().zip(&one).zip(&bars) {
            // The wrapper scales whole CSS pixels: each bar is `scale` times as long, to a CSS pixel.
            assert!(
                (len - base * scale).abs() <= scale,
                "×{scale}: {len} px against {base} px at ×1 for {:?}",
                b.figure.value
            );
            assert!((len - b.width * scale).abs() <= 1.5 * scale, "×{scale}: drawn {len}, layout {}", b.width * scale);
        }
    }
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
            f.source_kind.as_str(),
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
        let sources: Vec<SourceInfo> = serde_wasm_bindgen::from_value(viewer.sources().unwrap()).unwrap();
        for row in &table.rows {
            let source = &d.sources[record_of(row).source];
            let listed = sources
                .iter()
                .find(|s| s.url == *source.url)
                .unwrap_or_else(|| panic!("{context}: {} missing", source.url));
            let kind = if source.kind == SourceKind::Primary { "primary" } else { "secondary" };
            assert_eq!(
                (listed.title.as_str(), listed.publisher.as_str(), listed.date.as_str(), listed.kind.as_str()),
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

#[wasm_bindgen_test]
fn every_key_moves_the_active_bar_where_it_should() {
    let canvas = canvas("500px");
    // DHS-wide figures: several panels, so PageUp/PageDown have boundaries to cross.
    let mut viewer = Viewer::new(canvas.into(), options(&[("view", "component"), ("component", "dhs")])).unwrap();
    assert_eq!(viewer.move_active("ArrowDown"), None, "no bars before the first draw");
    viewer.draw(Some(500.0)).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let panels: Vec<usize> = bars.iter().map(|b| b.panel).collect();
    let last = bars.len() - 1;
    assert!(panels[last] >= 2, "want three panels or more, got {panels:?}");
    let first_of = |panel: usize| panels.iter().position(|&p| p == panel);
    // What each key does, written out from the keyboard help, not from the code.
    let expected = |key: &str, from: Option<usize>| -> Option<usize> {
        Some(match (key, from) {
            ("ArrowDown" | "ArrowRight", None) | ("Home", _) => 0,
            ("ArrowUp" | "ArrowLeft", None) | ("End", _) => last,
            ("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(last),
            ("ArrowUp" | "ArrowLeft", Some(i)) => i.saturating_sub(1),
            ("PageDown", None) => 0,
            ("PageDown", Some(i)) => first_of(panels[i] + 1).unwrap_or(last),
            ("PageUp", None) => 0,
            ("PageUp", Some(i)) => first_of(panels[i].saturating_sub(1)).unwrap_or(0),
            _ => return None,
        })
    };
    let keys = ["ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft", "Home", "End", "PageDown", "PageUp", "Enter", "a"];
    let starts: Vec<Option<usize>> = std::iter::once(None).chain((0..=last).map(Some)).collect();
    for key in keys {
        for &start in &starts {
            viewer.clear_active();
            if let Some(i) = start {
                viewer.move_active("Home");
                for _ in 0..i {
                    viewer.move_active("ArrowDown");
                }
                assert_eq!(viewer.active(), Some(i as u32), "walking down to {i}");
            }
            let moved = viewer.move_active(key);
            let want = expected(key, start);
            assert_eq!(moved, want.map(|i| i as u32), "{key} from {start:?} (panels {panels:?})");
            assert_eq!(viewer.active(), want.or(start).map(|i| i as u32), "{key} from {start:?}: the active bar");
        }
    }
    // Announcements name the bar the key landed on.
    viewer.clear_active();
    let i = viewer.move_active("End").unwrap() as usize;
    assert!(bars[i].announcement.contains(&bars[i].figure.text), "{:?}", bars[i].announcement);
    assert!(!bars[i].change.contains("NaN"));
}
