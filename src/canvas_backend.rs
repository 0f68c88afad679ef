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

use crate::layout::{Font, TextMeasure};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use plotters_canvas::CanvasBackend;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result {
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

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> std::result::Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = Font { size: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        Ok((self.measure.width(text, font).ceil() as u32, style.size().ceil() as u32))
    }
}
