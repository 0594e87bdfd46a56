//! Good practices from chat: any delegate or partner shares one
//! (`!practice <theme> <title>` and the practice on the next lines); its
//! author or the coordinator edits or withdraws it. Each is searchable
//! from the moment it is stored (same unit of work).

use super::{Answer, ChatService, Request as ChatRequest};
use crate::commands::{MemoryCommand, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::domain::memory::{NewPractice, Practice, RawTags};
use crate::domain::Permission;
use crate::i18n::Arg;
use crate::service::memory::index_practice;
use crate::storage::{MemoryStore, PracticeStore, RosterStore, StorageError};

impl<S: RosterStore + MemoryStore + PracticeStore + Sync> ChatService<S> {
    pub(super) async fn practice_command(
        &self,
        req: &ChatRequest<'_>,
        command: MemoryCommand,
    ) -> Result<Answer, StorageError> {
        match command {
            MemoryCommand::Practice { theme, title, description, mut tags } => {
                tags.themes.insert(0, theme);
                self.share(req, title, description, &tags).await
            }
            MemoryCommand::EditPractice { id, title, description } => {
                self.edit_practice(req, id, &title, &description).await
            }
            MemoryCommand::WithdrawPractice { id } => self.withdraw_practice(req, id).await,
            MemoryCommand::Tag { .. }
            | MemoryCommand::Search { .. }
            | MemoryCommand::Guide { .. } => {
                unreachable!("memory_command handles these")
            }
        }
    }

    async fn share(
        &self,
        req: &ChatRequest<'_>,
        title: String,
        description: String,
        raw: &RawTags,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        let seat = req.roster.seat_of(req.incoming.sender);
        let Some(seat) = seat.filter(|_| roles.may(Permission::SharePractice)) else {
            return Ok(self.say(lang, "practice-not-allowed", &[]));
        };
        if title.chars().count() > MAX_TITLE_CHARS
            || description.chars().count() > MAX_DESCRIPTION_CHARS
        {
            let args = [("max", Arg::Number(MAX_DESCRIPTION_CHARS as i64))];
            return Ok(self.say(lang, "practice-too-long", &args));
        }
        let tags = match self.check_tags(lang, raw) {
            Ok(tags) => tags,
            Err(answer) => return Ok(answer),
        };
        let now = self.clock().now_ms();
        let new = NewPractice {
            title,
            description,
            language: lang.code().to_owned(),
            seat: seat.key(),
            author: req.incoming.sender.to_owned(),
            shared_by: req.incoming.sender.to_owned(),
            source_room: req.incoming.room_id.to_owned(),
            source_event: req.incoming.event_id.to_owned(),
            command_event: req.incoming.event_id.to_owned(),
            created_at: now,
        };
        let (practice, _) = self.store.create_practice(&new).await?;
        self.store
            .add_tags(("practice", practice.id), &tags.rows(), req.incoming.sender, now)
            .await?;
        index_practice(&self.store, self.network(), &practice).await?;
        let args = [
            ("number", Arg::Text(format!("#{}", practice.id))),
            ("tags", Arg::Text(self.tags_text(lang, &tags))),
        ];
        Ok(self.say(lang, "practice-shared", &args))
    }

    /// Practice `id` if the sender may change it (its author, the
    /// coordinator, an admin), else the answer saying why not.
    async fn practice_to_change(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
    ) -> Result<Result<Practice, Answer>, StorageError> {
        let lang = req.lang;
        let number = ("number", Arg::Text(format!("#{id}")));
        let Some(practice) =
            self.store.get_practice(id).await?.filter(|p| p.withdrawn_at.is_none())
        else {
            return Ok(Err(self.say(lang, "practice-not-found", &[number])));
        };
        let roles = self.roles(req.roster, req.incoming.sender);
        if practice.new.author != req.incoming.sender && !roles.may(Permission::ManagePractices) {
            return Ok(Err(self.say(lang, "practice-not-yours", &[number])));
        }
        Ok(Ok(practice))
    }

    async fn edit_practice(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
        title: &str,
        description: &str,
    ) -> Result<Answer, StorageError> {
        let mut practice = match self.practice_to_change(req, id).await? {
            Ok(p) => p,
            Err(answer) => return Ok(answer),
        };
        let description = if description.is_empty() {
            practice.new.description.clone()
        } else {
            description.to_owned()
        };
        if title.chars().count() > MAX_TITLE_CHARS
            || description.chars().count() > MAX_DESCRIPTION_CHARS
        {
            let args = [("max", Arg::Number(MAX_DESCRIPTION_CHARS as i64))];
            return Ok(self.say(req.lang, "practice-too-long", &args));
        }
        let now = self.clock().now_ms();
        self.store.edit_practice(id, title, &description, now).await?;
        practice.new.title = title.to_owned();
        practice.new.description = description;
        index_practice(&self.store, self.network(), &practice).await?;
        Ok(self.say(req.lang, "practice-edited", &[("number", Arg::Text(format!("#{id}")))]))
    }

    async fn withdraw_practice(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
    ) -> Result<Answer, StorageError> {
        let mut practice = match self.practice_to_change(req, id).await? {
            Ok(p) => p,
            Err(answer) => return Ok(answer),
        };
        let now = self.clock().now_ms();
        self.store.withdraw_practice(id, req.incoming.sender, now).await?;
        practice.withdrawn_at = Some(now);
        index_practice(&self.store, self.network(), &practice).await?;
        Ok(self.say(req.lang, "practice-withdrawn", &[("number", Arg::Text(format!("#{id}")))]))
    }
}
