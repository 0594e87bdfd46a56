//! Good practices from chat: any delegate or partner shares one
//! (`!practice <theme> <title>` and the practice on the next lines); its
//! author or the coordinator edits or withdraws it. Each is searchable
//! from the moment it is stored (same unit of work).

use super::{Answer, ChatService, Place, Request as ChatRequest};
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
            MemoryCommand::Save { title, tags } => self.save(req, title, &tags).await,
            MemoryCommand::Tag { .. }
            | MemoryCommand::Experts { .. }
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

    /// `!save` in reply to a message of a network or working room: the
    /// message becomes a practice of its author's state or partner, linked
    /// to it; once per message.
    async fn save(
        &self,
        req: &ChatRequest<'_>,
        title: String,
        raw: &RawTags,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        if req.roster.seat_of(req.incoming.sender).is_none()
            || !roles.may(Permission::SharePractice)
        {
            return Ok(self.say(lang, "practice-not-allowed", &[]));
        }
        if !matches!(req.incoming.place, Place::NetworkRoom | Place::Working(_)) {
            return Ok(self.say(lang, "save-wrong-place", &[]));
        }
        let Some(quoted) = req.incoming.quoted else {
            return Ok(self.say(lang, "save-not-a-reply", &[]));
        };
        let Some(message) = quoted.message else {
            return Ok(self.say(lang, "save-unreadable", &[]));
        };
        let Some(body) = message.body.map(str::trim).filter(|b| !b.is_empty()) else {
            return Ok(self.say(lang, "save-not-text", &[]));
        };
        let Some(seat) = req.roster.seat_of(message.sender) else {
            return Ok(self.say(lang, "save-author-unknown", &[]));
        };
        let room = req.incoming.room_id;
        if let Some(saved) = self.store.practice_by_source(room, quoted.event_id).await? {
            let args = [("number", Arg::Text(format!("#{}", saved.id)))];
            return Ok(self.say(lang, "save-already", &args));
        }
        let title = if title.is_empty() { title_of(body) } else { title };
        if title.chars().count() > MAX_TITLE_CHARS || body.chars().count() > MAX_DESCRIPTION_CHARS {
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
            description: body.to_owned(),
            language: req.roster.language_of(message.sender).unwrap_or(lang.code()).to_owned(),
            seat: seat.key(),
            author: message.sender.to_owned(),
            shared_by: req.incoming.sender.to_owned(),
            source_room: room.to_owned(),
            source_event: quoted.event_id.to_owned(),
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
            ("title", Arg::Text(practice.new.title.clone())),
            ("state", Arg::Text(super::offers::seat_name(req.roster, &practice.new.seat, lang))),
        ];
        Ok(self.say(lang, "save-done", &args))
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
        let own = [&practice.new.author, &practice.new.shared_by];
        if !own.contains(&&req.incoming.sender.to_owned())
            && !roles.may(Permission::ManagePractices)
        {
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

/// Words in a title made from a saved message.
const TITLE_WORDS: usize = 12;

/// A title for a saved message: its first line, cut after a dozen words.
fn title_of(body: &str) -> String {
    let first = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut title = words.iter().take(TITLE_WORDS).copied().collect::<Vec<_>>().join(" ");
    let mut chars = title.chars();
    if chars.by_ref().take(MAX_TITLE_CHARS).count() == MAX_TITLE_CHARS && chars.next().is_some() {
        title = title.chars().take(MAX_TITLE_CHARS - 1).collect();
        title.push('…');
    } else if words.len() > TITLE_WORDS {
        title.push('…');
    }
    title
}

#[cfg(test)]
mod tests {
    use super::title_of;

    #[test]
    fn a_saved_message_is_titled_by_its_first_words() {
        assert_eq!(title_of("\n  Our tracking database\nmore"), "Our tracking database");
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen";
        assert_eq!(
            title_of(long),
            "one two three four five six seven eight nine ten eleven twelve…"
        );
        let word = "x".repeat(500);
        assert_eq!(title_of(&word).chars().count(), super::MAX_TITLE_CHARS);
    }
}
