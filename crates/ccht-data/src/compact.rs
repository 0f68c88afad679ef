//! The dataset in the compact form the viewer's Wasm embeds: every distinct string once, NUL
//! between them, and every field a `u16`: a string by its number, a row by its index. A table of
//! `Cow`s compiled in would cost 12 bytes a field; this costs 2.
//!
//! [`encode`] runs in the viewer's `build.rs`, on the dataset [`load`](crate::load) checked;
//! [`decode`] runs in the Wasm. The two must agree field for field: a test round-trips the
//! repository's data.

use crate::dataset::Dataset;
use crate::tables::{Component, Kind, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Unit};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// What [`encode`] makes of a dataset.
#[derive(Debug, Default, PartialEq)]
pub struct Compact {
    /// The distinct strings in order of first use, NUL between them.
    pub text: String,
    /// Every count, index, year, line and string number, in the order [`decode`] reads them.
    pub words: Vec<u16>,
    /// The records' values, in order.
    pub values: Vec<f64>,
}

impl Compact {
    /// Rust source defining `TEXT`, `WORDS` and `VALUES`, for `include!` beside a call to [`decode`].
    pub fn to_rust_source(&self) -> String {
        let mut s = String::new();
        // A NUL written before a digit (`\02024`) looks like an octal escape to clippy; it is a NUL.
        let _ = writeln!(s, "#[allow(clippy::octal_escapes)]\nconst TEXT: &str = {:?};", self.text);
        let _ = writeln!(s, "const WORDS: &[u16] = &{:?};", self.words);
        let values: Vec<String> = self.values.iter().map(|v| format!("{v:?}")).collect();
        let _ = writeln!(s, "const VALUES: &[f64] = &[{}];", values.join(", "));
        s
    }
}

/// The compact form of `d`. Without `spanish` (the first view's lean Wasm) the Spanish columns are
/// left out, as empty strings. An error if a number passes 65,535 or a text holds a NUL.
pub fn encode(d: &Dataset, spanish: bool) -> Result<Compact, String> {
    let mut w = Words::default();
    let es = |text: &str| if spanish { text.to_string() } else { String::new() };
    for n in [d.components.len(), d.kinds.len(), d.metrics.len(), d.sources.len(), d.records.len(), d.pipeline.len()] {
        w.number(n)?;
    }
    for c in d.components.iter() {
        for t in [&c.id, &c.name, &c.short_name] {
            w.text(t)?;
        }
        w.text(&es(&c.name_es))?;
        w.text(&es(&c.short_name_es))?;
    }
    for k in d.kinds.iter() {
        w.text(&k.id)?;
        w.text(&k.name)?;
        w.number(k.unit as usize)?;
        w.text(&k.noun)?;
        w.text(&es(&k.name_es))?;
        w.text(&es(&k.noun_es))?;
    }
    for m in d.metrics.iter() {
        w.text(&m.id)?;
        w.text(&m.name)?;
        w.number(m.kind)?;
        w.text(&es(&m.name_es))?;
        w.text(&m.note)?;
        w.text(&es(&m.note_es))?;
    }
    for src in d.sources.iter() {
        for t in [&src.id, &src.title, &src.publisher, &src.date, &src.url, &src.url_note] {
            w.text(t)?;
        }
        w.text(&es(&src.url_note_es))?;
        w.number(src.kind as usize)?;
    }
    let mut values = Vec::with_capacity(d.records.len());
    for r in d.records.iter() {
        w.number(r.fiscal_year as usize)?;
        w.number(r.component)?;
        w.number(r.metric)?;
        values.push(r.value);
        w.number(r.qualifier as usize)?;
        w.text(&r.as_written)?;
        w.number(r.source)?;
        for t in [&r.source_sentence, &r.reported_as, &r.note] {
            w.text(t)?;
        }
        w.text(&es(&r.note_es))?;
        w.number(r.derived_from.len())?;
        for &i in r.derived_from.iter() {
            w.number(i)?;
        }
        w.text(&r.derivation)?;
        w.number(r.line as usize)?;
    }
    for p in d.pipeline.iter() {
        w.number(p.component)?;
        w.number(p.metric)?;
    }
    Ok(Compact { text: w.texts.join("\0"), words: w.words, values })
}

/// The `u16`s of the compact dataset, and its distinct strings in order of first use.
#[derive(Default)]
struct Words {
    words: Vec<u16>,
    texts: Vec<String>,
    /// Each distinct string's number.
    numbered: HashMap<String, u16>,
}

impl Words {
    fn number(&mut self, n: usize) -> Result<(), String> {
        let n = u16::try_from(n).map_err(|_| {
            format!("a count, index, year or line number in the data is {n}; the embedding holds at most 65,535")
        })?;
        self.words.push(n);
        Ok(())
    }

    fn text(&mut self, t: &str) -> Result<(), String> {
        if t.contains('\0') {
            return Err(format!("a text contains a NUL character: {t:?}"));
        }
        let n = match self.numbered.get(t) {
            Some(&n) => n,
            None => {
                let n = u16::try_from(self.texts.len()).map_err(|_| {
                    "the data has more than 65,535 distinct texts; the embedding holds no more".to_string()
                })?;
                self.texts.push(t.to_string());
                self.numbered.insert(t.to_string(), n);
                n
            }
        };
        self.words.push(n);
        Ok(())
    }
}

/// Reads the fields in the order [`encode`] wrote them.
struct Fields {
    texts: Vec<&'static str>,
    words: std::slice::Iter<'static, u16>,
}

// Not inlined: each is called at every field, and one copy keeps the decoder small.
impl Fields {
    #[inline(never)]
    fn number(&mut self) -> usize {
        self.words.next().map_or(0, |&w| w as usize)
    }

