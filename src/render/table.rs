//! Exports of a view: CSV of its figures (RFC 4180), and its table for the page before its script runs.
//! The SVG export is `draw::svg`, the same drawing code as the canvas.

use crate::text::{plain_decimal, spoken, text};
use crate::view::Chart;
use ccht_data::{Dataset, Unit};

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

/// The header keys (in `text::STRINGS`) of [`table_rows`]' columns.
pub const TABLE_HEAD: [&str; 5] = ["col_measure", "col_component", "col_fy", "col_value", "col_source"];

/// A chart's figures as table rows, in drawing order: measure, component, fiscal year, the value as
/// spoken ("more than 800"), and the source sentence; in the chart's language.
pub fn table_rows(dataset: &Dataset, chart: &Chart) -> Vec<[String; 5]> {
    let lang = chart.lang;
    records(dataset, chart)
        .map(|r| {
            [
                dataset.metrics[r.metric].label(lang).to_string(),
                dataset.components[r.component].label(lang).to_string(),
                r.fiscal_year.to_string(),
                spoken(r.value, dataset.kind_of(r).unit, r.qualifier, lang),
                r.source_sentence.to_string(),
            ]
        })
        .collect()
}

/// The page's `#data-table` before its script runs (and for readers whose browsers run none): the
/// figures of [`table_rows`], under the chart's title.
pub fn html_table(dataset: &Dataset, chart: &Chart) -> String {
    let head: String =
        TABLE_HEAD.iter().map(|k| format!("<th scope=\"col\">{}</th>", html_escape(text(chart.lang, k)))).collect();
    let rows: String = table_rows(dataset, chart)
        .iter()
        .map(|[metric, component, fy, value, sentence]| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{fy}</td><td class=\"number\">{}</td><td><q>{}</q></td></tr>\n",
                html_escape(metric),
                html_escape(component),
                html_escape(value),
                html_escape(sentence)
            )
        })
        .collect();
    format!(
        "<table id=\"data-table\">\n<caption>{}, {}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>",
        html_escape(&chart.title),
        html_escape(&chart.subtitle)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::DATASET;
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

    #[test]
    fn html_is_escaped() {
        assert_eq!(html_escape("<img src=x onerror=\"a\">&'"), "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
        let table = html_table(&DATASET, &chart("view=pipeline"));
        assert_eq!(table.matches("<tr><th scope=\"row\">").count(), 4);
        assert!(table.contains("<td class=\"number\">more than 2,500</td>"));
    }

    #[cfg(feature = "spanish")]
    #[test]
    fn table_rows_are_in_the_chart_language() {
        let es = table_rows(&DATASET, &chart("view=pipeline&lang=es"));
        assert!(es.iter().any(|r| r[3] == "más de 2.500" && r[1] == "Todo el DHS"), "{es:?}");
    }
}
