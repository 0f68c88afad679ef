//! Drawing: paints a [`Layout`] on any plotters [`DrawingBackend`].
//!
//! The canvas in the browser and the SVG used by native tests and exports run this same code, so
//! what the tests read is what readers see. Layout is in CSS pixels; `ratio` scales it to the
//! backend's device pixels (the canvas backing store is CSS size × devicePixelRatio).

use crate::dataset::Qualifier;
use crate::layout::{Anchor, EstimatedText, Font, Layout, LineRole, TextMeasure, TextRole, OPEN_END};
use crate::svg_backend::SvgWriter;
use crate::theme::Theme;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle};
use std::convert::Infallible;

/// A drawing failure, with the backend's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "drawing failed: {}", self.0)
    }
}

impl DrawError {
    /// The message for readers: what `Display` writes, without the formatting code in the Wasm.
    pub fn message(&self) -> String {
        ["drawing failed: ", &self.0].concat()
    }
}

fn failed<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawError {
    match e {
        // Our backends' own errors are `Infallible`: this arm is for other backends.
        DrawingErrorKind::DrawingError(e) => DrawError(e.to_string()),
        // The one failure of our canvas backend (`canvas_backend::TextRefused`).
        DrawingErrorKind::FontError(_) => DrawError("the canvas refused to draw a label".to_string()),
    }
}

/// The chart as a standalone SVG document, drawn by the same code as the canvas.
pub fn svg(layout: &Layout, theme: &Theme) -> Result<String, DrawError> {
    let mut out = String::new();
    let size = (layout.width.ceil() as u32, layout.height.ceil() as u32);
    draw(SvgWriter::new(&mut out, size), layout, theme, 1.0)?;
    Ok(out)
}

/// A line of a given colour and width in device pixels.
struct Pen(BackendColor, u32);

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        self.0
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// A label's font as backends read it. Backends that draw text themselves (canvas, SVG) use it
/// as given; pixel-only backends get no text, since it carries no glyphs to rasterize.
struct Label {
    color: BackendColor,
    size: f64,
    bold: bool,
    anchor: Pos,
}

