//! The web boundary: everything JavaScript can call, in one file.
//!
//! Options arrive as plain JS objects decoded with `serde-wasm-bindgen`; a wrong option is answered
//! with a `TypeError` naming the field, a drawing problem with an `Error`. Nothing here panics on
//! bad input; a panic anywhere else is reported into the page by the hook installed at start.

use crate::dataset::{Dataset, SourceKind};
use crate::draw::{draw, Theme};
use crate::embedded::DATASET;
use crate::i18n::{say, text, Lang, STRINGS};
use crate::layout::{layout, Font, Layout, TextMeasure};
use crate::number_format::spoken;
use crate::view::{fiscal_years, select, Chart, ViewKind, ViewSpec, OPTION_NAMES};
use plotters::style::RGBColor;
use plotters_canvas::CanvasBackend;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
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

/// Serializes for JS with maps as plain objects (`#[serde(flatten)]` and string maps need it).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)).map_err(|e| error(e.to_string()))
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

/// The palette for the reader's settings: forced colours (Windows high contrast) take the system's
/// colours from the canvas's computed style (`color: CanvasText; background: Canvas` in the CSS),
/// else light or dark as `prefers-color-scheme` says.
fn theme_for(canvas: &HtmlCanvasElement) -> Theme {
    let Some(window) = web_sys::window() else { return Theme::LIGHT };
    let matches = |query: &str| window.match_media(query).ok().flatten().is_some_and(|m| m.matches());
    if matches("(forced-colors: active)") {
        let style = window.get_computed_style(canvas).ok().flatten();
        let colour = |property: &str| style.as_ref().and_then(|s| s.get_property_value(property).ok()).and_then(|v| parse_rgb(&v));
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
fn parse_rgb(css: &str) -> Option<RGBColor> {
    let inner = css.trim().strip_prefix("rgba(").or_else(|| css.trim().strip_prefix("rgb("))?.strip_suffix(')')?;
    // Integers only: parsing floats would pull ~20 KB of float-parsing code into the Wasm.
    let mut parts = inner.split(',').map(|p| p.trim().split('.').next().and_then(|whole| whole.parse::<u8>().ok()));
    Some(RGBColor(parts.next()??, parts.next()??, parts.next()??))
}

/// Measures labels through the canvas context: no DOM nodes, no forced layout.
/// Widths are remembered within a layout and the context's font is set only when it changes: both
/// are costly calls into the browser.
struct CanvasText<'a> {
    context: &'a CanvasRenderingContext2d,
    widths: &'a RefCell<WidthCache>,
}

#[derive(Default)]
struct WidthCache {
    font: Option<(u64, bool)>,
    widths: BTreeMap<(String, u64, bool), f64>,
}

impl TextMeasure for CanvasText<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (font.size.to_bits(), font.bold);
        let Ok(mut cache) = self.widths.try_borrow_mut() else { return 0.0 };
        if let Some(w) = cache.widths.get(&(text.to_string(), key.0, key.1)) {
            return *w;
        }
        if cache.font != Some(key) {
            self.context.set_font(&format!("{} {}px sans-serif", if font.bold { "bold" } else { "normal" }, font.size));
            cache.font = Some(key);
        }
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        cache.widths.insert((text.to_string(), key.0, key.1), width);
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

/// A drawn bar in CSS pixels relative to the canvas, with everything its tooltip says.
#[derive(Serialize)]
struct BarInfo {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    panel: usize,
    #[serde(flatten)]
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
        Ok(Viewer { dataset, canvas, context, spec, layout: None, drawn: None, active: None, widths: RefCell::default() })
    }
}

#[wasm_bindgen]
impl Viewer {

