//! The two languages the data is written in: each name and note has an English column and a
//! Spanish one (`_es`). Which of them a build offers its readers is the viewer's choice.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// The language's code, as URLs and the `lang` attribute write it.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Picks the English or Spanish of a pair; English where the Spanish is empty.
    pub fn pick<'a>(self, en: &'a str, es: &'a str) -> &'a str {
        match self {
            Lang::Es if !es.is_empty() => es,
            _ => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_falls_back_to_english_where_a_name_has_no_translation() {
        assert_eq!(Lang::Es.pick("Arrests", ""), "Arrests");
        assert_eq!(Lang::Es.pick("Arrests", "Arrestos"), "Arrestos");
        assert_eq!(Lang::En.pick("Arrests", "Arrestos"), "Arrests");
        assert_eq!((Lang::En.id(), Lang::Es.id()), ("en", "es"));
    }
}
