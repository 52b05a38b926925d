//! Time resolution of the charts over time, and daily series summarised into weeks or months.
//!
//! Up to [`DAILY_MAX_DAYS`] every day is drawn. Longer ranges would put several days in one
//! pixel column and turn dots and 7-day lines into noise, so scores and measures are summarised
//! per ISO week (Monday to Sunday) up to [`WEEKLY_MAX_DAYS`], per calendar month beyond. Each
//! bucket gives the median and the quartiles of the days in it that have a value, and how many
//! those are; a bucket without any value is a gap, never a zero. Buckets at the ends of the range
//! hold only the range's days of their week or month.
//!
//! Quantiles use one definition everywhere: linear interpolation between order statistics
//! (Hyndman & Fan's type 7, the default of R and NumPy). For the sorted values `x[0..n]` and a
//! probability `p`, `h = (n − 1)·p` and the quantile is `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`.
//! Its median is the usual one (the mean of the two middle values for an even count).
//!
//! Doses are never summarised: a median of 1.5 and 3 mg is a dose nobody took.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::DateRange;

/// The longest range drawn day by day: about three months, where a 640 px chart still gives
/// each day over 5 px.
pub const DAILY_MAX_DAYS: i64 = 92;
/// The longest range drawn by week: two years (including a leap day), at most 106 weeks, each
/// about 5 px wide or more at 640 px. Longer ranges are drawn by month.
pub const WEEKLY_MAX_DAYS: i64 = 731;

/// How finely a chart over time draws scores and measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolution {
    Daily,
    /// ISO weeks, Monday to Sunday.
    Weekly,
    /// Calendar months.
    Monthly,
}

impl Resolution {
    /// The resolution for a range of `span.days()` days.
    pub fn for_span(span: DateRange) -> Self {
        match span.days() {
            d if d <= DAILY_MAX_DAYS => Self::Daily,
            d if d <= WEEKLY_MAX_DAYS => Self::Weekly,
            _ => Self::Monthly,
        }
    }

    /// The words the legends use for a bucket's line: "weekly medians".
    pub fn medians_label(self) -> &'static str {
        match self {
            Self::Daily => "daily values",
            Self::Weekly => "weekly medians",
            Self::Monthly => "monthly medians",
        }
    }
}

/// Median, quartiles and count of the values in one bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Summary {
    /// Days with a value.
    pub n: usize,
    /// 25th percentile.
    pub q1: f64,
    pub median: f64,
    /// 75th percentile.
    pub q3: f64,
}

/// One week or month of the range: days `first..first + len` of the range (offsets from
/// `span.from`), from `from` to `to` inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bucket {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub first: usize,
    pub len: usize,
    /// `None` when no day of the bucket has a value: a gap.
    pub summary: Option<Summary>,
}

impl Bucket {
    /// The middle of the bucket in days from the range's start (fractional), where its median
    /// is drawn.
    pub fn mid(&self) -> f64 {
        self.first as f64 + self.len as f64 / 2.0
    }
}

/// The weeks or months of `span` as (first day, last day), in order, covering every day of the
/// span once, a short one at either end joined to its neighbour. `Daily` gives one bucket per
/// day.
pub(crate) fn bucket_bounds(span: DateRange, res: Resolution) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = calendar_bounds(span, res);
    // Days in the whole week or month around `d`.
    let full = |d: NaiveDate| match res {
        Resolution::Daily => 1,
        Resolution::Weekly => 7,
        Resolution::Monthly => {
            let first = d.with_day(1);
            let next = first.and_then(|f| f.checked_add_months(Months::new(1)));
            first.zip(next).map_or(31, |(f, n)| (n - f).num_days())
        }
    };
    let short = |(a, b): (NaiveDate, NaiveDate)| 2 * ((b - a).num_days() + 1) < full(a);
    let n = out.len();
    if n >= 2 && short(out[n - 1]) {
        out[n - 2].1 = out[n - 1].1;
        out.pop();
    }
    if out.len() >= 2 && short(out[0]) {
        let (from, _) = out.remove(0);
        out[0].0 = from;
    }
    out
}

