//! Provisioning: converging the homeserver to the rooms the network should
//! have ([`crate::domain::desired_rooms`]).
//!
//! Three passes: make sure every room exists (the Space first; a room the
//! bot lost is created again), read each room's state from the homeserver
//! and plan the differences ([`plan`]), then apply state changes before
//! invitations and removals. Re-running changes nothing when nothing changed.

pub mod plan;
mod rooms;
mod texts;
mod watch;

use std::collections::BTreeMap;
use std::sync::Arc;

use matrix_sdk::ruma::api::client::membership::{invite_user, kick_user};
use matrix_sdk::ruma::api::client::state::send_state_event;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId};
use matrix_sdk::Client;
use tracing::{info, instrument, warn};

use self::plan::{plan_room, Action, ObservedRoom, RoomSpec};
use super::MatrixError;
use crate::domain::{
    desired_rooms, desired_working_room, server_name_of, DesiredRoom, Language, MatrixUserId,
    Network, Request, RoomKind, Roster, WorkingRoom,
};
use crate::i18n::Catalog;
use crate::storage::{Database, RequestStore, RoomStore, RosterStore, WorkingRoomStore};
use crate::telemetry::metrics;

/// What a reconciliation found and did.
#[derive(Debug, Default)]
pub struct Report {
    /// Every action planned, in order.
    pub actions: Vec<Action>,
    /// Actions that failed, with why.
    pub failures: Vec<(Action, String)>,
}

/// The state event that tells which network room a room is (`kind`, `key`).
const MARKER_EVENT: &str = "org.peerlink.room";

/// How long an invitation may take before the invitee's homeserver is
/// taken as unreachable (the invitation is retried later).
const INVITE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Converges the network's rooms.
#[derive(Clone)]
pub struct Provisioner {
    client: Client,
    db: Database,
    network: Arc<Network>,
    admins: Vec<MatrixUserId>,
    catalog: Arc<Catalog>,
    language: Language,
    /// One reconciliation at a time in this process: two concurrent ones
    /// could both see a room missing and create it twice.
    running: Arc<tokio::sync::Mutex<()>>,
    /// Wakes the provisioning loop (`app::keep_provisioned`) for a run now.
    wake: Arc<tokio::sync::Notify>,
}

impl Provisioner {
    /// A provisioner acting as `client`'s user.
    pub fn new(
        client: Client,
        db: Database,
        network: Arc<Network>,
        admins: Vec<MatrixUserId>,
        catalog: Arc<Catalog>,
        language: Language,
    ) -> Self {
        Self {
            client,
            db,
            network,
            admins,
            catalog,
            language,
            running: Arc::default(),
            wake: Arc::default(),
        }
    }

    /// Asks the provisioning loop for a reconciliation as soon as possible
    /// (after a roster change); requests made while one runs lead to one
    /// more run after it.
    pub fn request_reconcile(&self) {
        self.wake.notify_one();
    }

    /// Resolves when someone called [`request_reconcile`](Self::request_reconcile).
    pub async fn reconcile_requested(&self) {
        self.wake.notified().await;
    }

    fn bot(&self) -> String {
        super::own_user_id(&self.client)
    }

    /// The desired rooms for the current roster.
    pub async fn desired(&self) -> Result<Vec<DesiredRoom>, MatrixError> {
        let roster = self.db.load_roster().await?;
        let working = self.working().await?;
        Ok(self.all_desired(&roster, &working))
    }

    /// The network's rooms and the working rooms of accepted requests.
    fn all_desired(&self, roster: &Roster, working: &BTreeMap<i64, Working>) -> Vec<DesiredRoom> {
        let mut desired = desired_rooms(&self.network, roster, &self.admins);
        desired.extend(
            working
                .values()
                .map(|w| desired_working_room(&self.network, roster, &self.admins, &w.room)),
        );
        desired
    }

    /// The working rooms, with their requests, by request number.
    async fn working(&self) -> Result<BTreeMap<i64, Working>, MatrixError> {
        let mut working = BTreeMap::new();
        for record in self.db.working_rooms().await? {
            let Some(request) = self.db.get_request(record.request_id).await? else { continue };
            let room = WorkingRoom {
                request: request.id,
                requesting_state: request.requesting_state,
                assignees: request.assignees(),
                closed: record.closed,
            };
            working.insert(request.id, Working { room, request, ready: record.ready });
        }
        Ok(working)
    }