impl BackendTextStyle for Label {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold { FontStyle::Bold } else { FontStyle::Normal }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::SansSerif
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        // An estimate; only pixel backends ask.
        let width = EstimatedText.width(text, Font { size: self.size, bold: self.bold });
        Ok(((0, 0), (width as i32, self.size as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(&self, _: &str, _: (i32, i32), _: F) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

/// Paints the whole chart, background first, so nothing of an earlier chart shows through.
pub fn draw<DB: DrawingBackend>(mut backend: DB, layout: &Layout, theme: &Theme, ratio: f64) -> Result<(), DrawError> {
    let ratio = if ratio.is_finite() && ratio > 0.0 { ratio } else { 1.0 };
    let px = |v: f64| (v * ratio).round() as i32;
    let (w, h) = backend.get_size();
    backend.ensure_prepared().map_err(failed)?;
    backend.draw_rect((0, 0), (w as i32, h as i32), &theme.background.opaque(), true).map_err(failed)?;

    let stroke = (ratio.round() as u32).max(1);
    for line in &layout.lines {
        let color = if line.role == LineRole::Baseline { theme.baseline } else { theme.grid };
        backend.draw_path([(px(line.x0), px(line.y0)), (px(line.x1), px(line.y1))], &Pen(color.opaque(), stroke)).map_err(failed)?;
    }

    let bar = theme.bar.opaque();
    for b in &layout.bars {
        let (x0, y0, x1, y1) = (px(b.x0), px(b.y0), px(b.x1), px(b.y1));
        match b.qualifier {
            Qualifier::Derived => {
                // Derived values are outlined and hatched: computed by us, not stated by a source.
                backend.draw_rect((x0, y0), (x1, y1), &Pen(bar, px(1.5).max(1) as u32), false).map_err(failed)?;
                let hatch = Pen(bar, px(1.0).max(1) as u32);
                let step = px(6.0).max(2);
                let h = y1 - y0;
                let mut x = x0 - h;
                while x < x1 {
                    let (sx, sy) = if x < x0 { (x0, y1 - (x0 - x)) } else { (x, y1) };
                    let (ex, ey) = if x + h > x1 { (x1, y0 + (x + h - x1)) } else { (x + h, y0) };
                    backend.draw_path([(sx, sy), (ex, ey)], &hatch).map_err(failed)?;
                    x += step;
                }
            }
            _ => backend.draw_rect((x0, y0), (x1.max(x0 + 1), y1), &bar, true).map_err(failed)?,
        }
        if b.qualifier == Qualifier::AtLeast {
            // An open end: the bar fades out in three steps past the stated figure, which is a
            // lower bound, not the true value.
            let stripe = OPEN_END / 3.0;
            for (i, alpha) in [0.55, 0.3, 0.12].into_iter().enumerate() {
                let sx = b.x1 + stripe * i as f64;
                backend.draw_rect((px(sx + 1.0), y0), (px(sx + stripe), y1), &theme.bar.alpha(alpha), true).map_err(failed)?;
            }
        }
    }

    for text in &layout.texts {
        let color = match text.role {
            TextRole::Subtitle | TextRole::Tick | TextRole::Note | TextRole::Source => theme.muted,
            _ => theme.text,
        };
        let h = match text.anchor {
            Anchor::Left => HPos::Left,
            Anchor::Center => HPos::Center,
            Anchor::Right => HPos::Right,
        };
        let label = Label { color: color.opaque(), size: text.font.size * ratio, bold: text.font.bold, anchor: Pos::new(h, VPos::Top) };
        backend.draw_text(&text.text, &label, (px(text.x), px(text.y))).map_err(failed)?;
    }
    backend.present().map_err(failed)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::embedded::DATASET;
    use crate::layout::{layout, EstimatedText};
    use crate::view::{select, ViewSpec};

    fn svg(view: &str, component: &str, ratio: f64) -> (String, Layout) {
        let spec = ViewSpec::default_for(&DATASET)
            .with_option(&DATASET, "view", view)
            .and_then(|s| s.with_option(&DATASET, "component", component))
            .unwrap();
        let l = layout(&select(&DATASET, &spec), 640.0, &EstimatedText);
        let mut out = String::new();
        let size = ((l.width * ratio) as u32, (l.height * ratio) as u32);
        draw(SvgWriter::new(&mut out, size), &l, &Theme::LIGHT, ratio).unwrap();
        (out, l)
    }

    #[test]
    fn svg_has_every_bar_and_label() {
        let (out, l) = svg("component", "blue-campaign", 1.0);
        assert_eq!(out.matches("opacity=\"1\" fill=\"#005EA2\"").count(), l.bars.len(), "{out}");
        for label in ["170", "23,000+", "280,000+", "3.7M+", "2.2M+", "Blue Campaign", "Trainings conducted"] {
            assert!(out.contains(label), "missing {label}");
        }
    }

    #[test]
    fn at_least_bars_get_an_open_end() {
        let (out, _) = svg("component", "cbp", 1.0);
        // One bar, 231, is exact; the other, $12M+, is a lower bound with three fading stripes.
        assert_eq!(out.matches("opacity=\"0.55\"").count(), 1, "{out}");
        assert!(out.contains("$12M+"));
    }

    #[test]
    fn any_plotters_backend_draws_the_chart() {
        // plotters' own SVG backend, as a stand-in for any third-party DrawingBackend.
        let l = layout(&select(&DATASET, &ViewSpec::default_for(&DATASET)), 640.0, &EstimatedText);
        let mut out = String::new();
        draw(plotters::backend::SVGBackend::with_string(&mut out, (640, l.height as u32)), &l, &Theme::LIGHT, 1.0).unwrap();
        assert_eq!(out.matches("opacity=\"1\" fill=\"#005EA2\"").count(), l.bars.len(), "{out}");
        assert!(out.contains("800+"));
    }

    #[test]
    fn ratio_scales_geometry() {
        let (one, l) = svg("pipeline", "dhs", 1.0);
        let (two, _) = svg("pipeline", "dhs", 2.0);
        assert!(one.contains(&format!("width=\"{}\"", l.width as u32)));
        assert!(two.contains(&format!("width=\"{}\"", (l.width * 2.0) as u32)));
    }
}
