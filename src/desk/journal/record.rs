//! One line of the journal: an operation's intent (written before the request leaves) or its
//! outcome (written after), with who, where, for which ticket, and the user's state.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use crate::desk::ops::{OpKind, Target, UserOp};
use crate::pingone::{PasswordState, User};

/// Which half of an operation a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Written and flushed to disk before the request leaves.
    Intent,
    /// Written when the answer (or its absence) is known.
    Outcome,
}

/// How an operation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// PingOne answered and applied it.
    Ok,
    /// PingOne refused it (its code, message and `Correlation-Id` are in `error`).
    Failed,
    /// The answer was lost after sending, or the process died before it came: it may or may
    /// not have been applied (`after` is what a fresh read showed, when there was one).
    Unknown,
}

/// Who acted, from where, on which connection: the same on every record of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// The environment id whose users were changed.
    pub environment: String,
    /// The environment's name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment_name: Option<String>,
    /// The config profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The worker app's client id (or "access token").
    pub client_id: String,
    /// The operating-system user running pingdesk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_user: Option<String>,
    /// Where the SSH session comes from (`SSH_CLIENT`: address and port), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh_origin: Option<String>,
    /// The `X-Ping-External-Session-Id` of the run.
    pub session_id: String,
    /// The host pingdesk ran on.
    pub host: String,
    /// The process id, to tell a crashed run's intents from a running one's.
    pub pid: u32,
}

/// What a user looked like, as far as signing in goes: enough to say what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// `account.status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// `account.lockedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_at: Option<Timestamp>,
    /// `account.unlockAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlock_at: Option<Timestamp>,
    /// `enabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `lifecycle.status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<String>,
    /// The password state's status, when it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

impl Snapshot {
    /// The sign-in state of `user` (when read) and `password` (when read).
    pub fn of(user: Option<&User>, password: Option<&PasswordState>) -> Self {
        let account = user.and_then(|u| u.account.as_ref());
        Self {
            account: account
                .and_then(|a| a.status.as_ref())
                .map(|s| s.as_str().to_owned()),
            locked_at: account.and_then(|a| a.locked_at),
            unlock_at: account.and_then(|a| a.unlock_at),
            enabled: user.and_then(|u| u.enabled),
            lifecycle: user
                .and_then(|u| u.lifecycle.as_ref())
                .and_then(|l| l.status.as_ref())
                .map(|s| s.as_str().to_owned()),
            password: password.map(|p| p.status.as_str().to_owned()),
        }
    }
}

/// The user an operation is for, and their state before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The user's id.
    pub id: String,
    /// The username.
    pub username: String,
    /// Their state before.
    pub before: Snapshot,
}

impl Subject {
    /// `user`, as known before the operation (with the password state when it was read).
    pub fn of(user: &User, password: Option<&PasswordState>) -> Self {
        Self {
            id: user.id.clone(),
            username: user.username.clone(),
            before: Snapshot::of(Some(user), password),
        }
    }
}

/// PingOne's refusal, or what broke.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The HTTP status, when there was an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// PingOne's error `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// PingOne's message, or the sentence pingdesk shows.
    pub message: String,
}

impl From<&ApiError> for Failure {
    fn from(error: &ApiError) -> Self {
        Self {
            status: error.status,
            code: error.body.as_ref().map(|b| b.code.clone()),
            message: error
                .pingone_message()
                .map_or_else(|| error.to_string(), str::to_owned),
        }
    }
}

/// One journal line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// When it was written.
    pub time: Timestamp,
    /// Intent or outcome.
    pub phase: Phase,
    /// Pairs an outcome with its intent.
    pub op_id: String,
    /// The operation, as the CLI names it (`unlock`, `password-unlock`, `lock`…).
    pub operation: String,
    /// A lock's end, for `lock`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlock_at: Option<Timestamp>,
    /// What inside the user it acts on, when not the user: a device, a session, or every
    /// session (one record for all of a revoke's writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The user's id.
    pub user_id: String,
    /// The username.
    pub username: String,
    /// Who, where, on which connection.
    #[serde(flatten)]
    pub who: Who,
    /// The ticket the operation was made for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    /// The `X-Ping-External-Transaction-Id` sent: the ticket as PingOne keeps it, or a
    /// generated id when there was no ticket.
    pub transaction_id: String,
    /// The user's state before (intents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Snapshot>,
    /// How it ended (outcomes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Ending>,
    /// The user's state after, as PingOne answered or a fresh read showed (outcomes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Snapshot>,
    /// PingOne's refusal or what broke (failed and unknown outcomes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Failure>,
    /// The answer's `Correlation-Id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Why an outcome was written late (a re-read at a later start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Record {
    /// The operation it records, as `kind` with the lock's end and the target recorded.
    pub fn op(&self, kind: OpKind) -> UserOp {
        match (kind, &self.target) {
            (OpKind::LockAccount, _) => UserOp::LockAccount {
                unlock_at: self.unlock_at,
            },
            (kind, Some(target)) => UserOp::at(kind, target.clone()),
            (kind, None) => UserOp::of(kind),
        }
    }

    /// The outcome of this intent, written now.
    #[must_use]
    pub fn outcome(&self, result: Ending) -> Self {
        Self {
            time: Timestamp::now(),
            phase: Phase::Outcome,
            before: None,
            result: Some(result),
            ..self.clone()
        }
    }
}
