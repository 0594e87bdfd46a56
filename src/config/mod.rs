//! Typed settings, layered: built-in defaults, then a TOML file, then
//! environment variables `PEERLINK__SECTION__KEY`.
//!
//! Secrets (the bot's password or access token, the store passphrase) are
//! settings like the others but are accepted from the environment only: a
//! secret found in a file is a configuration error, so it never ends up in a
//! repository. They are wrapped in [`SecretString`] and never printed.
//!
//! Every field is documented in `config/peerlink.example.toml`; keep both in step.

use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

mod check;
mod guidance;
mod network;
mod plan;

pub use guidance::load_guidance;
pub use network::{line_of, load_network, parse_regions, FileProblem, NetworkError};
pub use plan::{load_plan, parse_plan};

use crate::domain::Language;

/// Prefix of the environment variables that override settings.
pub const ENV_PREFIX: &str = "PEERLINK__";

/// The configuration file read when `--config` is not given (if it exists).
pub const DEFAULT_CONFIG_PATH: &str = "config/peerlink.toml";

/// All settings of a peerlink process.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Directory for persistent state: the Matrix session, the end-to-end
    /// encryption store and, by default, the SQLite database.
    pub data_dir: PathBuf,
    /// How the bot reaches and identifies itself on Matrix.
    pub matrix: MatrixSettings,
    /// The bot's behaviour in rooms.
    pub bot: BotSettings,
    /// Where records are kept.
    pub database: DatabaseSettings,
    /// Logging.
    pub log: LogSettings,
    /// The network definition.
    pub network: NetworkSettings,
    /// Keeping the rooms in their desired state.
    pub provisioning: ProvisioningSettings,
    /// The HTTP server: health, metrics, API, dashboard.
    pub http: HttpSettings,
    /// Several instances on one PostgreSQL database: who leads.
    #[serde(default)]
    pub leadership: LeadershipSettings,
}

/// `[leadership]`: several `peerlink run` instances on one PostgreSQL
/// database (see `src/leader.rs`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadershipSettings {
    /// A standby takes over within about this many seconds of the leader's
    /// last renewal (at least 5).
    pub takeover_secs: u64,
}

impl Default for LeadershipSettings {
    fn default() -> Self {
        Self { takeover_secs: 10 }
    }
}

/// `[http]`: the operations server.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSettings {
    /// Serve HTTP at all.
    pub enabled: bool,
    /// Address to listen on; loopback by default (put a reverse proxy in
    /// front to publish it). Port 0 picks a free port (logged at start).
    pub listen: String,
    /// Where people reach it (behind the reverse proxy), for the links the
    /// bot posts (a seminar's calendar file). Unset: `http://` + the
    /// address it listens on.
    #[serde(default)]
    pub public_url: Option<String>,
    /// API tokens, stored as SHA-256 hashes (`peerlink token new` makes one).
    pub tokens: Vec<TokenSettings>,
}

/// One API token.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenSettings {
    /// Who holds it (shown in logs).
    pub name: String,
    /// `reports` (requests, statistics, outcomes, roster without user IDs)
    /// or `roster` (all of that, plus delegates' user IDs).
    pub scope: String,
    /// Lowercase hex SHA-256 of the token.
    pub sha256: String,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            listen: "127.0.0.1:8090".to_owned(),
            public_url: None,
            tokens: Vec::new(),
        }
    }
}

/// `[provisioning]`: when the bot reconciles the network's rooms.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvisioningSettings {
    /// Reconcile when `peerlink run` starts.
    pub on_start: bool,
    /// Then every this many seconds (0: only at start and by `peerlink provision`).
    pub interval_secs: u64,
    /// How often the running bot looks for roster changes made by another
    /// process (the CLI), in seconds (0: never).
    pub roster_poll_secs: u64,
}

impl Default for ProvisioningSettings {
    fn default() -> Self {
        Self { on_start: true, interval_secs: 300, roster_poll_secs: 2 }
    }
}

/// `[network]`: where the network is defined.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkSettings {
    /// The network definition file (regions, committee, categories, rooms).
    /// Unset: `config/network.toml` if it exists, else the built-in default.
    pub file: Option<PathBuf>,
    /// The action plan file (pillars, objectives, activities). Unset:
    /// `config/action-plan.toml` if it exists, else no plan.
    #[serde(default)]
    pub action_plan: Option<PathBuf>,
    /// The guidance library's folder (a folder per document, a Markdown
    /// file per language). Unset: `config/guidance` if it exists, else none.
    #[serde(default)]
    pub guidance: Option<PathBuf>,
}

