//! The number finder: every number a text states, as a reader would take it, for the fidelity
//! check and the studio's reading of a source. Its own module, since both use it and the fidelity
//! check reads sources through the reading.

/// A number as written in a text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

const NUMBER_WORDS: [&str; 14] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "hundred",
    "thousand",
    "thousands",
];

/// Every number in a text: "1,686", "3.7 million", "84%", "866-347-2423", and number words such
/// as "thousands", which a reader would take for a figure as well.
pub fn mentions(text: &str) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if bytes[i].is_ascii_digit() && starts_word {
            let start = i;
            let joins_digits =
                |i: usize| matches!(bytes[i], b',' | b'.' | b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            while i < bytes.len() && (bytes[i].is_ascii_digit() || joins_digits(i)) {
                i += 1;
            }
            // "3.7 million", with a space or, as web pages write it, a no-break space.
            for scale in ["million", "billion", "thousand"] {
                for space in [" ", "\u{a0}"] {
                    if text[i..].strip_prefix(space).is_some_and(|rest| rest.starts_with(scale)) {
                        i += space.len() + scale.len();
                    }
                }
            }
            if bytes.get(i) == Some(&b'%') {
                i += 1;
            }
            found.push(Mention { start, end: i, text: text[start..i].to_string() });
            continue;
        }
        if bytes[i].is_ascii_alphabetic() && starts_word {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = text[start..i].to_ascii_lowercase();
            if NUMBER_WORDS.contains(&word.as_str()) {
                found.push(Mention { start, end: i, text: word });
            }
            continue;
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanner_sees_every_form_of_number() {
        let text = "In FY 2024, 1,686 cases, more than 3.7 million clicks, 84% up; call 866-347-2423; thousands more.";
        let found: Vec<String> = mentions(text).into_iter().map(|m| m.text).collect();
        assert_eq!(found, ["2024", "1,686", "3.7 million", "84%", "866-347-2423", "thousands"]);
        let first = &mentions("x 12,5.")[0];
        assert_eq!((first.start, first.end, first.text.as_str()), (2, 6, "12,5"));
        assert!(mentions("a2 b3c").is_empty());
    }
}
