//! The roster's rules: one seat per person, valid diffs, partners.

use super::*;

#[test]
fn delegates_may_choose_every_catalog_language_and_tags_read_as_its_code() {
    let codes: Vec<&str> = crate::domain::Language::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(DELEGATE_LANGUAGES.to_vec(), codes);
    assert_eq!(delegate_language("ZH").as_deref(), Some("zh-Hans"));
    assert_eq!(delegate_language("ru").as_deref(), Some("ru"));
    assert_eq!(delegate_language("fr-CA").as_deref(), Some("fr"));
    assert_eq!(delegate_language("xx"), None);
}

fn code(c: &str) -> CountryCode {
    CountryCode::parse(c).unwrap()
}
fn user(u: &str) -> MatrixUserId {
    MatrixUserId::parse(u).unwrap()
}
fn state(c: &str, status: Status) -> State {
    State { code: code(c), status, mechanism: None }
}
fn delegate(u: &str, c: &str) -> Delegate {
    Delegate { user_id: user(u), state: code(c), language: None }
}
fn roster() -> Roster {
    let mut r = Roster::default();
    r.add_state(state("MA", Status::FoundingMember)).unwrap();
    r.add_state(state("PT", Status::Member)).unwrap();
    r.add_delegate(delegate("@a:ma.example", "MA")).unwrap();
    r
}

#[test]
fn status_words_are_read_leniently_and_stored_canonically() {
    assert_eq!(Status::parse("Founding").unwrap(), Status::FoundingMember);
    assert_eq!(Status::parse("founding-member").unwrap().as_str(), "founding_member");
    assert!(Status::parse("guest").is_err());
}

#[test]
fn a_user_cannot_represent_two_states() {
    let mut r = roster();
    let err = r.add_delegate(delegate("@a:ma.example", "PT")).unwrap_err();
    assert_eq!(
        err,
        RosterError::DelegateExists { user: user("@a:ma.example"), seat: Seat::State(code("MA")) }
    );
}

#[test]
fn the_same_localpart_on_another_server_is_another_person() {
    let mut r = roster();
    r.add_delegate(delegate("@a:evil.example", "PT")).unwrap();
    assert_eq!(r.state_of("@a:ma.example").unwrap().code, code("MA"));
    assert_eq!(r.state_of("@a:evil.example").unwrap().code, code("PT"));
}

#[test]
fn removing_a_state_removes_its_delegates() {
    let mut r = roster();
    r.remove_state(code("MA")).unwrap();
    assert!(r.delegates.is_empty());
}

#[test]
fn replacing_a_delegate_keeps_the_seat_and_fails_cleanly_on_conflict() {
    let mut r = roster();
    r.add_delegate(delegate("@b:pt.example", "PT")).unwrap();
    r.replace_delegate(&user("@a:ma.example"), user("@c:ma.example")).unwrap();
    assert_eq!(r.state_of("@c:ma.example").unwrap().code, code("MA"));
    assert!(r.state_of("@a:ma.example").is_none());
    let before = r.clone();
    assert!(r.replace_delegate(&user("@c:ma.example"), user("@b:pt.example")).is_err());
    assert_eq!(r, before, "a refused replacement changes nothing");
}

#[test]
fn the_diff_orders_changes_so_each_step_is_valid() {
    let from = roster();
    let mut to = Roster::default();
    to.add_state(state("PT", Status::Observer)).unwrap();
    to.add_state(state("PY", Status::Member)).unwrap();
    to.add_delegate(delegate("@a:ma.example", "PY")).unwrap();
    let changes = from.diff(&to);
    let actions: Vec<&str> = changes.iter().map(RosterChange::action).collect();
    assert_eq!(
        actions,
        ["remove_delegate", "remove_state", "update_state", "add_state", "add_delegate"]
    );
    let mut replay = from.clone();
    for change in &changes {
        replay.apply(change).unwrap();
    }
    assert_eq!(replay, to);
    assert!(to.diff(&to).is_empty(), "no change, no diff");
}

