//! View selection: which records a chart shows, grouped so that no axis mixes kinds.
//!
//! A [`ViewSpec`] is what the reader chose (view, component, metric, fiscal year, scale,
//! language); [`select`] turns it into a [`Chart`]: titled panels of bars, each bar pointing back
//! at its record, with every word in the reader's language.

use crate::dataset::{Dataset, Qualifier, SourceKind, Unit};
use crate::i18n::{say, text, Lang};
use crate::index::{insert_sorted, sort_ids_by};
use crate::number_format::spoken;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// Every figure of one component, one panel per kind.
    Component,
    /// One kind of figure across components.
    Metric,
    /// One metric of one component across fiscal years.
    Trend,
    /// Investigations → arrests → indictments → convictions.
    Pipeline,
}

impl ViewKind {
    pub const ALL: [ViewKind; 4] = [ViewKind::Component, ViewKind::Metric, ViewKind::Trend, ViewKind::Pipeline];

    pub fn id(self) -> &'static str {
        match self {
            ViewKind::Component => "component",
            ViewKind::Metric => "metric",
            ViewKind::Trend => "trend",
            ViewKind::Pipeline => "pipeline",
        }
    }

    pub fn parse(s: &str) -> Option<ViewKind> {
        ViewKind::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// How values map to bar length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// Powers of ten equally spaced, for views spanning orders of magnitude.
    Log,
}

impl Scale {
    pub fn id(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }
}

/// What the reader chose. Indices point into the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewSpec {
    pub view: ViewKind,
    pub component: usize,
    pub metric: usize,
    pub fiscal_year: u16,
    pub scale: Scale,
    pub lang: Lang,
}

/// What was wrong with an option, so the message can be said in either language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An unknown view, component, metric, scale or language: (what, the value, the choices).
    UnknownValue(&'static str, String, String),
    UnknownYear(String, String),
    UnknownOption,
    UnknownParameter,
}

/// A rejected option, naming the field so the message can say which one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub field: String,
    pub problem: Problem,
}

/// A reader's text, in quotes, for a message: `"fbi"`. Control characters are dropped; not `{:?}`,
/// whose escaping tables would add kilobytes to the Wasm.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    out.extend(value.chars().filter(|c| !c.is_control()));
    out.push('"');
    out
}

impl OptionError {
    pub fn message(&self, lang: Lang) -> String {
        let detail = match &self.problem {
            Problem::UnknownValue(what, value, choices) => {
                say(lang, "err_unknown_value", &[what, &quoted(value), choices])
            }
            Problem::UnknownYear(value, years) => say(lang, "err_unknown_fy", &[&quoted(value), years]),
            Problem::UnknownOption => say(lang, "err_unknown_option", &[&OPTION_NAMES.join(", ")]),
            Problem::UnknownParameter => text(lang, "err_unknown_parameter").to_string(),
        };
        [self.field.as_str(), ": ", &detail].concat()
    }
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The option names a view accepts, in the order they are applied: the year before the component
/// and metric, so a measure is settled against the year the link names.
pub const OPTION_NAMES: [&str; 6] = ["lang", "view", "fy", "component", "metric", "scale"];

/// Query parameters the shell reads itself; the view ignores them without complaint.
pub const SHELL_PARAMETERS: [&str; 1] = ["embed"];

impl ViewSpec {
    /// The first view a reader sees: DHS-wide figures of the newest year, in English.
    pub fn default_for(dataset: &Dataset) -> ViewSpec {
        ViewSpec {
            view: ViewKind::Component,
            component: dataset.component_index("dhs").unwrap_or(0),
            metric: dataset.metric_index("arrests").unwrap_or(0),
            fiscal_year: dataset.latest_year().unwrap_or(0),
            scale: Scale::Linear,
            lang: Lang::En,
        }
    }

