//! A chart in words, for readers who cannot see it: the canvas's `aria-label` names every value,
//! and the summary reads it as a sighted reader would (extremes, lower bounds, derived figures,
//! gaps).

use super::chart::{Bar, Chart};
use crate::text::{say, spoken, text};
use ccht_data::{Dataset, Lang, Qualifier};

/// One record as a reader is told it: by the tooltip and the table (its value in words, with its
/// qualifier), and by the live region when the keyboard reaches it (`announcement`).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordWords {
    pub component: String,
    pub metric: String,
    /// The value in words: "more than 2,500", "44,022 (derived by us, not stated by the source)".
    pub text: String,
    /// "DHS-wide, Trafficking-related arrests, fiscal year 2024: more than 2,500."
    pub announcement: String,
}

/// The words for record `record` of `dataset`, in `lang`.
pub fn record_words(dataset: &Dataset, record: usize, lang: Lang) -> RecordWords {
    let r = &dataset.records[record];
    let component = dataset.components[r.component].label(lang).to_string();
    let metric = dataset.metrics[r.metric].label(lang).to_string();
    let text = spoken(r.value, dataset.kind_of(r).unit, r.qualifier, lang);
    let announcement = say(lang, "announcement", &[&component, &metric, &r.fiscal_year.to_string(), &text]);
    RecordWords { component, metric, text, announcement }
}

impl Chart {
    fn spoken(&self, dataset: &Dataset, b: &Bar) -> String {
        spoken(b.value, dataset.kind_of(&dataset.records[b.record]).unit, b.qualifier, self.lang)
    }

    /// One sentence per panel, for the canvas's `aria-label`: what the chart shows, with every value.
    pub fn description(&self, dataset: &Dataset) -> String {
        let mut out = [text(self.lang, "bar_chart"), ". ", &self.title, ", ", &self.subtitle, "."].concat();
        if self.panels.is_empty() {
            out.push(' ');
            out.push_str(text(self.lang, "no_figures"));
        }
        for panel in &self.panels {
            // A card's line about the year before is said after its figure, as it is drawn.
            let comparison = panel.card.as_ref().and_then(|c| c.comparison.as_ref()).map(|c| c.text.as_str());
            let mut items: Vec<String> = panel
                .bars
                .iter()
                .map(|b| match (&b.change, comparison) {
                    (Some(change), _) => [&b.label, " (", change, "): ", &self.spoken(dataset, b)].concat(),
                    (None, Some(line)) => [&b.label, ": ", &self.spoken(dataset, b), " (", line, ")"].concat(),
                    (None, None) => [&b.label, ": ", &self.spoken(dataset, b)].concat(),
                })
                .collect();
            items.extend(panel.gaps.iter().map(|g| [&g.label, ": ", text(self.lang, "no_published_figure")].concat()));
            out.push_str(&[" ", &panel.title, ": ", &items.join("; "), "."].concat());
        }
        out
    }

