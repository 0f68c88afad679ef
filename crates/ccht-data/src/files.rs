//! The data files: their names, their texts, and each read into rows by the `csv` crate (RFC 4180:
//! quoted fields, doubled quotes, CRLF, a byte-order mark), matched to its columns by the header.
//! A problem is a [`DataError`], written `file:line: reason`, so an analyst can go straight to it.

use crate::quote::quoted;
use serde::de::DeserializeOwned;
use std::fmt;

/// The text of each data file, with the name its errors should carry.
pub struct DataFiles<'a> {
    pub components: (&'a str, &'a str),
    pub kinds: (&'a str, &'a str),
    pub metrics: (&'a str, &'a str),
    pub sources: (&'a str, &'a str),
    pub records: (&'a str, &'a str),
    pub pipeline: (&'a str, &'a str),
}

/// Every file the loader reads, in the order of [`DataFiles`], relative to the data folder.
pub const FILE_NAMES: [&str; 6] =
    ["components.csv", "kinds.csv", "metrics.csv", "sources.csv", "records.csv", "pipeline.csv"];

impl<'a> DataFiles<'a> {
    /// The six files as (name, text), in [`FILE_NAMES`] order.
    pub fn in_order(files: [(&'a str, &'a str); 6]) -> DataFiles<'a> {
        let [components, kinds, metrics, sources, records, pipeline] = files;
        DataFiles { components, kinds, metrics, sources, records, pipeline }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// The line the problem is on; 0 for the file as a whole (it cannot be read).
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.reason),
            line => write!(f, "{}:{line}: {}", self.file, self.reason),
        }
    }
}

/// A row type: its columns, as the header must name them.
pub(crate) trait Columns: DeserializeOwned {
    const COLUMNS: &'static [&'static str];
}

/// A row of text fields, one per column, read by name; the columns are the fields, so the two
/// cannot disagree. Values are checked by the tables' own rules, which word the problem.
macro_rules! row {
    ($(#[$doc:meta])* $name:ident { $($column:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(serde::Deserialize)]
        pub(crate) struct $name {
            $(pub $column: String,)*
        }

        impl $crate::files::Columns for $name {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($column)),*];
        }
    };
}
pub(crate) use row;

/// One file's rows, each with the line it starts on.
pub(crate) struct Table<'a, R> {
    pub file: &'a str,
    pub rows: Vec<(usize, R)>,
}

impl<R> Table<'_, R> {
    pub fn error(&self, line: usize, reason: impl Into<String>) -> DataError {
        DataError { file: self.file.to_string(), line, reason: reason.into() }
    }
}

/// Reads a file whose header names `R`'s columns, in any order. Fields are trimmed; a line of
/// blanks is no row. A header problem stops the file (`None`); a row with the wrong number of
/// fields is reported and skipped, and so is a field holding a line break: no data field has one,
/// and an unclosed quote makes one of the rest of the file.
pub(crate) fn read_table<'a, R: Columns>(
    (file, text): (&'a str, &str),
    errors: &mut Vec<DataError>,
) -> Option<Table<'a, R>> {
    let err = |line: usize, reason: String| DataError { file: file.to_string(), line, reason };
    let columns = R::COLUMNS.join(",");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = Lines { text, offset: 0, line: 1 };
    let mut line_of = |byte: Option<u64>| lines.at(byte.unwrap_or(0) as usize);
    let blank = |record: &csv::StringRecord| record.len() == 1 && record[0].is_empty();
    let header = match records.find(|r| !r.as_ref().is_ok_and(blank)) {
        None => {
            errors.push(err(1, format!("the file is empty; its first line must be the header {columns}")));
            return None;
        }
        Some(Err(e)) => {
            errors.push(err(line_of(e.position().map(|p| p.byte())), format!("cannot be read as CSV: {e}")));
            return None;
        }
        Some(Ok(header)) => header,
    };
    let header_line = line_of(header.position().map(|p| p.byte()));
    if let Some(unknown) = header.iter().find(|name| !R::COLUMNS.contains(name)) {
        errors.push(err(header_line, format!("unknown column {}; the columns are {columns}", quoted(unknown))));
        return None;
    }
    for (i, name) in header.iter().enumerate() {
        if header.iter().take(i).any(|earlier| earlier == name) {
            errors.push(err(header_line, format!("the column {} is named twice", quoted(name))));
            return None;
        }
    }
    if let Some(missing) = R::COLUMNS.iter().find(|c| !header.iter().any(|name| name == **c)) {
        errors.push(err(header_line, format!("the header lacks the column {}", quoted(missing))));
        return None;
    }
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) if blank(&record) => continue,
            Ok(record) => record,
            Err(e) => {
                errors.push(err(line_of(e.position().map(|p| p.byte())), format!("cannot be read as CSV: {e}")));
                continue;
            }
        };
        let line = line_of(record.position().map(|p| p.byte()));
        if record.len() != header.len() {
            errors.push(err(line, format!("{} fields where the header has {}", record.len(), header.len())));
        } else if let Some(i) = record.iter().position(|field| field.contains(['\n', '\r'])) {
            errors.push(err(line, format!("the {} field holds a line break; is a closing quote missing?", &header[i])));
        } else {
            match record.deserialize::<R>(Some(&header)) {
                Ok(row) => rows.push((line, row)),
                Err(e) => errors.push(err(line, format!("cannot be read: {e}"))),
            }
        }
    }
    Some(Table { file, rows })
}

