//! Errors of the HTTP layer, as JSON responses.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::storage::StorageError;

/// What went wrong, as the API reports it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No valid token.
    #[error("a valid bearer token is required")]
    Unauthorized,
    /// The token's scope does not cover this.
    #[error("this token's scope does not cover this resource")]
    Forbidden,
    /// Nothing there.
    #[error("not found")]
    NotFound,
    /// A parameter does not parse.
    #[error("{0}")]
    BadRequest(String),
    /// The database failed.
    #[error("the database is unavailable")]
    Storage(#[from] StorageError),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Storage(e) => {
                tracing::error!(error = %e, "database error in the API");
                crate::telemetry::metrics::database_error();
                StatusCode::SERVICE_UNAVAILABLE
            }
        };
        let mut response = (status, Json(json!({ "error": self.to_string() }))).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(axum::http::header::WWW_AUTHENTICATE, "Bearer".parse().expect("static"));
        }
        response
    }
}
