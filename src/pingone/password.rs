//! A user's password state: `GET /environments/{envID}/users/{userID}/password`. [DEV]
//! user-passwords, read-password-state.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::user::IdRef;

/// `status` of a password. [DEV] user-passwords, "Password status states".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordStatus {
    /// The password can be used.
    #[serde(rename = "OK")]
    Ok,
    /// The user has no password (they sign in some other way, or were never given one).
    #[serde(rename = "NO_PASSWORD")]
    NoPassword,
    /// The password is past its maximum age; the user must change it at sign-on.
    #[serde(rename = "PASSWORD_EXPIRED")]
    Expired,
    /// Too many failed checks: the password cannot be used until unlocked (or the lockout runs
    /// out, when `secondsUntilUnlock` is present).
    #[serde(rename = "PASSWORD_LOCKED_OUT")]
    LockedOut,
    /// An admin asked for a new password at the next sign-on.
    #[serde(rename = "MUST_CHANGE_PASSWORD")]
    MustChange,
    /// An external directory or gateway holds the password.
    #[serde(rename = "EXTERNAL")]
    External,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl PasswordStatus {
    /// The status as PingOne spells it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Ok => "OK",
            Self::NoPassword => "NO_PASSWORD",
            Self::Expired => "PASSWORD_EXPIRED",
            Self::LockedOut => "PASSWORD_LOCKED_OUT",
            Self::MustChange => "MUST_CHANGE_PASSWORD",
            Self::External => "EXTERNAL",
            Self::Other(other) => other,
        }
    }
}

/// The password sub-resource of a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordState {
    /// The password's state.
    pub status: PasswordStatus,
    /// When the password was last changed; absent when the user has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed_at: Option<Timestamp>,
    /// Seconds until a lockout ends by itself; absent when an admin must unlock it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds_until_unlock: Option<u64>,
    /// The user it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<IdRef>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<IdRef>,
    /// The password policy that governs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_policy: Option<IdRef>,
    /// Everything else: warnings, `_links`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl PasswordState {
    /// A state with only `status` set.
    pub fn with_status(status: PasswordStatus) -> Self {
        Self {
            status,
            last_changed_at: None,
            seconds_until_unlock: None,
            user: None,
            environment: None,
            password_policy: None,
            extra: Map::new(),
        }
    }

    /// Whether the password is locked out.
    pub fn is_locked_out(&self) -> bool {
        self.status == PasswordStatus::LockedOut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_statuses_and_fields_survive() {
        let json = serde_json::json!({
            "status": "SOMETHING_NEW", "user": {"id": "u"},
            "failuresRemaining": 2
        });
        let state: PasswordState = serde_json::from_value(json.clone()).expect("decodes");
        assert_eq!(state.status, PasswordStatus::Other("SOMETHING_NEW".into()));
        assert_eq!(serde_json::to_value(&state).expect("encodes"), json);
        let locked: PasswordState =
            serde_json::from_value(serde_json::json!({"status": "PASSWORD_LOCKED_OUT"}))
                .expect("decodes");
        assert!(locked.is_locked_out());
    }
}
