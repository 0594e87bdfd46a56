//! The roster from the command line, on SQLite and PostgreSQL: imports with
//! dry runs, bad files that change nothing, edits, exports and history,
//! for states and for partners.

mod common;

use common::{cli, Backend, TestDb};

struct Cli {
    db: TestDb,
    dir: tempfile::TempDir,
}

impl Cli {
    async fn new(backend: Backend) -> Option<Self> {
        Some(Self { db: TestDb::create(backend).await?, dir: tempfile::tempdir().unwrap() })
    }

    fn run(&self, args: &[&str]) -> (bool, String) {
        let out =
            cli::peerlink(self.dir.path(), args, &[("PEERLINK__DATABASE__URL", &self.db.url)]);
        (out.ok(), out.text())
    }

    /// Standard output only (for exports).
    fn stdout(&self, args: &[&str]) -> String {
        let out =
            cli::peerlink(self.dir.path(), args, &[("PEERLINK__DATABASE__URL", &self.db.url)]);
        assert!(out.ok(), "{}", out.stderr);
        out.stdout
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/config/roster.example.toml");

async fn an_import_is_previewed_applied_and_then_changes_nothing(backend: Backend) {
    let Some(cli) = Cli::new(backend).await else { return };

    let (ok, preview) = cli.run(&["roster", "import", EXAMPLE, "--dry-run"]);
    assert!(ok, "{preview}");
    assert!(preview.contains("Dry run: 9 change(s) would be made"), "{preview}");
    assert!(preview.contains("+ state MA (founding_member)"), "{preview}");
    let (_, shown) = cli.run(&["roster", "show"]);
    assert!(!shown.contains("MA Morocco"), "a dry run changed the roster:\n{shown}");

    let (ok, applied) = cli.run(&["roster", "import", EXAMPLE]);
    assert!(ok && applied.contains("9 change(s) made"), "{applied}");
    let (ok, again) = cli.run(&["roster", "import", EXAMPLE]);
    assert!(ok && again.contains("No change"), "{again}");
    let (_, shown) = cli.run(&["roster", "show"]);
    assert!(shown.contains("MA Morocco"), "{shown}");
    assert!(shown.contains("@coordinator-ma:example.org (fr)"), "{shown}");
    cli.db.cleanup().await;
}

#[tokio::test]
async fn an_import_is_previewed_applied_and_then_changes_nothing_on_sqlite() {
    an_import_is_previewed_applied_and_then_changes_nothing(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_import_is_previewed_applied_and_then_changes_nothing_on_postgres() {
    an_import_is_previewed_applied_and_then_changes_nothing(Backend::Postgres).await;
}

async fn a_bad_roster_file_is_refused_with_line_numbers_and_changes_nothing(backend: Backend) {
    let Some(cli) = Cli::new(backend).await else { return };
    cli.run(&["roster", "import", EXAMPLE]);
    let before = cli.stdout(&["roster", "export"]);
    let bad = cli.write(
        "bad.csv",
        "country,region,status,mechanism,delegate,language\n\
         MA,africa,founding_member,DIDH,@delegate-ma:example.org,fr\n\
         ZZ,africa,member,,@z:example.org,\n\
         PT,western-europe-others,member,,delegate-pt,\n\
         PY,latin-america-caribbean,member,,@delegate-ma:example.org,\n\
         MA,asia-pacific,founding_member,DIDH,@other:example.org,\n",
    );

    let (ok, report) = cli.run(&["roster", "import", &bad]);

    assert!(!ok, "a bad file was accepted:\n{report}");
    for needle in [
        "bad.csv:3: `ZZ`",
        "bad.csv:4: `delegate-pt`",
        "bad.csv:5: @delegate-ma:example.org is already a delegate on line 2",
        "bad.csv:6: MA is listed in region `asia-pacific` here and in `africa` on line 2",
    ] {
        assert!(report.contains(needle), "missing `{needle}` in:\n{report}");
    }
    let after = cli.stdout(&["roster", "export"]);
    assert_eq!(before, after, "a refused import changed the roster");
    cli.db.cleanup().await;
}

#[tokio::test]
async fn a_bad_roster_file_is_refused_with_line_numbers_and_changes_nothing_on_sqlite() {
    a_bad_roster_file_is_refused_with_line_numbers_and_changes_nothing(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_bad_roster_file_is_refused_with_line_numbers_and_changes_nothing_on_postgres() {
    a_bad_roster_file_is_refused_with_line_numbers_and_changes_nothing(Backend::Postgres).await;
}

#[tokio::test]
async fn states_and_delegates_are_edited_one_at_a_time_with_history() {
    let Some(cli) = Cli::new(Backend::Sqlite).await else { return };
    let steps: [&[&str]; 6] = [
        &["state", "add", "cl", "--status", "observer"],
        &["delegate", "add", "CL", "@ddhh:cl.example", "--language", "es"],
        &["state", "update", "CL", "--status", "member", "--mechanism", "Subsecretaría de DDHH"],
        &["delegate", "replace", "@ddhh:cl.example", "@nuevo:cl.example"],
        &["state", "add", "PT"],
        &["delegate", "remove", "@nuevo:cl.example"],
    ];
    for step in steps {
        let (ok, out) = cli.run(step);
        assert!(ok, "{step:?}: {out}");
    }
    let (ok, out) = cli.run(&["delegate", "add", "PT", "@nuevo:cl.example", "--language", "xx"]);
    assert!(!ok && out.contains("use one of ar, zh-Hans, en, fr, ru, es, pt"), "{out}");
    let (ok, out) = cli.run(&["state", "remove", "FR"]);
    assert!(!ok && out.contains("FR is not in the roster"), "{out}");

    let (_, csv) = cli.run(&["roster", "export", "--format", "csv"]);
    assert!(csv.contains("CL,latin-america-caribbean,member,Subsecretaría de DDHH,,"), "{csv}");
    let (_, history) = cli.run(&["roster", "history"]);
    assert_eq!(history.lines().count(), 7, "{history}");
    assert!(history.lines().next().unwrap().contains("cli:tester"), "{history}");
    assert!(history.contains("- delegate @ddhh:cl.example for CL"), "{history}");
    cli.db.cleanup().await;
}

async fn partners_are_edited_exported_reimported_and_kept_by_a_csv_import(backend: Backend) {
    let Some(cli) = Cli::new(backend).await else { return };
    let steps: [&[&str]; 5] = [
        &["state", "add", "MA", "--status", "founding"],
        &["delegate", "add", "MA", "@didh:ma.example"],
        &[
            "partner",
            "add",
            "OHCHR",
            "--kind",
            "un_body",
            "--name",
            "en=OHCHR",
            "--regions",
            "africa",
        ],
        &["partner", "update", "ohchr", "--name", "fr=HCDH", "--regions", "Africa,asia-pacific"],
        &["delegate", "add", "ohchr", "@o:un.example", "--language", "fr"],
    ];
    for step in steps {
        let (ok, out) = cli.run(step);
        assert!(ok, "{step:?}: {out}");
    }
    // One seat per person, whatever kind of seat.
    let (ok, out) = cli.run(&["delegate", "add", "ohchr", "@didh:ma.example"]);
    assert!(!ok && out.contains("already a delegate of MA"), "{out}");
    let (ok, out) = cli.run(&["partner", "add", "un", "--kind", "un_body", "--name", "en=UN"]);
    assert!(!ok && out.contains("not a partner ID"), "{out}");
    let (ok, out) = cli.run(&[
        "partner",
        "add",
        "undp",
        "--kind",
        "un_agency",
        "--name",
        "en=UNDP",
        "--regions",
        "atlantis",
    ]);
    assert!(!ok && out.contains("`atlantis` is not a region"), "{out}");

    let toml = cli.stdout(&["roster", "export"]);
    assert!(toml.contains("[[partner]]\nid = \"ohchr\"\nkind = \"un_body\""), "{toml}");
    assert!(toml.contains("regions = [\"africa\", \"asia-pacific\"]"), "{toml}");
    let exported = cli.write("export.toml", &toml);
    let (ok, again) = cli.run(&["roster", "import", &exported]);
    assert!(ok && again.contains("No change"), "an export reads back unchanged: {again}");

    // CSV speaks of states only: importing one leaves the partners.
    let csv = cli.write(
        "states.csv",
        "country,status,mechanism,delegate,language\nMA,founding_member,,@didh:ma.example,\n",
    );
    let (ok, out) = cli.run(&["roster", "import", &csv]);
    assert!(ok && out.contains("No change"), "{out}");
    let (_, shown) = cli.run(&["roster", "show"]);
    assert!(shown.contains("Partners (1)") && shown.contains("@o:un.example (fr)"), "{shown}");

    let (ok, out) = cli.run(&["partner", "remove", "ohchr"]);
    assert!(
        ok && out.contains("- delegate @o:un.example for ohchr") && out.contains("- partner ohchr"),
        "{out}"
    );
    let (_, history) = cli.run(&["roster", "history"]);
    for line in [
        "+ partner ohchr",
        "~ partner ohchr",
        "+ delegate @o:un.example for ohchr",
        "- partner ohchr",
    ] {
        assert!(history.contains(line), "{line}: {history}");
    }
    cli.db.cleanup().await;
}

#[tokio::test]
async fn partners_are_edited_exported_reimported_and_kept_by_a_csv_import_on_sqlite() {
    partners_are_edited_exported_reimported_and_kept_by_a_csv_import(Backend::Sqlite).await;
}

#[tokio::test]
async fn partners_are_edited_exported_reimported_and_kept_by_a_csv_import_on_postgres() {
    partners_are_edited_exported_reimported_and_kept_by_a_csv_import(Backend::Postgres).await;
}
