//! The few words and date forms the two citation styles use, in English and Spanish, as the CSL
//! locale files give them to citeproc-js (`tests/fixtures/csl/locales-en-US.xml`,
//! `tests/fixtures/csl/locales-es-ES.xml`): kept here rather than in `text::STRINGS`, so the first
//! view's lean Wasm, which never cites, does not carry them.

use super::IsoDate;
use ccht_data::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// One language's terms.
pub struct Terms {
    pub lang: Lang,
    /// "n.d.", "s. f." (with a no-break space, as the Spanish locale writes it): no date.
    pub no_date: &'static str,
    /// "In", "En": before the compilation's title.
    pub in_: &'static str,
    /// "Version", "Versión" (APA capitalises it; Chicago does not).
    pub version: &'static str,
    /// Chicago's quotation marks around a title.
    pub quotes: (&'static str, &'static str),
}

impl Terms {
    pub fn of(lang: Lang) -> Terms {
        match lang {
            Lang::Es => Terms { lang, no_date: "s.\u{a0}f.", in_: "En", version: "Versión", quotes: ("«", "»") },
            Lang::En => {
                Terms { lang, no_date: "n.d.", in_: "In", version: "Version", quotes: ("\u{201c}", "\u{201d}") }
            }
        }
    }

    fn month(&self, date: IsoDate) -> &'static str {
        let months = match self.lang {
            Lang::Es => &MONTHS_ES,
            Lang::En => &MONTHS_EN,
        };
        months[usize::from(date.month.clamp(1, 12) - 1)]
    }

    /// "December 7, 2026", "7 de diciembre de 2026".
    pub fn long_date(&self, date: IsoDate) -> String {
        match self.lang {
            Lang::Es => format!("{} de {} de {}", date.day, self.month(date), date.year),
            Lang::En => format!("{} {}, {}", self.month(date), date.day, date.year),
        }
    }

    /// "August 14", "agosto 14": Chicago's month and day after the year.
    pub fn month_day(&self, date: IsoDate) -> String {
        format!("{} {}", self.month(date), date.day)
    }

    /// APA's access line for an undated work: "Retrieved December 7, 2026, from URL".
    pub fn retrieved(&self, date: IsoDate, url: &str) -> String {
        match self.lang {
            Lang::Es => format!("Recuperado {}, de {url}", self.long_date(date)),
            Lang::En => format!("Retrieved {}, from {url}", self.long_date(date)),
        }
    }

    /// Chicago's access sentence for an undated work: "Accessed December 7, 2026."
    pub fn accessed(&self, date: IsoDate) -> String {
        match self.lang {
            Lang::Es => format!("Accedido {}.", self.long_date(date)),
            Lang::En => format!("Accessed {}.", self.long_date(date)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        let date = IsoDate { year: 2026, month: 12, day: 7 };
        assert_eq!(Terms::of(Lang::En).long_date(date), "December 7, 2026");
        assert_eq!(Terms::of(Lang::Es).long_date(date), "7 de diciembre de 2026");
        assert_eq!(Terms::of(Lang::Es).month_day(date), "diciembre 7");
        assert_eq!(Terms::of(Lang::En).retrieved(date, "u"), "Retrieved December 7, 2026, from u");
    }
}
