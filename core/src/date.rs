//! Calendar dates at year, month or day precision.

extern crate alloc;
use alloc::format;
use alloc::string::String;
use serde::{Deserialize, Serialize};

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date known to the year, the month or the day. `month` and `day` are 0
/// when unknown; a day is only ever known together with its month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// The year, from 1.
    pub year: u16,
    /// 1–12, or 0 when unknown.
    pub month: u8,
    /// 1–31, or 0 when unknown.
    pub day: u8,
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and the month.
    Month,
    /// The full date.
    Day,
}

impl Date {
    /// A checked date: month 1–12 (or 0 with day 0), day valid for the month.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = match (month, day) {
            (0, 0) => true,
            (1..=12, 0) => true,
            (1..=12, d) => d <= days_in_month(year, month),
            _ => false,
        };
        (ok && year > 0).then_some(Date { year, month, day })
    }

    /// How much of the date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, at the date's precision.
    pub fn iso(self) -> String {
        match self.precision() {
            Precision::Year => format!("{:04}", self.year),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => parse_digits(m, 2)?,
            None => 0,
        };
        let day = match parts.next() {
            Some(d) => parse_digits(d, 2)?,
            None => 0,
        };
        if parts.next().is_some() || (month == 0 && text.len() > 4) {
            return None;
        }
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// "19 April 2022", "April 2024" or "2018".
    pub fn human(self) -> String {
        let month = MONTHS.get(usize::from(self.month).wrapping_sub(1)).copied().unwrap_or("");
        match self.precision() {
            Precision::Year => format!("{}", self.year),
            Precision::Month => format!("{} {}", month, self.year),
            Precision::Day => format!("{} {} {}", self.day, month, self.year),
        }
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u16> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether a year has 29 February.
pub fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (1–12) of a year.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips_at_each_precision() {
        for text in ["2022", "2024-04", "2022-05-04", "2024-02-29"] {
            assert_eq!(Date::parse_iso(text).unwrap().iso(), text);
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for text in
            ["", "22", "2022-4", "2022-13", "2023-02-29", "2022-04-31", "2022-05-04-01", "abcd", "2022-", "0000"]
        {
            assert_eq!(Date::parse_iso(text), None, "{text}");
        }
    }

    #[test]
    fn human_form_follows_precision() {
        assert_eq!(Date::parse_iso("2022-04-19").unwrap().human(), "19 April 2022");
        assert_eq!(Date::parse_iso("2024-04").unwrap().human(), "April 2024");
        assert_eq!(Date::parse_iso("2018").unwrap().human(), "2018");
    }
}
