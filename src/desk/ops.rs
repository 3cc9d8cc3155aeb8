//! Every write a support agent can make on a user, in one type. Each operation says how it is
//! named (verb, key, CLI name), what it sends, what PingOne answers, when it is refused, what the
//! confirm asks and what the log says. The console and the CLI both go through it; adding an
//! operation is one variant here plus its simulator handler and tests (README: "Adding an
//! operation").

use bytes::Bytes;
use jiff::Timestamp;
use reqwest::Method;
use serde::{Deserialize, Serialize};
use strum::{EnumDiscriminants, IntoDiscriminant as _, VariantArray as _};

use super::diagnosis::{account_lock_is_only_the_password, external_provider_name};
use super::inert::{in_sentence, inert};
use crate::api::UserWrite;
use crate::pingone::{self, PasswordState, PasswordStatus, User};

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
}

/// What PingOne answers a write with, which decides what must be read afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// The full user record: nothing to read again.
    User,
    /// The password state: the user is read again (an account lock may have gone with it).
    Password,
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
        }
    }

    /// Its name in the key file and the help (`unlock_account`).
    pub fn name(self) -> &'static str {
        self.into()
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
        }
    }

    /// The permission a 403 means the worker app lacks ([`pingone::permission_hint`]).
    pub fn permission(self) -> &'static str {
        pingone::PERMISSION_UPDATE_USER
    }
}

