//! View selection: which records a chart shows, grouped so that no axis mixes kinds.
//!
//! A [`ViewSpec`] is what the reader chose (view, component, metric, fiscal year); [`select`] turns it
//! into a [`Chart`]: titled panels of bars, each bar pointing back at its record.

use crate::dataset::{Dataset, Qualifier, Unit};
use crate::number_format::spoken;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// Every figure of one component, one panel per kind.
    Component,
    /// One kind of figure across components.
    Metric,
    /// Investigations → arrests → indictments → convictions.
    Pipeline,
}

impl ViewKind {
    pub const ALL: [ViewKind; 3] = [ViewKind::Component, ViewKind::Metric, ViewKind::Pipeline];

    pub fn id(self) -> &'static str {
        match self {
            ViewKind::Component => "component",
            ViewKind::Metric => "metric",
            ViewKind::Pipeline => "pipeline",
        }
    }

    pub fn parse(s: &str) -> Option<ViewKind> {
        ViewKind::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// What the reader chose. Indices point into the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewSpec {
    pub view: ViewKind,
    pub component: usize,
    pub metric: usize,
    pub fiscal_year: u16,
}

/// A rejected option, naming the field so the message can say which one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// The option names a view accepts, in the order the shell shows them.
pub const OPTION_NAMES: [&str; 4] = ["view", "component", "metric", "fy"];

impl ViewSpec {
    /// The first view a reader sees: DHS-wide figures of the newest year.
    pub fn default_for(dataset: &Dataset) -> ViewSpec {
        ViewSpec {
            view: ViewKind::Component,
            component: dataset.component_index("dhs").unwrap_or(0),
            metric: dataset.metric_index("arrests").unwrap_or(0),
            fiscal_year: dataset.latest_year().unwrap_or(0),
        }
    }

    /// Sets one option from its text form, as URLs and JS objects give it.
    pub fn with_option(self, dataset: &Dataset, name: &str, value: &str) -> Result<ViewSpec, OptionError> {
        let error = |message: String| OptionError { field: name.to_string(), message };
        let one_of = |ids: Vec<&str>| ids.join(", ");
        let mut next = self;
        match name {
            "view" => {
                next.view = ViewKind::parse(value).ok_or_else(|| {
                    error(format!("unknown view {value:?}; expected one of {}", one_of(ViewKind::ALL.iter().map(|v| v.id()).collect())))
                })?
            }
            "component" => {
                next.component = dataset.component_index(value).ok_or_else(|| {
                    error(format!("unknown component {value:?}; expected one of {}", one_of(dataset.components.iter().map(|c| c.id.as_ref()).collect())))
                })?
            }
            "metric" => {
                next.metric = dataset.metric_index(value).ok_or_else(|| {
                    error(format!("unknown metric {value:?}; expected one of {}", one_of(dataset.metrics.iter().map(|m| m.id.as_ref()).collect())))
                })?
            }
            "fy" => {
                let years = fiscal_years(dataset);
                next.fiscal_year = value
                    .trim_start_matches("FY")
                    .parse()
                    .ok()
                    .filter(|y| years.contains(y))
                    .ok_or_else(|| {
                        let list: Vec<String> = years.iter().map(|y| y.to_string()).collect();
                        error(format!("no figures for fiscal year {value:?}; expected one of {}", list.join(", ")))
                    })?
            }
            _ => {
                return Err(OptionError {
                    field: name.to_string(),
                    message: format!("unknown option; the options are {}", OPTION_NAMES.join(", ")),
                })
            }
        }
        Ok(next.settled(dataset))
    }

    /// Keeps the choice coherent: the component view emphasises one of the component's own
    /// measures, so a measure the component lacks gives way to its first one.
    fn settled(self, dataset: &Dataset) -> ViewSpec {
        if self.view != ViewKind::Component {
            return self;
        }
        let has = |metric: usize| {
            dataset.records.iter().any(|r| r.component == self.component && r.metric == metric && r.fiscal_year == self.fiscal_year)
        };
        if has(self.metric) {
            return self;
        }
        let first = (0..dataset.metrics.len()).find(|&m| has(m));
        ViewSpec { metric: first.unwrap_or(self.metric), ..self }
    }
}

