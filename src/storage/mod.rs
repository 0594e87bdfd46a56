//! The database: SQLite (one file, the default) or PostgreSQL (for scale),
//! behind one [`Database`] type.
//!
//! Queries are written once in the SQL both backends accept (`$1`
//! placeholders, `ON CONFLICT`), and run on the concrete pool of each backend
//! through [`on_pool!`], so values keep their native types. Migrations live
//! per backend in `migrations/sqlite` and `migrations/postgres`; they are
//! never edited once released.

pub mod backup;
mod events;
mod experts;
mod jobs;
mod leadership;
mod membership;
mod memory;
mod offers;
mod outbox;
mod plan;
mod postgres;
mod practices;
mod preferences;
mod requests;
mod rooms;
mod roster;
mod seminars;
mod sqlite;
mod tokens;
mod working_rooms;

use std::time::{SystemTime, UNIX_EPOCH};

use std::sync::Arc;

use sqlx::migrate::Migrator;
use sqlx::{PgPool, SqlitePool};
use tokio::sync::Mutex;

pub use events::{EventClaim, ProcessedEvents, SyncTokens};
pub use experts::{ExpertScope, ExpertStore};
pub use jobs::{JobStore, ScheduledJob};
pub use leadership::Lease;
pub use membership::{MembershipStore, NewApplication, VoteRecord};
pub use memory::{MemoryStore, SearchDocument, SearchFilter, SearchHit};
pub use offers::OfferStore;
pub use outbox::{Destination, Outbox, OutboxCounts, OutboxEntry, Outgoing, Retry};
pub use plan::{PlanLink, PlanStore, PlanUpdate, StateChange};
pub use practices::PracticeStore;
pub use preferences::PreferenceStore;
pub use requests::stats::{month_key, CountRow, Deadlines, FiledMonth, RequestStatsStore, Wait};
pub use requests::{OutcomeRecord, RequestFilter, RequestStore, RequestTimes, Step};
pub use rooms::RoomStore;
pub use roster::{RosterHistoryEntry, RosterStore};
pub use seminars::SeminarStore;
pub use tokens::{StoredToken, TokenStore};
pub use working_rooms::{WorkingRoomRecord, WorkingRoomStore};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Runs the same code on whichever pool a [`Database`] holds, or on the
/// connection of its open transaction (see [`Database::begin`]).
///
/// In `$body`, `$pool` is an executor; use it once per statement (a
/// `&mut` connection cannot be used twice) and call `.begin()` on it for a
/// multi-statement write (a savepoint inside a transaction). The body must
/// not call other `Database` methods: inside a transaction they would wait
/// for the connection the body holds.
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::storage::Database::Sqlite($pool) => $body,
            $crate::storage::Database::Postgres($pool) => $body,
            $crate::storage::Database::SqliteTx(tx) => {
                #[allow(unused_imports)]
                use sqlx::Connection as _;
                let mut guard = tx.lock().await;
                let $pool: &mut sqlx::SqliteConnection = guard.connection()?;
                $body
            }
            $crate::storage::Database::PostgresTx(tx) => {
                #[allow(unused_imports)]
                use sqlx::Connection as _;
                let mut guard = tx.lock().await;
                let $pool: &mut sqlx::PgConnection = guard.connection()?;
                $body
            }
        }
    };
}
pub(crate) use on_pool;

/// An open connection pool on one of the supported backends, or a unit of
/// work: one transaction on it, shared by every clone of the handle.
#[derive(Debug, Clone)]
pub enum Database {
    /// An embedded SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL server.
    Postgres(PgPool),
    /// A transaction on a SQLite pool ([`Database::begin`]).
    SqliteTx(SharedTx<sqlx::Sqlite>),
    /// A transaction on a PostgreSQL pool ([`Database::begin`]).
    PostgresTx(SharedTx<sqlx::Postgres>),
}

/// An open transaction that several handles use in turn.
pub struct SharedTx<DB: sqlx::Database> {
    tx: Arc<Mutex<Option<sqlx::Transaction<'static, DB>>>>,
    /// Whether this unit of work changed the roster: its roster reads may
    /// then show what is not committed (and may never be).
    roster_written: Arc<std::sync::atomic::AtomicBool>,
}

impl<DB: sqlx::Database> Clone for SharedTx<DB> {
    fn clone(&self) -> Self {
        Self { tx: Arc::clone(&self.tx), roster_written: Arc::clone(&self.roster_written) }
    }
}

impl<DB: sqlx::Database> std::fmt::Debug for SharedTx<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedTx")
    }
}