    /// Sets one option from its text form, as URLs and JS objects give it.
    pub fn with_option(self, dataset: &Dataset, name: &str, value: &str) -> Result<ViewSpec, OptionError> {
        let unknown = |what: &'static str, choices: Vec<&str>| OptionError {
            field: name.to_string(),
            problem: Problem::UnknownValue(what, value.to_string(), choices.join(", ")),
        };
        let mut next = self;
        match name {
            "view" => {
                next.view = ViewKind::parse(value)
                    .ok_or_else(|| unknown("view", ViewKind::ALL.iter().map(|v| v.id()).collect()))?
            }
            "component" => {
                next.component = dataset
                    .component_index(value)
                    .ok_or_else(|| unknown("component", dataset.components.iter().map(|c| c.id.as_ref()).collect()))?
            }
            "metric" => {
                next.metric = dataset
                    .metric_index(value)
                    .ok_or_else(|| unknown("metric", dataset.metrics.iter().map(|m| m.id.as_ref()).collect()))?
            }
            "fy" => {
                let years = fiscal_years(dataset);
                next.fiscal_year =
                    value.strip_prefix("FY").unwrap_or(value).parse().ok().filter(|y| years.contains(y)).ok_or_else(
                        || {
                            let list: Vec<String> = years.iter().map(|y| y.to_string()).collect();
                            OptionError {
                                field: name.to_string(),
                                problem: Problem::UnknownYear(value.to_string(), list.join(", ")),
                            }
                        },
                    )?
            }
            "scale" => {
                next.scale = match value {
                    "linear" => Scale::Linear,
                    "log" => Scale::Log,
                    _ => return Err(unknown("scale", vec!["linear", "log"])),
                }
            }
            "lang" => {
                next.lang =
                    Lang::parse(value).ok_or_else(|| unknown("lang", Lang::ALL.iter().map(|l| l.id()).collect()))?
            }
            _ => return Err(OptionError { field: name.to_string(), problem: Problem::UnknownOption }),
        }
        Ok(next.settled(dataset))
    }

    /// Keeps the choice coherent: the component and trend views show one of the component's own
    /// measures, so a measure the component lacks gives way to its first one.
    fn settled(self, dataset: &Dataset) -> ViewSpec {
        if !matches!(self.view, ViewKind::Component | ViewKind::Trend) {
            return self;
        }
        let offered = self.offered_metrics(dataset);
        if offered.contains(&self.metric) {
            return self;
        }
        ViewSpec { metric: offered.first().copied().unwrap_or(self.metric), ..self }
    }

