//! APA 7, as citeproc-js renders the CSL style `apa.csl` for a `dataset` as plain text: the
//! reference-list entry and the parenthetical citation. The citation test renders every figure's
//! CSL-JSON with citeproc-js and holds these strings to its output.

use super::locale::Terms;
use super::{period, Reference};

/// "U.S. Department of Homeland Security. (2025). Title [Genre]. In Compilation (Version 3). URL";
/// an undated work says when it was retrieved.
pub fn apa(r: &Reference, terms: &Terms) -> String {
    let year = r.issued.map_or(terms.no_date.to_string(), |d| d.year.to_string());
    let place = match r.issued {
        Some(_) => r.url.clone(),
        None => terms.retrieved(r.accessed, &r.url),
    };
    format!(
        "{} ({year}). {} [{}]. {} {} ({} {}). {place}",
        period(&r.author),
        r.title,
        r.genre,
        terms.in_,
        r.container,
        terms.version,
        r.version
    )
}

/// "(U.S. Department of Homeland Security, 2025)".
pub fn apa_in_text(r: &Reference, terms: &Terms) -> String {
    let year = r.issued.map_or(terms.no_date.to_string(), |d| d.year.to_string());
    format!("({}, {year})", r.author)
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;
    use ccht_data::Lang;

    #[test]
    fn dated_and_undated() {
        let (dated, undated) = sample();
        let en = Terms::of(Lang::En);
        assert_eq!(
            apa(&dated, &en),
            "U.S. Department of Homeland Security. (2025). The Release [Arrests, DHS-wide, FY 2024: more than 2,500]. In Figures (Version 3). https://example.org/v"
        );
        assert_eq!(
            apa(&undated, &Terms::of(Lang::Es)),
            "Border Report. (s.\u{a0}f.). An article [Arrests, DHS-wide, FY 2024: more than 2,500]. En Figures (Versión 3). Recuperado 7 de diciembre de 2026, de https://example.org/v"
        );
        assert_eq!(apa_in_text(&undated, &en), "(Border Report, n.d.)");
    }
}
