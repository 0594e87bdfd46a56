//! Tests of `roster`.

use super::*;
use crate::commands::parse;
use crate::commands::tests::problem;

fn roster(body: &str) -> RosterCommand {
    match parse(body, "!") {
        Some(Ok(Command::Roster(c))) => c,
        other => panic!("{body}: {other:?}"),
    }
}

#[test]
fn state_add_reads_quoted_mechanisms_and_lenient_statuses() {
    assert_eq!(
        roster("!state add ma --status founding --mechanism \"Délégation (DIDH)\""),
        RosterCommand::AddState {
            code: CountryCode::parse("MA").unwrap(),
            status: Status::FoundingMember,
            mechanism: Some("Délégation (DIDH)".into()),
        }
    );
}

#[test]
fn delegate_commands_take_full_user_ids_only() {
    assert_eq!(problem("!delegate add MA didh"), Problem::BadUser("didh".into()));
    assert_eq!(problem("!delegate add XX @a:b.c"), Problem::BadSeat("XX".into()));
    assert!(matches!(
        roster("!delegate add ohchr @o:un.org"),
        RosterCommand::AddDelegate { seat: Seat::Partner(_), .. }
    ));
    assert_eq!(problem("!delegate add MA"), Problem::MissingArgument("<@user:server>"));
    assert!(matches!(
        roster("!delegate replace @a:x.org @b:x.org"),
        RosterCommand::ReplaceDelegate { .. }
    ));
}

#[test]
fn partner_commands_read_ids_kinds_names_and_regions() {
    assert_eq!(
        roster(
            "!partner add OHCHR un-body \"Haut-Commissariat\" --in fr --regions africa,arab-states"
        ),
        RosterCommand::AddPartner {
            id: PartnerId::parse("ohchr").unwrap(),
            kind: PartnerKind::UnBody,
            name: "Haut-Commissariat".into(),
            language: "fr".into(),
            regions: vec!["africa".into(), "arab-states".into()],
        }
    );
    assert_eq!(
        roster("!partner update undp --regions none --kind un_agency"),
        RosterCommand::UpdatePartner {
            id: PartnerId::parse("undp").unwrap(),
            kind: Some(PartnerKind::UnAgency),
            name: None,
            regions: Some(vec![]),
        }
    );
    assert_eq!(problem("!partner add un un_body x"), Problem::BadPartnerId("un".into()));
    assert_eq!(problem("!partner add undp bank x"), Problem::BadPartnerKind("bank".into()));
    assert_eq!(problem("!partner add undp un_agency"), Problem::MissingArgument("\"name\""));
    assert_eq!(problem("!partner add undp un_agency \" \""), Problem::MissingArgument("\"name\""));
}

#[test]
fn unknown_actions_options_and_quotes_are_named() {
    assert_eq!(
        problem("!state rename MA"),
        Problem::UnknownAction { given: "rename".into(), expected: "add, update, remove" }
    );
    assert_eq!(problem("!state add MA --colour red"), Problem::BadOption("--colour".into()));
    assert_eq!(problem("!state add MA --mechanism \"open"), Problem::UnbalancedQuotes);
    assert_eq!(problem("!delegate add MA @a:b.c --language xx"), Problem::BadLanguage("xx".into()));
}

#[test]
fn roster_import_takes_the_following_lines_even_in_a_code_fence() {
    let body = "!roster import --dry-run\n```\ncountry,status\nMA,member\n```";
    assert_eq!(
        roster(body),
        RosterCommand::Import { text: "country,status\nMA,member".into(), dry_run: true }
    );
    assert_eq!(problem("!roster import"), Problem::MissingRosterText);
    assert_eq!(problem("!roster export xml"), Problem::BadFormat("xml".into()));
}
