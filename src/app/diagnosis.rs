//! Why a user cannot sign in, in words a support agent can read out.

use crate::api::User;
use crate::api::types::LifecycleStatus;

/// The one-word status of a listed user, readable without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusWord {
    /// `account.status` is `LOCKED`.
    Locked,
    /// `enabled` is false.
    Disabled,
    /// `lifecycle.status` is `VERIFICATION_REQUIRED`.
    Unverified,
    /// Nothing known stops them.
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

fn is_unverified(user: &User) -> bool {
    user.lifecycle.as_ref().and_then(|l| l.status.as_ref())
        == Some(&LifecycleStatus::VerificationRequired)
}

/// Where the user's password lives when an external identity provider holds it: not a reason
/// they cannot sign in, but a reason a PingOne password action will not help.
pub fn external_provider(user: &User) -> Option<String> {
    let idp = user
        .identity_provider
        .as_ref()
        .filter(|idp| idp.is_external())?;
    let kind = idp.kind.as_deref().unwrap_or("an external provider");
    Some(format!(
        "signs in through {kind}; the password is managed there"
    ))
}

/// Everything that stops `user` signing in, most actionable first.
pub fn blockers(user: &User) -> Vec<String> {
    let mut reasons = Vec::new();
    if let Some(account) = user.account.as_ref().filter(|_| user.is_locked()) {
        reasons.push(match (account.locked_at, account.unlock_at) {
            (_, Some(_)) => "account locked until a set time".to_owned(),
            (None, None) => "account locked by failed password attempts".to_owned(),
            (Some(_), None) => "account locked by an admin".to_owned(),
        });
    }
    if user.enabled == Some(false) {
        reasons.push("user disabled".to_owned());
    }
    if is_unverified(user) {
        reasons.push("email verification required".to_owned());
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::{Account, AccountStatus, IdentityProvider};

    #[test]
    fn locks_outrank_other_states_and_causes_are_named() {
        let user = User {
            enabled: Some(false),
            account: Some(Account {
                status: Some(AccountStatus::Locked),
                ..Account::default()
            }),
            identity_provider: Some(IdentityProvider {
                kind: Some("SAML".into()),
                id: Some("x".into()),
            }),
            ..User::default()
        };
        assert_eq!(status_word(&user), StatusWord::Locked);
        let reasons = blockers(&user);
        assert_eq!(reasons[0], "account locked by failed password attempts");
        assert!(reasons.iter().any(|r| r == "user disabled"));
        assert_eq!(
            reasons.len(),
            2,
            "an external provider is not a blocker: {reasons:?}"
        );
        assert!(external_provider(&user).is_some_and(|note| note.contains("SAML")));
        assert_eq!(status_word(&User::default()), StatusWord::Ok);
    }
}
