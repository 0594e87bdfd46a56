//! Membership applications and the committee's votes on them.

use std::future::Future;

use super::{on_pool, Database, StorageError};
use crate::domain::{Application, ApplicationStatus, CountryCode, Status, Vote};

const COLUMNS: &str = "id, state_code, status, motivation, applicant, source_room, source_event, \
                       poll_event, outcome, deadline, created_at, decided_at";

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
    Option<i64>,
);

fn application(r: Row) -> Result<Application, StorageError> {
    let corrupt = |what: String| StorageError::Corrupt(what);
    let (id, state, status, motivation, applicant, source_room, source_event, poll_event) =
        (r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7);
    Ok(Application {
        id,
        state: CountryCode::parse(&state).map_err(|e| corrupt(e.to_string()))?,
        status: Status::parse(&status).map_err(|e| corrupt(e.to_string()))?,
        motivation,
        applicant,
        source_room,
        source_event,
        poll_event,
        outcome: ApplicationStatus::parse(&r.8)
            .ok_or_else(|| corrupt(format!("application {id}: outcome `{}`", r.8)))?,
        deadline: r.9,
        created_at: r.10,
        decided_at: r.11,
    })
}

/// A vote as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteRecord {
    /// The committee state it counts for.
    pub state: CountryCode,
    /// Who cast it.
    pub voter: String,
    /// The vote.
    pub vote: Vote,
    /// The Matrix event that cast it.
    pub event_id: String,
    /// When.
    pub at: i64,
}

/// What an application is before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApplication<'a> {
    /// The state concerned.
    pub state: CountryCode,
    /// The status it would get.
    pub status: Status,
    /// Why.
    pub motivation: &'a str,
    /// Who opened it.
    pub applicant: &'a str,
    /// Where.
    pub source_room: &'a str,
    /// The command.
    pub source_event: &'a str,
    /// The committee's deadline.
    pub deadline: i64,
    /// Now.
    pub created_at: i64,
}

/// Where applications and votes are kept.
pub trait MembershipStore {
    /// Stores a new application; `None` if the state has an open one already.
    fn create_application(
        &self,
        new: &NewApplication<'_>,
    ) -> impl Future<Output = Result<Option<Application>, StorageError>> + Send;

    /// Application `id`.
    fn get_application(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Option<Application>, StorageError>> + Send;

    /// The application whose poll is `event_id`.
    fn application_by_poll(
        &self,
        event_id: &str,
    ) -> impl Future<Output = Result<Option<Application>, StorageError>> + Send;

    /// Open applications first, then the latest decided, at most `limit`.
    fn list_applications(
        &self,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Application>, StorageError>> + Send;

    /// Remembers the poll of application `id` (when it is delivered).
    fn set_application_poll(
        &self,
        id: i64,
        event_id: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Records a vote (once per event).
    fn record_vote(
        &self,
        application: i64,
        vote: &VoteRecord,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Every vote on application `id`, oldest first.
    fn votes(&self, id: i64) -> impl Future<Output = Result<Vec<VoteRecord>, StorageError>> + Send;

    /// Decides application `id`; `false` if it was decided already.
    fn decide_application(
        &self,
        id: i64,
        outcome: ApplicationStatus,
        at: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl MembershipStore for Database {
    async fn create_application(
        &self,
        new: &NewApplication<'_>,
    ) -> Result<Option<Application>, StorageError> {
        let open = "SELECT COUNT(*) FROM membership_applications \
                    WHERE state_code = $1 AND outcome = 'open'";
        let existing: i64 = on_pool!(self, pool => {
            sqlx::query_scalar(open).bind(new.state.to_string()).fetch_one(pool).await?
        });
        if existing > 0 {
            return Ok(None);
        }
        let insert = "INSERT INTO membership_applications (state_code, status, motivation, \
                      applicant, source_room, source_event, deadline, created_at) \
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        on_pool!(self, pool => {
            sqlx::query(insert)
                .bind(new.state.to_string())
                .bind(new.status.as_str())
                .bind(new.motivation)
                .bind(new.applicant)
                .bind(new.source_room)
                .bind(new.source_event)
                .bind(new.deadline)
                .bind(new.created_at)
                .execute(pool)
                .await?;
        });
        self.one("source_event = $1", new.source_event).await
    }

    async fn get_application(&self, id: i64) -> Result<Option<Application>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM membership_applications WHERE id = $1");
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?
        });
        row.map(application).transpose()
    }

    async fn application_by_poll(
        &self,
        event_id: &str,
    ) -> Result<Option<Application>, StorageError> {
        self.one("poll_event = $1", event_id).await
    }

    async fn list_applications(&self, limit: i64) -> Result<Vec<Application>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM membership_applications \
             ORDER BY CASE WHEN outcome = 'open' THEN 0 ELSE 1 END, id DESC LIMIT $1"
        );
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(application).collect()
    }

    async fn set_application_poll(&self, id: i64, event_id: &str) -> Result<(), StorageError> {
        let sql = "UPDATE membership_applications SET poll_event = $2 WHERE id = $1";
        on_pool!(self, pool => { sqlx::query(sql).bind(id).bind(event_id).execute(pool).await?; });
        Ok(())
    }

    async fn record_vote(&self, application: i64, vote: &VoteRecord) -> Result<(), StorageError> {
        let sql = "INSERT INTO membership_votes (application_id, state_code, voter, vote, \
                   event_id, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(application)
                .bind(vote.state.to_string())
                .bind(&vote.voter)
                .bind(vote.vote.as_str())
                .bind(&vote.event_id)
                .bind(vote.at)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    async fn votes(&self, id: i64) -> Result<Vec<VoteRecord>, StorageError> {
        let sql = "SELECT state_code, voter, vote, event_id, at FROM membership_votes \
                   WHERE application_id = $1 ORDER BY id";
        let rows: Vec<(String, String, String, String, i64)> = on_pool!(self, pool => {
            sqlx::query_as(sql).bind(id).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(state, voter, vote, event_id, at)| {
                Ok(VoteRecord {
                    state: CountryCode::parse(&state)
                        .map_err(|e| StorageError::Corrupt(e.to_string()))?,
                    voter,
                    vote: Vote::parse(&vote)
                        .ok_or_else(|| StorageError::Corrupt(format!("vote `{vote}`")))?,
                    event_id,
                    at,
                })
            })
            .collect()
    }

    async fn decide_application(
        &self,
        id: i64,
        outcome: ApplicationStatus,
        at: i64,
    ) -> Result<bool, StorageError> {
        let sql = "UPDATE membership_applications SET outcome = $2, decided_at = $3 \
                   WHERE id = $1 AND outcome = 'open'";
        let done = on_pool!(self, pool => sqlx::query(sql)
            .bind(id)
            .bind(outcome.as_str())
            .bind(at)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(done == 1)
    }
}

impl Database {
    async fn one(&self, condition: &str, value: &str) -> Result<Option<Application>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM membership_applications WHERE {condition}");
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(value).fetch_optional(pool).await?
        });
        row.map(application).transpose()
    }
}
