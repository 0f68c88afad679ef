//! Values across the boundary: results out as plain JS objects and arrays (serde-wasm-bindgen,
//! JSON-compatible), and errors out as JS `Error`s and `TypeError`s whose message says what to fix.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A result for JS: plain objects and arrays (maps too, as objects), numbers as numbers.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("a result could not be handed to JavaScript: {e}")))
}

pub(crate) fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// The message of a JS `Error`, as serde-wasm-bindgen's errors are: serde's own words.
pub(crate) fn js_message(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

pub(crate) fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// What a JS value is, for a message: "a boolean", "null", "an array"…
pub(crate) fn kind_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {kind}")
    }
}
