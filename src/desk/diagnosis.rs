//! Why a user cannot sign in, in words a support agent can read out, each cause with its fix:
//! an operation (and so a key), time, or a place outside pingdesk.

mod devices;

use super::inert::{capped, inert};
use super::known::Known;
use super::ops::{OpKind, Target, UserOp};
use crate::pingone::user::{AccountStatus, LifecycleStatus};
use crate::pingone::{self, PasswordState, PasswordStatus, User};

/// Longest an identity provider's name is shown in a cause, in characters.
const PROVIDER_NAME: usize = 40;

/// The one-word status of a listed user, readable without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusWord {
    /// `account.status` is `LOCKED`.
    Locked,
    /// `enabled` is false.
    Disabled,
    /// `lifecycle.status` is `VERIFICATION_REQUIRED`.
    Unverified,
    /// Nothing in the record stops them.
    Ok,
}

impl StatusWord {
    /// The word as shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Locked => "LOCKED",
            Self::Disabled => "DISABLED",
            Self::Unverified => "UNVERIFIED",
            Self::Ok => "OK",
        }
    }
}

/// The most urgent status of `user`: a lock first (the agent can fix it), then disabled, then
/// unverified.
pub fn status_word(user: &User) -> StatusWord {
    if user.is_locked() {
        StatusWord::Locked
    } else if user.enabled == Some(false) {
        StatusWord::Disabled
    } else if is_unverified(user) {
        StatusWord::Unverified
    } else {
        StatusWord::Ok
    }
}

/// Whether the user must verify their email before signing in.
pub fn is_unverified(user: &User) -> bool {
    user.lifecycle.as_ref().and_then(|l| l.status.as_ref())
        == Some(&LifecycleStatus::VerificationRequired)
}

/// The external identity provider that holds the user's credentials, if one does.
pub fn external_provider_name(user: &User) -> Option<String> {
    let idp = user
        .identity_provider
        .as_ref()
        .filter(|idp| idp.is_external())?;
    let name = idp
        .kind
        .as_deref()
        .unwrap_or("an external identity provider");
    Some(capped(name, PROVIDER_NAME).into_owned())
}

/// Whether the account is locked without `lockedAt` (an admin's lock always has one): the lock
/// may be only the password lockout, which only the password state can tell.
pub fn lock_may_be_the_password(user: &User) -> bool {
    user.is_locked() && user.account.as_ref().is_some_and(|a| a.locked_at.is_none())
}

/// Whether the account is locked only because the password is locked out: no `lockedAt` (an
/// admin's lock always has one) and a password that is locked out.
pub fn account_lock_is_only_the_password(user: &User, password: Option<&PasswordState>) -> bool {
    !pingone::ACCOUNT_UNLOCK_CLEARS_PASSWORD_LOCKOUT
        && lock_may_be_the_password(user)
        && password.is_some_and(PasswordState::is_locked_out)
}

/// How a cause goes away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// An operation pingdesk can send.
    Op(OpKind),
    /// It ends by itself (the cause's text says when).
    Wait,
    /// Nothing pingdesk can do: where the fix lives.
    Elsewhere(String),
}

/// One reason the user cannot sign in (or a note that matters when they try).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    /// What is wrong, inert.
    pub text: String,
    /// How to fix it.
    pub fix: Fix,
    /// What the fix acts on (a device, for a blocked one).
    pub target: Target,
    /// Whether it stops sign-in (else it is a note).
    pub blocks: bool,
}

/// Everything known about whether a user can sign in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Every cause, most actionable first.
    pub causes: Vec<Cause>,
    /// Whether the password state was read (without it, the verdict covers the record only).
    pub password_known: bool,
    /// Whether the MFA devices were read, or need not be (MFA is off): a blocked device of a
    /// user with MFA on stops sign-in, so without them "nothing stops" is not claimed.
    pub devices_known: bool,
}

