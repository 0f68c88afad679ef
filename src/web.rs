//! The web boundary: everything JavaScript can call, in one file.
//!
//! Options arrive as plain JS objects decoded with `serde-wasm-bindgen`; a wrong option is answered
//! with a `TypeError` naming the field, a drawing problem with an `Error`. Nothing here panics on
//! bad input; a panic anywhere else is reported into the page by the hook installed at start.

use crate::dataset::Dataset;
use crate::draw::{draw, Theme};
use crate::embedded::DATASET;
use crate::layout::{layout, Font, Layout, TextMeasure};
use crate::number_format::spoken;
use crate::view::{fiscal_years, select, ViewKind, ViewSpec, OPTION_NAMES};
use plotters_canvas::CanvasBackend;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The DOM event a panic raises on `window`, with the message as `detail`, so the page can say so.
pub const PANIC_EVENT: &str = "ccht-chart:panic";

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("The chart stopped because of an internal error: {info}");
        web_sys::console::error_1(&message.as_str().into());
        if let Some(window) = web_sys::window() {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&message.as_str().into());
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(PANIC_EVENT, &init) {
                let _ = window.dispatch_event(&event);
            }
        }
    }));
}

fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// One option's value as JS gave it; only text (or a whole number, for `fy`) is accepted.
enum OptionValue {
    Text(String),
    Number(f64),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OptionValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionValue, E> {
                Ok(OptionValue::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(v as f64))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<OptionValue, E> {
                Ok(OptionValue::Other("a boolean"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<OptionValue, E> {
                Ok(OptionValue::Other("null"))
            }
            fn visit_none<E: de::Error>(self) -> Result<OptionValue, E> {
                Ok(OptionValue::Other("undefined"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<OptionValue, A::Error> {
                Ok(OptionValue::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<OptionValue, A::Error> {
                Ok(OptionValue::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

/// Applies `{view, component, metric, fy}` to a spec; unknown keys and wrong types are errors.
fn apply_options(dataset: &Dataset, spec: ViewSpec, options: JsValue) -> Result<ViewSpec, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(spec);
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(type_error("options must be an object such as { view: \"component\", component: \"hsi\" }"));
    }
    let fields: Vec<(String, OptionValue)> = serde_wasm_bindgen::from_value::<std::collections::BTreeMap<String, OptionValue>>(options)
        .map_err(|e| type_error(format!("options could not be read: {e}")))?
        .into_iter()
        .collect();
    let mut spec = spec;
    // Apply in a fixed order so that a view set with its component and metric is consistent.
    for name in OPTION_NAMES {
        let Some((_, value)) = fields.iter().find(|(k, _)| k == name) else { continue };
        let text = match value {
            OptionValue::Text(t) => t.clone(),
            OptionValue::Number(n) if name == "fy" && n.fract() == 0.0 => format!("{n}"),
            OptionValue::Number(_) => return Err(type_error(format!("{name}: expected a string, got a number"))),
            OptionValue::Other(what) => return Err(type_error(format!("{name}: expected a string, got {what}"))),
        };
        spec = spec.with_option(dataset, name, &text).map_err(|e| type_error(e.to_string()))?;
    }
    if let Some((unknown, _)) = fields.iter().find(|(k, _)| !OPTION_NAMES.contains(&k.as_str())) {
        return Err(type_error(format!("{unknown}: unknown option; the options are {}", OPTION_NAMES.join(", "))));
    }
    Ok(spec)
}

/// Measures labels through the canvas context: no DOM nodes, no forced layout.
struct CanvasText<'a>(&'a CanvasRenderingContext2d);

impl TextMeasure for CanvasText<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        self.0.set_font(&format!("{} {}px sans-serif", if font.bold { "bold" } else { "normal" }, font.size));
        self.0.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}

#[derive(Serialize)]
struct ViewState<'a> {
    view: &'a str,
    component: &'a str,
    metric: &'a str,
    fy: u16,
}

/// A drawn bar in CSS pixels relative to the canvas, with what it shows.
#[derive(Serialize)]
struct BarInfo {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    value: f64,
    qualifier: &'static str,
    text: String,
    component: String,
    metric: String,
    fy: u16,
    source_sentence: String,
}

/// A chart bound to one `<canvas>`. State lives here; JavaScript only forwards choices.
#[wasm_bindgen]
pub struct Viewer {
    /// The compiled-in dataset, or one loaded at run time and leaked (it lives as long as the page).
    dataset: &'static Dataset,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    spec: ViewSpec,
    layout: Option<Layout>,
}

#[wasm_bindgen]
impl Viewer {
    /// `new Viewer(canvas, { view, component, metric, fy })`; every option may be left out.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: JsValue, options: JsValue) -> Result<Viewer, JsValue> {
        Viewer::with_dataset(&DATASET, canvas, options)
    }
}

impl Viewer {
    /// A viewer of any dataset: the compiled-in one, or one loaded at run time (benchmarks).
    pub(crate) fn with_dataset(dataset: &'static Dataset, canvas: JsValue, options: JsValue) -> Result<Viewer, JsValue> {
        let canvas: HtmlCanvasElement = canvas.dyn_into().map_err(|other| {
            let what = if other.is_null() || other.is_undefined() { "nothing (is the element missing?)".to_string() } else { format!("{other:?}") };
            type_error(format!("Viewer needs a <canvas> element; got {what}"))
        })?;
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| error("this browser gave no 2D drawing context for the canvas"))?;
        let spec = apply_options(dataset, ViewSpec::default_for(dataset), options)?;
        Ok(Viewer { dataset, canvas, context, spec, layout: None })
    }
}

#[wasm_bindgen]
impl Viewer {

    /// Changes any of `view`, `component`, `metric`, `fy`. On error nothing changes.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, options: JsValue) -> Result<(), JsValue> {
        self.spec = apply_options(self.dataset, self.spec, options)?;
        Ok(())
    }

    /// The current choice as `{ view, component, metric, fy }`.
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> Result<JsValue, JsValue> {
        let d = self.dataset;
        let state = ViewState {
            view: self.spec.view.id(),
            component: &d.components[self.spec.component].id,
            metric: &d.metrics[self.spec.metric].id,
            fy: self.spec.fiscal_year,
        };
        serde_wasm_bindgen::to_value(&state).map_err(|e| error(e.to_string()))
    }

    /// Draws the current view at the canvas's CSS width, sizing its height to the content and its
    /// backing store to CSS size × devicePixelRatio.
    pub fn draw(&mut self) -> Result<(), JsValue> {
        let css_width = self.canvas.client_width() as f64;
        if css_width < 1.0 {
            return Err(error(
                "the canvas is 0 px wide, so there is nothing to draw on: it is hidden (display: none) or its container has no width",
            ));
        }
        let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).filter(|r| r.is_finite() && *r > 0.0).unwrap_or(1.0);
        let chart = select(self.dataset, &self.spec);
        #[cfg(not(feature = "bench-dom-measure"))]
        let layout = layout(&chart, css_width, &CanvasText(&self.context));
        #[cfg(feature = "bench-dom-measure")] // benchmark build only: labels measured by DOM spans
        let layout = layout(&chart, css_width, &crate::dom_measure::DomText::new());
        self.canvas
            .style()
            .set_property("height", &format!("{}px", layout.height))
            .map_err(|_| error("could not set the canvas height"))?;
        self.canvas.set_width((css_width * ratio).round() as u32);
        self.canvas.set_height((layout.height * ratio).round() as u32);
        self.canvas.set_attribute("aria-label", &chart.description(self.dataset)).map_err(|_| error("could not label the canvas"))?;
        let backend = CanvasBackend::with_canvas_object(self.canvas.clone()).ok_or_else(|| error("the canvas gave no 2D context"))?;
        draw(backend, &layout, &Theme::LIGHT, ratio).map_err(|e| error(e.to_string()))?;
        self.layout = Some(layout);
        Ok(())
    }

    /// What the current chart shows, in words: the canvas's `aria-label`.
    pub fn description(&self) -> String {
        select(self.dataset, &self.spec).description(self.dataset)
    }

    /// The bars of the last draw, in CSS pixels from the canvas's top left, with their records.
    pub fn bars(&self) -> Result<JsValue, JsValue> {
        let Some(layout) = &self.layout else { return Ok(js_sys::Array::new().into()) };
        let d = self.dataset;
        let bars: Vec<BarInfo> = layout
            .bars
            .iter()
            .map(|b| {
                let r = &d.records[b.record];
                BarInfo {
                    x: b.x0,
                    y: b.y0,
                    width: b.x1 - b.x0,
                    height: b.y1 - b.y0,
                    value: b.value,
                    qualifier: b.qualifier.id(),
                    text: spoken(b.value, d.kind_of(r).unit, b.qualifier),
                    component: d.components[r.component].id.to_string(),
                    metric: d.metrics[r.metric].id.to_string(),
                    fy: r.fiscal_year,
                    source_sentence: r.source_sentence.to_string(),
                }
            })
            .collect();
        serde_wasm_bindgen::to_value(&bars).map_err(|e| error(e.to_string()))
    }
}

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct MetricChoice<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    kind_name: &'a str,
    /// Components with a figure for this metric.
    components: Vec<&'a str>,
}

#[derive(Serialize)]
struct SourceInfo<'a> {
    title: &'a str,
    publisher: &'a str,
    date: &'a str,
    url: &'a str,
    url_note: &'a str,
}

#[derive(Serialize)]
struct Catalog<'a> {
    views: Vec<Choice<'a>>,
    components: Vec<Choice<'a>>,
    metrics: Vec<MetricChoice<'a>>,
    years: Vec<u16>,
    defaults: ViewState<'a>,
    sources: Vec<SourceInfo<'a>>,
}

