//! How figures are written: thousands separators, exact compact forms, and the qualifier's mark,
//! in the reader's language ("2,545" / "2.545", "3.7M" / "3,7 M").
//!
//! Nothing here rounds. A compact form is used only when it is exactly the value; otherwise the
//! full number is written with separators.

use super::strings::say;
use ccht_data::Lang;
use ccht_data::{Qualifier, Unit};

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::Es => ('.', ','),
    }
}

/// "2,545", "3,700,000", "0.5"; in Spanish "2.545", "0,5".
pub fn with_separators(value: f64, lang: Lang) -> String {
    let (group, decimal_mark) = separators(lang);
    let negative = value < 0.0;
    // Up to two decimals, and only if the value has them: derived values may. Rounded once, as
    // cents, so 0.999 is 1 and not 0 and 100 hundredths.
    let cents = (value.abs() * 100.0).round();
    // In integers (a float remainder brings 1 KB of 128-bit division into the Wasm). From 2^53
    // cents on, `cents` is no longer exact: the whole part and the fraction are then taken apart,
    // as `plain_decimal` does. (The loader refuses values of 10^13 and more.)
    let (whole, fraction) = if cents < 9_007_199_254_740_992.0 {
        let cents = cents as u64;
        (cents / 100, cents % 100)
    } else {
        whole_and_fraction(value.abs(), 100)
    };
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if negative {
        out.push('-');
    }
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if fraction != 0 {
        let f = (100 + fraction).to_string(); // "1" + two digits
        out.push(decimal_mark);
        out.push_str(f[1..].trim_end_matches('0'));
    }
    out
}

/// A non-negative value's whole part and its fraction in `scale`ths (100: cents), rounded, taken
/// apart so that the whole part keeps every digit a double holds.
fn whole_and_fraction(value: f64, scale: u64) -> (u64, u64) {
    let whole = value.trunc() as u64;
    let fraction = (value.fract() * scale as f64).round() as u64;
    if fraction == scale {
        (whole + 1, 0)
    } else {
        (whole, fraction)
    }
}

/// "3.7M", "12M", "2,545": millions and billions shortened only when exact to one decimal.
pub fn compact(value: f64, lang: Lang) -> String {
    for (scale, suffix) in [(1e9, "B"), (1e6, "M")] {
        if value >= scale && (value * 10.0 / scale).fract() == 0.0 {
            let short = with_separators(value / scale, lang);
            let suffix = match (lang, suffix) {
                (Lang::Es, "B") => " mil M",
                (Lang::Es, _) => " M",
                (_, s) => s,
            };
            return short + suffix;
        }
    }
    with_separators(value, lang)
}

/// Writes a value in its unit: "$12M", "84%", "1,108"; in Spanish "12 M$", "84 %".
pub fn in_unit(value: f64, unit: Unit, short: bool, lang: Lang) -> String {
    let number = if short { compact(value, lang) } else { with_separators(value, lang) };
    match (unit, lang) {
        (Unit::Count, _) => number,
        (Unit::Dollars, Lang::En) => "$".to_string() + &number,
        (Unit::Dollars, Lang::Es) => number + " $",
        (Unit::Percent, Lang::En) => number + "%",
        (Unit::Percent, Lang::Es) => number + " %",
    }
}

/// The label on a bar: compact, with the qualifier's mark ("800+", "$12M+", "~44,000").
pub fn bar_label(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    let number = in_unit(value, unit, true, lang);
    match qualifier {
        Qualifier::Exact => number,
        Qualifier::AtLeast => number + "+",
        Qualifier::Approximate => "~".to_string() + &number,
        Qualifier::Derived => say(lang, "derived_mark", &[&number]),
    }
}

/// The value in words for tooltips, tables and screen readers: "more than 3,700,000".
pub fn spoken(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    let number = in_unit(value, unit, false, lang);
    match qualifier {
        Qualifier::Exact => number,
        Qualifier::AtLeast => say(lang, "more_than", &[&number]),
        Qualifier::Approximate => say(lang, "about", &[&number]),
        Qualifier::Derived => say(lang, "derived", &[&number]),
    }
}

