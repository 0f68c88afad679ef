//! Selection: which records a chart shows, grouped so that no axis mixes kinds, with every word
//! in the reader's language.

use super::chart::{Bar, Card, Chart, Comparison, Gap, Panel, SparkYear};
use super::spec::{Scale, ViewKind, ViewSpec};
use crate::text::{in_unit, say, spoken, text};
use ccht_data::{insert_sorted, sort_ids_by, Dataset, Lang, Qualifier, SourceKind, Unit};

/// "FY 2020", with the name the source used where it differs ("FY 2020, reported as ICE (HSI)").
fn year_label(dataset: &Dataset, lang: Lang, year: u16, record: Option<usize>) -> String {
    let fy = say(lang, "fy", &[&year.to_string()]);
    match record.map(|i| &dataset.records[i].reported_as) {
        Some(name) if !name.is_empty() => [fy.as_str(), ", ", &say(lang, "reported_as", &[name])].concat(),
        _ => fy,
    }
}

/// Chooses the records for a view and groups them into panels.
pub fn select(dataset: &Dataset, spec: &ViewSpec) -> Chart {
    let lang = spec.lang;
    let year = spec.fiscal_year;
    let index = dataset.index();
    let component = &dataset.components[spec.component];
    let metric = &dataset.metrics[spec.metric];
    let kind = &dataset.kinds[metric.kind];
    let bar = |record: usize, label: String, emphasized: bool| {
        let r = &dataset.records[record];
        Bar { record, label, value: r.value, qualifier: r.qualifier, emphasized, change: None }
    };
    let panel = |title: String, unit: Unit, noun: String, bars: Vec<Bar>, gaps: Vec<Gap>| Panel {
        title,
        unit,
        noun,
        bars,
        gaps,
        scale: spec.scale,
        card: None,
    };
    let fiscal_year = say(lang, "fiscal_year", &[&year.to_string()]);
    let mut notes = Vec::new();
    let (title, subtitle, mut panels) = match spec.view {
        ViewKind::Component => {
            let mut mine: Vec<usize> = index.component_year(spec.component, year).to_vec();
            // Panels in the order kinds are listed in kinds.csv, bars in metrics.csv order.
            sort_ids_by(&mut mine, |i| (dataset.metrics[dataset.records[i].metric].kind, dataset.records[i].metric, 0));
            let mut panels = Vec::new();
            for group in mine.chunk_by(|&a, &b| {
                dataset.metrics[dataset.records[a].metric].kind == dataset.metrics[dataset.records[b].metric].kind
            }) {
                let ids = group.to_vec();
                let kind = &dataset.kinds[dataset.metrics[dataset.records[ids[0]].metric].kind];
                let bars = ids
                    .into_iter()
                    .map(|i| {
                        // No bold label: the reason (the measure the menu keeps) is not on screen.
                        bar(i, dataset.metrics[dataset.records[i].metric].label(lang).to_string(), false)
                    })
                    .collect();
                panels.push(panel(
                    kind.label(lang).to_string(),
                    kind.unit,
                    kind.noun_in(lang).to_string(),
                    bars,
                    Vec::new(),
                ));
            }
            (component.label(lang).to_string(), fiscal_year, panels)
        }
        ViewKind::Metric => {
            let mut ids: Vec<usize> = index.kind_year(metric.kind, year).to_vec();
            sort_ids_by(&mut ids, |i| (dataset.records[i].component, dataset.records[i].metric, 0));
            let several_metrics = ids.windows(2).any(|w| dataset.records[w[0]].metric != dataset.records[w[1]].metric);
            let bars: Vec<Bar> = ids
                .into_iter()
                .map(|i| {
                    let r = &dataset.records[i];
                    let who = dataset.components[r.component].short(lang);
                    let label = if several_metrics {
                        [who, ": ", dataset.metrics[r.metric].label(lang)].concat()
                    } else {
                        who.to_string()
                    };
                    bar(i, label, r.component == spec.component && r.metric == spec.metric)
                })
                .collect();
            let panels = if bars.is_empty() {
                Vec::new()
            } else {
                vec![panel(kind.label(lang).to_string(), kind.unit, kind.noun_in(lang).to_string(), bars, Vec::new())]
            };
            (
                say(lang, "across", &[kind.label(lang)]),
                [fiscal_year.as_str(), " · ", kind.noun_in(lang)].concat(),
                panels,
            )
        }
        ViewKind::Trend => {
            let years = &index.years;
            let (first, last) = (years.first().copied().unwrap_or(year), years.last().copied().unwrap_or(year));
            let mut bars: Vec<Bar> = Vec::new();
            let mut gaps = Vec::new();
            let mut previous: Option<(u16, usize)> = None;
            let series = index.series(spec.component, spec.metric);
            for y in first..=last {
                let found = series.iter().copied().find(|&i| dataset.records[i].fiscal_year == y);
                match found {
                    Some(i) => {
                        let mut b = bar(i, year_label(dataset, lang, y, Some(i)), false);
                        // A change only between consecutive years whose figures are both exact:
                        // from a lower bound it would be a guess.
                        if let Some((py, pi)) = previous.filter(|(py, _)| *py + 1 == y) {
                            let (p, r) = (&dataset.records[pi], &dataset.records[i]);
                            if p.qualifier == Qualifier::Exact && r.qualifier == Qualifier::Exact && p.value > 0.0 {
                                let pct = ((r.value - p.value) / p.value * 100.0).round();
                                let sign = if pct > 0.0 {
                                    "+"
                                } else if pct < 0.0 {
                                    "−"
                                } else {
                                    "±"
                                };
                                let number = in_unit(pct.abs(), Unit::Percent, false, lang);
                                b.change =
                                    Some(say(lang, "change_since", &[&[sign, &number].concat(), &py.to_string()]));
                            }
                        }
                        previous = Some((y, i));
                        bars.push(b);
                    }
                    None => gaps.push(Gap { before: bars.len(), label: year_label(dataset, lang, y, None) }),
                }
            }
            let note = metric.note_in(lang);
            if !note.is_empty() {
                notes.push(note.to_string());
            }
            let panels = if bars.is_empty() {
                Vec::new()
            } else {
                vec![panel(metric.label(lang).to_string(), kind.unit, kind.noun_in(lang).to_string(), bars, gaps)]
            };
            (
                say(lang, "trend_title", &[component.label(lang), metric.label(lang)]),
                say(lang, "fiscal_years", &[&first.to_string(), &last.to_string()]),
                panels,
            )
        }
        ViewKind::Pipeline => {
            let mut bars = Vec::new();
            let mut missing = Vec::new();
            for (n, stage) in dataset.pipeline.iter().enumerate() {
                let found = index
                    .series(stage.component, stage.metric)
                    .iter()
                    .copied()
                    .find(|&i| dataset.records[i].fiscal_year == year);
                let name = [
                    &(n + 1).to_string(),
                    ". ",
                    dataset.metrics[stage.metric].label(lang),
                    " (",
                    dataset.components[stage.component].short(lang),
                    ")",
                ]
                .concat();
                match found {
                    Some(i) => bars.push(bar(i, name, false)),
                    None => missing.push(say(lang, "no_stage", &[&name])),
                }
            }
            if bars.is_empty() {
                // Nothing to show: one sentence says so, rather than four empty stages.
                notes.push(say(lang, "no_pipeline", &[&year.to_string()]));
            } else {
                notes.push(text(lang, "pipeline_note").to_string());
                notes.extend(missing);
            }
            // Each stage counts something different (cases, people, charges), so each is its own
            // card, in process order: bars on one axis would read as a funnel.
            let panels = bars
                .into_iter()
                .map(|b| {
                    let kind = dataset.kind_of(&dataset.records[b.record]);
                    panel(b.label.clone(), kind.unit, kind.noun_in(lang).to_string(), vec![b], Vec::new())
                })
                .collect();
            (text(lang, "pipeline_title").to_string(), fiscal_year, panels)
        }
    };
    if panels.is_empty() {
        match spec.view {
            ViewKind::Component | ViewKind::Metric => notes.push(say(lang, "no_selection", &[&year.to_string()])),
            ViewKind::Trend => notes.push(text(lang, "no_figures").to_string()),
            ViewKind::Pipeline => {}
        }
    }
    for p in panels.iter_mut().filter(|p| p.bars.len() == 1) {
        let mut card = card(dataset, lang, &p.bars[0]);
        // A trend of one figure: its empty years are the rest of the view, so its sparkline shows them.
        card.all_years = spec.view == ViewKind::Trend;
        p.card = Some(card);
        p.bars[0].change = None;
        p.bars[0].emphasized = false;
    }
    let chart_has_bars = panels.iter().any(|p| p.card.is_none());
    if spec.scale == Scale::Log && chart_has_bars {
        notes.push(text(lang, "log_note").to_string());
    }
    Chart { title, subtitle, source_line: source_line(dataset, &panels, lang), panels, notes, lang }
}

