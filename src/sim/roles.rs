//! The simulator's answer to "what may this worker do": its role assignments and the roles.
//! The demo worker holds Help Desk Admin over the environment.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};

use super::SimState;
use super::responses::{json, not_found};
use super::routes::{Answer, admit};

/// The id of the one role the simulator assigns.
const HELP_DESK_ADMIN: &str = "3ab6a2b5-1d6c-4c6e-8f0e-6c0b5a3d2f11";

/// `GET /v1/environments/{env}/applications/{app}/roleAssignments`.
pub(super) async fn role_assignments(
    State(state): State<Arc<SimState>>,
    Path((env, app)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    if app != state.config.client_id {
        return Err(not_found("application"));
    }
    let body = serde_json::json!({
        "_embedded": { "roleAssignments": [{
            "id": "5d3c1b2a-0f9e-4d8c-b7a6-958473625140",
            "role": { "id": HELP_DESK_ADMIN },
            "scope": { "id": env, "type": "ENVIRONMENT" },
            "environment": { "id": env },
            "readOnly": false
        }]},
        "count": 1,
        "size": 1
    });
    Ok(json(StatusCode::OK, &body))
}

/// `GET /v1/roles/{id}`.
pub(super) async fn role(
    State(state): State<Arc<SimState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Answer {
    state.tokens.check(&headers)?;
    if id != HELP_DESK_ADMIN {
        return Err(not_found("role"));
    }
    let body = serde_json::json!({
        "id": HELP_DESK_ADMIN,
        "name": "Help Desk Admin",
        "description": "Can read users and unlock their accounts and passwords."
    });
    Ok(json(StatusCode::OK, &body))
}
