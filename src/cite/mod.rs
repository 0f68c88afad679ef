//! Citations of one figure or one chart, in the forms readers paste: the figure as a reader would
//! quote it, APA 7, Chicago author-date, BibTeX and CSL-JSON. Each names the original source (its
//! publisher, date and title), what is cited, the compilation and its data version, the view's
//! address and the day it was read. Reached only from the complete build's `Viewer.citeChart`,
//! `citeFigure` and `citeWords` (feature `exports`), so the first view's lean Wasm, which cannot
//! call it, carries none of it.
//!
//! The two styles are written here, not by a citation processor in the page; the citation test
//! (`tests/e2e/citations.test.mjs`) renders every figure's and chart's CSL-JSON with citeproc-js
//! and holds our strings to its output, and parses every BibTeX entry back.

mod apa;
mod bibtex;
mod chicago;
mod csl;
mod locale;
mod reference;
mod title_case;
mod words;

pub use ccht_data::IsoDate;
pub use csl::{csl_item, CslItem};
pub use reference::{chart_references, figure_reference, Context, Reference};
pub use words::panel_words;

use crate::view::{record_words, Chart};
use crate::{say, Dataset};
use apa::{apa, apa_in_text};
use bibtex::bibtex;
use ccht_data::{Lang, SourceKind};
use chicago::{chicago, chicago_in_text};
use locale::Terms;
use serde::Serialize;

/// Everything the Cite panel shows for one figure or one chart.
#[derive(Serialize, Debug)]
pub struct Citation {
    /// What is cited, in a line.
    pub label: String,
    /// The figure as a reader would quote it, with its source's own sentence where we quote one.
    pub quote: String,
    /// The reference-list entries, one a line (a chart from two sources has two).
    pub apa: String,
    /// The parenthetical citation(s): "(U.S. Department of Homeland Security, 2025)".
    pub apa_in_text: String,
    pub chicago: String,
    pub chicago_in_text: String,
    pub bibtex: String,
    pub csl: Vec<CslItem>,
    pub version: u32,
}

impl Citation {
    fn of(label: String, quote: String, references: &[Reference], context: &Context) -> Citation {
        let lang = context.lang;
        let terms = Terms::of(lang);
        let all = |f: &dyn Fn(&Reference) -> String, sep: &str| references.iter().map(f).collect::<Vec<_>>().join(sep);
        Citation {
            label,
            quote,
            apa: all(&|r| apa(r, &terms), "\n"),
            apa_in_text: all(&|r| apa_in_text(r, &terms), " "),
            chicago: all(&|r| chicago(r, &terms), "\n"),
            chicago_in_text: all(&|r| chicago_in_text(r, &terms), " "),
            bibtex: all(&bibtex, "\n"),
            csl: references.iter().map(csl_item).collect(),
            version: context.version,
        }
    }
}

