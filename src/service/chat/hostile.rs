//! Hostile inputs and what the bot does with each: the rows of
//! `docs/hostile-inputs.md`, run against the real chat service over an
//! in-memory SQLite database. Matrix-level cases (edits, notices, forged
//! reactions, invitations, look-alike joins) are tested against Synapse in
//! `tests/`; the document says where.

#[cfg(test)]
mod tests {
    use super::super::tests::{incoming, service};
    use super::super::{Effect, Incoming, Place};
    use crate::commands::MAX_COMMAND_BYTES;
    use crate::domain::RequestState;
    use crate::storage::{RequestFilter, RequestStore};

    /// What must happen.
    #[derive(Debug, Clone, Copy)]
    enum Expect {
        /// No answer at all.
        Silent,
        /// An answer containing this, and no effect.
        Refused(&'static str),
        /// An answer whose HTML does not contain this (nor its plain text,
        /// when it is a control or bidi character).
        Clean(&'static str),
        /// An answer whose plain text contains this, verbatim.
        Echoes(&'static str),
        /// A request is filed (a card effect) whose card HTML lacks this.
        FiledClean(&'static str),
        /// A request is filed whose card's plain text contains this.
        FiledWith(&'static str),
        /// An answer shorter than this many characters.
        Short(usize),
    }

    struct Row {
        id: &'static str,
        sender: &'static str,
        place: Place,
        body: String,
        expect: Expect,
    }

    const CL: &str = "@cl:x.org";
    const PT: &str = "@pt:x.org";
    const ADMIN: &str = "@admin:x.org";

    fn row(
        id: &'static str,
        sender: &'static str,
        place: Place,
        body: impl Into<String>,
        expect: Expect,
    ) -> Row {
        Row { id, sender, place, body: body.into(), expect }
    }

    fn rows() -> Vec<Row> {
        use Expect::*;
        use Place::*;
        vec![
            // HTML and Markdown injection.
            row(
                "H01",
                CL,
                NetworkRoom,
                "!request membership <script>alert(1)</script>",
                FiledClean("<script"),
            ),
            row(
                "H02",
                CL,
                NetworkRoom,
                "!request membership <img src=x onerror=alert(1)>",
                FiledClean("<img"),
            ),
            row(
                "H03",
                CL,
                NetworkRoom,
                "!request membership [click](javascript:alert(1))",
                FiledClean("<a "),
            ),
            row(
                "H04",
                CL,
                NetworkRoom,
                "!request membership **bold** _it_ `code`",
                FiledClean("<strong>"),
            ),
            row(
                "H05",
                CL,
                NetworkRoom,
                "!request membership Title\n<iframe src=//evil>",
                FiledClean("<iframe"),
            ),
            row("H06", CL, Direct, "!whois <b>MA</b>", Clean("<b>")),
            row("H07", CL, Direct, "!join <a href=x>africa</a>", Clean("<a href")),
            row("H08", CL, Direct, "!frob<b>x</b>", Clean("<b>")),
            row("H09", CL, Direct, "!help <i>x</i>", Clean("<i>")),
            row("H10", ADMIN, Direct, "!state add FR --mechanism \"<b>x</b>\"", Clean("<b>x")),
            row("H11", CL, Direct, "!whois { $name }", Echoes("{ $name }")),
            row("H12", CL, Direct, "!whois \u{E000}0\u{E001}", Echoes("\u{E000}0\u{E001}")),
            // Huge bodies and floods of text.
            row(
                "H13",
                CL,
                NetworkRoom,
                format!("!request membership T\n{}", "x".repeat(MAX_COMMAND_BYTES)),
                Refused("too long"),
            ),
            row(
                "H14",
                CL,
                NetworkRoom,
                format!("!request membership {}", "t".repeat(201)),
                Refused("title is too long"),
            ),
            row(
                "H15",
                CL,
                NetworkRoom,
                format!("!request membership T\n{}", "d".repeat(8_001)),
                Refused("description is too long"),
            ),
            row("H16", CL, Direct, "y".repeat(100_000), Silent),
            row("H17", CL, Direct, format!("!{}", "a".repeat(5_000)), Short(400)),
            row("H18", CL, Direct, format!("!join {}", "region ".repeat(1_000)), Short(600)),
            row("H19", CL, Direct, format!("!ping{}", "\n".repeat(5_000)), Clean("\n\n")),
            // Zero-width, bidi and control characters.
            row(
                "H20",
                CL,
                NetworkRoom,
                "!request membership Report\u{202E}fdp.exe",
                FiledClean("\u{202E}"),
            ),
            row("H21", CL, Direct, "!whois \u{202E}AM\u{202C}", Clean("\u{202E}")),
            row("H22", CL, Direct, "\u{200B}!ping", Silent),
            row("H23", CL, Direct, "!p\u{200B}ing", Refused("don't know")),
            row("H24", CL, Direct, "!ping\u{2066}", Clean("\u{2066}")),
            row("H25", CL, Direct, "!ping\u{0000}", Clean("\u{0000}")),
            row("H26", CL, Direct, "!frob\u{0007}\u{001B}[31m", Clean("\u{001B}")),
            row(
                "H27",
                CL,
                NetworkRoom,
                "!request membership طلب دعم لإنشاء آلية",
                FiledWith("طلب دعم لإنشاء آلية"),
            ),
            // Prefix look-alikes.
            row("H28", CL, Direct, "!!ping", Silent),
            row("H29", CL, Direct, "! ping", Silent),
            row("H30", CL, Direct, "！ping", Silent),
            row("H31", CL, Direct, "!PİNG", Refused("don't know")),
            // Spoofed server parts and identities.
            row(
                "H32",
                "@pt:evil.example",
                Committee,
                "!ack 1",
                Refused("Only delegates of the Executive Committee"),
            ),
            row("H33", "@ma:evil.example", Direct, "!state remove CL", Refused("coordinator")),
            row("H34", "@MA:x.org", Direct, "!state remove CL", Refused("coordinator")),
            row(
                "H35",
                "@ma:x.org.evil.example",
                Direct,
                "!delegate add MA @x:evil.example",
                Refused("coordinator"),
            ),
            row(
                "H36",
                "@stranger:x.org",
                NetworkRoom,
                "!request membership I am @ma:x.org",
                Refused("Only delegates"),
            ),
            row("H37", "@cl:evil.example", Direct, "!join africa", Refused("delegates")),
            row(
                "H38",
                CL,
                Committee,
                "!ack 1",
                Refused("Only delegates of the Executive Committee"),
            ),
            row(
                "H39",
                CL,
                NetworkRoom,
                "!request technical-cooperation Training",
                Refused("Observer states cannot"),
            ),
            // Wrong rooms.
            row("H40", CL, Other, "!request membership Help", Silent),
            row("H41", PT, NetworkRoom, "!ack 1", Refused("Executive Committee room")),
            row("H42", ADMIN, NetworkRoom, "!state add FR", Refused("direct chat")),
            // Malformed numbers, quotes, SQL-looking text.
            row("H43", CL, Direct, "!status -1", Refused("not a request number")),
            row("H44", CL, Direct, "!status 99999999999999999999", Refused("not a request number")),
            row(
                "H45",
                PT,
                Committee,
                "!ack #1; DROP TABLE requests",
                Refused("not a request number"),
            ),
            row(
                "H46",
                CL,
                NetworkRoom,
                "!request membership '); DROP TABLE requests;--",
                FiledWith("DROP TABLE"),
            ),
            row(
                "H47",
                ADMIN,
                Direct,
                "!state add MA --mechanism \"unterminated",
                Refused("never closed"),
            ),
            // Commands hidden in descriptions, forged threads.
            row(
                "H48",
                CL,
                NetworkRoom,
                "!request membership Help\n!state remove MA\n!ack 1",
                FiledWith("!state remove MA"),
            ),
            row("H49", PT, Committee, "!ack", Refused("Which request")),
            row(
                "H50",
                CL,
                Direct,
                "!roster import\n[[state]]\ncode = \"ZZ\"",
                Refused("coordinator"),
            ),
        ]
    }

    #[tokio::test]
    async fn every_hostile_input_gets_the_documented_treatment() {
        let s = service().await.with_rate_limit(100_000, 100_000, 0);
        // A request #1 from Chile exists for the triage rows.
        let first = incoming(CL, "!request membership Existing", Place::NetworkRoom);
        s.handle(&Incoming { event_id: "$first", ..first }).await.unwrap().unwrap();
        let doc = include_str!("../../../docs/hostile-inputs.md");
        for (n, r) in rows().into_iter().enumerate() {
            assert!(
                doc.contains(&format!("| {} |", r.id)),
                "{} is not in docs/hostile-inputs.md",
                r.id
            );
            let event = format!("$h{n}");
            let msg = Incoming { event_id: &event, ..incoming(r.sender, &r.body, r.place) };
            let answer = s.handle(&msg).await.unwrap();
            match (r.expect, &answer) {
                (Expect::Silent, None) => {}
                (Expect::Refused(text), Some(a)) => {
                    assert!(a.text.plain.contains(text), "{}: {}", r.id, a.text.plain);
                    assert!(a.effects.is_empty(), "{}: {:?}", r.id, a.effects);
                }
                (Expect::Clean(bad), Some(a)) => {
                    assert!(!a.text.html.contains(bad), "{}: {:?}", r.id, a.text);
                    if bad.chars().any(|c| c.is_control() || ('\u{2000}'..='\u{206F}').contains(&c))
                    {
                        assert!(!a.text.plain.contains(bad), "{}: {:?}", r.id, a.text);
                    }
                }
                (Expect::Echoes(text), Some(a)) => {
                    assert!(a.text.plain.contains(text), "{}: {:?}", r.id, a.text);
                }
                (Expect::FiledWith(text), Some(a)) => {
                    let card = a.effects.iter().find_map(|e| match e {
                        Effect::PostCard { text, .. } => Some(text),
                        _ => None,
                    });
                    let card =
                        card.unwrap_or_else(|| panic!("{}: no card: {}", r.id, a.text.plain));
                    assert!(card.plain.contains(text), "{}: {}", r.id, card.plain);
                }
                (Expect::FiledClean(bad), Some(a)) => {
                    let card = a.effects.iter().find_map(|e| match e {
                        Effect::PostCard { text, .. } => Some(text),
                        _ => None,
                    });
                    let card =
                        card.unwrap_or_else(|| panic!("{}: no card: {}", r.id, a.text.plain));
                    assert!(!card.html.contains(bad), "{}: {}", r.id, card.html);
                    assert!(!card.plain.contains('\u{202E}'), "{}", r.id);
                }
                (Expect::Short(max), Some(a)) => {
                    assert!(
                        a.text.plain.chars().count() < max,
                        "{}: {} chars",
                        r.id,
                        a.text.plain.len()
                    );
                }
                (expect, answer) => panic!("{}: expected {expect:?}, got {answer:?}", r.id),
            }
        }
        // The hostile rows changed nothing they should not have: request #1
        // is still submitted, the tables exist, SQL-looking titles are text.
        let first = s.store().get_request(1).await.unwrap().unwrap();
        assert_eq!(first.state, RequestState::Submitted);
        let all = s.store().list_requests(&RequestFilter::default()).await.unwrap();
        assert!(all.iter().any(|r| r.title == "'); DROP TABLE requests;--"));
        use crate::storage::RosterStore;
        let roster = s.store().load_roster().await.unwrap();
        let codes: Vec<&str> = roster.states.keys().map(|c| c.as_str()).collect();
        assert_eq!(codes, ["CL", "FR", "MA", "PT"], "only the admin's H10 changed the roster");
    }
}
