//! Text for the layout: the font, how text is measured (the canvas's `measureText` in the browser,
//! the font's metrics at build time), and word wrapping.

use super::metrics::{ADVANCES, UNITS_PER_EM};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    /// CSS pixels.
    pub size: f64,
    pub bold: bool,
}

/// The one font family of the page, the canvas and the SVG: Arial, then the faces drawn to its
/// metrics (Liberation Sans, Arimo) and Helvetica, whose widths Arial copies. Wherever one of them is
/// installed, text laid out at build time with [`FontMetrics`] is as wide as the browser draws it.
/// Unquoted, so it can stand as is in a CSS `font` value and an SVG attribute; `www/style.css` says it
/// again for the page.
pub const FONT_FAMILY: &str = "Arial, Liberation Sans, Arimo, Helvetica, sans-serif";

/// Measures text in CSS pixels. The canvas answers through its 2D context; at build time and in
/// native tests [`FontMetrics`] does.
pub trait TextMeasure {
    fn width(&self, text: &str, font: Font) -> f64;
}

/// The advance widths of [`FONT_FAMILY`]'s metrics (Liberation Sans, `metrics.rs`), summed without
/// kerning: at most a little wider than a browser draws the text, never narrower. A character the
/// table lacks counts as wide as "M".
pub struct FontMetrics;

impl FontMetrics {
    fn advance(c: char, bold: bool) -> f64 {
        let i = ADVANCES
            .binary_search_by_key(&c, |&(k, _, _)| k)
            .or_else(|_| ADVANCES.binary_search_by_key(&'M', |&(k, _, _)| k));
        let (_, regular, heavy) = ADVANCES[i.unwrap_or(0)];
        f64::from(if bold { heavy } else { regular })
    }

    /// Whether the table has this character (a test checks every chart text).
    pub fn covers(c: char) -> bool {
        ADVANCES.binary_search_by_key(&c, |&(k, _, _)| k).is_ok()
    }
}

impl TextMeasure for FontMetrics {
    /// Each glyph at the wider of its exact advance (Chromium, Firefox and Safari place glyphs at
    /// fractions of a pixel) and its advance rounded to a whole pixel (WebKitGTK hints them so):
    /// no engine draws the text wider.
    fn width(&self, text: &str, font: Font) -> f64 {
        let scale = font.size / UNITS_PER_EM;
        text.chars().map(|c| Self::advance(c, font.bold) * scale).map(|w| w.max(w.round())).sum()
    }
}

pub(crate) fn line_height(font: Font) -> f64 {
    (font.size * 1.3).ceil()
}

/// Greedy word wrap; a word wider than the line gets a line of its own.
pub fn wrap(text: &str, max_width: f64, font: Font, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { [current.as_str(), " ", word].concat() };
        if current.is_empty() || measure.width(&candidate, font) <= max_width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABEL: Font = Font { size: 13.0, bold: false };

    #[test]
    fn wrapping_keeps_lines_inside() {
        let lines = wrap("People trained through Blue Lightning Initiative partnerships", 150.0, LABEL, &FontMetrics);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| FontMetrics.width(l, LABEL) <= 150.0 || !l.contains(' ')));
    }

    #[test]
    fn widths_are_liberation_sans_advances() {
        // "Arrests" at 13 px: A 1366, r 682, r 682, e 1139, s 1024, t 569, s 1024 font units (2048/em),
        // each glyph at the wider of its exact and its whole-pixel advance.
        let glyphs = [1366.0, 682.0, 682.0, 1139.0, 1024.0, 569.0, 1024.0].map(|a: f64| a * 13.0 / 2048.0);
        let w = FontMetrics.width("Arrests", LABEL);
        assert!((w - glyphs.iter().map(|g| g.max(g.round())).sum::<f64>()).abs() < 1e-9, "{w}");
        assert!(w >= glyphs.iter().sum::<f64>() && w >= glyphs.iter().map(|g| g.round()).sum::<f64>());
        assert!(FontMetrics.width("Arrests", Font { bold: true, ..LABEL }) > w);
        // A character outside the table is as wide as "M", not zero.
        assert_eq!(FontMetrics.width("\u{1F600}", LABEL), FontMetrics.width("M", LABEL));
    }
}
