//! PostgreSQL: a server reached by URL; the database must exist.

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::StorageError;

pub(super) async fn connect(url: &str, max_connections: u32) -> Result<PgPool, StorageError> {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(10))
        .connect(url)
        .await
        .map_err(StorageError::Connect)
}
