//! The `Viewer`: one chart bound to one `<canvas>`. It holds the state (view, last layout, active
//! bar) and answers the shell's questions; JavaScript only forwards the reader's choices.

use super::canvas::{context_2d, no_context, ScaledCanvas};
use super::canvas_size::fitting_ratio;
use super::js::{error, kind_of, to_js, type_error};
use super::measure::{CanvasText, WidthCache};
use super::options::apply_options;
use super::results::{BarInfo, SourceInfo, ViewState};
use super::theme::theme_for;
use crate::embedded::DATASET;
use crate::layout::{layout, Layout};
use crate::render::draw;
use crate::render::{table, Figure};
use crate::text::say;
use crate::view::{record_words, select, Chart, Scale, ViewKind, ViewSpec};
use ccht_data::Dataset;
use plotters::prelude::IntoDrawingArea;
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The dataset a viewer shows: the one compiled in, or one loaded at run time, shared with the
/// `DataSet` that loaded it and freed with the last of them (the studio loads one per edit).
#[derive(Clone)]
pub(crate) enum Data {
    Embedded(&'static Dataset),
    #[cfg(feature = "runtime-data")]
    Loaded(std::rc::Rc<Dataset>),
}

impl std::ops::Deref for Data {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        match self {
            Data::Embedded(d) => d,
            #[cfg(feature = "runtime-data")]
            Data::Loaded(d) => d,
        }
    }
}

/// A chart bound to one `<canvas>`. State lives here; JavaScript only forwards choices.
#[wasm_bindgen]
pub struct Viewer {
    /// The compiled-in dataset, or one loaded at run time.
    data: Data,
    pub(super) canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    pub(super) spec: ViewSpec,
    layout: Option<Layout>,
    /// The chart of the last draw and the choice it was drawn for, so the summary, table and
    /// sources that follow a draw do not select the records again.
    drawn: Option<(ViewSpec, Chart)>,
    /// The bar the keyboard is on, by index into the layout's bars.
    active: Option<usize>,
    widths: RefCell<WidthCache>,
    /// What the canvas element was last given, so unchanged values are not set again.
    shown: Shown,
    /// Whether the page shows the chart's title, subtitle and source line as text around the
    /// canvas (`table()` gives them), so the canvas leaves them out.
    page_heading: bool,
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
        Viewer::with_dataset(Data::Embedded(&DATASET), canvas, options)
    }
}

impl Viewer {
    /// A viewer of any dataset: the compiled-in one, or one loaded at run time (benchmarks, the studio).
    pub(crate) fn with_dataset(data: Data, canvas: JsValue, options: JsValue) -> Result<Viewer, JsValue> {
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
        let spec = apply_options(&data, ViewSpec::default_for(&data), options)?;
        Ok(Viewer {
            data,
            canvas,
            context,
            spec,
            layout: None,
            drawn: None,
            active: None,
            widths: RefCell::default(),
            shown: Shown::default(),
            page_heading: false,
        })
    }

    pub(super) fn dataset(&self) -> &Dataset {
        &self.data
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
        let next = apply_options(self.dataset(), self.spec, options)?;
        if next != self.spec {
            self.active = None;
        }
        self.spec = next;
        Ok(())
    }

    /// Whether the page shows the chart's title, subtitle and source line itself (from `table()`),
    /// so the canvas draws the figures only; from the next draw. Downloads keep them either way.
    #[wasm_bindgen(getter = pageHeading)]
    pub fn page_heading(&self) -> bool {
        self.page_heading
    }

    #[wasm_bindgen(setter = pageHeading)]
    pub fn set_page_heading(&mut self, shown: bool) {
        self.page_heading = shown;
    }

    /// The current choice as `{ view, component, metric, fy }`.
    #[wasm_bindgen(getter, unchecked_return_type = "ViewState")]
    pub fn view(&self) -> Result<JsValue, JsValue> {
        to_js(&ViewState::of(self.dataset(), &self.spec))
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
        let mut chart = select(self.dataset(), &self.spec);
        let lay_out = |chart: &Chart| {
            #[cfg(not(feature = "bench-dom-measure"))]
            let layout = layout(chart, css_width, &self.measure());
            #[cfg(feature = "bench-dom-measure")] // benchmark build only: labels measured by DOM spans
            let layout = layout(chart, css_width, &super::dom_measure::DomText::new());
            layout
        };
        let layout = if self.page_heading { chart.without_heading(lay_out) } else { lay_out(&chart) };
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
        let label = chart.description(self.dataset());
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
        let (spec, errors) = ViewSpec::from_query(self.dataset(), query);
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
        self.spec.to_query(self.dataset())
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
        self.chart().summary(self.dataset())
    }