/// `[matrix]`: the homeserver and the bot account.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixSettings {
    /// Base URL of the homeserver's client-server API.
    pub homeserver_url: url::Url,
    /// The bot's full Matrix user ID, e.g. `@peerlink:example.org`.
    pub user_id: String,
    /// Device name shown in the account's session list.
    pub device_name: String,
    /// Password of the bot account. Environment only: `PEERLINK__MATRIX__PASSWORD`.
    #[serde(skip_serializing)]
    pub password: Option<SecretString>,
    /// Access token of the bot account, instead of a password.
    /// Environment only: `PEERLINK__MATRIX__ACCESS_TOKEN`.
    #[serde(skip_serializing)]
    pub access_token: Option<SecretString>,
    /// Passphrase that encrypts the local Matrix store (keys, session state).
    /// Environment only: `PEERLINK__MATRIX__STORE_PASSPHRASE`. Optional.
    #[serde(skip_serializing)]
    pub store_passphrase: Option<SecretString>,
}

/// `[bot]`: behaviour in rooms.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BotSettings {
    /// Full Matrix user IDs whose invitations the bot accepts. Invitations from
    /// anyone else are declined and logged.
    pub admins: Vec<String>,
    /// The character(s) that start a command, e.g. `!` in `!help`.
    pub command_prefix: String,
    /// Language of replies when the sender's preference is unknown.
    pub default_language: String,
    /// Commands a sender may send per minute on average.
    pub rate_limit_per_minute: u32,
    /// Commands a sender may send at once before the limit applies.
    pub rate_limit_burst: u32,
    /// Commands of one sender that may wait their turn beyond the burst;
    /// further ones are refused (and the sender told which).
    pub rate_limit_backlog: u32,
}

/// `[database]`: where records are kept.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://PATH` (created if missing) or `postgres://USER@HOST:PORT/DB`.
    pub url: String,
    /// Largest number of open connections in the pool.
    pub max_connections: u32,
}

/// `[log]`: logging.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    /// `human` (readable lines) or `json` (one JSON object per line).
    pub format: LogFormat,
    /// A `tracing` filter such as `info` or `peerlink=debug,info`.
    /// The `RUST_LOG` environment variable, when set, wins.
    pub level: String,
}

/// Output format of the logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Readable lines for a terminal.
    Human,
    /// One JSON object per line, for log collectors.
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("data"),
            matrix: MatrixSettings {
                homeserver_url: url::Url::parse("http://127.0.0.1:8008")
                    .unwrap_or_else(|_| unreachable!("a valid literal URL")),
                user_id: String::new(),
                device_name: "peerlink".to_owned(),
                password: None,
                access_token: None,
                store_passphrase: None,
            },
            bot: BotSettings {
                admins: Vec::new(),
                command_prefix: "!".to_owned(),
                default_language: "en".to_owned(),
                rate_limit_per_minute: 60,
                rate_limit_burst: 20,
                rate_limit_backlog: 50,
            },
            database: DatabaseSettings {
                url: "sqlite://data/peerlink.db".to_owned(),
                max_connections: 5,
            },
            log: LogSettings { format: LogFormat::Human, level: DEFAULT_LOG_LEVEL.to_owned() },
            network: NetworkSettings::default(),
            provisioning: ProvisioningSettings::default(),
            http: HttpSettings::default(),
            leadership: LeadershipSettings::default(),
        }
    }
}

/// Our own events at `info`; matrix-sdk's routine chatter (expected 404s,
/// key backup notices) only from `warn`/`error` up.
pub const DEFAULT_LOG_LEVEL: &str =
    "info,matrix_sdk=warn,matrix_sdk_base=warn,matrix_sdk_crypto=error,matrix_sdk::http_client=off,sqlx=warn";

/// Settings keys that hold secrets and may only come from the environment.
const SECRET_KEYS: [&str; 3] =
    ["matrix.password", "matrix.access_token", "matrix.store_passphrase"];

/// Why settings could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file named with `--config` does not exist.
    #[error("configuration file {0} does not exist")]
    MissingFile(PathBuf),
    /// A value has the wrong type or an unknown key was given.
    #[error("{0}")]
    Invalid(String),
    /// A secret was written in a file instead of the environment.
    #[error(
        "`{key}` is a secret and must come from the environment ({env}), not from {source_name}"
    )]
    SecretInFile { key: String, env: String, source_name: String },
}

/// Where to read the configuration file from.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// `--config FILE`: the file must exist.
    Explicit(PathBuf),
    /// Nothing given: [`DEFAULT_CONFIG_PATH`] is read if it exists.
    Default,
}

