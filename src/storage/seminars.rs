//! Seminars and the states' answers to them.

use std::future::Future;

use sqlx::FromRow;

use super::{on_pool, Database, StorageError};
use crate::domain::{CountryCode, NewSeminar, RoomKind, Rsvp, Seminar, SeminarAnswer};

const COLUMNS: &str = "id, room_kind, room_key, title, starts_at, duration_minutes, zone, place, \
                       link, created_by, announcement_event, feed_key, sequence, cancelled, \
                       minutes, created_at, updated_at";

/// Where seminars are kept.
pub trait SeminarStore {
    /// Stores `new` (once per source event); the stored seminar and whether
    /// it is new.
    fn create_seminar(
        &self,
        new: &NewSeminar,
    ) -> impl Future<Output = Result<(Seminar, bool), StorageError>> + Send;

    /// Seminar `id`.
    fn get_seminar(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Option<Seminar>, StorageError>> + Send;

    /// The seminar announced by `event`.
    fn seminar_by_announcement(
        &self,
        event: &str,
    ) -> impl Future<Output = Result<Option<Seminar>, StorageError>> + Send;

    /// The seminar whose calendar link holds `key`.
    fn seminar_by_feed_key(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<Seminar>, StorageError>> + Send;

    /// Records the bot's announcement of seminar `id`.
    fn set_announcement(
        &self,
        id: i64,
        event: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Seminars ending at `from` or later (cancelled ones too if asked),
    /// soonest first, at most `limit`.
    fn list_seminars(
        &self,
        from: i64,
        cancelled: bool,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Seminar>, StorageError>> + Send;

    /// Moves seminar `id` (a new start, zone and length): one more in its
    /// sequence.
    fn reschedule_seminar(
        &self,
        id: i64,
        starts_at: i64,
        zone: &str,
        at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Calls seminar `id` off: one more in its sequence.
    fn cancel_seminar(
        &self,
        id: i64,
        at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Records `state`'s answer to seminar `id` (replacing its earlier one).
    fn answer_seminar(
        &self,
        id: i64,
        state: CountryCode,
        answer: Rsvp,
        user: &str,
        event: &str,
        at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The states' answers to seminar `id`, by state.
    fn seminar_answers(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Vec<SeminarAnswer>, StorageError>> + Send;

    /// Links request `request` to seminar `id` (discussed there); `false`
    /// if no such request exists. Linking twice is harmless.
    fn link_request(
        &self,
        id: i64,
        request: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The requests discussed at seminar `id`, by number.
    fn seminar_requests(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Vec<i64>, StorageError>> + Send;

    /// The seminars where request `request` was discussed, soonest first.
    fn request_seminars(
        &self,
        request: i64,
    ) -> impl Future<Output = Result<Vec<Seminar>, StorageError>> + Send;

    /// Stores the minutes of seminar `id`.
    fn set_minutes(
        &self,
        id: i64,
        text: &str,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

#[derive(FromRow)]
struct SeminarRow {
    id: i64,
    room_kind: String,
    room_key: String,
    title: String,
    starts_at: i64,
    duration_minutes: i64,
    zone: String,
    place: Option<String>,
    link: Option<String>,
    created_by: String,
    announcement_event: Option<String>,
    feed_key: String,
    sequence: i64,
    cancelled: bool,
    minutes: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<SeminarRow> for Seminar {
    type Error = StorageError;

    fn try_from(r: SeminarRow) -> Result<Self, StorageError> {
        let room = RoomKind::from_key(&r.room_kind, &r.room_key).ok_or_else(|| {
            StorageError::Corrupt(format!("seminar {}: room {}/{}", r.id, r.room_kind, r.room_key))
        })?;
        Ok(Seminar {
            id: r.id,
            room,
            title: r.title,
            starts_at: r.starts_at,
            duration_minutes: r.duration_minutes,
            zone: r.zone,
            place: r.place,
            link: r.link,
            created_by: r.created_by,
            announcement_event: r.announcement_event,
            feed_key: r.feed_key,
            sequence: r.sequence,
            cancelled: r.cancelled,
            minutes: r.minutes,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

impl Database {
    async fn seminar_where(
        &self,
        condition: &str,
        value: &str,
    ) -> Result<Option<Seminar>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM seminars WHERE {condition} = $1");
        let row: Option<SeminarRow> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(value).fetch_optional(pool).await?
        });
        row.map(Seminar::try_from).transpose()
    }
}

impl SeminarStore for Database {
    async fn create_seminar(&self, new: &NewSeminar) -> Result<(Seminar, bool), StorageError> {
        let (kind, key) = new.room.key();
        let insert = "INSERT INTO seminars (room_kind, room_key, title, starts_at, \
                      duration_minutes, zone, place, link, created_by, source_event, feed_key, \
                      created_at, updated_at) \
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) \
                      ON CONFLICT (source_event) DO NOTHING";
        let inserted = on_pool!(self, pool => sqlx::query(insert)
            .bind(kind)
            .bind(key)
            .bind(&new.title)
            .bind(new.starts_at)
            .bind(new.duration_minutes)
            .bind(&new.zone)
            .bind(&new.place)
            .bind(&new.link)
            .bind(&new.created_by)
            .bind(&new.source_event)
            .bind(&new.feed_key)
            .bind(new.created_at)
            .execute(pool)
            .await?
            .rows_affected());
        let seminar = self
            .seminar_where("source_event", &new.source_event)
            .await?
            .ok_or_else(|| StorageError::Corrupt("a seminar vanished after its insert".into()))?;
        Ok((seminar, inserted == 1))
    }

    async fn get_seminar(&self, id: i64) -> Result<Option<Seminar>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM seminars WHERE id = $1");
        let row: Option<SeminarRow> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?
        });
        row.map(Seminar::try_from).transpose()
    }

    async fn seminar_by_announcement(&self, event: &str) -> Result<Option<Seminar>, StorageError> {
        self.seminar_where("announcement_event", event).await
    }

    async fn seminar_by_feed_key(&self, key: &str) -> Result<Option<Seminar>, StorageError> {
        self.seminar_where("feed_key", key).await
    }

    async fn set_announcement(&self, id: i64, event: &str) -> Result<(), StorageError> {
        let sql = "UPDATE seminars SET announcement_event = $2 WHERE id = $1";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(event).execute(pool).await?;
        });
        Ok(())
    }

    async fn list_seminars(
        &self,
        from: i64,
        cancelled: bool,
        limit: i64,
    ) -> Result<Vec<Seminar>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM seminars WHERE starts_at + duration_minutes * 60000 >= $1 \
             AND (cancelled = FALSE OR $2) ORDER BY starts_at, id LIMIT $3"
        );
        let rows: Vec<SeminarRow> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(from)
                .bind(cancelled)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(Seminar::try_from).collect()
    }

    async fn reschedule_seminar(
        &self,
        id: i64,
        starts_at: i64,
        zone: &str,
        at: i64,
    ) -> Result<(), StorageError> {
        let sql = "UPDATE seminars SET starts_at = $2, zone = $3, sequence = sequence + 1, \
                   updated_at = $4 WHERE id = $1";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(starts_at).bind(zone).bind(at).execute(pool).await?;
        });
        Ok(())
    }

    async fn cancel_seminar(&self, id: i64, at: i64) -> Result<(), StorageError> {
        let sql = "UPDATE seminars SET cancelled = TRUE, sequence = sequence + 1, updated_at = $2 \
                   WHERE id = $1 AND cancelled = FALSE";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(at).execute(pool).await?;
        });
        Ok(())
    }

    async fn answer_seminar(
        &self,
        id: i64,
        state: CountryCode,
        answer: Rsvp,
        user: &str,
        event: &str,
        at: i64,
    ) -> Result<(), StorageError> {
        let sql = "INSERT INTO seminar_rsvps (seminar_id, state, answer, user_id, event_id, at) \
                   VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (seminar_id, state) DO UPDATE \
                   SET answer = $3, user_id = $4, event_id = $5, at = $6";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(id)
                .bind(state.as_str())
                .bind(answer.as_str())
                .bind(user)
                .bind(event)
                .bind(at)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    async fn seminar_answers(&self, id: i64) -> Result<Vec<SeminarAnswer>, StorageError> {
        let sql = "SELECT state, answer, user_id, at FROM seminar_rsvps WHERE seminar_id = $1 \
                   ORDER BY state";
        let rows: Vec<(String, String, String, i64)> = on_pool!(self, pool => {
            sqlx::query_as(sql).bind(id).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(state, answer, user_id, at)| {
                let corrupt =
                    || StorageError::Corrupt(format!("seminar {id}: answer {state}/{answer}"));
                Ok(SeminarAnswer {
                    state: CountryCode::parse(&state).map_err(|_| corrupt())?,
                    answer: Rsvp::parse(&answer).ok_or_else(corrupt)?,
                    user_id,
                    at,
                })
            })
            .collect()
    }

    async fn link_request(&self, id: i64, request: i64) -> Result<bool, StorageError> {
        let sql = "INSERT INTO seminar_requests (seminar_id, request_id) \
                   SELECT $1, id FROM requests WHERE id = $2 \
                   ON CONFLICT (seminar_id, request_id) DO NOTHING";
        let exists = "SELECT COUNT(*) FROM requests WHERE id = $1";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(request).execute(pool).await?;
        });
        let n: i64 = on_pool!(self, pool => {
            sqlx::query_scalar(exists).bind(request).fetch_one(pool).await?
        });
        Ok(n == 1)
    }

    async fn seminar_requests(&self, id: i64) -> Result<Vec<i64>, StorageError> {
        let sql =
            "SELECT request_id FROM seminar_requests WHERE seminar_id = $1 ORDER BY request_id";
        let ids: Vec<i64> =
            on_pool!(self, pool => sqlx::query_scalar(sql).bind(id).fetch_all(pool).await?);
        Ok(ids)
    }

    async fn request_seminars(&self, request: i64) -> Result<Vec<Seminar>, StorageError> {
        let columns: Vec<String> = COLUMNS.split(", ").map(|c| format!("s.{}", c.trim())).collect();
        let sql = format!(
            "SELECT {} FROM seminars s JOIN seminar_requests l ON l.seminar_id = s.id \
             WHERE l.request_id = $1 ORDER BY s.starts_at, s.id",
            columns.join(", ")
        );
        let rows: Vec<SeminarRow> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(request).fetch_all(pool).await?
        });
        rows.into_iter().map(Seminar::try_from).collect()
    }

    async fn set_minutes(
        &self,
        id: i64,
        text: &str,
        by: &str,
        at: i64,
    ) -> Result<(), StorageError> {
        let sql = "UPDATE seminars SET minutes = $2, minutes_by = $3, minutes_at = $4, \
                   updated_at = $4 WHERE id = $1";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(text).bind(by).bind(at).execute(pool).await?;
        });
        Ok(())
    }
}
