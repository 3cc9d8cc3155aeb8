//! When an operation must not be sent: read-only, a state it would not change, an external
//! identity provider, a device or session not chosen, not read, or not there.

use super::{Refusal, Sessions, UserOp};
use crate::desk::diagnosis::{
    account_lock_is_only_the_password, external_provider_name, is_unverified,
};
use crate::desk::inert::in_sentence;
use crate::desk::known::{Known, device_label};
use crate::pingone::PasswordStatus;

impl UserOp {
    /// Why it should not be sent to this user, if it should not, from what is `known`.
    pub fn refusal(&self, known: &Known<'_>, read_only: bool) -> Option<Refusal> {
        let user = known.user;
        let password = known.password;
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
            Self::ResendVerification if !is_unverified(user) => {
                not(format!("{name} is already verified"))
            }
            Self::UnblockDevice { device } | Self::BlockDevice { device } => {
                let block = matches!(self, Self::BlockDevice { .. });
                device_refusal(known, device, block)
            }
            Self::RevokeSession { sessions } => session_refusal(known, sessions),
            Self::EnableMfa if user.mfa_enabled == Some(true) => {
                not(format!("MFA is already on for {name}"))
            }
            Self::DisableMfa if user.mfa_enabled != Some(true) => {
                not(format!("MFA is already off for {name}"))
            }
            _ => None,
        }
    }
}

/// Why a block (or unblock) of `device` would be pointless or wrong, if it would.
fn device_refusal(known: &Known<'_>, device: &str, block: bool) -> Option<Refusal> {
    let name = in_sentence(&known.user.username);
    let not = |text: String| Some(Refusal::NotApplicable(text));
    let Some(devices) = known.devices else {
        return not(format!("{name}'s MFA devices have not been read yet"));
    };
    if device.is_empty() {
        let wanted = devices.iter().filter(|d| d.is_blocked() != block).count();
        return not(match (wanted, block) {
            (0, false) => format!("{name} has no blocked MFA device: nothing to unblock"),
            (0, true) => format!("{name} has no MFA device left to block"),
            _ => "Choose a device in the MFA section first".to_owned(),
        });
    }
    let Some(found) = known.device(device) else {
        return Some(Refusal::Missing(format!(
            "{name} has no MFA device {}",
            in_sentence(device)
        )));
    };
    match (found.is_blocked(), block) {
        (true, true) => not(format!("{} is already blocked", device_label(found))),
        (false, false) => not(format!(
            "{} is not blocked: nothing to unblock",
            device_label(found)
        )),
        _ => None,
    }
}