impl<DB: sqlx::Database> SharedTx<DB> {
    fn new(tx: sqlx::Transaction<'static, DB>) -> Self {
        Self { tx: Arc::new(Mutex::new(Some(tx))), roster_written: Arc::default() }
    }

    /// Waits for the transaction (statements run one at a time).
    pub(crate) async fn lock(&self) -> TxGuard<'_, DB> {
        TxGuard(self.tx.lock().await)
    }

    async fn take(&self) -> Result<sqlx::Transaction<'static, DB>, StorageError> {
        self.tx.lock().await.take().ok_or(StorageError::TransactionEnded)
    }

    /// Notes that this unit of work changes the roster.
    pub(crate) fn mark_roster_written(&self) {
        self.roster_written.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Whether this unit of work changed the roster.
    pub(crate) fn roster_written(&self) -> bool {
        self.roster_written.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// The transaction of a [`SharedTx`], held for one statement or savepoint.
pub(crate) struct TxGuard<'a, DB: sqlx::Database>(
    tokio::sync::MutexGuard<'a, Option<sqlx::Transaction<'static, DB>>>,
);

impl<DB: sqlx::Database> TxGuard<'_, DB> {
    /// The transaction's connection; an error once it was committed or
    /// rolled back.
    pub(crate) fn connection(&mut self) -> Result<&mut DB::Connection, StorageError> {
        self.0.as_mut().map(|tx| &mut **tx).ok_or(StorageError::TransactionEnded)
    }
}

/// Which backend a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseKind {
    /// `sqlite://…`
    Sqlite,
    /// `postgres://…` or `postgresql://…`
    Postgres,
}

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The URL names no supported backend.
    #[error("unsupported database URL `{0}`: use sqlite://PATH or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    /// The database could not be opened or reached.
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("database query failed: {0}")]
    Query(#[from] sqlx::Error),
    /// Stored data does not parse (edited by hand, or a bug).
    #[error("the database holds an invalid value: {0}")]
    Corrupt(String),
    /// A change did not apply because the data changed meanwhile.
    #[error("the roster changed while this was being applied; nothing was changed ({0})")]
    Conflict(String),
    /// A statement was run on a unit of work already committed or rolled back.
    #[error("the transaction has already ended")]
    TransactionEnded,
    /// A lookup failed on purpose (`PEERLINK_FAIL`, tests only).
    #[error(transparent)]
    Injected(#[from] crate::fault::Injected),
    /// The SQLite file's folder could not be created.
    #[error("cannot create the folder for the SQLite file {path}: {source}")]
    CreateDir {
        /// The folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl StorageError {
    /// Whether trying again later may succeed: the database is unreachable,
    /// busy, restarting or out of connections, or the data changed meanwhile. Anything else (a bug, bad
    /// data, a constraint) fails the same way every time.
    pub fn is_transient(&self) -> bool {
        match self {
            // A conflict is read anew on the next attempt.
            StorageError::Connect(_) | StorageError::Injected(_) | StorageError::Conflict(_) => {
                true
            }
            StorageError::Query(e) => is_transient_sqlx(e),
            _ => false,
        }
    }
}

fn is_transient_sqlx(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| is_transient_code(&code)),
        _ => false,
    }
}

/// PostgreSQL SQLSTATEs of a connection lost, a server shutting down or out
/// of resources, a serialization failure or deadlock; SQLite's BUSY, LOCKED,
/// IOERR and CANTOPEN (extended codes included).
fn is_transient_code(code: &str) -> bool {
    // A SQLSTATE has five characters (often all digits, as 08006); SQLite's
    // extended result codes have at most four digits.
    if code.len() == 5 {
        return ["08", "53", "57P", "40001", "40P01", "55P03"].iter().any(|p| code.starts_with(p));
    }
    code.parse::<u32>().is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 10 | 14))
}

impl DatabaseKind {
    /// Reads the backend from a database URL.
    pub fn from_url(url: &str) -> Result<Self, StorageError> {
        let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("sqlite") => Ok(DatabaseKind::Sqlite),
            Some("postgres" | "postgresql") => Ok(DatabaseKind::Postgres),
            _ => Err(StorageError::UnsupportedUrl(crate::config::redact_url(url))),
        }
    }
}

impl Database {
    /// Opens a pool for `url` (a SQLite file is created if missing).
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StorageError> {
        match DatabaseKind::from_url(url)? {
            DatabaseKind::Sqlite => sqlite::connect(url, max_connections).await.map(Self::Sqlite),
            DatabaseKind::Postgres => {
                postgres::connect(url, max_connections).await.map(Self::Postgres)
            }
        }
    }

