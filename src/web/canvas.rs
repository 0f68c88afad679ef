//! plotters-canvas's `CanvasBackend`, wrapped for what it leaves to callers: what readers see.
//!
//! - The pixel ratio. `CanvasBackend` draws in backing-store pixels; the backing store is the CSS
//!   size × devicePixelRatio, so the wrapper reports the CSS size to plotters and scales the
//!   context once per draw. Labels and lines are then as sharp as the screen.
//! - Text measurement. The trait's default `estimate_text_size` goes through plotters' font code,
//!   which in a browser appends a `<span>` with a `style` attribute per label: a forced layout
//!   each time, and refused by a page whose CSP has `style-src 'self'`. The wrapper answers from
//!   the context's `measureText`, through the viewer's width cache.
//! - A fresh start. Each draw clears the backing store first, so a chart never shows through.
//!
//! Everything else is forwarded as it is.

use super::js::error;
use crate::layout::{Font, TextMeasure};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The error for a canvas that gives no 2D context.
pub(crate) fn no_context() -> JsValue {
    error("this browser gave no 2D drawing context for the canvas")
}

/// A canvas's 2D context, if the browser gives one.
pub(crate) fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// One drawing pass on a canvas whose backing store is `css_size` × `ratio` device pixels.
pub(crate) struct ScaledCanvas<'a> {
    inner: CanvasBackend,
    context: &'a CanvasRenderingContext2d,
    css_size: (u32, u32),
    ratio: f64,
    measure: &'a dyn TextMeasure,
    /// plotters calls `ensure_prepared` before every shape; the clear and scale happen once.
    prepared: bool,
}

impl<'a> ScaledCanvas<'a> {
    /// None when the canvas gives no 2D context (plotters-canvas asks for it once more).
    pub(crate) fn new(
        canvas: &HtmlCanvasElement,
        context: &'a CanvasRenderingContext2d,
        css_size: (u32, u32),
        ratio: f64,
        measure: &'a dyn TextMeasure,
    ) -> Option<ScaledCanvas<'a>> {
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(ScaledCanvas { inner, context, css_size, ratio, measure, prepared: false })
    }
}

/// plotters-canvas's error (its type is not exported by name).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Result = std::result::Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for ScaledCanvas<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.css_size
    }

    fn ensure_prepared(&mut self) -> Result {
        if std::mem::replace(&mut self.prepared, true) {
            return Ok(());
        }
        let c = self.context;
        let _ = c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let canvas = c.canvas();
        if let Some(canvas) = canvas {
            c.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
        }
        let _ = c.set_transform(self.ratio, 0.0, 0.0, self.ratio, 0.0, 0.0);
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result {
        // Leave the context as a fresh one is, for whoever draws on it next (the PNG export).
        let _ = self.context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        self.prepared = false;
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = Font { size: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        Ok((self.measure.width(text, font).ceil() as u32, style.size().ceil() as u32))
    }
}

/// In a real browser (`wasm-pack test`): each primitive drawn through plotters' own API lands at
/// CSS pixels × the ratio, text is measured by the viewer's measure, and the context is left as
/// a fresh one is.
#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use super::*;
    use crate::layout::FontMetrics;
    use plotters::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// A 40 × 30 CSS-pixel canvas at ratio 2, and its context.
    fn canvas() -> (HtmlCanvasElement, CanvasRenderingContext2d) {
        let canvas: HtmlCanvasElement =
            web_sys::window().unwrap().document().unwrap().create_element("canvas").unwrap().dyn_into().unwrap();
        canvas.set_width(80);
        canvas.set_height(60);
        let context = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        (canvas, context)
    }

    fn pixel(context: &CanvasRenderingContext2d, x: f64, y: f64) -> [u8; 4] {
        let data = context.get_image_data(x, y, 1.0, 1.0).unwrap().data();
        [data[0], data[1], data[2], data[3]]
    }

    #[wasm_bindgen_test]
    fn every_primitive_lands_at_css_pixels_times_the_ratio() {
        let (canvas, context) = canvas();
        let mut backend = ScaledCanvas::new(&canvas, &context, (40, 30), 2.0, &FontMetrics).unwrap();
        // A straight line, which no element of ours draws but plotters' API may (a 2 px stroke).
        backend.ensure_prepared().unwrap();
        backend
            .draw_line((0, 2), (39, 2), &ShapeStyle { color: YELLOW.to_rgba(), filled: false, stroke_width: 2 })
            .unwrap();
        assert_eq!(pixel(&context, 50.0, 4.0), [255, 255, 0, 255], "the line");
        let root = backend.into_drawing_area();
        assert_eq!(root.dim_in_pixel(), (40, 30));
        root.fill(&WHITE).unwrap();
        root.draw_pixel((3, 3), &RED).unwrap();
        root.draw(&PathElement::new(
            vec![(0, 12), (39, 12)],
            ShapeStyle { color: BLUE.to_rgba(), filled: false, stroke_width: 2 },
        ))
        .unwrap();
        root.draw(&Circle::new((30, 6), 4, GREEN.filled())).unwrap();
        root.draw(&Polygon::new(vec![(0, 20), (12, 20), (0, 29)], MAGENTA.filled())).unwrap();
        root.draw(&Text::new("MM", (20, 18), ("sans-serif", 12.0).into_font().color(&BLACK))).unwrap();
        root.draw(&Rectangle::new([(14, 22), (18, 28)], CYAN.filled())).unwrap();
        root.present().unwrap();
        // In backing-store pixels: twice the CSS coordinates.
        assert_eq!(pixel(&context, 7.0, 7.0), [255, 0, 0, 255], "the pixel");
        assert_eq!(pixel(&context, 40.0, 24.0), [0, 0, 255, 255], "the path");
        assert_eq!(pixel(&context, 60.0, 12.0), [0, 255, 0, 255], "the circle");
        assert_eq!(pixel(&context, 4.0, 44.0), [255, 0, 255, 255], "the polygon");
        assert_eq!(pixel(&context, 32.0, 50.0), [0, 255, 255, 255], "the rectangle");
        assert_eq!(pixel(&context, 79.0, 59.0), [255, 255, 255, 255], "the background");
        let text = context.get_image_data(40.0, 36.0, 40.0, 24.0).unwrap().data();
        assert!(text.chunks(4).any(|p| p[0] < 100 && p[1] < 100 && p[2] < 100), "the label's ink");
        // The context is left unscaled, for whoever draws on it next: a 1 × 1 square is one pixel.
        context.set_fill_style_str("#000");
        context.fill_rect(78.0, 0.0, 1.0, 1.0);
        assert_eq!(pixel(&context, 78.0, 0.0), [0, 0, 0, 255]);
        assert_eq!(pixel(&context, 79.0, 1.0), [255, 255, 255, 255]);
    }

    #[wasm_bindgen_test]
    fn text_is_measured_by_the_viewers_measure() {
        let (canvas, context) = canvas();
        let backend = ScaledCanvas::new(&canvas, &context, (40, 30), 2.0, &FontMetrics).unwrap();
        for (size, weight, bold) in [(13.0, FontStyle::Normal, false), (18.0, FontStyle::Bold, true)] {
            let style = FontDesc::new(FontFamily::SansSerif, size, weight).color(&BLACK);
            let width = FontMetrics.width("Arrests", Font { size, bold }).ceil() as u32;
            assert_eq!(backend.estimate_text_size("Arrests", &style).unwrap(), (width, size.ceil() as u32));
        }
    }
}
