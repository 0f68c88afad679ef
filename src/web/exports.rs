//! Downloads of the current view: CSV, SVG and PNG (drawn into another canvas), in the light theme
//! and from the same records and drawing code as the chart on screen. Only in builds with the
//! `exports` feature: the first view's lean Wasm leaves them out, and the page fetches the complete
//! build on a reader's first download.

use super::canvas::{context_2d, no_context, ScaledCanvas};
use super::canvas_size::fitting_ratio;
use super::js::{error, type_error};
use super::Viewer;
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
}

impl Viewer {
    /// The current view laid out for a download: at the displayed width, at least 320 px.
    fn export_layout(&self) -> Layout {
        let css_width = (self.canvas.client_width() as f64).max(320.0);
        layout(&self.chart(), css_width, &self.measure())
    }
}
