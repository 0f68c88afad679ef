//! What the controls can offer: views, components, metrics, years, languages and every interface
//! string, from the compiled-in data, so a new row in the CSV appears in the menus by itself.

use super::js::{to_js, type_error};
use super::results::ViewState;
use crate::embedded::DATASET;
use crate::text::{parse_lang, quoted, text, LANGS, STRINGS};
use crate::view::{fiscal_years, ViewKind, ViewSpec};
use ccht_data::{Dataset, Lang};
use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct MetricChoice<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    kind_name: &'a str,
    /// Components with a figure for this metric, in any year.
    components: Vec<&'a str>,
    /// Fiscal years with a figure for this metric, in any component.
    years: Vec<u16>,
}

#[derive(Serialize)]
struct Catalog<'a> {
    views: Vec<Choice<'a>>,
    components: Vec<Choice<'a>>,
    metrics: Vec<MetricChoice<'a>>,
    years: Vec<u16>,
    langs: Vec<&'static str>,
    defaults: ViewState<'a>,
    /// Every interface string in the requested language, by key: an object.
    #[serde(serialize_with = "as_object")]
    strings: Vec<(&'static str, &'static str)>,
}

fn as_object<S: Serializer>(pairs: &[(&'static str, &'static str)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().copied())
}

/// What the controls can offer, from the embedded data, with every name and interface string in
/// `lang` ("en" or "es"): the shell builds its menus and labels from this, so a new component or
/// metric in the CSV appears without touching HTML.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = match lang.as_deref() {
        None | Some("") => Lang::En,
        Some(id) => parse_lang(id).ok_or_else(|| {
            let known: Vec<&str> = LANGS.iter().map(|l| l.id()).collect();
            type_error(format!("lang: unknown language {}; expected {}", quoted(id), known.join(" or ")))
        })?,
    };
    catalog_of(&DATASET, lang)
}

/// The catalog of any dataset: the compiled-in one, or one the studio loaded (`DataSet.catalog`).
pub(crate) fn catalog_of(d: &Dataset, lang: Lang) -> Result<JsValue, JsValue> {
    let defaults = ViewSpec::default_for(d);
    let catalog = Catalog {
        views: ViewKind::ALL
            .iter()
            .map(|&v| Choice { id: v.id(), name: text(lang, &format!("view_{}", v.id())) })
            .collect(),
        components: d.components.iter().map(|c| Choice { id: &c.id, name: c.label(lang) }).collect(),
        metrics: d
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| MetricChoice {
                id: &m.id,
                name: m.label(lang),
                kind: &d.kinds[m.kind].id,
                kind_name: d.kinds[m.kind].label(lang),
                components: d.index().components_of_metric(i).iter().map(|&c| d.components[c].id.as_ref()).collect(),
                years: d.index().years_of_metric(i).to_vec(),
            })
            .collect(),
        years: fiscal_years(d),
        langs: LANGS.iter().map(|l| l.id()).collect(),
        defaults: ViewState::of(d, &defaults),
        strings: STRINGS.iter().map(|(k, en, es)| (*k, lang.pick(en, es))).collect(),
    };
    to_js(&catalog)
}
