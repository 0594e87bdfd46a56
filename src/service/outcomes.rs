//! The outcomes register as files: CSV (RFC 4180, UTF-8, header row) and
//! JSON. Cells that a spreadsheet would run as a formula are neutralized.
//! [`Export`] writes either page by page from the database, so a register
//! of any size is exported in flat memory.

use crate::domain::time::iso;
use crate::storage::{OutcomeRecord, RequestStore, StorageError};

/// Outcomes read from the database at a time by an export.
pub const EXPORT_PAGE: i64 = 500;

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header row.
    Csv,
    /// A JSON array.
    Json,
}

/// An export under way: each [`next`](Self::next) reads one page of the
/// register and gives its text; together the pieces are exactly
/// [`outcomes_csv`] or [`outcomes_json`] of the whole register.
pub struct Export<S> {
    store: S,
    format: Format,
    page: i64,
    after: Option<i64>,
    done: bool,
}

impl<S: RequestStore> Export<S> {
    /// An export of `store`'s register as `format`.
    pub fn new(store: S, format: Format) -> Self {
        Self { store, format, page: EXPORT_PAGE, after: None, done: false }
    }

    /// The same, reading `page` outcomes at a time.
    pub fn paged(self, page: i64) -> Self {
        Self { page: page.max(1), ..self }
    }

    /// The next piece of text; `None` once everything was given.
    pub async fn next(&mut self) -> Result<Option<String>, StorageError> {
        if self.done {
            return Ok(None);
        }
        let first = self.after.is_none();
        let page = self.store.outcomes_page(self.after.unwrap_or(0), self.page).await?;
        let last = (page.len() as i64) < self.page;
        self.after = Some(page.last().map_or(self.after.unwrap_or(0), |r| r.request.id));
        self.done = last;
        let mut text = match self.format {
            Format::Csv => csv_rows(&page, first),
            Format::Json => json_items(&page, first),
        };
        if last && self.format == Format::Json {
            text.push_str(if first && page.is_empty() { "]" } else { "\n]" });
        }
        Ok(Some(text))
    }
}

/// The CSV header.
pub const OUTCOMES_HEADER: [&str; 16] = [
    "number",
    "requesting_state",
    "region",
    "category",
    "title",
    "assignee",
    "result",
    "summary",
    "lessons",
    "delivered_by",
    "filed_at",
    "resolved_at",
    "recorded_by",
    "sdgs",
    "themes",
    "references",
];

/// Keeps a cell from being read as a formula (`=`, `+`, `-`, `@`, tab, CR
/// at the start) by prefixing a single quote, as OWASP recommends.
pub fn csv_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Which columns hold free text that people typed (neutralized); the others
/// hold values the bot validated (numbers, codes, IDs, times, full Matrix
/// user IDs, which begin with `@` yet cannot be formulas) and stay verbatim,
/// so that programs reading the file get them as they are.
const FREE_TEXT: [bool; 16] = [
    false, false, false, false, true, true, false, true, true, true, false, false, false, false,
    false, true,
];

/// The values of tags of `kind`, `; `-separated.
fn tag_cell(r: &OutcomeRecord, kind: &str) -> String {
    let values: Vec<&str> =
        r.tags.iter().filter(|(k, _)| k == kind).map(|(_, v)| v.as_str()).collect();
    values.join("; ")
}

fn row(r: &OutcomeRecord) -> [String; 16] {
    let q = &r.request;
    [
        q.id.to_string(),
        q.requesting_state.to_string(),
        q.region.clone().unwrap_or_default(),
        q.category.clone(),
        q.title.clone(),
        q.assignee.clone().unwrap_or_default(),
        r.outcome.result.as_str().to_owned(),
        r.outcome.summary.clone(),
        r.outcome.lessons.clone().unwrap_or_default(),
        r.outcome.delivered_by.clone().unwrap_or_default(),
        iso(q.created_at),
        iso(r.recorded_at),
        r.recorded_by.clone(),
        tag_cell(r, "sdg"),
        tag_cell(r, "theme"),
        tag_cell(r, "ref"),
    ]
}

/// The register as CSV.
pub fn outcomes_csv(records: &[OutcomeRecord]) -> String {
    csv_rows(records, true)
}