impl Verdict {
    /// The verdict on what is `known` of a user: the record, and the password state and MFA
    /// devices when read. `elapsed` is how many seconds ago the account and password arrived,
    /// so their countdowns stay true (device locks are judged at `known.now`).
    pub fn of(known: &Known<'_>, elapsed: u64) -> Self {
        let (user, password) = (known.user, known.password);
        let mut causes = Vec::new();
        let left = |seconds: Option<u64>| seconds.map(|s| s.saturating_sub(elapsed));
        if let Some(state) = password.filter(|p| p.is_locked_out()) {
            let also = if account_lock_is_only_the_password(user, password) {
                ", which locks the account"
            } else {
                ""
            };
            let text = match left(state.seconds_until_unlock) {
                Some(secs) => format!(
                    "password locked out{also}; unlocks by itself in {}",
                    countdown(secs)
                ),
                None => format!("password locked out{also}; an admin must unlock it"),
            };
            causes.push(blocker(text, Fix::Op(OpKind::UnlockPassword)));
        }
        let account = user.account.as_ref().filter(|_| user.is_locked());
        if let Some(account) =
            account.filter(|_| !account_lock_is_only_the_password(user, password))
        {
            let text = match (account.locked_at, left(account.seconds_until_unlock)) {
                (_, Some(secs)) => {
                    format!("account locked; unlocks by itself in {}", countdown(secs))
                }
                (None, None) => "account locked by failed password attempts".to_owned(),
                (Some(_), None) => "account locked by an admin".to_owned(),
            };
            causes.push(blocker(text, Fix::Op(OpKind::UnlockAccount)));
        }
        if user.enabled == Some(false) {
            causes.push(blocker("user disabled".into(), Fix::Op(OpKind::EnableUser)));
        }
        if is_unverified(user) {
            causes.push(blocker(
                "email not verified".into(),
                Fix::Op(OpKind::ResendVerification),
            ));
        }
        causes.extend(password_notes(user, password));
        causes.extend(devices::causes(known));
        // Blockers first, then notes, each in the order above.
        causes.sort_by_key(|cause| !cause.blocks);
        Self {
            causes,
            password_known: password.is_some(),
            devices_known: known.devices.is_some() || user.mfa_enabled != Some(true),
        }
    }

    /// The cause `op` was meant to fix, if it is still there (the same fix on the same
    /// target).
    pub fn still(&self, op: &UserOp) -> Option<&Cause> {
        let target = op.target();
        self.causes
            .iter()
            .find(|cause| cause.fix == Fix::Op(op.kind()) && cause.target == target)
    }

    /// Every cause's text, joined with `; `.
    pub fn causes_text(&self) -> String {
        let texts: Vec<&str> = self.causes.iter().map(|c| c.text.as_str()).collect();
        texts.join("; ")
    }

    /// The causes joined, or the headline when there is none: what is wrong now, in one line.
    pub fn summary(&self) -> String {
        if self.causes.is_empty() {
            self.headline().to_owned()
        } else {
            self.causes_text()
        }
    }

    /// Whether anything stops sign-in.
    pub fn blocked(&self) -> bool {
        self.causes.iter().any(|c| c.blocks)
    }

    /// The first line: can they sign in?
    pub fn headline(&self) -> &'static str {
        match (self.blocked(), self.password_known, self.devices_known) {
            (true, ..) => "cannot sign in",
            (false, true, true) => "nothing stops this user signing in",
            (false, false, _) => {
                "nothing in the account record stops this user (password not read)"
            }
            (false, true, false) => "nothing known stops this user (MFA devices not read)",
        }
    }
}

fn blocker(text: String, fix: Fix) -> Cause {
    Cause {
        text,
        fix,
        target: Target::User,
        blocks: true,
    }
}

fn note(text: String, fix: Fix) -> Cause {
    Cause {
        blocks: false,
        ..blocker(text, fix)
    }
}

/// The password's other states, and an external provider that holds the password.
fn password_notes(user: &User, password: Option<&PasswordState>) -> Vec<Cause> {
    let mut notes = Vec::new();
    if let Some(provider) = external_provider_name(user) {
        notes.push(note(
            format!("signs in through {provider}; the password is managed there"),
            Fix::Elsewhere(format!("reset it in {provider}, not in PingOne")),
        ));
        return notes;
    }
    let recovery = Fix::Op(OpKind::SendRecoveryCode);
    match password.map(|p| &p.status) {
        Some(PasswordStatus::Expired) => notes.push(blocker(
            "password expired; a new one must be chosen".into(),
            recovery,
        )),
        Some(PasswordStatus::MustChange) => notes.push(note(
            "must choose a new password at the next sign-on".into(),
            recovery,
        )),
        Some(PasswordStatus::NoPassword) => notes.push(blocker(
            "no password set".into(),
            Fix::Elsewhere("set one in the PingOne admin console".into()),
        )),
        Some(PasswordStatus::External) => notes.push(note(
            "password held by an external directory (LDAP gateway)".into(),
            Fix::Elsewhere("reset it in that directory, not in PingOne".into()),
        )),
        _ => {}
    }
    notes
}

