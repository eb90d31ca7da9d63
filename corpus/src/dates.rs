//! Finding dates in English news text: ISO dates, "November 22, 2022",
//! "Nov. 22, 2022", "22 November 2022", "June 2017", and the year-less
//! "Nov. 21" of wire datelines. Never the build machine's clock.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::Date;
use crate::model::Span;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

/// Word boundaries here are ASCII ones, `(?-u:\\b)`: Unicode ones next to
/// non-ASCII text (curly quotation marks) push the regex engine off its fast
/// path.
fn full_date_regex() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = format!(
            r"(?-u:\b)(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?-u:\b)|(?P<am>{MONTH})\.?\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{{4}})(?-u:\b)|(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<bm>{MONTH})\.?,?\s+(?P<by>\d{{4}})(?-u:\b)|(?P<cm>{MONTH})\.?,?\s+(?P<cy>\d{{4}})(?-u:\b))"
        );
        Regex::new(&pattern).expect("valid date pattern")
    });
    &RE
}

fn month_day_regex() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?-u:\b)(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?-u:\b)")).expect("valid pattern")
    });
    &RE
}

/// The month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u8> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let index = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| *m == prefix)?;
    Some(index as u8 + 1)
}

fn year(text: &str) -> Option<u16> {
    text.parse().ok().filter(|y| (1800..=2199).contains(y))
}

/// Every full date (to the day or the month) in `text[block]`, with its span.
pub fn find_dates(text: &str, block: Span) -> Vec<(Span, Date)> {
    let Some(part) = text.get(block.range()) else { return Vec::new() };
    let offset = block.start as usize;
    full_date_regex()
        .captures_iter(part)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let get = |name: &str| caps.name(name).map(|m| m.as_str());
            let date = if let Some(y) = get("iy") {
                Date::new(year(y)?, get("im")?.parse().ok()?, get("id")?.parse().ok()?)
            } else if let Some(y) = get("ay") {
                Date::new(year(y)?, month_number(get("am")?)?, get("ad")?.parse().ok()?)
            } else if let Some(y) = get("by") {
                Date::new(year(y)?, month_number(get("bm")?)?, get("bd")?.parse().ok()?)
            } else {
                Date::new(year(get("cy")?)?, month_number(get("cm")?)?, 0)
            }?;
            Some((Span::new(offset + whole.start(), offset + whole.end()), date))
        })
        .collect()
}

/// A month and day with no year, as in "HAIKOU, Nov. 21 (Xinhua)".
pub fn find_month_day(text: &str) -> Option<(u8, u8)> {
    let caps = month_day_regex().captures(text)?;
    let month = month_number(caps.name("m")?.as_str())?;
    let day: u8 = caps.name("d")?.as_str().parse().ok()?;
    (1..=31).contains(&day).then_some((month, day))
}

/// A bare year in a header line ("2022"), to complete a year-less dateline.
pub fn find_year(text: &str) -> Option<u16> {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})(?-u:\b)").expect("valid pattern"));
    RE.captures_iter(text).find_map(|c| year(c.get(1)?.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        find_dates(text, Span::new(0, text.len())).into_iter().map(|(_, d)| d.iso()).collect()
    }

    #[test]
    fn understands_the_common_news_formats() {
        assert_eq!(dates("date 2022-05-04 Title"), ["2022-05-04"]);
        assert_eq!(dates("updatetime:2022-04-19 12:44:34   Views:0"), ["2022-04-19"]);
        assert_eq!(dates("Xinhua) 08:44, November 22, 2022"), ["2022-11-22"]);
        assert_eq!(
            dates("on Nov. 22, 2022 and 22 November 2022 and Sept. 16, 2021"),
            ["2022-11-22", "2022-11-22", "2021-09-16"]
        );
        assert_eq!(dates("in June 2017, then 3rd March 2020"), ["2017-06", "2020-03-03"]);
    }

    #[test]
    fn spans_point_at_the_date_text() {
        let text = "Header: Nov. 6, 2018 here";
        let found = find_dates(text, Span::new(8, text.len()));
        assert_eq!(&text[found[0].0.range()], "Nov. 6, 2018");
    }

    #[test]
    fn impossible_dates_and_modal_may_are_not_dates() {
        assert!(dates("February 30, 2022; 2022-13-01; you may 2 go").is_empty());
        assert!(dates("They May meet in 2022").is_empty());
    }

    #[test]
    fn year_less_datelines() {
        assert_eq!(find_month_day("HAIKOU, Nov. 21 (Xinhua) --"), Some((11, 21)));
        assert_eq!(find_month_day("BEIJING, May 4 (Xinhua) --"), Some((5, 4)));
        assert_eq!(find_month_day("BEIJING (Xinhua) --"), None);
    }
}

