//! Documents over time: the date column the filter counts, the date range
//! that the URL's `from` and `to` choose, and the bins the timeline draws.
//!
//! The filter counts documents per *distinct date* of the corpus (a few
//! hundred values, not one per article), under every choice but the range
//! itself; [`timeline`] folds those counts into years, months or days. So
//! a facet click costs the timeline nothing per article beyond the pass the
//! filter makes anyway.

extern crate alloc;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::date::{days_in_month, Date, Precision};

/// Short English month names, January first.
pub const SHORT_MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Each document's publication date, as an id into the corpus's distinct
/// dates, computed at build time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredDates", into = "StoredDates")]
pub struct Dates {
    /// The distinct dates, ascending.
    values: Vec<Date>,
    /// Per document: an index into `values`, or `u32::MAX` when undated.
    of: Vec<u32>,
}

/// Dates as their file holds them, in small numbers that compress (a
/// tenth of the plain column at 10,000 articles). Wrapping arithmetic keeps
/// any column exactly, a corrupt one too, and never panics.
///
/// - Each distinct date as a step from the one before: `(years, month,
///   day)` into a later year, `(0, months, day)` into a later month of the
///   same year, `(0, 0, days)` within the month. Ascending dates make these
///   small and repetitive.
/// - Each document's id as its difference from the one before,
///   zigzag-coded so that a step either way is a small number. The build
///   numbers documents newest first, so the steps are 0 or 1; in any other
///   order they are no larger than the ids.
#[derive(Serialize, Deserialize)]
struct StoredDates {
    values: Vec<(u16, u8, u8)>,
    steps: Vec<u32>,
}

/// `date` as a step from `previous` (see [`StoredDates`]).
fn date_step(previous: Date, date: Date) -> (u16, u8, u8) {
    if date.year != previous.year {
        (date.year.wrapping_sub(previous.year), date.month, date.day)
    } else if date.month != previous.month {
        (0, date.month.wrapping_sub(previous.month), date.day)
    } else {
        (0, 0, date.day.wrapping_sub(previous.day))
    }
}

/// The date `step` leads to from `previous` (the inverse of [`date_step`]).
fn stepped(previous: Date, (years, months, days): (u16, u8, u8)) -> Date {
    if years != 0 {
        Date { year: previous.year.wrapping_add(years), month: months, day: days }
    } else if months != 0 {
        Date { month: previous.month.wrapping_add(months), day: days, ..previous }
    } else {
        Date { day: previous.day.wrapping_add(days), ..previous }
    }
}

/// The first date's steps are from this one.
const NO_DATE: Date = Date { year: 0, month: 0, day: 0 };

/// Each item as `step(previous, item)`, the first from `first`.
fn steps<T: Copy, S>(items: &[T], first: T, step: impl Fn(T, T) -> S) -> Vec<S> {
    let mut previous = first;
    items.iter().map(|&item| step(core::mem::replace(&mut previous, item), item)).collect()
}

/// The items `steps` leads to, each from the one before (the first from
/// `first`): the inverse of [`steps`].
fn stepped_all<T: Copy, S: Copy>(steps: &[S], first: T, next: impl Fn(T, S) -> T) -> Vec<T> {
    let mut item = first;
    steps
        .iter()
        .map(|&step| {
            item = next(item, step);
            item
        })
        .collect()
}

impl From<Dates> for StoredDates {
    fn from(dates: Dates) -> StoredDates {
        let zigzag = |previous: u32, id: u32| {
            let step = id.wrapping_sub(previous) as i32;
            ((step << 1) ^ (step >> 31)) as u32
        };
        StoredDates { values: steps(&dates.values, NO_DATE, date_step), steps: steps(&dates.of, 0, zigzag) }
    }
}

impl From<StoredDates> for Dates {
    fn from(stored: StoredDates) -> Dates {
        let unzigzag = |previous: u32, z: u32| previous.wrapping_add((((z >> 1) as i32) ^ -((z & 1) as i32)) as u32);
        Dates { values: stepped_all(&stored.values, NO_DATE, stepped), of: stepped_all(&stored.steps, 0, unzigzag) }
    }
}

