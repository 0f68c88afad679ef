//! The Cite panel's words, in English and Spanish. Here, not in `text::STRINGS`, so that only the
//! complete build, which cites, carries them; the page asks for them with `Viewer.citeWords()`.

use ccht_data::Lang;

/// (key, English, Spanish).
const WORDS: &[(&str, &str, &str)] = &[
    ("title_chart", "Cite this chart", "Citar este gráfico"),
    ("title_figure", "Cite this figure", "Citar esta cifra"),
    ("what", "What to cite", "Qué citar"),
    ("whole", "The whole chart", "Todo el gráfico"),
    ("format", "Format", "Formato"),
    ("quote", "Quotation", "Cita textual"),
    ("apa", "APA 7", "APA 7"),
    ("chicago", "Chicago (author-date)", "Chicago (autor-fecha)"),
    ("bibtex", "BibTeX", "BibTeX"),
    ("csl", "CSL-JSON", "CSL-JSON"),
    ("copy", "Copy", "Copiar"),
    ("copied", "Copied.", "Copiado."),
    ("copy_manually", "Select the text and copy it.", "Seleccione el texto y cópielo."),
    ("in_text", "In the text: {0}", "En el texto: {0}"),
    ("version", "Data version {0}, read on {1}.", "Versión {0} de los datos, consultada el {1}."),
    ("nothing", "This chart has no figures to cite.", "Este gráfico no tiene cifras que citar."),
    ("close", "Close", "Cerrar"),
];

/// The words in `lang`, as (key, text).
pub fn panel_words(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    WORDS.iter().map(move |&(key, en, es)| (key, lang.pick(en, es)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_in_both_languages() {
        for &(key, en, es) in WORDS {
            assert!(!en.is_empty() && !es.is_empty(), "{key}");
        }
        assert_eq!(panel_words(Lang::Es).find(|(k, _)| *k == "copy"), Some(("copy", "Copiar")));
    }
}
