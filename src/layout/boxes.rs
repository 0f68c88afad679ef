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
    /// A card's measure name.
    CardLabel,
    /// The words before a card's number ("More than"), or after it for a derived figure.
    CardQualifier,
    /// A card's number.
    CardValue,
    /// A card's change from the year before.
    Change,
    /// Why a card states no change.
    NoChange,
    /// The first and last years under a sparkline.
    SparkYear,
    /// What a mark means, beside its swatch in the key.
    Key,
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
    /// A lone figure drawn as a card: the box is the card's frame, drawn as its outline.
    pub card: bool,
    /// Where the mark's panel starts (its title, first label or first empty year; a card's top):
    /// what a reader sees first of it.
    pub panel_top: f64,
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
    /// Each panel's value axis, by panel; `None` for a card.
    pub scales: Vec<Option<ValueScale>>,
    /// The cards' sparkline columns and gaps.
    pub sparks: Vec<SparkBox>,
    /// The key's swatches, one per kind of mark the chart shows.
    pub keys: Vec<KeySwatch>,
}

/// A mark that needs explaining: a lower bound, a derived figure, or a year with no figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Bound,
    Derived,
    Gap,
}

/// One year of a card's sparkline: a column from `y1` (the baseline) up to `y0`, or, for a gap,
/// an empty slot outlined at the baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SparkBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// `None` for a year with no published figure.
    pub qualifier: Option<Qualifier>,
    /// The card's own year, drawn in the bar colour; the others in the muted one.
    pub current: bool,
}

/// A key entry's swatch, drawn as the mark itself; its words are a [`TextRole::Key`] text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeySwatch {
    pub mark: Mark,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Layout {
    /// The bar under a point, for tooltips; `None` between bars.
    pub fn bar_at(&self, x: f64, y: f64) -> Option<&BarBox> {
        self.bars.iter().find(|b| y >= b.y0 && y <= b.y1 && x >= b.x0 && x <= b.x1.max(b.x0 + 4.0))
    }
}