/// Query parameters the shell reads itself; the view ignores them without complaint.
pub const SHELL_PARAMETERS: [&str; 2] = ["embed", "lang"];

impl ViewSpec {
    /// Reads a URL query (`?view=metric&metric=arrests`). Each bad or unknown parameter is skipped
    /// and reported, so a reader still gets the rest of the view they were sent.
    pub fn from_query(dataset: &Dataset, query: &str) -> (ViewSpec, Vec<OptionError>) {
        let mut spec = ViewSpec::default_for(dataset);
        let mut errors = Vec::new();
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        // The view first, so that a component or metric is settled against the right view.
        for name in OPTION_NAMES {
            for (_, value) in pairs.iter().filter(|(k, _)| k == name) {
                match spec.with_option(dataset, name, value) {
                    Ok(next) => spec = next,
                    Err(e) => errors.push(e),
                }
            }
        }
        for (name, _) in &pairs {
            if !OPTION_NAMES.contains(&name.as_str()) && !SHELL_PARAMETERS.contains(&name.as_str()) {
                errors.push(OptionError { field: name.clone(), message: "unknown parameter; it was ignored".into() });
            }
        }
        (spec, errors)
    }

    /// The query that reopens this view; default values are left out to keep links short.
    pub fn to_query(&self, dataset: &Dataset) -> String {
        let default = ViewSpec::default_for(dataset);
        let mut parts = Vec::new();
        if self.view != default.view {
            parts.push(format!("view={}", self.view.id()));
        }
        if self.view != ViewKind::Pipeline {
            parts.push(format!("component={}", dataset.components[self.component].id));
            parts.push(format!("metric={}", dataset.metrics[self.metric].id));
        }
        if self.fiscal_year != default.fiscal_year {
            parts.push(format!("fy={}", self.fiscal_year));
        }
        parts.join("&")
    }
}

/// `%3C` → `<`, `+` → space; malformed escapes stay as written. Invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fiscal years that have records, oldest first.
pub fn fiscal_years(dataset: &Dataset) -> Vec<u16> {
    let mut years: Vec<u16> = dataset.records.iter().map(|r| r.fiscal_year).collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// One bar: a record and the words that name it in this chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub record: usize,
    pub label: String,
    pub value: f64,
    pub qualifier: Qualifier,
    /// The reader's current component or metric: drawn with a bold label.
    pub emphasized: bool,
}

/// Bars that share one axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: String,
    pub unit: Unit,
    /// What the axis counts ("people").
    pub noun: String,
    pub bars: Vec<Bar>,
}

/// Everything a chart says, before any geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    pub subtitle: String,
    pub panels: Vec<Panel>,
    /// A caution printed under the bars (e.g. the pipeline's stages count different things).
    pub notes: Vec<String>,
    /// "Source: …", naming every source of a figure shown.
    pub source_line: String,
}

impl Chart {
    pub fn bar_count(&self) -> usize {
        self.panels.iter().map(|p| p.bars.len()).sum()
    }

    /// One sentence per panel, for the canvas's `aria-label`: what the chart shows, with every value.
    pub fn description(&self, dataset: &Dataset) -> String {
        let mut text = format!("Bar chart. {}, {}.", self.title, self.subtitle);
        if self.panels.is_empty() {
            text.push_str(" No figures were published for this selection.");
        }
        for panel in &self.panels {
            let items: Vec<String> = panel
                .bars
                .iter()
                .map(|b| format!("{}: {}", b.label, spoken(b.value, dataset.kind_of(&dataset.records[b.record]).unit, b.qualifier)))
                .collect();
            text.push_str(&format!(" {}: {}.", panel.title, items.join("; ")));
        }
        text
    }
}

