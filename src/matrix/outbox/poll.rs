//! Membership polls in the committee room: the poll itself (MSC3381, with
//! the unstable event types Element and other clients understand, and a
//! text fallback for those that do not), remembered when delivered so that
//! its responses count as votes; and its end, with the decision.

use matrix_sdk::ruma::events::poll::start::PollKind;
use matrix_sdk::ruma::events::poll::unstable_end::UnstablePollEndEventContent;
use matrix_sdk::ruma::events::poll::unstable_start::{
    NewUnstablePollStartEventContent, UnstablePollAnswer, UnstablePollAnswers,
    UnstablePollStartContentBlock, UnstablePollStartEventContent,
};

use super::route::event_id;
use super::{Failure, OutboxSender};
use crate::storage::{MembershipStore, Outbox, OutboxEntry};
use crate::telemetry::metrics;

impl OutboxSender {
    /// Posts application `application`'s poll and remembers its event.
    pub(super) async fn deliver_poll(
        &self,
        entry: &OutboxEntry,
        application: i64,
        question: &str,
        answers: &[(String, String)],
    ) -> Result<(), Failure> {
        let room = self.committee_room().await?;
        let answers: Vec<UnstablePollAnswer> =
            answers.iter().map(|(id, label)| UnstablePollAnswer::new(id, label)).collect();
        let answers = UnstablePollAnswers::try_from(answers)
            .map_err(|e| Failure::Permanent(format!("poll answers: {e}")))?;
        let mut block = UnstablePollStartContentBlock::new(question, answers);
        // Committee members see how each state voted, as in a meeting.
        block.kind = PollKind::Disclosed;
        let labels: Vec<String> = block.answers.iter().map(|a| format!("- {}", a.text)).collect();
        let fallback = format!("{question}\n{}", labels.join("\n"));
        let content = UnstablePollStartEventContent::New(
            NewUnstablePollStartEventContent::plain_text(fallback, block),
        );
        let sent = self.send_once(entry, &room, content).await?;
        let db = |e: crate::storage::StorageError| {
            metrics::database_error();
            Failure::Transient(format!("recording the delivery: {e}"), None)
        };
        let tx = self.db.begin().await.map_err(db)?;
        tx.set_application_poll(application, sent.as_str()).await.map_err(db)?;
        tx.mark_sent(entry.id, Some(sent.as_str())).await.map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    /// Ends application `application`'s poll with `text` (the decision).
    pub(super) async fn deliver_poll_end(
        &self,
        entry: &OutboxEntry,
        application: i64,
        text: &str,
    ) -> Result<(), Failure> {
        let app = match self.db.get_application(application).await {
            Ok(Some(app)) => app,
            Ok(None) => {
                return Err(Failure::Permanent(format!("application {application} does not exist")))
            }
            Err(e) => return Err(Failure::Transient(e.to_string(), None)),
        };
        let Some(poll) = app.poll_event else {
            return Err(Failure::Permanent(format!("application {application} has no poll")));
        };
        let room = self.committee_room().await?;
        let content = UnstablePollEndEventContent::new(text, event_id(&poll)?);
        let sent = self.send_once(entry, &room, content).await?;
        self.db.mark_sent(entry.id, Some(sent.as_str())).await.map_err(|e| {
            metrics::database_error();
            Failure::Transient(format!("recording the delivery: {e}"), None)
        })
    }
}