/// A lone figure's card: the change from the fiscal year before, where both figures are exact
/// (the same measure is the same definition: a changed definition is a measure of its own), or
/// the reason there is none; and the measure's years for the sparkline.
fn card(dataset: &Dataset, lang: Lang, bar: &Bar) -> Card {
    let r = &dataset.records[bar.record];
    let index = dataset.index();
    let series = index.series(r.component, r.metric);
    let in_year = |y: u16| series.iter().copied().find(|&i| dataset.records[i].fiscal_year == y);
    let unit = dataset.kind_of(r).unit;
    let first = index.years.first().copied().unwrap_or(r.fiscal_year);
    let before = r.fiscal_year.checked_sub(1).filter(|&y| y >= first);
    let comparison = before.map(|y| {
        let year = y.to_string();
        let Some(p) = in_year(y).map(|i| &dataset.records[i]) else {
            return Comparison { text: say(lang, "no_previous", &[&year]), computed: false };
        };
        let mut then = match p.qualifier {
            Qualifier::Derived => say(lang, "derived_short", &[&in_unit(p.value, unit, false, lang)]),
            q => spoken(p.value, unit, q, lang),
        };
        // The name the source used that year, as the trend view's label gives it.
        if !p.reported_as.is_empty() {
            then = [then.as_str(), ", ", &say(lang, "reported_as", &[&p.reported_as])].concat();
        }
        // Why not, naming the year whose figure is not exact: this one first.
        let reason = match (r.qualifier, p.qualifier) {
            (Qualifier::Exact, Qualifier::Exact) if p.value > 0.0 => None,
            (Qualifier::Exact, Qualifier::Exact) => Some("reason_zero"),
            (Qualifier::AtLeast, _) => Some("reason_now_bound"),
            (Qualifier::Derived, _) => Some("reason_now_derived"),
            (Qualifier::Approximate, _) => Some("reason_now_approximate"),
            (_, Qualifier::AtLeast) => Some("reason_then_bound"),
            (_, Qualifier::Derived) => Some("reason_derived"),
            _ => Some("reason_approximate"),
        };
        if let Some(reason) = reason {
            return Comparison {
                text: say(lang, "not_compared", &[&year, &then, text(lang, reason)]),
                computed: false,
            };
        }
        // Rounded to a whole percent for the line only (a tenth below 1%); both figures stand beside
        // it as published. "Unchanged" only where the two figures are equal.
        let change = (r.value - p.value) / p.value * 100.0;
        let shown = if change.abs() >= 0.5 { change.abs().round() } else { (change.abs() * 10.0).round() / 10.0 };
        let amount = if shown == 0.0 {
            say(lang, "less_than", &[&in_unit(0.1, Unit::Percent, false, lang)])
        } else {
            in_unit(shown, Unit::Percent, false, lang)
        };
        let text = if r.value == p.value {
            say(lang, "change_none", &[&year, &then])
        } else {
            say(lang, if change > 0.0 { "change_up" } else { "change_down" }, &[&amount, &year, &then])
        };
        Comparison { text, computed: true }
    });
    let last = index.years.last().copied().unwrap_or(r.fiscal_year);
    let spark = (first..=last)
        .map(|year| SparkYear {
            year,
            figure: in_year(year).map(|i| (dataset.records[i].value, dataset.records[i].qualifier)),
            current: year == r.fiscal_year,
        })
        .collect();
    Card { comparison, spark, all_years: false, component: r.component, metric: r.metric }
}

