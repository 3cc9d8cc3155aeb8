//! Every write a support agent can make on a user, in one type. Each operation says how it is
//! named (verb, key, CLI name), what inside the user it acts on (the user, a device, a
//! session), what it sends, what PingOne answers, when it is refused, what the confirm asks and
//! what the log says. The console and the CLI both go through it; adding an operation is one
//! variant here plus its simulator handler and tests (README: "Adding an operation").

mod lock;
mod refusal;
mod wire;
mod words;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use strum::{EnumDiscriminants, IntoDiscriminant as _, VariantArray as _};

use super::diagnosis::lock_may_be_the_password;
use crate::pingone::{self, User};

pub use lock::{age, lock_until};

/// One write on one user, with what it needs. Its [`OpKind`] names it in key maps and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, EnumDiscriminants)]
#[strum_discriminants(name(OpKind), vis(pub))]
#[strum_discriminants(derive(
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr
))]
#[strum_discriminants(serde(rename_all = "snake_case"))]
#[strum_discriminants(strum(serialize_all = "snake_case"))]
#[strum_discriminants(
    doc = "Which operation, without its arguments: what a key or a CLI verb names."
)]
pub enum UserOp {
    /// Unlock the account (`account.unlock`).
    UnlockAccount,
    /// Lock the account until a time, or until an admin unlocks it (`account.lock`).
    LockAccount {
        /// When it unlocks by itself; `None` = only an admin can unlock it.
        unlock_at: Option<Timestamp>,
    },
    /// Unlock a password locked out by failed checks (`password.unlock`).
    UnlockPassword,
    /// Make the user choose a new password at the next sign-on (`password.forceChange`).
    ForcePasswordChange,
    /// Email the user a password recovery code (`password.sendRecoveryCode`).
    SendRecoveryCode,
    /// Enable a disabled user (`PUT …/enabled`).
    EnableUser,
    /// Disable the user (`PUT …/enabled`).
    DisableUser,
    /// Send the email verification code again (`user.sendVerificationCode`).
    ResendVerification,
    /// Unblock an MFA device (`device.unblock`).
    UnblockDevice {
        /// The device's id; empty until one is chosen.
        device: String,
    },
    /// Block an MFA device (`device.block`): it cannot be used until unblocked.
    BlockDevice {
        /// The device's id; empty until one is chosen.
        device: String,
    },
    /// Revoke one session, or all of them (`DELETE …/sessions/{id}`, one request each).
    RevokeSession {
        /// Which.
        sessions: Sessions,
    },
    /// Turn MFA on for the user (`PUT …/mfaEnabled`).
    EnableMfa,
    /// Turn MFA off for the user (`PUT …/mfaEnabled`).
    DisableMfa,
}

/// Which sessions a revoke ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sessions {
    /// One session, by id; empty until one is chosen.
    One(String),
    /// Every session, by the ids read.
    All(Vec<String>),
}

/// What inside the user an operation acts on (in the journal: `{"device": id}`,
/// `{"session": id}`, `{"all_sessions": [ids]}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The user themself.
    User,
    /// One MFA device, by id.
    Device(String),
    /// One session, by id.
    Session(String),
    /// Every session, by the ids read.
    AllSessions(Vec<String>),
}

impl Target {
    /// In words for the journal (`device ID`, `session ID`, `all 3 sessions`); none for the user.
    pub fn describe(&self) -> Option<String> {
        match self {
            Self::User => None,
            Self::Device(id) => Some(format!("device {id}")),
            Self::Session(id) => Some(format!("session {id}")),
            Self::AllSessions(ids) => Some(match ids.len() {
                1 => "all 1 session".to_owned(),
                n => format!("all {n} sessions"),
            }),
        }
    }
}

/// What kind of target an operation needs (for the console's section and the CLI's arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing beyond the user.
    User,
    /// One MFA device (`DEVICE`).
    Device,
    /// One session (`SESSION`), or all of them (`--all`).
    Session,
}

/// What PingOne answers a write with, which decides what must be read afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// The full user record: nothing to read again.
    User,
    /// The password state: the user is read again (an account lock may have gone with it).
    Password,
    /// The device: nothing about the user to read again.
    Device,
    /// Nothing (`204`) for a revoked session: the sessions are read again.
    Sessions,
    /// Something else (or nothing): the user is read again.
    Other,
    /// Nothing about the user changes (a code was sent): nothing to read again.
    Unchanged,
}

