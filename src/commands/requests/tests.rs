//! Tests of `requests`.

use super::*;
use crate::commands::parse;
use crate::commands::tests::problem;

fn request(body: &str) -> RequestCommand {
    match parse(body, "!") {
        Some(Ok(Command::Request(c))) => c,
        other => panic!("{body}: {other:?}"),
    }
}

#[test]
fn an_update_has_an_optional_number_and_its_text_may_span_lines() {
    assert_eq!(
        request("!update 4 First workshop held\n30 people came"),
        RequestCommand::Update { id: Some(4), text: "First workshop held\n30 people came".into() }
    );
    assert_eq!(
        request("!update Draft sent"),
        RequestCommand::Update { id: None, text: "Draft sent".into() }
    );
    assert_eq!(problem("!update 4"), Problem::MissingArgument("<progress>"));
    assert_eq!(problem("!update #0 x"), Problem::BadNumber("#0".into()));
}

#[test]
fn accept_and_assign_read_a_list_of_assignees_then_the_note() {
    let cases: [(&str, &[&str], Option<&str>); 5] = [
        ("!accept 3 PT", &["PT"], None),
        ("!accept 3 PT,ohchr Training in May", &["PT", "ohchr"], Some("Training in May")),
        ("!accept 3 PT, ohchr , undp Note", &["PT", "ohchr", "undp"], Some("Note")),
        ("!assign PT ,ohchr", &["PT", "ohchr"], None),
        ("!accept 3 Portugal Lead, with care", &["Portugal"], Some("Lead, with care")),
    ];
    for (body, assignees, note) in cases {
        let RequestCommand::Triage(t) = request(body) else { panic!("{body}") };
        assert_eq!(t.assignees, assignees, "{body}");
        assert_eq!(t.text.as_deref(), note, "{body}");
    }
    assert_eq!(problem("!assign"), Problem::MissingArgument("<state|partner>"));
}

#[test]
fn a_request_has_a_category_a_title_and_a_description_on_the_next_lines() {
    assert_eq!(
        request("!request membership Help to set up our NMIRF\nWe are an observer.\nThanks"),
        RequestCommand::File {
            tags: Default::default(),
            category: "membership".into(),
            title: "Help to set up our NMIRF".into(),
            description: "We are an observer.\nThanks".into(),
        }
    );
    assert_eq!(problem("!request membership"), Problem::MissingArgument("<title>"));
    assert_eq!(problem("!request"), Problem::MissingArgument("<category>"));
}

#[test]
fn a_number_that_is_not_a_request_number_is_called_so() {
    for body in ["!ack -5", "!ack #0", "!start +0", "!ack 99999999999999999999", "!ack twelve"] {
        let word = body.split_whitespace().nth(1).unwrap();
        assert_eq!(problem(body), Problem::BadNumber(word.into()), "{body}");
    }
    assert_eq!(problem("!decline -5 Out of scope"), Problem::BadNumber("-5".into()));
    assert_eq!(problem("!ack 5 now"), Problem::TooManyArguments { max: 1 });
}

#[test]
fn triage_takes_an_optional_number_before_its_text() {
    let RequestCommand::Triage(t) = request("!decline #12 Out of scope") else { panic!() };
    assert_eq!((t.id, t.text.as_deref()), (Some(12), Some("Out of scope")));
    let RequestCommand::Triage(t) = request("!info Which dates suit you?") else { panic!() };
    assert_eq!((t.id, t.text.as_deref()), (None, Some("Which dates suit you?")));
    let RequestCommand::Triage(t) = request("!ack 3") else { panic!() };
    assert_eq!((t.action, t.id), (ActionKind::Acknowledge, Some(3)));
    assert_eq!(problem("!ack 3 now"), Problem::TooManyArguments { max: 1 });
    assert_eq!(problem("!accept 3"), Problem::MissingArgument("<state|partner>"));
}

#[test]
fn resolve_reads_result_summary_and_lessons() {
    let RequestCommand::Triage(t) =
        request("!resolve 4 partly Two workshops held\nStart earlier next time")
    else {
        panic!()
    };
    assert_eq!(t.result, Some(OutcomeResult::PartlyDelivered));
    assert_eq!(t.text.as_deref(), Some("Two workshops held"));
    assert_eq!(t.lessons.as_deref(), Some("Start earlier next time"));
    assert_eq!(problem("!resolve 4 done It went well"), Problem::BadResult("done".into()));
    assert_eq!(problem("!resolve 4 delivered"), Problem::MissingArgument("<summary>"));
}

#[test]
fn listings_and_status_read_their_options() {
    assert_eq!(
        request("!requests mine --category membership"),
        RequestCommand::List {
            scope: Scope::Mine,
            region: None,
            category: Some("membership".into()),
            theme: None,
            sdg: None,
        }
    );
    assert_eq!(request("!status #7"), RequestCommand::Status { id: 7 });
    assert_eq!(problem("!status seven"), Problem::BadNumber("seven".into()));
    assert_eq!(
        problem("!requests closed"),
        Problem::UnknownAction { given: "closed".into(), expected: "open, mine, all" }
    );
}
