//! Words and numbers as readers see them: the interface strings of each language, and figures
//! written out without rounding anything away.

mod numbers;
mod strings;

pub use ccht_data::quoted;
pub use numbers::{bar_label, compact, in_unit, plain_decimal, spoken, with_separators};
pub use strings::{fill, parse_lang, say, text, LANGS, STRINGS};
