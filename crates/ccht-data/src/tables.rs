//! The dataset's tables, one type per row: components, kinds of metric, metrics, sources, the
//! records that join them, and the pipeline's stages.
//!
//! Strings and lists are `Cow<'static, _>` so that one set of types serves both the dataset compiled
//! into the Wasm (borrowed, written by `build.rs`) and datasets loaded at run time by tests and tools
//! (owned). Records refer to the other tables by index, resolved once when the files are checked.

use crate::lang::Lang;
use std::borrow::Cow;

pub type Text = Cow<'static, str>;

/// A DHS component (or DHS as a whole) that reports figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub id: Text,
    pub name: Text,
    pub short_name: Text,
    pub name_es: Text,
    pub short_name_es: Text,
}

/// How a kind's values are written and scaled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Count,
    Dollars,
    Percent,
}

impl Unit {
    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "count" => Some(Unit::Count),
            "dollars" => Some(Unit::Dollars),
            "percent" => Some(Unit::Percent),
            _ => None,
        }
    }
}

/// A group of metrics that may share an axis: same unit, same thing counted.
/// Charts only ever put metrics of one kind on one axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Kind {
    pub id: Text,
    pub name: Text,
    pub unit: Unit,
    /// What is counted ("people", "arrests"); the axis says it.
    pub noun: Text,
    pub name_es: Text,
    pub noun_es: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    pub id: Text,
    pub name: Text,
    pub kind: usize,
    pub name_es: Text,
    /// A caution shown with the metric's trend, e.g. a change of definition between years.
    pub note: Text,
    pub note_es: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A US Government page, or a verbatim repost of a DHS release that names DHS as its source.
    Primary,
    /// A third-party article reporting the figure.
    Secondary,
}

impl SourceKind {
    /// As `sources.csv` writes it, and results and the interface's words name it.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::Primary => "primary",
            SourceKind::Secondary => "secondary",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    /// ISO date of the publication we read; empty where the source gives none.
    pub date: Text,
    pub url: Text,
    /// A caution about the address, shown beside it.
    pub url_note: Text,
    pub url_note_es: Text,
    pub kind: SourceKind,
}

/// How the source words a figure. "More than 800" is `AtLeast`: a lower bound, never a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    AtLeast,
    Approximate,
    /// Computed by us from other records; never stated by a source.
    Derived,
}

impl Qualifier {
    pub fn parse(s: &str) -> Option<Qualifier> {
        match s {
            "exact" => Some(Qualifier::Exact),
            "at-least" => Some(Qualifier::AtLeast),
            "approximate" => Some(Qualifier::Approximate),
            "derived" => Some(Qualifier::Derived),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at-least",
            Qualifier::Approximate => "approximate",
            Qualifier::Derived => "derived",
        }
    }
}

/// One figure: what a component reported for one metric in one fiscal year.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub fiscal_year: u16,
    pub component: usize,
    pub metric: usize,
    pub value: f64,
    pub qualifier: Qualifier,
    /// The figure exactly as the source writes it ("more than 3.7 million").
    pub as_written: Text,
    pub source: usize,
    /// The sentence that states the figure, verbatim; empty for secondary sources, whose wording
    /// we do not copy.
    pub source_sentence: Text,
    /// The name the source used for the component, where it differs (FY 2020: "ICE (HSI)").
    pub reported_as: Text,
    /// A caution for this figure, shown in its tooltip and the table.
    pub note: Text,
    pub note_es: Text,
    /// For a derived record, the records it was computed from (indices), and how.
    pub derived_from: Cow<'static, [usize]>,
    pub derivation: Text,
    /// Line in `data/records.csv`, so a reader's question leads straight to the row.
    pub line: u32,
}

/// One stage of the enforcement pipeline chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineStage {
    pub component: usize,
    pub metric: usize,
}

impl Component {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_es)
    }

    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short_name, &self.short_name_es)
    }
}

impl Kind {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_es)
    }

    pub fn noun_in(&self, lang: Lang) -> &str {
        lang.pick(&self.noun, &self.noun_es)
    }
}

impl Metric {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_es)
    }

    pub fn note_in(&self, lang: Lang) -> &str {
        lang.pick(&self.note, &self.note_es)
    }
}

impl Record {
    pub fn note_in(&self, lang: Lang) -> &str {
        lang.pick(&self.note, &self.note_es)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repository_data;

    #[test]
    fn qualifiers_read_back_from_their_ids() {
        for q in [Qualifier::Exact, Qualifier::AtLeast, Qualifier::Approximate, Qualifier::Derived] {
            assert_eq!(Qualifier::parse(q.id()), Some(q));
        }
        assert_eq!(Qualifier::parse("roughly"), None);
    }

    #[test]
    fn names_nouns_and_notes_in_each_language() {
        let d = repository_data();
        let kind = &d.kinds[0];
        assert!(!kind.noun.is_empty() && !kind.noun_es.is_empty() && kind.noun != kind.noun_es);
        assert_eq!((kind.noun_in(Lang::En), kind.noun_in(Lang::Es)), (kind.noun.as_ref(), kind.noun_es.as_ref()));
        assert_eq!((kind.label(Lang::En), kind.label(Lang::Es)), (kind.name.as_ref(), kind.name_es.as_ref()));
        let noted = d.records.iter().find(|r| !r.note.is_empty()).expect("a record with a note");
        assert_eq!((noted.note_in(Lang::En), noted.note_in(Lang::Es)), (noted.note.as_ref(), noted.note_es.as_ref()));
        let noted = d.metrics.iter().find(|m| !m.note.is_empty()).expect("a metric with a note");
        assert_eq!((noted.note_in(Lang::En), noted.note_in(Lang::Es)), (noted.note.as_ref(), noted.note_es.as_ref()));
        let m = &d.metrics[0];
        assert_eq!((m.label(Lang::En), m.label(Lang::Es)), (m.name.as_ref(), m.name_es.as_ref()));
        let c =
            d.components.iter().find(|c| c.short_name != c.short_name_es || c.name != c.name_es).expect("a component");
        assert_eq!((c.label(Lang::En), c.label(Lang::Es)), (c.name.as_ref(), c.name_es.as_ref()));
        assert_eq!((c.short(Lang::En), c.short(Lang::Es)), (c.short_name.as_ref(), c.short_name_es.as_ref()));
    }
}
