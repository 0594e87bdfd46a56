//! Dates, times, zones and durations as people type them, checked: every parser either returns
//! a value that exists or a [`WhenError`] that quotes what was wrong, and converting a local
//! date and time to an instant never guesses across a daylight-saving change.
//!
//! Accepted forms (surrounding whitespace is always ignored):
//! - zone: an IANA time zone name, exactly or in any letter case (`Europe/Lisbon`,
//!   `europe/lisbon`, `UTC`); every name of the tz database is accepted, including legacy links
//!   such as `CET` or `US/Eastern`.
//! - date: `YYYY-MM-DD` or `YYYY-M-D`, years 1970 to 9999.
//! - time: 24-hour `HH:MM` or `H:MM`, or `9h30` / `14h` (`h` in any case); minutes always have
//!   two digits. Not accepted: `24:00`, `9`, `9am`, `9.30` (a dot reads as decimal hours),
//!   seconds.
//! - duration: a number of hours and/or minutes: `90m`, `45min`, `2h`, `1h30`, `1h30m`,
//!   `1h 30min`; units `h`, `hr`, `hrs`, `hour`, `hours`, `m`, `min`, `mins`, `minute`,
//!   `minutes` in any case. Minutes after hours must be below 60. Not accepted: a bare number,
//!   fractions, signs, days.
//! - weekly: an English weekday, full or three letters, any case, then a time: `monday 09:00`,
//!   `Mon 9h`.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono::{Datelike, Days, LocalResult, Offset, TimeDelta, TimeZone, Timelike};
pub use chrono_tz::Tz;

#[cfg(test)]
mod tests;

/// What is wrong with what someone typed; each variant carries what the answer must quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenError {
    /// Not an IANA zone name (e.g. `Europe/Lisbn`).
    UnknownZone {
        /// What was typed, trimmed.
        input: String,
        /// The closest known name, if one is close (same city, or a few typos away).
        suggestion: Option<String>,
    },
    /// Not a date of the form YYYY-MM-DD (or a year outside 1970..=9999).
    BadDate {
        /// What was typed, trimmed.
        input: String,
    },
    /// A well-formed date that does not exist (2027-02-30, 2027-13-01, 2027-02-29).
    ImpossibleDate {
        /// What was typed, trimmed.
        input: String,
    },
    /// Not a 24-hour time of the form HH:MM, H:MM, 9h30 or 14h.
    BadTime {
        /// What was typed, trimmed.
        input: String,
    },
    /// The local time is skipped by a DST change in that zone.
    NonexistentTime {
        /// The local date.
        date: NaiveDate,
        /// The local time that the clocks skip.
        time: NaiveTime,
        /// The zone.
        zone: Tz,
        /// The first valid local time after the gap.
        after: NaiveTime,
    },
    /// The local time happens twice (DST ends).
    AmbiguousTime {
        /// The local date.
        date: NaiveDate,
        /// The local time that happens twice.
        time: NaiveTime,
        /// The zone.
        zone: Tz,
        /// The UTC offset of the first occurrence, as "+01:00".
        first_offset: String,
        /// The UTC offset of the second occurrence, as "+00:00".
        second_offset: String,
    },
    /// Not a duration like `90m`, `2h`, `1h30`, `1h30m`, `45min`.
    BadDuration {
        /// What was typed, trimmed.
        input: String,
    },
    /// A duration of zero, or longer than `max_minutes` (including numbers too big to hold).
    DurationOutOfRange {
        /// What was typed, trimmed.
        input: String,
        /// The longest duration allowed, in minutes.
        max_minutes: i64,
    },
    /// Not a weekly schedule like `monday 09:00`.
    BadWeekly {
        /// What was typed, trimmed.
        input: String,
    },
}

