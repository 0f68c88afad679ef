//! A drawing backend for a `<canvas>` 2D context: what readers see.
//!
//! Ours rather than `plotters-canvas` for speed and size. Every call into the browser costs a
//! crossing and a string decode, so the context's fill, stroke, alpha, font and text alignment
//! are set only when they change (a chart sets each a handful of times, not once per shape).
//! Labels are held until [`DrawingBackend::present`] and drawn font by font: a canvas parses the
//! font each time it is set, which costs more than the text, and labels do not overlap, so their
//! order does not show. Font sizes go through [`plain_decimal`], so the Wasm carries no float
//! formatting code.

use crate::number_format::{plain_decimal, push_hex_byte};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle};
use std::convert::Infallible;
use web_sys::CanvasRenderingContext2d;

/// One drawing pass on a context whose backing store is `size` device pixels.
pub(crate) struct Canvas2d<'a> {
    context: &'a CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<(u8, u8, u8)>,
    stroke: Option<(u8, u8, u8)>,
    line_width: Option<u32>,
    /// Thousandths, so equal alphas compare equal.
    alpha: Option<u16>,
    font: Option<(u64, bool)>,
    anchor: Option<(u8, u8)>,
    labels: Vec<Pending>,
}

/// A label waiting for [`DrawingBackend::present`].
struct Pending {
    text: String,
    color: BackendColor,
    /// Size in device pixels, and bold.
    font: (f64, bool),
    family: &'static str,
    anchor: (HPos, VPos),
    at: BackendCoord,
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

fn css_color((r, g, b): (u8, u8, u8)) -> String {
    let mut out = String::from("#");
    for byte in [r, g, b] {
        push_hex_byte(&mut out, byte);
    }
    out
}

impl<'a> Canvas2d<'a> {
    /// The context's state is unknown at the start (a measurer may have set the font), so the
    /// first use of each setting writes it.
    pub(crate) fn new(context: &'a CanvasRenderingContext2d, size: (u32, u32)) -> Canvas2d<'a> {
        Canvas2d { context, size, fill: None, stroke: None, line_width: None, alpha: None, font: None, anchor: None, labels: Vec::new() }
    }

    fn alpha(&mut self, color: BackendColor) {
        let alpha = (color.alpha.clamp(0.0, 1.0) * 1000.0).round() as u16;
        if self.alpha != Some(alpha) {
            self.alpha = Some(alpha);
            self.context.set_global_alpha(alpha as f64 / 1000.0);
        }
    }

    fn fill(&mut self, color: BackendColor) {
        self.alpha(color);
        if self.fill != Some(color.rgb) {
            self.fill = Some(color.rgb);
            self.context.set_fill_style_str(&css_color(color.rgb));
        }
    }

    fn stroke<S: BackendStyle>(&mut self, style: &S) {
        let color = style.color();
        self.alpha(color);
        if self.stroke != Some(color.rgb) {
            self.stroke = Some(color.rgb);
            self.context.set_stroke_style_str(&css_color(color.rgb));
        }
        let width = style.stroke_width();
        if self.line_width != Some(width) {
            self.line_width = Some(width);
            self.context.set_line_width(width as f64);
        }
    }
}

impl DrawingBackend for Canvas2d<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        let labels = std::mem::take(&mut self.labels);
        let mut fonts: Vec<(f64, bool)> = Vec::new();
        for label in &labels {
            if !fonts.contains(&label.font) {
                fonts.push(label.font);
            }
        }
        for font in fonts {
            for label in labels.iter().filter(|l| l.font == font) {
                self.paint_label(label)?;
            }
        }
        // Leave the context as a fresh one is: later users (PNG export, other code) expect it.
        self.context.set_global_alpha(1.0);
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (upper_left.0 as f64, upper_left.1 as f64);
        let (w, h) = ((bottom_right.0 - upper_left.0) as f64, (bottom_right.1 - upper_left.1) as f64);
        if fill {
            self.fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.stroke(style);
        self.context.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.context.move_to(x as f64, y as f64);
            } else {
                self.context.line_to(x as f64, y as f64);
            }
        }
        self.context.stroke();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let family = match style.family() {
            FontFamily::Serif => "serif",
            FontFamily::Monospace => "monospace",
            _ => "sans-serif",
        };
        let anchor = style.anchor();
        self.labels.push(Pending {
            text: text.to_string(),
            color,
            font: (style.size(), matches!(style.style(), FontStyle::Bold)),
            family,
            anchor: (anchor.h_pos, anchor.v_pos),
            at: pos,
        });
        Ok(())
    }
}

impl Canvas2d<'_> {
    fn paint_label(&mut self, label: &Pending) -> Result {
        self.fill(label.color);
        let (size, bold) = label.font;
        let font = (size.to_bits(), bold);
        if self.font != Some(font) {
            self.font = Some(font);
            let weight = if bold { "bold" } else { "normal" };
            self.context.set_font(&[weight, " ", &plain_decimal(size, 2), "px ", &label.family].concat());
        }
        let (h, v) = label.anchor;
        let key = (h as u8, v as u8);
        if self.anchor != Some(key) {
            self.anchor = Some(key);
            self.context.set_text_align(match h {
                HPos::Left => "start",
                HPos::Center => "center",
                HPos::Right => "end",
            });
            self.context.set_text_baseline(match v {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
        }
        let (x, y) = label.at;
        self.context.fill_text(&label.text, x as f64, y as f64).map_err(|_| DrawingErrorKind::FontError(Box::new(TextRefused)))
    }
}

/// The context refused to draw a label (it throws only for a detached or broken canvas).
#[derive(Debug)]
struct TextRefused;

impl std::fmt::Display for TextRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // draw.rs reports this failure in its own words, without formatting this.
        f.write_str("the canvas refused to draw a label")
    }
}

impl std::error::Error for TextRefused {}
