//! The routes of a user's MFA devices (read, block, unblock) and sessions (read, revoke).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse as _, Response};
use jiff::Timestamp;

use super::media::{admit_write, is_blank, unsupported_media};
use super::responses::{href, invalid_data, json};
use super::routes::{Answer, admit};
use super::{SimState, read, write};
use crate::pingone::{self, Device, Page, Session, events};

type Shared = State<Arc<SimState>>;

/// `{base}v1/environments/{env}/users/{id}`.
fn user_url(state: &SimState, env: &str, id: &str) -> String {
    format!("{}/users/{id}", state.environment_url(env))
}

/// A record below a user (a device, a session): its collection's name and its links.
trait Part: serde::Serialize {
    /// The collection's path segment and `_embedded` key.
    const KEY: &'static str;
    /// Its id.
    fn id(&self) -> &str;
    /// Where its `_links` go.
    fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value>;
}

impl Part for Device {
    const KEY: &'static str = "devices";
    fn id(&self) -> &str {
        &self.id
    }
    fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value> {
        &mut self.extra
    }
}

impl Part for Session {
    const KEY: &'static str = "sessions";
    fn id(&self) -> &str {
        &self.id
    }
    fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value> {
        &mut self.extra
    }
}

/// `part` with the `_links` PingOne puts on it: itself, the environment, the user.
fn with_links<T: Part>(state: &SimState, env: &str, id: &str, mut part: T) -> T {
    let user = user_url(state, env, id);
    let links = serde_json::json!({
        "self": href(&format!("{user}/{}/{}", T::KEY, part.id())),
        "environment": href(&state.environment_url(env)),
        "user": href(&user),
    });
    part.extra_mut().insert("_links".into(), links);
    part
}

/// A user's whole (unpaged) list of parts as PingOne sends it: `_embedded.{key}`, `count` and
/// `size` (whether these lists carry `count` and `size` is UNVERIFIED).
fn listed<T: Part>(state: &SimState, env: &str, id: &str, parts: Vec<T>) -> Response {
    let parts: Vec<T> = parts
        .into_iter()
        .map(|p| with_links(state, env, id, p))
        .collect();
    let me = format!("{}/{}", user_url(state, env, id), T::KEY);
    let count = parts.len();
    json(
        StatusCode::OK,
        &Page::new(T::KEY, parts, count).with_link("self", &me),
    )
}

/// One part as PingOne sends it.
fn one<T: Part>(state: &SimState, env: &str, id: &str, part: T) -> Response {
    json(StatusCode::OK, &with_links(state, env, id, part))
}

/// `GET /users/{id}/devices`.
pub(super) async fn list_devices(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    let devices = read(&state.directory).devices(&id, Timestamp::now())?;
    Ok(listed(&state, &env, &id, devices))
}

/// `GET /users/{id}/devices/{deviceID}`.
pub(super) async fn get_device(
    State(state): Shared,
    Path((env, id, device)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    let found = read(&state.directory).device(&id, &device, Timestamp::now())?;
    Ok(one(&state, &env, &id, found))
}

/// `POST /users/{id}/devices/{deviceID}`, dispatched on `Content-Type`: block or unblock (empty
/// body), answered with the device.
pub(super) async fn device_action(
    State(state): Shared,
    Path((env, id, device)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let blocked = match admit_write(&state, &headers, &env)?.as_str() {
        pingone::MEDIA_DEVICE_BLOCK => true,
        pingone::MEDIA_DEVICE_UNBLOCK => false,
        other => return Err(unsupported_media(other)),
    };
    if !is_blank(&body) {
        return Err(invalid_data(
            "body",
            "Blocking and unblocking a device take no body",
        ));
    }
    let (device, event) =
        write(&state.directory).block_device(&id, &device, blocked, Timestamp::now())?;
    if let Some(event) = event {
        state.audit.record(event, &id, &headers);
    }
    Ok(one(&state, &env, &id, device))
}

/// `GET /users/{id}/sessions`: at most 10, newest first.
pub(super) async fn list_sessions(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    let sessions = read(&state.directory).sessions(&id)?;
    Ok(listed(&state, &env, &id, sessions))
}

/// `GET /users/{id}/sessions/{sessionID}`.
pub(super) async fn get_session(
    State(state): Shared,
    Path((env, id, session)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    let found = read(&state.directory).session(&id, &session)?;
    Ok(one(&state, &env, &id, found))
}

/// `DELETE /users/{id}/sessions/{sessionID}`: revoke, `204`.
pub(super) async fn delete_session(
    State(state): Shared,
    Path((env, id, session)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    write(&state.directory).delete_session(&id, &session)?;
    state.audit.record(events::SESSION_DELETED, &id, &headers);
    Ok(StatusCode::NO_CONTENT.into_response())
}