    /// Changes any of `view`, `component`, `metric`, `fy`. On error nothing changes.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, options: JsValue) -> Result<(), JsValue> {
        let next = apply_options(self.dataset, self.spec, options)?;
        if next != self.spec {
            self.active = None;
        }
        self.spec = next;
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
            scale: self.spec.scale.id(),
            lang: self.spec.lang.id(),
        };
        to_js(&state)
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
        let layout = layout(&chart, css_width, &self.measure());
        #[cfg(feature = "bench-dom-measure")] // benchmark build only: labels measured by DOM spans
        let layout = layout(&chart, css_width, &crate::dom_measure::DomText::new());
        self.drawn = None;
        self.canvas
            .style()
            .set_property("height", &format!("{}px", layout.height))
            .map_err(|_| error("could not set the canvas height"))?;
        self.canvas.set_width((css_width * ratio).round() as u32);
        self.canvas.set_height((layout.height * ratio).round() as u32);
        self.canvas.set_attribute("aria-label", &chart.description(self.dataset)).map_err(|_| error("could not label the canvas"))?;
        let backend = CanvasBackend::with_canvas_object(self.canvas.clone()).ok_or_else(|| error("the canvas gave no 2D context"))?;
        draw(backend, &layout, &theme_for(&self.canvas), ratio).map_err(|e| error(e.to_string()))?;
        self.active = self.active.filter(|&i| i < layout.bars.len());
        self.layout = Some(layout);
        self.drawn = Some((self.spec, chart));
        Ok(())
    }

    /// Opens the view a URL query names (`?view=metric&metric=arrests`). Bad or unknown parameters
    /// are skipped; each comes back as a message naming it, for a polite notice in the page.
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&mut self, query: &str) -> Vec<String> {
        let (spec, errors) = ViewSpec::from_query(self.dataset, query);
        if spec != self.spec {
            self.active = None;
        }
        self.spec = spec;
        errors.iter().map(|e| e.message(self.spec.lang)).collect()
    }

    /// The URL query that reopens the current view.
    #[wasm_bindgen(getter)]
    pub fn query(&self) -> String {
        self.spec.to_query(self.dataset)
    }

    /// The current view's figures as CSV (RFC 4180), for download.
    pub fn csv(&self) -> String {
        crate::export::csv(self.dataset, &self.chart())
    }

    /// The current view as an SVG document, drawn by the same code as the canvas, light theme.
    pub fn svg(&self) -> Result<String, JsValue> {
        let css_width = (self.canvas.client_width() as f64).max(320.0);
        let layout = layout(&self.chart(), css_width, &self.measure());
        crate::draw::svg(&layout, &Theme::LIGHT).map_err(|e| error(e.to_string()))
    }

    /// Draws the current view into another canvas at `scale` × the displayed CSS size (PNG export),
    /// light theme; the displayed chart is untouched.
    #[wasm_bindgen(js_name = drawInto)]
    pub fn draw_into(&self, target: JsValue, scale: f64) -> Result<(), JsValue> {
        let target: HtmlCanvasElement = target.dyn_into().map_err(|_| type_error("drawInto needs a <canvas> element"))?;
        if !(scale.is_finite() && scale > 0.0 && scale <= 8.0) {
            return Err(type_error("scale: expected a number above 0 and at most 8"));
        }
        let css_width = (self.canvas.client_width() as f64).max(320.0);
        let layout = layout(&self.chart(), css_width, &self.measure());
        target.set_width((css_width * scale).round() as u32);
        target.set_height((layout.height * scale).round() as u32);
        let backend = CanvasBackend::with_canvas_object(target).ok_or_else(|| error("the export canvas gave no 2D context"))?;
        draw(backend, &layout, &Theme::LIGHT, scale).map_err(|e| error(e.to_string()))
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
    #[wasm_bindgen(js_name = menuMetrics)]
    pub fn menu_metrics(&self) -> Vec<String> {
        self.spec.offered_metrics(self.dataset).into_iter().map(|m| self.dataset.metrics[m].id.to_string()).collect()
    }

    /// Whether the current view spans an order of magnitude, so a log scale switch helps.
    #[wasm_bindgen(getter, js_name = logUseful)]
    pub fn log_useful(&self) -> bool {
        self.chart().spans_magnitudes()
    }

    /// The current view's figures as table rows, from the same records the chart draws.
    pub fn table(&self) -> Result<JsValue, JsValue> {
        let chart = self.chart();
        let rows = chart.panels.iter().flat_map(|p| &p.bars).map(|b| self.figure(b.record)).collect();
        let table = Table { caption: format!("{}, {}", chart.title, chart.subtitle), rows };
        to_js(&table)
    }

    /// Every source of the current view, each with the figures it gives: the provenance panel.
    pub fn sources(&self) -> Result<JsValue, JsValue> {
        let d = self.dataset;
        let chart = self.chart();
        let mut out: Vec<SourceInfo> = Vec::new();
        for b in chart.panels.iter().flat_map(|p| &p.bars) {
            let r = &d.records[b.record];
            let figure = self.figure(b.record);
            let line = format!("{} · {} · {}: {}", figure.component, figure.metric, say(self.spec.lang, "fy", &[&r.fiscal_year.to_string()]), figure.text);
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
    pub fn bars(&self) -> Result<JsValue, JsValue> {
        let Some(layout) = &self.layout else { return Ok(js_sys::Array::new().into()) };
        let chart = self.chart();
        let bars: Vec<BarInfo> = layout
            .bars
            .iter()
            .map(|b| {
                let figure = self.figure(b.record);
                let change = chart.panels.get(b.panel).and_then(|p| p.bars.get(b.bar)).and_then(|bar| bar.change.clone()).unwrap_or_default();
                BarInfo {
                    x: b.x0,
                    y: b.y0,
                    width: b.x1 - b.x0,
                    height: b.y1 - b.y0,
                    panel: b.panel,
                    announcement: say(self.spec.lang, "announcement", &[&figure.component, &figure.metric, &figure.fy.to_string(), &figure.text]),
                    change,
                    figure,
                }
            })
            .collect();
        to_js(&bars)
    }
}

impl Viewer {
    /// A measurer for one layout. Drawing changes the context's font, so it is set afresh; widths
    /// are remembered within one layout only, so memory stays flat however long a reader stays.
    fn measure(&self) -> CanvasText<'_> {
        if let Ok(mut cache) = self.widths.try_borrow_mut() {
            cache.font = None;
            cache.widths.clear();
        }
        CanvasText { context: &self.context, widths: &self.widths }
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
    /// Every interface string in the requested language, by key.
    strings: std::collections::BTreeMap<&'static str, &'static str>,
}

/// What the controls can offer, from the embedded data, with every name and interface string in
/// `lang` ("en" or "es"): the shell builds its menus and labels from this, so a new component or
/// metric in the CSV appears without touching HTML.
#[wasm_bindgen]
pub fn catalog(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = match lang.as_deref() {
        None | Some("") => Lang::En,
        Some(id) => Lang::parse(id).ok_or_else(|| type_error(format!("lang: unknown language {id:?}; expected en or es")))?,
    };
    let d = &DATASET;
    let defaults = ViewSpec::default_for(d);
    let catalog = Catalog {
        views: ViewKind::ALL.iter().map(|&v| Choice { id: v.id(), name: text(lang, &format!("view_{}", v.id())) }).collect(),
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
        defaults: ViewState {
            view: defaults.view.id(),
            component: &d.components[defaults.component].id,
            metric: &d.metrics[defaults.metric].id,
            fy: defaults.fiscal_year,
            scale: defaults.scale.id(),
            lang: defaults.lang.id(),
        },
        strings: STRINGS.iter().map(|(k, en, es)| (*k, lang.pick(en, es))).collect(),
    };
    to_js(&catalog)
}