/// The line a record starts on, counted as records come, in order. (The csv crate's own line
/// numbers skip blank lines and miscount CRLF; its byte offsets are right, but for the line breaks
/// before a record, which are skipped here.)
struct Lines<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, byte: usize) -> usize {
        let rest = self.text.get(byte..).unwrap_or("");
        let start = byte + rest.len() - rest.trim_start_matches(['\r', '\n']).len();
        let passed = self.text.as_bytes().get(self.offset..start).unwrap_or(&[]);
        self.line += passed.iter().filter(|&&b| b == b'\n').count();
        self.offset = self.offset.max(start);
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    row! {
        /// Two columns, as a test table has them.
        Pair { a, b }
    }

    fn read(text: &str) -> Result<Vec<(usize, String, String)>, Vec<String>> {
        let mut errors = Vec::new();
        let table = read_table::<Pair>(("t.csv", text), &mut errors);
        match table {
            Some(t) if errors.is_empty() => Ok(t.rows.into_iter().map(|(line, r)| (line, r.a, r.b)).collect()),
            _ => Err(errors.iter().map(|e| e.to_string()).collect()),
        }
    }

    fn row(line: usize, a: &str, b: &str) -> (usize, String, String) {
        (line, a.to_string(), b.to_string())
    }

    #[test]
    fn quotes_crlf_a_byte_order_mark_and_columns_in_any_order() {
        let rows = read("\u{feff}b,a\r\n\"x, \"\"y\"\"\", two \r\n\nlast,\n").unwrap();
        assert_eq!(rows, [row(2, "two", "x, \"y\""), row(4, "", "last")]);
        assert_eq!(Pair::COLUMNS, ["a", "b"]);
    }

    #[test]
    fn blank_lines_are_no_rows_and_a_comma_makes_one() {
        assert_eq!(read("a,b\n  \n,\n").unwrap(), [row(3, "", "")]);
        assert_eq!(read("\n\na,b\n1,2\n").unwrap(), [row(4, "1", "2")]);
        assert_eq!(read("a,b\r\n\r\n\r\n1,2\r\n\"3\",4").unwrap(), [row(4, "1", "2"), row(5, "3", "4")]);
    }

    #[test]
    fn headers_are_matched_to_the_columns() {
        assert_eq!(read("").unwrap_err(), ["t.csv:1: the file is empty; its first line must be the header a,b"]);
        assert_eq!(read("a\n1\n").unwrap_err(), ["t.csv:1: the header lacks the column \"b\""]);
        assert_eq!(read("a,b,c\n").unwrap_err(), ["t.csv:1: unknown column \"c\"; the columns are a,b"]);
        assert_eq!(read("a,b,a\n").unwrap_err(), ["t.csv:1: the column \"a\" is named twice"]);
    }

    #[test]
    fn rows_with_the_wrong_count_or_a_line_break_are_reported_at_their_line() {
        assert_eq!(
            read("a,b\n1,2,3\n4,5\n6\n").unwrap_err(),
            ["t.csv:2: 3 fields where the header has 2", "t.csv:4: 1 fields where the header has 2"]
        );
        assert_eq!(
            read("a,b\n1,\"open\n2,3\n").unwrap_err(),
            ["t.csv:2: the b field holds a line break; is a closing quote missing?"]
        );
        assert_eq!(
            read("a,b\n\"x\ny\",1\n").unwrap_err(),
            ["t.csv:2: the a field holds a line break; is a closing quote missing?"]
        );
    }

    #[test]
    fn errors_name_file_and_line_or_the_whole_file() {
        let e = DataError { file: "data/x.csv".into(), line: 3, reason: "bad".into() };
        assert_eq!(e.to_string(), "data/x.csv:3: bad");
        assert_eq!(DataError { line: 0, ..e }.to_string(), "data/x.csv: bad");
    }
}
