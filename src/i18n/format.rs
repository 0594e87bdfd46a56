//! Dates, times and numbers in the reader's language, by ICU4X with the
//! CLDR data compiled in: never a hand-built date string. A time is shown
//! in the reader's zone (their own, else the network's), and names it.
//! Numbers inside catalog messages go through [`format_number`], which
//! Fluent calls for every number it prints.

use fluent_bundle::FluentValue;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_datetime::DateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;

use crate::domain::Language;

fn locale(language: Language) -> Locale {
    language.code().parse().unwrap_or(Locale::UNKNOWN)
}

/// `ms` (milliseconds since the Unix epoch) as a date and time to the
/// minute in `language`, on the clock of `zone`, followed by the zone's
/// name (`UTC`, `Europe/Lisbon`); empty if out of range.
pub fn date_time(language: Language, ms: i64, zone: chrono_tz::Tz) -> String {
    use chrono::{Datelike, Timelike};
    let Some(utc) = chrono::DateTime::from_timestamp_millis(ms) else { return String::new() };
    let t = utc.with_timezone(&zone);
    let year = t.year();
    let (Ok(month), Ok(day)) = (u8::try_from(t.month()), u8::try_from(t.day())) else {
        return String::new();
    };
    let (Ok(hour), Ok(minute)) = (u8::try_from(t.hour()), u8::try_from(t.minute())) else {
        return String::new();
    };
    let (Ok(date), Ok(time)) =
        (Date::try_new_iso(year, month, day), Time::try_new(hour, minute, 0, 0))
    else {
        return String::new();
    };
    let fields = YMDT::medium().with_time_precision(TimePrecision::Minute);
    match DateTimeFormatter::try_new((&locale(language)).into(), fields) {
        Ok(formatter) => format!("{} {}", formatter.format(&DateTime { date, time }), zone.name()),
        Err(_) => format!("{} {}", t.format("%Y-%m-%d %H:%M"), zone.name()),
    }
}

/// `ms` as a date (day, month, year; in UTC) in `language`; empty if out
/// of range.
pub fn date(language: Language, ms: i64) -> String {
    use chrono::Datelike;
    let Some(t) = chrono::DateTime::from_timestamp_millis(ms) else { return String::new() };
    let (Ok(month), Ok(day)) = (u8::try_from(t.month()), u8::try_from(t.day())) else {
        return String::new();
    };
    let Ok(date) = Date::try_new_iso(t.year(), month, day) else { return String::new() };
    match DateTimeFormatter::try_new((&locale(language)).into(), YMD::medium()) {
        Ok(formatter) => formatter.format(&date).to_string(),
        Err(_) => t.format("%Y-%m-%d").to_string(),
    }
}

/// ICU's decimal formatter, made once per bundle language by Fluent's memoizer.
pub(super) struct Decimals(DecimalFormatter);

impl Memoizable for Decimals {
    type Args = ();
    type Error = String;

    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, String> {
        let locale: Locale = lang.to_string().parse().map_err(|e| format!("{e:?}"))?;
        DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(Decimals)
            .map_err(|e| e.to_string())
    }
}

/// Fluent's number formatter: whole numbers (the catalog's counts) in the
/// bundle's language by ICU; anything else as Fluent would print it.
pub(super) fn format_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let n = number.value;
    if n.fract() != 0.0 || n.abs() > 9.0e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // whole and within range, checked above
    let whole = n as i64;
    intls.with_try_get::<Decimals, _, _>((), |d| d.0.format(&Decimal::from(whole)).to_string()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        use chrono_tz::{America::Asuncion, Asia::Tokyo, Europe::Lisbon, UTC};
        let ms = 1_795_969_377_159; // 2026-11-29 16:22:57 UTC
        let en = date_time(Language::En, ms, UTC);
        assert!(en.contains("Nov") && en.contains("2026") && en.ends_with("UTC"), "{en}");
        let fr = date_time(Language::Fr, ms, UTC);
        assert!(fr.contains("nov.") && fr.contains("16:22"), "{fr}");
        assert!(date(Language::En, ms).contains("Nov 29, 2026"), "{}", date(Language::En, ms));
        let ru = date_time(Language::Ru, ms, UTC);
        assert!(ru.contains("нояб"), "{ru}");
        let zh = date_time(Language::ZhHans, ms, UTC);
        assert!(zh.contains("2026年11月29日"), "{zh}");
        let ar = date_time(Language::Ar, ms, UTC);
        // Arabic: the Arabic comma, the evening marker, marks that keep the
        // numbers in order.
        assert!(ar.contains('،') && ar.contains("م") && ar.contains('\u{200F}'), "{ar}");
        assert_eq!(date_time(Language::En, i64::MAX, UTC), "");
        // On the reader's clock, with the zone named: Tokyo is the next day.
        let tokyo = date_time(Language::En, ms, Tokyo);
        assert!(
            tokyo.contains("Nov 30") && tokyo.contains("1:22") && tokyo.ends_with("Asia/Tokyo"),
            "{tokyo}"
        );
        let lisbon = date_time(Language::Pt, ms, Lisbon);
        assert!(lisbon.contains("16:22") && lisbon.ends_with("Europe/Lisbon"), "{lisbon}");
        let asuncion = date_time(Language::Es, ms, Asuncion);
        assert!(asuncion.contains("13:22") && asuncion.ends_with("America/Asuncion"), "{asuncion}");
    }
}
