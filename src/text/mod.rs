//! Words and numbers as readers see them: the interface strings of each language, and figures
//! written out without rounding anything away.

mod numbers;
mod strings;

pub use numbers::{bar_label, compact, in_unit, plain_decimal, spoken, with_separators};
pub use strings::{fill, parse_lang, quoted, say, text, LANGS, STRINGS};