/// What the controls can offer, from the embedded data: the shell builds its menus from this, so
/// a new component or metric in the CSV appears without touching HTML.
#[wasm_bindgen]
pub fn catalog() -> Result<JsValue, JsValue> {
    let d = &DATASET;
    let defaults = ViewSpec::default_for(d);
    let view_names = |v: ViewKind| match v {
        ViewKind::Component => "All figures of one component",
        ViewKind::Metric => "One measure across components",
        ViewKind::Pipeline => "Enforcement pipeline",
    };
    let catalog = Catalog {
        views: ViewKind::ALL.iter().map(|&v| Choice { id: v.id(), name: view_names(v) }).collect(),
        components: d.components.iter().map(|c| Choice { id: &c.id, name: &c.name }).collect(),
        metrics: d
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut components: Vec<&str> = Vec::new();
                for r in d.records.iter().filter(|r| r.metric == i) {
                    if !components.contains(&d.components[r.component].id.as_ref()) {
                        components.push(&d.components[r.component].id);
                    }
                }
                MetricChoice { id: &m.id, name: &m.name, kind: &d.kinds[m.kind].id, kind_name: &d.kinds[m.kind].name, components }
            })
            .collect(),
        years: fiscal_years(d),
        defaults: ViewState {
            view: defaults.view.id(),
            component: &d.components[defaults.component].id,
            metric: &d.metrics[defaults.metric].id,
            fy: defaults.fiscal_year,
        },
        sources: d.sources.iter().map(|s| SourceInfo { title: &s.title, publisher: &s.publisher, date: &s.date, url: &s.url, url_note: &s.url_note }).collect(),
    };
    serde_wasm_bindgen::to_value(&catalog).map_err(|e| error(e.to_string()))
}