    /// Plans (and unless `dry_run`, applies) what the homeserver lacks.
    #[instrument(skip(self))]
    pub async fn reconcile(&self, dry_run: bool) -> Result<Report, MatrixError> {
        let _one_at_a_time = self.running.lock().await;
        // One process at a time (the bot and `peerlink provision`, or two
        // instances): the second waits, then plans from what the first did.
        let _one_process = self.db.provisioning_lock().await?;
        crate::fault::pause("provision_locked").await;
        let roster = self.db.load_roster().await?;
        let working = self.working().await?;
        let desired = self.all_desired(&roster, &working);
        let mut report = Report::default();
        let mut rooms: BTreeMap<RoomKind, (OwnedRoomId, ObservedRoom)> = BTreeMap::new();
        let stored: BTreeMap<RoomKind, String> =
            self.db.provisioned_rooms().await?.into_iter().collect();

        // Pass 1: every room exists.
        for room in &desired {
            let existing = match stored.get(&room.kind) {
                Some(id) => self.observe_or_rejoin(id).await?,
                None => None,
            };
            match existing {
                Some(found) => {
                    rooms.insert(room.kind.clone(), found);
                }
                None => {
                    report.actions.push(Action::Create { kind: room.kind.clone() });
                    if !dry_run {
                        // A room made by a run that stopped before recording
                        // it is found by its marker and kept, not made twice.
                        let id = match self.find_marked(&room.kind).await? {
                            Some(id) => id,
                            None => self.create(room, &roster, &working).await?,
                        };
                        self.db.save_room(&room.kind, id.as_str()).await?;
                        let observed = self.observe(&id).await?.unwrap_or_default();
                        rooms.insert(room.kind.clone(), (id, observed));
                    }
                }
            }
        }

        // Pass 2: plan every room with the whole picture (Space children, via).
        let bot = self.bot();
        let bot_server = server_name_of(&bot).to_owned();
        let via = |observed: &ObservedRoom| {
            let mut servers = vec![bot_server.clone()];
            servers.extend(observed.member_servers().into_iter().filter(|s| *s != bot_server));
            servers.truncate(3);
            servers
        };
        let space_id = rooms.get(&RoomKind::Space).map(|(id, _)| id.to_string());
        let children: Vec<(String, Vec<String>)> = rooms
            .iter()
            .filter(|(k, _)| **k != RoomKind::Space)
            .map(|(_, (id, observed))| (id.to_string(), via(observed)))
            .collect();
        let mut planned = Vec::new();
        for room in &desired {
            let Some((_, observed)) = rooms.get(&room.kind) else { continue };
            let (name, topic) = self.texts(&room.kind, &roster, &working);
            let spec = RoomSpec {
                desired: room,
                name,
                topic,
                space_id: space_id.clone(),
                children: if room.kind == RoomKind::Space { children.clone() } else { vec![] },
                via: rooms.get(&RoomKind::Space).map(|(_, o)| via(o)).unwrap_or_default(),
            };
            planned.extend(plan_room(&spec, observed, &bot));
        }
        // State first (encryption and join rules before anyone is invited).
        planned.sort_by_key(|a| match a {
            Action::Create { .. } => 0,
            Action::SetState { .. } => 1,
            Action::Kick { .. } => 2,
            Action::Invite { .. } => 3,
        });

        // Pass 3: apply.
        if !dry_run {
            // Homeservers found unreachable in this run: their other
            // invitations wait for the next run instead of timing out too.
            let mut unreachable = std::collections::HashSet::new();
            for action in &planned {
                let Some((room_id, _)) = rooms.get(action_kind(action)) else { continue };
                let server = match action {
                    Action::Invite { user, .. } => Some(server_name_of(user).to_owned()),
                    _ => None,
                };
                if server.as_ref().is_some_and(|s| unreachable.contains(s)) {
                    let why = format!(
                        "{} is unreachable; left for the next run",
                        server.unwrap_or_default()
                    );
                    report.failures.push((action.clone(), why));
                    continue;
                }
                let result = self.apply(room_id, action).await;
                if let Some(server) = server {
                    // An invitation goes to the invitee's homeserver.
                    match &result {
                        Ok(()) => metrics::remote_server_ok(&server),
                        Err(e) => {
                            metrics::remote_server_failed(&server, &e.to_string());
                            if matches!(e, MatrixError::Unreachable(_)) {
                                unreachable.insert(server);
                            }
                        }
                    }
                }
                if let Err(e) = result {
                    warn!(%action, error = %e, "provisioning step failed");
                    report.failures.push((action.clone(), e.to_string()));
                }
            }
        }
        report.actions.extend(planned);
        if !dry_run {
            // A working room that exists now has had its invitations sent:
            // the bot's messages to it may go (its members get the keys).
            let now = crate::storage::now_ms();
            for w in working.values().filter(|w| !w.ready) {
                if rooms.contains_key(&RoomKind::Working(w.request.id)) {
                    self.db.mark_working_room_ready(w.request.id, now).await?;
                }
            }
        }
        info!(
            changes = report.actions.len(),
            failures = report.failures.len(),
            dry_run,
            "provisioning done"
        );
        Ok(report)
    }