/// `records` as CSV rows, after the header row if `header`.
fn csv_rows(records: &[OutcomeRecord], header: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    if header {
        let _ = writer.write_record(OUTCOMES_HEADER);
    }
    for r in records {
        let cells = row(r).into_iter().zip(FREE_TEXT);
        let _ = writer.write_record(cells.map(|(c, free)| if free { csv_safe(&c) } else { c }));
    }
    writer.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

/// The register as a JSON array (values verbatim: JSON is not run).
pub fn outcomes_json(records: &[OutcomeRecord]) -> String {
    // Written record by record: no document tree of the whole register is
    // built first (with 3,400 outcomes that tree was +20 MB at once).
    let items: Vec<JsonRecord<'_>> = records.iter().map(JsonRecord).collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

/// `records` as items of the pretty JSON array, opening it if `first`
/// (the last piece closes it).
fn json_items(records: &[OutcomeRecord], first: bool) -> String {
    let mut text = String::new();
    for (i, r) in records.iter().enumerate() {
        text.push_str(if first && i == 0 { "[\n" } else { ",\n" });
        let item = serde_json::to_string_pretty(&JsonRecord(r)).unwrap_or_default();
        // An item's lines, indented as inside the array (strings hold no
        // raw newline: JSON escapes them).
        let indented: Vec<String> = item.lines().map(|l| format!("  {l}")).collect();
        text.push_str(&indented.join("\n"));
    }
    if first && records.is_empty() {
        text.push('[');
    }
    text
}

/// One outcome as a JSON object: the CSV's columns as strings (verbatim, not
/// neutralized), the number as a number, the keys in alphabetical order.
struct JsonRecord<'a>(&'a OutcomeRecord);

/// A value of [`JsonRecord`].
enum Cell<'a> {
    Number(i64),
    Text(&'a str),
}

impl serde::Serialize for Cell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Number(n) => s.serialize_i64(*n),
            Cell::Text(t) => s.serialize_str(t),
        }
    }
}

impl serde::Serialize for JsonRecord<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let cells = row(self.0);
        let mut fields: Vec<(&str, Cell<'_>)> = OUTCOMES_HEADER
            .iter()
            .zip(&cells)
            .map(|(key, value)| match *key {
                "number" => (*key, Cell::Number(self.0.request.id)),
                _ => (*key, Cell::Text(value)),
            })
            .collect();
        fields.sort_by_key(|(key, _)| *key);
        let mut map = s.serialize_map(Some(fields.len()))?;
        for (key, value) in &fields {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CountryCode, Outcome, OutcomeResult, Request, RequestState};
    use serde_json::json;

    fn record(summary: &str) -> OutcomeRecord {
        OutcomeRecord {
            request: Request {
                id: 7,
                state: RequestState::Resolved,
                requesting_state: CountryCode::parse("CL").unwrap(),
                region: Some("latin-america-caribbean".into()),
                category: "membership".into(),
                title: "Set up, \"quickly\"".into(),
                description: String::new(),
                language: "es".into(),
                requester: "@cl:x.org".into(),
                source_room: "!r".into(),
                source_event: "$e".into(),
                card_room: None,
                card_event: None,
                assignee: Some("PT".into()),
                created_at: 0,
                updated_at: 0,
            },
            outcome: Outcome {
                result: OutcomeResult::Delivered,
                summary: summary.into(),
                lessons: Some("Línea 1\nLínea 2".into()),
                delivered_by: Some("PT".into()),
            },
            recorded_by: "@pt:x.org".into(),
            recorded_at: 86_400_000,
            tags: vec![
                ("sdg".into(), "16.3".into()),
                ("sdg".into(), "5".into()),
                ("theme".into(), "justice".into()),
                ("ref".into(), "UPR 4 123.45".into()),
            ],
        }
    }

    #[test]
    fn the_tags_are_columns_of_their_own() {
        let csv = outcomes_csv(&[record("Two workshops")]);
        assert!(csv.trim_end().ends_with(",16.3; 5,justice,UPR 4 123.45"), "{csv}");
        let json: serde_json::Value = serde_json::from_str(&outcomes_json(&[record("x")])).unwrap();
        assert_eq!(json[0]["themes"], "justice");
        assert_eq!(json[0]["references"], "UPR 4 123.45");
    }

    #[test]
    fn formula_like_cells_are_neutralized_and_quotes_escaped() {
        let csv = outcomes_csv(&[record("=HYPERLINK(\"http://evil\")")]);
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap(), OUTCOMES_HEADER.join(","));
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "{csv}");
        assert!(csv.contains("\"Set up, \"\"quickly\"\"\""), "{csv}");
        assert!(csv.contains("1970-01-02T00:00:00Z"), "{csv}");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][8], "Línea 1\nLínea 2");
        assert_eq!(&rows[0][12], "@pt:x.org", "a Matrix ID as it is");
    }

    #[test]
    fn json_is_written_as_the_document_it_always_was() {
        // The former way: a tree of the whole register, keys sorted.
        let records = [record("-2 workshops"), record("Done, \"well\"\nnext")];
        let tree: Vec<serde_json::Value> = records
            .iter()
            .map(|r| {
                let mut object = serde_json::Map::new();
                for (key, value) in OUTCOMES_HEADER.iter().zip(row(r)) {
                    object.insert((*key).to_owned(), json!(value));
                }
                object.insert("number".into(), json!(r.request.id));
                serde_json::Value::Object(object)
            })
            .collect();
        assert_eq!(outcomes_json(&records), serde_json::to_string_pretty(&tree).unwrap());
    }

    #[test]
    fn json_keeps_values_verbatim() {
        let json: serde_json::Value =
            serde_json::from_str(&outcomes_json(&[record("-2 workshops")])).unwrap();
        assert_eq!(json[0]["summary"], "-2 workshops");
        assert_eq!(json[0]["number"], 7);
    }
}
