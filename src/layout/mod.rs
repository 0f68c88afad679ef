//! Layout: where every bar, label, tick and line of a [`Chart`] goes, in CSS pixels.
//!
//! Pure geometry, no drawing: the same [`Layout`] feeds the canvas, the SVG renderer, hit-testing
//! and the tests. Heights follow from the content, so the caller sizes the canvas to fit.

mod boxes;
mod metrics;
mod scale;
mod text;

pub use boxes::{Anchor, BarBox, KeySwatch, Layout, Line, LineRole, Mark, SparkBox, TextBox, TextRole};
pub use scale::{nice_axis, tick_step, ValueScale};
pub use text::{wrap, Font, FontMetrics, TextMeasure, FONT_FAMILY};

use crate::text::{bar_label, in_unit, say, text};
use crate::view::{Card, Chart, Panel, Scale};
use ccht_data::{Lang, Qualifier, Unit};
use scale::power_of_ten;
use text::line_height;

const MARGIN: f64 = 12.0;
const BAR_HEIGHT: f64 = 20.0;
/// Room after an "at least" bar for its open end.
pub const OPEN_END: f64 = 12.0;
/// No chart text is smaller than this many CSS pixels.
pub const MIN_TEXT: f64 = 12.0;
const TITLE: Font = Font { size: 20.0, bold: true };
const SUBTITLE: Font = Font { size: 14.0, bold: false };
const PANEL_TITLE: Font = Font { size: 15.0, bold: true };
const LABEL: Font = Font { size: 13.0, bold: false };
const VALUE: Font = Font { size: 14.0, bold: true };
const TICK: Font = Font { size: 12.0, bold: false };
const NOTE: Font = Font { size: 12.0, bold: false };
const SOURCE: Font = Font { size: 12.0, bold: false };
const KEY: Font = Font { size: 12.0, bold: false };
const CARD_LABEL: Font = Font { size: 14.0, bold: false };
const CARD_QUALIFIER: Font = Font { size: 14.0, bold: false };
/// A card's number: the largest text in the chart, shrunk only where a narrow card needs it.
const CARD_VALUE: Font = Font { size: 34.0, bold: true };
const CHANGE: Font = Font { size: 13.0, bold: false };
const SPARK_YEAR: Font = Font { size: 12.0, bold: false };
/// Cards are at least this wide; a row holds as many as fit, up to four.
const CARD_MIN_WIDTH: f64 = 150.0;
const CARD_GAP: f64 = 12.0;
const CARD_PAD: f64 = 12.0;
/// The coloured rule along a card's top.
pub const CARD_ACCENT: f64 = 4.0;
const SPARK_HEIGHT: f64 = 32.0;
const SPARK_WIDTH: f64 = 176.0;
/// A key swatch's size.
const SWATCH: (f64, f64) = (22.0, 12.0);

struct Cursor<'a> {
    y: f64,
    width: f64,
    measure: &'a dyn TextMeasure,
    texts: Vec<TextBox>,
}

impl Cursor<'_> {
    /// Writes wrapped text from the left margin and moves down past it.
    fn paragraph(&mut self, text: &str, font: Font, role: TextRole) {
        let (x, width) = (MARGIN, self.width - 2.0 * MARGIN);
        self.y = block(&mut self.texts, self.measure, text, (x, self.y, width), font, role);
    }
}

/// Writes wrapped text at (x, y) within `width` and returns the y below it.
fn block(
    texts: &mut Vec<TextBox>,
    measure: &dyn TextMeasure,
    text: &str,
    (x, mut y, width): (f64, f64, f64),
    font: Font,
    role: TextRole,
) -> f64 {
    for line in wrap(text, width, font, measure) {
        texts.push(TextBox { text: line, x, y, anchor: Anchor::Left, font, role });
        y += line_height(font);
    }
    y
}

