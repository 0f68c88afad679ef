//! Exports of a view: CSV of its figures (RFC 4180) and an HTML table for the no-script fallback.
//! The SVG export is `draw::svg`, the same drawing code as the canvas.

use crate::text::{plain_decimal, spoken};
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

/// A static HTML table of a chart's figures, for readers whose browsers run no script.
pub fn html_table(dataset: &Dataset, chart: &Chart) -> String {
    let mut out = format!(
        "<table class=\"fallback-table\">\n<caption>{}, {}</caption>\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Component</th><th scope=\"col\">Fiscal year</th><th scope=\"col\">Value</th><th scope=\"col\">Source sentence</th></tr></thead>\n<tbody>\n",
        html_escape(&chart.title),
        html_escape(&chart.subtitle)
    );
    for r in records(dataset, chart) {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td><q>{}</q></td></tr>\n",
            html_escape(&dataset.metrics[r.metric].name),
            html_escape(&dataset.components[r.component].name),
            r.fiscal_year,
            html_escape(&spoken(r.value, dataset.kind_of(r).unit, r.qualifier, chart.lang)),
            html_escape(&r.source_sentence),
        ));
    }
    out.push_str("</tbody>\n</table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::DATASET;
    use crate::view::{select, ViewSpec};

    fn chart(query: &str) -> Chart {
        select(&DATASET, &ViewSpec::from_query(&DATASET, query).0)
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
        assert!(table.contains("<td>more than 2,500</td>"));
    }
}