impl fmt::Display for WhenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownZone { input, suggestion: Some(s) } => {
                write!(f, "\"{input}\" is not a known time zone; did you mean \"{s}\"?")
            }
            Self::UnknownZone { input, suggestion: None } => write!(
                f,
                "\"{input}\" is not a known time zone; use an IANA name such as \"Europe/Lisbon\""
            ),
            Self::BadDate { input } => {
                write!(f, "\"{input}\" is not a date of the form YYYY-MM-DD (years 1970 to 9999)")
            }
            Self::ImpossibleDate { input } => write!(f, "\"{input}\" is not a date that exists"),
            Self::BadTime { input } => {
                write!(f, "\"{input}\" is not a 24-hour time such as 09:30, 9:30, 9h30 or 14h")
            }
            Self::NonexistentTime { date, time, zone, after } => write!(
                f,
                "{date} {} does not exist in {zone}: the clocks skip it; the first time after \
                 the change is {}",
                hh_mm(*time),
                hh_mm(*after)
            ),
            Self::AmbiguousTime { date, time, zone, first_offset, second_offset } => write!(
                f,
                "{date} {} happens twice in {zone}: first at UTC{first_offset}, then at \
                 UTC{second_offset}",
                hh_mm(*time)
            ),
            Self::BadDuration { input } => {
                write!(f, "\"{input}\" is not a duration such as 90m, 2h, 1h30 or 45min")
            }
            Self::DurationOutOfRange { input, max_minutes } => write!(
                f,
                "\"{input}\" is not a duration between 1 minute and {max_minutes} minutes"
            ),
            Self::BadWeekly { input } => {
                write!(f, "\"{input}\" is not a weekday and time such as \"monday 09:00\"")
            }
        }
    }
}

impl std::error::Error for WhenError {}

fn hh_mm(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// An IANA zone name, exact or in any letter case (`europe/lisbon`, `utc`); trims.
pub fn parse_zone(input: &str) -> Result<Tz, WhenError> {
    let input = input.trim();
    if let Ok(zone) = input.parse::<Tz>() {
        return Ok(zone);
    }
    if let Some(zone) = chrono_tz::TZ_VARIANTS.iter().find(|z| z.name().eq_ignore_ascii_case(input))
    {
        return Ok(*zone);
    }
    Err(WhenError::UnknownZone { input: input.to_string(), suggestion: suggest_zone(input) })
}

/// The zone name meant by `input`: the same name with `_` for spaces, the same city alone, or
/// else the nearest name within a few typos.
fn suggest_zone(input: &str) -> Option<String> {
    let wanted = input.to_lowercase().replace(' ', "_");
    if wanted.is_empty() {
        return None;
    }
    let city = |name: &str| name.rsplit('/').next().unwrap_or(name).to_string();
    let names = chrono_tz::TZ_VARIANTS.iter().map(|z| (z.name(), z.name().to_ascii_lowercase()));
    let distance = |name: &str| {
        let full = strsim::levenshtein(&wanted, name);
        let city = (!wanted.contains('/')).then(|| strsim::levenshtein(&wanted, &city(name)));
        city.map_or(full, |city| city.min(full))
    };
    let limit = (wanted.chars().count() / 4).clamp(1, 3);
    let best = names.map(|(name, lower)| (distance(&lower), name)).min_by_key(|(d, _)| *d);
    best.filter(|(d, _)| *d <= limit).map(|(_, name)| name.to_string())
}

/// Parses a run of ASCII digits of `min..=max` length; None if it is not one.
fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok()).flatten()
}

/// A date `YYYY-MM-DD` or `YYYY-M-D`, years 1970 to 9999; trims.
pub fn parse_date(input: &str) -> Result<NaiveDate, WhenError> {
    let input = input.trim();
    let bad = || WhenError::BadDate { input: input.to_string() };
    let mut parts = input.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let (Some(y), Some(m), Some(d)) = (digits(y, 4, 4), digits(m, 1, 2), digits(d, 1, 2)) else {
        return Err(bad());
    };
    let year = i32::try_from(y).map_err(|_| bad())?;
    if !(1970..=9999).contains(&year) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(year, m, d)
        .ok_or_else(|| WhenError::ImpossibleDate { input: input.to_string() })
}