/// Places a chart in a box `width` CSS pixels wide; the height is what the content needs.
pub fn layout(chart: &Chart, width: f64, measure: &dyn TextMeasure) -> Layout {
    let width = if width.is_finite() { width.max(1.0) } else { 1.0 };
    let mut c = Cursor { y: MARGIN, width, measure, texts: Vec::new() };
    let mut out = Layout {
        width,
        height: 0.0,
        texts: Vec::new(),
        bars: Vec::new(),
        lines: Vec::new(),
        scales: Vec::new(),
        sparks: Vec::new(),
        keys: Vec::new(),
    };

    // A phone's title is a step smaller, so a long one takes fewer lines above the figures.
    let title = if width < 480.0 { Font { size: 18.0, ..TITLE } } else { TITLE };
    c.paragraph(&chart.title, title, TextRole::Title);
    c.paragraph(&chart.subtitle, SUBTITLE, TextRole::Subtitle);
    // Under a page's own heading (Chart::without_heading) the figures start at the margin.
    if !(chart.title.is_empty() && chart.subtitle.is_empty()) {
        c.y += 4.0;
    }
    key(&mut c, &mut out, &marks_shown(chart), chart.lang);

    // The value labels' room is the widest of any bar panel, so every plot ends at one x.
    let bar_panels = || chart.panels.iter().filter(|p| p.card.is_none());
    let label_room = bar_panels()
        .flat_map(|p| {
            p.bars.iter().map(move |b| measure.width(&bar_label(b.value, p.unit, b.qualifier, chart.lang), VALUE))
        })
        .fold(0.0, f64::max);
    let open_room =
        if bar_panels().flat_map(|p| &p.bars).any(|b| b.qualifier == Qualifier::AtLeast) { OPEN_END } else { 0.0 };
    let plot = (MARGIN, (width - MARGIN - label_room - open_room - 6.0).max(MARGIN + 1.0));

    let mut p = 0;
    while p < chart.panels.len() {
        if chart.panels[p].card.is_some() {
            let run = chart.panels[p..].iter().take_while(|q| q.card.is_some()).count();
            c.y += 6.0;
            cards(&mut c, &mut out, chart, p..p + run);
            p += run;
        } else {
            bar_panel(&mut c, &mut out, chart, p, plot);
            p += 1;
        }
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
    out.height = (c.y + MARGIN).ceil();
    out.texts = c.texts;
    out
}

/// The marks this chart draws that a reader needs explained, in the key's order.
fn marks_shown(chart: &Chart) -> Vec<Mark> {
    let (mut bound, mut derived, mut gap) = (false, false, false);
    let mut saw = |figure: Option<Qualifier>| match figure {
        Some(Qualifier::AtLeast) => bound = true,
        Some(Qualifier::Derived) => derived = true,
        None => gap = true,
        _ => {}
    };
    for p in &chart.panels {
        match &p.card {
            None => {
                // A bar panel's empty years say so in words: only a sparkline's need the key.
                p.bars.iter().for_each(|b| saw(Some(b.qualifier)));
            }
            Some(card) if drawn_spark(card) => card.spark.iter().for_each(|y| saw(y.figure.map(|(_, q)| q))),
            Some(_) => {}
        }
    }
    [(bound, Mark::Bound), (derived, Mark::Derived), (gap, Mark::Gap)]
        .into_iter()
        .filter(|m| m.0)
        .map(|m| m.1)
        .collect()
}

/// A sparkline is drawn where it has two figures or more to set side by side, or where its empty
/// years are what the view shows (a trend of one figure).
fn drawn_spark(card: &Card) -> bool {
    card.all_years || card.spark.iter().filter(|y| y.figure.is_some()).count() >= 2
}

/// One line (wrapping where it must) of swatches and their words, each drawn as the mark itself.
fn key(c: &mut Cursor<'_>, out: &mut Layout, marks: &[Mark], lang: Lang) {
    if marks.is_empty() {
        return;
    }
    let (right, row) = (c.width - MARGIN, line_height(KEY).max(SWATCH.1));
    let mut x = MARGIN;
    for &mark in marks {
        let words = text(
            lang,
            match mark {
                Mark::Bound => "key_bound",
                Mark::Derived => "key_derived",
                Mark::Gap => "key_gap",
            },
        );
        let room = right - x - SWATCH.0 - 6.0;
        let one_line = c.measure.width(words, KEY);
        if x > MARGIN && one_line > room {
            x = MARGIN;
            c.y += row + 4.0;
        }
        let top = c.y + (row - SWATCH.1) / 2.0;
        out.keys.push(KeySwatch { mark, x0: x, y0: top, x1: x + SWATCH.0, y1: top + SWATCH.1 });
        let tx = x + SWATCH.0 + 6.0;
        let lines = wrap(words, right - tx, KEY, c.measure);
        let widest = lines.iter().map(|l| c.measure.width(l, KEY)).fold(0.0, f64::max);
        for (i, line) in lines.iter().enumerate() {
            let y = c.y + (row - line_height(KEY)) / 2.0 + i as f64 * line_height(KEY);
            c.texts.push(TextBox {
                text: line.clone(),
                x: tx,
                y,
                anchor: Anchor::Left,
                font: KEY,
                role: TextRole::Key,
            });
        }
        if lines.len() > 1 {
            c.y += (lines.len() - 1) as f64 * line_height(KEY);
            x = right; // the next item starts a new line
        } else {
            x = tx + widest + 16.0;
        }
    }
    c.y += row + 2.0;
}

/// A panel of bars on one axis from `plot.0` to `plot.1`.
fn bar_panel(c: &mut Cursor<'_>, out: &mut Layout, chart: &Chart, p: usize, (left, right): (f64, f64)) {
    let panel = &chart.panels[p];
    let (unit, lang) = (panel.unit, chart.lang);
    c.y += 6.0;
    let panel_top = c.y;
    if chart.panels.len() > 1 {
        c.paragraph(&panel.title, PANEL_TITLE, TextRole::PanelTitle);
        c.y += 4.0;
    }
    let (scale, ticks) = axis(panel, (left, right));
    let gap_row = |c: &mut Cursor<'_>, label: &str| {
        c.paragraph(label, LABEL, TextRole::BarLabel);
        c.y += 2.0;
        c.texts.push(TextBox {
            text: text(lang, "no_published_figure").to_string(),
            x: left,
            y: c.y + (BAR_HEIGHT - line_height(NOTE)) / 2.0,
            anchor: Anchor::Left,
            font: NOTE,
            role: TextRole::Note,
        });
        c.y += BAR_HEIGHT + 10.0;
    };
    let first_bar = out.bars.len();
    for (b, bar) in panel.bars.iter().enumerate() {
        for gap in panel.gaps.iter().filter(|g| g.before == b) {
            gap_row(c, &gap.label);
        }
        let label = match &bar.change {
            Some(change) => [bar.label.as_str(), " (", change, ")"].concat(),
            None => bar.label.clone(),
        };
        // The reader's own choice among the bars (the component chosen, in "Compare components").
        c.paragraph(&label, Font { bold: bar.emphasized, ..LABEL }, TextRole::BarLabel);
        c.y += 2.0;
        let x1 = scale.x_from_value(bar.value);
        out.bars.push(BarBox {
            panel: p,
            bar: b,
            record: bar.record,
            value: bar.value,
            qualifier: bar.qualifier,
            emphasized: bar.emphasized,
            card: false,
            panel_top,
            x0: left,
            y0: c.y,
            x1,
            y1: c.y + BAR_HEIGHT,
        });
        let open = if bar.qualifier == Qualifier::AtLeast { OPEN_END } else { 0.0 };
        c.texts.push(TextBox {
            text: bar_label(bar.value, unit, bar.qualifier, lang),
            x: x1 + open + 6.0,
            y: c.y + (BAR_HEIGHT - line_height(VALUE)) / 2.0 + 1.0,
            anchor: Anchor::Left,
            font: VALUE,
            role: TextRole::ValueLabel,
        });
        c.y += BAR_HEIGHT + 10.0;
    }
    for gap in panel.gaps.iter().filter(|g| g.before >= panel.bars.len()) {
        gap_row(c, &gap.label);
    }
    let bottom = c.y - 6.0;
    for (i, &v) in ticks.iter().enumerate() {
        let x = scale.x_from_value(v);
        // Grid lines run beside the bars only, never through their labels.
        let role = if i == 0 { LineRole::Baseline } else { LineRole::Grid };
        for b in &out.bars[first_bar..] {
            out.lines.push(Line { x0: x, y0: b.y0 - 3.0, x1: x, y1: (b.y1 + 3.0).min(bottom), role });
        }
        let text = in_unit(v, unit, true, lang);
        let half = c.measure.width(&text, TICK) / 2.0;
        let (x, anchor) = if x + half > c.width - MARGIN {
            (c.width - MARGIN, Anchor::Right)
        } else if i == 0 {
            (x, Anchor::Left)
        } else {
            (x, Anchor::Center)
        };
        c.texts.push(TextBox { text, x, y: bottom + 3.0, anchor, font: TICK, role: TextRole::Tick });
    }
    c.y = bottom + 3.0 + line_height(TICK) + 6.0;
    out.scales.push(Some(scale));
}