fn source_line(dataset: &Dataset, panels: &[Panel], lang: Lang) -> String {
    let mut used: Vec<usize> = Vec::new();
    for b in panels.iter().flat_map(|p| &p.bars) {
        insert_sorted(&mut used, dataset.records[b.record].source);
    }
    if used.is_empty() {
        return String::new();
    }
    let names: Vec<String> = used
        .iter()
        .map(|&s| {
            let s = &dataset.sources[s];
            let date = if s.date.is_empty() { String::new() } else { [" (", &s.date, ")"].concat() };
            let secondary = if s.kind == SourceKind::Secondary {
                [" [", text(lang, "secondary_marker"), "]"].concat()
            } else {
                String::new()
            };
            [&s.publisher, ", \u{201c}", &s.title, "\u{201d}", &date, &secondary].concat()
        })
        .collect();
    say(lang, if names.len() == 1 { "source" } else { "sources" }, &[&names.join("; ")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::view::test_view as spec;

    #[test]
    fn component_view_keeps_kinds_apart() {
        let chart = select(&DATASET, &spec("component", "blue-campaign", "trainings"));
        let titles: Vec<&str> = chart.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Trainings", "People trained or reached", "Online resource clicks", "Outreach materials"]);
        // 3.7 million clicks never share an axis with 170 trainings.
        for panel in &chart.panels {
            let kinds: Vec<usize> =
                panel.bars.iter().map(|b| DATASET.metrics[DATASET.records[b.record].metric].kind).collect();
            assert!(kinds.windows(2).all(|w| w[0] == w[1]), "{}", panel.title);
        }
        assert_eq!(chart.bar_count(), 5);
        // A kind with one figure is a card; the two reach figures share one axis.
        let cards: Vec<bool> = chart.panels.iter().map(|p| p.card.is_some()).collect();
        assert_eq!(cards, [true, false, true, true]);
        assert!(chart.source_line.contains("Fiscal Year 2024 Annual Report"));
    }

    #[test]
    fn every_component_view_shows_all_its_records() {
        for (c, component) in DATASET.components.iter().enumerate() {
            let chart = select(&DATASET, &spec("component", &component.id, "arrests"));
            let expected = DATASET.records.iter().filter(|r| r.component == c && r.fiscal_year == 2024).count();
            assert_eq!(chart.bar_count(), expected, "{}", component.id);
            // USCG and USCIS have figures for earlier years only.
            assert!(expected > 0 || ["uscg", "uscis"].contains(&component.id.as_ref()));
        }
    }

    #[test]
    fn metric_view_compares_one_kind_across_components() {
        let chart = select(&DATASET, &spec("metric", "hsi", "arrests"));
        let labels: Vec<&str> = chart.panels[0].bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["DHS", "HSI"]);
        assert!(chart.panels[0].bars[1].emphasized);
        let reach = select(&DATASET, &spec("metric", "usss", "people-trained-bli"));
        assert_eq!(reach.bar_count(), 3);
        assert!(reach.panels[0].bars.iter().any(|b| b.label == "USSS: Stakeholders reached by presentations"));
    }

    #[test]
    fn pipeline_runs_investigations_to_convictions() {
        let chart = select(&DATASET, &spec("pipeline", "dhs", "arrests"));
        // Each stage counts something else: a card each, in process order, never one axis.
        assert!(chart.panels.iter().all(|p| p.card.is_some() && p.bars.len() == 1));
        let values: Vec<(f64, Qualifier)> =
            chart.panels.iter().flat_map(|p| &p.bars).map(|b| (b.value, b.qualifier)).collect();
        assert_eq!(
            values,
            [
                (1686.0, Qualifier::Exact),
                (2500.0, Qualifier::AtLeast),
                (914.0, Qualifier::Exact),
                (405.0, Qualifier::Exact)
            ]
        );
        assert!(chart.notes[0].contains("count different things"));
    }

    #[test]
    fn trend_view_spans_the_years_without_inventing_points() {
        let chart = select(&DATASET, &spec("trend", "hsi", "arrests"));
        let bars = &chart.panels[0].bars;
        // FY 2020 to 2024, as published (later years, when the data has them, follow).
        let values: Vec<f64> = bars.iter().map(|b| b.value).collect();
        assert_eq!(values[..5], [1746.0, 2360.0, 3655.0, 2610.0, 2545.0]);
        assert_eq!(bars[0].label, "FY 2020, reported as ICE (HSI)");
        // Exact consecutive years carry their change, as derived labels.
        assert_eq!(bars[1].change.as_deref(), Some("+35% since FY 2020"));
        assert_eq!(bars[3].change.as_deref(), Some("−29% since FY 2022"));
        assert!(chart.subtitle.starts_with("Fiscal years 2020–"), "{}", chart.subtitle);

        // Years with no figure are gaps, never zeros.
        let chart = select(&DATASET, &spec("trend", "blue-campaign", "trainings"));
        assert_eq!(chart.panels[0].bars.len(), 2);
        let gaps: Vec<&str> = chart.panels[0].gaps.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(gaps[..3], ["FY 2020", "FY 2021", "FY 2022"]);
        assert!(chart.summary(&DATASET).contains("No published figure for FY 2020, FY 2021, FY 2022"));
    }

    #[test]
    fn a_change_from_a_lower_bound_is_not_stated() {
        let chart = select(&DATASET, &spec("trend", "dhs", "indictments"));
        // 2022 and 2023 are "more than 1,000": no change label touches them.
        assert!(chart.panels[0].bars.iter().all(|b| b.change.is_none()));
        let chart = select(&DATASET, &spec("trend", "usss", "stakeholders-reached"));
        let derived = &chart.panels[0].bars[0];
        assert_eq!((derived.value, derived.qualifier), (44022.0, Qualifier::Derived));
        assert!(chart.panels[0].bars[1].change.is_none());
    }

    /// Every card in every view, with its record.
    fn every_card() -> Vec<(ViewSpec, Card, usize)> {
        let mut out = Vec::new();
        for spec in crate::view::every_view(&DATASET) {
            for p in select(&DATASET, &spec).panels {
                if let Some(card) = p.card {
                    out.push((spec, card, p.bars[0].record));
                }
            }
        }
        out
    }

    #[test]
    fn a_card_states_a_change_only_between_exact_figures_of_consecutive_years() {
        let mut computed = 0;
        for (spec, card, i) in every_card() {
            let r = &DATASET.records[i];
            // The year before, found in the records as they were loaded, not through the index.
            let before = DATASET
                .records
                .iter()
                .find(|p| p.component == r.component && p.metric == r.metric && p.fiscal_year + 1 == r.fiscal_year);
            let Some(comparison) = card.comparison else {
                assert_eq!(Some(r.fiscal_year), DATASET.index().years.first().copied(), "{}", spec.to_query(&DATASET));
                continue;
            };
            match before {
                Some(p) if p.qualifier == Qualifier::Exact && r.qualifier == Qualifier::Exact && p.value > 0.0 => {
                    let pct = ((r.value - p.value) / p.value * 100.0).abs();
                    assert!(comparison.computed, "{}", comparison.text);
                    let then = crate::text::with_separators(p.value, spec.lang);
                    assert!(comparison.text.contains(&[" (", &then].concat()), "{}", comparison.text);
                    if pct >= 0.5 {
                        let whole = crate::text::with_separators(pct.round(), spec.lang);
                        assert!(comparison.text.contains(&whole), "{}", comparison.text);
                    }
                    computed += 1;
                }
                // Never across a lower bound, a derived or an approximate figure, nor from nothing.
                _ => assert!(!comparison.computed, "{}", comparison.text),
            }
        }
        assert!(computed > 0);
    }

    #[test]
    fn cards_say_up_down_or_why_not_in_words() {
        let line = |component: &str, metric: &str| {
            let chart = select(&DATASET, &spec("pipeline", component, metric));
            let p =
                chart.panels.iter().find(|p| DATASET.metrics[DATASET.records[p.bars[0].record].metric].id == metric);
            p.and_then(|p| p.card.clone()).and_then(|c| c.comparison).map(|c| c.text)
        };
        assert_eq!(line("dhs", "convictions").as_deref(), Some("Down 22% from FY 2023 (519)"));
        assert_eq!(line("hsi", "investigations-initiated").as_deref(), Some("Up 32% from FY 2023 (1,282)"));
        assert_eq!(
            line("dhs", "arrests").as_deref(),
            Some("Not compared with FY 2023 (2,610): this year is a lower bound")
        );
        assert_eq!(
            line("dhs", "indictments").as_deref(),
            Some("Not compared with FY 2023 (more than 1,000): a lower bound")
        );
        let usss = select(&DATASET, &spec("component", "usss", "stakeholders-reached"));
        let texts: Vec<String> =
            usss.panels.iter().filter_map(|p| p.card.clone()?.comparison).map(|c| c.text).collect();
        assert!(texts.contains(&"No FY 2023 figure to compare with".to_string()), "{texts:?}");
        assert!(
            texts
                .contains(&"Not compared with FY 2023 (44,022, derived by us): this year is a lower bound".to_string()),
            "{texts:?}"
        );
    }

    #[test]
    #[cfg(feature = "spanish")]
    fn cards_speak_spanish_with_spanish_numbers() {
        let mut s = spec("pipeline", "dhs", "arrests");
        s.lang = Lang::Es;
        let texts: Vec<String> =
            select(&DATASET, &s).panels.iter().filter_map(|p| p.card.clone()?.comparison).map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "Aumento del 32 % respecto al AF 2023 (1.282)",
                "Sin comparar con el AF 2023 (2.610): este año es un mínimo",
                "Sin comparar con el AF 2023 (más de 1.000): un mínimo",
                "Descenso del 22 % respecto al AF 2023 (519)",
            ]
        );
    }

    #[test]
    fn a_small_change_is_never_called_unchanged_and_the_earlier_name_is_kept() {
        let card_of = |records: &str| {
            let d = arrests_over_the_years(records);
            let (spec, _) = ViewSpec::from_query(&d, "view=component&component=hsi");
            let chart = select(&d, &spec);
            chart.panels[0].card.as_ref().and_then(|c| c.comparison.clone()).map(|c| c.text)
        };
        let both = |then: &str, now: &str| {
            format!("2023,hsi,arrests,{then},exact,{then},r,,,,,\n2024,hsi,arrests,{now},exact,{now},r,,,,,\n")
        };
        assert_eq!(card_of(&both("1000", "1004")).as_deref(), Some("Up 0.4% from FY 2023 (1,000)"));
        assert_eq!(card_of(&both("100000", "100001")).as_deref(), Some("Up less than 0.1% from FY 2023 (100,000)"));
        assert_eq!(card_of(&both("1000", "1000")).as_deref(), Some("Unchanged from FY 2023 (1,000)"));
        assert_eq!(card_of(&both("1000", "994")).as_deref(), Some("Down 1% from FY 2023 (1,000)"));
        // HSI's FY 2021 arrests against FY 2020's, which ICE reported: the name goes with the figure.
        let mut s = spec("component", "hsi", "arrests");
        s.fiscal_year = 2021;
        let texts: Vec<String> =
            select(&DATASET, &s).panels.iter().filter_map(|p| p.card.clone()?.comparison).map(|c| c.text).collect();
        assert!(texts.contains(&"Up 35% from FY 2020 (1,746, reported as ICE (HSI))".to_string()), "{texts:?}");
    }

    #[test]
    fn a_trend_of_one_figure_is_a_card_that_keeps_its_empty_years() {
        let chart = select(&DATASET, &spec("trend", "hsi", "convictions"));
        let card = chart.panels[0].card.as_ref().unwrap();
        assert!(card.all_years);
        assert_eq!(card.spark.iter().filter(|y| y.year <= 2024 && y.figure.is_none()).count(), 4);
        // Said in words too: the description names the figure and its line about the year before.
        let d = chart.description(&DATASET);
        assert!(d.contains("639 (No FY 2021 figure to compare with)"), "{d}");
    }

    #[test]
    fn a_sparkline_keeps_every_year_and_its_gaps() {
        let chart = select(&DATASET, &spec("pipeline", "dhs", "arrests"));
        let convictions = chart.panels[3].card.as_ref().unwrap();
        let years: Vec<(u16, Option<f64>, bool)> = convictions
            .spark
            .iter()
            .filter(|y| y.year <= 2024)
            .map(|y| (y.year, y.figure.map(|f| f.0), y.current))
            .collect();
        assert_eq!(
            years,
            [
                (2020, None, false),
                (2021, None, false),
                (2022, None, false),
                (2023, Some(519.0), false),
                (2024, Some(405.0), true)
            ]
        );
        // An empty year's pipeline says why in one sentence, not four empty stages.
        let mut s = spec("pipeline", "dhs", "arrests");
        s.fiscal_year = 2020;
        let empty = select(&DATASET, &s);
        assert!(empty.panels.is_empty());
        assert_eq!(
            empty.notes,
            ["No stage of the pipeline has a published figure for fiscal year 2020: choose another year."]
        );
    }

    #[test]
    fn derived_records_name_their_inputs() {
        for r in DATASET.records.iter().filter(|r| r.qualifier == Qualifier::Derived) {
            assert_eq!(r.derived_from.len(), 2, "line {}", r.line);
            assert!(!r.note.is_empty(), "line {}: a derived record explains itself", r.line);
            let a = &DATASET.records[r.derived_from[0]];
            let b = &DATASET.records[r.derived_from[1]];
            assert!((a.value / (1.0 + b.value / 100.0) - r.value).abs() <= 0.5);
        }
    }

    #[test]
    fn a_change_of_definition_carries_a_note() {
        let chart = select(&DATASET, &spec("trend", "dhs", "victims-assisted"));
        assert!(chart.notes.iter().any(|n| n.contains("“identified and assisted”")), "{:?}", chart.notes);
        let values: Vec<f64> = chart.panels[0].bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [765.0, 731.0, 800.0]);
    }

    #[test]
    #[cfg(feature = "spanish")]
    fn spanish_changes_every_word_and_number_format() {
        let mut s = spec("component", "dhs", "arrests");
        s.lang = Lang::Es;
        let chart = select(&DATASET, &s);
        assert_eq!(chart.title, "Todo el DHS");
        assert_eq!(chart.subtitle, "Año fiscal 2024");
        let d = chart.description(&DATASET);
        assert!(d.starts_with("Gráfico."), "{d}");
        assert!(d.contains("Víctimas asistidas: más de 800"), "{d}");
        assert!(d.contains("más de 24.000"), "{d}");
        assert!(chart.source_line.starts_with("Fuente: "));
        let (spec_es, errors) = ViewSpec::from_query(&DATASET, "lang=es&component=fbi");
        assert_eq!(spec_es.lang, Lang::Es);
        assert!(errors[0].message(Lang::Es).contains("component desconocido"), "{}", errors[0].message(Lang::Es));
    }

    /// A small dataset of HSI arrests over three years, loaded as the checker loads the real one.
    fn arrests_over_the_years(records: &str) -> Dataset {
        let header = "fiscal_year,component,metric,value,qualifier,as_written,source,source_sentence,reported_as,note,note_es,derived_from\n";
        ccht_data::load(&ccht_data::DataFiles::in_order([
            ("components.csv", "id,name,short_name,name_es,short_name_es\ndhs,DHS-wide,DHS,Todo el DHS,DHS\nhsi,Homeland Security Investigations,HSI,HSI,HSI\n"),
            ("kinds.csv", "id,name,unit,noun,name_es,noun_es\narrests,Arrests,count,arrests,Arrestos,arrestos\n"),
            ("metrics.csv", "id,name,kind,name_es,note,note_es\narrests,Arrests,arrests,Arrestos,,\n"),
            ("sources.csv", "id,title,publisher,date,url,url_note,url_note_es,kind\nr,Release,DHS,2025-08-14,https://example.org/r,,,primary\n"),
            ("records.csv", &format!("{header}{records}")),
            ("pipeline.csv", "stage,component,metric\n1,dhs,arrests\n"),
        ]))
        .unwrap()
    }

    #[test]
    fn changes_are_signed_and_never_from_zero() {
        let d = arrests_over_the_years("2022,hsi,arrests,0,exact,0,r,,,,,\n2023,hsi,arrests,10,exact,10,r,,,,,\n2024,hsi,arrests,10,exact,10,r,,,,,\n");
        let (spec, errors) = ViewSpec::from_query(&d, "view=trend&component=hsi&metric=arrests");
        assert!(errors.is_empty());
        let changes: Vec<Option<String>> = select(&d, &spec).panels[0].bars.iter().map(|b| b.change.clone()).collect();
        assert_eq!(changes, [None, None, Some("±0% since FY 2023".to_string())]);
        let d = arrests_over_the_years("2023,hsi,arrests,10,exact,10,r,,,,,\n2024,hsi,arrests,5,exact,5,r,,,,,\n");
        let changes: Vec<Option<String>> = select(&d, &spec).panels[0].bars.iter().map(|b| b.change.clone()).collect();
        assert_eq!(changes, [None, Some("−50% since FY 2023".to_string())]);
    }

    #[test]
    fn year_labels_name_the_source_only_where_it_differs() {
        let labels: Vec<String> =
            select(&DATASET, &spec("trend", "hsi", "arrests")).panels[0].bars.iter().map(|b| b.label.clone()).collect();
        assert_eq!(labels, ["FY 2020, reported as ICE (HSI)", "FY 2021", "FY 2022", "FY 2023", "FY 2024"]);
    }

    #[test]
    fn the_metric_view_emphasises_the_chosen_component_and_metric_only() {
        let mut several = 0;
        for c in DATASET.components.iter() {
            for m in DATASET.metrics.iter() {
                let Ok(spec) = crate::view::test_default()
                    .with_option(&DATASET, "view", "metric")
                    .and_then(|s| s.with_option(&DATASET, "component", &c.id))
                    .and_then(|s| s.with_option(&DATASET, "metric", &m.id))
                else {
                    continue;
                };
                let chart = select(&DATASET, &spec);
                // A card stands alone: nothing beside it to be emphasised against.
                let bars: Vec<&Bar> = chart.panels.iter().filter(|p| p.card.is_none()).flat_map(|p| &p.bars).collect();
                let chosen = |b: &Bar| {
                    DATASET.records[b.record].component == spec.component
                        && DATASET.records[b.record].metric == spec.metric
                };
                assert!(bars.iter().all(|b| b.emphasized == chosen(b)), "{} {}", c.id, m.id);
                several += usize::from(bars.iter().any(|b| b.label.contains(": ")));
            }
        }
        assert!(several > 0, "some metric view mixes metrics of one kind");
    }
}
