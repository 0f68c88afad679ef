//! The web boundary: everything JavaScript can call, in one file.
//!
//! Options arrive as plain JS objects, decoded by serde-wasm-bindgen into [`Options`] (unknown
//! fields refused); a wrong option is answered with a `TypeError` naming the field, a drawing
//! problem with an `Error`. Results go out through serde-wasm-bindgen as plain objects and
//! arrays, typed in `pkg/ccht_chart.d.ts` by the declarations below. Nothing here panics on bad
//! input; a panic anywhere else is reported into the page by the hook installed at start.

use crate::canvas_backend::ScaledCanvas;
use crate::dataset::{Dataset, SourceKind};
use crate::draw::draw;
use crate::embedded::DATASET;
use crate::i18n::{say, text, Lang, STRINGS};
use crate::layout::{layout, Font, Layout, TextMeasure};
use crate::number_format::spoken;
use crate::theme::{Rgb, Theme};
use crate::view::{fiscal_years, quoted, select, Chart, ViewKind, ViewSpec, OPTION_NAMES};
use plotters::prelude::IntoDrawingArea;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Talc instead of the standard library's dlmalloc: 1.6 KB less Wasm (gzipped; 71,108 → 69,474 B,
/// measured on 2026-12-02). Memory stays flat under the soak test's 10,000 interactions
/// (tests/e2e/soak.test.mjs).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The DOM event a panic raises on `window` in debug builds, with the message as `detail`, so the
/// page can say so. Release builds abort at once on a panic (`make build`'s `-Cpanic=immediate-abort`,
/// which leaves out every panic message and the formatting code behind them, 8 KB of gzipped Wasm):
/// the call throws a `WebAssembly.RuntimeError` and the page's shell says the chart stopped.
pub const PANIC_EVENT: &str = "ccht-chart:panic";

#[cfg(debug_assertions)]
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

/// A result for JS: plain objects and arrays (maps too, as objects), numbers as numbers.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("a result could not be handed to JavaScript: {e}")))
}

fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// The message of a JS `Error`, as serde-wasm-bindgen's errors are: serde's own words.
fn js_message(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

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
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
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
fn apply_options(dataset: &Dataset, spec: ViewSpec, options: JsValue) -> Result<ViewSpec, JsValue> {
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

/// What a JS value is, for a message: "a boolean", "null", "an array"…
fn kind_of(value: &JsValue) -> String {
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

/// The largest canvas every current browser allocates: 32,767 px a side (Firefox) and 16.7 million
/// pixels (Safari on iOS). Past these a browser gives a canvas that silently draws nothing.
const CANVAS_SIDE: f64 = 32_767.0;
const CANVAS_AREA: f64 = 16_777_216.0;

/// The pixel ratio to draw a `width` × `height` CSS-pixel chart at: the one wanted, or less when
/// the backing store would pass a browser's canvas limits (a huge chart is drawn softer rather
/// than not at all). An error when even a quarter of a device pixel per CSS pixel will not fit.
fn fitting_ratio(width: f64, height: f64, wanted: f64) -> Result<f64, JsValue> {
    let most = (CANVAS_SIDE / width).min(CANVAS_SIDE / height).min((CANVAS_AREA / (width * height)).sqrt());
    if most >= wanted {
        Ok(wanted)
    } else if most >= 0.25 {
        // Floored to a thousandth, so rounding the size up cannot pass the limit.
        Ok((most * 1000.0).floor() / 1000.0)
    } else {
        Err(error(format!(
            "the chart is {width:.0} × {height:.0} CSS pixels, more than a browser canvas can hold; choose a view with fewer figures or a narrower chart"
        )))
    }
}

fn no_context() -> JsValue {
    error("this browser gave no 2D drawing context for the canvas")
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// The palette for the reader's settings: forced colours (Windows high contrast) take the system's
/// colours from the canvas's computed style (`color: CanvasText; background: Canvas` in the CSS),
/// else light or dark as `prefers-color-scheme` says.
fn theme_for(canvas: &HtmlCanvasElement) -> Theme {
    let Some(window) = web_sys::window() else { return Theme::LIGHT };
    let matches = |query: &str| window.match_media(query).ok().flatten().is_some_and(|m| m.matches());
    if matches("(forced-colors: active)") {
        let style = window.get_computed_style(canvas).ok().flatten();
        let colour = |property: &str| {
            style.as_ref().and_then(|s| s.get_property_value(property).ok()).and_then(|v| parse_rgb(&v))
        };
        if let (Some(text), Some(background)) = (colour("color"), colour("background-color")) {
            return Theme::forced(text, background);
        }
    }
    if matches("(prefers-color-scheme: dark)") {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Reads `rgb(1, 2, 3)` or `rgba(1, 2, 3, 1)` as computed styles give colours.
fn parse_rgb(css: &str) -> Option<Rgb> {
    let inner = css.trim().strip_prefix("rgba(").or_else(|| css.trim().strip_prefix("rgb("))?.strip_suffix(')')?;
    // Integers only: parsing floats would pull ~20 KB of float-parsing code into the Wasm.
    let mut parts = inner.split(',').map(|p| p.trim().split('.').next().and_then(|whole| whole.parse::<u8>().ok()));
    Some(Rgb(parts.next()??, parts.next()??, parts.next()??))
}

/// Measures labels through the canvas context: no DOM nodes, no forced layout.
/// Widths are remembered across draws (a switch mostly redraws labels already measured) and the
/// context's font is set only when it changes: both are costly calls into the browser.
struct CanvasText<'a> {
    context: &'a CanvasRenderingContext2d,
    widths: &'a RefCell<WidthCache>,
}

/// Enough for the labels of a few views: a reader switching back and forth measures nothing new.
const WIDTHS_KEPT: usize = 256;

/// Label widths by text and font. A list, searched from the end: at this size a map's code would
/// cost more Wasm than the search costs time.
#[derive(Default)]
struct WidthCache {
    /// The font last set on the context by a measurement.
    font: Option<(u64, bool)>,
    widths: Vec<(String, (u64, bool), f64)>,
}

impl TextMeasure for CanvasText<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (font.size.to_bits(), font.bold);
        let Ok(mut cache) = self.widths.try_borrow_mut() else { return 0.0 };
        if let Some((_, _, w)) = cache.widths.iter().rev().find(|(t, k, _)| *k == key && t == text) {
            return *w;
        }
        if cache.font != Some(key) {
            // As plotters-canvas writes it when it draws the label.
            self.context.set_font(&format!("{} {}px sans-serif", if font.bold { "bold" } else { "normal" }, font.size));
            cache.font = Some(key);
        }
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        if cache.widths.len() >= WIDTHS_KEPT {
            // Bounded, so memory stays flat however long a reader stays.
            cache.widths.clear();
        }
        cache.widths.push((text.to_string(), key, width));
        width
    }
}

#[derive(Serialize)]
struct ViewState<'a> {
    view: &'a str,
    component: &'a str,
    metric: &'a str,
    fy: u16,
    scale: &'static str,
    lang: &'static str,
}

impl ViewState<'_> {
    fn of<'a>(d: &'a Dataset, spec: &ViewSpec) -> ViewState<'a> {
        ViewState {
            view: spec.view.id(),
            component: &d.components[spec.component].id,
            metric: &d.metrics[spec.metric].id,
            fy: spec.fiscal_year,
            scale: spec.scale.id(),
            lang: spec.lang.id(),
        }
    }
}

/// One record as readers see it: names in their language, the value in words, and its source.
#[derive(Serialize)]
struct Figure {
    component_id: String,
    metric_id: String,
    component: String,
    metric: String,
    fy: u16,
    value: f64,
    unit: &'static str,
    qualifier: &'static str,
    /// The value in words, with its qualifier: "more than 800".
    text: String,
    reported_as: String,
    note: String,
    source_title: String,
    source_publisher: String,
    source_url: String,
    source_kind: &'static str,
    source_sentence: String,
}

