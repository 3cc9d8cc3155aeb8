//! What the confirm asks and what the status line and the log say afterwards (inert).

use jiff::Timestamp;

use super::{Sessions, UserOp};
use crate::desk::inert::in_sentence;
use crate::desk::known::{Known, device_label, session_label};

impl UserOp {
    /// The confirm dialog's question (inert: safe to draw).
    pub fn question(&self, known: &Known<'_>) -> String {
        let user = known.user;
        let name = in_sentence(&user.username);
        let email = || in_sentence(user.email.as_deref().unwrap_or_default());
        let device = |id: &str| {
            known
                .device(id)
                .map_or_else(|| in_sentence(id), device_label)
        };
        match self {
            Self::UnlockAccount => format!("Unlock the account of {name}?"),
            Self::LockAccount { unlock_at } => {
                format!("Lock the account of {name} {}?", until(*unlock_at))
            }
            Self::UnlockPassword => format!("Unlock the password of {name}?"),
            Self::ForcePasswordChange => {
                format!("Make {name} choose a new password at the next sign-on?")
            }
            Self::SendRecoveryCode => {
                format!("Email a password recovery code to {name} at {}?", email())
            }
            Self::EnableUser => format!("Enable {name}?"),
            Self::DisableUser => format!("Disable {name}? They cannot sign in until enabled."),
            Self::ResendVerification => {
                format!("Email a new verification code to {name} at {}?", email())
            }
            Self::UnblockDevice { device: id } => {
                format!("Unblock the MFA device {} of {name}?", device(id))
            }
            Self::BlockDevice { device: id } => format!(
                "Block the MFA device {} of {name}? It cannot be used until unblocked.",
                device(id)
            ),
            Self::RevokeSession {
                sessions: Sessions::One(id),
            } => format!(
                "Revoke the session {} of {name}? They must sign in again there.",
                known
                    .session(id)
                    .map_or_else(|| in_sentence(id), session_label)
            ),
            Self::RevokeSession {
                sessions: Sessions::All(ids),
            } => format!(
                "Revoke all {} sessions of {name}? They must sign in again everywhere.",
                ids.len()
            ),
            Self::EnableMfa => format!("Turn MFA on for {name}?"),
            Self::DisableMfa => {
                format!("Turn MFA off for {name}? They will sign in without a second factor.")
            }
        }
    }

    /// What was done, for the status line and the log (inert).
    pub fn done(&self, username: &str) -> String {
        let name = in_sentence(username);
        match self {
            Self::UnlockAccount => format!("Unlocked the account of {name}"),
            Self::LockAccount { unlock_at } => {
                format!("Locked the account of {name} {}", until(*unlock_at))
            }
            Self::UnlockPassword => format!("Unlocked the password of {name}"),
            Self::ForcePasswordChange => {
                format!("{name} must choose a new password at the next sign-on")
            }
            Self::SendRecoveryCode => format!("Sent a password recovery code to {name}"),
            Self::EnableUser => format!("Enabled {name}"),
            Self::DisableUser => format!("Disabled {name}"),
            Self::ResendVerification => format!("Sent a new verification code to {name}"),
            Self::UnblockDevice { .. } => format!("Unblocked an MFA device of {name}"),
            Self::BlockDevice { .. } => format!("Blocked an MFA device of {name}"),
            Self::RevokeSession {
                sessions: Sessions::One(_),
            } => format!("Revoked a session of {name}"),
            Self::RevokeSession {
                sessions: Sessions::All(ids),
            } => format!("Revoked all {} sessions of {name}", ids.len()),
            Self::EnableMfa => format!("Turned MFA on for {name}"),
            Self::DisableMfa => format!("Turned MFA off for {name}"),
        }
    }
}

/// How long a lock lasts, in words: `until 2026-12-01 09:00 UTC`, or until an admin unlocks it.
fn until(unlock_at: Option<Timestamp>) -> String {
    match unlock_at {
        Some(at) => format!("until {}", at.strftime("%Y-%m-%d %H:%M UTC")),
        None => "until an admin unlocks it".to_owned(),
    }
}
