//! The routes of a user's MFA devices (read, block, unblock), sessions (read, revoke) and
//! `mfaEnabled`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse as _, Response};
use jiff::Timestamp;
use serde::Deserialize;

use super::responses::{invalid_data, json};
use super::routes::{admit, single_media_type, store_error, unsupported_media};
use super::{SimState, read, write};
use crate::pingone::{self, Device, Page, Session, events};

type Shared = State<Arc<SimState>>;

/// `{base}v1/environments/{env}/users/{id}`.
fn user_url(state: &SimState, env: &str, id: &str) -> String {
    format!("{}v1/environments/{env}/users/{id}", state.base_url)
}

/// The `_links` PingOne puts on a device or a session: itself, the environment, the user.
fn links(state: &SimState, env: &str, id: &str, me: String) -> serde_json::Value {
    let href = |h: String| serde_json::json!({ "href": h });
    serde_json::json!({
        "self": href(me),
        "environment": href(format!("{}v1/environments/{env}", state.base_url)),
        "user": href(user_url(state, env, id)),
    })
}

fn device_links(state: &SimState, env: &str, id: &str, mut device: Device) -> Device {
    let me = format!("{}/devices/{}", user_url(state, env, id), device.id);
    device
        .extra
        .insert("_links".into(), links(state, env, id, me));
    device
}

fn session_links(state: &SimState, env: &str, id: &str, mut session: Session) -> Session {
    let me = format!("{}/sessions/{}", user_url(state, env, id), session.id);
    session
        .extra
        .insert("_links".into(), links(state, env, id, me));
    session
}

/// A whole (unpaged) list as PingOne sends a user's devices and sessions: `_embedded.{key}`,
/// `count` and `size` (whether these lists carry `count` and `size` is UNVERIFIED).
fn listed<T: serde::Serialize>(me: &str, key: &str, items: Vec<T>) -> Response {
    let count = items.len();
    json(
        StatusCode::OK,
        &Page::new(key, items, count).with_link("self", me),
    )
}

/// `GET /users/{id}/devices`.
pub(super) async fn list_devices(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let devices = read(&state.directory).devices(&id, Timestamp::now());
    match devices {
        Ok(devices) => {
            let devices = devices
                .into_iter()
                .map(|d| device_links(&state, &env, &id, d))
                .collect();
            let me = format!("{}/devices", user_url(&state, &env, &id));
            listed(&me, "devices", devices)
        }
        Err(error) => store_error(&error),
    }
}

/// `GET /users/{id}/devices/{deviceID}`.
pub(super) async fn get_device(
    State(state): Shared,
    Path((env, id, device)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let found = read(&state.directory).device(&id, &device, Timestamp::now());
    match found {
        Ok(device) => json(StatusCode::OK, &device_links(&state, &env, &id, device)),
        Err(error) => store_error(&error),
    }
}

/// `POST /users/{id}/devices/{deviceID}`, dispatched on `Content-Type`: block or unblock (empty
/// body), answered with the device.
pub(super) async fn device_action(
    State(state): Shared,
    Path((env, id, device)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let media = match single_media_type(&headers) {
        Ok(media) => media,
        Err(refused) => return refused,
    };
    let blocked = match media.as_str() {
        pingone::MEDIA_DEVICE_BLOCK => true,
        pingone::MEDIA_DEVICE_UNBLOCK => false,
        other => return unsupported_media(other),
    };
    if !(body.iter().all(u8::is_ascii_whitespace) || &body[..] == b"{}") {
        return invalid_data("body", "Blocking and unblocking a device take no body");
    }
    let result = write(&state.directory).block_device(&id, &device, blocked, Timestamp::now());
    match result {
        Ok((device, event)) => {
            if let Some(event) = event {
                state.audit.record(event, &id, &headers);
            }
            json(StatusCode::OK, &device_links(&state, &env, &id, device))
        }
        Err(error) => store_error(&error),
    }
}

/// `GET /users/{id}/sessions`: at most 10, newest first.
pub(super) async fn list_sessions(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let sessions = read(&state.directory).sessions(&id);
    match sessions {
        Ok(sessions) => {
            let sessions = sessions
                .into_iter()
                .map(|s| session_links(&state, &env, &id, s))
                .collect();
            let me = format!("{}/sessions", user_url(&state, &env, &id));
            listed(&me, "sessions", sessions)
        }
        Err(error) => store_error(&error),
    }
}

/// `GET /users/{id}/sessions/{sessionID}`.
pub(super) async fn get_session(
    State(state): Shared,
    Path((env, id, session)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let found = read(&state.directory).session(&id, &session);
    match found {
        Ok(session) => json(StatusCode::OK, &session_links(&state, &env, &id, session)),
        Err(error) => store_error(&error),
    }
}

/// `DELETE /users/{id}/sessions/{sessionID}`: revoke, `204`.
pub(super) async fn delete_session(
    State(state): Shared,
    Path((env, id, session)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let result = write(&state.directory).delete_session(&id, &session);
    match result {
        Ok(()) => {
            state.audit.record(events::SESSION_DELETED, &id, &headers);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(error) => store_error(&error),
    }
}

/// `{"mfaEnabled": …}`, the body of `PUT …/mfaEnabled`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MfaBody {
    mfa_enabled: bool,
}

/// `{"_links": …, "mfaEnabled": …}`, as PingOne answers both verbs.
fn mfa_body(state: &SimState, env: &str, id: &str, enabled: bool) -> Response {
    let user = user_url(state, env, id);
    json(
        StatusCode::OK,
        &serde_json::json!({
            "_links": {
                "self": { "href": format!("{user}/mfaEnabled") },
                "user": { "href": user },
            },
            "mfaEnabled": enabled,
        }),
    )
}

/// `GET /users/{id}/mfaEnabled`.
pub(super) async fn read_mfa(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let user = read(&state.directory).get(&id, Timestamp::now());
    match user {
        Some(user) => mfa_body(&state, &env, &id, user.mfa_enabled.unwrap_or(false)),
        None => store_error(&super::store::StoreError::NotFound),
    }
}

/// `PUT /users/{id}/mfaEnabled` with `{"mfaEnabled": …}`.
pub(super) async fn put_mfa(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    match single_media_type(&headers) {
        Ok(media) if media == pingone::MEDIA_JSON => {}
        Ok(media) => return unsupported_media(&media),
        Err(refused) => return refused,
    }
    let wanted: MfaBody = match serde_json::from_slice(&body) {
        Ok(wanted) => wanted,
        Err(error) => {
            return invalid_data(
                "mfaEnabled",
                format!("The body must be {{\"mfaEnabled\": true|false}}: {error}"),
            );
        }
    };
    let result = write(&state.directory).set_mfa_enabled(&id, wanted.mfa_enabled, Timestamp::now());
    match result {
        Ok(enabled) => {
            // UNVERIFIED: which audit event a change of mfaEnabled emits.
            state.audit.record(events::USER_UPDATED, &id, &headers);
            mfa_body(&state, &env, &id, enabled)
        }
        Err(error) => store_error(&error),
    }
}
