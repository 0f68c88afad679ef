//! In a real browser (`wasm-pack test --headless --chrome` / `--firefox`): draw into a canvas, read
//! its pixels back, and check that bars stand where the data puts them.
#![cfg(target_arch = "wasm32")]

use ccht_chart::Viewer;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The bar colour, USWDS primary #005ea2.
const BAR: [u8; 3] = [0x00, 0x5e, 0xa2];

#[derive(Deserialize, Debug)]
struct Bar {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    value: f64,
    qualifier: String,
    component_id: String,
    metric_id: String,
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
    let values: Vec<f64> = bars.iter().map(|b| b.value).collect();
    assert_eq!(values, [1686.0, 2500.0, 914.0, 405.0]);
    assert_eq!(bars[1].qualifier, "at-least");
    assert_eq!((bars[0].component_id.as_str(), bars[0].metric_id.as_str()), ("hsi", "investigations-initiated"));

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
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "component"), ("component", "cbp")])).unwrap();
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let value_bar = bars.iter().find(|b| b.metric_id == "shipments-value").unwrap();
    assert_eq!(value_bar.qualifier, "at-least");
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
    ];
    for (bad, expected) in cases {
        let error: js_sys::TypeError = viewer.set_view(bad).unwrap_err().dyn_into().expect("a TypeError");
        let message = String::from(error.message());
        assert!(message.starts_with(expected), "{message}");
    }
    let not_text = js_sys::Object::new();
    js_sys::Reflect::set(&not_text, &"metric".into(), &JsValue::TRUE).unwrap();
    let error: js_sys::TypeError = viewer.set_view(not_text.into()).unwrap_err().dyn_into().unwrap();
    assert_eq!(String::from(error.message()), "metric: expected a string, got a boolean");
    let state = viewer.view().unwrap();
    let component = js_sys::Reflect::get(&state, &"component".into()).unwrap();
    assert_eq!(component.as_string().as_deref(), Some("hsi"));
}