/// The weeks or months of `span`, each cut to the span.
fn calendar_bounds(span: DateRange, res: Resolution) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut from = span.from;
    loop {
        let next = match res {
            Resolution::Daily => from.checked_add_days(Days::new(1)),
            Resolution::Weekly => {
                from.checked_add_days(Days::new(7 - u64::from(from.weekday().num_days_from_monday())))
            }
            Resolution::Monthly => from.with_day(1).and_then(|f| f.checked_add_months(Months::new(1))),
        };
        // The day before the next bucket, or the span's end.
        let to = next.and_then(|n| n.pred_opt()).map_or(span.to, |t| t.min(span.to));
        out.push((from, to));
        match next {
            Some(n) if n <= span.to => from = n,
            _ => break,
        }
    }
    out
}

/// Summarises the daily `values` (one per day of `span`, `None` where there is none) into the
/// buckets of `res`.
pub(crate) fn aggregate<T: Copy + Into<f64>>(span: DateRange, res: Resolution, values: &[Option<T>]) -> Vec<Bucket> {
    let mut buf: Vec<f64> = Vec::new();
    bucket_bounds(span, res)
        .into_iter()
        .map(|(from, to)| {
            let first = usize::try_from((from - span.from).num_days()).unwrap_or(0);
            let len = usize::try_from((to - from).num_days() + 1).unwrap_or(1);
            buf.clear();
            let end = (first + len).min(values.len());
            buf.extend(values.get(first.min(end)..end).unwrap_or(&[]).iter().flatten().map(|v| (*v).into()));
            buf.retain(|v| v.is_finite());
            buf.sort_by(f64::total_cmp);
            let summary = summarize_sorted(&buf);
            Bucket { from, to, first, len, summary }
        })
        .collect()
}

/// Median and quartiles of sorted finite values; `None` for none.
pub(crate) fn summarize_sorted(sorted: &[f64]) -> Option<Summary> {
    Some(Summary {
        n: sorted.len(),
        q1: quantile(sorted, 0.25)?,
        median: quantile(sorted, 0.5)?,
        q3: quantile(sorted, 0.75)?,
    })
}

