//! Tests of `ics`.

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
    e.summary = "Hi\r\nBEGIN:VEVENT\r\nUID:evil\rSTATUS:CANCELLED\u{0}\u{7f}\u{85}\u{1b}[1m".into();
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
