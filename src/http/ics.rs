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
mod tests {
    use super::*;

    /// 2027-03-15T09:00:00Z.
    const T0: i64 = 1_805_101_200_000;
    const HOUR: i64 = 3_600_000;

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "seminar-12@example.org".into(),
            start: T0,
            end: T0 + 2 * HOUR,
            sequence: 0,
            updated: T0 - 24 * HOUR,
            created: T0 - 48 * HOUR,
            summary: "Seminar".into(),
            description: None,
            location: None,
            url: None,
            cancelled: false,
        }
    }

    /// Undoes folding: the logical lines, without their CRLF.
    fn unfold(feed: &str) -> Vec<String> {
        assert!(feed.ends_with("\r\n"));
        let body = feed.replace("\r\n ", "");
        assert!(!body.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
        body.trim_end_matches("\r\n").split("\r\n").map(String::from).collect()
    }

    /// Undoes TEXT escaping.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash"),
            }
        }
        out
    }

    /// The unescaped value of the only line starting with `key:`.
    fn value(feed: &str, key: &str) -> String {
        let prefix = format!("{key}:");
        let lines: Vec<_> = unfold(feed).into_iter().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(lines.len(), 1, "{key}: {lines:?}");
        unescape(&lines[0][prefix.len()..])
    }

    #[test]
    fn small_feed_exact() {
        let mut e = event();
        e.url = Some("https://matrix.to/#/!room:example.org".into());
        e.location = Some("Room 4".into());
        let feed = calendar("Seminars", &[e]);
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//peerlink//peerlink//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Seminars",
            "BEGIN:VEVENT",
            "UID:seminar-12@example.org",
            "DTSTAMP:20270314T090000Z",
            "DTSTART:20270315T090000Z",
            "DTEND:20270315T110000Z",
            "SEQUENCE:0",
            "CREATED:20270313T090000Z",
            "LAST-MODIFIED:20270314T090000Z",
            "SUMMARY:Seminar",
            "LOCATION:Room 4",
            "URL:https://matrix.to/#/!room:example.org",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        ];
        let lines: Vec<_> = feed.split_inclusive("\r\n").collect();
        assert_eq!(lines.len(), expected.len());
        for (line, want) in lines.iter().zip(expected) {
            assert_eq!(*line, format!("{want}\r\n"));
        }
    }

    #[test]
    fn empty_feed() {
        let feed = calendar("", &[]);
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(feed.ends_with("X-WR-CALNAME:\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn long_utf8_summary_folds_and_unfolds() {
        let summary = "ندوة حول الشبكات اللامركزية والتشفير من طرف إلى طرف؛ 去中心化通信研讨会，\
                       欢迎大家参加 🎉🎓📅🧑‍💻 then some ASCII, to finish; and a \\ backslash"
            .repeat(3);
        let mut e = event();
        e.summary = summary.clone();
        e.description = Some("x".repeat(300));
        let feed = calendar("Calendar", &[e]);
        for line in feed.split("\r\n") {
            assert!(line.len() <= LINE_LIMIT, "{} octets: {line}", line.len());
        }
        assert!(feed.split("\r\n").filter(|l| l.starts_with(' ')).count() > 10);
        assert_eq!(value(&feed, "SUMMARY"), summary);
        assert_eq!(value(&feed, "DESCRIPTION"), "x".repeat(300));
    }

    #[test]
    fn fold_exactly_at_limit() {
        let mut out = String::new();
        push_line(&mut out, "SUMMARY", &"a".repeat(LINE_LIMIT - 8));
        assert_eq!(out.len(), LINE_LIMIT + 2);
        out.clear();
        push_line(&mut out, "SUMMARY", &"a".repeat(LINE_LIMIT - 7));
        assert_eq!(out, format!("SUMMARY:{}\r\n a\r\n", "a".repeat(LINE_LIMIT - 8)));
    }

    #[test]
    fn fold_keeps_escapes_whole() {
        let mut out = String::new();
        push_line(&mut out, "SUMMARY", &format!("{}\\,b", "a".repeat(LINE_LIMIT - 9)));
        assert_eq!(out, format!("SUMMARY:{}\r\n \\,b\r\n", "a".repeat(LINE_LIMIT - 9)));
    }

    #[test]
    fn text_escaping() {
        let mut e = event();
        e.summary = "a, b; c \\ d\ne\r\nf\tg".into();
        e.description = Some(";,\\\n".into());
        let feed = calendar("My, calendar; \\", &[e]);
        let lines = unfold(&feed);
        assert!(lines.contains(&"SUMMARY:a\\, b\\; c \\\\ d\\ne\\nf\tg".to_string()));
        assert!(lines.contains(&"DESCRIPTION:\\;\\,\\\\\\n".to_string()));
        assert!(lines.contains(&"X-WR-CALNAME:My\\, calendar\\; \\\\".to_string()));
        assert_eq!(value(&feed, "SUMMARY"), "a, b; c \\ d\ne\nf\tg");
    }

    #[test]
    fn injection_stays_in_one_property() {
        let mut e = event();
        e.summary =
            "Hi\r\nBEGIN:VEVENT\r\nUID:evil\rSTATUS:CANCELLED\u{0}\u{7f}\u{85}\u{1b}[1m".into();
        e.location = Some("\nEND:VEVENT\nEND:VCALENDAR".into());
        e.uid = "u\r\nX-EVIL:1".into();
        let feed = calendar("Cal\r\nMETHOD:CANCEL", &[e]);
        let lines = unfold(&feed);
        assert_eq!(lines.iter().filter(|l| l.as_str() == "BEGIN:VEVENT").count(), 1);
        assert_eq!(lines.iter().filter(|l| l.starts_with("UID:")).count(), 1);
        assert_eq!(lines.iter().filter(|l| l.starts_with("STATUS:")).count(), 1);
        assert_eq!(lines.iter().filter(|l| l.starts_with("METHOD:")).count(), 1);
        assert!(!lines.iter().any(|l| l.starts_with("X-EVIL") || l.starts_with("END:VCALENDAR\\")));
        assert_eq!(value(&feed, "SUMMARY"), "Hi\nBEGIN:VEVENT\nUID:evilSTATUS:CANCELLED[1m");
        assert_eq!(value(&feed, "LOCATION"), "\nEND:VEVENT\nEND:VCALENDAR");
        assert_eq!(value(&feed, "UID"), "u\nX-EVIL:1");
        assert_eq!(value(&feed, "X-WR-CALNAME"), "Cal\nMETHOD:CANCEL");
        assert_eq!(value(&feed, "STATUS"), "CONFIRMED");
        assert!(!feed.chars().any(|c| c.is_control() && c != '\r' && c != '\n'));
    }

    #[test]
    fn urls_checked() {
        for (url, kept) in [
            ("https://example.org/a?b=c,d;e", true),
            ("http://example.org", true),
            ("HTTPS://EXAMPLE.ORG", true),
            ("matrix:r/room:example.org", true),
            ("javascript:alert(1)", false),
            ("ftp://example.org", false),
            ("https://example.org\r\nX-EVIL:1", false),
            ("https://example.org/\u{0}", false),
            ("https://example.org/a b", false),
            ("http:/", false),
            ("", false),
        ] {
            let mut e = event();
            e.url = Some(url.into());
            let feed = calendar("c", &[e]);
            assert_eq!(feed.contains("\r\nURL:"), kept, "{url:?}");
            if kept {
                assert!(unfold(&feed).contains(&format!("URL:{url}")));
            }
        }
    }

    #[test]
    fn cancelled_and_sequence() {
        let mut e = event();
        e.cancelled = true;
        e.sequence = 7;
        let feed = calendar("c", &[e, event()]);
        let lines = unfold(&feed);
        let status: Vec<_> = lines.iter().filter(|l| l.starts_with("STATUS:")).collect();
        assert_eq!(status, ["STATUS:CANCELLED", "STATUS:CONFIRMED"]);
        let sequence: Vec<_> = lines.iter().filter(|l| l.starts_with("SEQUENCE:")).collect();
        assert_eq!(sequence, ["SEQUENCE:7", "SEQUENCE:0"]);
    }

    #[test]
    fn end_before_start_becomes_start() {
        let mut e = event();
        e.end = e.start - HOUR;
        assert_eq!(value(&calendar("c", &[e]), "DTEND"), "20270315T090000Z");
    }

    #[test]
    fn utc_format() {
        assert_eq!(utc(0), "19700101T000000Z");
        assert_eq!(utc(999), "19700101T000000Z");
        assert_eq!(utc(-1), "19691231T235959Z");
        assert_eq!(utc(T0), "20270315T090000Z");
        assert_eq!(utc(1_709_251_199_000), "20240229T235959Z");
        assert_eq!(utc(951_782_400_000), "20000229T000000Z");
        assert_eq!(utc(i64::MIN), "00010101T000000Z");
        assert_eq!(utc(i64::MAX), "99991231T235959Z");
    }
}
