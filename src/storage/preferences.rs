//! What people chose for themselves: the language of the bot's answers and
//! the time zone of the times it shows them.

use std::future::Future;

use super::{now_ms, on_pool, Database, StorageError};

/// Where people's own choices are kept, by full Matrix user ID.
pub trait PreferenceStore {
    /// The language `user` chose (a catalog code), if any.
    fn user_language(
        &self,
        user: &str,
    ) -> impl Future<Output = Result<Option<String>, StorageError>> + Send;

    /// Records that `user` chose `language`.
    fn set_user_language(
        &self,
        user: &str,
        language: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The time zone `user` chose (an IANA name), if any.
    fn user_time_zone(
        &self,
        user: &str,
    ) -> impl Future<Output = Result<Option<String>, StorageError>> + Send;

    /// Records that `user` chose time zone `zone`.
    fn set_user_time_zone(
        &self,
        user: &str,
        zone: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

impl PreferenceStore for Database {
    async fn user_language(&self, user: &str) -> Result<Option<String>, StorageError> {
        let sql = "SELECT language FROM user_languages WHERE user_id = $1";
        let language: Option<String> = on_pool!(self, pool => {
            sqlx::query_scalar(sql).bind(user).fetch_optional(pool).await?
        });
        Ok(language)
    }

    async fn set_user_language(&self, user: &str, language: &str) -> Result<(), StorageError> {
        let sql = "INSERT INTO user_languages (user_id, language, updated_at) VALUES ($1, $2, $3) \
                   ON CONFLICT (user_id) DO UPDATE SET language = $2, updated_at = $3";
        let now = now_ms();
        on_pool!(self, pool => {
            sqlx::query(sql).bind(user).bind(language).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    async fn user_time_zone(&self, user: &str) -> Result<Option<String>, StorageError> {
        let sql = "SELECT zone FROM user_time_zones WHERE user_id = $1";
        let zone: Option<String> = on_pool!(self, pool => {
            sqlx::query_scalar(sql).bind(user).fetch_optional(pool).await?
        });
        Ok(zone)
    }

    async fn set_user_time_zone(&self, user: &str, zone: &str) -> Result<(), StorageError> {
        let sql = "INSERT INTO user_time_zones (user_id, zone, updated_at) VALUES ($1, $2, $3) \
                   ON CONFLICT (user_id) DO UPDATE SET zone = $2, updated_at = $3";
        let now = now_ms();
        on_pool!(self, pool => {
            sqlx::query(sql).bind(user).bind(zone).bind(now).execute(pool).await?;
        });
        Ok(())
    }
}
