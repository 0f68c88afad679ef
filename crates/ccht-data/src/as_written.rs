//! How a source words a figure, read as a value and a qualifier: "more than 3.7 million" is at
//! least 3,700,000. The checker holds each record's `value` and `qualifier` to its `as_written`.

use crate::tables::Qualifier;

/// What a figure as written states: its value and whether it is a lower bound or approximate.
/// Understands "1,686", "more than 3.7 million", "over 260,000", "about 44,000", "84%", "$12 million".
pub fn parse_as_written(text: &str) -> Option<(f64, Qualifier)> {
    // A no-break space, as web pages put in "more than 800", is a space.
    let lower = text.trim().to_ascii_lowercase().replace('\u{a0}', " ");
    let (qualifier, rest) = [
        ("more than ", Qualifier::AtLeast),
        ("over ", Qualifier::AtLeast),
        ("at least ", Qualifier::AtLeast),
        ("about ", Qualifier::Approximate),
        ("approximately ", Qualifier::Approximate),
        ("nearly ", Qualifier::Approximate),
    ]
    .iter()
    .find_map(|(p, q)| lower.strip_prefix(p).map(|rest| (*q, rest)))
    .unwrap_or((Qualifier::Exact, lower.as_str()));
    let rest = rest.trim().trim_start_matches('$');
    let rest = rest.strip_suffix('%').unwrap_or(rest);
    let (number, scale) = match rest.split_once(' ') {
        Some((n, "thousand")) => (n, 1e3),
        Some((n, "million")) => (n, 1e6),
        Some((n, "billion")) => (n, 1e9),
        Some(_) => return None,
        None => (rest, 1.0),
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    // Integer arithmetic first, so "3.7 million" is exactly 3,700,000 and not 3,700,000.0000000005.
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits: u64 = format!("{}{fraction}", whole.replace(',', "")).parse().ok()?;
    let value = digits as f64 * scale / 10f64.powi(fraction.len() as i32);
    Some((value, qualifier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_written_is_read_as_the_source_means_it() {
        assert_eq!(parse_as_written("+5"), None);
        assert_eq!(parse_as_written(""), None);
        assert_eq!(parse_as_written("more than 3.7 million"), Some((3_700_000.0, Qualifier::AtLeast)));
        assert_eq!(parse_as_written("1,686"), Some((1686.0, Qualifier::Exact)));
        assert_eq!(parse_as_written("84%"), Some((84.0, Qualifier::Exact)));
        assert_eq!(parse_as_written("over 260,000"), Some((260_000.0, Qualifier::AtLeast)));
        assert_eq!(parse_as_written("about 44,000"), Some((44_000.0, Qualifier::Approximate)));
        assert_eq!(parse_as_written("$12 million"), Some((12_000_000.0, Qualifier::Exact)));
        assert_eq!(parse_as_written("thousands"), None);
        assert_eq!(parse_as_written("12 dozen"), None);
        assert_eq!(parse_as_written("more\u{a0}than 3.7\u{a0}million"), Some((3_700_000.0, Qualifier::AtLeast)));
    }
}