impl UserOp {
    /// Operation `kind` with default arguments (a lock until an admin unlocks it), which a
    /// dialog or the command line then fills in.
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
        }
    }

    /// Which operation this is.
    pub fn kind(&self) -> OpKind {
        self.discriminant()
    }

    /// The request: method, path below `/users/{id}`, media type, body.
    pub fn request(&self) -> UserWrite {
        let post = |sub_path, media_type| UserWrite {
            method: Method::POST,
            sub_path,
            media_type,
            body: Bytes::new(),
        };
        let enabled = |on: bool| UserWrite {
            method: Method::PUT,
            sub_path: Some("enabled"),
            media_type: pingone::MEDIA_JSON,
            body: Bytes::from(serde_json::json!({ "enabled": on }).to_string()),
        };
        match self {
            Self::UnlockAccount => post(None, pingone::MEDIA_ACCOUNT_UNLOCK),
            Self::LockAccount { unlock_at } => UserWrite {
                body: Bytes::from(match unlock_at {
                    Some(at) => serde_json::json!({ "unlockAt": at }).to_string(),
                    None => "{}".to_owned(),
                }),
                ..post(None, pingone::MEDIA_ACCOUNT_LOCK)
            },
            Self::UnlockPassword => post(Some("password"), pingone::MEDIA_PASSWORD_UNLOCK),
            Self::ForcePasswordChange => {
                post(Some("password"), pingone::MEDIA_PASSWORD_FORCE_CHANGE)
            }
            Self::SendRecoveryCode => {
                post(Some("password"), pingone::MEDIA_PASSWORD_SEND_RECOVERY_CODE)
            }
            Self::EnableUser => enabled(true),
            Self::DisableUser => enabled(false),
            Self::ResendVerification => post(None, pingone::MEDIA_USER_SEND_VERIFICATION_CODE),
        }
    }

    /// What PingOne answers it with.
    pub fn reply(&self) -> Reply {
        match self {
            // sendVerificationCode answering with the user, like the other POST /users/{id}
            // actions, is UNVERIFIED.
            Self::UnlockAccount | Self::LockAccount { .. } | Self::ResendVerification => {
                Reply::User
            }
            Self::UnlockPassword | Self::ForcePasswordChange => Reply::Password,
            Self::SendRecoveryCode => Reply::Unchanged,
            // PUT …/enabled answers `{"enabled": …}`, not the user.
            Self::EnableUser | Self::DisableUser => Reply::Other,
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
            || (matches!(self, Self::UnlockAccount)
                && user.is_locked()
                && user.account.as_ref().is_some_and(|a| a.locked_at.is_none()))
    }

    /// Whether PingOne's answer settles the cause it fixes. A code sent (recovery, verification)
    /// settles nothing until the user uses it, so its cause staying is no failure.
    pub fn settles_cause(&self) -> bool {
        !matches!(self, Self::SendRecoveryCode | Self::ResendVerification)
    }

    /// Why it should not be sent to this user, if it should not. `password` is the password
    /// state when it has been read.
    pub fn refusal(
        &self,
        user: &User,
        password: Option<&PasswordState>,
        read_only: bool,
    ) -> Option<Refusal> {
        let name = in_sentence(&user.username);
        let not = |text: String| Some(Refusal::NotApplicable(text));
        if read_only {
            return Some(Refusal::ReadOnly(self.kind().verb()));
        }
        let provider = external_provider_name(user).filter(|_| self.needs_password());
        if let Some(provider) = provider {
            return Some(Refusal::External(format!(
                "{name} signs in through {provider}: the password is managed there, not in PingOne"
            )));
        }
        let status = password.map(|p| &p.status);
        match self {
            Self::UnlockAccount if !user.is_locked() => {
                not(format!("{name}'s account is not locked: nothing to unlock"))
            }
            Self::UnlockAccount if account_lock_is_only_the_password(user, password) => {
                not(format!(
                    "{name}'s account is locked by the password lockout: unlock the password instead"
                ))
            }
            Self::UnlockPassword => match status {
                None => not(format!("{name}'s password state has not been read yet")),
                Some(PasswordStatus::LockedOut) => None,
                Some(other) => not(format!(
                    "{name}'s password is not locked out ({}): nothing to unlock",
                    other.as_str()
                )),
            },
            Self::ForcePasswordChange => match status {
                None => not(format!("{name}'s password state has not been read yet")),
                Some(PasswordStatus::NoPassword) => {
                    not(format!("{name} has no password to change"))
                }
                Some(PasswordStatus::External) => not(format!(
                    "{name}'s password is held by an external directory"
                )),
                Some(PasswordStatus::MustChange) => not(format!(
                    "{name} must already change their password at the next sign-on"
                )),
                Some(_) => None,
            },
            // [DEV] password-resend-recovery-code: refused for a disabled user, and for
            // NO_PASSWORD and PASSWORD_LOCKED_OUT passwords.
            Self::SendRecoveryCode => match status {
                _ if user.enabled == Some(false) => not(format!(
                    "{name} is disabled: PingOne sends no recovery code to a disabled user"
                )),
                _ if user.email.as_deref().is_none_or(str::is_empty) => {
                    not(format!("{name} has no email address to send a code to"))
                }
                None => not(format!("{name}'s password state has not been read yet")),
                Some(PasswordStatus::NoPassword | PasswordStatus::External) => {
                    not(format!("{name} has no PingOne password to recover"))
                }
                Some(PasswordStatus::LockedOut) => not(format!(
                    "{name}'s password is locked out: unlock it first, then send a code"
                )),
                Some(_) => None,
            },
            Self::EnableUser if user.enabled != Some(false) => {
                not(format!("{name} is already enabled"))
            }
            Self::DisableUser if user.enabled == Some(false) => {
                not(format!("{name} is already disabled"))
            }
            Self::ResendVerification if user.email.as_deref().is_none_or(str::is_empty) => {
                not(format!("{name} has no email address to verify"))
            }
            Self::ResendVerification if !super::diagnosis::is_unverified(user) => {
                not(format!("{name} is already verified"))
            }
            _ => None,
        }
    }

    /// The confirm dialog's question (inert: safe to draw).
    pub fn question(&self, user: &User) -> String {
        let name = in_sentence(&user.username);
        match self {
            Self::UnlockAccount => format!("Unlock the account of {name}?"),
            Self::LockAccount { unlock_at: None } => {
                format!("Lock the account of {name} until an admin unlocks it?")
            }
            Self::LockAccount {
                unlock_at: Some(at),
            } => format!(
                "Lock the account of {name} until {}?",
                at.strftime("%Y-%m-%d %H:%M UTC")
            ),
            Self::UnlockPassword => format!("Unlock the password of {name}?"),
            Self::ForcePasswordChange => {
                format!("Make {name} choose a new password at the next sign-on?")
            }
            Self::SendRecoveryCode => format!(
                "Email a password recovery code to {name} at {}?",
                in_sentence(user.email.as_deref().unwrap_or_default())
            ),
            Self::EnableUser => format!("Enable {name}?"),
            Self::DisableUser => format!("Disable {name}? They cannot sign in until enabled."),
            Self::ResendVerification => format!(
                "Email a new verification code to {name} at {}?",
                in_sentence(user.email.as_deref().unwrap_or_default())
            ),
        }
    }

    /// What was done, for the status line and the log (inert).
    pub fn done(&self, username: &str) -> String {
        let name = in_sentence(username);
        match self {
            Self::UnlockAccount => format!("Unlocked the account of {name}"),
            Self::LockAccount { unlock_at: None } => {
                format!("Locked the account of {name} until an admin unlocks it")
            }
            Self::LockAccount {
                unlock_at: Some(at),
            } => format!(
                "Locked the account of {name} until {}",
                at.strftime("%Y-%m-%d %H:%M UTC")
            ),
            Self::UnlockPassword => format!("Unlocked the password of {name}"),
            Self::ForcePasswordChange => {
                format!("{name} must choose a new password at the next sign-on")
            }
            Self::SendRecoveryCode => format!("Sent a password recovery code to {name}"),
            Self::EnableUser => format!("Enabled {name}"),
            Self::DisableUser => format!("Disabled {name}"),
            Self::ResendVerification => format!("Sent a new verification code to {name}"),
        }
    }
}

