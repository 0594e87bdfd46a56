//! The rooms on the homeserver: reading one's state (rejoining a room the
//! bot was removed from), creating one marked with which network room it
//! is, and finding a marked room again when a run stopped between creating
//! and recording it.

use std::collections::BTreeMap;

use matrix_sdk::ruma::api::client::membership::{join_room_by_id, joined_rooms};
use matrix_sdk::ruma::api::client::room::create_room;
use matrix_sdk::ruma::api::client::state::{get_state_event_for_key, get_state_events};
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::room::RoomType;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedRoomId, RoomVersionId};
use serde_json::Value;
use tracing::{info, warn};

use super::plan::ObservedRoom;
use super::{sdk_json, Provisioner, Working, MARKER_EVENT};
use crate::domain::{DesiredRoom, RoomKind, Roster};
use crate::matrix::MatrixError;
use crate::storage::RoomStore;

impl Provisioner {
    pub(super) async fn create(
        &self,
        room: &DesiredRoom,
        roster: &Roster,
        working: &BTreeMap<i64, Working>,
    ) -> Result<OwnedRoomId, MatrixError> {
        let (name, topic) = self.texts(&room.kind, roster, working);
        let mut request = create_room::v3::Request::new();
        request.name = Some(name);
        request.topic = Some(topic);
        request.preset = Some(create_room::v3::RoomPreset::PrivateChat);
        request.room_version = Some(RoomVersionId::V12);
        // Which room this is, in the room itself: a room made by a run that
        // stopped before recording it is found again (see `find_marked`).
        let (kind, key) = room.kind.key();
        let marker = serde_json::json!({
            "type": MARKER_EVENT,
            "state_key": "",
            "content": { "kind": kind, "key": key },
        });
        request.initial_state =
            vec![Raw::from_json(serde_json::value::to_raw_value(&marker).map_err(sdk_json)?)];
        crate::fault::point("provision_before_create");
        if room.kind == RoomKind::Space {
            let mut content = create_room::v3::CreationContent::new();
            content.room_type = Some(RoomType::Space);
            request.creation_content = Some(Raw::new(&content).map_err(sdk_json)?);
        }
        let response = self.client.send(request).await.map_err(matrix_sdk::Error::from)?;
        info!(kind = %room.kind, room_id = %response.room_id, "created");
        crate::fault::point("provision_after_create");
        Ok(response.room_id)
    }

    /// A room the bot is in whose marker says it is the room of `kind`, if
    /// any (made by a run that stopped before recording it).
    pub(super) async fn find_marked(
        &self,
        kind: &RoomKind,
    ) -> Result<Option<OwnedRoomId>, MatrixError> {
        let (want_kind, want_key) = kind.key();
        let joined = self
            .client
            .send(joined_rooms::v3::Request::new())
            .await
            .map_err(matrix_sdk::Error::from)?
            .joined_rooms;
        let stored: Vec<String> =
            self.db.provisioned_rooms().await?.into_iter().map(|(_, id)| id).collect();
        for room_id in joined.into_iter().filter(|id| !stored.contains(&id.to_string())) {
            let request = get_state_event_for_key::v3::Request::new(
                room_id.clone(),
                MARKER_EVENT.into(),
                String::new(),
            );
            let Ok(response) = self.client.send(request).await else { continue };
            let Ok(content) = serde_json::from_str::<Value>(response.event_or_content.get()) else {
                continue;
            };
            if content["kind"] == want_kind && content["key"] == want_key.as_str() {
                info!(%kind, %room_id, "found a room made before a restart; keeping it");
                return Ok(Some(room_id));
            }
        }
        Ok(None)
    }

    /// Reads a room's state; `None` if the bot is not (or no longer) in it.
    pub(super) async fn observe(
        &self,
        room_id: &OwnedRoomId,
    ) -> Result<Option<ObservedRoom>, MatrixError> {
        let request = get_state_events::v3::Request::new(room_id.clone());
        match self.client.send(request).await {
            Ok(response) => {
                let mut observed = ObservedRoom::default();
                for raw in response.room_state {
                    let event: Value = raw.deserialize_as_unchecked().map_err(|e| {
                        MatrixError::Store(format!("unreadable state event in {room_id}: {e}"))
                    })?;
                    let key = (
                        event["type"].as_str().unwrap_or_default().to_owned(),
                        event["state_key"].as_str().unwrap_or_default().to_owned(),
                    );
                    observed.state.insert(key, event["content"].clone());
                }
                Ok(Some(observed))
            }
            Err(e)
                if matches!(
                    e.client_api_error_kind(),
                    Some(ErrorKind::Forbidden | ErrorKind::NotFound)
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(matrix_sdk::Error::from(e).into()),
        }
    }

    /// Observes a stored room, rejoining it if the bot was removed; `None`
    /// if the room is lost (deleted, or the bot cannot get back in).
    pub(super) async fn observe_or_rejoin(
        &self,
        room_id: &str,
    ) -> Result<Option<(OwnedRoomId, ObservedRoom)>, MatrixError> {
        let id = OwnedRoomId::try_from(room_id)?;
        if let Some(observed) = self.observe(&id).await? {
            return Ok(Some((id, observed)));
        }
        let rejoin = join_room_by_id::v3::Request::new(id.clone());
        if self.client.send(rejoin).await.is_ok() {
            if let Some(observed) = self.observe(&id).await? {
                info!(room_id, "rejoined a provisioned room");
                return Ok(Some((id, observed)));
            }
        }
        warn!(room_id, "a provisioned room is lost; creating it again");
        Ok(None)
    }
}
