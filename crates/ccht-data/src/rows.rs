//! A row added to a data file as a spreadsheet would write it (RFC 4180: a field quoted only when it
//! holds a comma, a quote or a line break), its fields put in the order of the file's own header,
//! with the file's own line ending. Everything before it stays byte for byte as it was.

use crate::quote::quoted;

/// `text` with one more row, `fields` given as (column, value); a column the row leaves out is
/// empty. Refuses a column the header does not have, and a file without a header.
pub fn append_row(file: &str, text: &str, fields: &[(&str, &str)]) -> Result<String, String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let header = reader
        .records()
        .filter_map(Result::ok)
        .find(|r| !(r.len() == 1 && r[0].trim().is_empty()))
        .ok_or_else(|| format!("{file}: has no header line to add a row under"))?;
    let header: Vec<String> = header.iter().map(|c| c.trim().trim_start_matches('\u{feff}').to_string()).collect();
    if let Some((column, _)) = fields.iter().find(|(column, _)| !header.iter().any(|h| h == column)) {
        return Err(format!("{file}: has no column {}", quoted(column)));
    }
    let row = header.iter().map(|h| fields.iter().find(|(c, _)| c == h).map_or("", |(_, v)| *v));
    let crlf = text.contains("\r\n");
    let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer = csv::WriterBuilder::new().terminator(terminator).from_writer(Vec::new());
    writer.write_record(row).map_err(|e| format!("{file}: {e}"))?;
    let written = writer.into_inner().map_err(|e| format!("{file}: {e}"))?;
    let written = String::from_utf8(written).map_err(|e| format!("{file}: {e}"))?;
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(if crlf { "\r\n" } else { "\n" });
    }
    out.push_str(&written);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_follows_the_header_and_the_line_ending_and_is_quoted_only_where_needed() {
        let text = "b,a,c\n1,2,3";
        assert_eq!(
            append_row("f.csv", text, &[("a", "x, y"), ("b", "say \"hi\"")]),
            Ok("b,a,c\n1,2,3\n\"say \"\"hi\"\"\",\"x, y\",\n".into())
        );
        assert_eq!(append_row("f.csv", "\u{feff}a,b\r\n", &[("a", "1")]), Ok("\u{feff}a,b\r\n1,\r\n".into()));
        assert_eq!(append_row("f.csv", "a,b\n", &[("z", "1")]), Err("f.csv: has no column \"z\"".into()));
        assert_eq!(append_row("f.csv", "\n\n", &[]), Err("f.csv: has no header line to add a row under".into()));
    }
}
