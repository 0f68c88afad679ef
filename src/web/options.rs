//! Options in: a JS object decoded by serde-wasm-bindgen into [`Options`] and destructured, so no
//! field is silently ignored; a wrong one is a `TypeError` naming the field, and the view is left
//! as it was.

use super::js::{js_message, kind_of, type_error};
use crate::view::{ViewSpec, OPTION_NAMES};
use ccht_data::{Dataset, Lang};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// `{ lang, view, fy, component, metric, scale }`, every one optional. Destructured where it is
/// applied, so a field added here and not applied does not compile.
#[derive(Deserialize)]
struct Options {
    lang: Option<String>,
    view: Option<String>,
    fy: Option<FiscalYear>,
    component: Option<String>,
    metric: Option<String>,
    scale: Option<String>,
}

/// A fiscal year as a string ("2024") or a whole number (2024).
struct FiscalYear(String);

const FY_EXPECTED: &str = "a fiscal year such as \"2024\" or 2024";

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FiscalYear, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FiscalYear;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(FY_EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FiscalYear, E> {
                Ok(FiscalYear(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FiscalYear, E> {
                Ok(FiscalYear(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FiscalYear, E> {
                Ok(FiscalYear(v.to_string()))
            }
            /// serde-wasm-bindgen hands a whole number (a safe integer) to `visit_i64`/`visit_u64`:
            /// what comes here has a fraction, or is too large to be a year.
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FiscalYear, E> {
                Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Applies options to a spec: unknown keys, wrong types and unknown values are `TypeError`s
/// naming the field, and on any error the spec is left as it was.
pub(crate) fn apply_options(dataset: &Dataset, spec: ViewSpec, options: JsValue) -> Result<ViewSpec, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(spec);
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(type_error(format!(
            "options must be an object such as {{ view: \"component\", component: \"hsi\" }}; got {}",
            kind_of(&options)
        )));
    }
    // serde-wasm-bindgen reads a struct by its field names and never sees other keys, so
    // `deny_unknown_fields` cannot fire: the keys are checked here.
    let keys = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>());
    if let Some(unknown) = keys.iter().filter_map(|k| k.as_string()).find(|k| !OPTION_NAMES.contains(&k.as_str())) {
        return Err(type_error(format!("{unknown}: unknown option; the options are {}", OPTION_NAMES.join(", "))));
    }
    let decode = |value: JsValue| serde_wasm_bindgen::from_value::<Options>(value).map_err(JsValue::from);
    let Options { lang, view, fy, component, metric, scale } = decode(options.clone()).map_err(|whole| {
        // serde-wasm-bindgen's errors name no field: the field is the key that fails on its own.
        // (Found this way rather than by serde_path_to_error, which cost 1.6 KB of gzipped Wasm.)
        let failure = keys.iter().find_map(|key| {
            let alone = js_sys::Object::new();
            let value = js_sys::Reflect::get(&options, &key).ok()?;
            js_sys::Reflect::set(&alone, &key, &value).ok()?;
            decode(alone.into()).err().map(|e| (key.as_string().unwrap_or_default(), value, e))
        });
        let Some((field, value, e)) = failure else { return type_error(format!("options: {}", js_message(&whole))) };
        if value.is_object() || value.is_function() || value.is_symbol() {
            // serde-wasm-bindgen names an unexpected object by its Debug form, which the release
            // build leaves out (Makefile, `-Zfmt-debug=none`): named here in words in every build.
            let expected = if field == "fy" { FY_EXPECTED } else { "a string" };
            return type_error(format!("{field}: expected {expected}; got {}", kind_of(&value)));
        }
        type_error(format!("{field}: {}", js_message(&e)))
    })?;
    // Applied in OPTION_NAMES's order, so that a view set with its component and metric is consistent.
    let fields = [
        ("lang", lang),
        ("view", view),
        ("fy", fy.map(|f| f.0)),
        ("component", component),
        ("metric", metric),
        ("scale", scale),
    ];
    debug_assert!(fields.iter().map(|f| f.0).eq(OPTION_NAMES));
    fields.into_iter().try_fold(spec, |spec, (name, value)| match value {
        Some(value) => spec.with_option(dataset, name, &value).map_err(|e| type_error(e.message(Lang::En))),
        None => Ok(spec),
    })
}