/// Why revoking `sessions` would be pointless or wrong, if it would.
fn session_refusal(known: &Known<'_>, sessions: &Sessions) -> Option<Refusal> {
    let name = in_sentence(&known.user.username);
    let not = |text: String| Some(Refusal::NotApplicable(text));
    let Some(read) = known.sessions else {
        return not(format!("{name}'s sessions have not been read yet"));
    };
    match sessions {
        Sessions::All(ids) if ids.is_empty() => {
            not(format!("{name} has no session: nothing to revoke"))
        }
        Sessions::One(id) if id.is_empty() && read.is_empty() => {
            not(format!("{name} has no session: nothing to revoke"))
        }
        Sessions::One(id) if id.is_empty() => {
            not("Choose a session in the Sessions section first".to_owned())
        }
        Sessions::One(id) if known.session(id).is_none() => Some(Refusal::Missing(format!(
            "{name} has no session {} (it may have ended)",
            in_sentence(id)
        ))),
        Sessions::One(_) | Sessions::All(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::OpKind;
    use crate::desk::ops::Target;
    use crate::pingone::device::{BlockStatus, DeviceBlock};
    use crate::pingone::user::{Account, AccountStatus, IdentityProvider};
    use crate::pingone::{Device, PasswordState, Session, User};

    fn known<'a>(user: &'a User, password: Option<&'a PasswordState>) -> Known<'a> {
        Known {
            password,
            ..Known::record(user, jiff::Timestamp::UNIX_EPOCH)
        }
    }

    #[test]
    fn read_only_refuses_everything() {
        let user = User::default();
        for kind in OpKind::all() {
            let refusal = UserOp::of(*kind).refusal(&known(&user, None), true);
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
        let refused = |op: &UserOp, user: &User, p: Option<&PasswordState>| {
            op.refusal(&known(user, p), false)
        };
        assert!(refused(&UserOp::UnlockPassword, &user, Some(&out)).is_none());
        assert!(refused(&UserOp::UnlockPassword, &user, Some(&ok)).is_some());
        assert!(refused(&UserOp::UnlockPassword, &user, None).is_some());
        assert!(refused(&UserOp::SendRecoveryCode, &user, Some(&ok)).is_none());
        assert!(refused(&UserOp::SendRecoveryCode, &user, Some(&out)).is_some());
        user.identity_provider = Some(IdentityProvider {
            kind: Some("MICROSOFT".into()),
            id: Some("idp".into()),
        });
        let refusal = refused(&UserOp::UnlockPassword, &user, Some(&out));
        assert!(
            matches!(&refusal, Some(Refusal::External(text)) if text.contains("MICROSOFT")),
            "{refusal:?}"
        );
    }

    #[test]
    fn unlock_needs_a_lock_that_is_not_only_the_password() {
        let mut user = User::default();
        let refused = |user: &User, p| UserOp::UnlockAccount.refusal(&known(user, p), false);
        assert!(refused(&user, None).is_some());
        user.account = Some(Account {
            status: Some(AccountStatus::Locked),
            ..Account::default()
        });
        let out = PasswordState::with_status(PasswordStatus::LockedOut);
        assert!(refused(&user, None).is_none());
        assert!(refused(&user, Some(&out)).is_some());
    }

    #[test]
    fn device_and_session_ops_need_a_target_that_is_there() {
        let user = User {
            username: "w".into(),
            mfa_enabled: Some(true),
            ..User::default()
        };
        let blocked = Device {
            id: "d1".into(),
            kind: "SMS".into(),
            block: Some(DeviceBlock {
                status: BlockStatus::Blocked,
                blocked_at: None,
            }),
            ..Device::default()
        };
        let devices = [blocked];
        let sessions = [Session {
            id: "s1".into(),
            ..Session::default()
        }];
        let all = Known {
            devices: Some(&devices),
            sessions: Some(&sessions),
            ..known(&user, None)
        };
        let refused = |kind, target| {
            UserOp::at(kind, target)
                .refusal(&all, false)
                .map(|r| r.to_string())
        };
        assert_eq!(
            refused(OpKind::UnblockDevice, Target::Device("d1".into())),
            None
        );
        let again = refused(OpKind::BlockDevice, Target::Device("d1".into()));
        assert!(again.is_some_and(|r| r.contains("already blocked")));
        let missing = refused(OpKind::UnblockDevice, Target::Device("zz".into()));
        assert!(missing.is_some_and(|r| r.contains("no MFA device zz")));
        let unchosen = refused(OpKind::UnblockDevice, Target::User);
        assert!(unchosen.is_some_and(|r| r.contains("Choose a device")));
        assert_eq!(
            refused(OpKind::RevokeSession, Target::Session("s1".into())),
            None
        );
        let none = refused(OpKind::RevokeSession, Target::AllSessions(Vec::new()));
        assert!(none.is_some_and(|r| r.contains("no session")));
        let unread = UserOp::at(OpKind::BlockDevice, Target::Device("d1".into()))
            .refusal(&known(&user, None), false);
        assert!(unread.is_some_and(|r| r.to_string().contains("not been read")));
        assert!(UserOp::EnableMfa.refusal(&all, false).is_some());
        assert!(UserOp::DisableMfa.refusal(&all, false).is_none());
    }
}
