//! Chicago author-date (18th edition), as citeproc-js renders `chicago-author-date.csl` for a
//! `dataset` as plain text. English titles are title-cased, as the style asks; an undated work says
//! when it was accessed, a dated one gives its month and day after the year.

use super::locale::Terms;
use super::title_case::title_case;
use super::{period, Reference};
use ccht_data::Lang;

/// "U.S. Department of Homeland Security. 2025. “Title.” Genre. In Compilation, version 3. August 14. URL."
pub fn chicago(r: &Reference, terms: &Terms) -> String {
    let english = terms.lang == Lang::En;
    let cased = |s: &str| if english { title_case(s) } else { s.to_string() };
    let (open, close) = terms.quotes;
    // English puts the period inside the closing quote; Spanish after the guillemet.
    let title =
        if english { format!("{open}{}.{close}", cased(&r.title)) } else { format!("{open}{}{close}.", r.title) };
    let (year, when) = match r.issued {
        Some(date) => (date.year.to_string(), format!("{}.", terms.month_day(date))),
        None => (terms.no_date.to_string(), terms.accessed(r.accessed)),
    };
    format!(
        "{} {} {title} {} {} {}, {} {}. {when} {}",
        period(&r.author),
        period(&year),
        period(&r.genre),
        terms.in_,
        cased(&r.container),
        terms.version.to_lowercase(),
        r.version,
        period(&r.url)
    )
}

/// "(U.S. Department of Homeland Security 2025)"; undated, "(Border Report, n.d.)".
pub fn chicago_in_text(r: &Reference, terms: &Terms) -> String {
    match r.issued {
        Some(date) => format!("({} {})", r.author, date.year),
        None => format!("({}, {})", r.author, terms.no_date),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn dated_and_undated() {
        let (dated, undated) = sample();
        assert_eq!(
            chicago(&dated, &Terms::of(Lang::En)),
            "U.S. Department of Homeland Security. 2025. \u{201c}The Release.\u{201d} Arrests, DHS-wide, FY 2024: more than 2,500. In Figures, version 3. August 14. https://example.org/v."
        );
        assert_eq!(
            chicago(&undated, &Terms::of(Lang::En)),
            "Border Report. n.d. \u{201c}An Article.\u{201d} Arrests, DHS-wide, FY 2024: more than 2,500. In Figures, version 3. Accessed December 7, 2026. https://example.org/v."
        );
        assert_eq!(
            chicago(&undated, &Terms::of(Lang::Es)),
            "Border Report. s.\u{a0}f. «An article». Arrests, DHS-wide, FY 2024: more than 2,500. En Figures, versión 3. Accedido 7 de diciembre de 2026. https://example.org/v."
        );
        assert_eq!(chicago_in_text(&dated, &Terms::of(Lang::En)), "(U.S. Department of Homeland Security 2025)");
        assert_eq!(chicago_in_text(&undated, &Terms::of(Lang::En)), "(Border Report, n.d.)");
    }
}