impl Chart {
    /// A plain-language reading of the chart for `aria-describedby`: per panel the largest and
    /// smallest figures, then how many are lower bounds or derived.
    pub fn summary(&self, dataset: &Dataset) -> String {
        let say = |b: &Bar| spoken(b.value, dataset.kind_of(&dataset.records[b.record]).unit, b.qualifier);
        let mut parts = Vec::new();
        let count = self.bar_count();
        if count == 0 {
            return format!("{}, {}: no published figures for this selection.", self.title, self.subtitle);
        }
        parts.push(format!("{}, {}: {count} figure{}.", self.title, self.subtitle, if count == 1 { "" } else { "s" }));
        for panel in &self.panels {
            let (Some(max), Some(min)) = (
                panel.bars.iter().max_by(|a, b| a.value.total_cmp(&b.value)),
                panel.bars.iter().min_by(|a, b| a.value.total_cmp(&b.value)),
            ) else {
                continue;
            };
            if panel.bars.len() == 1 {
                parts.push(format!("{}: {}.", max.label, say(max)));
            } else {
                parts.push(format!("{}: the largest is {}, {}; the smallest is {}, {}.", panel.title, max.label, say(max), min.label, say(min)));
            }
        }
        let bounds = self.panels.iter().flat_map(|p| &p.bars).filter(|b| b.qualifier == Qualifier::AtLeast).count();
        if bounds > 0 {
            parts.push(format!(
                "{bounds} of the {count} figures {} lower bounds: the source says \u{201c}more than\u{201d}, so the true value is higher.",
                if bounds == 1 { "is a" } else { "are" }
            ));
        }
        let derived = self.panels.iter().flat_map(|p| &p.bars).filter(|b| b.qualifier == Qualifier::Derived).count();
        if derived > 0 {
            parts.push(format!("{derived} figure{} derived by us from other figures, not stated by the source.", if derived == 1 { " is" } else { "s are" }));
        }
        parts.join(" ")
    }
}