/// A drawn bar in CSS pixels relative to the canvas, with everything its tooltip says: its
/// record as `figure`, beside the geometry (nested, not flattened: serde's `flatten` buffers
/// every field through a map, which costs Wasm and time).
#[derive(Serialize)]
struct BarInfo {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    panel: usize,
    figure: Figure,
    /// Change over the previous fiscal year, where stated ("+35% since FY 2020").
    change: String,
    /// What the live region says when the bar becomes active.
    announcement: String,
}

#[derive(Serialize)]
struct Table {
    caption: String,
    rows: Vec<Figure>,
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What `new Viewer(canvas, options)` and `setView(options)` take; every field may be left out. */
export interface ViewOptions {
  lang?: string;
  view?: "component" | "metric" | "trend" | "pipeline" | string;
  fy?: string | number;
  component?: string;
  metric?: string;
  scale?: "linear" | "log" | string;
}
/** The current choice, as `viewer.view` gives it. */
export interface ViewState {
  view: string;
  component: string;
  metric: string;
  fy: number;
  scale: string;
  lang: string;
}
/** One record as readers see it: names in the view's language, the value in words, its source. */
export interface Figure {
  component_id: string;
  metric_id: string;
  component: string;
  metric: string;
  fy: number;
  value: number;
  unit: string;
  qualifier: "exact" | "at-least" | "approximate" | "derived";
  text: string;
  reported_as: string;
  note: string;
  source_title: string;
  source_publisher: string;
  source_url: string;
  source_kind: "primary" | "secondary";
  source_sentence: string;
}
/** A drawn bar, in CSS pixels from the canvas's top left. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  panel: number;
  figure: Figure;
  change: string;
  announcement: string;
}
export interface Table {
  caption: string;
  rows: Figure[];
}
export interface SourceInfo {
  title: string;
  publisher: string;
  date: string;
  url: string;
  url_note: string;
  kind: "primary" | "secondary";
  figures: string[];
}
export interface Choice {
  id: string;
  name: string;
}
export interface MetricChoice {
  id: string;
  name: string;
  kind: string;
  kind_name: string;
  components: string[];
  years: number[];
}
export interface Catalog {
  views: Choice[];
  components: Choice[];
  metrics: MetricChoice[];
  years: number[];
  langs: string[];
  defaults: ViewState;
  strings: Record<string, string>;
}
"#;

/// A chart bound to one `<canvas>`. State lives here; JavaScript only forwards choices.
#[wasm_bindgen]
pub struct Viewer {
    /// The compiled-in dataset, or one loaded at run time and leaked (it lives as long as the page).
    dataset: &'static Dataset,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    spec: ViewSpec,
    layout: Option<Layout>,
    /// The chart of the last draw and the choice it was drawn for, so the summary, table and
    /// sources that follow a draw do not select the records again.
    drawn: Option<(ViewSpec, Chart)>,
    /// The bar the keyboard is on, by index into the layout's bars.
    active: Option<usize>,
    widths: RefCell<WidthCache>,
    /// What the canvas element was last given, so unchanged values are not set again.
    shown: Shown,
}

#[derive(Default)]
struct Shown {
    height: String,
    label: String,
}

#[wasm_bindgen]
impl Viewer {
    /// `new Viewer(canvas, { view, component, metric, fy })`; every option may be left out.
    #[wasm_bindgen(constructor)]
    pub fn new(
        canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<Viewer, JsValue> {
        Viewer::with_dataset(&DATASET, canvas, options)
    }
}

impl Viewer {
    /// A viewer of any dataset: the compiled-in one, or one loaded at run time (benchmarks).
    pub(crate) fn with_dataset(
        dataset: &'static Dataset,
        canvas: JsValue,
        options: JsValue,
    ) -> Result<Viewer, JsValue> {
        let canvas: HtmlCanvasElement = canvas.dyn_into().map_err(|other| {
            let what = if other.is_null() || other.is_undefined() {
                "nothing (is the element missing?)".to_string()
            } else if let Some(element) = other.dyn_ref::<web_sys::Element>() {
                format!("a <{}> element", element.tag_name().to_ascii_lowercase())
            } else {
                kind_of(&other)
            };
            type_error(format!("Viewer needs a <canvas> element; got {what}"))
        })?;
        let context = context_2d(&canvas).ok_or_else(no_context)?;
        let spec = apply_options(dataset, ViewSpec::default_for(dataset), options)?;
        Ok(Viewer {
            dataset,
            canvas,
            context,
            spec,
            layout: None,
            drawn: None,
            active: None,
            widths: RefCell::default(),
            shown: Shown::default(),
        })
    }
}

#[wasm_bindgen]
impl Viewer {
    /// Changes any of `view`, `component`, `metric`, `fy`. On error nothing changes.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<(), JsValue> {
        let next = apply_options(self.dataset, self.spec, options)?;
        if next != self.spec {
            self.active = None;
        }
        self.spec = next;
        Ok(())
    }

    /// The current choice as `{ view, component, metric, fy }`.
    #[wasm_bindgen(getter, unchecked_return_type = "ViewState")]
    pub fn view(&self) -> Result<JsValue, JsValue> {
        to_js(&ViewState::of(self.dataset, &self.spec))
    }

    /// Draws the current view at the canvas's CSS width, sizing its height to the content and its
    /// backing store to CSS size × devicePixelRatio. `width`, the canvas's CSS width when the
    /// caller knows it (from a ResizeObserver), spares reading `clientWidth`, which forces a
    /// layout of the page when anything in it changed since the last frame.
    pub fn draw(&mut self, width: Option<f64>) -> Result<(), JsValue> {
        let css_width = match width {
            Some(w) if w.is_finite() && w >= 1.0 => w,
            _ => self.canvas.client_width() as f64,
        };
        if css_width < 1.0 {
            return Err(error(
                "the canvas is 0 px wide, so there is nothing to draw on: it is hidden (display: none) or its container has no width",
            ));
        }
        let ratio =
            web_sys::window().map(|w| w.device_pixel_ratio()).filter(|r| r.is_finite() && *r > 0.0).unwrap_or(1.0);
        let chart = select(self.dataset, &self.spec);
        #[cfg(not(feature = "bench-dom-measure"))]
        let layout = layout(&chart, css_width, &self.measure());
        #[cfg(feature = "bench-dom-measure")] // benchmark build only: labels measured by DOM spans
        let layout = layout(&chart, css_width, &crate::dom_measure::DomText::new());
        // Checked before anything on the page changes, so a chart too big to draw leaves the last one.
        let ratio = fitting_ratio(css_width, layout.height, ratio)?;
        self.drawn = None;
        // Each of these is a call into the browser, and resizing the backing store reallocates it:
        // done only when the size changes. The draw then paints every pixel.
        let height = format!("{}px", layout.height);
        if self.shown.height != height {
            self.canvas
                .style()
                .set_property("height", &height)
                .map_err(|_| error("could not set the canvas height"))?;
            self.shown.height = height;
        }
        let size = ((css_width * ratio).round() as u32, (layout.height * ratio).round() as u32);
        if self.canvas.width() != size.0 {
            self.canvas.set_width(size.0);
        }
        if self.canvas.height() != size.1 {
            self.canvas.set_height(size.1);
        }
        let label = chart.description(self.dataset);
        if self.shown.label != label {
            self.canvas.set_attribute("aria-label", &label).map_err(|_| error("could not label the canvas"))?;
            self.shown.label = label;
        }
        let measure = self.measure();
        let css_size = (css_width.ceil() as u32, layout.height.ceil() as u32);
        let backend =
            ScaledCanvas::new(&self.canvas, &self.context, css_size, ratio, &measure).ok_or_else(no_context)?;
        draw(&backend.into_drawing_area(), &layout, &theme_for(&self.canvas)).map_err(|e| error(e.to_string()))?;
        self.active = self.active.filter(|&i| i < layout.bars.len());
        self.layout = Some(layout);
        self.drawn = Some((self.spec, chart));
        Ok(())
    }

    /// Opens the view a URL query names (`?view=metric&metric=arrests`). Bad or unknown parameters
    /// are skipped; each comes back as a message naming it, for a polite notice in the page.
    /// (Lists go out through serde as every other result does: a `Vec<String>` return has glue of its own.)
    #[wasm_bindgen(js_name = setQuery, unchecked_return_type = "string[]")]
    pub fn set_query(&mut self, query: &str) -> Result<JsValue, JsValue> {
        let (spec, errors) = ViewSpec::from_query(self.dataset, query);
        if spec != self.spec {
            self.active = None;
        }
        self.spec = spec;
        let messages: Vec<String> = errors.iter().map(|e| e.message(self.spec.lang)).collect();
        to_js(&messages[..])
    }

    /// The URL query that reopens the current view.
    #[wasm_bindgen(getter)]
    pub fn query(&self) -> String {
        self.spec.to_query(self.dataset)
    }

    #[cfg(feature = "exports")]
    /// The current view's figures as CSV (RFC 4180), for download.
    pub fn csv(&self) -> String {
        crate::export::csv(self.dataset, &self.chart())
    }

    #[cfg(feature = "exports")]
    /// The current view as an SVG document, drawn by the same code as the canvas, light theme.
    pub fn svg(&self) -> Result<String, JsValue> {
        let layout = self.export_layout();
        crate::draw::svg(&layout, &Theme::LIGHT).map_err(|e| error(e.to_string()))
    }

    #[cfg(feature = "exports")]
    /// Draws the current view into another canvas at `scale` × the displayed CSS size (PNG export),
    /// light theme; the displayed chart is untouched.
    #[wasm_bindgen(js_name = drawInto)]
    pub fn draw_into(&self, target: JsValue, scale: f64) -> Result<(), JsValue> {
        let target: HtmlCanvasElement =
            target.dyn_into().map_err(|_| type_error("drawInto needs a <canvas> element"))?;
        if !(scale.is_finite() && scale > 0.0 && scale <= 8.0) {
            return Err(type_error("scale: expected a number above 0 and at most 8"));
        }
        let layout = self.export_layout();
        let scale = fitting_ratio(layout.width, layout.height, scale)?;
        let size = ((layout.width * scale).round() as u32, (layout.height * scale).round() as u32);
        target.set_width(size.0);
        target.set_height(size.1);
        let context = context_2d(&target).ok_or_else(no_context)?;
        let measure = self.measure();
        let css_size = (layout.width.ceil() as u32, layout.height.ceil() as u32);
        let backend = ScaledCanvas::new(&target, &context, css_size, scale, &measure).ok_or_else(no_context)?;
        draw(&backend.into_drawing_area(), &layout, &Theme::LIGHT).map_err(|e| error(e.to_string()))
    }

    /// The bar under a point in CSS pixels from the canvas's top left, as drawn last.
    pub fn hit(&self, x: f64, y: f64) -> Option<u32> {
        let layout = self.layout.as_ref()?;
        let bar = layout.bar_at(x, y)?;
        layout.bars.iter().position(|b| std::ptr::eq(b, bar)).map(|i| i as u32)
    }

    /// The bar the keyboard is on, if any.
    #[wasm_bindgen(getter)]
    pub fn active(&self) -> Option<u32> {
        self.active.map(|i| i as u32)
    }

    /// Moves the keyboard's bar for a key: arrows step, Home/End jump to the ends, PageUp/PageDown
    /// jump between panels. Returns the new bar, or nothing when the key is not a move or there are
    /// no bars.
    #[wasm_bindgen(js_name = moveActive)]
    pub fn move_active(&mut self, key: &str) -> Option<u32> {
        let bars = &self.layout.as_ref()?.bars;
        let last = bars.len().checked_sub(1)?;
        let current = self.active;
        let panel_start = |panel: usize| bars.iter().position(|b| b.panel == panel);
        let next = match (key, current) {
            ("ArrowDown" | "ArrowRight", None) | ("Home", _) => 0,
            ("ArrowUp" | "ArrowLeft", None) | ("End", _) => last,
            ("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(last),
            ("ArrowUp" | "ArrowLeft", Some(i)) => i.saturating_sub(1),
            ("PageDown", i) => {
                let panel = i.map_or(0, |i| bars[i].panel + 1);
                panel_start(panel).unwrap_or(last)
            }
            ("PageUp", i) => {
                let panel = i.map_or(0, |i| bars[i].panel.saturating_sub(1));
                panel_start(panel).unwrap_or(0)
            }
            _ => return None,
        };
        self.active = Some(next);
        Some(next as u32)
    }

    /// Clears the keyboard's bar (Escape, or focus leaving the chart).
    #[wasm_bindgen(js_name = clearActive)]
    pub fn clear_active(&mut self) {
        self.active = None;
    }

    /// A plain-language reading of the chart: extremes per panel, lower bounds, derived values.
    pub fn summary(&self) -> String {
        self.chart().summary(self.dataset)
    }

    /// The measures the measure menu should offer: in the component view those the component has
    /// that year, in the trend view those it has in any year, in the metric view those with a
    /// figure that year.
    #[wasm_bindgen(js_name = menuMetrics, unchecked_return_type = "string[]")]
    pub fn menu_metrics(&self) -> Result<JsValue, JsValue> {
        let ids: Vec<&str> =
            self.spec.offered_metrics(self.dataset).into_iter().map(|m| self.dataset.metrics[m].id.as_ref()).collect();
        to_js(&ids[..])
    }

    /// Whether the current view spans an order of magnitude, so a log scale switch helps.
    #[wasm_bindgen(getter, js_name = logUseful)]
    pub fn log_useful(&self) -> bool {
        self.chart().spans_magnitudes()
    }

    /// The current view's figures as table rows, from the same records the chart draws.
    #[wasm_bindgen(unchecked_return_type = "Table")]
    pub fn table(&self) -> Result<JsValue, JsValue> {
        let chart = self.chart();
        let rows = chart.panels.iter().flat_map(|p| &p.bars).map(|b| self.figure(b.record)).collect();
        let table = Table { caption: format!("{}, {}", chart.title, chart.subtitle), rows };
        to_js(&table)
    }

    /// Every source of the current view, each with the figures it gives: the provenance panel.
    #[wasm_bindgen(unchecked_return_type = "SourceInfo[]")]
    pub fn sources(&self) -> Result<JsValue, JsValue> {
        let d = self.dataset;
        let chart = self.chart();
        let mut out: Vec<SourceInfo> = Vec::new();
        for b in chart.panels.iter().flat_map(|p| &p.bars) {
            let r = &d.records[b.record];
            let figure = self.figure(b.record);
            let fy = say(self.spec.lang, "fy", &[&r.fiscal_year.to_string()]);
            let line = format!("{} · {} · {fy}: {}", figure.component, figure.metric, figure.text);
            match out.iter_mut().find(|s| s.url == d.sources[r.source].url) {
                Some(s) => s.figures.push(line),
                None => {
                    let s = &d.sources[r.source];
                    out.push(SourceInfo {
                        title: &s.title,
                        publisher: &s.publisher,
                        date: &s.date,
                        url: &s.url,
                        url_note: self.spec.lang.pick(&s.url_note, &s.url_note_es),
                        kind: source_kind(s.kind),
                        figures: vec![line],
                    });
                }
            }
        }
        to_js(&out)
    }

    /// What the current chart shows, in words: the canvas's `aria-label`.
    pub fn description(&self) -> String {
        self.chart().description(self.dataset)
    }

    /// The bars of the last draw, in CSS pixels from the canvas's top left, with their records.
    #[wasm_bindgen(unchecked_return_type = "Bar[]")]
    pub fn bars(&self) -> Result<JsValue, JsValue> {
        let Some(layout) = &self.layout else { return Ok(js_sys::Array::new().into()) };
        let chart = self.chart();
        let bars: Vec<BarInfo> = layout
            .bars
            .iter()
            .map(|b| {
                let figure = self.figure(b.record);
                let change = chart
                    .panels
                    .get(b.panel)
                    .and_then(|p| p.bars.get(b.bar))
                    .and_then(|bar| bar.change.clone())
                    .unwrap_or_default();
                BarInfo {
                    x: b.x0,
                    y: b.y0,
                    width: b.x1 - b.x0,
                    height: b.y1 - b.y0,
                    panel: b.panel,
                    announcement: say(
                        self.spec.lang,
                        "announcement",
                        &[&figure.component, &figure.metric, &figure.fy.to_string(), &figure.text],
                    ),
                    change,
                    figure,
                }
            })
            .collect();
        to_js(&bars)
    }
}

impl Viewer {
    /// A measurer for one layout. Drawing changes the context's font, so it is set afresh.
    fn measure(&self) -> CanvasText<'_> {
        if let Ok(mut cache) = self.widths.try_borrow_mut() {
            cache.font = None;
        }
        CanvasText { context: &self.context, widths: &self.widths }
    }

    /// The current view laid out for a download: at the displayed width, at least 320 px.
    #[cfg(feature = "exports")]
    fn export_layout(&self) -> Layout {
        let css_width = (self.canvas.client_width() as f64).max(320.0);
        layout(&self.chart(), css_width, &self.measure())
    }

    /// The current chart: the one last drawn if the choice has not changed since, else selected anew.
    fn chart(&self) -> Cow<'_, Chart> {
        match &self.drawn {
            Some((spec, chart)) if *spec == self.spec => Cow::Borrowed(chart),
            _ => Cow::Owned(select(self.dataset, &self.spec)),
        }
    }

    /// One record as readers see it, in the view's language.
    fn figure(&self, record: usize) -> Figure {
        let d = self.dataset;
        let lang = self.spec.lang;
        let r = &d.records[record];
        let kind = d.kind_of(r);
        let source = &d.sources[r.source];
        Figure {
            component_id: d.components[r.component].id.to_string(),
            metric_id: d.metrics[r.metric].id.to_string(),
            component: d.components[r.component].label(lang).to_string(),
            metric: d.metrics[r.metric].label(lang).to_string(),
            fy: r.fiscal_year,
            value: r.value,
            unit: crate::export::unit_id(kind.unit),
            qualifier: r.qualifier.id(),
            text: spoken(r.value, kind.unit, r.qualifier, lang),
            reported_as: r.reported_as.to_string(),
            note: r.note_in(lang).to_string(),
            source_title: source.title.to_string(),
            source_publisher: source.publisher.to_string(),
            source_url: source.url.to_string(),
            source_kind: source_kind(source.kind),
            source_sentence: r.source_sentence.to_string(),
        }
    }
}

fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Primary => "primary",
        SourceKind::Secondary => "secondary",
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
    /// Components with a figure for this metric, in any year.
    components: Vec<&'a str>,
    /// Fiscal years with a figure for this metric, in any component.
    years: Vec<u16>,
}

#[derive(Serialize)]
struct SourceInfo<'a> {
    title: &'a str,
    publisher: &'a str,
    date: &'a str,
    url: &'a str,
    url_note: &'a str,
    kind: &'static str,
    figures: Vec<String>,
}

#[derive(Serialize)]
struct Catalog<'a> {
    views: Vec<Choice<'a>>,
    components: Vec<Choice<'a>>,
    metrics: Vec<MetricChoice<'a>>,
    years: Vec<u16>,
    langs: Vec<&'static str>,
    defaults: ViewState<'a>,
    /// Every interface string in the requested language, by key: an object.
    #[serde(serialize_with = "as_object")]
    strings: Vec<(&'static str, &'static str)>,
}

fn as_object<S: Serializer>(pairs: &[(&'static str, &'static str)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().copied())
}

/// What the controls can offer, from the embedded data, with every name and interface string in
/// `lang` ("en" or "es"): the shell builds its menus and labels from this, so a new component or
/// metric in the CSV appears without touching HTML.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = match lang.as_deref() {
        None | Some("") => Lang::En,
        Some(id) => Lang::parse(id).ok_or_else(|| {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.id()).collect();
            type_error(format!("lang: unknown language {}; expected {}", quoted(id), known.join(" or ")))
        })?,
    };
    let d = &DATASET;
    let defaults = ViewSpec::default_for(d);
    let catalog = Catalog {
        views: ViewKind::ALL
            .iter()
            .map(|&v| Choice { id: v.id(), name: text(lang, &format!("view_{}", v.id())) })
            .collect(),
        components: d.components.iter().map(|c| Choice { id: &c.id, name: c.label(lang) }).collect(),
        metrics: d
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| MetricChoice {
                id: &m.id,
                name: m.label(lang),
                kind: &d.kinds[m.kind].id,
                kind_name: d.kinds[m.kind].label(lang),
                components: d.index().components_of_metric(i).iter().map(|&c| d.components[c].id.as_ref()).collect(),
                years: d.index().years_of_metric(i).to_vec(),
            })
            .collect(),
        years: fiscal_years(d),
        langs: Lang::ALL.iter().map(|l| l.id()).collect(),
        defaults: ViewState::of(d, &defaults),
        strings: STRINGS.iter().map(|(k, en, es)| (*k, lang.pick(en, es))).collect(),
    };
    to_js(&catalog)
}

/// In a real browser (`wasm-pack test`); the Viewer itself is tested through its API in
/// tests/browser.rs.
#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn the_pixel_ratio_shrinks_only_as_far_as_a_canvas_must() {
        assert_eq!(fitting_ratio(1000.0, 500.0, 2.0).unwrap(), 2.0);
        // 32,767 px a side: 20,000 CSS px wide fits 1.638 device pixels per CSS pixel.
        assert_eq!(fitting_ratio(20_000.0, 10.0, 2.0).unwrap(), 1.638);
        assert_eq!(fitting_ratio(10.0, 20_000.0, 2.0).unwrap(), 1.638);
        // 16.7 million pixels: 4,000 × 4,500 fits √(16,777,216 / 18,000,000) = 0.9654…
        assert_eq!(fitting_ratio(4000.0, 4500.0, 1.0).unwrap(), 0.965);
        assert!(fitting_ratio(200_000.0, 10.0, 1.0).is_err());
    }

    #[wasm_bindgen_test]
    fn computed_colours_are_read_as_integers() {
        assert_eq!(parse_rgb("rgb(1, 2, 3)"), Some(Rgb(1, 2, 3)));
        assert_eq!(parse_rgb(" rgba(10, 20, 30, 0.5) "), Some(Rgb(10, 20, 30)));
        assert_eq!(parse_rgb("rgb(255.6, 0, 0)"), Some(Rgb(255, 0, 0)));
        for bad in ["#fff", "rgb(300, 0, 0)", "rgb(1, 2)", "canvastext"] {
            assert_eq!(parse_rgb(bad), None, "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn labels_are_measured_by_the_canvas_and_remembered_boundedly() {
        let canvas: HtmlCanvasElement =
            web_sys::window().unwrap().document().unwrap().create_element("canvas").unwrap().dyn_into().unwrap();
        let context = context_2d(&canvas).unwrap();
        let widths = RefCell::new(WidthCache::default());
        let measure = CanvasText { context: &context, widths: &widths };
        let direct = |text: &str, font: &str| {
            context.set_font(font);
            context.measure_text(text).unwrap().width()
        };
        let (normal, bold) = (Font { size: 13.0, bold: false }, Font { size: 13.0, bold: true });
        let expected = [
            ("WWWW", direct("WWWW", "normal 13px sans-serif")),
            ("i", direct("i", "normal 13px sans-serif")),
            ("WWWW", direct("WWWW", "bold 13px sans-serif")),
        ];
        assert!(expected[0].1 > expected[1].1 && expected[2].1 > expected[0].1, "{expected:?}");
        // After the direct calls the context's font is bold: the measure sets its own.
        widths.borrow_mut().font = None;
        for _ in 0..2 {
            assert_eq!(measure.width("WWWW", normal), expected[0].1);
            assert_eq!(measure.width("i", normal), expected[1].1);
            assert_eq!(measure.width("WWWW", bold), expected[2].1);
        }
        assert_eq!(widths.borrow().widths.len(), 3, "each measured once");
        for i in 0..WIDTHS_KEPT + 10 {
            measure.width(&i.to_string(), normal);
        }
        assert!(widths.borrow().widths.len() <= WIDTHS_KEPT);
    }
}
