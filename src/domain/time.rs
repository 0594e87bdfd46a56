//! Times are stored as milliseconds since the Unix epoch on both backends;
//! these show them, always in UTC.

/// `ms` in `format` (chrono's syntax), UTC; empty if out of range.
pub fn utc(ms: i64, format: &str) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(String::new, |t| t.format(format).to_string())
}

/// ISO 8601, as the API and exports give it: `2026-11-29T16:22:57Z`.
pub fn iso(ms: i64) -> String {
    utc(ms, "%Y-%m-%dT%H:%M:%SZ")
}

/// For people: `2026-11-29 16:22`.
pub fn minutes(ms: i64) -> String {
    utc(ms, "%Y-%m-%d %H:%M")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_utc() {
        assert_eq!(iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(minutes(1_795_969_377_159), "2026-11-29 16:22");
        assert_eq!(utc(1_795_969_377_159, "%Y-%m"), "2026-11");
        assert_eq!(iso(i64::MAX), "");
    }
}