    /// The measures this view can show, in metrics.csv order: the component's that year (component
    /// view), the component's in any year (trend), those with a figure that year (metric view), all
    /// (pipeline). The measure menu offers these, and the choice settles on one of them.
    pub fn offered_metrics(&self, dataset: &Dataset) -> Vec<usize> {
        let index = dataset.index();
        match self.view {
            ViewKind::Component => {
                let mut offered = Vec::new();
                for &i in index.component_year(self.component, self.fiscal_year) {
                    insert_sorted(&mut offered, dataset.records[i].metric);
                }
                offered
            }
            ViewKind::Trend => index.metrics_of(self.component).to_vec(),
            ViewKind::Metric => {
                (0..dataset.metrics.len()).filter(|&m| index.years_of_metric(m).contains(&self.fiscal_year)).collect()
            }
            ViewKind::Pipeline => (0..dataset.metrics.len()).collect(),
        }
    }

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
        // In OPTION_NAMES order, so a component or metric is settled against the right view and year.
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
                errors.push(OptionError { field: name.clone(), problem: Problem::UnknownParameter });
            }
        }
        (spec, errors)
    }

    /// The query that reopens this view; default values are left out to keep links short.
    pub fn to_query(&self, dataset: &Dataset) -> String {
        let default = ViewSpec::default_for(dataset);
        let mut parts = Vec::new();
        if self.view != default.view {
            parts.push(["view=", self.view.id()].concat());
        }
        if self.view != ViewKind::Pipeline {
            parts.push(["component=", &dataset.components[self.component].id].concat());
            parts.push(["metric=", &dataset.metrics[self.metric].id].concat());
        }
        if self.fiscal_year != default.fiscal_year {
            parts.push(["fy=", &self.fiscal_year.to_string()].concat());
        }
        if self.scale != default.scale {
            parts.push(["scale=", self.scale.id()].concat());
        }
        if self.lang != default.lang {
            parts.push(["lang=", self.lang.id()].concat());
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
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fiscal years that have records, oldest first.
pub fn fiscal_years(dataset: &Dataset) -> Vec<u16> {
    dataset.index().years.clone()
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

/// Bars that share one axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: String,
    pub unit: Unit,
    /// What the axis counts ("people").
    pub noun: String,
    pub bars: Vec<Bar>,
    pub gaps: Vec<Gap>,
    pub scale: Scale,
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
    pub fn bar_count(&self) -> usize {
        self.panels.iter().map(|p| p.bars.len()).sum()
    }

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
            let mut items: Vec<String> = panel
                .bars
                .iter()
                .map(|b| match &b.change {
                    Some(change) => [&b.label, " (", change, "): ", &self.spoken(dataset, b)].concat(),
                    None => [&b.label, ": ", &self.spoken(dataset, b)].concat(),
                })
                .collect();
            items.extend(panel.gaps.iter().map(|g| [&g.label, ": ", text(self.lang, "no_published_figure")].concat()));
            out.push_str(&[" ", &panel.title, ": ", &items.join("; "), "."].concat());
        }
        out
    }

    /// Whether a logarithmic scale would help: some panel spans an order of magnitude or more.
    pub fn spans_magnitudes(&self) -> bool {
        self.panels.iter().any(|p| {
            let positive = p.bars.iter().map(|b| b.value).filter(|v| *v > 0.0);
            let (min, max) = positive.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
            max > 0.0 && max / min >= 10.0
        })
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
    };
    let fiscal_year = say(lang, "fiscal_year", &[&year.to_string()]);
    let mut notes = Vec::new();
    let (title, subtitle, panels) = match spec.view {
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
                        bar(
                            i,
                            dataset.metrics[dataset.records[i].metric].label(lang).to_string(),
                            dataset.records[i].metric == spec.metric,
                        )
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
                                let number = crate::number_format::in_unit(pct.abs(), Unit::Percent, false, lang);
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
            notes.push(text(lang, "pipeline_note").to_string());
            notes.extend(missing);
            let panels = if bars.is_empty() {
                Vec::new()
            } else {
                vec![panel(
                    text(lang, "pipeline_panel").to_string(),
                    Unit::Count,
                    text(lang, "pipeline_noun").to_string(),
                    bars,
                    Vec::new(),
                )]
            };
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
    if spec.scale == Scale::Log && !panels.is_empty() {
        notes.push(text(lang, "log_note").to_string());
    }
    Chart { title, subtitle, source_line: source_line(dataset, &panels, lang), panels, notes, lang }
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
            let kinds: Vec<usize> =
                panel.bars.iter().map(|b| DATASET.metrics[DATASET.records[b.record].metric].kind).collect();
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
        let values: Vec<(f64, Qualifier)> = chart.panels[0].bars.iter().map(|b| (b.value, b.qualifier)).collect();
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
        assert!(e.to_string().contains("dhs, hsi"), "{e}");
        assert_eq!(base.with_option(&DATASET, "colour", "red").unwrap_err().field, "colour");
        assert!(base.with_option(&DATASET, "fy", "1999").is_err());
        assert_eq!(base.with_option(&DATASET, "fy", "FY2024").unwrap().fiscal_year, 2024);
    }

    #[test]
    fn queries_open_views_and_report_bad_parameters() {
        let (s, errors) = ViewSpec::from_query(&DATASET, "?view=metric&metric=people-reached&embed=1");
        assert!(errors.is_empty());
        assert_eq!((s.view, DATASET.metrics[s.metric].id.as_ref()), (ViewKind::Metric, "people-reached"));
        let (s, errors) =
            ViewSpec::from_query(&DATASET, "component=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&metric=arrests&x=1");
        assert_eq!(s.component, ViewSpec::default_for(&DATASET).component);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["component", "x"]);
        assert!(errors[0].to_string().contains("<img src=x onerror=alert(1)>"));
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
        assert!(
            text.contains("the smallest is Blue Campaign: People reached by trainings, more than 23,000"),
            "{text}"
        );
        assert!(text.contains("3 of the 3 figures are lower bounds"), "{text}");
        let text = select(&DATASET, &spec("component", "cbp", "shipments-stopped")).summary(&DATASET);
        assert!(text.contains("Shipments stopped under Withhold Release Orders: 231."), "{text}");
        assert!(text.contains("1 of the 2 figures is a lower bound"), "{text}");
    }

    #[test]
    fn trend_view_spans_the_years_without_inventing_points() {
        let chart = select(&DATASET, &spec("trend", "hsi", "arrests"));
        let bars = &chart.panels[0].bars;
        let values: Vec<f64> = bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [1746.0, 2360.0, 3655.0, 2610.0, 2545.0]);
        assert_eq!(bars[0].label, "FY 2020, reported as ICE (HSI)");
        // Exact consecutive years carry their change, as derived labels.
        assert_eq!(bars[1].change.as_deref(), Some("+35% since FY 2020"));
        assert_eq!(bars[3].change.as_deref(), Some("−29% since FY 2022"));
        assert_eq!(chart.subtitle, "Fiscal years 2020–2024");

        // Years with no figure are gaps, never zeros.
        let chart = select(&DATASET, &spec("trend", "blue-campaign", "trainings"));
        assert_eq!(chart.panels[0].bars.len(), 2);
        let gaps: Vec<&str> = chart.panels[0].gaps.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(gaps, ["FY 2020", "FY 2021", "FY 2022"]);
        assert!(chart.summary(&DATASET).contains("No published figure for FY 2020, FY 2021, FY 2022."));
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
        assert!(d.starts_with("Gráfico de barras."), "{d}");
        assert!(d.contains("Víctimas asistidas: más de 800"), "{d}");
        assert!(d.contains("más de 24.000"), "{d}");
        assert!(chart.source_line.starts_with("Fuente: "));
        let (spec_es, errors) = ViewSpec::from_query(&DATASET, "lang=es&component=fbi");
        assert_eq!(spec_es.lang, Lang::Es);
        assert!(errors[0].message(Lang::Es).contains("component desconocido"), "{}", errors[0].message(Lang::Es));
    }

    #[test]
    fn log_scale_is_offered_where_values_span_magnitudes() {
        // 23,000 to 280,000: an order of magnitude.
        assert!(select(&DATASET, &spec("metric", "blue-campaign", "people-reached")).spans_magnitudes());
        // 405 to 2,500: less.
        assert!(!select(&DATASET, &spec("pipeline", "dhs", "arrests")).spans_magnitudes());
        let (s, _) = ViewSpec::from_query(&DATASET, "view=metric&metric=people-reached&scale=log");
        let chart = select(&DATASET, &s);
        assert_eq!(chart.panels[0].scale, Scale::Log);
        assert!(chart.notes.iter().any(|n| n.contains("Logarithmic")));
        // The log scale stays in the view's address.
        assert_eq!(s.to_query(&DATASET), "view=metric&component=dhs&metric=people-reached&scale=log");
        assert_eq!(ViewSpec::from_query(&DATASET, &s.to_query(&DATASET)), (s, vec![]));
    }

    /// A small dataset of HSI arrests over three years, loaded as the checker loads the real one.
    fn arrests_over_the_years(records: &str) -> Dataset {
        let header = "fiscal_year,component,metric,value,qualifier,as_written,source,source_sentence,reported_as,note,note_es,derived_from\n";
        crate::data_file::load(&crate::data_file::DataFiles {
            components: ("components.csv", "id,name,short_name,name_es,short_name_es\ndhs,DHS-wide,DHS,Todo el DHS,DHS\nhsi,Homeland Security Investigations,HSI,HSI,HSI\n"),
            kinds: ("kinds.csv", "id,name,unit,noun,name_es,noun_es\narrests,Arrests,count,arrests,Arrestos,arrestos\n"),
            metrics: ("metrics.csv", "id,name,kind,name_es,note,note_es\narrests,Arrests,arrests,Arrestos,,\n"),
            sources: ("sources.csv", "id,title,publisher,date,url,url_note,url_note_es,kind\nr,Release,DHS,2025-08-14,https://example.org/r,,,primary\n"),
            records: ("records.csv", &format!("{header}{records}")),
            pipeline: ("pipeline.csv", "stage,component,metric\n1,dhs,arrests\n"),
        })
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
                let Ok(spec) = ViewSpec::default_for(&DATASET)
                    .with_option(&DATASET, "view", "metric")
                    .and_then(|s| s.with_option(&DATASET, "component", &c.id))
                    .and_then(|s| s.with_option(&DATASET, "metric", &m.id))
                else {
                    continue;
                };
                let chart = select(&DATASET, &spec);
                let bars: Vec<&Bar> = chart.panels.iter().flat_map(|p| &p.bars).collect();
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

    #[test]
    fn description_speaks_every_value_with_its_qualifier() {
        let text = select(&DATASET, &spec("component", "dhs", "arrests")).description(&DATASET);
        assert!(text.contains("Victims assisted: more than 800"), "{text}");
        assert!(text.contains("Indictments supported: 914"), "{text}");
    }
}