    #[inline(never)]
    fn text(&mut self) -> Cow<'static, str> {
        let n = self.number();
        Cow::Borrowed(self.texts.get(n).copied().unwrap_or(""))
    }

    fn rows<T>(&mut self, count: usize, mut row: impl FnMut(&mut Fields) -> T) -> Cow<'static, [T]>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        Cow::Owned((0..count).map(|_| row(self)).collect())
    }
}

/// The dataset again, from what [`Compact::to_rust_source`] compiled in. The strings are borrowed,
/// so start-up allocates only the tables' rows, once. It trusts its input: [`encode`] wrote it from
/// a dataset that [`load`](crate::load) checked.
pub fn decode(text: &'static str, words: &'static [u16], values: &'static [f64]) -> Dataset {
    let mut f = Fields { texts: text.split('\0').collect(), words: words.iter() };
    let counts: Vec<usize> = (0..6).map(|_| f.number()).collect();
    let mut values = values.iter().copied();
    Dataset {
        components: f.rows(counts[0], |f| Component {
            id: f.text(),
            name: f.text(),
            short_name: f.text(),
            name_es: f.text(),
            short_name_es: f.text(),
        }),
        kinds: f.rows(counts[1], |f| Kind {
            id: f.text(),
            name: f.text(),
            unit: [Unit::Count, Unit::Dollars, Unit::Percent].get(f.number()).copied().unwrap_or(Unit::Count),
            noun: f.text(),
            name_es: f.text(),
            noun_es: f.text(),
        }),
        metrics: f.rows(counts[2], |f| Metric {
            id: f.text(),
            name: f.text(),
            kind: f.number(),
            name_es: f.text(),
            note: f.text(),
            note_es: f.text(),
        }),
        sources: f.rows(counts[3], |f| Source {
            id: f.text(),
            title: f.text(),
            publisher: f.text(),
            date: f.text(),
            url: f.text(),
            url_note: f.text(),
            url_note_es: f.text(),
            kind: if f.number() == 0 { SourceKind::Primary } else { SourceKind::Secondary },
        }),
        records: f.rows(counts[4], |f| Record {
            fiscal_year: f.number() as u16,
            component: f.number(),
            metric: f.number(),
            value: values.next().unwrap_or(0.0),
            qualifier: [Qualifier::Exact, Qualifier::AtLeast, Qualifier::Approximate, Qualifier::Derived]
                .get(f.number())
                .copied()
                .unwrap_or(Qualifier::Exact),
            as_written: f.text(),
            source: f.number(),
            source_sentence: f.text(),
            reported_as: f.text(),
            note: f.text(),
            note_es: f.text(),
            derived_from: {
                let n = f.number();
                Cow::Owned((0..n).map(|_| f.number()).collect())
            },
            derivation: f.text(),
            line: f.number() as u32,
        }),
        pipeline: f.rows(counts[5], |f| PipelineStage { component: f.number(), metric: f.number() }),
        index: OnceLock::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repository_data;

    /// Decodes what `encode` wrote, as the Wasm does (its input leaked to be `'static`).
    fn round_trip(d: &Dataset, spanish: bool) -> Dataset {
        let c = encode(d, spanish).unwrap();
        decode(String::leak(c.text), Vec::leak(c.words), Vec::leak(c.values))
    }

    #[test]
    fn the_repository_data_round_trips() {
        let d = repository_data();
        assert_eq!(&round_trip(d, true), d);
        assert!(d.records.iter().any(|r| !r.derived_from.is_empty()), "a derived record is in the round trip");
    }

    #[test]
    fn without_spanish_only_the_spanish_columns_are_empty() {
        let d = repository_data();
        let lean = round_trip(d, false);
        assert_ne!(&lean, d);
        let mut expected = d.clone();
        let none = || Cow::Borrowed("");
        for c in expected.components.to_mut() {
            (c.name_es, c.short_name_es) = (none(), none());
        }
        for k in expected.kinds.to_mut() {
            (k.name_es, k.noun_es) = (none(), none());
        }
        for m in expected.metrics.to_mut() {
            (m.name_es, m.note_es) = (none(), none());
        }
        for s in expected.sources.to_mut() {
            s.url_note_es = none();
        }
        for r in expected.records.to_mut() {
            r.note_es = none();
        }
        assert_eq!(lean, expected);
    }

    #[test]
    fn strings_are_stored_once_and_limits_are_refused() {
        let d = repository_data();
        let c = encode(d, true).unwrap();
        let texts: Vec<&str> = c.text.split('\0').collect();
        let distinct: std::collections::HashSet<&str> = texts.iter().copied().collect();
        assert_eq!(distinct.len(), texts.len());
        let mut big = d.clone();
        big.records.to_mut()[0].line = 70_000;
        assert!(encode(&big, true).unwrap_err().contains("70000"));
        let mut nul = d.clone();
        nul.records.to_mut()[0].note = Cow::Borrowed("a\0b");
        assert!(encode(&nul, true).unwrap_err().contains("NUL"));
    }

    #[test]
    fn the_rust_source_defines_the_three_tables() {
        let c = Compact { text: "a\0\"b\"".into(), words: vec![1, 2], values: vec![2545.0, 0.5] };
        assert_eq!(
            c.to_rust_source(),
            "#[allow(clippy::octal_escapes)]\nconst TEXT: &str = \"a\\0\\\"b\\\"\";\nconst WORDS: &[u16] = &[1, 2];\nconst VALUES: &[f64] = &[2545.0, 0.5];\n"
        );
    }
}
