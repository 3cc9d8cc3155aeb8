//! Injected faults, for tests and demos: added latency, forced statuses, 429 bursts with
//! `Retry-After`, malformed and truncated bodies, answers held back or lost with the connection,
//! per route.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The simulator's routes, for counting requests and aiming faults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// `POST /{env}/as/token`.
    Token,
    /// `GET /v1/environments/{env}/users`.
    ListUsers,
    /// `GET /v1/environments/{env}/users/{id}`.
    GetUser,
    /// `POST /v1/environments/{env}/users`.
    CreateUser,
    /// `POST /v1/environments/{env}/users/{id}` (unlock, lock, …).
    UserAction,
    /// `GET /v1/environments/{env}/users/{id}/password`.
    ReadPassword,
    /// `POST /v1/environments/{env}/users/{id}/password` (password unlock, …).
    PasswordAction,
    /// `GET` or `PUT /v1/environments/{env}/users/{id}/enabled`.
    UserEnabled,
    /// `GET` or `PUT /v1/environments/{env}/users/{id}/mfaEnabled`.
    MfaEnabled,
    /// `GET /v1/environments/{env}/users/{id}/devices` and `…/devices/{deviceID}`.
    ReadDevices,
    /// `POST /v1/environments/{env}/users/{id}/devices/{deviceID}` (block, unblock).
    DeviceAction,
    /// `GET /v1/environments/{env}/users/{id}/sessions` and `…/sessions/{sessionID}`.
    ReadSessions,
    /// `DELETE /v1/environments/{env}/users/{id}/sessions/{sessionID}` (revoke).
    DeleteSession,
    /// `GET /v1/environments/{env}/groups…` and `…/users/{id}/memberOfGroups`.
    Groups,
    /// `GET /v1/environments/{env}/populations…`.
    Populations,
    /// Anything else.
    Other,
}

impl Route {
    /// Every route, for counters.
    pub const ALL: [Route; 16] = [
        Self::Token,
        Self::ListUsers,
        Self::GetUser,
        Self::CreateUser,
        Self::UserAction,
        Self::ReadPassword,
        Self::PasswordAction,
        Self::UserEnabled,
        Self::MfaEnabled,
        Self::ReadDevices,
        Self::DeviceAction,
        Self::ReadSessions,
        Self::DeleteSession,
        Self::Groups,
        Self::Populations,
        Self::Other,
    ];

    /// Classifies a request by method and path.
    pub fn of(method: &axum::http::Method, path: &str) -> Self {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let post = method == axum::http::Method::POST;
        let delete = method == axum::http::Method::DELETE;
        match segments.as_slice() {
            [_, "as", "token"] if post => Self::Token,
            ["v1", "environments", _, "users"] if post => Self::CreateUser,
            ["v1", "environments", _, "users"] => Self::ListUsers,
            ["v1", "environments", _, "users", _] if post => Self::UserAction,
            ["v1", "environments", _, "users", _] => Self::GetUser,
            ["v1", "environments", _, "users", _, "password"] if post => Self::PasswordAction,
            ["v1", "environments", _, "users", _, "password"] => Self::ReadPassword,
            ["v1", "environments", _, "users", _, "enabled"] => Self::UserEnabled,
            ["v1", "environments", _, "users", _, "mfaEnabled"] => Self::MfaEnabled,
            ["v1", "environments", _, "users", _, "devices", _] if post => Self::DeviceAction,
            ["v1", "environments", _, "users", _, "devices", ..] => Self::ReadDevices,
            ["v1", "environments", _, "users", _, "sessions", _] if delete => Self::DeleteSession,
            ["v1", "environments", _, "users", _, "sessions", ..] => Self::ReadSessions,
            ["v1", "environments", _, "users", _, "memberOfGroups"]
            | ["v1", "environments", _, "groups", ..] => Self::Groups,
            ["v1", "environments", _, "populations", ..] => Self::Populations,
            _ => Self::Other,
        }
    }
}