/// The account status as PingOne spells it.
pub fn account_status(user: &User) -> String {
    let status = user.account.as_ref().and_then(|a| a.status.as_ref());
    inert(status.map_or("—", AccountStatus::as_str)).into_owned()
}

/// `1h 02m 05s`, `4m 09s`, `7s`.
pub fn countdown(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}

/// The [`countdown`] from `now` to `until` (`0s` once it has passed).
pub fn countdown_to(until: jiff::Timestamp, now: jiff::Timestamp) -> String {
    countdown(u64::try_from(until.duration_since(now).as_secs()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pingone::user::{Account, IdentityProvider};

    fn of(user: &User, password: Option<&PasswordState>, elapsed: u64) -> Verdict {
        let known = Known {
            password,
            ..Known::record(user, jiff::Timestamp::UNIX_EPOCH)
        };
        Verdict::of(&known, elapsed)
    }

    fn locked_by_admin() -> User {
        User {
            account: Some(Account {
                status: Some(AccountStatus::Locked),
                locked_at: Some(jiff::Timestamp::UNIX_EPOCH),
                ..Account::default()
            }),
            ..User::default()
        }
    }

    #[test]
    fn two_locks_give_two_causes_password_first() {
        let password = PasswordState {
            seconds_until_unlock: Some(90),
            ..PasswordState::with_status(PasswordStatus::LockedOut)
        };
        let verdict = of(&locked_by_admin(), Some(&password), 30);
        let fixes: Vec<&Fix> = verdict.causes.iter().map(|c| &c.fix).collect();
        assert_eq!(
            fixes,
            [
                &Fix::Op(OpKind::UnlockPassword),
                &Fix::Op(OpKind::UnlockAccount)
            ]
        );
        assert!(verdict.causes[0].text.contains("in 1m 00s"), "{verdict:?}");
        assert_eq!(verdict.headline(), "cannot sign in");
    }

    #[test]
    fn an_account_locked_only_by_its_password_is_one_cause() {
        let mut user = locked_by_admin();
        user.account.as_mut().expect("account").locked_at = None;
        let password = PasswordState::with_status(PasswordStatus::LockedOut);
        let verdict = of(&user, Some(&password), 0);
        assert_eq!(verdict.causes.len(), 1, "{verdict:?}");
        assert!(verdict.causes[0].text.contains("which locks the account"));
        let unknown = of(&user, None, 0);
        assert_eq!(unknown.causes[0].fix, Fix::Op(OpKind::UnlockAccount));
    }

    #[test]
    fn the_verdict_never_claims_more_than_it_read() {
        let fine = User::default();
        assert!(of(&fine, None, 0).headline().contains("password not read"));
        let ok = PasswordState::with_status(PasswordStatus::Ok);
        assert_eq!(
            of(&fine, Some(&ok), 0).headline(),
            "nothing stops this user signing in"
        );
        let external = User {
            identity_provider: Some(IdentityProvider {
                kind: Some("SAML".into()),
                id: Some("x".into()),
            }),
            ..User::default()
        };
        let mfa_on = User {
            mfa_enabled: Some(true),
            ..User::default()
        };
        assert_eq!(
            of(&mfa_on, Some(&ok), 0).headline(),
            "nothing known stops this user (MFA devices not read)"
        );
        let no_devices = Known {
            password: Some(&ok),
            devices: Some(&[]),
            ..Known::record(&mfa_on, jiff::Timestamp::UNIX_EPOCH)
        };
        assert_eq!(
            Verdict::of(&no_devices, 0).headline(),
            "nothing stops this user signing in"
        );
        let verdict = of(&external, Some(&ok), 0);
        assert!(!verdict.blocked());
        assert!(matches!(&verdict.causes[0].fix, Fix::Elsewhere(text) if text.contains("SAML")));
    }

    #[test]
    fn statuses_rank_locks_first() {
        let mut user = locked_by_admin();
        user.enabled = Some(false);
        assert_eq!(status_word(&user), StatusWord::Locked);
        assert_eq!(status_word(&User::default()), StatusWord::Ok);
        assert_eq!(countdown(3725), "1h 02m 05s");
    }
}