/// A 24-hour time: `HH:MM`, `H:MM`, `9h30`, `09H30` or `14h`; trims. Hours 0 to 23, minutes
/// 00 to 59 with two digits; `24:00`, `9`, `9am`, `9.30` and seconds are refused.
pub fn parse_time(input: &str) -> Result<NaiveTime, WhenError> {
    let input = input.trim();
    let bad = || WhenError::BadTime { input: input.to_string() };
    let (hour, minute) = if let Some((h, m)) = input.split_once(':') {
        (digits(h, 1, 2), digits(m, 2, 2))
    } else if let Some((h, m)) = input.split_once(['h', 'H']) {
        (digits(h, 1, 2), if m.is_empty() { Some(0) } else { digits(m, 2, 2) })
    } else {
        return Err(bad());
    };
    let (Some(hour), Some(minute)) = (hour, minute) else {
        return Err(bad());
    };
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(bad)
}

/// One piece of a duration: a number (None when too big to hold) or a unit word.
#[derive(PartialEq)]
enum Piece {
    Number(Option<u64>),
    Hours,
    Minutes,
}

/// A duration in whole minutes, from 1 to `max_minutes`: `90m`, `45min`, `2h`, `1h30`,
/// `1h30m`, `1h 30min` (see the module documentation for the units); trims.
pub fn parse_duration(input: &str, max_minutes: i64) -> Result<i64, WhenError> {
    let input = input.trim();
    let bad = || WhenError::BadDuration { input: input.to_string() };
    let out_of_range = || WhenError::DurationOutOfRange { input: input.to_string(), max_minutes };
    // Runs of digits and runs of letters; whitespace only separates.
    let mut words: Vec<String> = Vec::new();
    let mut last = None;
    for c in input.chars() {
        let class = match c {
            '0'..='9' => Some(true),
            'a'..='z' | 'A'..='Z' => Some(false),
            c if c.is_whitespace() => None,
            _ => return Err(bad()),
        };
        match words.last_mut() {
            Some(word) if class.is_some() && class == last => word.push(c),
            _ if class.is_some() => words.push(c.to_string()),
            _ => {}
        }
        last = class;
    }
    let mut pieces = Vec::new();
    for word in words {
        pieces.push(match word.to_ascii_lowercase().as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => Piece::Hours,
            "m" | "min" | "mins" | "minute" | "minutes" => Piece::Minutes,
            w if w.bytes().all(|b| b.is_ascii_digit()) => Piece::Number(w.parse().ok()),
            _ => return Err(bad()),
        });
    }
    let (hours, minutes) = match pieces.as_slice() {
        [Piece::Number(h), Piece::Hours] => (*h, Some(0)),
        [Piece::Number(m), Piece::Minutes] => (Some(0), *m),
        [Piece::Number(h), Piece::Hours, Piece::Number(m)]
        | [Piece::Number(h), Piece::Hours, Piece::Number(m), Piece::Minutes] => {
            if m.is_none_or(|m| m >= 60) {
                return Err(bad());
            }
            (*h, *m)
        }
        _ => return Err(bad()),
    };
    let total = hours
        .zip(minutes)
        .and_then(|(h, m)| h.checked_mul(60)?.checked_add(m))
        .and_then(|t| i64::try_from(t).ok())
        .ok_or_else(out_of_range)?;
    if total == 0 || total > max_minutes {
        return Err(out_of_range());
    }
    Ok(total)
}

/// The instant of local `date` `time` in `zone`; a skipped or doubled local time is an error
/// (never guessed).
pub fn local_to_utc(
    date: NaiveDate,
    time: NaiveTime,
    zone: Tz,
) -> Result<DateTime<Utc>, WhenError> {
    let naive = date.and_time(time);
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(at) => Ok(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
            let (first, second) = (a.min(b), a.max(b));
            Err(WhenError::AmbiguousTime {
                date,
                time,
                zone,
                first_offset: offset_at(zone, first),
                second_offset: offset_at(zone, second),
            })
        }
        LocalResult::None => {
            let after = gap_end(naive, zone).map_or(time, |end| local(end, zone).time());
            Err(WhenError::NonexistentTime { date, time, zone, after })
        }
    }
}