/// Chooses the records for a view and groups them into panels.
pub fn select(dataset: &Dataset, spec: &ViewSpec) -> Chart {
    let year = spec.fiscal_year;
    let in_year = |i: &usize| dataset.records[*i].fiscal_year == year;
    let component = &dataset.components[spec.component];
    let metric = &dataset.metrics[spec.metric];
    let kind = &dataset.kinds[metric.kind];
    let bar = |record: usize, label: String, emphasized: bool| {
        let r = &dataset.records[record];
        Bar { record, label, value: r.value, qualifier: r.qualifier, emphasized }
    };
    let (title, panels, notes) = match spec.view {
        ViewKind::Component => {
            let mine: Vec<usize> = (0..dataset.records.len()).filter(in_year).filter(|&i| dataset.records[i].component == spec.component).collect();
            // Panels in the order kinds are listed in kinds.csv, bars in metrics.csv order.
            let mut panels = Vec::new();
            for (k, kind) in dataset.kinds.iter().enumerate() {
                let mut ids: Vec<usize> = mine.iter().copied().filter(|&i| dataset.metrics[dataset.records[i].metric].kind == k).collect();
                ids.sort_by_key(|&i| dataset.records[i].metric);
                if ids.is_empty() {
                    continue;
                }
                let bars = ids
                    .into_iter()
                    .map(|i| bar(i, dataset.metrics[dataset.records[i].metric].name.to_string(), dataset.records[i].metric == spec.metric))
                    .collect();
                panels.push(Panel { title: kind.name.to_string(), unit: kind.unit, noun: kind.noun.to_string(), bars });
            }
            (component.name.to_string(), panels, Vec::new())
        }
        ViewKind::Metric => {
            let mut ids: Vec<usize> =
                (0..dataset.records.len()).filter(in_year).filter(|&i| dataset.metrics[dataset.records[i].metric].kind == metric.kind).collect();
            ids.sort_by_key(|&i| (dataset.records[i].component, dataset.records[i].metric));
            let several_metrics = ids.windows(2).any(|w| dataset.records[w[0]].metric != dataset.records[w[1]].metric);
            let bars: Vec<Bar> = ids
                .into_iter()
                .map(|i| {
                    let r = &dataset.records[i];
                    let who = &dataset.components[r.component].short_name;
                    let label = if several_metrics { format!("{who}: {}", dataset.metrics[r.metric].name) } else { who.to_string() };
                    bar(i, label, r.component == spec.component && r.metric == spec.metric)
                })
                .collect();
            let panels = if bars.is_empty() {
                Vec::new()
            } else {
                vec![Panel { title: kind.name.to_string(), unit: kind.unit, noun: kind.noun.to_string(), bars }]
            };
            (format!("{} across DHS components", kind.name), panels, Vec::new())
        }
        ViewKind::Pipeline => {
            let mut bars = Vec::new();
            let mut missing = Vec::new();
            for (n, stage) in dataset.pipeline.iter().enumerate() {
                let found = (0..dataset.records.len())
                    .filter(in_year)
                    .find(|&i| dataset.records[i].component == stage.component && dataset.records[i].metric == stage.metric);
                let name = format!("{}. {} ({})", n + 1, dataset.metrics[stage.metric].name, dataset.components[stage.component].short_name);
                match found {
                    Some(i) => bars.push(bar(i, name, false)),
                    None => missing.push(format!("No published figure for {name}.")),
                }
            }
            let mut notes = vec!["Stages count different things: one investigation can lead to several arrests, so a later stage can exceed an earlier one.".to_string()];
            notes.extend(missing);
            let panels = if bars.is_empty() {
                Vec::new()
            } else {
                vec![Panel { title: "Enforcement pipeline".into(), unit: Unit::Count, noun: "cases, people or charges, by stage".into(), bars }]
            };
            ("From investigation to conviction".to_string(), panels, notes)
        }
    };
    let mut notes = notes;
    if panels.is_empty() && spec.view != ViewKind::Pipeline {
        notes.push(format!("No published figure for this selection in FY {year}."));
    }
    let unit_words = if spec.view == ViewKind::Metric { format!(" · {}", kind.noun) } else { String::new() };
    Chart {
        title,
        subtitle: format!("Fiscal year {year}{unit_words}"),
        source_line: source_line(dataset, &panels),
        panels,
        notes,
    }
}