/// Why an operation will not be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The connection is read-only.
    #[error("Read-only: {0} is disabled for this connection")]
    ReadOnly(&'static str),
    /// The user's state makes it pointless or wrong.
    #[error("{0}")]
    NotApplicable(String),
    /// An external identity provider holds what it would change.
    #[error("{0}")]
    External(String),
    /// The device or session it names is not the user's (or has gone).
    #[error("{0}")]
    Missing(String),
}

impl OpKind {
    /// Every operation, in the order help lists them.
    pub fn all() -> &'static [OpKind] {
        Self::VARIANTS
    }

    /// What it does, as a verb phrase ("unlock account"); also the action in error messages.
    pub fn verb(self) -> &'static str {
        match self {
            Self::UnlockAccount => "unlock account",
            Self::LockAccount => "lock account",
            Self::UnlockPassword => "unlock password",
            Self::ForcePasswordChange => "force password change",
            Self::SendRecoveryCode => "send recovery code",
            Self::EnableUser => "enable user",
            Self::DisableUser => "disable user",
            Self::ResendVerification => "resend verification email",
            Self::UnblockDevice => "unblock MFA device",
            Self::BlockDevice => "block MFA device",
            Self::RevokeSession => "revoke session",
            Self::EnableMfa => "turn MFA on",
            Self::DisableMfa => "turn MFA off",
        }
    }

    /// Its name in the key file and the help (`unlock_account`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The operation whose [`OpKind::cli_name`] is `name` (as the journal records it too).
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::all().iter().copied().find(|k| k.cli_name() == name)
    }

    /// Its `pingdesk users` subcommand.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::UnlockAccount => "unlock",
            Self::LockAccount => "lock",
            Self::UnlockPassword => "password-unlock",
            Self::ForcePasswordChange => "force-password-change",
            Self::SendRecoveryCode => "send-recovery-code",
            Self::EnableUser => "enable",
            Self::DisableUser => "disable",
            Self::ResendVerification => "resend-verification",
            Self::UnblockDevice => "unblock-device",
            Self::BlockDevice => "block-device",
            Self::RevokeSession => "revoke-session",
            Self::EnableMfa => "mfa-on",
            Self::DisableMfa => "mfa-off",
        }
    }

    /// One line for `--help` and the help overlay.
    pub fn about(self) -> &'static str {
        match self {
            Self::UnlockAccount => "Unlock a user's account",
            Self::LockAccount => "Lock a user's account, for a while or until an admin unlocks it",
            Self::UnlockPassword => "Unlock a password locked out by failed sign-on attempts",
            Self::ForcePasswordChange => "Make the user choose a new password at the next sign-on",
            Self::SendRecoveryCode => "Email the user a code to set a new password",
            Self::EnableUser => "Enable a disabled user",
            Self::DisableUser => "Disable a user: they cannot sign in until enabled",
            Self::ResendVerification => "Email the user a new verification code",
            Self::UnblockDevice => "Unblock one of the user's MFA devices",
            Self::BlockDevice => {
                "Block one of the user's MFA devices: it cannot be used until unblocked"
            }
            Self::RevokeSession => "Revoke one of the user's sessions, or all of them (--all)",
            Self::EnableMfa => "Turn MFA on for the user",
            Self::DisableMfa => "Turn MFA off for the user: they sign in without a second factor",
        }
    }

    /// The permission a 403 means the worker app lacks ([`pingone::permission_hint`]).
    pub fn permission(self) -> &'static str {
        match self {
            Self::UnblockDevice | Self::BlockDevice => pingone::PERMISSION_UPDATE_DEVICES,
            Self::RevokeSession => pingone::PERMISSION_DELETE_SESSIONS,
            Self::EnableMfa | Self::DisableMfa => pingone::PERMISSION_UPDATE_MFA,
            _ => pingone::PERMISSION_UPDATE_USER,
        }
    }

    /// What it acts on besides the user.
    pub fn target(self) -> Needs {
        match self {
            Self::UnblockDevice | Self::BlockDevice => Needs::Device,
            Self::RevokeSession => Needs::Session,
            _ => Needs::User,
        }
    }
}

