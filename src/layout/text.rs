//! Text for the layout: fonts, how text is measured (the canvas's `measureText` in the browser,
//! an estimate natively), and word wrapping.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    /// CSS pixels.
    pub size: f64,
    pub bold: bool,
}

/// Measures text in CSS pixels. The canvas answers through its 2D context; tests estimate.
pub trait TextMeasure {
    fn width(&self, text: &str, font: Font) -> f64;
}

/// An estimate from character counts, for native rendering and tests: close enough for a sans-serif
/// face, and deterministic.
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em = if font.bold { 0.6 } else { 0.55 };
        text.chars().count() as f64 * font.size * em
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
        let lines = wrap("People trained through Blue Lightning Initiative partnerships", 150.0, LABEL, &EstimatedText);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| EstimatedText.width(l, LABEL) <= 150.0 || !l.contains(' ')));
    }
}