fn source_line(dataset: &Dataset, panels: &[Panel]) -> String {
    let mut used: Vec<usize> = panels.iter().flat_map(|p| p.bars.iter().map(|b| dataset.records[b.record].source)).collect();
    used.sort_unstable();
    used.dedup();
    if used.is_empty() {
        return String::new();
    }
    let names: Vec<String> = used
        .iter()
        .map(|&s| {
            let s = &dataset.sources[s];
            format!("{}, \u{201c}{}\u{201d} ({})", s.publisher, s.title, s.date)
        })
        .collect();
    format!("Source: {}", names.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::DATASET;

    fn spec(view: &str, component: &str, metric: &str) -> ViewSpec {
        ViewSpec::default_for(&DATASET)
            .with_option(&DATASET, "view", view)
            .and_then(|s| s.with_option(&DATASET, "component", component))
            .and_then(|s| s.with_option(&DATASET, "metric", metric))
            .unwrap()
    }

    #[test]
    fn component_view_keeps_kinds_apart() {
        let chart = select(&DATASET, &spec("component", "blue-campaign", "trainings"));
        let titles: Vec<&str> = chart.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Trainings", "People trained or reached", "Online resource clicks", "Outreach materials"]);
        // 3.7 million clicks never share an axis with 170 trainings.
        for panel in &chart.panels {
            let kinds: Vec<usize> = panel.bars.iter().map(|b| DATASET.metrics[DATASET.records[b.record].metric].kind).collect();
            assert!(kinds.windows(2).all(|w| w[0] == w[1]), "{}", panel.title);
        }
        assert_eq!(chart.bar_count(), 5);
        assert!(chart.panels[0].bars[0].emphasized);
        assert!(chart.source_line.contains("Fiscal Year 2024 Annual Report"));
    }

    #[test]
    fn every_component_view_shows_all_its_records() {
        for (c, component) in DATASET.components.iter().enumerate() {
            let chart = select(&DATASET, &spec("component", &component.id, "arrests"));
            let expected = DATASET.records.iter().filter(|r| r.component == c).count();
            assert_eq!(chart.bar_count(), expected, "{}", component.id);
            assert!(expected > 0);
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
        let values: Vec<(f64, Qualifier)> = chart.panels[0].bars.iter().map(|b| (b.value, b.qualifier)).collect();
        assert_eq!(values, [(1686.0, Qualifier::Exact), (2500.0, Qualifier::AtLeast), (914.0, Qualifier::Exact), (405.0, Qualifier::Exact)]);
        assert!(chart.notes[0].contains("count different things"));
    }

    #[test]
    fn the_component_view_keeps_a_measure_the_component_has() {
        let s = spec("component", "ccht", "arrests");
        assert_eq!(DATASET.metrics[s.metric].id, "investigations-supported");
        // The metric view compares across components, so it keeps the reader's measure.
        let s = spec("metric", "ccht", "arrests");
        assert_eq!(DATASET.metrics[s.metric].id, "arrests");
    }

    #[test]
    fn options_are_checked_and_named() {
        let base = ViewSpec::default_for(&DATASET);
        let e = base.with_option(&DATASET, "component", "fbi").unwrap_err();
        assert_eq!(e.field, "component");
        assert!(e.message.contains("dhs, hsi"));
        assert_eq!(base.with_option(&DATASET, "colour", "red").unwrap_err().field, "colour");
        assert!(base.with_option(&DATASET, "fy", "1999").is_err());
        assert_eq!(base.with_option(&DATASET, "fy", "FY2024").unwrap().fiscal_year, 2024);
    }

    #[test]
    fn queries_open_views_and_report_bad_parameters() {
        let (s, errors) = ViewSpec::from_query(&DATASET, "?view=metric&metric=people-reached&embed=1");
        assert!(errors.is_empty());
        assert_eq!((s.view, DATASET.metrics[s.metric].id.as_ref()), (ViewKind::Metric, "people-reached"));
        let (s, errors) = ViewSpec::from_query(&DATASET, "component=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&metric=arrests&x=1");
        assert_eq!(s.component, ViewSpec::default_for(&DATASET).component);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["component", "x"]);
        assert!(errors[0].message.contains("<img src=x onerror=alert(1)>"));
        // A view's query reopens the same view.
        let spec = spec("component", "usss", "presentations");
        assert_eq!(ViewSpec::from_query(&DATASET, &spec.to_query(&DATASET)), (spec, vec![]));
        assert_eq!(spec.to_query(&DATASET), "component=usss&metric=presentations");
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E2%80%94"), "\u{2014}");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn summary_names_extremes_and_bounds() {
        let text = select(&DATASET, &spec("metric", "usss", "stakeholders-reached")).summary(&DATASET);
        assert!(text.contains("the largest is Blue Campaign: People trained through Blue Lightning Initiative partnerships, more than 280,000"), "{text}");
        assert!(text.contains("the smallest is Blue Campaign: People reached by trainings, more than 23,000"), "{text}");
        assert!(text.contains("3 of the 3 figures are lower bounds"), "{text}");
        let text = select(&DATASET, &spec("component", "cbp", "shipments-stopped")).summary(&DATASET);
        assert!(text.contains("Shipments stopped under Withhold Release Orders: 231."), "{text}");
        assert!(text.contains("1 of the 2 figures is a lower bound"), "{text}");
    }

    #[test]
    fn description_speaks_every_value_with_its_qualifier() {
        let text = select(&DATASET, &spec("component", "dhs", "arrests")).description(&DATASET);
        assert!(text.contains("Victims assisted: more than 800"), "{text}");
        assert!(text.contains("Indictments supported: 914"), "{text}");
    }
}