/// A panel's value axis and its ticks: round steps from zero ending just above the data, or each
/// power of ten on a log scale.
fn axis(panel: &Panel, (left, right): (f64, f64)) -> (ValueScale, Vec<f64>) {
    let data_max = panel.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let data_min = panel.bars.iter().map(|b| b.value).filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
    if panel.scale == Scale::Log && data_max > 0.0 {
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
        return (ValueScale { left, right, max: high, log_min: low }, ticks);
    }
    let ticks_wanted = (((right - left) / 90.0) as usize).clamp(1, 5);
    // Counts come in whole numbers: no tick at 0.2 penalties (CBP's forced-labor actions, 0 and 1).
    let (step, max) = nice_axis(data_max, ticks_wanted, panel.unit == Unit::Count);
    let count = (max / step).round() as usize;
    (ValueScale { left, right, max, log_min: 0.0 }, (0..=count).map(|i| i as f64 * step).collect())
}

/// Consecutive lone figures as cards, as many to a row as fit (one on a phone), each as tall as
/// the tallest in its row.
fn cards(c: &mut Cursor<'_>, out: &mut Layout, chart: &Chart, panels: std::ops::Range<usize>) {
    let inner = c.width - 2.0 * MARGIN;
    let fit = ((inner + CARD_GAP) / (CARD_MIN_WIDTH + CARD_GAP)).floor().clamp(1.0, 4.0) as usize;
    let columns = fit.min(panels.len()).max(1);
    let card_width = ((inner - CARD_GAP * (columns - 1) as f64) / columns as f64).max(1.0);
    let ids: Vec<(usize, &Card)> = panels.filter_map(|p| chart.panels[p].card.as_ref().map(|card| (p, card))).collect();
    for row in ids.chunks(columns) {
        let top = c.y;
        let mut bottom = top;
        let mut placed = Vec::new();
        for (col, &(p, info)) in row.iter().enumerate() {
            let x = MARGIN + col as f64 * (card_width + CARD_GAP);
            let (sparks, lines, texts) = (out.sparks.len(), out.lines.len(), c.texts.len());
            let end = card(c, out, chart, (p, info), (x, top, card_width));
            out.scales.push(None);
            let ranges = (sparks..out.sparks.len(), lines..out.lines.len(), texts..c.texts.len());
            placed.push((out.bars.len() - 1, end, ranges));
            bottom = bottom.max(end);
        }
        // One height for the row: frames and hit boxes line up, and so do the sparklines, at the
        // foot of each card.
        for (bar, end, (sparks, lines, texts)) in placed {
            out.bars[bar].y1 = bottom;
            let down = bottom - end;
            for s in &mut out.sparks[sparks] {
                (s.y0, s.y1) = (s.y0 + down, s.y1 + down);
            }
            for l in &mut out.lines[lines] {
                (l.y0, l.y1) = (l.y0 + down, l.y1 + down);
            }
            for t in c.texts[texts].iter_mut().filter(|t| t.role == TextRole::SparkYear) {
                t.y += down;
            }
        }
        c.y = bottom + CARD_GAP;
    }
    c.y -= CARD_GAP;
    c.y += 6.0;
}

