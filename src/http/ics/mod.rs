//! The calendar feed's format: RFC 5545 (iCalendar), one `VCALENDAR` holding one `VEVENT` per
//! event, ready to be served as `text/calendar; charset=utf-8` and polled by calendar clients.
//!
//! Pure and infallible: [`calendar`] takes plain data and returns the whole feed as a `String`.
//! Everything that reaches the output is neutralised first, so hostile text (a summary holding
//! `"\r\nBEGIN:VEVENT"`, say) stays inside its own property:
//!
//! - TEXT values (summary, description, location, UID, calendar name) lose their control
//!   characters other than newline and tab, then are escaped (`\\`, `\;`, `\,`, `\n`);
//! - a URL is dropped unless it starts with `http://`, `https://` or `matrix:` and holds no
//!   control character nor whitespace (a URI value cannot be escaped);
//! - lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character nor between
//!   a backslash and the character it escapes; continuation lines start with one space;
//! - instants are written in UTC (`20270315T090000Z`), truncated to the second.

use std::fmt::Write as _;

/// Fold content lines longer than this many octets (CRLF excluded), as RFC 5545 §3.1 asks.
const LINE_LIMIT: usize = 75;

/// 0001-01-01T00:00:00Z in ms since the Unix epoch: earlier instants are written as this one.
const MIN_MS: i64 = -62_135_596_800_000;

/// 9999-12-31T23:59:59.999Z in ms: later instants are written as this one.
const MAX_MS: i64 = 253_402_300_799_999;

/// URL schemes allowed in the `URL` property (compared case-insensitively).
const URL_SCHEMES: [&str; 3] = ["http://", "https://", "matrix:"];

/// One event of the feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across edits, e.g. "seminar-12@<server name>".
    pub uid: String,
    /// Starts, ms since the Unix epoch (UTC).
    pub start: i64,
    /// Ends, likewise. An end before the start is written as the start.
    pub end: i64,
    /// Incremented at each edit (0 at creation).
    pub sequence: u32,
    /// Last change of the event (ms), for DTSTAMP and LAST-MODIFIED.
    pub updated: i64,
    /// Created (ms), for CREATED.
    pub created: i64,
    /// Title of the event: SUMMARY property.
    pub summary: String,
    /// Longer text: DESCRIPTION property, omitted when `None`.
    pub description: Option<String>,
    /// Where it happens: LOCATION property, omitted when `None`.
    pub location: Option<String>,
    /// A link (the Matrix room, an online meeting): URL property.
    ///
    /// Omitted when `None`, when not `http://`, `https://` or `matrix:`, or when it holds a
    /// control character or whitespace.
    pub url: Option<String>,
    /// Cancelled: STATUS:CANCELLED; otherwise STATUS:CONFIRMED.
    pub cancelled: bool,
}

/// The whole feed named `name`: a `VCALENDAR` (VERSION:2.0, PRODID, CALSCALE:GREGORIAN,
/// METHOD:PUBLISH, X-WR-CALNAME) holding one `VEVENT` per event, in the given order.
///
/// Lines end in CRLF, including the last one.
pub fn calendar(name: &str, events: &[CalendarEvent]) -> String {
    let mut out = String::with_capacity(256 + events.len() * 512);
    for (key, value) in [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//peerlink//peerlink//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        push_line(&mut out, key, value);
    }
    push_line(&mut out, "X-WR-CALNAME", &text(name));
    for event in events {
        push_event(&mut out, event);
    }
    push_line(&mut out, "END", "VCALENDAR");
    out
}

/// Appends one `VEVENT`.
fn push_event(out: &mut String, event: &CalendarEvent) {
    push_line(out, "BEGIN", "VEVENT");
    push_line(out, "UID", &text(&event.uid));
    push_line(out, "DTSTAMP", &utc(event.updated));
    push_line(out, "DTSTART", &utc(event.start));
    push_line(out, "DTEND", &utc(event.end.max(event.start)));
    push_line(out, "SEQUENCE", &event.sequence.to_string());
    push_line(out, "CREATED", &utc(event.created));
    push_line(out, "LAST-MODIFIED", &utc(event.updated));
    push_line(out, "SUMMARY", &text(&event.summary));
    if let Some(description) = &event.description {
        push_line(out, "DESCRIPTION", &text(description));
    }
    if let Some(location) = &event.location {
        push_line(out, "LOCATION", &text(location));
    }
    if let Some(url) = event.url.as_deref().filter(|url| safe_url(url)) {
        push_line(out, "URL", url);
    }
    push_line(out, "STATUS", if event.cancelled { "CANCELLED" } else { "CONFIRMED" });
    push_line(out, "END", "VEVENT");
}

/// Appends the content line `key:value`, folded, then CRLF. `value` must be free of control
/// characters other than tab (escaped TEXT, a checked URL, a constant).
fn push_line(out: &mut String, key: &str, value: &str) {
    let mut width = 0;
    for unit in [key, ":", value].into_iter().flat_map(units) {
        if width + unit.len() > LINE_LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push_str(unit);
        width += unit.len();
    }
    out.push_str("\r\n");
}

/// Splits `s` into the pieces a fold must not cut: single characters, and a backslash together
/// with the character after it (an escape sequence, kept whole for fragile unfolders).
fn units(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.chars();
        let first = chars.next()?;
        let mut len = first.len_utf8();
        if first == '\\' {
            len += chars.next().map_or(0, char::len_utf8);
        }
        let (unit, tail) = rest.split_at(len);
        rest = tail;
        Some(unit)
    })
}

/// A TEXT value (RFC 5545 §3.3.11): control characters other than newline and tab dropped
/// (CR included), then backslash, semicolon, comma and newline escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `url` may be written as a URI value: an allowed scheme, and no control character
/// nor whitespace (which could end the line or could not be written unescaped).
fn safe_url(url: &str) -> bool {
    let allowed_scheme = URL_SCHEMES.iter().any(|scheme| {
        url.as_bytes()
            .get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
    });
    allowed_scheme && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// A DATE-TIME in UTC form (`20270315T090000Z`) from ms since the Unix epoch, truncated to the
/// second and clamped to years 1..=9999.
fn utc(ms: i64) -> String {
    let secs = ms.clamp(MIN_MS, MAX_MS).div_euclid(1000);
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let second_of_day = secs.rem_euclid(86_400);
    let mut out = String::with_capacity(16);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    );
    out
}

/// (year, month, day) of the proleptic Gregorian calendar from days since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests;