/// Years a date in a file name may have: a number outside them is an id, not
/// a date.
const FILE_NAME_YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// A date in a document's path, as scrapers and archives write them: a file
/// name that starts with `2016-10-05` or `20161005` (then `_`, `-`, `.` or a
/// space), or folders `2016/10/05/` (or `2016/10/`). Only a valid calendar
/// date in 1900–2100 counts: `000_be0666f600c29227.txt` has none.
/// The last resort, after the text and the curator.
pub fn date_from_path(path: &str) -> Option<Date> {
    static FILE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})-(?P<d>\d{2})|(?P<m2>\d{2})(?P<d2>\d{2}))(?:[_\-. ]|$)")
            .expect("valid file-name date pattern")
    });
    static FOLDERS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|/)(?P<y>\d{4})/(?P<m>\d{2})/(?:(?P<d>\d{2})/)?").expect("valid folder date pattern")
    });
    let (folders, file) = path.rsplit_once('/').map_or(("", path), |(folders, file)| (folders, file));
    let number = |c: &regex::Captures, names: &[&str]| -> Option<u16> {
        names.iter().find_map(|n| c.name(n)).and_then(|m| m.as_str().parse().ok())
    };
    let date = |year: u16, month: u16, day: u16| {
        FILE_NAME_YEARS.contains(&year).then(|| Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?))?
    };
    let from_file = FILE.captures(file).and_then(|c| {
        let (year, month, day) = (number(&c, &["y"])?, number(&c, &["m", "m2"])?, number(&c, &["d", "d2"])?);
        (month > 0 && day > 0).then(|| date(year, month, day)).flatten()
    });
    from_file.or_else(|| {
        let folders = format!("{folders}/");
        FOLDERS
            .captures_iter(&folders)
            .filter_map(|c| {
                let (year, month) = (number(&c, &["y"])?, number(&c, &["m"])?);
                let day = number(&c, &["d"]).unwrap_or(0);
                (month > 0).then(|| date(year, month, day)).flatten()
            })
            .last()
    })
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn dates_come_from_file_names_and_folders_only_when_they_are_real_dates() {
        let iso = |p: &str| date_from_path(p).map(|d| d.iso());
        assert_eq!(iso("2016-10-05_debate-night.txt").as_deref(), Some("2016-10-05"));
        assert_eq!(iso("20161005-debate-night.txt").as_deref(), Some("2016-10-05"));
        assert_eq!(iso("nyt/2016/10/05/debate-night.txt").as_deref(), Some("2016-10-05"));
        assert_eq!(iso("nyt/2016/10/debate-night.txt").as_deref(), Some("2016-10"));
        assert_eq!(iso("wire/20161005.txt").as_deref(), Some("2016-10-05"));
        for none in [
            "000_be0666f600c29227.txt",
            "20161305-x.txt",
            "2016-02-30_x.txt",
            "12345678-x.txt",
            "201610051-x.txt",
            "story-2016-10-05.txt",
            "9999/10/05/x.txt",
            "2016/13/x.txt",
        ] {
            assert_eq!(iso(none), None, "{none}");
        }
    }
}
