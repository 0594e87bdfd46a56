//! Logging in once and staying the same device: the session (device ID and
//! access token) is saved next to the matrix-sdk store, so a restart reuses
//! the device, its encryption keys and its sync position.

use std::path::Path;

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::authentication::SessionTokens;
use matrix_sdk::{Client, SessionMeta, SqliteStoreConfig};
use secrecy::ExposeSecret;
use tracing::info;

use super::MatrixError;
use crate::config::Settings;

/// Builds a client on the persistent store and logs it in: restores the saved
/// session if there is one, else uses the access token, else the password.
///
/// matrix-sdk keeps its own sync position in the store: this device's, used
/// as it is for a standby's own syncs (see `standby`); the sync loop syncs
/// from peerlink's shared position and keeps the two apart (see
/// `sync::realign`).
pub async fn connect(settings: &Settings) -> Result<Client, MatrixError> {
    let store_dir = settings.matrix_store_dir();
    std::fs::create_dir_all(&store_dir)
        .map_err(|e| MatrixError::Store(format!("cannot create {}: {e}", store_dir.display())))?;
    let passphrase = settings.matrix.store_passphrase.as_ref().map(|p| p.expose_secret());
    // A bot's stores are small and used by one task at a time: one
    // connection per core and 500 kB of page cache each, instead of four
    // connections per core with 2 MB each (matrix-sdk's defaults, made for
    // apps with many rooms open at once).
    let store = SqliteStoreConfig::with_low_memory_config(&store_dir).passphrase(passphrase);
    let client = Client::builder()
        .homeserver_url(settings.matrix.homeserver_url.as_str())
        .sqlite_store_with_config_and_cache_path(store, None::<&std::path::Path>)
        .build()
        .await
        .map_err(|e| MatrixError::Store(e.to_string()))?;

    let session_file = settings.session_file();
    if let Some(session) = read_session(&session_file)? {
        if session.meta.user_id.as_str() != settings.matrix.user_id {
            return Err(MatrixError::SessionMismatch {
                file: session_file.display().to_string(),
                saved: session.meta.user_id.to_string(),
                configured: settings.matrix.user_id.clone(),
            });
        }
        info!(device_id = %session.meta.device_id, "restoring the saved Matrix session");
        client.matrix_auth().restore_session(session, Default::default()).await?;
    } else if let Some(token) = &settings.matrix.access_token {
        let session = session_from_token(&client, token.expose_secret()).await?;
        info!(device_id = %session.meta.device_id, "using the configured access token");
        client.matrix_auth().restore_session(session, Default::default()).await?;
    } else if let Some(password) = &settings.matrix.password {
        client
            .matrix_auth()
            .login_username(&settings.matrix.user_id, password.expose_secret())
            .initial_device_display_name(&settings.matrix.device_name)
            .send()
            .await
            .map_err(|e| MatrixError::Login(e.to_string()))?;
        let session = client.matrix_auth().session().ok_or(MatrixError::NoSession)?;
        info!(device_id = %session.meta.device_id, "logged in with a new device");
        write_session(&session_file, &session)?;
    } else {
        return Err(MatrixError::NoCredentials);
    }

    // A revoked or expired saved token shows up here, not at the first sync.
    let whoami = client.whoami().await.map_err(|e| {
        MatrixError::Login(format!(
            "the homeserver rejected the session ({e}); if the bot's device was logged out, \
         delete {} and {} to log in again",
            session_file.display(),
            store_dir.display()
        ))
    })?;
    if whoami.user_id.as_str() != settings.matrix.user_id {
        return Err(MatrixError::SessionMismatch {
            file: "the access token".to_owned(),
            saved: whoami.user_id.to_string(),
            configured: settings.matrix.user_id.clone(),
        });
    }
    Ok(client)
}

async fn session_from_token(client: &Client, token: &str) -> Result<MatrixSession, MatrixError> {
    // Ask the homeserver whose token this is, with a throwaway session.
    let probe = Client::builder()
        .homeserver_url(client.homeserver())
        .build()
        .await
        .map_err(|e| MatrixError::Store(e.to_string()))?;
    let placeholder = MatrixSession {
        meta: SessionMeta { user_id: "@probe:invalid".try_into()?, device_id: "PROBE".into() },
        tokens: SessionTokens { access_token: token.to_owned(), refresh_token: None },
    };
    probe.matrix_auth().restore_session(placeholder, Default::default()).await?;
    let whoami = probe.whoami().await.map_err(|e| MatrixError::Login(e.to_string()))?;
    let device_id = whoami.device_id.ok_or_else(|| {
        MatrixError::Login("the access token is not bound to a device".to_owned())
    })?;
    Ok(MatrixSession {
        meta: SessionMeta { user_id: whoami.user_id, device_id },
        tokens: SessionTokens { access_token: token.to_owned(), refresh_token: None },
    })
}

fn read_session(path: &Path) -> Result<Option<MatrixSession>, MatrixError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| {
            MatrixError::Store(format!("{} is not a valid session: {e}", path.display()))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(MatrixError::Store(format!("cannot read {}: {e}", path.display()))),
    }
}

fn write_session(path: &Path, session: &MatrixSession) -> Result<(), MatrixError> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;

    let json = serde_json::to_string(session)
        .map_err(|e| MatrixError::Store(format!("cannot serialize the session: {e}")))?;
    let tmp = path.with_extension("json.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    // The file holds the access token: readable by the bot's user only.
    #[cfg(unix)]
    options.mode(0o600);
    let write = || -> std::io::Result<()> {
        let mut file = options.open(&tmp)?;
        file.write_all(json.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|e| MatrixError::Store(format!("cannot write {}: {e}", path.display())))
}

/// A client for one-off admin work from the CLI (provisioning) while the bot
/// may be running: no persistent store, so it never touches the bot's
/// encryption keys. It reuses the bot's saved session or access token; with
/// only a password it logs in as a temporary device, and the returned flag
/// says to log that device out when done.
pub async fn connect_for_cli(settings: &Settings) -> Result<(Client, bool), MatrixError> {
    let client = Client::builder()
        .homeserver_url(settings.matrix.homeserver_url.as_str())
        .build()
        .await
        .map_err(|e| MatrixError::Store(e.to_string()))?;
    let session = match read_session(&settings.session_file())? {
        Some(session) => Some(session),
        None => match &settings.matrix.access_token {
            Some(token) => Some(session_from_token(&client, token.expose_secret()).await?),
            None => None,
        },
    };
    if let Some(session) = session {
        client.matrix_auth().restore_session(session, Default::default()).await?;
        return Ok((client, false));
    }
    let password = settings.matrix.password.as_ref().ok_or(MatrixError::NoCredentials)?;
    client
        .matrix_auth()
        .login_username(&settings.matrix.user_id, password.expose_secret())
        .initial_device_display_name(&format!("{} (command line)", settings.matrix.device_name))
        .send()
        .await
        .map_err(|e| MatrixError::Login(e.to_string()))?;
    Ok((client, true))
}
