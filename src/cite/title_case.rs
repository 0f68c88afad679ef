//! Title case as citeproc-js applies it to English titles in Chicago style: each lower-case word
//! capitalised, except the short words of CSL's skip list where they are neither first, last, nor
//! after a colon; a word that already holds a capital ("DHS", "FY2023") is left as written, and so
//! is each part of a hyphenated word. The citation test holds the result to citeproc-js itself.

/// CSL's one-word skip words (citeproc-js `CSL.SKIP_WORDS`).
#[rustfmt::skip]
const SKIP_WORDS: &[&str] = &[
    "about", "above", "across", "afore", "after", "against", "al", "along", "alongside", "amid", "amidst", "among",
    "amongst", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart", "atop", "barring",
    "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "circa", "despite",
    "down", "during", "et", "except", "for", "forenenst", "from", "given", "in", "inside", "into", "lest", "like",
    "modulo", "near", "next", "notwithstanding", "of", "off", "on", "onto", "out", "over", "per", "plus", "pro", "qua",
    "sans", "since", "than", "through", "throughout", "thruout", "till", "to", "toward", "towards", "under",
    "underneath", "until", "unto", "up", "upon", "versus", "vs", "v", "via", "with", "within", "without", "or", "yet",
    "so", "and", "nor", "a", "an", "the", "de", "von", "van", "c", "ca",
];

/// `title` in title case (English).
pub fn title_case(title: &str) -> String {
    let words: Vec<&str> = title.split(' ').collect();
    let last = words.len().saturating_sub(1);
    let mut after_colon = true;
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let edge = after_colon || i == last;
        let cased: Vec<String> = word.split('-').map(|part| capitalised(part, edge)).collect();
        out.push(cased.join("-"));
        after_colon = word.ends_with(':');
    }
    out.join(" ")
}

/// A lower-case word with its first letter in capitals, unless it is a skip word inside a title.
fn capitalised(word: &str, edge: bool) -> String {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let lower = !letters.is_empty() && letters.chars().all(char::is_lowercase);
    if !lower || (!edge && SKIP_WORDS.contains(&letters.as_str())) {
        return word.to_string();
    }
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalises_all_but_short_words_inside() {
        assert_eq!(
            title_case("Article on the first year of the DHS counter-trafficking center"),
            "Article on the First Year of the DHS Counter-Trafficking Center"
        );
        assert_eq!(
            title_case("DHS FY2023 release on training against trafficking"),
            "DHS FY2023 Release on Training against Trafficking"
        );
        assert_eq!(title_case("what it is for: out of date, up to"), "What It Is for: Out of Date, up To");
        assert_eq!(title_case("more than 275,000 people"), "More than 275,000 People");
    }
}
