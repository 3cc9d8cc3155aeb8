//! The simulator's audit trail: like PingOne's activities, one event per change, with the
//! `X-Ping-External-Session-Id` and `X-Ping-External-Transaction-Id` the client sent and the
//! client that acted, so a test can see who did what and for which ticket. `GET …/activities`
//! serves it (see `activities.rs`).

use std::sync::Mutex;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use jiff::Timestamp;
use serde::Serialize;

use crate::pingone;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    /// The activity's id.
    pub id: String,
    /// When.
    pub recorded_at: Timestamp,
    /// `USER.UNLOCKED`, `USER.LOCKED`, `PASSWORD.CHECK_FAILED`, …
    pub action: String,
    /// The user changed.
    pub user_id: String,
    /// The client that acted; none for a sign-on's failed password check.
    pub actor: Option<String>,
    /// The client's `X-Ping-External-Session-Id`, if it sent one.
    pub external_session_id: Option<String>,
    /// The client's `X-Ping-External-Transaction-Id` (a ticket), if it sent one.
    pub external_transaction_id: Option<String>,
    /// History seeded at start for the users locked then, not caused by any request.
    pub seeded: bool,
}

/// Events in order, and the worker client that API requests act as.
#[derive(Debug)]
pub(super) struct AuditLog {
    events: Mutex<Vec<AuditEvent>>,
    client_id: String,
}

impl AuditLog {
    /// An empty log for a simulator whose worker is `client_id`.
    pub(super) fn new(client_id: &str) -> Self {
        Self {
            events: Mutex::new(Vec::new()),
            client_id: client_id.to_owned(),
        }
    }

    /// Records a change made by the request with `headers`: an API request (with a bearer
    /// token) acts as the worker; a control request (a staged sign-on) has no actor.
    pub(super) fn record(&self, action: &str, user_id: &str, headers: &HeaderMap) {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let actor = headers
            .contains_key(AUTHORIZATION)
            .then(|| self.client_id.clone());
        self.push(AuditEvent {
            id: uuid::Uuid::new_v4().to_string(),
            recorded_at: Timestamp::now(),
            action: action.to_owned(),
            user_id: user_id.to_owned(),
            actor,
            external_session_id: header(pingone::HEADER_EXTERNAL_SESSION_ID),
            external_transaction_id: header(pingone::HEADER_EXTERNAL_TRANSACTION_ID),
            seeded: false,
        });
    }

    /// Records an event that happened at `at` with no client request behind it (seeded history).
    pub(super) fn record_at(
        &self,
        at: Timestamp,
        action: &str,
        user_id: &str,
        actor: Option<&str>,
    ) {
        self.push(AuditEvent {
            id: uuid::Uuid::new_v4().to_string(),
            recorded_at: at,
            action: action.to_owned(),
            user_id: user_id.to_owned(),
            actor: actor.map(str::to_owned),
            external_session_id: None,
            external_transaction_id: None,
            seeded: true,
        });
    }

    fn push(&self, event: AuditEvent) {
        let mut events = super::lock(&self.events);
        // Kept in time order, so a window is a contiguous run (seeds go in before requests).
        let at = events.partition_point(|e| e.recorded_at <= event.recorded_at);
        events.insert(at, event);
    }

    /// A copy of the events requests and controls caused (not the seeded history), oldest first.
    pub(super) fn events(&self) -> Vec<AuditEvent> {
        self.select(|e| !e.seeded)
    }

    /// The events `keep` selects, oldest first.
    pub(super) fn select(&self, keep: impl Fn(&AuditEvent) -> bool) -> Vec<AuditEvent> {
        super::lock(&self.events)
            .iter()
            .filter(|e| keep(e))
            .cloned()
            .collect()
    }
}
