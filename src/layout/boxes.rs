//! The laid-out chart: positioned text, bars and lines in CSS pixels, as every renderer and the
//! hit-testing read it.

use super::scale::ValueScale;
use super::text::Font;
use ccht_data::Qualifier;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Left,
    Center,
    Right,
}

/// What a piece of text is, so the renderer can colour it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Subtitle,
    PanelTitle,
    BarLabel,
    ValueLabel,
    Tick,
    Note,
    Source,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub text: String,
    /// The anchor point; `y` is the top of the line.
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub font: Font,
    pub role: TextRole,
}

/// A drawn bar, with what hit-testing and tests need to find its record.
#[derive(Clone, Debug, PartialEq)]
pub struct BarBox {
    pub panel: usize,
    pub bar: usize,
    pub record: usize,
    pub value: f64,
    pub qualifier: Qualifier,
    pub emphasized: bool,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRole {
    Grid,
    Baseline,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub role: LineRole,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub texts: Vec<TextBox>,
    pub bars: Vec<BarBox>,
    pub lines: Vec<Line>,
    pub scales: Vec<ValueScale>,
}

impl Layout {
    /// The bar under a point, for tooltips; `None` between bars.
    pub fn bar_at(&self, x: f64, y: f64) -> Option<&BarBox> {
        self.bars.iter().find(|b| y >= b.y0 && y <= b.y1 && x >= b.x0 && x <= b.x1.max(b.x0 + 4.0))
    }
}
