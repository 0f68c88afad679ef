//! In a real browser (`wasm-pack test --headless --chrome` / `--firefox`): draw into a canvas, read
//! its pixels back, drive the Viewer as the page does, and check what it hands out. One test binary
//! (`--test browser`), a module per concern; the helpers they share are here.
#![cfg(target_arch = "wasm32")]
// clippy's allowance for tests covers `#[test]` functions only, not `#[wasm_bindgen_test]` ones.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bad_input;
mod interaction;
mod pixels;
mod results;

use ccht_chart::BarInfo as Bar;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The bar colour, USWDS primary #005ea2.
const BAR: [u8; 3] = [0x00, 0x5e, 0xa2];

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

/// Sets `window.devicePixelRatio` for one test (the property is configurable in every engine).
fn pixel_ratio(ratio: f64) {
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &ratio.into()).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    js_sys::Object::define_property(&web_sys::window().unwrap(), &"devicePixelRatio".into(), &descriptor);
}