/// One card at (x, y), `w` wide: the measure, the number with its qualifier in words, the change
/// from the year before (or why there is none) and the sparkline. Returns the card's bottom.
fn card(
    c: &mut Cursor<'_>,
    out: &mut Layout,
    chart: &Chart,
    (p, info): (usize, &Card),
    (x, y, w): (f64, f64, f64),
) -> f64 {
    let panel = &chart.panels[p];
    let (bar, lang, unit) = (&panel.bars[0], chart.lang, panel.unit);
    let (ix, iw) = (x + CARD_PAD, (w - 2.0 * CARD_PAD).max(1.0));
    let m = c.measure;
    let mut cy = y + CARD_ACCENT + CARD_PAD - 2.0;
    cy = block(&mut c.texts, m, &bar.label, (ix, cy, iw), CARD_LABEL, TextRole::CardLabel);
    cy += 4.0;
    let before = match bar.qualifier {
        Qualifier::AtLeast => Some("card_more_than"),
        Qualifier::Approximate => Some("card_about"),
        Qualifier::Exact | Qualifier::Derived => None,
    };
    if let Some(key) = before {
        cy = block(&mut c.texts, m, text(lang, key), (ix, cy, iw), CARD_QUALIFIER, TextRole::CardQualifier);
    }
    // The number as the source wrote it, shortened only where exact ("3.7M"); smaller only if
    // it would not otherwise fit the card.
    let number = in_unit(bar.value, unit, true, lang);
    let natural = m.width(&number, CARD_VALUE);
    let size = if natural > iw { (CARD_VALUE.size * iw / natural).floor().max(MIN_TEXT) } else { CARD_VALUE.size };
    let font = Font { size, bold: true };
    c.texts.push(TextBox { text: number, x: ix, y: cy, anchor: Anchor::Left, font, role: TextRole::CardValue });
    cy += line_height(font);
    if bar.qualifier == Qualifier::Derived {
        cy = block(&mut c.texts, m, text(lang, "card_derived"), (ix, cy, iw), CARD_QUALIFIER, TextRole::CardQualifier);
    }
    if let Some(comparison) = &info.comparison {
        cy += 2.0;
        let role = if comparison.computed { TextRole::Change } else { TextRole::NoChange };
        cy = block(&mut c.texts, m, &comparison.text, (ix, cy, iw), CHANGE, role);
    }
    if drawn_spark(info) {
        cy += 10.0;
        cy = sparkline(c, out, info, (ix, cy, iw.min(SPARK_WIDTH)), lang);
    }
    let bottom = cy + CARD_PAD;
    out.bars.push(BarBox {
        panel: p,
        bar: 0,
        record: bar.record,
        value: bar.value,
        qualifier: bar.qualifier,
        emphasized: bar.emphasized,
        card: true,
        panel_top: y,
        x0: x,
        y0: y,
        x1: x + w,
        y1: bottom,
    });
    bottom
}