    /// The measures the measure menu should offer: in the component view those the component has
    /// that year, in the trend view those it has in any year, in the metric view those with a
    /// figure that year.
    #[wasm_bindgen(js_name = menuMetrics, unchecked_return_type = "string[]")]
    pub fn menu_metrics(&self) -> Result<JsValue, JsValue> {
        let ids: Vec<&str> = self
            .spec
            .offered_metrics(self.dataset())
            .into_iter()
            .map(|m| self.dataset().metrics[m].id.as_ref())
            .collect();
        to_js(&ids[..])
    }

    /// Whether the current view spans an order of magnitude, so a log scale switch helps.
    #[wasm_bindgen(getter, js_name = logUseful)]
    pub fn log_useful(&self) -> bool {
        self.chart().spans_magnitudes()
    }

    /// The current view's figures as the page's table shows them, from the same records the chart
    /// draws (the table index.html and the prerendered views carry, made by the same function).
    #[wasm_bindgen(unchecked_return_type = "Table")]
    pub fn table(&self) -> Result<JsValue, JsValue> {
        to_js(&table(self.dataset(), &self.chart()))
    }

    /// Every source of the current view, each with the figures it gives: the provenance panel.
    #[wasm_bindgen(unchecked_return_type = "SourceInfo[]")]
    pub fn sources(&self) -> Result<JsValue, JsValue> {
        let d = self.dataset();
        let chart = self.chart();
        let mut out: Vec<SourceInfo<'_>> = Vec::new();
        for b in chart.panels.iter().flat_map(|p| &p.bars) {
            let r = &d.records[b.record];
            let figure = Figure::of(d, b.record, self.spec.lang);
            let fy = say(self.spec.lang, "fy", &[&r.fiscal_year.to_string()]);
            let line = format!("{} · {} · {fy}: {}", figure.component, figure.metric, figure.text);
            match out.iter_mut().find(|s| s.url == d.sources[r.source].url) {
                Some(s) => s.figures.push(line),
                None => {
                    let s = &d.sources[r.source];
                    out.push(SourceInfo {
                        title: Cow::Borrowed(&s.title),
                        publisher: Cow::Borrowed(&s.publisher),
                        date: Cow::Borrowed(&s.date),
                        url: Cow::Borrowed(&s.url),
                        url_note: Cow::Borrowed(self.spec.lang.pick(&s.url_note, &s.url_note_es)),
                        kind: Cow::Borrowed(s.kind.id()),
                        figures: vec![line],
                    });
                }
            }
        }
        to_js(&out)
    }

    /// What the current chart shows, in words: the canvas's `aria-label`.
    pub fn description(&self) -> String {
        self.chart().description(self.dataset())
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
                let words = record_words(self.dataset(), b.record, self.spec.lang);
                let announcement = words.announcement.clone();
                let figure = Figure::new(self.dataset(), b.record, words, self.spec.lang);
                let panel = chart.panels.get(b.panel);
                let card = panel.and_then(|p| p.card.as_ref());
                let change = match card {
                    Some(card) => card.comparison.as_ref().map(|c| c.text.clone()),
                    None => panel.and_then(|p| p.bars.get(b.bar)).and_then(|bar| bar.change.clone()),
                };
                let trend = card.map(|card| {
                    let spec = ViewSpec {
                        view: ViewKind::Trend,
                        component: card.component,
                        metric: card.metric,
                        scale: Scale::Linear,
                        ..self.spec
                    };
                    spec.to_query(self.dataset())
                });
                BarInfo {
                    x: b.x0,
                    y: b.y0,
                    width: b.x1 - b.x0,
                    height: b.y1 - b.y0,
                    panel: b.panel,
                    panel_top: b.panel_top,
                    announcement,
                    change: change.unwrap_or_default(),
                    trend: trend.unwrap_or_default(),
                    figure,
                }
            })
            .collect();
        to_js(&bars)
    }
}

impl Viewer {
    /// A measurer for one layout. Drawing changes the context's font, so it is set afresh.
    pub(super) fn measure(&self) -> CanvasText<'_> {
        if let Ok(mut cache) = self.widths.try_borrow_mut() {
            cache.font = None;
        }
        CanvasText { context: &self.context, widths: &self.widths }
    }

    /// The current chart: the one last drawn if the choice has not changed since, else selected anew.
    pub(super) fn chart(&self) -> Cow<'_, Chart> {
        match &self.drawn {
            Some((spec, chart)) if *spec == self.spec => Cow::Borrowed(chart),
            _ => Cow::Owned(select(self.dataset(), &self.spec)),
        }
    }
}
