//! Chat commands: parse, authorize from the roster, run, and phrase the
//! answer in the sender's language. The answer may carry [`Effect`]s that
//! the Matrix layer carries out (inviting someone, reconciling rooms).

#[cfg(test)]
mod assign_tests;
mod experts;
#[cfg(test)]
mod experts_tests;
mod guidance;
mod help;
mod hostile;
mod language;
mod membership;
#[cfg(test)]
mod membership_tests;
mod memory;
#[cfg(test)]
mod memory_tests;
mod network;
mod offers;
mod overdue;
mod plan;
#[cfg(test)]
mod plan_tests;
mod practices;
mod requests;
mod roster;
#[cfg(test)]
mod seminar_tests;
mod seminar_views;
mod seminars;
mod time;
mod triage;
mod working;
#[cfg(test)]
mod working_tests;

mod answer;

pub use answer::{Answer, Effect, Incoming, Place, Quoted, QuotedMessage, Scheduled};
pub use membership::{MembershipJob, MEMBERSHIP_JOB};
pub(crate) use requests::assignee_names;
pub(crate) use triage::result_id;

use std::sync::Arc;

use crate::commands::{self, Command, ParseError, MAX_COMMAND_BYTES};
use crate::domain::{AdminPolicy, Language, Network, Permission, Roles, RoomKind, Roster};
use crate::i18n::Arg;
use crate::i18n::{Catalog, Text};
use crate::service::clock::SharedClock;
use crate::service::rate_limit::RateLimiter;
use crate::service::{RosterService, RosterServiceError};
use crate::storage::{
    ExpertStore, MembershipStore, MemoryStore, OfferStore, PlanStore, PracticeStore,
    PreferenceStore, RequestStore, RoomStore, RosterStore, SeminarStore, StorageError,
    WorkingRoomStore,
};

/// The first line of a command, cut as every echo of a sender's text is
/// (to name a command the bot did not carry out).
pub(crate) fn echo_command(body: &str) -> String {
    help::echo(body.lines().next().unwrap_or_default().trim())
}

/// A roster read's error as the storage error it is (reading the roster
/// applies no rule, so only storage can fail).
pub(crate) fn storage_error(e: RosterServiceError) -> StorageError {
    match e {
        RosterServiceError::Storage(e) => e,
        other => StorageError::Corrupt(other.to_string()),
    }
}

/// Runs chat commands.
#[derive(Clone)]
pub struct ChatService<S> {
    catalog: Arc<Catalog>,
    prefix: String,
    store: S,
    roster: RosterService<S>,
    admins: AdminPolicy,
    default_language: Language,
    limiter: Arc<RateLimiter>,
    clock: SharedClock,
    public_url: Option<Arc<str>>,
    /// The network's action plan, if one is configured.
    plan: Option<Arc<crate::domain::plan::ActionPlan>>,
    /// The guidance library (`!guide`).
    guidance: Arc<crate::domain::memory::Library>,
}

impl<S> ChatService<S> {
    /// The pacing of senders.
    pub(crate) fn limiter(&self) -> &RateLimiter {
        &self.limiter
    }