/// A card's years as columns from zero, the card's own in the bar colour; a year with no figure
/// keeps its slot, outlined and empty. The first and last years are named beneath.
fn sparkline(c: &mut Cursor<'_>, out: &mut Layout, card: &Card, (x, y, w): (f64, f64, f64), lang: Lang) -> f64 {
    let n = card.spark.len().max(1) as f64;
    let slot = w / n;
    let column = (slot * 0.64).min(22.0);
    let max = card.spark.iter().filter_map(|s| s.figure.map(|(v, _)| v)).fold(0.0, f64::max);
    // Room above the tallest column for an open end.
    let top = y + 6.0;
    let base = y + SPARK_HEIGHT;
    for (i, year) in card.spark.iter().enumerate() {
        let x0 = x + i as f64 * slot + (slot - column) / 2.0;
        let (y0, qualifier) = match year.figure {
            Some((v, q)) => {
                let h = if max > 0.0 { (v / max * (base - top)).max(if v > 0.0 { 1.0 } else { 0.0 }) } else { 0.0 };
                (base - h, Some(q))
            }
            None => (base - 4.0, None),
        };
        out.sparks.push(SparkBox { x0, y0, x1: x0 + column, y1: base, qualifier, current: year.current });
    }
    out.lines.push(Line { x0: x, y0: base, x1: x + w, y1: base, role: LineRole::Baseline });
    // Below the rule that marks the card's own year.
    let label_y = base + 6.0;
    if let (Some(first), Some(last)) = (card.spark.first(), card.spark.last()) {
        let year = |y: u16| say(lang, "fy", &[&y.to_string()]);
        let texts = [(year(first.year), x, Anchor::Left), (year(last.year), x + w, Anchor::Right)];
        for (text, tx, anchor) in texts {
            c.texts.push(TextBox { text, x: tx, y: label_y, anchor, font: SPARK_YEAR, role: TextRole::SparkYear });
        }
    }
    label_y + line_height(SPARK_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::view::{select, ViewSpec};

    fn chart(view: &str, component: &str) -> Chart {
        let spec = crate::view::test_default()
            .with_option(&DATASET, "view", view)
            .and_then(|s| s.with_option(&DATASET, "component", component))
            .unwrap();
        select(&DATASET, &spec)
    }

    #[test]
    fn bar_lengths_are_proportional_to_values() {
        let c = chart("metric", "hsi");
        let l = layout(&c, 600.0, &FontMetrics);
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
                let l = layout(&c, width, &FontMetrics);
                assert_eq!(l.bars.len(), c.bar_count());
                assert!(l.height > 0.0 && l.height.is_finite());
                for b in &l.bars {
                    assert!(b.x0 <= b.x1 && b.y0 < b.y1, "{component} {width}: {b:?}");
                }
                // Marks never overlap one another: bars stack, cards sit side by side in rows.
                for (i, a) in l.bars.iter().enumerate() {
                    for b in &l.bars[i + 1..] {
                        let apart = a.y1 <= b.y0 || b.y1 <= a.y0 || a.x1 <= b.x0 || b.x1 <= a.x0;
                        assert!(apart, "{component} {width}: {a:?} and {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_view_is_cards_or_comparisons_in_legible_text_on_aligned_shared_axes() {
        for spec in crate::view::every_view(&DATASET) {
            let chart = select(&DATASET, &spec);
            for width in [320.0, 1280.0] {
                let l = layout(&chart, width, &FontMetrics);
                let at = || format!("{} at {width}", spec.to_query(&DATASET));
                // No panel whose only content is one bar: a lone figure is a card.
                for p in 0..chart.panels.len() {
                    let bars = l.bars.iter().filter(|b| b.panel == p && !b.card).count();
                    assert_ne!(bars, 1, "{}: panel {p}", at());
                }
                assert!(l.texts.iter().all(|t| t.font.size >= MIN_TEXT), "{}", at());
                // Measured from the font's own widths, never the stand-in for a missing character.
                let unmeasured: Vec<char> =
                    l.texts.iter().flat_map(|t| t.text.chars()).filter(|&c| !FontMetrics::covers(c)).collect();
                assert!(unmeasured.is_empty(), "{}: {unmeasured:?} not in src/layout/metrics.rs", at());
                // Bars of one unit and kind share one panel, so one scale.
                let kind = |b: &BarBox| DATASET.metrics[DATASET.records[b.record].metric].kind;
                for a in l.bars.iter().filter(|b| !b.card) {
                    assert!(
                        l.bars.iter().filter(|b| !b.card && kind(b) == kind(a)).all(|b| b.panel == a.panel),
                        "{}",
                        at()
                    );
                }
                // Every plot area starts and ends at the same x.
                let plots: Vec<(f64, f64)> = l.scales.iter().flatten().map(|s| (s.left, s.right)).collect();
                assert!(plots.windows(2).all(|w| w[0] == w[1]), "{}: {plots:?}", at());
                // Cards stay inside the chart.
                assert!(l.bars.iter().all(|b| b.x0 >= 0.0 && b.x1 <= width + 1e-9), "{}", at());
            }
        }
    }

    #[test]
    fn plot_areas_line_up_across_panels_whatever_their_labels() {
        // No view of today's data has two bar panels, so one is made: the victims panel again,
        // with figures whose labels are far wider.
        let mut c = chart("component", "dhs");
        let mut wide = c.panels[0].clone();
        for b in &mut wide.bars {
            b.value *= 1000.0;
        }
        c.panels.push(wide);
        let l = layout(&c, 640.0, &FontMetrics);
        let plots: Vec<(f64, f64)> = l.scales.iter().flatten().map(|s| (s.left, s.right)).collect();
        assert_eq!(plots.len(), 2);
        assert_eq!(plots[0], plots[1]);
    }

    #[test]
    fn the_key_explains_exactly_the_marks_a_chart_draws() {
        let marks = |view: &str, component: &str, metric: &str| {
            let spec = crate::view::test_default()
                .with_option(&DATASET, "view", view)
                .and_then(|s| s.with_option(&DATASET, "component", component))
                .and_then(|s| s.with_option(&DATASET, "metric", metric))
                .unwrap();
            layout(&select(&DATASET, &spec), 640.0, &FontMetrics).keys.iter().map(|k| k.mark).collect::<Vec<_>>()
        };
        // DHS-wide FY 2024: lower-bound bars, and sparklines with empty years.
        assert_eq!(marks("component", "dhs", "arrests"), [Mark::Bound, Mark::Gap]);
        // HSI arrests: five exact years, nothing to explain.
        assert_eq!(marks("trend", "hsi", "arrests"), []);
        // USSS stakeholders: a derived year and a lower bound; its empty years say so in words.
        assert_eq!(marks("trend", "usss", "stakeholders-reached"), [Mark::Bound, Mark::Derived]);
    }

    #[test]
    fn a_log_axis_runs_from_the_power_of_ten_below_the_least_value_to_the_one_above_the_most() {
        let spec = |s: ViewSpec| s.with_option(&DATASET, "scale", "log").unwrap();
        let base = crate::view::test_default()
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
            let l = layout(&c, 640.0, &FontMetrics);
            let s = l.scales[0].as_ref().unwrap();
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
                FontMetrics.width(text, font)
            }
        }
    }

    #[test]
    fn a_count_axis_has_whole_ticks_only() {
        // CBP's forced-labor actions of FY 2024 are 0, 1, 1 and 1: ticks 0 and 1, never 0.2 or 0.5.
        let l = layout(&chart("component", "cbp"), 900.0, &FontMetrics);
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
        let plain = layout(&chart("component", "dhs"), 500.0, &FontMetrics);
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
                _ => FontMetrics.width(text, font),
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
        let l = layout(&c, 500.0, &FontMetrics);
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
