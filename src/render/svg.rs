//! plotters' `SVGBackend`, wrapped so its text matches the canvas: the chart for native tests,
//! the SVG download and the prerendered first paint (examples/prerender.rs).
//!
//! `SVGBackend` writes `font-size` as the style's size divided by 1.24 (a correction for its own
//! bitmap fonts); the canvas takes sizes as given. [`SvgOut`] hands it each size multiplied back,
//! so a 13 px label is 13 px in both (to a float's last digit).
//! Text is never measured through plotters' font code, which in a browser appends a styled
//! `<span>` to the page: [`DrawingBackend::estimate_text_size`] answers from an estimate.

use crate::layout::{Font, FontMetrics, TextMeasure};
use plotters::backend::SVGBackend;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

/// What `SVGBackend` divides every font size by.
const SVG_FONT_SHRINK: f64 = 1.24;

/// Writes SVG into a string, the document closed when drawing is presented or the value dropped.
pub struct SvgOut<'a>(SVGBackend<'a>);

impl<'a> SvgOut<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> SvgOut<'a> {
        SvgOut(SVGBackend::with_string(out, size))
    }
}

/// The size to give `SVGBackend` so that it writes `size`: exactly where a float divides back
/// to it (11, 12, 14, 18), else within a float's last digit (13 comes out as 13.000000000000002).
fn unshrunk(size: f64) -> f64 {
    size * SVG_FONT_SHRINK
}

/// A text style with its size given back what `SVGBackend` takes from it; the rest as it was.
struct Unshrunk<'s, S>(&'s S);

impl<S: BackendTextStyle> BackendTextStyle for Unshrunk<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        unshrunk(self.0.size())
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}

type Drawn<E> = Result<(), DrawingErrorKind<E>>;

impl DrawingBackend for SvgOut<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Drawn<Self::ErrorType> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Drawn<Self::ErrorType> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn<Self::ErrorType> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn<Self::ErrorType> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn<Self::ErrorType> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn<Self::ErrorType> {
        self.0.draw_path(path, style)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Drawn<Self::ErrorType> {
        self.0.draw_text(text, &Unshrunk(style), pos)
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = Font { size: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        Ok((FontMetrics.width(text, font).ceil() as u32, style.size().ceil() as u32))
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn every_font_size_comes_out_as_given() {
        for tenths in 50..600 {
            let size = tenths as f64 / 10.0;
            assert!((unshrunk(size) / SVG_FONT_SHRINK - size).abs() < 1e-12, "{size}");
        }
    }

    #[test]
    fn text_is_estimated_as_the_layout_estimates_it_never_by_plotters_fonts() {
        let mut out = String::new();
        let backend = SvgOut::new(&mut out, (200, 100));
        for (size, weight, bold) in [(13.0, FontStyle::Normal, false), (18.0, FontStyle::Bold, true)] {
            let style = FontDesc::new(FontFamily::SansSerif, size, weight).color(&BLACK);
            let width = FontMetrics.width("Arrests", Font { size, bold }).ceil() as u32;
            assert_eq!(backend.estimate_text_size("Arrests", &style).unwrap(), (width, size.ceil() as u32));
        }
    }

    #[test]
    fn writes_a_closed_document_through_plotters() {
        let mut out = String::new();
        {
            let root = SvgOut::new(&mut out, (200, 100)).into_drawing_area();
            root.draw(&Rectangle::new([(10, 20), (60, 40)], RGBColor(0, 0x5e, 0xa2).filled())).unwrap();
            root.draw(&Text::new("A & <b>", (5, 5), ("sans-serif", 13.0).into_font().color(&BLACK))).unwrap();
            root.draw(&Rectangle::new([(0, 0), (1, 1)], RGBAColor(9, 9, 9, 0.0).filled())).unwrap();
            root.present().unwrap();
        }
        assert!(out.starts_with("<svg width=\"200\" height=\"100\" viewBox=\"0 0 200 100\""), "{out}");
        assert!(
            out.contains(
                "<rect x=\"10\" y=\"20\" width=\"50\" height=\"20\" opacity=\"1\" fill=\"#005EA2\" stroke=\"none\"/>"
            ),
            "{out}"
        );
        assert!(out.contains("font-size=\"13.000000000000002\""), "{out}");
        assert!(out.contains("A &amp; &lt;b&gt;"), "{out}");
        assert_eq!(out.matches("<rect").count(), 1, "an invisible rectangle is not written");
        assert_eq!(out.matches("</svg>").count(), 1);
    }
}