    /// Opens the database and brings its schema up to date.
    pub async fn connect_and_migrate(
        url: &str,
        max_connections: u32,
    ) -> Result<Self, StorageError> {
        let db = Self::connect(url, max_connections).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, StorageError> {
        let before = self.applied_migrations().await.unwrap_or(0);
        match self {
            Database::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Database::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
            Database::SqliteTx(_) | Database::PostgresTx(_) => {
                return Err(StorageError::Corrupt("migrations cannot run in a transaction".into()))
            }
        }
        Ok(self.applied_migrations().await?.saturating_sub(before))
    }

    async fn applied_migrations(&self) -> Result<usize, StorageError> {
        let sql = "SELECT COUNT(*) FROM _sqlx_migrations WHERE success";
        let count: i64 = on_pool!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await?);
        Ok(usize::try_from(count).unwrap_or(0))
    }

    /// Which backend this is.
    pub fn kind(&self) -> DatabaseKind {
        match self {
            Database::Sqlite(_) | Database::SqliteTx(_) => DatabaseKind::Sqlite,
            Database::Postgres(_) | Database::PostgresTx(_) => DatabaseKind::Postgres,
        }
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), StorageError> {
        on_pool!(self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection (waits for queries in flight); a unit of
    /// work is rolled back.
    pub async fn close(&self) {
        match self {
            Database::Sqlite(pool) => pool.close().await,
            Database::Postgres(pool) => pool.close().await,
            Database::SqliteTx(_) | Database::PostgresTx(_) => {
                let _ = self.clone().rollback().await;
            }
        }
    }

    /// Starts a unit of work: every query through the returned handle (and
    /// its clones) runs in one transaction, made durable by
    /// [`commit`](Self::commit) or undone by [`rollback`](Self::rollback)
    /// (or by dropping every handle). On SQLite the first statement should
    /// write, so the transaction takes the write lock before it reads.
    pub async fn begin(&self) -> Result<Database, StorageError> {
        Ok(match self {
            Database::Sqlite(pool) => Database::SqliteTx(SharedTx::new(pool.begin().await?)),
            Database::Postgres(pool) => Database::PostgresTx(SharedTx::new(pool.begin().await?)),
            Database::SqliteTx(_) | Database::PostgresTx(_) => {
                return Err(StorageError::Corrupt("a unit of work cannot be nested".into()))
            }
        })
    }

    /// Makes a unit of work durable. On a pool handle, does nothing.
    pub async fn commit(self) -> Result<(), StorageError> {
        match self {
            Database::SqliteTx(tx) => tx.take().await?.commit().await?,
            Database::PostgresTx(tx) => tx.take().await?.commit().await?,
            Database::Sqlite(_) | Database::Postgres(_) => {}
        }
        Ok(())
    }

    /// Undoes a unit of work. On a pool handle, does nothing.
    pub async fn rollback(self) -> Result<(), StorageError> {
        match self {
            Database::SqliteTx(tx) => tx.take().await?.rollback().await?,
            Database::PostgresTx(tx) => tx.take().await?.rollback().await?,
            Database::Sqlite(_) | Database::Postgres(_) => {}
        }
        Ok(())
    }
}

/// Milliseconds since the Unix epoch: how times are stored on both backends.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreachable_database_is_worth_retrying_a_bug_is_not() {
        assert!(StorageError::Query(sqlx::Error::PoolTimedOut).is_transient());
        assert!(StorageError::Injected(crate::fault::Injected("x")).is_transient());
        assert!(!StorageError::Corrupt("bad".into()).is_transient());
        assert!(!StorageError::Query(sqlx::Error::RowNotFound).is_transient());
        for code in ["08006", "57P01", "53300", "40001", "5", "517", "10", "266"] {
            assert!(is_transient_code(code), "{code}");
        }
        for code in ["23505", "42P01", "19", "2067", "1"] {
            assert!(!is_transient_code(code), "{code}");
        }
    }

    #[test]
    fn the_backend_is_read_from_the_url_scheme() {
        assert_eq!(DatabaseKind::from_url("sqlite://data/x.db").unwrap(), DatabaseKind::Sqlite);
        assert_eq!(DatabaseKind::from_url("postgresql://h/db").unwrap(), DatabaseKind::Postgres);
        assert!(DatabaseKind::from_url("mysql://h/db").is_err());
        assert!(DatabaseKind::from_url("data.db").is_err());
    }
}
