//! How figures are written: thousands separators, exact compact forms, and the qualifier's mark.
//!
//! Nothing here rounds. A compact form ("3.7M") is used only when it is exactly the value; otherwise
//! the full number is written with separators.

use crate::dataset::{Qualifier, Unit};

/// "2,545", "3,700,000", "0.5".
pub fn with_separators(value: f64) -> String {
    let negative = value < 0.0;
    let value = value.abs();
    let whole = value.trunc();
    // Up to two decimals, and only if the value has them: derived values may.
    let fraction = ((value - whole) * 100.0).round() as u64;
    let mut digits = format!("{}", whole as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if negative {
        out.push('-');
    }
    let first = digits.len() % 3;
    for (i, c) in digits.drain(..).enumerate() {
        if i != 0 && (i + 3 - first) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if fraction != 0 {
        let f = format!("{fraction:02}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// "3.7M", "12M", "2,545": millions and billions shortened only when exact to one decimal.
pub fn compact(value: f64) -> String {
    for (scale, suffix) in [(1e9, "B"), (1e6, "M")] {
        if value >= scale && (value * 10.0 / scale).fract() == 0.0 {
            let short = value / scale;
            return if short.fract() == 0.0 { format!("{short}{suffix}") } else { format!("{short:.1}{suffix}") };
        }
    }
    with_separators(value)
}

/// Writes a value in its unit: "$12M", "84%", "1,108".
pub fn in_unit(value: f64, unit: Unit, short: bool) -> String {
    let number = if short { compact(value) } else { with_separators(value) };
    match unit {
        Unit::Count => number,
        Unit::Dollars => format!("${number}"),
        Unit::Percent => format!("{number}%"),
    }
}

/// The label on a bar: compact, with the qualifier's mark ("800+", "$12M+", "~44,000").
pub fn bar_label(value: f64, unit: Unit, qualifier: Qualifier) -> String {
    let number = in_unit(value, unit, true);
    match qualifier {
        Qualifier::Exact => number,
        Qualifier::AtLeast => format!("{number}+"),
        Qualifier::Approximate => format!("~{number}"),
        Qualifier::Derived => format!("{number} (derived)"),
    }
}

/// The value in words for tooltips, tables and screen readers: "more than 3,700,000".
pub fn spoken(value: f64, unit: Unit, qualifier: Qualifier) -> String {
    let number = in_unit(value, unit, false);
    match qualifier {
        Qualifier::Exact => number,
        Qualifier::AtLeast => format!("more than {number}"),
        Qualifier::Approximate => format!("about {number}"),
        Qualifier::Derived => format!("{number} (derived by us, not stated by the source)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(with_separators(0.0), "0");
        assert_eq!(with_separators(405.0), "405");
        assert_eq!(with_separators(2545.0), "2,545");
        assert_eq!(with_separators(280000.0), "280,000");
        assert_eq!(with_separators(3_700_000.0), "3,700,000");
        assert_eq!(with_separators(44021.74), "44,021.74");
        assert_eq!(with_separators(-1234.5), "-1,234.5");
    }

    #[test]
    fn compact_never_rounds() {
        assert_eq!(compact(3_700_000.0), "3.7M");
        assert_eq!(compact(12_000_000.0), "12M");
        assert_eq!(compact(2_200_000.0), "2.2M");
        assert_eq!(compact(3_750_000.0), "3,750,000");
        assert_eq!(compact(280_000.0), "280,000");
        assert_eq!(compact(1_500_000_000.0), "1.5B");
    }

    #[test]
    fn labels_carry_the_qualifier() {
        assert_eq!(bar_label(800.0, Unit::Count, Qualifier::AtLeast), "800+");
        assert_eq!(bar_label(12e6, Unit::Dollars, Qualifier::AtLeast), "$12M+");
        assert_eq!(bar_label(84.0, Unit::Percent, Qualifier::Exact), "84%");
        assert_eq!(spoken(3.7e6, Unit::Count, Qualifier::AtLeast), "more than 3,700,000");
        assert_eq!(spoken(914.0, Unit::Count, Qualifier::Exact), "914");
    }
}