/// `text` closed by a period, unless it already ends with one (as "n.d." does): CSL does not double
/// a period.
fn period(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The citation of record `record`.
pub fn cite_figure(dataset: &Dataset, record: usize, context: &Context) -> Citation {
    let lang = context.lang;
    let r = &dataset.records[record];
    let reference = figure_reference(dataset, record, context);
    let words = record_words(dataset, record, lang);
    let in_text = apa_in_text(&reference, &Terms::of(lang));
    let figure = reference::figure_as_written(dataset, record, lang);
    let label = say(lang, "announcement", &[&words.component, &words.metric, &r.fiscal_year.to_string(), &figure]);
    let said = label.trim_end_matches('.');
    let sentence = &*r.source_sentence;
    let after = if !r.derived_from.is_empty() {
        lang.pick(&r.note, &r.note_es).to_string()
    } else if !sentence.is_empty() {
        match lang {
            Lang::Es => format!("Las palabras de la fuente: “{sentence}”"),
            Lang::En => format!("The source\u{2019}s words: \u{201c}{sentence}\u{201d}"),
        }
    } else if dataset.sources[r.source].kind == SourceKind::Secondary {
        match lang {
            Lang::Es => "La fuente es secundaria: se cita, pero no se copian sus palabras.".to_string(),
            Lang::En => "The source is secondary: it is cited, and its words are not copied.".to_string(),
        }
    } else {
        match lang {
            Lang::Es => "Aún no se cita aquí la frase de la fuente.".to_string(),
            Lang::En => "The source\u{2019}s sentence is not yet quoted here.".to_string(),
        }
    };
    let quote = format!("{said} {in_text}. {after}");
    Citation::of(label.clone(), quote, &[reference], context)
}

/// The citation of a chart: one reference per source of its figures. `query` is the view's, which
/// names it in the references' keys ("ccht-v3-view-metric-metric-arrests-fy2024-release").
pub fn cite_chart(dataset: &Dataset, chart: &Chart, query: &str, context: &Context) -> Citation {
    let key: String = query.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let sources = reference::chart_sources(dataset, chart);
    let references = chart_references(dataset, chart, &sources, if key.is_empty() { "default" } else { &key }, context);
    let terms = Terms::of(context.lang);
    // Each figure with its own source, so a reader can tell which figure came from where.
    let in_text: Vec<String> = references.iter().map(|r| apa_in_text(r, &terms)).collect();
    let figures: Vec<String> = chart
        .panels
        .iter()
        .flat_map(|p| &p.bars)
        .map(|b| {
            let source = dataset.records[b.record].source;
            let cited =
                sources.iter().position(|&s| s == source).and_then(|i| in_text.get(i)).map_or("", String::as_str);
            format!("{}: {} {cited}", b.label, reference::figure_as_written(dataset, b.record, context.lang))
        })
        .collect();
    let quote = format!("{}: {}.", chart.caption(), figures.join("; "));
    Citation::of(chart.caption(), quote, &references, context)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::view::ViewSpec;
    use crate::DATASET;

    /// Two references to format: one dated, one not.
    pub(crate) fn sample() -> (Reference, Reference) {
        let dated = Reference {
            id: "key".into(),
            author: "U.S. Department of Homeland Security".into(),
            issued: Some(IsoDate { year: 2025, month: 8, day: 14 }),
            title: "The Release".into(),
            genre: "Arrests, DHS-wide, FY 2024: more than 2,500".into(),
            container: "Figures".into(),
            version: 3,
            url: "https://example.org/v".into(),
            accessed: IsoDate { year: 2026, month: 12, day: 7 },
            note: "Source address: https://example.gov/a.".into(),
        };
        let undated =
            Reference { author: "Border Report".into(), issued: None, title: "An article".into(), ..dated.clone() };
        (dated, undated)
    }

    fn context(lang: Lang) -> Context {
        Context {
            url: "https://example.org/?fy=2024".into(),
            accessed: IsoDate { year: 2026, month: 12, day: 7 },
            lang,
            version: 3,
        }
    }

    fn record(as_written: &str) -> usize {
        DATASET.records.iter().position(|r| r.as_written == as_written).unwrap()
    }

    #[test]
    fn a_figure_with_its_sentence_keeps_its_lower_bound() {
        let c = cite_figure(&DATASET, record("more than 2,500"), &context(Lang::En));
        assert!(c.quote.starts_with(
            "DHS-wide, Trafficking-related arrests, fiscal year 2024: more than 2,500 (U.S. Department of Homeland Security, 2025). The source\u{2019}s words: \u{201c}In FY 2024, DHS agencies assisted"
        ), "{}", c.quote);
        assert!(c.apa.contains("[Trafficking-related arrests, DHS-wide, FY 2024: more than 2,500]"));
        assert_eq!(c.csl.len(), 1);
        assert!(c.bibtex.starts_with("@misc{ccht-v3-fy2024-dhs-arrests,"));
    }

    #[test]
    fn a_secondary_source_is_cited_not_quoted_and_a_derived_figure_says_so() {
        let secondary =
            DATASET.records.iter().position(|r| DATASET.sources[r.source].kind == SourceKind::Secondary).unwrap();
        let c = cite_figure(&DATASET, secondary, &context(Lang::En));
        assert!(
            c.quote.ends_with("The source is secondary: it is cited, and its words are not copied."),
            "{}",
            c.quote
        );
        let derived = DATASET.records.iter().position(|r| !r.derived_from.is_empty()).unwrap();
        let c = cite_figure(&DATASET, derived, &context(Lang::En));
        assert!(c.quote.contains("(derived by us, not stated by the source)"), "{}", c.quote);
        assert!(c.quote.ends_with(&*DATASET.records[derived].note));
        assert!(c.csl[0].note.contains("Not stated by any source"));
    }

    #[test]
    fn a_chart_cites_each_source_once() {
        let spec = ViewSpec::default_for(&DATASET);
        let chart = crate::select(&DATASET, &spec);
        let c = cite_chart(&DATASET, &chart, "default", &context(Lang::En));
        assert_eq!(c.label, chart.caption());
        assert_eq!(c.csl.len(), c.apa.lines().count());
        assert!(!c.csl.is_empty());
        let trend = ViewSpec::from_query(&DATASET, "view=trend&component=hsi&metric=arrests").0;
        let c = cite_chart(&DATASET, &crate::select(&DATASET, &trend), "trend", &context(Lang::En));
        assert!(c.csl.len() > 1, "{:?}", c.apa);
    }
}
