//! A view's figures as readers get them in words: each record as a [`Figure`] (tooltips, tables,
//! results), the page's [`Table`] and its HTML, and the CSV export (RFC 4180). The SVG export is
//! `draw::svg`, the same drawing code as the canvas.

use crate::text::{plain_decimal, text};
use crate::view::{record_words, Chart, RecordWords};
use ccht_data::{Dataset, Lang, Unit};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The records a chart draws, in drawing order.
fn records<'a>(dataset: &'a Dataset, chart: &'a Chart) -> impl Iterator<Item = &'a ccht_data::Record> + 'a {
    chart.panels.iter().flat_map(|p| &p.bars).map(move |b| &dataset.records[b.record])
}

/// Quotes a field when it holds a comma, quote or line break, doubling inner quotes.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A unit as results and the CSV name it.
pub fn unit_id(unit: Unit) -> &'static str {
    match unit {
        Unit::Count => "count",
        Unit::Dollars => "dollars",
        Unit::Percent => "percent",
    }
}

/// component, metric, fiscal year, value, unit, qualifier, source: one row per figure shown.
pub fn csv(dataset: &Dataset, chart: &Chart) -> String {
    let mut out = String::from(
        "component,metric,fiscal_year,value,unit,qualifier,as_written,source,source_url,source_sentence\r\n",
    );
    for r in records(dataset, chart) {
        let source = &dataset.sources[r.source];
        let fields = [
            dataset.components[r.component].name.to_string(),
            dataset.metrics[r.metric].name.to_string(),
            r.fiscal_year.to_string(),
            // Exact: the loader allows at most two decimals.
            plain_decimal(r.value, 2),
            unit_id(dataset.kind_of(r).unit).to_string(),
            r.qualifier.id().to_string(),
            r.as_written.to_string(),
            format!("{}, \u{201c}{}\u{201d} ({})", source.publisher, source.title, source.date),
            source.url.to_string(),
            r.source_sentence.to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The header keys (in `text::STRINGS`) of the table's columns.
pub const TABLE_HEAD: [&str; 6] =
    ["col_measure", "col_component", "col_fy", "col_value", "col_qualifier", "col_source"];

/// Every key of `text::STRINGS` a table's words come from: its headings, what each qualifier
/// means, and each kind of source. A prerendered view carries them (www/first-view.js has no Wasm
/// to ask); the live page has them all.
pub const TABLE_WORDS: [&str; 12] = [
    "col_measure",
    "col_component",
    "col_fy",
    "col_value",
    "col_qualifier",
    "col_source",
    "q_exact",
    "q_at-least",
    "q_approximate",
    "q_derived",
    "kind_primary",
    "kind_secondary",
];

/// One record as readers see it: names in their language, the value in words, and its source.
/// Each bar of `Viewer.bars()` carries one, and each row of a [`Table`].
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub component_id: String,
    pub metric_id: String,
    pub component: String,
    pub metric: String,
    pub fy: u16,
    pub value: f64,
    pub unit: Cow<'static, str>,
    pub qualifier: Cow<'static, str>,
    /// The value in words, with its qualifier: "more than 800".
    pub text: String,
    pub reported_as: String,
    pub note: String,
    pub source_title: String,
    pub source_publisher: String,
    pub source_url: String,
    pub source_kind: Cow<'static, str>,
    pub source_sentence: String,
}

impl Figure {
    /// Record `record` of `dataset`, in `lang`.
    pub fn of(dataset: &Dataset, record: usize, lang: Lang) -> Figure {
        Figure::new(dataset, record, record_words(dataset, record, lang), lang)
    }

    /// The same, with its words already made by [`record_words`] (a bar also needs their announcement).
    pub fn new(dataset: &Dataset, record: usize, words: RecordWords, lang: Lang) -> Figure {
        let r = &dataset.records[record];
        let source = &dataset.sources[r.source];
        Figure {
            component_id: dataset.components[r.component].id.to_string(),
            metric_id: dataset.metrics[r.metric].id.to_string(),
            component: words.component,
            metric: words.metric,
            fy: r.fiscal_year,
            value: r.value,
            unit: unit_id(dataset.kind_of(r).unit).into(),
            qualifier: r.qualifier.id().into(),
            text: words.text,
            reported_as: r.reported_as.to_string(),
            note: r.note_in(lang).to_string(),
            source_title: source.title.to_string(),
            source_publisher: source.publisher.to_string(),
            source_url: source.url.to_string(),
            source_kind: source.kind.id().into(),
            source_sentence: r.source_sentence.to_string(),
        }
    }
}

/// A chart's figures as the page's table shows them. One model for the three places the table is
/// made: the HTML index.html carries ([`html_table`]), the prerendered view's JSON
/// (www/first-view.js) and `Viewer.table()` (www/chart-widget.js); the shell fills a `<table>` from
/// it with one function (www/table.js), so the table keeps its columns and words when the live chart
/// takes over, or when it never comes.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Title and subtitle: "DHS-wide, Fiscal year 2024".
    pub caption: String,
    /// The chart's heading, for a page that shows it as text (`Viewer.pageHeading`).
    pub title: String,
    pub subtitle: String,
    /// "Source: …", naming every source of a figure shown.
    pub source: String,
    /// The figures, in drawing order.
    pub rows: Vec<Figure>,
}

/// The table of `chart`.
pub fn table(dataset: &Dataset, chart: &Chart) -> Table {
    let rows = chart.panels.iter().flat_map(|p| &p.bars).map(|b| Figure::of(dataset, b.record, chart.lang)).collect();
    Table {
        caption: chart.caption(),
        title: chart.title.clone(),
        subtitle: chart.subtitle.clone(),
        source: chart.source_line.clone(),
        rows,
    }
}

/// The page's `#data-table` before its script runs (and for readers whose browsers run none): the
/// same elements www/table.js makes from the same [`Table`], with the words of `lang`.
pub fn html_table(table: &Table, lang: Lang) -> String {
    let head: String =
        TABLE_HEAD.iter().map(|k| format!("<th scope=\"col\">{}</th>", html_escape(text(lang, k)))).collect();
    let rows: String = table
        .rows
        .iter()
        .map(|f| {
            let component = match &*f.reported_as {
                "" => html_escape(&f.component),
                named => html_escape(&format!("{} ({named})", f.component)),
            };
            let note = match &*f.note {
                "" => String::new(),
                note => format!("<br><small>{}</small>", html_escape(note)),
            };
            let sentence = match &*f.source_sentence {
                "" => String::new(),
                said => format!("<q>{}</q> — ", html_escape(said)),
            };
            let about = format!("{}; {}", f.source_publisher, text(lang, &format!("kind_{}", f.source_kind)));
            format!(
                "<tr><th scope=\"row\">{}</th><td>{component}</td><td>{}</td><td class=\"number\">{}</td><td>{}{note}</td><td>{sentence}<a href=\"{}\">{}</a> ({})</td></tr>\n",
                html_escape(&f.metric),
                f.fy,
                html_escape(&f.text),
                html_escape(text(lang, &format!("q_{}", f.qualifier))),
                html_escape(&f.source_url),
                html_escape(&f.source_title),
                html_escape(&about),
            )
        })
        .collect();
    format!(
        "<table id=\"data-table\">\n<caption>{}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>",
        html_escape(&table.caption)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::view::{select, ViewSpec};

    /// A view of FY 2024, the year these expectations come from, whatever later years the data has.
    fn chart(query: &str) -> Chart {
        let query = if query.is_empty() { "fy=2024".to_string() } else { format!("{query}&fy=2024") };
        select(&DATASET, &ViewSpec::from_query(&DATASET, &query).0)
    }

    #[test]
    fn csv_round_trips_through_an_rfc_4180_reader() {
        let c = chart("view=component&component=dhs");
        let text = csv(&DATASET, &c);
        let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len(), 1 + c.bar_count());
        assert_eq!(&rows[0][0], "component");
        let victims: Vec<&str> = rows[1].iter().collect();
        assert_eq!(victims[..7], ["DHS-wide", "Victims assisted", "2024", "800", "count", "at-least", "more than 800"]);
        // The sentence has commas and semicolons; it survives quoting intact.
        assert!(victims[9].starts_with("In FY 2024, DHS agencies assisted more than 800"));
        assert!(text.contains("\r\n"));
    }

    /// Every word a table asks for by a record's qualifier or its source's kind is in TABLE_WORDS,
    /// which the prerendered views carry, and in the strings.
    #[test]
    fn table_words_cover_every_qualifier_and_kind_of_source() {
        use ccht_data::{Qualifier, SourceKind};
        let qualifiers = [Qualifier::Exact, Qualifier::AtLeast, Qualifier::Approximate, Qualifier::Derived];
        // A qualifier added to ccht-data fails to compile here until it is listed above.
        let _listed = |q: Qualifier| match q {
            Qualifier::Exact | Qualifier::AtLeast | Qualifier::Approximate | Qualifier::Derived => (),
        };
        let keys = qualifiers
            .iter()
            .map(|q| format!("q_{}", q.id()))
            .chain([SourceKind::Primary, SourceKind::Secondary].map(|k| format!("kind_{}", k.id())))
            .chain(TABLE_HEAD.map(String::from));
        for key in keys {
            assert!(TABLE_WORDS.contains(&key.as_str()), "{key} is not in TABLE_WORDS");
            assert_ne!(text(Lang::En, &key), "?", "{key} is not a string");
        }
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(html_escape("<img src=x onerror=\"a\">&'"), "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
        let table = html_table(&table(&DATASET, &chart("view=pipeline")), Lang::En);
        assert_eq!(table.matches("<tr><th scope=\"row\">").count(), 4);
        assert!(table.contains("<td class=\"number\">more than 2,500</td>"));
    }

    #[cfg(feature = "spanish")]
    #[test]
    fn tables_are_in_the_chart_language() {
        let es = table(&DATASET, &chart("view=pipeline&lang=es"));
        assert!(es.rows.iter().any(|r| r.text == "más de 2.500" && r.component == "Todo el DHS"), "{es:?}");
        let html = html_table(&es, Lang::Es);
        assert!(
            html.contains("<th scope=\"col\">Precisión</th>") && html.contains("; fuente primaria)</td>"),
            "{html}"
        );
    }
}