impl Dates {
    /// The column for documents with these dates, in document order.
    pub fn new(dates: &[Option<Date>]) -> Dates {
        let mut values: Vec<Date> = dates.iter().flatten().copied().collect();
        values.sort_unstable();
        values.dedup();
        let of = dates
            .iter()
            .map(|d| d.and_then(|d| values.binary_search(&d).ok()).map_or(u32::MAX, |i| i as u32))
            .collect();
        Dates { values, of }
    }

    /// Every distinct date, with the column for only `documents` (in that
    /// order), so that counts per date over the whole corpus still fit.
    pub fn subset(&self, documents: &[u32]) -> Dates {
        let of = documents.iter().map(|&d| self.of.get(d as usize).copied().unwrap_or(u32::MAX)).collect();
        Dates { values: self.values.clone(), of }
    }

    /// The distinct dates cut to `unit` (those known less precisely kept
    /// as they are), with no document, and per date of these, where each
    /// of these goes: what a first view's timeline needs, a few hundred
    /// bars rather than every day of the corpus.
    pub fn coarsened(&self, unit: Unit) -> (Dates, Vec<u32>) {
        let cut = |d: Date| if unit.fits(d) { unit.cut(d) } else { d };
        let mut values: Vec<Date> = self.values.iter().map(|&d| cut(d)).collect();
        values.sort_unstable();
        values.dedup();
        let to = self.values.iter().map(|&d| values.binary_search(&cut(d)).map_or(0, |i| i as u32)).collect();
        (Dates { values, of: Vec::new() }, to)
    }

    /// The documents by date: newest first and oldest first, ties in
    /// document order, then the undated ones in document order. A counting
    /// sort over the date ids, in one pass: the app computes these orders
    /// when it reads the column rather than fetching them (they are 8 bytes
    /// a document that do not compress). An id that is no date counts as
    /// undated ([`Dates::check`] rejects it).
    pub fn orders(&self) -> (Vec<u32>, Vec<u32>) {
        let date = |v: u32| (v as usize) < self.values.len();
        let mut starts = vec![0usize; self.values.len() + 1];
        for &v in self.of.iter().filter(|&&v| date(v)) {
            starts[v as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut ascending = vec![0u32; starts[self.values.len()]];
        let mut next = starts.clone();
        for (d, &v) in self.of.iter().enumerate().filter(|&(_, &v)| date(v)) {
            ascending[next[v as usize]] = d as u32;
            next[v as usize] += 1;
        }
        let undated = self.of.iter().enumerate().filter(|&(_, &v)| !date(v)).map(|(d, _)| d as u32);
        let newest = starts.windows(2).rev().flat_map(|w| ascending[w[0]..w[1]].iter().copied()).chain(undated.clone());
        let newest = newest.collect();
        let oldest = ascending.into_iter().chain(undated).collect();
        (newest, oldest)
    }

    /// Checks that the column covers `documents` documents and that every
    /// id is a date, for a column decoded from bytes.
    pub fn check(&self, documents: usize) -> Result<(), String> {
        let sorted = self.values.windows(2).all(|w| w[0] < w[1]);
        let ids = self.of.iter().all(|&v| v == u32::MAX || (v as usize) < self.values.len());
        if self.of.len() != documents || !sorted || !ids {
            return Err(format!("the date column does not fit the {documents} documents"));
        }
        Ok(())
    }

    /// The distinct dates, ascending.
    pub fn values(&self) -> &[Date] {
        &self.values
    }

    /// Document `doc`'s date id, if it is dated.
    pub fn of(&self, doc: u32) -> Option<u32> {
        self.of.get(doc as usize).copied().filter(|&v| v != u32::MAX)
    }
}

/// The first day of a date's period, as a number that orders days.
fn first_day(date: Date) -> u32 {
    day_number(date.year, date.month.max(1), date.day.max(1))
}

/// The last day of a date's period.
fn last_day(date: Date) -> u32 {
    let month = if date.month == 0 { 12 } else { date.month };
    let day = if date.day == 0 { days_in_month(date.year, month) } else { date.day };
    day_number(date.year, month, day)
}

/// Days since 1 March of year 0 in the proleptic Gregorian calendar, so
/// that differences are lengths in days.
fn day_number(year: u16, month: u8, day: u8) -> u32 {
    let (y, m) =
        if month <= 2 { (u32::from(year) - 1, u32::from(month) + 9) } else { (u32::from(year), u32::from(month) - 3) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + u32::from(day) - 1
}

/// The dates the URL's `from` and `to` choose, each inclusive at its own
/// precision: `to=2022` runs to 31 December 2022. A document dated to a
/// month or a year is inside when its period overlaps the range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    from: Option<Date>,
    to: Option<Date>,
}

impl DateRange {
    /// A range, or `None` when `to` ends before `from` starts.
    pub fn new(from: Option<Date>, to: Option<Date>) -> Option<DateRange> {
        match (from, to) {
            (Some(f), Some(t)) if last_day(t) < first_day(f) => None,
            _ => Some(DateRange { from, to }),
        }
    }

    /// The first period, if the range has a start.
    pub fn from(&self) -> Option<Date> {
        self.from
    }

    /// The last period, if the range has an end.
    pub fn to(&self) -> Option<Date> {
        self.to
    }

    /// Whether the range narrows anything.
    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether a document of this date is inside (its period overlaps).
    pub fn overlaps(&self, date: Date) -> bool {
        self.from.is_none_or(|f| last_day(date) >= first_day(f))
            && self.to.is_none_or(|t| first_day(date) <= last_day(t))
    }

    /// "Apr 2022 – Dec 2022", "From Apr 2022", "Until 2021", or "April 2022"
    /// when both ends are the same period.
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) if f == t => f.human(),
            (Some(f), Some(t)) => format!("{} – {}", short(f), short(t)),
            (Some(f), None) => format!("From {}", short(f)),
            (None, Some(t)) => format!("Until {}", short(t)),
            (None, None) => String::new(),
        }
    }
}

