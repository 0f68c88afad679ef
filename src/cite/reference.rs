//! One reference, the fields a citation style needs, built from the data: the original source as
//! its author and title, what is cited (a figure, or a chart) as the description, and where we show
//! it (the compilation, its data version, the view's address and the access date).

use crate::view::{record_words, Chart};
use crate::{spoken, Dataset};
use ccht_data::{IsoDate, Lang};

/// Where and when a reader cites: the view's address, today's date, the reader's language.
#[derive(Clone, Debug)]
pub struct Context {
    /// The address that reopens the view (the page's own, with the view's query).
    pub url: String,
    pub accessed: IsoDate,
    pub lang: Lang,
    /// The data version this build carries (`data/versions.csv`).
    pub version: u32,
}

/// One work cited, as CSL's `dataset` type describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// A key for BibTeX and CSL: "ccht-v3-fy2024-dhs-arrests".
    pub id: String,
    /// The source's publisher: an institution, written as one name.
    pub author: String,
    /// The source's date, where it gives one.
    pub issued: Option<IsoDate>,
    /// The source's title.
    pub title: String,
    /// What is cited: "Trafficking-related arrests, DHS-wide, FY 2024: more than 2,500".
    pub genre: String,
    /// The compilation that shows it: "DHS Counter-Human-Trafficking Figures, FY 2020 to FY 2024".
    pub container: String,
    pub version: u32,
    pub url: String,
    pub accessed: IsoDate,
    /// The source's own address, and for a derived figure how it was derived: kept in CSL-JSON's
    /// and BibTeX's notes, which the two styles do not print.
    pub note: String,
}

/// The compilation's name, from the years the data covers.
fn container(dataset: &Dataset, lang: Lang) -> String {
    let years = dataset.records.iter().map(|r| r.fiscal_year);
    let (first, last) = (years.clone().min().unwrap_or(0), years.max().unwrap_or(0));
    match lang {
        Lang::Es => format!("Cifras del DHS contra la trata de personas, años fiscales {first} a {last}"),
        Lang::En => format!("DHS Counter-Human-Trafficking Figures, FY {first} to FY {last}"),
    }
}

fn fiscal_year(year: u16, lang: Lang) -> String {
    match lang {
        Lang::Es => format!("año fiscal {year}"),
        Lang::En => format!("FY {year}"),
    }
}

/// The reference for record `record`: its source, and the figure as we show it.
pub fn figure_reference(dataset: &Dataset, record: usize, context: &Context) -> Reference {
    let r = &dataset.records[record];
    let words = record_words(dataset, record, context.lang);
    let figure = figure_as_written(dataset, record, context.lang);
    let genre =
        format!("{}, {}, {}: {figure}", words.metric, words.component, fiscal_year(r.fiscal_year, context.lang));
    let id = format!(
        "ccht-v{}-fy{}-{}-{}",
        context.version, r.fiscal_year, dataset.components[r.component].id, dataset.metrics[r.metric].id
    );
    let mut reference = source_reference(dataset, r.source, id, genre, context);
    if !r.derived_from.is_empty() {
        let note = context.lang.pick(&r.note, &r.note_es);
        reference.note = format!("{} {note}", reference.note);
    }
    reference
}

/// One reference per source in `sources` (the chart's, from [`chart_sources`]): the chart as the
/// description.
pub fn chart_references(
    dataset: &Dataset,
    chart: &Chart,
    sources: &[usize],
    query_id: &str,
    context: &Context,
) -> Vec<Reference> {
    sources
        .iter()
        .map(|&source| {
            let id = format!("ccht-v{}-{query_id}-{}", context.version, dataset.sources[source].id);
            source_reference(dataset, source, id, chart.caption(), context)
        })
        .collect()
}

/// The sources of the chart's figures, each once, in the order they first appear.
pub fn chart_sources(dataset: &Dataset, chart: &Chart) -> Vec<usize> {
    let mut sources: Vec<usize> = Vec::new();
    for bar in chart.panels.iter().flat_map(|p| &p.bars) {
        let source = dataset.records[bar.record].source;
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    sources
}

fn source_reference(dataset: &Dataset, source: usize, id: String, genre: String, context: &Context) -> Reference {
    let s = &dataset.sources[source];
    // The address with its caution, where the data gives one ("a verbatim repost naming DHS").
    let caution = context.lang.pick(&s.url_note, &s.url_note_es);
    let address = if caution.is_empty() { s.url.to_string() } else { format!("{} ({caution})", s.url) };
    let note = match context.lang {
        Lang::Es => format!("Dirección de la fuente: {address}."),
        Lang::En => format!("Source address: {address}."),
    };
    Reference {
        id,
        author: s.publisher.to_string(),
        issued: IsoDate::parse(&s.date),
        title: s.title.to_string(),
        genre,
        container: container(dataset, context.lang),
        version: context.version,
        url: context.url.clone(),
        accessed: context.accessed,
        note,
    }
}

/// A figure's words as a reader would quote it: in English the source's own ("over 260,000",
/// "more than 3.7 million"); in Spanish, or for a derived figure no source writes, ours, with its
/// qualifier ("más de 260.000", "44,022 (derived by us, not stated by the source)").
pub fn figure_as_written(dataset: &Dataset, record: usize, lang: Lang) -> String {
    let r = &dataset.records[record];
    if lang == Lang::En && !r.as_written.is_empty() && r.derived_from.is_empty() {
        return r.as_written.to_string();
    }
    spoken(r.value, dataset.kind_of(r).unit, r.qualifier, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DATASET;

    pub(crate) fn context(lang: Lang) -> Context {
        Context {
            url: "https://example.org/ccht/?metric=arrests".into(),
            accessed: IsoDate { year: 2026, month: 12, day: 7 },
            lang,
            version: 3,
        }
    }

    #[test]
    fn a_figure_names_its_source_and_what_it_is() {
        let record = DATASET.records.iter().position(|r| r.as_written == "more than 2,500").unwrap();
        let reference = figure_reference(&DATASET, record, &context(Lang::En));
        assert_eq!(reference.author, "U.S. Department of Homeland Security");
        assert_eq!(reference.issued, Some(IsoDate { year: 2025, month: 8, day: 14 }));
        assert_eq!(reference.genre, "Trafficking-related arrests, DHS-wide, FY 2024: more than 2,500");
        assert_eq!(reference.id, "ccht-v3-fy2024-dhs-arrests");
        assert!(reference.container.starts_with("DHS Counter-Human-Trafficking Figures, FY 2020 to FY "));
        assert!(reference.note.starts_with("Source address: https://"));
    }
}
