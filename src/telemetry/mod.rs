//! Logging (`tracing` events to a sink, as readable lines or JSON) and, in
//! [`metrics`], the process metrics and liveness facts.
//!
//! The filter comes from `RUST_LOG` when set, else from `log.level`.
//! Secrets are wrapped in `SecretString` and never reach a log field.

pub mod metrics;

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber writing to `sink` (stderr in production,
/// a buffer in tests). Fails if one is already installed.
pub fn init<W>(format: LogFormat, default_filter: &str, sink: W) -> Result<(), String>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(default_filter))
        .map_err(|e| format!("invalid log filter `{default_filter}`: {e}"))?;
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder =
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(sink).with_ansi(ansi);
    let result = match format {
        LogFormat::Human => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).try_init(),
    };
    result.map_err(|e| e.to_string())
}