    /// A plain-language reading of the chart for `aria-describedby`: per panel the largest and
    /// smallest figures, then how many are lower bounds or derived, and the gaps.
    pub fn summary(&self, dataset: &Dataset) -> String {
        let lang = self.lang;
        let count = self.bar_count();
        if count == 0 {
            return say(lang, "summary_none", &[&self.title, &self.subtitle]);
        }
        let mut parts = vec![if count == 1 {
            say(lang, "summary_one", &[&self.title, &self.subtitle])
        } else {
            say(lang, "summary_count", &[&self.title, &self.subtitle, &count.to_string()])
        }];
        for panel in &self.panels {
            let (Some(max), Some(min)) = (
                panel.bars.iter().max_by(|a, b| a.value.total_cmp(&b.value)),
                panel.bars.iter().min_by(|a, b| a.value.total_cmp(&b.value)),
            ) else {
                continue;
            };
            if panel.bars.len() == 1 {
                parts.push([&max.label, ": ", &self.spoken(dataset, max), "."].concat());
            } else {
                parts.push(say(
                    lang,
                    "summary_extremes",
                    &[&panel.title, &max.label, &self.spoken(dataset, max), &min.label, &self.spoken(dataset, min)],
                ));
            }
            if !panel.gaps.is_empty() {
                let gaps: Vec<&str> = panel.gaps.iter().map(|g| g.label.as_str()).collect();
                parts.push(say(lang, "summary_gaps", &[&gaps.join(", ")]));
            }
        }
        let all = || self.panels.iter().flat_map(|p| &p.bars);
        let bounds = all().filter(|b| b.qualifier == Qualifier::AtLeast).count();
        if bounds == 1 {
            parts.push(say(lang, "summary_bound", &[&count.to_string()]));
        } else if bounds > 1 {
            parts.push(say(lang, "summary_bounds", &[&bounds.to_string(), &count.to_string()]));
        }
        let derived = all().filter(|b| b.qualifier == Qualifier::Derived).count();
        if derived > 0 {
            parts.push(say(lang, "summary_derived", &[&derived.to_string()]));
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::view::select;
    use crate::view::test_view as spec;

    #[test]
    fn summary_names_extremes_and_bounds() {
        let text = select(&DATASET, &spec("metric", "usss", "stakeholders-reached")).summary(&DATASET);
        assert!(text.contains("the largest is Blue Campaign: People trained through Blue Lightning Initiative partnerships, more than 280,000"), "{text}");
        assert!(
            text.contains("the smallest is Blue Campaign: People reached by trainings, more than 23,000"),
            "{text}"
        );
        assert!(text.contains("3 of the 3 figures are lower bounds"), "{text}");
        let text = select(&DATASET, &spec("component", "cbp", "shipments-stopped")).summary(&DATASET);
        assert!(text.contains("Shipments stopped under Withhold Release Orders: 231."), "{text}");
        assert!(text.contains("1 of the 7 figures is a lower bound"), "{text}");
    }

    #[test]
    fn source_lines_notes_and_summaries_count_what_the_chart_shows() {
        let one = select(&DATASET, &spec("trend", "usss", "presentations"));
        let many = select(&DATASET, &spec("trend", "hsi", "arrests"));
        assert!(many.source_line.starts_with("Sources: "), "{}", many.source_line);
        for chart in [&one, &many] {
            let sources: std::collections::BTreeSet<usize> =
                chart.panels.iter().flat_map(|p| &p.bars).map(|b| DATASET.records[b.record].source).collect();
            assert_eq!(chart.source_line.starts_with("Source: "), sources.len() == 1, "{}", chart.source_line);
            // A linear chart says nothing of a log scale.
            assert!(!chart.notes.iter().any(|n| n.contains("Logarithmic")), "{:?}", chart.notes);
        }
        // Lower bounds and derived figures, counted in words.
        let mut seen_derived = false;
        for (view, component, metric) in [
            ("component", "dhs", "arrests"),
            ("component", "usss", "stakeholders-reached"),
            ("trend", "usss", "stakeholders-reached"),
            ("trend", "hsi", "arrests"),
        ] {
            let chart = select(&DATASET, &spec(view, component, metric));
            let bars: Vec<&Bar> = chart.panels.iter().flat_map(|p| &p.bars).collect();
            let bounds = bars.iter().filter(|b| b.qualifier == Qualifier::AtLeast).count();
            let derived = bars.iter().filter(|b| b.qualifier == Qualifier::Derived).count();
            let summary = chart.summary(&DATASET);
            let said_bounds = match bounds {
                0 => None,
                1 => Some(format!("1 of the {} figures is a lower bound", bars.len())),
                n => Some(format!("{n} of the {} figures are lower bounds", bars.len())),
            };
            assert_eq!(summary.contains("lower bound"), said_bounds.is_some(), "{summary}");
            if let Some(said) = said_bounds {
                assert!(summary.contains(&said), "{summary}");
            }
            assert_eq!(summary.contains(&format!("{derived} of the figures are derived")), derived > 0, "{summary}");
            assert_eq!(summary.contains("derived by us"), derived > 0, "{summary}");
            seen_derived |= derived > 0;
        }
        assert!(seen_derived, "one of the views shows a derived figure");
    }

    #[test]
    fn description_speaks_every_value_with_its_qualifier() {
        let text = select(&DATASET, &spec("component", "dhs", "arrests")).description(&DATASET);
        assert!(text.contains("Victims assisted: more than 800"), "{text}");
        assert!(text.contains("Indictments supported: 914"), "{text}");
    }
}
