//! A user's true/false sub-resources, `enabled` and `mfaEnabled`: read with `GET`, set with
//! `PUT {"<name>": true|false}`, both answered with `{"_links", "<name>"}` ([DEV] enable-users,
//! enable-users-mfa; the research notes' example bodies).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use jiff::Timestamp;

use super::media::admit_json;
use super::responses::{href, invalid_data, json};
use super::routes::{Answer, admit};
use super::store::{Directory, StoreError};
use super::{SimState, read, write};
use crate::pingone::{User, events};

type Shared = State<Arc<SimState>>;
/// `/…/users/{id}`: the environment and the user.
type UserPath = Path<(String, String)>;

/// Which sub-resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flag {
    /// `enabled`: a disabled user cannot sign in.
    Enabled,
    /// `mfaEnabled`: whether MFA is on for the user.
    MfaEnabled,
}

impl Flag {
    /// Its name in paths and bodies.
    fn name(self) -> &'static str {
        match self {
            Self::Enabled => "enabled",
            Self::MfaEnabled => "mfaEnabled",
        }
    }

    /// Its value on `user` (PingOne's defaults when unset: enabled, MFA off).
    fn of(self, user: &User) -> bool {
        match self {
            Self::Enabled => user.enabled.unwrap_or(true),
            Self::MfaEnabled => user.mfa_enabled.unwrap_or(false),
        }
    }
}

impl Directory {
    /// Sets `flag` of user `id` to `value`; returns it.
    pub(super) fn set_flag(
        &mut self,
        id: &str,
        flag: Flag,
        value: bool,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let user = self.stored_mut(id)?;
        match flag {
            Flag::Enabled => user.enabled = Some(value),
            Flag::MfaEnabled => user.mfa_enabled = Some(value),
        }
        user.updated_at = Some(now);
        Ok(value)
    }
}

/// `GET` and `PUT` of a user's `flag` sub-resource.
pub(super) fn routes(flag: Flag) -> MethodRouter<Arc<SimState>> {
    get(
        move |State(state): Shared, Path((env, id)): UserPath, headers: HeaderMap| async move {
            read_flag(&state, (&env, &id), &headers, flag)
        },
    )
    .put(
        move |State(state): Shared,
              Path((env, id)): UserPath,
              headers: HeaderMap,
              body: Bytes| async move {
            put_flag(&state, (&env, &id), &headers, &body, flag)
        },
    )
}

/// `{"_links": …, "<name>": …}`, as PingOne answers both verbs.
fn body(state: &SimState, env: &str, id: &str, flag: Flag, value: bool) -> Response {
    let user = format!("{}/users/{id}", state.environment_url(env));
    let mut body = serde_json::json!({
        "_links": {
            "self": href(&format!("{user}/{}", flag.name())),
            "user": href(&user),
        },
    });
    body[flag.name()] = value.into();
    json(StatusCode::OK, &body)
}

/// `GET /users/{id}/<flag>`.
pub(super) fn read_flag(
    state: &SimState,
    (env, id): (&str, &str),
    headers: &HeaderMap,
    flag: Flag,
) -> Answer {
    admit(state, headers, env)?;
    let user = read(&state.directory)
        .get(id, Timestamp::now())
        .ok_or(StoreError::NotFound)?;
    Ok(body(state, env, id, flag, flag.of(&user)))
}

/// `PUT /users/{id}/<flag>` with `{"<name>": true|false}` and nothing else.
pub(super) fn put_flag(
    state: &SimState,
    (env, id): (&str, &str),
    headers: &HeaderMap,
    bytes: &[u8],
    flag: Flag,
) -> Answer {
    admit_json(state, headers, env)?;
    let name = flag.name();
    let wanted = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
        .ok()
        .filter(|map| map.len() == 1)
        .and_then(|map| map.get(name).and_then(serde_json::Value::as_bool));
    let Some(wanted) = wanted else {
        return Err(invalid_data(
            name,
            format!("The body must be {{\"{name}\": true|false}}"),
        ));
    };
    let value = write(&state.directory).set_flag(id, flag, wanted, Timestamp::now())?;
    // UNVERIFIED: which audit event a change of mfaEnabled emits.
    state.audit.record(events::USER_UPDATED, id, headers);
    Ok(body(state, env, id, flag, value))
}