    /// The message catalog.
    pub(crate) fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The command prefix (`!`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The roster as it stands (on this service's store).
    pub(crate) async fn current_roster(&self) -> Result<Arc<Roster>, StorageError>
    where
        S: RosterStore + Sync,
    {
        self.roster.roster().await.map_err(storage_error)
    }

    /// Message `id` in `lang`, as an answer.
    pub(crate) fn say(&self, lang: Language, id: &str, args: &[(&str, Arg)]) -> Answer {
        self.catalog.render(lang, id, args).into()
    }

    /// The clock the use cases read (the system's, or a test's).
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    /// The store (the scheduler reads through it; tests check what a
    /// command changed).
    pub(crate) fn store(&self) -> &S {
        &self.store
    }

    /// Where the HTTP server is reached from outside (calendar links), if known.
    pub(crate) fn public_url(&self) -> Option<&str> {
        self.public_url.as_deref()
    }

    /// The network definition.
    pub(crate) fn network(&self) -> &Network {
        self.roster.network()
    }

    /// `user`'s roles: the one input of every authorization decision.
    pub(crate) fn roles(&self, roster: &Roster, user: &str) -> Roles {
        Roles::of(user, &self.admins, roster, self.roster.network())
    }

    /// What `render` says, for everyone in rooms of `kind`: a section per
    /// configured language of those rooms (the default language if none).
    pub(crate) fn for_room(&self, kind: &RoomKind, render: impl Fn(Language) -> Text) -> Text {
        let configured = &self.roster.network().rooms.policy(kind).languages;
        let languages =
            if configured.is_empty() { vec![self.default_language] } else { configured.clone() };
        Text::sections(languages.into_iter().map(|l| (l, render(l))).collect())
    }
}

/// What every command handler gets.
pub(crate) struct Request<'a> {
    incoming: &'a Incoming<'a>,
    roster: &'a Roster,
    lang: Language,
    /// The sender's time zone (times shown to them are on its clock).
    zone: chrono_tz::Tz,
}

impl<
        S: RosterStore
            + RequestStore
            + PreferenceStore
            + RoomStore
            + SeminarStore
            + OfferStore
            + WorkingRoomStore
            + MembershipStore
            + PlanStore
            + MemoryStore
            + PracticeStore
            + ExpertStore
            + Clone
            + Sync,
    > ChatService<S>
{
    /// A service answering commands that start with `prefix`.
    pub fn new(
        catalog: Arc<Catalog>,
        prefix: impl Into<String>,
        store: S,
        network: Arc<Network>,
        admins: AdminPolicy,
        default_language: Language,
    ) -> Self {
        let roster = RosterService::new(store.clone(), network);
        let limiter = Arc::new(RateLimiter::new(60, 20, 50));
        let clock = crate::service::clock::system();
        Self {
            catalog,
            prefix: prefix.into(),
            store,
            roster,
            admins,
            default_language,
            limiter,
            clock,
            public_url: None,
            plan: None,
            guidance: Arc::default(),
        }
    }

    /// Links to the HTTP server (a seminar's calendar file) start with `url`.
    pub fn with_public_url(mut self, url: impl Into<String>) -> Self {
        self.public_url = Some(Arc::from(url.into()));
        self
    }

    /// Reads the time from `clock` (tests move it by hand).
    pub fn with_clock(mut self, clock: SharedClock) -> Self {
        self.clock = clock;
        self
    }

    /// Paces each sender to `per_minute` commands a minute, `burst` at once,
    /// with up to `backlog` more deferred (see [`crate::service::pacing`]).
    pub fn with_rate_limit(mut self, per_minute: u32, burst: u32, backlog: u32) -> Self {
        self.limiter = Arc::new(RateLimiter::new(per_minute, burst, backlog));
        self
    }

    /// The same service over another store: the worker runs each event's
    /// command on the unit of work that records it.
    pub fn with_store<T: Clone>(&self, store: T) -> ChatService<T> {
        ChatService {
            catalog: self.catalog.clone(),
            prefix: self.prefix.clone(),
            roster: self.roster.with_store(store.clone()),
            store,
            admins: self.admins.clone(),
            default_language: self.default_language,
            limiter: self.limiter.clone(),
            clock: self.clock.clone(),
            public_url: self.public_url.clone(),
            plan: self.plan.clone(),
            guidance: self.guidance.clone(),
        }
    }

    /// Serves `library` (`!guide`).
    pub fn with_guidance(mut self, library: Arc<crate::domain::memory::Library>) -> Self {
        self.guidance = library;
        self
    }

    /// Serves `plan` (`!plan`, `!link`).
    pub fn with_plan(mut self, plan: Option<Arc<crate::domain::plan::ActionPlan>>) -> Self {
        self.plan = plan;
        self
    }

    /// Whether the bot accepts an invitation from `user`: a configured admin
    /// or a delegate on the roster (full user ID, server part included).
    /// An error means "cannot tell yet", never "no".
    pub async fn may_invite_bot(&self, user: &str) -> Result<bool, StorageError> {
        crate::fault::fail("invite_roster")?;
        let roster = self.roster.roster().await.map_err(storage_error)?;
        Ok(self.roles(&roster, user).may(Permission::InviteBot))
    }

    /// Whether `body` is addressed to the bot at all.
    pub fn is_command(&self, body: &str) -> bool {
        commands::parse(body, &self.prefix).is_some()
    }

    /// The answer to `incoming`, or `None` when it is not a command.
    ///
    /// A storage error is returned, never answered nor taken for "nothing to
    /// say": the caller tries the whole event again (an error is never a
    /// decision).
    #[tracing::instrument(skip_all, fields(sender = incoming.sender))]
    pub async fn handle(&self, incoming: &Incoming<'_>) -> Result<Option<Answer>, StorageError> {
        if incoming.place == Place::Other {
            // Rooms the bot does not manage (a group chat someone invited it
            // to) are other people's conversations: it stays silent there.
            tracing::debug!("ignoring a message in a room the bot does not manage");
            return Ok(None);
        }
        let Some(parsed) = commands::parse(incoming.body, &self.prefix) else {
            return self.thread_reply(incoming).await;
        };
        crate::fault::fail("chat_roster")?;
        let roster = self.roster.roster().await.map_err(storage_error)?;
        let lang = self.language_of(&roster, incoming.sender).await?;
        if incoming.body.len() > MAX_COMMAND_BYTES {
            let kb = |n: usize| Arg::Number(i64::try_from(n.div_ceil(1024)).unwrap_or(i64::MAX));
            let args = [("size", kb(incoming.body.len())), ("max", kb(MAX_COMMAND_BYTES))];
            return Ok(Some(self.catalog.render(lang, "message-too-long", &args).into()));
        }
        let zone = self.zone_of(incoming.sender).await?;
        let request = Request { incoming, roster: &roster, lang, zone };
        Ok(Some(match parsed {
            Ok(Command::Ping) => self.catalog.render(lang, "pong", &[]).into(),
            Ok(Command::Help { topic: None }) => self.help_list(&request, false).into(),
            Ok(Command::Help { topic: Some(topic) }) if topic.eq_ignore_ascii_case("all") => {
                self.help_list(&request, true).into()
            }
            Ok(Command::Help { topic: Some(topic) }) => self.help_topic(lang, &topic).into(),
            Ok(Command::Regions) => self.regions(&request).into(),
            Ok(Command::Join { region }) => self.join(&request, &region),
            Ok(Command::Whois { query }) => self.whois(&request, &query).await?.into(),
            Ok(Command::Language { choice }) => self.language_command(&request, choice).await?,
            Ok(Command::TimeZone { choice }) => self.timezone_command(&request, choice).await?,
            Ok(Command::Roster(command)) => self.roster_command(&request, command).await?,
            Ok(Command::Request(command)) => self.request_command(&request, command).await?,
            Ok(Command::Seminar(command)) => self.seminar_command(&request, command).await?,
            Ok(Command::Offer(command)) => self.offer_command(&request, command).await?,
            Ok(Command::Membership(command)) => self.membership_command(&request, command).await?,
            Ok(Command::Plan(command)) => self.plan_command(&request, command).await?,
            Ok(Command::Memory(command)) => self.memory_command(&request, command).await?,
            Err(ParseError::Unknown(name)) => self.unknown(lang, &name).into(),
            Err(ParseError::Usage { spec, problem }) => {
                self.usage_error(lang, spec, &problem).into()
            }
        }))
    }

    /// The language `sender` is answered in (see [`Self::language_of`]).
    pub(crate) async fn language_for(&self, sender: &str) -> Result<Language, StorageError> {
        let roster = self.roster.roster().await.map_err(storage_error)?;
        self.language_of(&roster, sender).await
    }

    /// The answer given when handling a command keeps failing for a reason
    /// that retrying does not fix (see [`StorageError::is_transient`]): the
    /// sender learns that it was not carried out.
    /// (The apology is in the default language when even the roster
    /// cannot be read: it is the message, not a decision.)
    pub async fn failure_answer(&self, sender: &str) -> Answer {
        let lang = self.language_for(sender).await.unwrap_or(self.default_language);
        self.catalog.render(lang, "internal-error", &[]).into()
    }
}

#[cfg(test)]
pub(crate) mod tests;
