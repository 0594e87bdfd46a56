//! A device that does not lead yet keeps its end-to-end encryption current.
//!
//! Each instance is a device of its own. While another instance leads,
//! delegates' clients still encrypt for this device: the room keys of what
//! they send reach it as to-device messages. Those wait on the homeserver
//! only until this device syncs with a position past them, and the leader's
//! position (the shared one in the database, which this device takes up
//! when it leads) is usually past them. So a standby syncs on its own
//! position, naming no room: it uploads its device keys (and new one-time
//! keys as senders use them up), and stores the room keys as they come.
//! Nothing is handled and the shared position is not touched.
//!
//! When it takes the lead it reads once more what is waiting for it
//! ([`catch_up`]), then the sync loop goes on from the shared position.

use std::time::Duration;

use matrix_sdk::config::{SyncSettings, SyncToken};
use matrix_sdk::ruma::api::client::filter::FilterDefinition;
use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter;
use matrix_sdk::Client;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

use super::MatrixError;

/// Long-poll timeout of a standby's sync.
const STANDBY_TIMEOUT: Duration = Duration::from_secs(30);

/// A sync from this device's own position, waiting up to `timeout`, with a
/// filter that names no room and leaves presence and account data out: what
/// remains is this device's own traffic (to-device messages, key counts,
/// device lists).
fn device_only(timeout: Duration) -> SyncSettings {
    let mut filter = FilterDefinition::default();
    filter.room.rooms = Some(Vec::new());
    filter.presence.not_types = vec!["*".to_owned()];
    filter.account_data.not_types = vec!["*".to_owned()];
    SyncSettings::default()
        .token(SyncToken::ReusePrevious)
        .timeout(timeout)
        .filter(Filter::FilterDefinition(filter))
}

/// One sync of this device's own traffic that returns at once: uploads the
/// device's keys (so senders encrypt for it from now on) and stores the room
/// keys waiting for it. A standby does this at start, and every instance
/// again the moment it takes the lead.
pub async fn catch_up(client: &Client) -> Result<(), MatrixError> {
    let response = client.sync_once(device_only(Duration::ZERO)).await?;
    debug!(to_device = response.to_device.len(), "caught up with this device's messages");
    Ok(())
}

/// Syncs this device's own traffic until `stop` is cancelled (this instance
/// takes the lead, or the process stops).
pub async fn keep_current(client: Client, stop: CancellationToken) {
    let mut failures = 0u32;
    loop {
        let result = tokio::select! {
            _ = stop.cancelled() => return,
            r = client.sync_once(device_only(STANDBY_TIMEOUT)) => r,
        };
        match result {
            Ok(response) => {
                if failures > 0 {
                    info!(failures, "the standby's sync is back");
                }
                failures = 0;
                if !response.to_device.is_empty() {
                    debug!(
                        to_device = response.to_device.len(),
                        "standby: messages for this device"
                    );
                }
            }
            Err(e) => {
                failures += 1;
                let delay = super::sync::backoff(failures);
                warn!(error = %e, failures, retry_in_ms = delay.as_millis() as u64, "standby: cannot sync this device's messages");
                tokio::select! {
                    _ = stop.cancelled() => return,
                    _ = tokio::time::sleep(delay) => {}
                }
            }
        }
    }
}
