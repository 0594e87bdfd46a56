//! `!overdue`: the open requests past a response-time target, most late
//! first. The committee and admins see every state's; a delegate sees
//! their own state's.

use super::requests::state_id;
use super::{ChatService, Request as ChatRequest};
use crate::domain::reminder::{self, Threshold};
use crate::domain::{Permission, Request};
use crate::i18n::{Arg, Text};
use crate::storage::{PreferenceStore, RequestFilter, RequestStore, RosterStore, StorageError};

/// Open requests looked at, at most (the oldest first).
const SCAN_LIMIT: i64 = 1_000;
/// Lines shown, at most.
const SHOW_LIMIT: usize = 30;

impl<S: RosterStore + RequestStore + PreferenceStore + Sync> ChatService<S> {
    pub(super) async fn overdue(&self, req: &ChatRequest<'_>) -> Result<Text, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        let state = match (roles.may(Permission::SeeAllRequests), roles.delegate) {
            (true, _) => None,
            (false, Some((own, _))) => Some(own),
            (false, None) => return Ok(self.catalog.render(lang, "request-not-delegate", &[])),
        };
        let filter = RequestFilter {
            open_only: true,
            requesting_state: state,
            limit: SCAN_LIMIT,
            ..RequestFilter::default()
        };
        let now = self.clock().now_ms();
        let mut late: Vec<(Request, Threshold, i64, i64)> = Vec::new();
        for request in self.store.list_requests(&filter).await? {
            let start = self.round_start(&request).await?;
            let targets = self.network().targets(&request.category);
            if let Some((threshold, due)) = reminder::overdue(request.state, start, targets, now) {
                late.push((request, threshold, start, due));
            }
        }
        if late.is_empty() {
            return Ok(self.catalog.render(lang, "overdue-none", &[]));
        }
        // Most late first: the earliest start of a passed threshold.
        late.sort_by_key(|(r, _, start, _)| (*start, r.id));
        let now_text = self.time_text(lang, req.zone, now);
        let count = i64::try_from(late.len()).unwrap_or(i64::MAX);
        let mut text = self.catalog.render(
            lang,
            "overdue-intro",
            &[("count", Arg::Number(count)), ("now", Arg::Text(now_text))],
        );
        for (r, threshold, start, _) in late.iter().take(SHOW_LIMIT) {
            let targets = self.network().targets(&r.category);
            let id = match threshold {
                Threshold::Acknowledge | Threshold::AcknowledgeEscalation => {
                    "overdue-entry-acknowledge"
                }
                Threshold::Resolve | Threshold::ResolveEscalation => "overdue-entry-resolve",
            };
            let args = [
                ("number", Arg::Text(format!("#{}", r.id))),
                ("state", Arg::Text(self.catalog.render(lang, state_id(r.state), &[]).plain)),
                ("country", Arg::Text(r.requesting_state.name(lang.code()))),
                ("title", Arg::Text(r.title.clone())),
                ("waited", Arg::Text(self.duration_text(lang, now - start))),
                ("target", Arg::Text(self.duration_text(lang, threshold.target_ms(targets)))),
            ];
            text.push_line(&self.catalog.render(lang, id, &args));
            if threshold.is_escalation() {
                text.push_line(&self.catalog.render(lang, "overdue-escalated", &[]));
            }
        }
        Ok(text)
    }

    /// When `request`'s current round started: its filing, or its latest
    /// reopening.
    pub(crate) async fn round_start(&self, request: &Request) -> Result<i64, StorageError> {
        if request.created_at == request.updated_at {
            return Ok(request.created_at); // never moved: never reopened
        }
        let transitions = self.store.transitions(request.id).await?;
        Ok(transitions
            .iter()
            .rev()
            .find(|t| t.action == "reopen")
            .map_or(request.created_at, |t| t.at))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::tests::{incoming, service};
    use super::super::Place;
    use crate::domain::DAY_MS;
    use crate::service::clock::ManualClock;

    #[tokio::test]
    async fn late_requests_are_listed_to_the_committee_and_to_their_own_state_only() {
        let clock = ManualClock::at(crate::storage::now_ms());
        let s = service().await.with_clock(Arc::new(clock.clone()));
        let ask = |who: &'static str, body: &'static str, place| {
            let s = s.clone();
            async move { s.handle(&incoming(who, body, place)).await.unwrap().unwrap().text.plain }
        };
        ask("@cl:x.org", "!request membership Help us set up", Place::NetworkRoom).await;
        assert!(ask("@pt:x.org", "!overdue", Place::Committee).await.contains("No request"));
        clock.advance(8 * DAY_MS + 60_000);
        let committee = ask("@pt:x.org", "!overdue", Place::Committee).await;
        assert!(committee.contains("#1") && committee.contains("not acknowledged"), "{committee}");
        assert!(committee.contains("8 days") && committee.contains("7 days"), "{committee}");
        let own = ask("@cl:x.org", "!overdue", Place::Direct).await;
        assert!(own.contains("#1"), "a delegate sees their own state's: {own}");
        let other = ask("@ma:x.org", "!overdue", Place::Direct).await;
        assert!(other.contains("#1"), "the committee sees all: {other}");
        let stranger = ask("@z:x.org", "!overdue", Place::Direct).await;
        assert!(!stranger.contains("#1"), "{stranger}");
    }
}