/// "2022", "Apr 2022" or "19 Apr 2022".
pub fn short(date: Date) -> String {
    let month = SHORT_MONTHS.get(usize::from(date.month).wrapping_sub(1)).copied().unwrap_or("");
    match date.precision() {
        Precision::Year => format!("{}", date.year),
        Precision::Month => format!("{month} {}", date.year),
        Precision::Day => format!("{} {month} {}", date.day, date.year),
    }
}

/// The length of a timeline's bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Unit {
    /// A day each.
    Day,
    /// A month each.
    Month,
    /// A year each.
    Year,
}

impl Unit {
    /// "day", "month" or "year".
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// Whether a date is known to this unit or better.
    fn fits(self, date: Date) -> bool {
        match self {
            Unit::Year => true,
            Unit::Month => date.precision() != Precision::Year,
            Unit::Day => date.precision() == Precision::Day,
        }
    }

    /// A date cut to this unit.
    fn cut(self, date: Date) -> Date {
        match self {
            Unit::Year => Date { year: date.year, month: 0, day: 0 },
            Unit::Month => Date { day: 0, ..date },
            Unit::Day => date,
        }
    }

    /// The period after `date` (already cut to this unit).
    fn next(self, date: Date) -> Date {
        match self {
            Unit::Year => Date { year: date.year.saturating_add(1), ..date },
            Unit::Month if date.month == 12 => Date { year: date.year.saturating_add(1), month: 1, day: 0 },
            Unit::Month => Date { month: date.month + 1, ..date },
            Unit::Day if date.day < days_in_month(date.year, date.month) => Date { day: date.day + 1, ..date },
            Unit::Day => Unit::Month.next(Date { day: 0, ..date }).with_day(1),
        }
    }
}

