//! The simulator's audit trail: like PingOne's activities, one event per change, with the
//! `externalCorrelation.sessionId` the client sent, so a test can see who did what.

use std::sync::Mutex;

use axum::http::HeaderMap;
use serde::Serialize;

use crate::pingone;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    /// When.
    pub recorded_at: jiff::Timestamp,
    /// `USER.UNLOCKED`, `USER.LOCKED` or `USER.CREATED`.
    pub action: String,
    /// The user changed.
    pub user_id: String,
    /// The client's `X-Ping-External-Session-Id`, if it sent one.
    pub external_session_id: Option<String>,
}

/// Events in order.
#[derive(Debug, Default)]
pub(super) struct AuditLog(Mutex<Vec<AuditEvent>>);

impl AuditLog {
    /// Records a change made by the request with `headers`.
    pub(super) fn record(&self, action: &str, user_id: &str, headers: &HeaderMap) {
        let session = headers
            .get(pingone::HEADER_EXTERNAL_SESSION_ID)
            .and_then(|v| v.to_str().ok());
        super::lock(&self.0).push(AuditEvent {
            recorded_at: jiff::Timestamp::now(),
            action: action.to_owned(),
            user_id: user_id.to_owned(),
            external_session_id: session.map(str::to_owned),
        });
    }

    /// A copy of the events.
    pub(super) fn events(&self) -> Vec<AuditEvent> {
        super::lock(&self.0).clone()
    }
}
