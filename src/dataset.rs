//! The dataset's types: components, kinds of metric, metrics, sources and the records that join them.
//!
//! Strings and lists are `Cow<'static, _>` so that one set of types serves both the dataset compiled
//! into the Wasm (borrowed, written by `build.rs`) and datasets loaded at run time by tests and tools
//! (owned). Records refer to the other tables by index, resolved once when the files are checked.

use std::borrow::Cow;

pub type Text = Cow<'static, str>;

/// A DHS component (or DHS as a whole) that reports figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub id: Text,
    pub name: Text,
    pub short_name: Text,
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    pub id: Text,
    pub name: Text,
    pub kind: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A US Government page, or a verbatim repost of a DHS release that names DHS as its source.
    Primary,
    /// A third-party article reporting the figure.
    Secondary,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub publisher: Text,
    /// ISO date of the publication we read.
    pub date: Text,
    pub url: Text,
    /// A caution about the address, shown beside it.
    pub url_note: Text,
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
    /// The sentence that states the figure, verbatim.
    pub source_sentence: Text,
    /// Line in `data/records.csv`, so a reader's question leads straight to the row.
    pub line: u32,
}

/// One stage of the enforcement pipeline chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineStage {
    pub component: usize,
    pub metric: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub components: Cow<'static, [Component]>,
    pub kinds: Cow<'static, [Kind]>,
    pub metrics: Cow<'static, [Metric]>,
    pub sources: Cow<'static, [Source]>,
    pub records: Cow<'static, [Record]>,
    pub pipeline: Cow<'static, [PipelineStage]>,
}

impl Dataset {
    pub fn component_index(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.id == id)
    }

    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }

    pub fn kind_of(&self, record: &Record) -> &Kind {
        &self.kinds[self.metrics[record.metric].kind]
    }

    /// The newest fiscal year with any record.
    pub fn latest_year(&self) -> Option<u16> {
        self.records.iter().map(|r| r.fiscal_year).max()
    }
}