impl Date {
    fn with_day(self, day: u8) -> Date {
        Date { day, ..self }
    }
}

/// Spans longer than this many days are drawn in years (about eight years).
const YEARS_AFTER_DAYS: u32 = 8 * 365 + 2;
/// Spans shorter than this many days are drawn in days (about two months).
const DAYS_UNDER_DAYS: u32 = 62;

/// One bar: a period and the documents in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    /// The period, at the timeline's unit: `2022`, `2022-04` or `2022-04-19`.
    pub period: Date,
    /// Documents dated inside it.
    pub count: u32,
}

/// What the timeline draws.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The bars' length.
    pub unit: Option<Unit>,
    /// Every period from the first dated document to the last, empty ones
    /// included, in order.
    pub bins: Vec<Bin>,
    /// Documents without a date.
    pub undated: u32,
    /// Documents dated less precisely than a bar (a year, on a chart of
    /// months), counted beside the chart rather than in a bar.
    pub coarse: u32,
}

impl Timeline {
    /// The largest bar.
    pub fn max(&self) -> u32 {
        self.bins.iter().map(|b| b.count).max().unwrap_or(0)
    }

    /// Whether a bar lies inside a range (a bar is inside when its whole
    /// period is).
    pub fn bin_in(&self, bin: &Bin, range: &DateRange) -> bool {
        range.is_set()
            && range.from.is_none_or(|f| first_day(bin.period) >= first_day(f))
            && range.to.is_none_or(|t| last_day(bin.period) <= last_day(t))
    }
}

/// The timeline of documents counted per distinct date (`counts[i]` for
/// `dates[i]`, as [`crate::filter::Results::dates`] gives them), with
/// `undated` counted beside it. Bars are months; years when the dated
/// documents span more than about eight years, days when they span less
/// than about two months, never finer than the dates are known.
pub fn timeline(dates: &[Date], counts: &[u32], undated: u32) -> Timeline {
    timeline_at(dates, counts, undated, None)
}

