//! The chart model: everything a chart says, before any geometry. Panels of bars, each bar
//! pointing back at its record; gaps where a year has no figure.

use super::spec::Scale;
use ccht_data::{Lang, Qualifier, Unit};

/// One bar: a record and the words that name it in this chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub record: usize,
    pub label: String,
    pub value: f64,
    pub qualifier: Qualifier,
    /// The reader's current component or metric: drawn with a bold label.
    pub emphasized: bool,
    /// Change over the previous fiscal year, where both figures are exact ("+35% since FY 2020").
    pub change: Option<String>,
}

/// A row with no bar: a year with no published figure. Never drawn as zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// Where it stands: before the bar with this index (or after the last).
    pub before: usize,
    pub label: String,
}

/// Bars that share one axis, or a lone figure shown as a card: a single bar has nothing to be
/// compared with, and stretched to a panel of its own it looks as long as any other.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: String,
    pub unit: Unit,
    /// What the axis counts ("people").
    pub noun: String,
    pub bars: Vec<Bar>,
    pub gaps: Vec<Gap>,
    pub scale: Scale,
    /// Set where the panel holds one figure: it is drawn as a card, not a bar.
    pub card: Option<Card>,
}

/// What a figure card says beside its number: how it compares with the fiscal year before, and
/// the measure's years as a sparkline.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// "Down 22% from FY 2023 (519)" where both figures are exact; otherwise why there is no
    /// change ("Not compared with FY 2023 (more than 1,000): a lower bound").
    /// `None` where the year before is outside the data.
    pub comparison: Option<Comparison>,
    /// Every fiscal year of the data, oldest first, with the measure's figure where one was published.
    pub spark: Vec<SparkYear>,
    /// Draw the sparkline even with one figure: in a trend view its empty years are what the view shows.
    pub all_years: bool,
    /// The trend view of this figure's component and measure, which the card leads to.
    pub component: usize,
    pub metric: usize,
}

/// The card's line about the year before.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub text: String,
    /// A change was computed (both figures exact); otherwise the text says why not.
    pub computed: bool,
}

/// One year of a sparkline: `None` is a year with no published figure, drawn as a gap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SparkYear {
    pub year: u16,
    pub figure: Option<(f64, Qualifier)>,
    /// The card's own year.
    pub current: bool,
}

/// Everything a chart says, before any geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    pub subtitle: String,
    pub panels: Vec<Panel>,
    /// Cautions printed under the bars (the pipeline's stages count different things, a change of
    /// definition between years, a component's former name).
    pub notes: Vec<String>,
    /// "Source: …", naming every source of a figure shown, secondary ones as such.
    pub source_line: String,
    pub lang: Lang,
}

impl Chart {
    /// The chart's name on one line, "title, subtitle": a table's caption, a downloaded file's title.
    pub fn caption(&self) -> String {
        format!("{}, {}", self.title, self.subtitle)
    }

    /// Runs `f` on the chart as drawn under a page's own heading: its figures, key and notes,
    /// without the title, subtitle and source line, which the page shows as text (an `h2` a reader
    /// can select, zoom and translate); then puts them back. Files made from the chart keep them.
    /// (Taken out and put back rather than copied: a copy of the figures costs 1.8 KB of Wasm.)
    pub fn without_heading<T>(&mut self, f: impl FnOnce(&Chart) -> T) -> T {
        let heading = [&mut self.title, &mut self.subtitle, &mut self.source_line].map(std::mem::take);
        let out = f(self);
        [self.title, self.subtitle, self.source_line] = heading;
        out
    }

    pub fn bar_count(&self) -> usize {
        self.panels.iter().map(|p| p.bars.len()).sum()
    }

    /// Whether a logarithmic scale would help: some panel spans an order of magnitude or more.
    pub fn spans_magnitudes(&self) -> bool {
        self.panels.iter().filter(|p| p.card.is_none()).any(|p| {
            let positive = p.bars.iter().map(|b| b.value).filter(|v| *v > 0.0);
            let (min, max) = positive.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
            max > 0.0 && max / min >= 10.0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::view::test_view as spec;
    use crate::view::{select, ViewSpec};

    #[test]
    fn without_its_heading_a_chart_keeps_its_figures_and_notes() {
        let whole = select(&DATASET, &spec("pipeline", "dhs", "arrests"));
        let mut chart = whole.clone();
        let bare = chart.without_heading(|bare| bare.clone());
        assert!(!whole.title.is_empty() && !whole.subtitle.is_empty() && !whole.source_line.is_empty());
        assert_eq!((bare.title.as_str(), bare.subtitle.as_str(), bare.source_line.as_str()), ("", "", ""));
        assert_eq!((&bare.panels, &bare.notes, bare.lang), (&whole.panels, &whole.notes, whole.lang));
        assert_eq!(chart, whole, "the heading is put back");
    }

    #[test]
    fn log_scale_is_offered_where_values_span_magnitudes() {
        // 23,000 to 280,000: an order of magnitude.
        assert!(select(&DATASET, &spec("metric", "blue-campaign", "people-reached")).spans_magnitudes());
        // 405 to 2,500: less.
        assert!(!select(&DATASET, &spec("pipeline", "dhs", "arrests")).spans_magnitudes());
        let (s, _) = ViewSpec::from_query(&DATASET, "view=metric&metric=people-reached&scale=log&fy=2024");
        let chart = select(&DATASET, &s);
        assert_eq!(chart.panels[0].scale, Scale::Log);
        assert!(chart.notes.iter().any(|n| n.contains("Logarithmic")));
        // The log scale stays in the view's address.
        assert!(s.to_query(&DATASET).starts_with("view=metric&component=dhs&metric=people-reached"));
        assert!(s.to_query(&DATASET).contains("scale=log"));
        assert_eq!(ViewSpec::from_query(&DATASET, &s.to_query(&DATASET)), (s, vec![]));
    }

    #[test]
    fn a_log_scale_helps_only_where_positive_values_span_ten_times() {
        let mut chart = select(&DATASET, &spec("trend", "hsi", "arrests"));
        for (values, helps) in [
            (vec![0.0, 5.0, 9.0], false),
            (vec![1.0, 9.9, 9.0], false),
            (vec![1.0, 10.0, 5.0], true),
            (vec![0.0, 0.0, 0.0], false),
        ] {
            for (bar, value) in chart.panels[0].bars.iter_mut().zip(values.iter().chain(std::iter::repeat(&1.0))) {
                bar.value = *value;
            }
            assert_eq!(chart.spans_magnitudes(), helps, "{values:?}");
        }
    }
}
