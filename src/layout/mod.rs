//! Layout: where every bar, label, tick and line of a [`Chart`] goes, in CSS pixels.
//!
//! Pure geometry, no drawing: the same [`Layout`] feeds the canvas, the SVG renderer, hit-testing
//! and the tests. Heights follow from the content, so the caller sizes the canvas to fit.

mod boxes;
mod scale;
mod text;

pub use boxes::{Anchor, BarBox, Layout, Line, LineRole, TextBox, TextRole};
pub use scale::{tick_step, ValueScale};
pub use text::{wrap, EstimatedText, Font, TextMeasure};

use crate::text::{bar_label, in_unit, text};
use crate::view::{Chart, Scale};
use ccht_data::{Qualifier, Unit};
use scale::power_of_ten;
use text::line_height;

const MARGIN: f64 = 12.0;
const BAR_HEIGHT: f64 = 20.0;
/// Room after an "at least" bar for its open end.
pub const OPEN_END: f64 = 12.0;
const TITLE: Font = Font { size: 18.0, bold: true };
const SUBTITLE: Font = Font { size: 13.0, bold: false };
const PANEL_TITLE: Font = Font { size: 14.0, bold: true };
const LABEL: Font = Font { size: 13.0, bold: false };
const LABEL_EMPHASIS: Font = Font { size: 13.0, bold: true };
const VALUE: Font = Font { size: 13.0, bold: true };
const TICK: Font = Font { size: 11.0, bold: false };
const NOTE: Font = Font { size: 12.0, bold: false };
const SOURCE: Font = Font { size: 11.0, bold: false };

struct Cursor<'a> {
    y: f64,
    width: f64,
    measure: &'a dyn TextMeasure,
    texts: Vec<TextBox>,
}

impl Cursor<'_> {
    /// Writes wrapped text from the left margin and moves down past it.
    fn paragraph(&mut self, text: &str, font: Font, role: TextRole) {
        for line in wrap(text, self.width - 2.0 * MARGIN, font, self.measure) {
            self.texts.push(TextBox { text: line, x: MARGIN, y: self.y, anchor: Anchor::Left, font, role });
            self.y += line_height(font);
        }
    }
}

