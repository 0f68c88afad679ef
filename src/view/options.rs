//! Options in their text form, as URL queries and JS objects give them: each checked against the
//! dataset, and each refusal naming its field, in the reader's language.

use super::spec::{fiscal_years, Scale, ViewKind, ViewSpec};
use crate::text::{parse_lang, quoted, say, text, LANGS};
use ccht_data::{Dataset, Lang};

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

/// The same names in the order a view's address writes them ([`ViewSpec::to_query`]), which is
/// also the order of a prerendered view's file name (`examples/prerender.rs`, `www/first.js`).
pub const QUERY_ORDER: [&str; 6] = ["view", "component", "metric", "fy", "scale", "lang"];

/// Query parameters the shell reads itself; the view ignores them without complaint.
pub const SHELL_PARAMETERS: [&str; 1] = ["embed"];

impl ViewSpec {
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
                next.lang = parse_lang(value).ok_or_else(|| unknown("lang", LANGS.iter().map(|l| l.id()).collect()))?
            }
            _ => return Err(OptionError { field: name.to_string(), problem: Problem::UnknownOption }),
        }
        Ok(next.settled(dataset))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::view::test_view as spec;

    #[test]
    fn query_order_names_every_option_once_and_to_query_follows_it() {
        let mut sorted = QUERY_ORDER;
        sorted.sort_unstable();
        let mut names = OPTION_NAMES;
        names.sort_unstable();
        assert_eq!(sorted, names);
        // A view that differs from the default in every option writes all six, in QUERY_ORDER.
        let d = &*DATASET;
        let default = ViewSpec::default_for(d);
        let other = ViewSpec {
            view: ViewKind::Metric,
            fiscal_year: default.fiscal_year - 1,
            scale: Scale::Log,
            lang: LANGS.iter().copied().find(|l| *l != default.lang).unwrap_or(default.lang),
            ..default
        };
        let query = other.to_query(d);
        let written: Vec<&str> = query.split('&').map(|p| p.split('=').next().unwrap_or("")).collect();
        let expected: Vec<&str> = QUERY_ORDER.iter().copied().filter(|n| written.contains(n)).collect();
        assert_eq!(written, expected);
        assert!(written.len() >= 5, "{written:?}");
    }

    #[test]
    fn options_are_checked_and_named() {
        let base = crate::view::test_default();
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
        assert_eq!(s.component, crate::view::test_default().component);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["component", "x"]);
        assert!(errors[0].to_string().contains("<img src=x onerror=alert(1)>"));
        // A view's query reopens the same view.
        let spec = spec("component", "usss", "presentations");
        assert_eq!(ViewSpec::from_query(&DATASET, &spec.to_query(&DATASET)), (spec, vec![]));
        // FY 2024 is left out while it is the newest year, the default.
        let query = spec.to_query(&DATASET);
        assert!(
            query == "component=usss&metric=presentations" || query == "component=usss&metric=presentations&fy=2024"
        );
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E2%80%94"), "\u{2014}");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}
