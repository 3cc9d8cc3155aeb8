//! The PingOne user record, as serde types.
//!
//! Every field is optional because PingOne omits what is unset; unknown and custom attributes land
//! in [`User::extra`], so serialising a `User` gives back the record as it arrived.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A reference to another resource by id (`population`, `environment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IdRef {
    /// The resource's id.
    pub id: String,
}

/// `account.status`. [SPEC] `EnumUserStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountStatus {
    /// The account can be used.
    #[serde(rename = "OK")]
    Ok,
    /// The account is locked (by an admin, a lock with `unlockAt`, or failed password checks).
    #[serde(rename = "LOCKED")]
    Locked,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl AccountStatus {
    /// The status as PingOne spells it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Ok => "OK",
            Self::Locked => "LOCKED",
            Self::Other(other) => other,
        }
    }
}

/// `account`: whether the user can sign in, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// `OK` or `LOCKED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AccountStatus>,
    /// False when the account is locked or the user is disabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_authenticate: Option<bool>,
    /// When it was locked; absent when locked by failed password checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked_at: Option<Timestamp>,
    /// When it unlocks by itself; absent when only an admin can unlock it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlock_at: Option<Timestamp>,
    /// Seconds until it unlocks by itself, computed by PingOne when the record is read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_until_unlock: Option<u64>,
}

/// `lifecycle.status`. [SPEC] `EnumUserLifecycleStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LifecycleStatus {
    /// Verified.
    #[serde(rename = "ACCOUNT_OK")]
    AccountOk,
    /// The user must verify their email before signing in.
    #[serde(rename = "VERIFICATION_REQUIRED")]
    VerificationRequired,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl LifecycleStatus {
    /// The status as PingOne spells it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::AccountOk => "ACCOUNT_OK",
            Self::VerificationRequired => "VERIFICATION_REQUIRED",
            Self::Other(other) => other,
        }
    }
}

/// `lifecycle`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Lifecycle {
    /// `ACCOUNT_OK` or `VERIFICATION_REQUIRED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<LifecycleStatus>,
}

/// `identityProvider`: who holds the user's credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IdentityProvider {
    /// `PING_ONE`, or an external provider type (`MICROSOFT`, `SAML`, …).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Set when an external provider is authoritative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl IdentityProvider {
    /// Whether an external provider, not PingOne, holds the user's credentials.
    pub fn is_external(&self) -> bool {
        self.id.is_some() || self.kind.as_deref().is_some_and(|kind| kind != "PING_ONE")
    }
}

/// `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Name {
    /// Given (first) name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// Family (last) name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Middle name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    /// The full name as it should be shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
    /// "Dr.", "Ms." …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honorific_prefix: Option<String>,
    /// "Jr.", "`PhD`" …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honorific_suffix: Option<String>,
}

/// `lastSignOn`: the last successful sign-on through PingOne.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct LastSignOn {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
    /// From which address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_ip: Option<String>,
}

/// A PingOne user, with every field of the helpdesk reference (§3) and whatever else was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// The user's id (a UUID); absent only in a create request.
    #[serde(default)]
    pub id: String,
    /// Unique per environment.
    #[serde(default)]
    pub username: String,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether the email address was verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    /// Name parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// Nickname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Free-text user type ("Employee", "Contractor").
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub user_type: Option<String>,
    /// Primary phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_phone: Option<String>,
    /// Mobile phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    /// Locale, e.g. `en-GB`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Preferred language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    /// IANA time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Id in an external system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Account id in an external system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// False when an admin disabled the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Lock state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    /// Verification state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    /// Whether MFA is on for this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mfa_enabled: Option<bool>,
    /// PingOne Verify eligibility: `NOT_INITIATED`, `ENABLED`, `DISABLED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_status: Option<String>,
    /// Who holds the credentials.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_provider: Option<IdentityProvider>,
    /// The population the user belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<IdRef>,
    /// The environment the user belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<IdRef>,
    /// Last successful sign-on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sign_on: Option<LastSignOn>,
    /// Creation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// Last update time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Everything else: address, photo, `_links`, group ids, custom schema attributes.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl User {
    /// Whether an external identity provider, not PingOne, holds the user's credentials.
    pub fn has_external_idp(&self) -> bool {
        self.identity_provider
            .as_ref()
            .is_some_and(IdentityProvider::is_external)
    }

    /// Whether `account.status` is `LOCKED`.
    pub fn is_locked(&self) -> bool {
        self.account.as_ref().and_then(|a| a.status.as_ref()) == Some(&AccountStatus::Locked)
    }

    /// The name to show: `name.formatted`, else given and family, else nothing.
    pub fn display_name(&self) -> Option<String> {
        let name = self.name.as_ref()?;
        if let Some(formatted) = name.formatted.as_ref().filter(|f| !f.is_empty()) {
            return Some(formatted.clone());
        }
        let parts: Vec<&str> = [&name.given, &name.family]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The body of `POST /users` (create): the fields tests and fixtures need.
#[derive(Debug, Clone, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
    /// Required, unique per environment.
    pub username: String,
    /// Required.
    pub email: String,
    /// Name parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// The population to create the user in; the default population when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<IdRef>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_values_survive_a_round_trip() {
        let json = serde_json::json!({
            "id": "u1", "username": "a", "costCenter": "CC-7",
            "account": {"status": "SUSPENDED_BY_FUTURE"},
            "address": {"locality": "Oslo"},
            "_links": {"self": {"href": "https://x"}}
        });
        let user: User = serde_json::from_value(json.clone()).expect("decodes");
        assert_eq!(
            user.account.as_ref().and_then(|a| a.status.clone()),
            Some(AccountStatus::Other("SUSPENDED_BY_FUTURE".into()))
        );
        assert_eq!(user.extra["costCenter"], "CC-7");
        assert_eq!(serde_json::to_value(&user).expect("encodes"), json);
    }

    #[test]
    fn display_name_prefers_formatted() {
        let mut user = User {
            name: Some(Name {
                given: Some("Ana".into()),
                ..Name::default()
            }),
            ..User::default()
        };
        assert_eq!(user.display_name().as_deref(), Some("Ana"));
        user.name = Some(Name {
            formatted: Some("Dr. Ana Lima".into()),
            ..Name::default()
        });
        assert_eq!(user.display_name().as_deref(), Some("Dr. Ana Lima"));
        user.name = None;
        assert_eq!(user.display_name(), None);
    }
}
