//! Tests of `triage`.

use super::super::requests::tests::filed;
use super::super::tests::incoming;
use super::super::{Effect, Incoming, Place};
use crate::domain::RequestState;
use crate::storage::RequestStore;

#[tokio::test]
async fn the_committee_triages_by_number_and_the_requester_is_told() {
    let (s, id) = filed().await;
    let answer = s
        .handle(&incoming("@pt:x.org", &format!("!ack {id}"), Place::Committee))
        .await
        .unwrap()
        .unwrap();
    assert!(answer.text.plain.contains("acknowledged"), "{}", answer.text.plain);
    let [Effect::Notify { request_id, text }] = answer.effects.as_slice() else {
        panic!("{answer:?}")
    };
    assert_eq!(*request_id, id);
    assert!(text.plain.contains("acknowledged by the Executive Committee"), "{}", text.plain);
    let history = s.store().transitions(id).await.unwrap();
    assert_eq!(history.last().unwrap().actor, "@pt:x.org");
    assert_eq!(history.last().unwrap().event_id.as_deref(), Some("$e"));
}

#[tokio::test]
async fn in_the_card_thread_the_number_can_be_left_out() {
    let (s, id) = filed().await;
    s.store().set_card(id, "!committee", "$card").await.unwrap();
    let command = Incoming {
        thread_root: Some("$card"),
        ..incoming("@ma:x.org", "!decline Out of scope", Place::Committee)
    };
    let answer = s.handle(&command).await.unwrap().unwrap();
    assert!(answer.text.plain.contains("#1"), "{}", answer.text.plain);
    assert_eq!(s.store().get_request(id).await.unwrap().unwrap().state, RequestState::Declined);
}

#[tokio::test]
async fn unauthorized_or_forbidden_steps_are_refused_and_change_nothing() {
    let (s, id) = filed().await;
    // MA files its own request too.
    let own = Incoming {
        event_id: "$own",
        ..incoming("@ma:x.org", "!request peer-exchange Visit", Place::NetworkRoom)
    };
    s.handle(&own).await.unwrap().unwrap();
    let cases = [
        ("@cl:x.org", format!("!ack {id}"), "Only delegates of the Executive Committee"),
        ("@pt:evil.example", format!("!ack {id}"), "Only delegates of the Executive Committee"),
        ("@pt:x.org", format!("!resolve {id} delivered Done"), "possible now: !ack, !decline"),
        ("@ma:x.org", "!accept 2 PT".to_owned(), "votre propre État"),
        ("@pt:x.org", "!ack 99".to_owned(), "no request #99"),
    ];
    for (sender, body, expected) in cases {
        let answer = s.handle(&incoming(sender, &body, Place::Committee)).await.unwrap().unwrap();
        assert!(answer.text.plain.contains(expected), "{body}: {}", answer.text.plain);
        assert!(answer.effects.is_empty(), "{body}");
    }
    for id in [1, 2] {
        assert_eq!(
            s.store().get_request(id).await.unwrap().unwrap().state,
            RequestState::Submitted
        );
        assert_eq!(s.store().transitions(id).await.unwrap().len(), 1);
    }
    for place in [Place::NetworkRoom, Place::Direct] {
        let outside = s.handle(&incoming("@pt:x.org", "!ack 1", place)).await.unwrap().unwrap();
        assert!(outside.text.plain.contains("Executive Committee room"), "{place:?}");
        assert!(outside.effects.is_empty());
    }
    assert_eq!(s.store().get_request(1).await.unwrap().unwrap().state, RequestState::Submitted);
}

#[tokio::test]
async fn the_full_lifecycle_ends_in_the_outcomes_register() {
    let (s, id) = filed().await;
    let steps = [
        format!("!ack {id}"),
        format!("!accept {id} PT"),
        format!("!start {id}"),
        format!("!resolve {id} partly Two workshops held\nStart earlier"),
        format!("!reopen {id} New needs"),
        format!("!ack {id}"),
    ];
    for body in &steps {
        let answer =
            s.handle(&incoming("@pt:x.org", body, Place::Committee)).await.unwrap().unwrap();
        // The requester is told first (accept and resolve also post in
        // the working room and reconcile).
        assert!(
            matches!(answer.effects.first(), Some(Effect::Notify { .. })),
            "{body}: {}",
            answer.text.plain
        );
    }
    let outcome = s.store().outcome(id).await.unwrap().unwrap();
    assert_eq!(
        (outcome.summary.as_str(), outcome.lessons.as_deref()),
        ("Two workshops held", Some("Start earlier"))
    );
    let status = s
        .handle(&incoming("@cl:x.org", &format!("!status {id}"), Place::Direct))
        .await
        .unwrap()
        .unwrap();
    for part in
        ["Assigned to: Portugal", "partly delivered", "Lessons learned: Start earlier", "@pt:x.org"]
    {
        assert!(status.text.plain.contains(part), "{part}: {}", status.text.plain);
    }
}

#[tokio::test]
async fn the_requesters_answer_in_its_thread_goes_back_to_the_committee() {
    let (s, id) = filed().await;
    for body in [format!("!ack {id}"), format!("!info {id} Which dates suit you?")] {
        s.handle(&incoming("@pt:x.org", &body, Place::Committee)).await.unwrap().unwrap();
    }
    // Someone else chatting in the thread is not an answer.
    let chatter = Incoming {
        thread_root: Some("$e"),
        event_id: "$c",
        ..incoming("@pt:x.org", "Any news?", Place::NetworkRoom)
    };
    assert_eq!(s.handle(&chatter).await.unwrap(), None);

    let reply = Incoming {
        thread_root: Some("$e"),
        event_id: "$a",
        ..incoming("@cl:x.org", "March or April", Place::NetworkRoom)
    };
    let answer = s.handle(&reply).await.unwrap().unwrap();

    let [Effect::PostToCard { request_id, text }] = answer.effects.as_slice() else {
        panic!("{answer:?}")
    };
    assert_eq!(*request_id, id);
    assert!(
        text.plain.contains("March or April") && text.plain.contains("@cl:x.org"),
        "{}",
        text.plain
    );
    let request = s.store().get_request(id).await.unwrap().unwrap();
    assert_eq!(request.state, RequestState::Acknowledged);
    let last = s.store().transitions(id).await.unwrap().pop().unwrap();
    assert_eq!((last.action.as_str(), last.event_id.as_deref()), ("answer", Some("$a")));
    // Once answered, further messages are conversation again.
    let again = Incoming { event_id: "$b", ..reply.clone() };
    assert_eq!(s.handle(&again).await.unwrap(), None);
}