/// The `p` quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation (type 7).
pub(crate) fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lo = (h.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn span(a: &str, b: &str) -> DateRange {
        DateRange::new(d(a), d(b)).unwrap()
    }

    #[test]
    fn quantiles_interpolate_linearly_between_order_statistics() {
        // (values, q1, median, q3), checked against R's quantile(type = 7).
        let cases: &[(&[f64], f64, f64, f64)] = &[
            (&[4.0], 4.0, 4.0, 4.0),
            (&[1.0, 2.0], 1.25, 1.5, 1.75),
            (&[1.0, 2.0, 3.0], 1.5, 2.0, 2.5),
            (&[1.0, 2.0, 3.0, 4.0], 1.75, 2.5, 3.25),
            (&[0.0, 0.0, 0.0, 10.0, 10.0], 0.0, 0.0, 10.0),
            (&[1.0, 3.0, 3.0, 6.0, 7.0, 8.0, 9.0], 3.0, 6.0, 7.5),
            (&[2.0, 4.0, 4.0, 5.0, 7.0, 9.0], 4.0, 4.5, 6.5),
        ];
        for (values, q1, median, q3) in cases {
            let s = summarize_sorted(values).unwrap();
            assert_eq!((s.n, s.q1, s.median, s.q3), (values.len(), *q1, *median, *q3), "{values:?}");
        }
        assert_eq!(summarize_sorted(&[]), None);
        assert_eq!(quantile(&[1.0, 5.0], 0.0), Some(1.0));
        assert_eq!(quantile(&[1.0, 5.0], 1.0), Some(5.0));
    }

    #[test]
    fn resolution_follows_the_length_of_the_range() {
        let cases = [
            ("2025-01-01", "2025-01-01", Resolution::Daily),
            ("2025-01-01", "2025-04-02", Resolution::Daily), // 92 days
            ("2025-01-01", "2025-04-03", Resolution::Weekly),
            ("2024-01-01", "2025-12-31", Resolution::Weekly), // 731 days, with 29 Feb
            ("2024-01-01", "2026-01-01", Resolution::Monthly),
            ("2016-07-01", "2026-06-30", Resolution::Monthly),
        ];
        for (a, b, res) in cases {
            assert_eq!(Resolution::for_span(span(a, b)), res, "{a}..{b}");
        }
    }

    fn bounds(a: &str, b: &str, res: Resolution) -> String {
        let parts: Vec<String> = bucket_bounds(span(a, b), res).iter().map(|(f, t)| format!("{f}/{t}")).collect();
        parts.join(" ")
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_months_by_the_calendar_clipped_to_the_range() {
        // from, to, resolution (D, W, M): the buckets. 1 Jan 2025 is a Wednesday.
        let cases = "
            # Wednesday to Sunday is more than half a week; a Monday alone at the end joins its week.
            2025-01-01 2025-01-13 W 2025-01-01/2025-01-05 2025-01-06/2025-01-13
            2025-01-01 2025-01-16 W 2025-01-01/2025-01-05 2025-01-06/2025-01-12 2025-01-13/2025-01-16
            2025-01-06 2025-01-19 W 2025-01-06/2025-01-12 2025-01-13/2025-01-19
            # A Sunday alone, and a short range that is all edges.
            2025-01-05 2025-01-05 W 2025-01-05/2025-01-05
            2025-01-04 2025-01-06 W 2025-01-04/2025-01-06
            # Across a year: ISO week 1 of 2026 starts on Monday 29 Dec 2025; both ends are short.
            2025-12-27 2026-01-05 W 2025-12-27/2026-01-05
            2025-12-22 2026-01-11 W 2025-12-22/2025-12-28 2025-12-29/2026-01-04 2026-01-05/2026-01-11
            # A leap February; 1 March alone joins it, 17 of January's 31 days stay on their own.
            2024-01-15 2024-03-01 M 2024-01-15/2024-01-31 2024-02-01/2024-03-01
            2024-01-17 2024-03-31 M 2024-01-17/2024-02-29 2024-03-01/2024-03-31
            # Half of a leap February is 14.5 days: 15 stay, 14 join March.
            2024-02-15 2024-03-31 M 2024-02-15/2024-02-29 2024-03-01/2024-03-31
            2024-02-16 2024-03-31 M 2024-02-16/2024-03-31
            2023-02-15 2023-03-31 M 2023-02-15/2023-02-28 2023-03-01/2023-03-31
            2023-02-16 2023-03-31 M 2023-02-16/2023-03-31
            2025-03-30 2025-04-01 D 2025-03-30/2025-03-30 2025-03-31/2025-03-31 2025-04-01/2025-04-01
        ";
        for line in cases.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut parts = line.splitn(4, ' ');
            let (a, b, res, expected) =
                (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
            let res = match res {
                "D" => Resolution::Daily,
                "W" => Resolution::Weekly,
                _ => Resolution::Monthly,
            };
            assert_eq!(bounds(a, b, res), expected, "{line}");
        }
    }

    #[test]
    fn buckets_summarise_only_the_days_with_a_value() {
        // Wednesday 1 Jan 2025 to Sunday 19 Jan: a 5-day week, two whole weeks.
        let s = span("2025-01-01", "2025-01-19");
        let mut values: Vec<Option<u8>> = vec![None; 19];
        // First week: 2, 9 (even count). Second: nothing rated (a gap, not zero). Third: 0, 4, 5.
        values[0] = Some(2);
        values[3] = Some(9);
        values[12] = Some(0);
        values[13] = Some(4);
        values[18] = Some(5);
        let b = aggregate(s, Resolution::Weekly, &values);
        assert_eq!(b.len(), 3);
        assert_eq!((b[0].first, b[0].len, b[0].mid()), (0, 5, 2.5));
        assert_eq!(b[0].summary, Some(Summary { n: 2, q1: 3.75, median: 5.5, q3: 7.25 }));
        assert_eq!((b[1].first, b[1].len, b[1].summary), (5, 7, None));
        assert_eq!(b[2].summary, Some(Summary { n: 3, q1: 2.0, median: 4.0, q3: 4.5 }));
        // All missing: every bucket a gap.
        let none: Vec<Option<u8>> = vec![None; 19];
        assert!(aggregate(s, Resolution::Weekly, &none).iter().all(|b| b.summary.is_none()));
        // A series shorter than the range (never expected) does not panic: the rest is gaps.
        let short = aggregate(s, Resolution::Weekly, &values[..3]);
        assert_eq!(short[0].summary.map(|s| s.n), Some(1));
        assert_eq!(short[2].summary, None);
    }

    #[test]
    fn months_hold_the_leap_day() {
        let s = span("2024-02-01", "2024-03-31");
        let values: Vec<Option<u32>> = (0..60).map(Some).collect();
        let b = aggregate(s, Resolution::Monthly, &values);
        assert_eq!((b[0].len, b[1].first, b[1].len), (29, 29, 31));
        assert_eq!(b[0].summary.map(|s| (s.n, s.median)), Some((29, 14.0)));
        assert_eq!(b[1].summary.map(|s| (s.n, s.median)), Some((31, 44.0)));
    }
}