    async fn apply(&self, room_id: &OwnedRoomId, action: &Action) -> Result<(), MatrixError> {
        let result = match action {
            Action::Create { .. } => return Ok(()),
            Action::SetState { event_type, state_key, content, .. } => {
                let body =
                    Raw::from_json(serde_json::value::to_raw_value(content).map_err(sdk_json)?);
                let request = send_state_event::v3::Request::new_raw(
                    room_id.clone(),
                    event_type.as_str().into(),
                    state_key.clone(),
                    body,
                );
                self.client.send(request).await.map(drop)
            }
            Action::Invite { user, .. } => {
                let server = server_name_of(user).to_owned();
                let user = OwnedUserId::try_from(user.as_str())?;
                let request = invite_user::v3::Request::new(
                    room_id.clone(),
                    invite_user::v3::InviteUserId::new(user).into(),
                );
                // The homeserver passes a remote invitation on to the
                // invitee's server, and keeps trying for minutes when that
                // one is down: the bot does not wait that long.
                match tokio::time::timeout(INVITE_TIMEOUT, self.client.send(request)).await {
                    Ok(result) => result.map(drop),
                    Err(_) => return Err(MatrixError::Unreachable(server)),
                }
            }
            Action::Kick { user, reason, .. } => {
                let mut request = kick_user::v3::Request::new(
                    room_id.clone(),
                    OwnedUserId::try_from(user.as_str())?,
                );
                request.reason = Some(reason.clone());
                self.client.send(request).await.map(drop)
            }
        };
        result.map_err(|e| matrix_sdk::Error::from(e).into())
    }

    /// The room ID of the provisioned room of `kind`, if it exists.
    pub async fn room_id(&self, kind: &RoomKind) -> Result<Option<OwnedRoomId>, MatrixError> {
        let rooms = self.db.provisioned_rooms().await?;
        let found = rooms.into_iter().find(|(k, _)| k == kind).map(|(_, id)| id);
        Ok(found.map(OwnedRoomId::try_from).transpose()?)
    }

    /// Invites `user` to the provisioned room of `kind`.
    pub async fn invite(&self, kind: &RoomKind, user: &str) -> Result<(), MatrixError> {
        let Some(room_id) = self.room_id(kind).await? else {
            return Err(MatrixError::Store(format!("the {kind} is not provisioned yet")));
        };
        let action = Action::Invite { kind: kind.clone(), user: user.to_owned() };
        self.apply(&room_id, &action).await
    }

    /// The room kind of `room_id`, if it is a provisioned room.
    pub async fn kind_of(&self, room_id: &str) -> Result<Option<RoomKind>, MatrixError> {
        Ok(self
            .db
            .provisioned_rooms()
            .await?
            .into_iter()
            .find(|(_, id)| id == room_id)
            .map(|(kind, _)| kind))
    }

    /// Removes `user` from the provisioned room `room_id` at once if the
    /// roster does not allow them there (called when someone joins).
    pub async fn enforce_member(&self, room_id: &str, user: &str) -> Result<bool, MatrixError> {
        let Some(kind) = self.kind_of(room_id).await? else { return Ok(false) };
        let desired = self.desired().await?;
        let Some(room) = desired.iter().find(|r| r.kind == kind) else { return Ok(false) };
        let Some(action) = plan::removal(room, user, &self.bot()) else { return Ok(false) };
        info!(room_id, user, "removing someone the roster does not allow here");
        self.apply(&OwnedRoomId::try_from(room_id)?, &action).await?;
        Ok(true)
    }
}

/// A working room with its request, and whether it is ready for messages.
struct Working {
    room: WorkingRoom,
    request: Request,
    ready: bool,
}

fn action_kind(action: &Action) -> &RoomKind {
    match action {
        Action::Create { kind }
        | Action::SetState { kind, .. }
        | Action::Invite { kind, .. }
        | Action::Kick { kind, .. } => kind,
    }
}

fn sdk_json(e: serde_json::Error) -> MatrixError {
    MatrixError::Sdk(matrix_sdk::Error::SerdeJson(e))
}
