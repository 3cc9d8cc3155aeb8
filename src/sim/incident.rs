//! Staging an incident: `POST /_sim/incident` with `{"lock": N}` locks N users at once, as a
//! password-spraying attack would (the policy's count of failed password checks each, so each
//! password locks out and takes the account with it), and records the events PingOne would.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::Timestamp;
use serde::Deserialize;

use super::responses::json;
use super::{SimState, write};
use crate::pingone::PasswordStatus;

/// The body of `POST /_sim/incident`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Incident {
    /// How many users to lock.
    lock: usize,
}

/// Locks up to `lock` users whose password is fine and who are not locked, newest in the
/// directory first (generated users come after the directory file's); answers
/// `{"count": n, "locked": [{"id", "username"}…]}`.
pub(super) async fn stage(
    State(state): State<Arc<SimState>>,
    axum::Json(incident): axum::Json<Incident>,
) -> Response {
    let now = Timestamp::now();
    let mut directory = write(&state.directory);
    let failures = directory.policy.failure_count;
    let mut locked = Vec::new();
    let mut emitted = Vec::new();
    for at in (0..super::store::position(directory.len())).rev() {
        if locked.len() >= incident.lock {
            break;
        }
        let stored = &directory.users[at as usize];
        let eligible = !stored.is_locked()
            && stored.enabled != Some(false)
            && directory.stored_password(at).at(now).status == PasswordStatus::Ok;
        if !eligible || directory.present_at(at, now).is_locked() {
            continue;
        }
        let (id, username) = (stored.id.clone(), stored.username.clone());
        if let Ok((_, events)) = directory.fail_password_checks(&id, failures, now) {
            emitted.push((id.clone(), events));
            locked.push(serde_json::json!({ "id": id, "username": username }));
        }
    }
    drop(directory);
    // A sign-on with a wrong password: no client acted, so no headers.
    let none = HeaderMap::new();
    for (id, events) in emitted {
        for event in events {
            state.audit.record(event, &id, &none);
        }
    }
    json(
        StatusCode::OK,
        &serde_json::json!({ "count": locked.len(), "locked": locked }),
    )
}