/// Places a chart in a box `width` CSS pixels wide; the height is what the content needs.
pub fn layout(chart: &Chart, width: f64, measure: &dyn TextMeasure) -> Layout {
    let width = if width.is_finite() { width.max(1.0) } else { 1.0 };
    let mut c = Cursor { y: MARGIN, width, measure, texts: Vec::new() };
    let mut bars = Vec::new();
    let mut lines = Vec::new();
    let mut scales = Vec::new();

    c.paragraph(&chart.title, TITLE, TextRole::Title);
    c.paragraph(&chart.subtitle, SUBTITLE, TextRole::Subtitle);
    c.y += 8.0;

    for (p, panel) in chart.panels.iter().enumerate() {
        let unit = panel.unit;
        c.y += 6.0;
        if chart.panels.len() > 1 {
            c.paragraph(&panel.title, PANEL_TITLE, TextRole::PanelTitle);
            c.y += 4.0;
        }
        let value_labels: Vec<String> =
            panel.bars.iter().map(|b| bar_label(b.value, unit, b.qualifier, chart.lang)).collect();
        let label_room = value_labels.iter().map(|l| measure.width(l, VALUE)).fold(0.0, f64::max);
        let open_room = if panel.bars.iter().any(|b| b.qualifier == Qualifier::AtLeast) { OPEN_END } else { 0.0 };
        let left = MARGIN;
        let right = (width - MARGIN - label_room - open_room - 6.0).max(left + 1.0);
        let data_max = panel.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let data_min = panel.bars.iter().map(|b| b.value).filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
        // Ticks: round steps from zero, or each power of ten on a log scale.
        let (scale, ticks) = if panel.scale == Scale::Log && data_max > 0.0 {
            let mut low = power_of_ten(data_min.log10().floor());
            if low >= data_min {
                low /= 10.0;
            }
            let high = power_of_ten(data_max.log10().ceil()).max(low * 10.0);
            // At most twelve decades: smaller values sit at the axis rather than squeeze the rest.
            let low = low.max(high / 1e12);
            let mut ticks = vec![low];
            while *ticks.last().unwrap_or(&high) < high * 0.999 && ticks.len() < 24 {
                let next = ticks[ticks.len() - 1] * 10.0;
                ticks.push(next);
            }
            (ValueScale { left, right, max: high, log_min: low }, ticks)
        } else {
            let ticks_wanted = (((right - left) / 90.0) as usize).clamp(1, 5);
            let step = if data_max > 0.0 { tick_step(data_max, ticks_wanted) } else { 1.0 };
            // Counts come in whole numbers: no tick at 0.2 penalties (CBP's forced-labor actions, 0 and 1).
            let step = if unit == Unit::Count { step.max(1.0) } else { step };
            let max = if data_max > 0.0 { (data_max / step).ceil() * step } else { 1.0 };
            let count = (max / step).round() as usize;
            ((ValueScale { left, right, max, log_min: 0.0 }), (0..=count).map(|i| i as f64 * step).collect())
        };
        let gap_row = |c: &mut Cursor<'_>, label: &str| {
            c.paragraph(label, LABEL, TextRole::BarLabel);
            c.y += 2.0;
            c.texts.push(TextBox {
                text: text(chart.lang, "no_published_figure").to_string(),
                x: left,
                y: c.y + (BAR_HEIGHT - line_height(NOTE)) / 2.0,
                anchor: Anchor::Left,
                font: NOTE,
                role: TextRole::Note,
            });
            c.y += BAR_HEIGHT + 10.0;
        };
        let first_bar = bars.len();
        for (b, bar) in panel.bars.iter().enumerate() {
            for gap in panel.gaps.iter().filter(|g| g.before == b) {
                gap_row(&mut c, &gap.label);
            }
            let font = if bar.emphasized { LABEL_EMPHASIS } else { LABEL };
            let label = match &bar.change {
                Some(change) => [bar.label.as_str(), " (", change, ")"].concat(),
                None => bar.label.clone(),
            };
            c.paragraph(&label, font, TextRole::BarLabel);
            c.y += 2.0;
            let x1 = scale.x_from_value(bar.value);
            bars.push(BarBox {
                panel: p,
                bar: b,
                record: bar.record,
                value: bar.value,
                qualifier: bar.qualifier,
                emphasized: bar.emphasized,
                x0: left,
                y0: c.y,
                x1,
                y1: c.y + BAR_HEIGHT,
            });
            let open = if bar.qualifier == Qualifier::AtLeast { OPEN_END } else { 0.0 };
            c.texts.push(TextBox {
                text: value_labels[b].clone(),
                x: x1 + open + 6.0,
                y: c.y + (BAR_HEIGHT - line_height(VALUE)) / 2.0 + 1.0,
                anchor: Anchor::Left,
                font: VALUE,
                role: TextRole::ValueLabel,
            });
            c.y += BAR_HEIGHT + 10.0;
        }
        for gap in panel.gaps.iter().filter(|g| g.before >= panel.bars.len()) {
            gap_row(&mut c, &gap.label);
        }
        let bottom = c.y - 6.0;
        let panel_bars = &bars[first_bar..];
        for (i, &v) in ticks.iter().enumerate() {
            let x = scale.x_from_value(v);
            // Grid lines run beside the bars only, never through their labels.
            let role = if i == 0 { LineRole::Baseline } else { LineRole::Grid };
            for b in panel_bars {
                lines.push(Line { x0: x, y0: b.y0 - 3.0, x1: x, y1: (b.y1 + 3.0).min(bottom), role });
            }
            let text = in_unit(v, unit, true, chart.lang);
            let half = measure.width(&text, TICK) / 2.0;
            let (x, anchor) = if x + half > width - MARGIN {
                (width - MARGIN, Anchor::Right)
            } else if i == 0 {
                (x, Anchor::Left)
            } else {
                (x, Anchor::Center)
            };
            c.texts.push(TextBox { text, x, y: bottom + 3.0, anchor, font: TICK, role: TextRole::Tick });
        }
        c.y = bottom + 3.0 + line_height(TICK) + 6.0;
        scales.push(scale);
    }

    c.y += 4.0;
    for note in &chart.notes {
        c.paragraph(note, NOTE, TextRole::Note);
        c.y += 2.0;
    }
    if !chart.source_line.is_empty() {
        c.y += 4.0;
        c.paragraph(&chart.source_line, SOURCE, TextRole::Source);
    }
    let height = (c.y + MARGIN).ceil();
    Layout { width, height, texts: c.texts, bars, lines, scales }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::DATASET;
    use crate::view::{select, ViewSpec};

    fn chart(view: &str, component: &str) -> Chart {
        let spec = ViewSpec::default_for(&DATASET)
            .with_option(&DATASET, "view", view)
            .and_then(|s| s.with_option(&DATASET, "component", component))
            .unwrap();
        select(&DATASET, &spec)
    }

    #[test]
    fn bar_lengths_are_proportional_to_values() {
        let c = chart("metric", "hsi");
        let l = layout(&c, 600.0, &EstimatedText);
        assert_eq!(l.bars.len(), 2);
        let len = |b: &BarBox| b.x1 - b.x0;
        let ratio = len(&l.bars[1]) / len(&l.bars[0]);
        assert!((ratio - 2545.0 / 2500.0).abs() < 1e-9, "{ratio}");
        assert!(l.bars.iter().all(|b| b.x1 <= 600.0 - MARGIN));
    }

    #[test]
    fn every_bar_fits_from_phone_to_desktop() {
        for component in ["dhs", "blue-campaign", "usss", "cbp"] {
            let c = chart("component", component);
            for width in [1.0, 120.0, 320.0, 768.0, 1600.0] {
                let l = layout(&c, width, &EstimatedText);
                assert_eq!(l.bars.len(), c.bar_count());
                assert!(l.height > 0.0 && l.height.is_finite());
                for b in &l.bars {
                    assert!(b.x0 <= b.x1 && b.y0 < b.y1, "{component} {width}: {b:?}");
                }
                // Bars never overlap one another vertically.
                for w in l.bars.windows(2) {
                    assert!(w[0].y1 <= w[1].y0);
                }
            }
        }
    }

    #[test]
    fn a_log_axis_runs_from_the_power_of_ten_below_the_least_value_to_the_one_above_the_most() {
        let spec = |s: ViewSpec| s.with_option(&DATASET, "scale", "log").unwrap();
        let base = ViewSpec::default_for(&DATASET)
            .with_option(&DATASET, "view", "trend")
            .and_then(|s| s.with_option(&DATASET, "component", "hsi"))
            .unwrap();
        let mut c = select(&DATASET, &spec(base.with_option(&DATASET, "metric", "arrests").unwrap()));
        // (values, least power of ten, greatest): an exact power of ten gets a decade below it; a
        // span past twelve decades is cut at the top's twelfth.
        for (values, log_min, max) in [
            (vec![1000.0, 5000.0], 100.0, 10_000.0),
            (vec![0.05, 0.08], 0.01, 0.1),
            (vec![2.0, 3.0], 1.0, 10.0),
            (vec![1e-3, 1e13], 10.0, 1e13),
            // A zero has no place on a log axis: the least positive value sets it.
            (vec![0.0, 5.0], 1.0, 10.0),
        ] {
            for (bar, v) in c.panels[0].bars.iter_mut().zip(values.iter().cycle()) {
                bar.value = *v;
            }
            let l = layout(&c, 640.0, &EstimatedText);
            let s = &l.scales[0];
            assert_eq!((s.log_min, s.max), (log_min, max), "{values:?}");
            let ticks: Vec<&str> =
                l.texts.iter().filter(|t| t.role == TextRole::Tick).map(|t| t.text.as_str()).collect();
            let decades = (max / log_min).log10().round() as usize;
            assert_eq!(ticks.len(), decades + 1, "{values:?}: {ticks:?}");
        }
    }

    /// Tick labels far wider than anything else: the last one would run off the chart.
    struct WideTicks;

    impl TextMeasure for WideTicks {
        fn width(&self, text: &str, font: Font) -> f64 {
            if font == TICK {
                200.0
            } else {
                EstimatedText.width(text, font)
            }
        }
    }

    #[test]
    fn a_count_axis_has_whole_ticks_only() {
        // CBP's forced-labor actions of FY 2024 are 0, 1, 1 and 1: ticks 0 and 1, never 0.2 or 0.5.
        let l = layout(&chart("component", "cbp"), 900.0, &EstimatedText);
        let ticks: Vec<&str> = l.texts.iter().filter(|t| t.role == TextRole::Tick).map(|t| t.text.as_str()).collect();
        assert!(ticks.iter().all(|t| !t.contains('.')), "{ticks:?}");
        assert!(ticks.windows(2).any(|w| w == ["0", "1"]), "{ticks:?}");
    }

    #[test]
    fn a_tick_label_that_would_run_off_the_chart_ends_at_its_margin() {
        let l = layout(&chart("component", "dhs"), 500.0, &WideTicks);
        let ticks: Vec<&TextBox> = l.texts.iter().filter(|t| t.role == TextRole::Tick).collect();
        let last = ticks.iter().rev().find(|t| t.anchor == Anchor::Right).expect("a right-anchored tick");
        assert_eq!(last.x, 500.0 - MARGIN);
        assert!(ticks.iter().any(|t| t.anchor == Anchor::Left), "the first stays at the axis");
        let plain = layout(&chart("component", "dhs"), 500.0, &EstimatedText);
        assert!(plain.texts.iter().filter(|t| t.role == TextRole::Tick).all(|t| t.anchor != Anchor::Right));
    }

    /// Value labels 10 px wide, tick labels `tick` px: where the last tick's label meets the margin.
    struct Fixed {
        tick: f64,
    }

    impl TextMeasure for Fixed {
        fn width(&self, text: &str, font: Font) -> f64 {
            match font {
                VALUE => 10.0,
                TICK => self.tick,
                _ => EstimatedText.width(text, font),
            }
        }
    }

    #[test]
    fn a_tick_label_moves_to_the_margin_only_when_it_would_pass_it() {
        // At 500 px a panel with an open end has its axis end at 500 − 12 − 10 − 12 − 6 = 460:
        // a 56 px label there ends exactly at the margin (488) and stays centred; 58 px would pass it.
        let c = chart("component", "dhs");
        let at = |tick: f64| -> Vec<(f64, Anchor)> {
            layout(&c, 500.0, &Fixed { tick })
                .texts
                .iter()
                .filter(|t| t.role == TextRole::Tick)
                .map(|t| (t.x, t.anchor))
                .collect()
        };
        assert!(at(56.0).contains(&(460.0, Anchor::Center)), "{:?}", at(56.0));
        assert!(!at(58.0).iter().any(|&(x, _)| x == 460.0), "{:?}", at(58.0));
        assert!(at(58.0).contains(&(488.0, Anchor::Right)));
    }

    #[test]
    fn hit_test_finds_the_bar_under_the_pointer() {
        let c = chart("component", "dhs");
        let l = layout(&c, 500.0, &EstimatedText);
        let b = &l.bars[2];
        let hit = l.bar_at((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0).unwrap();
        assert_eq!(hit.record, b.record);
        assert!(l.bar_at(b.x0 + 1.0, b.y0 - 3.0).is_none());
        // A bar of a pixel or less is still 4 px wide under the pointer, and no more.
        let mut tiny = l.clone();
        tiny.bars[2].x1 = tiny.bars[2].x0 + 0.5;
        let y = (b.y0 + b.y1) / 2.0;
        assert_eq!(tiny.bar_at(b.x0 + 3.9, y).map(|h| h.record), Some(b.record));
        assert!(tiny.bar_at(b.x0 + 4.1, y).is_none());
    }
}