impl UserOp {
    /// Operation `kind` with default arguments (a lock until an admin unlocks it, no device or
    /// session chosen yet), which a dialog, a selection or the command line then fills in.
    pub fn of(kind: OpKind) -> Self {
        match kind {
            OpKind::UnlockAccount => Self::UnlockAccount,
            OpKind::LockAccount => Self::LockAccount { unlock_at: None },
            OpKind::UnlockPassword => Self::UnlockPassword,
            OpKind::ForcePasswordChange => Self::ForcePasswordChange,
            OpKind::SendRecoveryCode => Self::SendRecoveryCode,
            OpKind::EnableUser => Self::EnableUser,
            OpKind::DisableUser => Self::DisableUser,
            OpKind::ResendVerification => Self::ResendVerification,
            OpKind::UnblockDevice => Self::UnblockDevice {
                device: String::new(),
            },
            OpKind::BlockDevice => Self::BlockDevice {
                device: String::new(),
            },
            OpKind::RevokeSession => Self::RevokeSession {
                sessions: Sessions::One(String::new()),
            },
            OpKind::EnableMfa => Self::EnableMfa,
            OpKind::DisableMfa => Self::DisableMfa,
        }
    }

    /// Operation `kind` aimed at `target`; a target the operation does not take is ignored.
    pub fn at(kind: OpKind, target: Target) -> Self {
        match (Self::of(kind), target) {
            (Self::UnblockDevice { .. }, Target::Device(device)) => Self::UnblockDevice { device },
            (Self::BlockDevice { .. }, Target::Device(device)) => Self::BlockDevice { device },
            (Self::RevokeSession { .. }, Target::Session(id)) => Self::RevokeSession {
                sessions: Sessions::One(id),
            },
            (Self::RevokeSession { .. }, Target::AllSessions(ids)) => Self::RevokeSession {
                sessions: Sessions::All(ids),
            },
            (op, _) => op,
        }
    }

    /// Which operation this is.
    pub fn kind(&self) -> OpKind {
        self.discriminant()
    }

    /// What it acts on.
    pub fn target(&self) -> Target {
        match self {
            Self::UnblockDevice { device } | Self::BlockDevice { device } => {
                Target::Device(device.clone())
            }
            Self::RevokeSession {
                sessions: Sessions::One(id),
            } => Target::Session(id.clone()),
            Self::RevokeSession {
                sessions: Sessions::All(ids),
            } => Target::AllSessions(ids.clone()),
            _ => Target::User,
        }
    }

    /// Whether the password state must be read before deciding (and again after).
    pub fn needs_password(&self) -> bool {
        matches!(
            self,
            Self::UnlockPassword | Self::ForcePasswordChange | Self::SendRecoveryCode
        )
    }

    /// Whether deciding about `user` needs their password state: for password operations, and
    /// for an account unlock when the lock has no `lockedAt` (it may be only the password's).
    pub fn needs_password_for(&self, user: &User) -> bool {
        self.needs_password()
            || (matches!(self, Self::UnlockAccount) && lock_may_be_the_password(user))
    }

    /// Whether PingOne's answer settles the cause it fixes. A code sent (recovery, verification)
    /// settles nothing until the user uses it, so its cause staying is no failure.
    pub fn settles_cause(&self) -> bool {
        !matches!(self, Self::SendRecoveryCode | Self::ResendVerification)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_file_names_are_the_serde_names() {
        for kind in OpKind::all() {
            let serde = serde_json::to_value(kind).expect("a name");
            assert_eq!(serde.as_str(), Some(kind.name()));
        }
        assert_eq!(OpKind::UnlockPassword.name(), "unlock_password");
    }

    #[test]
    fn names_are_unique() {
        let all = OpKind::all();
        for (i, a) in all.iter().enumerate() {
            assert_eq!(UserOp::of(*a).kind(), *a);
            for b in &all[i + 1..] {
                assert_ne!(a.name(), b.name(), "{a:?} {b:?}");
                assert_ne!(a.cli_name(), b.cli_name());
                assert_ne!(a.verb(), b.verb());
            }
        }
    }

    #[test]
    fn targets_go_where_the_operation_takes_them() {
        let device = Target::Device("d".into());
        let op = UserOp::at(OpKind::UnblockDevice, device.clone());
        assert_eq!(op.target(), device);
        assert_eq!(OpKind::UnblockDevice.target(), Needs::Device);
        let all = Target::AllSessions(vec!["s1".into(), "s2".into()]);
        assert_eq!(UserOp::at(OpKind::RevokeSession, all.clone()).target(), all);
        assert_eq!(
            UserOp::at(OpKind::UnlockAccount, device),
            UserOp::UnlockAccount,
            "a target the operation does not take is ignored"
        );
        assert_eq!(UserOp::of(OpKind::EnableMfa).target(), Target::User);
    }
}
