//! The write routes on one user: `POST /users/{id}` dispatched on `Content-Type` (account lock
//! and unlock, verification code) and the password sub-resource.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse as _;
use jiff::Timestamp;
use serde::Deserialize;

use super::media::{admit_write, is_blank, unsupported_media};
use super::mutations::PasswordAction;
use super::responses::{href, invalid_data, json};
use super::routes::{Answer, admit, with_links};
use super::{SimState, read, write};
use crate::pingone::{self, PasswordState, events};

type Shared = State<Arc<SimState>>;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LockBody {
    unlock_at: Option<Timestamp>,
}

/// `POST /users/{id}`, dispatched on `Content-Type`: answered with the user, its event recorded.
pub(super) async fn user_action(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let media = admit_write(&state, &headers, &env)?;
    let now = Timestamp::now();
    let (event, result) = match media.as_str() {
        pingone::MEDIA_ACCOUNT_UNLOCK => {
            if !is_blank(&body) {
                return Err(invalid_data("body", "The unlock request takes no body"));
            }
            let result = write(&state.directory).unlock(&id, now);
            (events::USER_UNLOCKED, result)
        }
        pingone::MEDIA_ACCOUNT_LOCK => {
            let parsed: Result<LockBody, _> = if is_blank(&body) {
                Ok(LockBody { unlock_at: None })
            } else {
                serde_json::from_slice(&body)
            };
            let lock = parsed.map_err(|error| {
                invalid_data(
                    "unlockAt",
                    format!("The lock request body is not valid: {error}"),
                )
            })?;
            let result = write(&state.directory).lock(&id, lock.unlock_at, now);
            (events::USER_LOCKED, result)
        }
        pingone::MEDIA_USER_SEND_VERIFICATION_CODE => {
            if !is_blank(&body) {
                return Err(invalid_data("body", "The request takes no body"));
            }
            let result = write(&state.directory).send_verification(&id, now);
            (events::USER_UPDATED, result)
        }
        other => return Err(unsupported_media(other)),
    };
    let user = result?;
    state.audit.record(event, &user.id, &headers);
    Ok(json(
        StatusCode::OK,
        &with_links(&state.environment_url(&env), user),
    ))
}

/// `GET /users/{id}/password`.
pub(super) async fn read_password(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    let password = read(&state.directory).password(&id, Timestamp::now())?;
    Ok(json(StatusCode::OK, &password_links(&state, password)))
}

/// Adds the `_links` PingOne puts on a password state.
fn password_links(state: &SimState, mut password: PasswordState) -> PasswordState {
    let environment = password.environment.as_ref().map(|e| e.id.clone());
    let user = password.user.as_ref().map(|u| u.id.clone());
    let (Some(environment), Some(user)) = (environment, user) else {
        return password;
    };
    let base = state.environment_url(&environment);
    let me = format!("{base}/users/{user}/password");
    let links = serde_json::json!({
        "self": href(&me),
        "environment": href(&base),
        "user": href(&format!("{base}/users/{user}")),
        "password.unlock": href(&me),
        "password.forceChange": href(&me),
        "password.sendRecoveryCode": href(&me),
    });
    password.extra.insert("_links".into(), links);
    password
}

/// `POST /users/{id}/password`, dispatched on `Content-Type`.
pub(super) async fn password_action(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let media = admit_write(&state, &headers, &env)?;
    let action = match media.as_str() {
        pingone::MEDIA_PASSWORD_UNLOCK => PasswordAction::Unlock,
        pingone::MEDIA_PASSWORD_FORCE_CHANGE => PasswordAction::ForceChange,
        pingone::MEDIA_PASSWORD_SEND_RECOVERY_CODE => PasswordAction::SendRecoveryCode,
        other => return Err(unsupported_media(other)),
    };
    if !is_blank(&body) {
        return Err(invalid_data("body", "This password action takes no body"));
    }
    let (password, emitted) =
        write(&state.directory).password_action(&id, action, Timestamp::now())?;
    for event in emitted {
        state.audit.record(event, &id, &headers);
    }
    Ok(match password {
        Some(password) => json(StatusCode::OK, &password_links(&state, password)),
        // UNVERIFIED: a recovery code answered with 204, like PingOne's other sends.
        None => StatusCode::NO_CONTENT.into_response(),
    })
}
