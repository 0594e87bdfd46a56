use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}
fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}
fn z(s: &str) -> Tz {
    s.parse().unwrap()
}

#[test]
fn zones() {
    let ok = [
        ("Europe/Lisbon", "Europe/Lisbon"),
        ("  Europe/Lisbon\t", "Europe/Lisbon"),
        ("europe/lisbon", "Europe/Lisbon"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("CET", "CET"),
        ("US/Eastern", "US/Eastern"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ];
    for (input, name) in ok {
        assert_eq!(parse_zone(input).map(Tz::name), Ok(name), "{input:?}");
    }
    let bad: [(&str, &str, Option<&str>); 12] = [
        ("", "", None),
        ("   ", "", None),
        ("Europe/Lisbn", "Europe/Lisbn", Some("Europe/Lisbon")),
        (" europe/lisbn ", "europe/lisbn", Some("Europe/Lisbon")),
        ("Europe/Lsibon", "Europe/Lsibon", Some("Europe/Lisbon")),
        ("Lisbon", "Lisbon", Some("Europe/Lisbon")),
        ("lisbn", "lisbn", Some("Europe/Lisbon")),
        ("America/New York", "America/New York", Some("America/New_York")),
        ("new york", "new york", Some("America/New_York")),
        ("Mars/Olympus", "Mars/Olympus", None),
        ("Europe/Lisbon/", "Europe/Lisbon/", Some("Europe/Lisbon")),
        ("xyz123", "xyz123", None),
    ];
    for (input, quoted, suggestion) in bad {
        assert_eq!(
            parse_zone(input),
            Err(WhenError::UnknownZone {
                input: quoted.to_string(),
                suggestion: suggestion.map(str::to_string)
            }),
            "{input:?}"
        );
    }
}

#[test]
fn dates() {
    let ok = [
        ("2027-01-01", "2027-01-01"),
        (" 2027-1-1 ", "2027-01-01"),
        ("2027-12-31", "2027-12-31"),
        ("2028-02-29", "2028-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("1970-01-01", "1970-01-01"),
        ("9999-12-31", "9999-12-31"),
        ("2027-4-30", "2027-04-30"),
    ];
    for (input, want) in ok {
        assert_eq!(parse_date(input), Ok(d(want)), "{input:?}");
    }
    let bad = [
        "",
        "  ",
        "27-01-01",
        "027-01-01",
        "20270-01-01",
        "2027/01/01",
        "2027.01.01",
        "2027-01-01T10:00",
        "2027-01-01 10:00",
        "2027-01",
        "2027-01-01-01",
        "2027-001-01",
        "2027-01-001",
        "2027--01",
        "-2027-01-01",
        "+2027-01-01",
        "2027-0x-01",
        "2027-01-1a",
        "١٢٣٤-01-01",
        "1969-12-31",
        "0000-01-01",
        "today",
        "01-01-2027",
    ];
    for input in bad {
        assert_eq!(
            parse_date(input),
            Err(WhenError::BadDate { input: input.trim().to_string() }),
            "{input:?}"
        );
    }
    let impossible = [
        "2027-02-30",
        "2027-2-29",
        "2027-02-29",
        "2200-02-29",
        "2100-02-29",
        "2027-13-01",
        "2027-00-10",
        "2027-01-00",
        "2026-04-31",
        "2027-06-31",
        "2027-01-32",
        "2027-99-99",
    ];
    for input in impossible {
        assert_eq!(
            parse_date(input),
            Err(WhenError::ImpossibleDate { input: input.to_string() }),
            "{input:?}"
        );
    }
}

#[test]
fn times() {
    let ok = [
        ("09:00", "09:00"),
        ("9:00", "09:00"),
        (" 9:05 ", "09:05"),
        ("00:00", "00:00"),
        ("0:00", "00:00"),
        ("23:59", "23:59"),
        ("9h30", "09:30"),
        ("09H30", "09:30"),
        ("14h", "14:00"),
        ("0h", "00:00"),
        ("23h59", "23:59"),
    ];
    for (input, want) in ok {
        assert_eq!(parse_time(input), Ok(t(want)), "{input:?}");
    }
    let bad = [
        "", " ", "9", "0900", "9am", "9:00am", "9 am", "9.30", "09.30", "25:00", "24:00", "24h",
        "12:60", "12:5", "12:005", "123:00", "-1:00", "+9:00", "9:-1", ":30", "9:", "h30", "9h3",
        "9h300", "9h30m", "12:00:00", "1:2:3", "ab:cd", "9 :30", "9: 30", "noon", "٩:٣٠", "9hh",
    ];
    for input in bad {
        assert_eq!(
            parse_time(input),
            Err(WhenError::BadTime { input: input.trim().to_string() }),
            "{input:?}"
        );
    }
}

#[test]
fn durations() {
    let ok = [
        ("90m", 90),
        ("2h", 120),
        ("1h30", 90),
        ("1h30m", 90),
        ("1h05", 65),
        ("45min", 45),
        ("45 min", 45),
        ("45mins", 45),
        ("1 hour", 60),
        ("2 hours 15 minutes", 135),
        ("1H30M", 90),
        (" 1h 30m ", 90),
        ("0h1m", 1),
        ("1h0m", 60),
        ("1m", 1),
        ("1440m", 1440),
        ("24h", 1440),
        ("0090m", 90),
    ];
    for (input, want) in ok {
        assert_eq!(parse_duration(input, 1440), Ok(want), "{input:?}");
    }
    let bad = [
        "",
        " ",
        "90",
        "h",
        "m",
        "-1h",
        "+1h",
        "1.5h",
        "1,5h",
        "10d",
        "1w",
        "1h30s",
        "30s",
        "1h60",
        "1h60m",
        "1h99999999999999999999m",
        "30m1h",
        "1h1h",
        "1m30",
        "1 0m",
        "1h 30 m 5",
        "h30",
        "1hour30minutes5",
        "abc",
        "½h",
        "１h",
    ];
    for input in bad {
        assert_eq!(
            parse_duration(input, 1440),
            Err(WhenError::BadDuration { input: input.trim().to_string() }),
            "{input:?}"
        );
    }
    let out = [
        "0m",
        "0h",
        "0h0m",
        "00min",
        "1441m",
        "25h",
        "24h1m",
        "99999999999999999999m",
        "99999999999999999999h",
        "9223372036854775807m",
        "9223372036854775807h",
        "18446744073709551615m",
    ];
    for input in out {
        assert_eq!(
            parse_duration(input, 1440),
            Err(WhenError::DurationOutOfRange { input: input.to_string(), max_minutes: 1440 }),
            "{input:?}"
        );
    }
    assert_eq!(
        parse_duration("1m", 0),
        Err(WhenError::DurationOutOfRange { input: "1m".to_string(), max_minutes: 0 })
    );
    assert_eq!(
        parse_duration("1m", -5),
        Err(WhenError::DurationOutOfRange { input: "1m".to_string(), max_minutes: -5 })
    );
    assert_eq!(parse_duration("9223372036854775807m", i64::MAX), Ok(i64::MAX));
}

#[test]
fn local_times() {
    use Change::{Gap, Twice};
    let ok = [
        ("2027-01-15", "12:00", "Europe/Lisbon", "2027-01-15T12:00:00Z"),
        ("2027-07-15", "12:00", "Europe/Lisbon", "2027-07-15T11:00:00Z"),
        ("2027-03-28", "00:59", "Europe/Lisbon", "2027-03-28T00:59:00Z"),
        ("2027-03-28", "02:00", "Europe/Lisbon", "2027-03-28T01:00:00Z"),
        ("2027-10-31", "00:59", "Europe/Lisbon", "2027-10-30T23:59:00Z"),
        ("2027-10-31", "02:00", "Europe/Lisbon", "2027-10-31T02:00:00Z"),
        ("2027-03-14", "03:00", "America/New_York", "2027-03-14T07:00:00Z"),
        ("2027-03-14", "01:59", "America/New_York", "2027-03-14T06:59:00Z"),
        ("2027-06-01", "09:00", "UTC", "2027-06-01T09:00:00Z"),
        ("2027-06-01", "09:00", "Asia/Kolkata", "2027-06-01T03:30:00Z"),
        ("2027-06-01", "09:00", "Asia/Kathmandu", "2027-06-01T03:15:00Z"),
        // Paraguay keeps -03:00 all year since 2024-10-15: the old change times now exist once.
        ("2027-10-03", "00:30", "America/Asuncion", "2027-10-03T03:30:00Z"),
        ("2027-03-27", "23:30", "America/Asuncion", "2027-03-28T02:30:00Z"),
        ("2027-07-01", "12:00", "America/Asuncion", "2027-07-01T15:00:00Z"),
        ("2027-01-01", "12:00", "America/Asuncion", "2027-01-01T15:00:00Z"),
        // Morocco: +01:00, but +00:00 during Ramadan (2027-02-07 to 2027-03-14).
        ("2027-02-20", "12:00", "Africa/Casablanca", "2027-02-20T12:00:00Z"),
        ("2027-04-20", "12:00", "Africa/Casablanca", "2027-04-20T11:00:00Z"),
    ];
    for (date, time, zone, want) in ok {
        assert_eq!(local_to_utc(d(date), t(time), z(zone)), Ok(utc(want)), "{date} {time} {zone}");
    }
    let bad = [
        ("2027-03-28", "01:30", "Europe/Lisbon", Gap("02:00")),
        ("2027-03-28", "01:00", "Europe/Lisbon", Gap("02:00")),
        ("2027-03-28", "01:59", "Europe/Lisbon", Gap("02:00")),
        ("2027-10-31", "01:30", "Europe/Lisbon", Twice("+01:00", "+00:00")),
        ("2027-10-31", "01:00", "Europe/Lisbon", Twice("+01:00", "+00:00")),
        ("2027-03-14", "02:30", "America/New_York", Gap("03:00")),
        ("2027-11-07", "01:30", "America/New_York", Twice("-04:00", "-05:00")),
        // Paraguay's last changes under DST rules, before it stayed on -03:00.
        ("2023-10-01", "00:30", "America/Asuncion", Gap("01:00")),
        ("2024-03-23", "23:30", "America/Asuncion", Twice("-03:00", "-04:00")),
        ("2024-10-06", "00:30", "America/Asuncion", Gap("01:00")),
        ("2027-02-07", "02:30", "Africa/Casablanca", Twice("+01:00", "+00:00")),
        ("2027-03-14", "02:30", "Africa/Casablanca", Gap("03:00")),
        ("2027-10-03", "02:30", "Australia/Sydney", Gap("03:00")),
        ("2027-04-04", "01:45", "Australia/Lord_Howe", Twice("+11:00", "+10:30")),
        ("2027-10-03", "02:15", "Australia/Lord_Howe", Gap("02:30")),
        // Samoa skipped a whole day.
        ("2011-12-30", "12:00", "Pacific/Apia", Gap("00:00")),
    ];
    for (date, time, zone, change) in bad {
        let want = match change {
            Gap(after) => WhenError::NonexistentTime {
                date: d(date),
                time: t(time),
                zone: z(zone),
                after: t(after),
            },
            Twice(first, second) => WhenError::AmbiguousTime {
                date: d(date),
                time: t(time),
                zone: z(zone),
                first_offset: first.to_string(),
                second_offset: second.to_string(),
            },
        };
        assert_eq!(local_to_utc(d(date), t(time), z(zone)), Err(want), "{date} {time} {zone}");
    }
}

enum Change {
    Gap(&'static str),
    Twice(&'static str, &'static str),
}

#[test]
fn weeklies() {
    use Weekday::*;
    let ok = [
        ("monday 09:00", Mon, "09:00"),
        ("Mon 9:00", Mon, "09:00"),
        ("MONDAY 9h30", Mon, "09:30"),
        ("  sun \t 14h  ", Sun, "14:00"),
        ("tue 00:00", Tue, "00:00"),
        ("Wednesday 12:00", Wed, "12:00"),
        ("wed 12:00", Wed, "12:00"),
        ("thursday 23:59", Thu, "23:59"),
        ("thu 23:59", Thu, "23:59"),
        ("Fri 17h", Fri, "17:00"),
        ("saturday 8:05", Sat, "08:05"),
        ("SAT 08:05", Sat, "08:05"),
    ];
    for (input, weekday, time) in ok {
        assert_eq!(parse_weekly(input), Ok(Weekly { weekday, time: t(time) }), "{input:?}");
    }
    let bad = [
        "",
        "  ",
        "monday",
        "09:00",
        "09:00 monday",
        "mon09:00",
        "monday,09:00",
        "funday 09:00",
        "mo 09:00",
        "m 09:00",
        "tues 09:00",
        "mondays 09:00",
        "monday 09:00 extra",
        "monday at 09:00",
        "lundi 09:00",
        "mön 09:00",
    ];
    for input in bad {
        assert_eq!(
            parse_weekly(input),
            Err(WhenError::BadWeekly { input: input.trim().to_string() }),
            "{input:?}"
        );
    }
    for (input, time) in [("monday 25:00", "25:00"), ("mon 9am", "9am"), ("sun 24:00", "24:00")] {
        assert_eq!(parse_weekly(input), Err(WhenError::BadTime { input: time.to_string() }));
    }
}

fn weekly(weekday: Weekday, time: &str) -> Weekly {
    Weekly { weekday, time: t(time) }
}

#[test]
fn weekly_steps_one_week_at_a_time_across_dst() {
    let zone = z("Europe/Lisbon");
    let w = weekly(Weekday::Mon, "09:00");
    let mut at = utc("2027-01-01T00:00:00Z");
    let mut seen = Vec::new();
    for _ in 0..60 {
        let next = next_weekly(at, w, zone);
        assert!(next > at);
        let when = local(next, zone);
        assert_eq!((when.weekday(), when.time()), (Weekday::Mon, t("09:00")), "{next}");
        seen.push(next);
        at = next;
    }
    assert_eq!(seen[0], utc("2027-01-04T09:00:00Z"));
    assert_eq!(seen[59], utc("2028-02-21T09:00:00Z"));
    let mut hours = Vec::new();
    for pair in seen.windows(2) {
        let (a, b) = (local(pair[0], zone).date(), local(pair[1], zone).date());
        assert_eq!(b - a, TimeDelta::days(7));
        hours.push((pair[1] - pair[0]).num_hours());
    }
    // One week is 167 hours across the March change and 169 across the October one.
    let short = hours.iter().position(|h| *h == 167);
    let long = hours.iter().position(|h| *h == 169);
    assert_eq!(seen[short.unwrap() + 1], utc("2027-03-29T08:00:00Z"));
    assert_eq!(seen[long.unwrap() + 1], utc("2027-11-01T09:00:00Z"));
    assert_eq!(hours.iter().filter(|h| **h != 168).count(), 2);
}

#[test]
fn weekly_on_change_days() {
    let lisbon = z("Europe/Lisbon");
    let cases = [
        // Skipped: 01:30 does not exist, the gap shifts it to 02:30 local.
        (
            "2027-03-27T00:00:00Z",
            Weekday::Sun,
            "01:30",
            lisbon,
            "2027-03-28T01:30:00Z",
            "2027-03-28 02:30",
        ),
        // Doubled: the earlier 01:30 (+01:00).
        (
            "2027-10-30T00:00:00Z",
            Weekday::Sun,
            "01:30",
            lisbon,
            "2027-10-31T00:30:00Z",
            "2027-10-31 01:30",
        ),
        (
            "2027-03-13T00:00:00Z",
            Weekday::Sun,
            "02:30",
            z("America/New_York"),
            "2027-03-14T07:30:00Z",
            "2027-03-14 03:30",
        ),
        (
            "2027-11-06T00:00:00Z",
            Weekday::Sun,
            "01:30",
            z("America/New_York"),
            "2027-11-07T05:30:00Z",
            "2027-11-07 01:30",
        ),
        (
            "2027-02-06T00:00:00Z",
            Weekday::Sun,
            "02:30",
            z("Africa/Casablanca"),
            "2027-02-07T01:30:00Z",
            "2027-02-07 02:30",
        ),
        (
            "2027-03-13T00:00:00Z",
            Weekday::Sun,
            "02:30",
            z("Africa/Casablanca"),
            "2027-03-14T02:30:00Z",
            "2027-03-14 03:30",
        ),
        (
            "2027-10-02T00:00:00Z",
            Weekday::Sun,
            "00:30",
            z("America/Asuncion"),
            "2027-10-03T03:30:00Z",
            "2027-10-03 00:30",
        ),
        (
            "2023-09-30T00:00:00Z",
            Weekday::Sun,
            "00:30",
            z("America/Asuncion"),
            "2023-10-01T04:30:00Z",
            "2023-10-01 01:30",
        ),
        (
            "2011-12-28T00:00:00Z",
            Weekday::Fri,
            "12:00",
            z("Pacific/Apia"),
            "2011-12-30T22:00:00Z",
            "2011-12-31 12:00",
        ),
    ];
    for (after, weekday, time, zone, want, want_local) in cases {
        let w = weekly(weekday, time);
        let next = next_weekly(utc(after), w, zone);
        assert_eq!(next, utc(want), "{after} {time} {zone}");
        assert_eq!(local(next, zone).format("%Y-%m-%d %H:%M").to_string(), want_local);
        // The second 01:30 of a doubled hour is not a new occurrence: the next is a week on.
        let mut scheduled = local(utc(after), zone).date();
        while scheduled.weekday() != weekday {
            scheduled = scheduled.succ_opt().unwrap();
        }
        let again = next_weekly(next, w, zone);
        assert_eq!(local(again, zone), (scheduled + TimeDelta::days(7)).and_time(w.time));
    }
}

#[test]
fn weekly_boundaries() {
    let zone = z("Europe/Lisbon");
    let w = weekly(Weekday::Mon, "09:00");
    let occurrence = utc("2027-01-04T09:00:00Z");
    let one_second = TimeDelta::seconds(1);
    assert_eq!(next_weekly(occurrence - one_second, w, zone), occurrence);
    assert_eq!(next_weekly(occurrence, w, zone), utc("2027-01-11T09:00:00Z"));
    assert_eq!(next_weekly(occurrence + one_second, w, zone), utc("2027-01-11T09:00:00Z"));
    // A zone far from UTC, where the local date differs from the UTC date.
    let kiritimati = z("Pacific/Kiritimati"); // +14:00
    let w = weekly(Weekday::Mon, "01:00");
    let cases = [
        ("2027-01-03T10:59:00Z", "2027-01-03T11:00:00Z"),
        ("2027-01-03T11:00:00Z", "2027-01-10T11:00:00Z"),
        ("2027-01-02T00:00:00Z", "2027-01-03T11:00:00Z"),
    ];
    for (after, want) in cases {
        assert_eq!(next_weekly(utc(after), w, kiritimati), utc(want), "{after}");
    }
    let pago = z("Pacific/Pago_Pago"); // -11:00
    let w = weekly(Weekday::Sun, "23:00");
    assert_eq!(next_weekly(utc("2027-01-04T09:59:00Z"), w, pago), utc("2027-01-04T10:00:00Z"));
    assert_eq!(next_weekly(utc("2027-01-04T10:00:00Z"), w, pago), utc("2027-01-11T10:00:00Z"));
    // Each weekday of a week, from the same instant.
    let from = utc("2027-01-06T12:00:00Z"); // a Wednesday
    let want = [
        (Weekday::Mon, "2027-01-11"),
        (Weekday::Tue, "2027-01-12"),
        (Weekday::Wed, "2027-01-13"),
        (Weekday::Thu, "2027-01-07"),
        (Weekday::Fri, "2027-01-08"),
        (Weekday::Sat, "2027-01-09"),
        (Weekday::Sun, "2027-01-10"),
    ];
    for (weekday, date) in want {
        let next = next_weekly(from, weekly(weekday, "12:00"), zone);
        assert_eq!(local(next, zone), d(date).and_time(t("12:00")), "{weekday}");
    }
    assert_eq!(next_weekly(from, weekly(Weekday::Wed, "12:01"), zone), utc("2027-01-06T12:01:00Z"));
    // At the end of chrono's range nothing later can be held.
    assert_eq!(next_weekly(DateTime::<Utc>::MAX_UTC, w, zone), DateTime::<Utc>::MAX_UTC);
    let early = next_weekly(DateTime::<Utc>::MIN_UTC, w, zone);
    assert!(early > DateTime::<Utc>::MIN_UTC);
    assert_eq!(local(early, zone).time(), t("23:00"));
    // Converting at the ends of the range gives an answer, not a panic.
    let end = local_to_utc(NaiveDate::MAX, t("23:59"), z("Pacific/Kiritimati"));
    assert_eq!(
        end.map(|at| local(at, z("Pacific/Kiritimati"))),
        Ok(NaiveDate::MAX.and_time(t("23:59")))
    );
    assert!(local_to_utc(NaiveDate::MAX, t("23:59"), z("Pacific/Pago_Pago")).is_err());
    assert!(local_to_utc(NaiveDate::MIN, t("00:00"), z("Asia/Tokyo")).is_err());
    assert_eq!(local(DateTime::<Utc>::MAX_UTC, z("Pacific/Kiritimati")), NaiveDateTime::MAX);
    assert_eq!(local(DateTime::<Utc>::MIN_UTC, z("America/New_York")), NaiveDateTime::MIN);
}

#[test]
fn weekly_every_sunday_0130_for_years() {
    let zone = z("Europe/Lisbon");
    let w = weekly(Weekday::Sun, "01:30");
    let mut at = utc("2026-01-01T00:00:00Z");
    let mut prev = local(next_weekly(at, w, zone), zone).date() - TimeDelta::days(7);
    for _ in 0..(52 * 5) {
        let next = next_weekly(at, w, zone);
        let date = local(next, zone).date();
        assert!(next > at);
        assert_eq!(date - prev, TimeDelta::days(7), "{next}");
        assert_eq!(date.weekday(), Weekday::Sun);
        (at, prev) = (next, date);
    }
}

#[test]
fn offsets_and_local() {
    let cases = [
        ("Europe/Lisbon", "2027-01-15T12:00:00Z", "+00:00", "2027-01-15 12:00"),
        ("Europe/Lisbon", "2027-07-15T12:00:00Z", "+01:00", "2027-07-15 13:00"),
        ("Europe/Lisbon", "2027-03-28T00:59:59Z", "+00:00", "2027-03-28 00:59"),
        ("Europe/Lisbon", "2027-03-28T01:00:00Z", "+01:00", "2027-03-28 02:00"),
        ("America/New_York", "2027-01-15T12:00:00Z", "-05:00", "2027-01-15 07:00"),
        ("America/Asuncion", "2027-01-15T12:00:00Z", "-03:00", "2027-01-15 09:00"),
        ("America/Asuncion", "2027-07-15T12:00:00Z", "-03:00", "2027-07-15 09:00"),
        ("America/Asuncion", "2024-07-15T12:00:00Z", "-04:00", "2024-07-15 08:00"),
        ("Africa/Casablanca", "2027-02-20T12:00:00Z", "+00:00", "2027-02-20 12:00"),
        ("Africa/Casablanca", "2027-06-20T12:00:00Z", "+01:00", "2027-06-20 13:00"),
        ("Asia/Kolkata", "2027-01-15T12:00:00Z", "+05:30", "2027-01-15 17:30"),
        ("Asia/Kathmandu", "2027-01-15T12:00:00Z", "+05:45", "2027-01-15 17:45"),
        ("America/St_Johns", "2027-01-15T12:00:00Z", "-03:30", "2027-01-15 08:30"),
        ("Pacific/Kiritimati", "2027-01-15T12:00:00Z", "+14:00", "2027-01-16 02:00"),
        ("UTC", "2027-01-15T12:00:00Z", "+00:00", "2027-01-15 12:00"),
        ("Africa/Monrovia", "1970-01-01T00:00:00Z", "-00:44:30", "1969-12-31 23:15"),
    ];
    for (zone, at, offset, when) in cases {
        assert_eq!(offset_at(z(zone), utc(at)), offset, "{zone} {at}");
        assert_eq!(local(utc(at), z(zone)).format("%Y-%m-%d %H:%M").to_string(), when);
    }
}

#[test]
fn messages() {
    let cases = [
        (
            parse_zone("Europe/Lisbn").unwrap_err(),
            "\"Europe/Lisbn\" is not a known time zone; did you mean \"Europe/Lisbon\"?",
        ),
        (
            parse_zone("Mars/Olympus").unwrap_err(),
            "\"Mars/Olympus\" is not a known time zone; use an IANA name such as \"Europe/Lisbon\"",
        ),
        (
            parse_date("2027/01/01").unwrap_err(),
            "\"2027/01/01\" is not a date of the form YYYY-MM-DD (years 1970 to 9999)",
        ),
        (parse_date("2027-02-30").unwrap_err(), "\"2027-02-30\" is not a date that exists"),
        (
            parse_time("9am").unwrap_err(),
            "\"9am\" is not a 24-hour time such as 09:30, 9:30, 9h30 or 14h",
        ),
        (
            local_to_utc(d("2027-03-28"), t("01:30"), z("Europe/Lisbon")).unwrap_err(),
            "2027-03-28 01:30 does not exist in Europe/Lisbon: the clocks skip it; the first \
             time after the change is 02:00",
        ),
        (
            local_to_utc(d("2027-10-31"), t("01:30"), z("Europe/Lisbon")).unwrap_err(),
            "2027-10-31 01:30 happens twice in Europe/Lisbon: first at UTC+01:00, then at \
             UTC+00:00",
        ),
        (
            parse_duration("10d", 60).unwrap_err(),
            "\"10d\" is not a duration such as 90m, 2h, 1h30 or 45min",
        ),
        (
            parse_duration("2h", 60).unwrap_err(),
            "\"2h\" is not a duration between 1 minute and 60 minutes",
        ),
        (
            parse_weekly("funday 9:00").unwrap_err(),
            "\"funday 9:00\" is not a weekday and time such as \"monday 09:00\"",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
    let boxed: Box<dyn std::error::Error> = Box::new(parse_date("x").unwrap_err());
    assert_eq!(
        boxed.to_string(),
        "\"x\" is not a date of the form YYYY-MM-DD (years 1970 to 9999)"
    );
}

/// Every zone, at the times of day when clocks usually change, for four years: each call gives
/// the next scheduled day's occurrence, resolved as documented.
#[test]
fn weekly_in_every_zone() {
    let slots = [(Weekday::Sun, "00:30"), (Weekday::Sun, "02:30"), (Weekday::Sat, "23:30")];
    for zone in chrono_tz::TZ_VARIANTS {
        for (weekday, time) in slots {
            let w = weekly(weekday, time);
            let mut at = utc("2023-01-01T00:00:00Z");
            let first = next_weekly(at, w, zone);
            let mut date = local(first, zone).date();
            while date.weekday() != weekday || date > local(first, zone).date() {
                date = date.pred_opt().unwrap();
            }
            for _ in 0..210 {
                let next = next_weekly(at, w, zone);
                assert!(next > at, "{zone} {time} {at}");
                let naive = date.and_time(w.time);
                match zone.from_local_datetime(&naive) {
                    LocalResult::Single(x) => assert_eq!(next, x, "{zone} {naive}"),
                    LocalResult::Ambiguous(a, b) => assert_eq!(next, a.min(b), "{zone} {naive}"),
                    LocalResult::None => {
                        let shift = local(next, zone) - naive;
                        assert!(shift > TimeDelta::zero() && shift <= TimeDelta::days(1));
                        let back = zone.from_local_datetime(&local(next, zone));
                        let back = [back.earliest(), back.latest()].map(|x| x.map(|x| x.to_utc()));
                        assert!(back.contains(&Some(next)), "{zone} {naive}");
                    }
                }
                (at, date) = (next, date + TimeDelta::days(7));
            }
        }
    }
}
