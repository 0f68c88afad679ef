//! Downloads of the current view: CSV, SVG and PNG (drawn into another canvas), in the light theme
//! and from the same records and drawing code as the chart on screen; and citations of the view or
//! one of its figures. Only in builds with the `exports` feature: the first view's lean Wasm leaves
//! them out, and the page fetches the complete build on a reader's first download or citation.

use super::canvas::{context_2d, no_context, ScaledCanvas};
use super::canvas_size::fitting_ratio;
use super::js::{error, to_js, type_error};
use super::Viewer;
use crate::cite::{cite_chart, cite_figure, panel_words, Context, IsoDate};
use crate::embedded::DATA_VERSION;
use crate::layout::{layout, Layout};
use crate::render::{csv, draw, svg_file, Theme};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen]
impl Viewer {
    /// The current view's figures as CSV (RFC 4180), for download.
    pub fn csv(&self) -> String {
        csv(self.dataset(), &self.chart())
    }

    /// The current view as an SVG document, drawn by the same code as the canvas, light theme,
    /// named by the chart's title and subtitle and described as the canvas is (`description`).
    pub fn svg(&self) -> Result<String, JsValue> {
        let layout = self.export_layout();
        svg_file(&layout, &Theme::LIGHT, &self.chart(), self.dataset()).map_err(|e| error(e.to_string()))
    }

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

    /// The citation of the current view: `page` is the page's address without its query (the
    /// view's is added), `accessed` today's date as YYYY-MM-DD.
    #[wasm_bindgen(js_name = citeChart, unchecked_return_type = "Citation")]
    pub fn cite_chart(&self, page: &str, accessed: &str) -> Result<JsValue, JsValue> {
        let context = self.cite_context(page, accessed)?;
        to_js(&cite_chart(self.dataset(), &self.chart(), &self.spec.to_query(self.dataset()), &context))
    }

    /// The Cite panel's words, in the view's language.
    #[wasm_bindgen(js_name = citeWords, unchecked_return_type = "Record<string, string>")]
    pub fn cite_words(&self) -> Result<JsValue, JsValue> {
        to_js(&panel_words(self.spec.lang).collect::<std::collections::BTreeMap<_, _>>())
    }

    /// The citation of one figure, named as a `Figure` names it (`component_id`, `metric_id`,
    /// `fy`), with the current view's address.
    #[wasm_bindgen(js_name = citeFigure, unchecked_return_type = "Citation")]
    pub fn cite_figure(
        &self,
        component: &str,
        metric: &str,
        fy: u16,
        page: &str,
        accessed: &str,
    ) -> Result<JsValue, JsValue> {
        let d = self.dataset();
        let record = d.records.iter().position(|r| {
            r.fiscal_year == fy && d.components[r.component].id == component && d.metrics[r.metric].id == metric
        });
        let record = record.ok_or_else(|| type_error(format!("no figure for {component}, {metric}, FY {fy}")))?;
        to_js(&cite_figure(d, record, &self.cite_context(page, accessed)?))
    }
}

impl Viewer {
    fn cite_context(&self, page: &str, accessed: &str) -> Result<Context, JsValue> {
        let accessed =
            IsoDate::parse(accessed).ok_or_else(|| type_error("accessed: expected a date written YYYY-MM-DD"))?;
        let query = self.spec.to_query(self.dataset());
        let url = if query.is_empty() { page.to_string() } else { format!("{page}?{query}") };
        Ok(Context { url, accessed, lang: self.spec.lang, version: DATA_VERSION })
    }

    /// The current view laid out for a download: at the displayed width, at least 320 px.
    fn export_layout(&self) -> Layout {
        let css_width = (self.canvas.client_width() as f64).max(320.0);
        layout(&self.chart(), css_width, &self.measure())
    }
}
