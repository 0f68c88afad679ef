//! A drawing backend that writes an SVG document: the chart for native tests, the SVG download
//! and the no-script fallback image.
//!
//! Ours rather than plotters' `SVGBackend` for size: it writes coordinates as integers and sizes
//! and opacities through [`plain_decimal`], so the Wasm carries no float formatting code. Text
//! keeps its font size as given (plotters' divides it by 1.24), so it matches the canvas.

use crate::number_format::plain_decimal;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use std::convert::Infallible;
use std::fmt::Write;

/// Writes SVG into a string: the header at once, the closing tag at [`DrawingBackend::present`].
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgWriter<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> SvgWriter<'a> {
        let _ = writeln!(
            out,
            "<svg width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" xmlns=\"http://www.w3.org/2000/svg\">",
            size.0, size.1
        );
        SvgWriter { out, size, closed: false }
    }

    /// `opacity="…" fill="#…"`, or `stroke` for outlines.
    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, " opacity=\"{}\" {attribute}=\"#{r:02X}{g:02X}{b:02X}\"", plain_decimal(color.alpha, 3));
    }

    fn escaped(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&apos;"),
                c => self.out.push(c),
            }
        }
    }
}

impl Drop for SvgWriter<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        if !self.closed {
            self.closed = true;
            self.out.push_str("</svg>\n");
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = upper_left;
        let _ = write!(self.out, "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\"", bottom_right.0 - x, bottom_right.1 - y);
        if fill {
            self.paint("fill", color);
            self.out.push_str(" stroke=\"none\"/>\n");
        } else {
            self.out.push_str(" fill=\"none\"");
            self.paint("stroke", color);
            let _ = writeln!(self.out, " stroke-width=\"{}\"/>", style.stroke_width());
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polyline fill=\"none\"");
        self.paint("stroke", color);
        let _ = write!(self.out, " stroke-width=\"{}\" points=\"", style.stroke_width());
        for (i, (x, y)) in path.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if i == 0 { "" } else { " " });
        }
        self.out.push_str("\"/>\n");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\"{}\" font-size=\"{}\"",
            pos.0,
            pos.1,
            style.family().as_str(),
            plain_decimal(style.size(), 2)
        );
        self.paint("fill", color);
        if matches!(style.style(), FontStyle::Bold) {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.out.push_str(">\n");
        self.escaped(text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::theme::Rgb;

    #[test]
    fn writes_a_closed_document_with_integer_geometry() {
        let mut out = String::new();
        {
            let mut svg = SvgWriter::new(&mut out, (200, 100));
            svg.draw_rect((10, 20), (60, 40), &Rgb(0, 0x5e, 0xa2).opaque(), true).unwrap();
            svg.draw_rect((10, 20), (60, 40), &Rgb(0, 0x5e, 0xa2).alpha(0.55), false).unwrap();
            svg.draw_path([(0, 50), (200, 50)], &Rgb(1, 2, 3).opaque()).unwrap();
            svg.draw_rect((0, 0), (1, 1), &Rgb(9, 9, 9).alpha(0.0), true).unwrap();
            svg.present().unwrap();
        }
        assert!(out.starts_with("<svg width=\"200\" height=\"100\" viewBox=\"0 0 200 100\""), "{out}");
        assert!(out.contains("<rect x=\"10\" y=\"20\" width=\"50\" height=\"20\" opacity=\"1\" fill=\"#005EA2\" stroke=\"none\"/>"), "{out}");
        assert!(out.contains("fill=\"none\" opacity=\"0.55\" stroke=\"#005EA2\""), "{out}");
        assert!(out.contains("points=\"0,50 200,50\""), "{out}");
        assert_eq!(out.matches("<rect").count(), 2, "an invisible rectangle is not written");
        assert_eq!(out.matches("</svg>").count(), 1);
    }
}