/// [`timeline`] with its bars `unit` long, when that is given.
pub fn timeline_at(dates: &[Date], counts: &[u32], undated: u32, unit: Option<Unit>) -> Timeline {
    let counted: Vec<(Date, u32)> = dates.iter().zip(counts).filter(|(_, &n)| n > 0).map(|(&d, &n)| (d, n)).collect();
    let (Some(&(first, _)), Some(&(last, _))) = (counted.first(), counted.last()) else {
        return Timeline { undated, ..Timeline::default() };
    };
    let start = counted.iter().map(|&(d, _)| first_day(d)).min().unwrap_or(first_day(first));
    let end = counted.iter().map(|&(d, _)| last_day(d)).max().unwrap_or(last_day(last));
    let span = end.saturating_sub(start) + 1;
    let finest = if counted.iter().any(|(d, _)| d.precision() == Precision::Day) {
        Unit::Day
    } else if counted.iter().any(|(d, _)| d.precision() == Precision::Month) {
        Unit::Month
    } else {
        Unit::Year
    };
    let by_span = if span > YEARS_AFTER_DAYS {
        Unit::Year
    } else if span < DAYS_UNDER_DAYS {
        Unit::Day
    } else {
        Unit::Month
    };
    let unit = unit.unwrap_or(by_span.max(finest));
    let mut coarse = 0;
    let mut bins: Vec<Bin> = Vec::new();
    for (date, n) in counted {
        if !unit.fits(date) {
            coarse += n;
            continue;
        }
        let period = unit.cut(date);
        // Fill the empty periods up to this one.
        loop {
            match bins.last_mut() {
                Some(bin) if bin.period == period => {
                    bin.count += n;
                    break;
                }
                Some(bin) => {
                    let next = unit.next(bin.period);
                    bins.push(Bin { period: next, count: 0 });
                }
                None => bins.push(Bin { period, count: 0 }),
            }
        }
    }
    Timeline { unit: Some(unit), bins, undated, coarse }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn range(from: &str, to: &str) -> DateRange {
        let parse = |t: &str| (!t.is_empty()).then(|| d(t));
        DateRange::new(parse(from), parse(to)).unwrap()
    }

    proptest::proptest! {
        /// The orders by date that the app computes from the column are
        /// those a sort of the documents by date gives: newest or oldest
        /// first, ties in document order, the undated last.
        #[test]
        fn orders_from_the_date_column_are_a_sort_by_date(
            picks in proptest::collection::vec(proptest::option::of((2000u16..2004, 0u8..4, 0u8..3)), 0..60)
        ) {
            // Years, months and days, some known to the month or year only.
            let dates: Vec<Option<Date>> = picks
                .iter()
                .map(|p| p.and_then(|(y, m, day)| Date::new(y, m, if m == 0 { 0 } else { day })))
                .collect();
            let sorted = |newest: bool| {
                let mut order: Vec<u32> = (0..dates.len() as u32).collect();
                order.sort_by(|&a, &b| match (dates[a as usize], dates[b as usize]) {
                    (Some(x), Some(y)) => if newest { y.cmp(&x) } else { x.cmp(&y) }.then(a.cmp(&b)),
                    (x, y) => y.is_some().cmp(&x.is_some()).then(a.cmp(&b)),
                });
                order
            };
            proptest::prop_assert_eq!(Dates::new(&dates).orders(), (sorted(true), sorted(false)));
        }

        /// Any column, undated documents and corrupt ids too, reads back as
        /// it was written.
        #[test]
        fn a_date_column_reads_back_as_written(
            of in proptest::collection::vec(proptest::num::u32::ANY, 0..60),
            values in proptest::collection::vec((proptest::num::u16::ANY, proptest::num::u8::ANY, proptest::num::u8::ANY), 0..60),
        ) {
            let values = values.into_iter().map(|(year, month, day)| Date { year, month, day }).collect();
            let dates = Dates { values, of };
            let json = serde_json::to_string(&dates).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<Dates>(&json).unwrap(), dates);
        }
    }

    #[test]
    fn a_column_newest_first_is_written_as_small_steps() {
        let dates: Vec<Option<Date>> = [(2024, 5, 2), (2024, 5, 2), (2024, 5, 1), (2023, 1, 0)]
            .iter()
            .map(|&(y, m, day)| Date::new(y, m, day))
            .chain([None])
            .collect();
        let stored = StoredDates::from(Dates::new(&dates));
        // Ids 2 2 1 0 MAX: steps +2 0 −1 −1 −1, zigzag-coded.
        assert_eq!(stored.steps, [4, 0, 1, 1, 1]);
        // 2023-01, then 2024-05-01 (a later year), then the next day.
        assert_eq!(stored.values, [(2023, 1, 0), (1, 5, 1), (0, 0, 1)]);
    }

    #[test]
    fn day_numbers_are_lengths_in_days() {
        assert_eq!(day_number(2022, 3, 1) - day_number(2022, 2, 28), 1);
        assert_eq!(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2);
        assert_eq!(day_number(2023, 1, 1) - day_number(2022, 1, 1), 365);
        assert_eq!(day_number(2022, 1, 1) - day_number(2021, 12, 31), 1);
    }

    #[test]
    fn a_range_holds_every_date_whose_period_overlaps_it() {
        let seeds = ["2018-06", "2022-04-19", "2022-05-04", "2022-11-22", "2024-04"].map(d);
        let inside = |r: DateRange| seeds.iter().filter(|&&s| r.overlaps(s)).count();
        assert_eq!(inside(range("2022-05", "2022-12")), 2);
        assert_eq!(inside(range("2022", "")), 4);
        assert_eq!(inside(range("", "2021")), 1);
        assert_eq!(inside(range("2018-06-30", "2018-06-30")), 1, "a day inside a month-dated article's month");
        assert_eq!(inside(range("2018-07", "2022-04-18")), 0);
        assert!(range("2022", "2022").overlaps(d("2022")));
        assert!(!range("2023", "").overlaps(d("2022")));
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        assert_eq!(DateRange::new(Some(d("2022-05")), Some(d("2022-04-30"))), None);
        assert!(DateRange::new(Some(d("2022-05")), Some(d("2022-05-01"))).is_some());
        assert!(DateRange::new(Some(d("2022-05-31")), Some(d("2022-05"))).is_some(), "same month");
    }

    #[test]
    fn labels_are_short_and_say_which_end_is_open() {
        assert_eq!(range("2022-04", "2022-12").label(), "Apr 2022 – Dec 2022");
        assert_eq!(range("2022", "").label(), "From 2022");
        assert_eq!(range("", "2021-03-09").label(), "Until 9 Mar 2021");
        assert_eq!(range("2022-04", "2022-04").label(), "April 2022");
    }

    #[test]
    fn bars_are_months_years_or_days_by_the_span() {
        let dates = ["2022-04-19", "2022-05-04", "2022-11-22"].map(d);
        let t = timeline(&dates, &[2, 1, 1], 3);
        assert_eq!(t.unit, Some(Unit::Month));
        assert_eq!(t.bins.len(), 8, "April to November, empty months included");
        assert_eq!(t.bins[0], Bin { period: d("2022-04"), count: 2 });
        assert_eq!(t.bins[7], Bin { period: d("2022-11"), count: 1 });
        assert_eq!(t.bins.iter().map(|b| b.count).sum::<u32>(), 4);
        assert_eq!(t.undated, 3);

        let years = timeline(&[d("2001-01-05"), d("2022-04-19")], &[1, 1], 0);
        assert_eq!(years.unit, Some(Unit::Year));
        assert_eq!(years.bins.len(), 22);

        let days = timeline(&[d("2022-02-27"), d("2022-03-02")], &[1, 4], 0);
        assert_eq!(days.unit, Some(Unit::Day));
        let periods: Vec<String> = days.bins.iter().map(|b| b.period.iso()).collect();
        assert_eq!(periods, ["2022-02-27", "2022-02-28", "2022-03-01", "2022-03-02"]);
    }

    #[test]
    fn a_date_coarser_than_a_bar_is_counted_beside_the_chart() {
        let t = timeline(&[d("2018"), d("2018-06"), d("2022-04-19")], &[1, 1, 1], 0);
        assert_eq!(t.unit, Some(Unit::Month));
        assert_eq!(t.coarse, 1);
        assert_eq!(t.bins.iter().map(|b| b.count).sum::<u32>(), 2);
        // Months alone never make day bars.
        let months = timeline(&[d("2022-04"), d("2022-05")], &[1, 1], 0);
        assert_eq!(months.unit, Some(Unit::Month));
        assert_eq!(months.coarse, 0);
        // Uncounted dates draw nothing.
        assert_eq!(timeline(&[d("2022-04")], &[0], 2), Timeline { undated: 2, ..Timeline::default() });
    }

    #[test]
    fn bars_inside_a_range_are_marked() {
        let t = timeline(&[d("2022-01-10"), d("2022-12-01")], &[1, 1], 0);
        let r = range("2022-03", "2022-05");
        let inside: Vec<String> = t.bins.iter().filter(|b| t.bin_in(b, &r)).map(|b| b.period.iso()).collect();
        assert_eq!(inside, ["2022-03", "2022-04", "2022-05"]);
        assert!(!t.bins.iter().any(|b| t.bin_in(b, &DateRange::default())));
    }

    #[test]
    fn the_column_gives_each_document_its_distinct_date() {
        let dates = Dates::new(&[Some(d("2022")), None, Some(d("2018-06")), Some(d("2022"))]);
        assert_eq!(dates.values(), &[d("2018-06"), d("2022")]);
        assert_eq!((dates.of(0), dates.of(1), dates.of(2), dates.of(3)), (Some(1), None, Some(0), Some(1)));
        assert!(dates.check(4).is_ok());
        assert!(dates.check(5).is_err());
    }
}
