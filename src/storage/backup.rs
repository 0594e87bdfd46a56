//! Consistent copies of SQLite files for backups (`VACUUM INTO`: a
//! transactionally consistent snapshot, taken while the writer runs), and
//! the lock that keeps a SQLite database to one running instance.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::StorageError;

/// The file of a `sqlite://…` URL (`None` for an in-memory database).
pub fn sqlite_path(url: &str) -> Result<Option<PathBuf>, StorageError> {
    let options = SqliteConnectOptions::from_str(url).map_err(StorageError::Connect)?;
    let path = options.get_filename();
    Ok((!in_memory(path)).then(|| path.to_path_buf()))
}

/// Whether a SQLite file name is an in-memory database (`sqlite::memory:`
/// reads as a shared-cache name, not a file).
fn in_memory(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name == ":memory:" || name.starts_with("file:sqlx-in-memory")
}

/// Copies the SQLite database `from` into the new file `to`, consistently
/// even while another process writes to it.
pub async fn copy_sqlite(from: &Path, to: &Path) -> Result<(), StorageError> {
    let mut connection = SqliteConnectOptions::new()
        .filename(from)
        .read_only(true)
        .connect()
        .await
        .map_err(StorageError::Connect)?;
    sqlx::query("VACUUM INTO $1").bind(to.display().to_string()).execute(&mut connection).await?;
    connection.close().await?;
    Ok(())
}

/// A running instance's hold on a SQLite database: released when the
/// process ends, however it ends.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    /// The lock file.
    pub path: PathBuf,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it.
    #[error(
        "another `peerlink run` is using the SQLite database {database}: SQLite serves one \
         running instance. Stop the other one first, or use PostgreSQL to run several instances."
    )]
    Held {
        /// The database file.
        database: String,
    },
    /// The lock file could not be opened.
    #[error("cannot open the lock file {path}: {source}")]
    Io {
        /// The lock file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Takes the one-instance lock of the SQLite database at `database` (a file
/// `<database>.lock` beside it, locked for the life of the process).
pub fn lock_sqlite(database: &Path) -> Result<InstanceLock, LockError> {
    let path = PathBuf::from(format!("{}.lock", database.display()));
    let io = |source| LockError::Io { path: path.display().to_string(), source };
    crate::config::ensure_parent_dir(&path).map_err(io)?;
    let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(InstanceLock { _file: file, path }),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(LockError::Held { database: database.display().to_string() })
        }
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

/// Held while one process provisions: another (the CLI beside the running
/// bot, or another instance) waits for it, then finds the work done.
#[derive(Debug)]
pub enum ProvisioningLock {
    /// A PostgreSQL session holding the advisory lock (closing it releases it).
    Postgres(sqlx::PgConnection),
    /// A locked file beside the SQLite database.
    Sqlite(File),
    /// An in-memory database: one process only.
    None,
}

/// The advisory lock key of provisioning ("peerlink" in ASCII, shortened).
const PROVISIONING_KEY: i64 = 0x7065_6572_6c69;

impl super::Database {
    /// Waits until no other process provisions this network, then holds
    /// that right until the returned lock is dropped.
    pub async fn provisioning_lock(&self) -> Result<ProvisioningLock, StorageError> {
        match self {
            super::Database::Postgres(pool) => {
                let mut conn = pool.acquire().await?.detach();
                sqlx::query("SELECT pg_advisory_lock($1)")
                    .bind(PROVISIONING_KEY)
                    .execute(&mut conn)
                    .await?;
                Ok(ProvisioningLock::Postgres(conn))
            }
            super::Database::Sqlite(pool) => {
                let name = pool.connect_options().get_filename().to_path_buf();
                if in_memory(&name) {
                    return Ok(ProvisioningLock::None);
                }
                let path = PathBuf::from(format!("{}.provisioning.lock", name.display()));
                let file = File::options()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&path)
                    .map_err(|e| StorageError::Corrupt(format!("{}: {e}", path.display())))?;
                let file = tokio::task::spawn_blocking(move || file.lock().map(|()| file))
                    .await
                    .map_err(|e| StorageError::Corrupt(e.to_string()))?
                    .map_err(|e| StorageError::Corrupt(format!("{}: {e}", path.display())))?;
                Ok(ProvisioningLock::Sqlite(file))
            }
            _ => Err(StorageError::TransactionEnded),
        }
    }

    /// Whether the database holds any table (a restore goes only into an
    /// empty one).
    pub async fn has_tables(&self) -> Result<bool, StorageError> {
        let n: i64 =
            match self {
                super::Database::Sqlite(pool) => {
                    sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
                        .fetch_one(pool)
                        .await?
                }
                super::Database::Postgres(pool) => sqlx::query_scalar(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
                )
                .fetch_one(pool)
                .await?,
                _ => return Err(StorageError::TransactionEnded),
            };
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_database_is_refused_until_the_first_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("peerlink.db");
        let first = lock_sqlite(&db).unwrap();
        let second = lock_sqlite(&db).unwrap_err();
        assert!(second.to_string().contains("another `peerlink run`"), "{second}");
        drop(first);
        lock_sqlite(&db).unwrap();
    }

    #[tokio::test]
    async fn a_copy_is_a_consistent_database() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("a.db");
        let url = format!("sqlite://{}", from.display());
        let db = crate::storage::Database::connect_and_migrate(&url, 1).await.unwrap();
        let to = dir.path().join("b.db");
        copy_sqlite(&from, &to).await.unwrap();
        let copy = format!("sqlite://{}", to.display());
        let copied = crate::storage::Database::connect_and_migrate(&copy, 1).await.unwrap();
        use crate::storage::RosterStore;
        assert_eq!(copied.roster_version().await.unwrap(), db.roster_version().await.unwrap());
        assert_eq!(sqlite_path(&url).unwrap(), Some(from));
        assert_eq!(sqlite_path("sqlite::memory:").unwrap(), None);
    }
}