/// What a fault does to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer with this status and PingOne's error body for it, without running the handler.
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// Answer 429 `REQUEST_LIMITED` with `Retry-After`.
    RateLimit {
        /// Seconds in the `Retry-After` header.
        retry_after_secs: u64,
    },
    /// Answer 429 `REQUEST_LIMITED` with `Retry-After` as an HTTP date this many seconds ahead.
    RateLimitUntil {
        /// Seconds from now to the date in the header.
        retry_after_secs: u64,
    },
    /// Answer 200 with a body that is not JSON.
    Malformed,
    /// Run the handler, then send only the first half of its body.
    Truncated,
    /// Wait this long, then run the handler.
    Delay {
        /// Milliseconds to wait.
        millis: u64,
    },
    /// Run the handler, then hold its answer back this long: a client that gives up first has
    /// changed the user without learning so.
    Stall {
        /// Milliseconds to hold the answer.
        millis: u64,
    },
    /// Break the connection without answering: after running the handler when `applied` (the
    /// change is made, the answer lost), before it otherwise (nothing changes).
    Disconnect {
        /// Whether the handler runs first.
        #[serde(default)]
        applied: bool,
    },
}

/// One fault rule: which route, what happens, and for how many requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    /// The route it applies to; every route when absent.
    #[serde(default)]
    pub route: Option<Route>,
    /// What happens.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many matching requests it affects; every one when absent.
    #[serde(default)]
    pub times: Option<u32>,
}

impl FaultRule {
    /// A rule for `times` requests to `route`.
    pub fn new(route: Route, kind: FaultKind, times: u32) -> Self {
        Self {
            route: Some(route),
            kind,
            times: Some(times),
        }
    }
}

/// The fault settings of a running simulator. A field it does not know is refused (a typo
/// such as `"faults"` for `"rules"` would otherwise clear every fault without a word).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faults {
    /// Latency added to every request, in milliseconds.
    #[serde(default)]
    pub latency_ms: u64,
    /// Rules, tried in order; the first that matches is used up by one.
    #[serde(default)]
    pub rules: Vec<FaultRule>,
}

impl Faults {
    /// The added latency.
    pub fn latency(&self) -> Duration {
        Duration::from_millis(self.latency_ms)
    }

    /// Takes the first rule that applies to `route`, counting one use of it.
    pub fn take(&mut self, route: Route) -> Option<FaultKind> {
        let at = self
            .rules
            .iter()
            .position(|r| r.route.is_none_or(|want| want == route))?;
        let rule = &mut self.rules[at];
        let kind = rule.kind.clone();
        if let Some(times) = rule.times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                self.rules.remove(at);
            }
        }
        Some(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Method;

    #[test]
    fn routes_are_classified() {
        assert_eq!(Route::of(&Method::POST, "/env/as/token"), Route::Token);
        assert_eq!(
            Route::of(&Method::GET, "/v1/environments/e/users"),
            Route::ListUsers
        );
        assert_eq!(
            Route::of(&Method::POST, "/v1/environments/e/users/u"),
            Route::UserAction
        );
        assert_eq!(
            Route::of(&Method::GET, "/v1/environments/e/users/u"),
            Route::GetUser
        );
        assert_eq!(Route::of(&Method::GET, "/nope"), Route::Other);
        let user = "/v1/environments/e/users/u";
        for (method, path, route) in [
            (Method::GET, "/devices", Route::ReadDevices),
            (Method::GET, "/devices/d", Route::ReadDevices),
            (Method::POST, "/devices/d", Route::DeviceAction),
            (Method::GET, "/sessions", Route::ReadSessions),
            (Method::DELETE, "/sessions/s", Route::DeleteSession),
            (Method::PUT, "/mfaEnabled", Route::MfaEnabled),
            (Method::GET, "/memberOfGroups", Route::Groups),
        ] {
            assert_eq!(
                Route::of(&method, &format!("{user}{path}")),
                route,
                "{path}"
            );
        }
        assert_eq!(
            Route::of(&Method::GET, "/v1/environments/e/populations/p"),
            Route::Populations
        );
    }

    #[test]
    fn rules_are_used_up() {
        let mut faults = Faults {
            rules: vec![FaultRule::new(
                Route::GetUser,
                FaultKind::Status { status: 500 },
                2,
            )],
            ..Faults::default()
        };
        assert_eq!(faults.take(Route::ListUsers), None);
        assert!(faults.take(Route::GetUser).is_some());
        assert!(faults.take(Route::GetUser).is_some());
        assert_eq!(faults.take(Route::GetUser), None);
    }

    #[test]
    fn rules_read_from_json() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"route":"list_users","kind":"rate_limit","retry_after_secs":2,"times":3}"#,
        )
        .expect("parses");
        assert_eq!(
            rule,
            FaultRule::new(
                Route::ListUsers,
                FaultKind::RateLimit {
                    retry_after_secs: 2
                },
                3
            )
        );
    }
}