/// The UTC instant at which the clocks of `zone` jump over the skipped local time `naive`
/// (its local time is the first one after the gap); None at the ends of chrono's range.
fn gap_end(naive: NaiveDateTime, zone: Tz) -> Option<DateTime<Utc>> {
    // UTC offsets stay well within ±26 hours, so local(lo) < naive <= local(hi).
    let base = naive.and_utc().timestamp();
    let (mut lo, mut hi) = (base.checked_sub(26 * 3600)?, base.checked_add(26 * 3600)?);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if local(DateTime::from_timestamp(mid, 0)?, zone) < naive {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    DateTime::from_timestamp(hi, 0)
}

/// A weekly time: a weekday and a local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weekly {
    /// The day of the week.
    pub weekday: Weekday,
    /// The local time on that day.
    pub time: NaiveTime,
}

/// English weekday names; the first three letters also name the day.
const DAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// A weekday (English, full or three letters, any case) and a time as [`parse_time`] takes it,
/// separated by whitespace: `monday 09:00`, `Mon 9h`; trims. A bad time part gives
/// [`WhenError::BadTime`] quoting that part; anything else wrong gives [`WhenError::BadWeekly`].
pub fn parse_weekly(input: &str) -> Result<Weekly, WhenError> {
    let input = input.trim();
    let bad = || WhenError::BadWeekly { input: input.to_string() };
    let mut words = input.split_whitespace();
    let (Some(day), Some(time), None) = (words.next(), words.next(), words.next()) else {
        return Err(bad());
    };
    let day = day.to_ascii_lowercase();
    let weekday = DAYS
        .iter()
        .find(|(name, _)| day == *name || (day.len() == 3 && name.starts_with(day.as_str())))
        .map(|(_, weekday)| *weekday)
        .ok_or_else(bad)?;
    Ok(Weekly { weekday, time: parse_time(time)? })
}

/// The instant of local `naive` in `zone`, resolved as [`next_weekly`] documents.
fn resolve_weekly(naive: NaiveDateTime, zone: Tz) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(at) => Some(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.with_timezone(&Utc).min(b.with_timezone(&Utc))),
        LocalResult::None => {
            let end = gap_end(naive, zone)?;
            let before = end.checked_sub_signed(TimeDelta::seconds(1))?;
            let offset = zone.offset_from_utc_datetime(&before.naive_utc()).fix();
            let shift = TimeDelta::seconds(offset.local_minus_utc().into());
            naive.and_utc().checked_sub_signed(shift)
        }
    }
}

/// The first instant strictly after `after` at which it is `weekly` in `zone`. When that local
/// time is skipped by a DST change, the instant the same wall-clock time names with the offset
/// from before the change, which is the time shifted by the gap (02:30 -> 03:30); when it happens
/// twice, the earlier one. Successive calls advance exactly one week each. Only at the far end
/// of chrono's range (year 262143), where no later instant can be held, is `after` returned.
#[must_use]
pub fn next_weekly(after: DateTime<Utc>, weekly: Weekly, zone: Tz) -> DateTime<Utc> {
    // Start two days back so that a weekly just after `after` in UTC but on an earlier local
    // date is not missed; occurrences are a week apart, so the first later one is the answer.
    let today = local(after, zone).date();
    let start = today.checked_sub_days(Days::new(2)).unwrap_or(today);
    let ahead =
        (7 + weekly.weekday.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
    let mut day = start.checked_add_days(Days::new(ahead.into()));
    for _ in 0..4 {
        let Some(date) = day else { break };
        match resolve_weekly(date.and_time(weekly.time), zone) {
            Some(at) if at > after => return at,
            _ => day = date.checked_add_days(Days::new(7)),
        }
    }
    after
}

/// The UTC offset of `zone` at `at`, as "+01:00" (with ":SS" when not whole minutes, as for
/// some historical local mean times).
#[must_use]
pub fn offset_at(zone: Tz, at: DateTime<Utc>) -> String {
    let seconds = zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    let seconds = if s == 0 { String::new() } else { format!(":{s:02}") };
    format!("{sign}{h:02}:{m:02}{seconds}")
}

/// The local date and time of `at` in `zone` (held at chrono's limits at the very ends of its
/// range, where the local time cannot be represented).
#[must_use]
pub fn local(at: DateTime<Utc>, zone: Tz) -> NaiveDateTime {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc()).fix();
    let limit = if offset.local_minus_utc() > 0 { NaiveDateTime::MAX } else { NaiveDateTime::MIN };
    at.naive_utc().checked_add_offset(offset).unwrap_or(limit)
}
