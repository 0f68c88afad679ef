//! A calendar date as the data files write it, YYYY-MM-DD: the one rule for a version's date and a
//! source's, and the date a citation gives, so what the checker accepts a citation can always read.

use std::fmt;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl IsoDate {
    /// "2025-08-14": four, two and two digits, a month 01–12 and a day 01–31; anything else, a
    /// partial date included, is `None`.
    pub fn parse(s: &str) -> Option<IsoDate> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return None;
        }
        let date = IsoDate { year: s[0..4].parse().ok()?, month: s[5..7].parse().ok()?, day: s[8..10].parse().ok()? };
        ((1..=12).contains(&date.month) && (1..=31).contains(&date.day)).then_some(date)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_only_whole() {
        assert_eq!(IsoDate::parse("2025-08-14"), Some(IsoDate { year: 2025, month: 8, day: 14 }));
        assert_eq!(IsoDate::parse("2025-08-14").unwrap().to_string(), "2025-08-14");
        for bad in ["", "2025", "2025-08", "2025-13-01", "2025-8-14", "x-08-14", "+202-08-14", "2025-08-00"] {
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
    }
}