fn partner(id: &str) -> Partner {
    let mut names = crate::domain::LocalizedText::default();
    names.0.insert("en".into(), id.to_uppercase());
    Partner {
        id: PartnerId::parse(id).unwrap(),
        kind: PartnerKind::UnBody,
        names,
        regions: ["africa".to_owned()].into(),
    }
}

#[test]
fn a_person_holds_one_seat_whether_of_a_state_or_of_a_partner() {
    let mut r = roster();
    r.add_partner(partner("ohchr")).unwrap();
    let ohchr = Seat::Partner(PartnerId::parse("ohchr").unwrap());
    let err = r.add_seat_delegate(&ohchr, user("@a:ma.example"), None).unwrap_err();
    assert_eq!(
        err,
        RosterError::DelegateExists { user: user("@a:ma.example"), seat: Seat::State(code("MA")) }
    );
    r.add_seat_delegate(&ohchr, user("@o:un.example"), Some("fr".into())).unwrap();
    assert!(r.state_of("@o:un.example").is_none(), "a partner's delegate has no state");
    assert_eq!(r.seat_of("@o:un.example"), Some(ohchr.clone()));
    assert_eq!(r.language_of("@o:un.example"), Some("fr"));
    let err = r.add_delegate(delegate("@o:un.example", "PT")).unwrap_err();
    assert_eq!(
        err,
        RosterError::DelegateExists { user: user("@o:un.example"), seat: ohchr.clone() }
    );
    r.replace_delegate(&user("@o:un.example"), user("@p:un.example")).unwrap();
    assert_eq!(r.delegates_of_seat(&ohchr), [&user("@p:un.example")]);
    assert_eq!(r.language_of("@p:un.example"), Some("fr"), "the seat keeps its language");
    r.remove_partner(&PartnerId::parse("ohchr").unwrap()).unwrap();
    assert!(r.partner_delegates.is_empty(), "a partner leaves with its delegates");
}

#[test]
fn the_diff_moves_a_person_from_a_state_to_a_partner_in_valid_steps() {
    let from = roster();
    let mut to = roster();
    to.remove_delegate(&user("@a:ma.example")).unwrap();
    to.add_partner(partner("cndh-ma")).unwrap();
    let cndh = Seat::Partner(PartnerId::parse("cndh-ma").unwrap());
    to.add_seat_delegate(&cndh, user("@a:ma.example"), None).unwrap();
    let changes = from.diff(&to);
    let actions: Vec<&str> = changes.iter().map(RosterChange::action).collect();
    assert_eq!(actions, ["remove_delegate", "add_partner", "add_partner_delegate"]);
    let mut replay = from.clone();
    for change in &changes {
        replay.apply(change).unwrap();
    }
    assert_eq!(replay, to);
    let mut renamed = to.clone();
    renamed.partners.get_mut(&PartnerId::parse("cndh-ma").unwrap()).unwrap().kind =
        PartnerKind::Nhri;
    let changes = to.diff(&renamed);
    assert_eq!(changes.len(), 1);
    assert!(changes[0].to_string().starts_with("~ partner cndh-ma"), "{}", changes[0]);
    assert_eq!(changes[0].seat(), cndh);
}

#[test]
fn a_typed_assignee_is_found_by_code_id_or_name_else_the_closest_are_offered() {
    let mut r = roster();
    r.add_partner(partner("ohchr")).unwrap();
    assert_eq!(r.resolve_seat("pt"), Ok(Seat::State(code("PT"))));
    assert_eq!(r.resolve_seat("Portugal"), Ok(Seat::State(code("PT"))));
    assert_eq!(r.resolve_seat("Maroc"), Ok(Seat::State(code("MA"))));
    assert_eq!(r.resolve_seat("OHCHR"), Ok(Seat::Partner(PartnerId::parse("ohchr").unwrap())));
    assert_eq!(r.resolve_seat("ohcr"), Err(vec!["ohchr".to_owned()]));
    assert_eq!(r.resolve_seat("Portgal"), Err(vec!["PT".to_owned()]));
    assert_eq!(r.resolve_seat("FR"), Err(vec![]), "France is not in this roster");
    assert_eq!(
        r.resolve_seat("unknown-org"),
        Err(vec!["ohchr".to_owned()]),
        "nothing close to an organisation: the nearest partners"
    );
}