/// A figure for the CSV download ("19.5", "1686", "-3"): at most `places` decimals, trailing zeros
/// dropped, no separators, `0` for NaN or infinity. Whole and fraction kept apart as integers, so
/// dollar figures with cents past 2^53 keep their last digits.
pub fn plain_decimal(value: f64, places: u32) -> String {
    if !value.is_finite() || value.abs() >= 1e18 {
        return "0".to_string();
    }
    // Whole and fractional parts apart: scaling the whole value first would lose its last digits
    // beyond 2^53, which a dollar figure with cents reaches near 10^13.
    let scale = 10u64.pow(places.min(9));
    let (whole, fraction) = whole_and_fraction(value.abs(), scale);
    let mut out = if value < 0.0 && (whole != 0 || fraction != 0) { "-".to_string() } else { String::new() };
    out.push_str(&whole.to_string());
    if fraction != 0 {
        let digits = (fraction + scale).to_string(); // "1" + zero-padded fraction
        out.push('.');
        out.push_str(digits[1..].trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Es};

    #[test]
    fn separators_follow_the_language() {
        assert_eq!(with_separators(0.0, En), "0");
        assert_eq!(with_separators(405.0, En), "405");
        assert_eq!(with_separators(2545.0, En), "2,545");
        assert_eq!(with_separators(280000.0, En), "280,000");
        assert_eq!(with_separators(3_700_000.0, En), "3,700,000");
        assert_eq!(with_separators(44021.74, En), "44,021.74");
        assert_eq!(with_separators(-1234.5, En), "-1,234.5");
        assert_eq!(with_separators(0.999, En), "1");
        assert_eq!(with_separators(2.996, En), "3");
        // Past 2^53 cents: the whole part as it is, not as cents rounded it.
        assert_eq!(with_separators(4779526988316292.0, En), "4,779,526,988,316,292");
        assert_eq!(with_separators(90_071_992_547_409.5, En), "90,071,992,547,409.5");
        assert_eq!(with_separators(2545.0, Es), "2.545");
        assert_eq!(with_separators(44021.74, Es), "44.021,74");
    }

    #[test]
    fn plain_decimals_for_css_and_svg() {
        for (value, places, expected) in [
            (19.5, 1, "19.5"),
            (13.0, 1, "13"),
            (0.55, 3, "0.55"),
            (0.12, 3, "0.12"),
            (1.0, 3, "1"),
            (-0.5, 1, "-0.5"),
            (-3.0, 2, "-3"),
            (412.25, 2, "412.25"),
            (0.04, 1, "0"),
            (-0.04, 1, "0"),
            (f64::NAN, 2, "0"),
            (f64::INFINITY, 1, "0"),
            (1e19, 0, "0"),
            (-1e18, 0, "0"),
            (0.05, 2, "0.05"),
            (1234567.0, 0, "1234567"),
            (0.9999, 2, "1"),
            (-0.9999, 2, "-1"),
            (2.5, 0, "3"),
            // Beyond 2^53 / 1000, where scaling first went wrong. (The double nearest
            // 8991122445650.05 is …650.05078125, so three places give .051: the same double.)
            (8991122445650.05, 3, "8991122445650.051"),
            (9_999_999_999_999.99, 2, "9999999999999.99"),
        ] {
            assert_eq!(plain_decimal(value, places), expected, "{value} to {places}");
        }
        // Every figure the loader allows (two decimals, below 10^13) reads back as itself.
        for value in [0.01, 44021.74, 3_700_000.0, 999_999_999_999.99, 9_999_999_999_999.99, 1_234_567_890_123.4] {
            for places in [2, 3] {
                assert_eq!(plain_decimal(value, places).parse::<f64>().ok(), Some(value), "{value} to {places}");
            }
        }
    }

    #[test]
    fn compact_never_rounds() {
        assert_eq!(compact(3_700_000.0, En), "3.7M");
        assert_eq!(compact(12_000_000.0, En), "12M");
        assert_eq!(compact(2_200_000.0, En), "2.2M");
        assert_eq!(compact(3_750_000.0, En), "3,750,000");
        assert_eq!(compact(280_000.0, En), "280,000");
        assert_eq!(compact(1_500_000_000.0, En), "1.5B");
        assert_eq!(compact(3_700_000.0, Es), "3,7 M");
    }

    #[test]
    fn labels_carry_the_qualifier() {
        assert_eq!(bar_label(800.0, Unit::Count, Qualifier::AtLeast, En), "800+");
        assert_eq!(bar_label(12e6, Unit::Dollars, Qualifier::AtLeast, En), "$12M+");
        assert_eq!(bar_label(84.0, Unit::Percent, Qualifier::Exact, En), "84%");
        assert_eq!(spoken(3.7e6, Unit::Count, Qualifier::AtLeast, En), "more than 3,700,000");
        assert_eq!(spoken(914.0, Unit::Count, Qualifier::Exact, En), "914");
        if cfg!(feature = "spanish") {
            assert_eq!(spoken(24000.0, Unit::Count, Qualifier::AtLeast, Es), "más de 24.000");
        }
        assert_eq!(bar_label(84.0, Unit::Percent, Qualifier::Exact, Es), "84 %");
    }
}