/// A duration written `30m`, `2h`, `1d` (days of 24 hours), `2h 30m`.
pub fn age(text: &str) -> Result<jiff::SignedDuration, String> {
    let span: jiff::Span = text
        .trim()
        .parse()
        .map_err(|_| format!("{:?} is not a duration such as 2h, 30m or 7d", inert(text)))?;
    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .map_err(|e| e.to_string())
}

/// When a lock typed as `+2h` (a duration from `now`: `30m`, `2h`, `1d`…) or as an RFC 3339
/// time (`2026-12-01T09:00:00Z`) ends; refused when it is not in the future.
pub fn lock_until(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    let text = text.trim();
    let at = if let Some(span) = text.strip_prefix('+') {
        let duration = age(span)
            .map_err(|_| format!("{:?} is not a duration such as +2h or +30m", inert(text)))?;
        now.checked_add(duration).map_err(|e| e.to_string())?
    } else {
        text.parse::<Timestamp>().map_err(|_| {
            format!(
                "{:?} is not a time: write 2026-12-01T09:00:00Z, or +2h",
                inert(text)
            )
        })?
    };
    if at <= now {
        return Err(format!(
            "{} is in the past (or now): choose a time in the future",
            inert(text)
        ));
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pingone::user::{Account, AccountStatus};

    #[test]
    fn lock_times_are_durations_or_times_in_the_future() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        let at = |text: &str| lock_until(text, now).map(|t| t.to_string());
        assert_eq!(at("+2h").as_deref(), Ok("2026-01-01T02:00:00Z"));
        assert_eq!(at("+1d").as_deref(), Ok("2026-01-02T00:00:00Z"));
        assert_eq!(
            at("2026-03-01T09:00:00Z").as_deref(),
            Ok("2026-03-01T09:00:00Z")
        );
        assert!(at("2025-01-01T00:00:00Z").is_err());
        assert!(at("+0m").is_err());
        assert!(at("tomorrow").is_err());
    }

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
    fn read_only_refuses_everything() {
        let user = User::default();
        for kind in OpKind::all() {
            let refusal = UserOp::of(*kind).refusal(&user, None, true);
            assert_eq!(refusal, Some(Refusal::ReadOnly(kind.verb())));
        }
    }

    #[test]
    fn password_ops_are_refused_for_external_users_and_wrong_states() {
        let mut user = User {
            username: "x".into(),
            email: Some("x@example.com".into()),
            ..User::default()
        };
        let ok = PasswordState::with_status(PasswordStatus::Ok);
        let out = PasswordState::with_status(PasswordStatus::LockedOut);
        assert!(
            UserOp::UnlockPassword
                .refusal(&user, Some(&out), false)
                .is_none()
        );
        assert!(
            UserOp::UnlockPassword
                .refusal(&user, Some(&ok), false)
                .is_some()
        );
        assert!(UserOp::UnlockPassword.refusal(&user, None, false).is_some());
        assert!(
            UserOp::SendRecoveryCode
                .refusal(&user, Some(&ok), false)
                .is_none()
        );
        assert!(
            UserOp::SendRecoveryCode
                .refusal(&user, Some(&out), false)
                .is_some()
        );
        user.identity_provider = Some(crate::pingone::user::IdentityProvider {
            kind: Some("MICROSOFT".into()),
            id: Some("idp".into()),
        });
        let refusal = UserOp::UnlockPassword.refusal(&user, Some(&out), false);
        assert!(
            matches!(&refusal, Some(Refusal::External(text)) if text.contains("MICROSOFT")),
            "{refusal:?}"
        );
    }

    #[test]
    fn unlock_needs_a_lock_that_is_not_only_the_password() {
        let mut user = User::default();
        assert!(UserOp::UnlockAccount.refusal(&user, None, false).is_some());
        user.account = Some(Account {
            status: Some(AccountStatus::Locked),
            ..Account::default()
        });
        let out = PasswordState::with_status(PasswordStatus::LockedOut);
        assert!(UserOp::UnlockAccount.refusal(&user, None, false).is_none());
        assert!(
            UserOp::UnlockAccount
                .refusal(&user, Some(&out), false)
                .is_some()
        );
    }

    #[test]
    fn requests_carry_the_documented_media_types() {
        let lock = UserOp::LockAccount {
            unlock_at: Some("2030-01-01T00:00:00Z".parse().expect("a time")),
        }
        .request();
        assert_eq!(lock.media_type, pingone::MEDIA_ACCOUNT_LOCK);
        assert_eq!(&lock.body[..], br#"{"unlockAt":"2030-01-01T00:00:00Z"}"#);
        let disable = UserOp::DisableUser.request();
        assert_eq!(
            (disable.method, disable.sub_path),
            (Method::PUT, Some("enabled"))
        );
        assert_eq!(&disable.body[..], br#"{"enabled":false}"#);
        assert!(UserOp::UnlockAccount.request().body.is_empty());
    }
}