impl Settings {
    /// Loads defaults, then the file, then `PEERLINK__…` environment variables.
    pub fn load(source: &ConfigSource) -> Result<Self, ConfigError> {
        let mut settings = Self::load_with_env(source, Env::prefixed(ENV_PREFIX).split("__"))?;
        // Secrets are read verbatim: figment would parse a password of digits
        // as a number.
        let secret = |key: &str| std::env::var(env_name(key)).ok().map(SecretString::from);
        settings.matrix.password = secret("matrix.password");
        settings.matrix.access_token = secret("matrix.access_token");
        settings.matrix.store_passphrase = secret("matrix.store_passphrase");
        Ok(settings)
    }

    fn load_with_env(source: &ConfigSource, env: Env) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match source {
            ConfigSource::Explicit(path) if !path.exists() => {
                return Err(ConfigError::MissingFile(path.clone()))
            }
            ConfigSource::Explicit(path) => figment = figment.merge(Toml::file_exact(path)),
            ConfigSource::Default => figment = figment.merge(Toml::file(DEFAULT_CONFIG_PATH)),
        }
        let figment = figment.merge(env.filter(|key| {
            let key = key.as_str().to_ascii_lowercase().replace("__", ".");
            !SECRET_KEYS.contains(&key.as_str())
        }));
        for key in SECRET_KEYS {
            if let Some(meta) = figment.find_metadata(key) {
                if matches!(meta.source, Some(figment::Source::File(_))) {
                    return Err(ConfigError::SecretInFile {
                        key: key.to_owned(),
                        env: env_name(key),
                        source_name: meta
                            .source
                            .as_ref()
                            .map_or_else(|| meta.name.to_string(), ToString::to_string),
                    });
                }
            }
        }
        figment.extract().map_err(|e| ConfigError::Invalid(describe_figment_error(e)))
    }

    /// The network definition file to read, `None` for the built-in one.
    pub fn network_file(&self) -> Option<PathBuf> {
        let default = Path::new("config/network.toml");
        self.network.file.clone().or_else(|| default.exists().then(|| default.to_path_buf()))
    }

    /// Loads the configured network definition.
    pub fn load_network(&self) -> Result<crate::domain::Network, NetworkError> {
        load_network(self.network_file().as_deref())
    }

    /// The action plan, if one is configured (or `config/action-plan.toml`
    /// exists).
    pub fn load_plan(&self) -> Result<Option<crate::domain::plan::ActionPlan>, NetworkError> {
        let path = match &self.network.action_plan {
            Some(path) => path.clone(),
            None => {
                let default = PathBuf::from("config/action-plan.toml");
                if !default.exists() {
                    return Ok(None);
                }
                default
            }
        };
        load_plan(&path).map(Some)
    }

    /// The guidance library (empty when none is configured and
    /// `config/guidance` does not exist).
    pub fn load_guidance(&self) -> Result<crate::domain::memory::Library, NetworkError> {
        match &self.network.guidance {
            Some(dir) => load_guidance(dir),
            None if Path::new("config/guidance").is_dir() => {
                load_guidance(Path::new("config/guidance"))
            }
            None => Ok(crate::domain::memory::Library::default()),
        }
    }

    /// Directory of the matrix-sdk store (session state and encryption keys).
    pub fn matrix_store_dir(&self) -> PathBuf {
        self.data_dir.join("matrix-store")
    }

    /// File holding the bot's Matrix session (device ID and access token).
    pub fn session_file(&self) -> PathBuf {
        self.data_dir.join("matrix-session.json")
    }

    /// The configured default language (English if unknown; `problems` reports that).
    pub fn default_language(&self) -> Language {
        Language::parse(&self.bot.default_language).unwrap_or_default()
    }
}

/// The environment variable that sets `key` (`matrix.password` -> `PEERLINK__MATRIX__PASSWORD`).
pub fn env_name(key: &str) -> String {
    format!("{ENV_PREFIX}{}", key.replace('.', "__").to_uppercase())
}

/// Hides a password inside a database URL (`postgres://u:secret@h/db`).
pub fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => raw.to_owned(),
    }
}

fn describe_figment_error(error: figment::Error) -> String {
    error
        .into_iter()
        .map(|e| {
            let key = if e.path.is_empty() { String::new() } else { e.path.join(".") };
            let origin = e
                .metadata
                .as_ref()
                .map(|m| m.source.as_ref().map_or_else(|| m.name.to_string(), ToString::to_string));
            match (key.is_empty(), origin) {
                (false, Some(o)) => format!("{key}: {} (from {o})", e.kind),
                (false, None) => format!("{key}: {}", e.kind),
                (true, Some(o)) => format!("{} (from {o})", e.kind),
                (true, None) => e.kind.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Creates `path`'s parent directory if needed (for SQLite files and the data dir).
pub fn ensure_parent_dir(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
