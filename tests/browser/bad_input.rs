//! Bad input: a missing, context-less or zero-size canvas and wrong options are errors that say
//! what is wrong, and change nothing.

use super::*;
use ccht_chart::Viewer;

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
