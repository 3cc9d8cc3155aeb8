//! The wire floor: PingOne facts in one place (media types, error codes, limits, filter rules)
//! and the wire types (the user record, the password state, errors, pages, the filter grammar).
//!
//! Each fact names its source (see `README.md` § Wire facts). Entries marked `UNVERIFIED` are our best
//! reading of the public documentation and have not been checked against a live tenant; they live
//! here, and only here, so that one edit corrects both the client and the simulator.

pub mod activity;
pub mod device;
pub mod error;
pub mod filter;
pub mod group;
pub mod page;
pub mod password;
pub mod population;
pub mod session;
pub mod user;

pub use activity::Activity;
pub use device::Device;
pub use error::{P1Error, P1ErrorDetail};
pub use filter::{Expr, FilterOp};
pub use group::{Group, GroupMembership};
pub use page::Page;
pub use password::{PasswordState, PasswordStatus};
pub use population::Population;
pub use session::Session;
pub use user::User;

/// Media type of the account-unlock action (`POST /users/{id}`, empty body). [DEV] user-account-unlock.
pub const MEDIA_ACCOUNT_UNLOCK: &str = "application/vnd.pingidentity.account.unlock+json";
/// Media type of the account-lock action (`POST /users/{id}`, optional `unlockAt`). [DEV] user-account-lock.
pub const MEDIA_ACCOUNT_LOCK: &str = "application/vnd.pingidentity.account.lock+json";
/// Plain JSON, used to create users and for `PUT …/enabled`.
pub const MEDIA_JSON: &str = "application/json";
/// Password unlock (`POST /users/{id}/password`, empty body). [DEV] password-unlock.
pub const MEDIA_PASSWORD_UNLOCK: &str = "application/vnd.pingidentity.password.unlock+json";
/// Force a password change at next sign-on (`POST /users/{id}/password`, empty body). [DEV]
/// force-change-password shows it without `+json`, and so do we.
pub const MEDIA_PASSWORD_FORCE_CHANGE: &str = "application/vnd.pingidentity.password.forceChange";
/// Email a password recovery code (`POST /users/{id}/password`, empty body). [DEV]
/// password-resend-recovery-code.
pub const MEDIA_PASSWORD_SEND_RECOVERY_CODE: &str =
    "application/vnd.pingidentity.password.sendRecoveryCode+json";
/// Resend the email verification code (`POST /users/{id}`, empty body). [DEV]
/// send-resend-user-verification-code.
pub const MEDIA_USER_SEND_VERIFICATION_CODE: &str =
    "application/vnd.pingidentity.user.sendVerificationCode+json";

/// Block an MFA device (`POST /users/{id}/devices/{deviceID}`, empty body). [DEV]
/// `block_mfa_user_device`.
pub const MEDIA_DEVICE_BLOCK: &str = "application/vnd.pingidentity.device.block+json";
/// Unblock an MFA device (`POST /users/{id}/devices/{deviceID}`, empty body). [DEV]
/// `unblock_mfa_user_device`.
pub const MEDIA_DEVICE_UNBLOCK: &str = "application/vnd.pingidentity.device.unblock+json";

/// What `include=` on a single-user read may ask for. [DEV] read-one-user, [SPEC]
/// `EnumUserRequestInclude`.
pub const INCLUDE_GROUP_NAMES: &str = "memberOfGroupNames";
/// `include=memberOfGroupIDs`: the user's group ids.
pub const INCLUDE_GROUP_IDS: &str = "memberOfGroupIDs";
/// `expand=population` on a single-user read. Where the expanded population lands is
/// UNVERIFIED: we put it in `_embedded.population`, the HAL pattern of `expand=group`.
pub const EXPAND_POPULATION: &str = "population";

/// Response header that identifies a request for Ping support. [DEV] pingone-api-responses.
pub const HEADER_CORRELATION_ID: &str = "Correlation-Id";

/// Request header PingOne copies into audit records as `externalCorrelation.sessionId`, so an
/// admin can find every action one pingdesk run took. [DEV] external-transaction-and-session-ids
/// (≤ 100 characters of letters, digits and `. _ - / @ = # +`).
pub const HEADER_EXTERNAL_SESSION_ID: &str = "X-Ping-External-Session-Id";
/// Request header PingOne copies into audit records as `externalCorrelation.transactionId`: the
/// ticket an operation was made for. [DEV] external-transaction-and-session-ids.
pub const HEADER_EXTERNAL_TRANSACTION_ID: &str = "X-Ping-External-Transaction-Id";
/// Longest external session or transaction id PingOne keeps. [DEV] external-transaction-and-session-ids.
pub const MAX_EXTERNAL_ID_LEN: usize = 100;

/// `text` as PingOne keeps an external id: at most [`MAX_EXTERNAL_ID_LEN`] characters, each
/// not a letter, digit or one of `. _ - / @ = # +` replaced by `_` (PingOne converts them so).
pub fn external_id(text: &str) -> String {
    text.trim()
        .chars()
        .take(MAX_EXTERNAL_ID_LEN)
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-/@=#+".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Largest `limit` the users list accepts. [SPEC] readAllUsers `limit` 1–1000.
pub const MAX_PAGE_LIMIT: usize = 1000;
/// Page size the users list uses when none is asked for. UNVERIFIED: docs say pages "may be smaller".
pub const DEFAULT_PAGE_LIMIT: usize = 100;
/// Longest filter the simulator parses, in bytes. UNVERIFIED: PingOne documents no limit; a URL
/// past about 8 KB is refused by most front ends anyway.
pub const MAX_FILTER_LENGTH: usize = 8192;
/// Deepest nesting of parentheses the simulator parses. UNVERIFIED: PingOne documents no limit.
pub const MAX_FILTER_DEPTH: usize = 32;
/// Longest request URI the simulator takes, in bytes; longer is `414` in PingOne's error shape.
/// Room for the longest filter percent-encoded. UNVERIFIED: PingOne documents no limit.
pub const MAX_URI_LENGTH: usize = 32 << 10;
/// Largest block of request headers the simulator takes, in bytes; larger is `431` in PingOne's
/// error shape. UNVERIFIED, as above.
pub const MAX_HEADER_BYTES: usize = 64 << 10;
/// The status PingOne answers when the environment in a path does not exist (or the worker
/// cannot see it), on the users collection and on the token endpoint. UNVERIFIED: read from the
/// error-code table's `NOT_FOUND`; an unknown environment may also be answered with 403.
pub const UNKNOWN_ENVIRONMENT_STATUS: u16 = 404;
/// Lifetime of a worker-app access token, in seconds. Docs: "valid for one hour".
pub const TOKEN_LIFETIME_SECS: u64 = 3600;

/// Top-level error code for validation failures, including filters PingOne refuses. [DEV] error-codes.
pub const CODE_INVALID_DATA: &str = "INVALID_DATA";
/// Top-level error code for a missing resource. Terraform provider sdk.go.
pub const CODE_NOT_FOUND: &str = "NOT_FOUND";
/// Top-level error code for a missing, unknown or expired token. UNVERIFIED (`ACCESS_FAILED` or `INVALID_TOKEN`).
pub const CODE_ACCESS_FAILED: &str = "ACCESS_FAILED";
/// Detail code for a missing role permission (403). SDK test fixture `error_test.go`.
pub const DETAIL_INSUFFICIENT_PERMISSIONS: &str = "INSUFFICIENT_PERMISSIONS";
/// Top-level error code for rate limiting (429 with `Retry-After`). [DEV] rate-limiting.
pub const CODE_REQUEST_LIMITED: &str = "REQUEST_LIMITED";
/// Top-level error code for a server fault (500). SDK `client_ext.go`.
pub const CODE_UNEXPECTED_ERROR: &str = "UNEXPECTED_ERROR";
/// Top-level error code for a request PingOne cannot take, such as an unsupported or repeated
/// `Content-Type` (sent with 415). UNVERIFIED: status and code are our best reading.
pub const CODE_INVALID_REQUEST: &str = "INVALID_REQUEST";
/// Detail code for a bad value (a filter PingOne cannot run). Terraform provider error handling.
pub const DETAIL_INVALID_VALUE: &str = "INVALID_VALUE";
/// Top-level error code for an unsupported HTTP method (405). UNVERIFIED.
pub const CODE_METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
/// Top-level error code for an action PingOne cannot take on this user, such as a password action
/// on a user whose external identity provider holds the password. [DEV] user-passwords. The
/// HTTP status (400) is UNVERIFIED.
pub const CODE_REQUEST_FAILED: &str = "REQUEST_FAILED";
/// OAuth error for a bad client id or secret at the token endpoint (RFC 6749 §5.2).
pub const OAUTH_INVALID_CLIENT: &str = "invalid_client";

/// Attributes PingOne accepts with `eq`. Values are compared case-sensitively (Terraform provider
/// docs, data-sources/users.md). Anything else (`account.status`, `id`, `lifecycle.status`,
/// `mfaEnabled`) is refused: UNVERIFIED, they are simply not listed anywhere.
pub const FILTER_EQ_ATTRIBUTES: &[&str] = &[
    "username",
    "email",
    "name.given",
    "name.family",
    "name.middle",
    "name.formatted",
    "name.honorificPrefix",
    "name.honorificSuffix",
    "nickname",
    "mobilePhone",
    "primaryPhone",
    "population.id",
    "externalId",
    "accountId",
    "enabled",
    "locale",
    "preferredLanguage",
    "timezone",
    "title",
    "type",
    "address.streetAddress",
    "address.locality",
    "address.region",
    "address.postalCode",
    "address.countryCode",
];

/// Operators SCIM defines that PingOne refuses on users. Older apidocs `p1_Users` page.
pub const FILTER_REFUSED_OPS: &[&str] = &["ne", "co", "pr", "gt", "lt", "not"];

/// Whether PingOne can filter `attribute` with `op` (custom string attributes aside).
pub fn is_filterable(attribute: &str, op: FilterOp) -> bool {
    match op {
        FilterOp::Eq => FILTER_EQ_ATTRIBUTES.contains(&attribute),
        FilterOp::Sw => {
            attribute != "population.id"
                && attribute != "enabled"
                && FILTER_EQ_ATTRIBUTES.contains(&attribute)
        }
        FilterOp::Ew => attribute == "email",
        FilterOp::Ge | FilterOp::Le => attribute == "updatedAt",
        FilterOp::Gt | FilterOp::Lt => false,
    }
}

/// Audit action types ([DEV] audit-activities; the full list from a public `pingone_webhook`
/// configuration). No `PASSWORD.LOCKED` exists: a lockout shows as `PASSWORD.CHECK_FAILED`
/// events, then `USER.LOCKED` (that sequence is UNVERIFIED).
pub mod events {
    /// An account was locked (by an admin, or by a password lockout: UNVERIFIED).
    pub const USER_LOCKED: &str = "USER.LOCKED";
    /// An account was unlocked (not emitted when a timed lock runs out).
    pub const USER_UNLOCKED: &str = "USER.UNLOCKED";
    /// A user was created.
    pub const USER_CREATED: &str = "USER.CREATED";
    /// A user was changed: enabled or disabled; a verification code sent (UNVERIFIED).
    pub const USER_UPDATED: &str = "USER.UPDATED";
    /// A password was unlocked.
    pub const PASSWORD_UNLOCKED: &str = "PASSWORD.UNLOCKED";
    /// A password check failed.
    pub const PASSWORD_CHECK_FAILED: &str = "PASSWORD.CHECK_FAILED";
    /// A password change was forced.
    pub const PASSWORD_FORCE_CHANGE: &str = "PASSWORD.FORCE_CHANGE";
    /// A recovery code was sent. UNVERIFIED: which event a send emits.
    pub const PASSWORD_RECOVERY: &str = "PASSWORD.RECOVERY";
    /// An MFA device was blocked.
    pub const DEVICE_BLOCKED: &str = "DEVICE.BLOCKED";
    /// An MFA device was unblocked.
    pub const DEVICE_UNBLOCKED: &str = "DEVICE.UNBLOCKED";
    /// A session was deleted (revoked).
    pub const SESSION_DELETED: &str = "SESSION.DELETED";
    /// The action types that say an account was locked, which the locked-now queue asks the
    /// activities for. There is no `PASSWORD.LOCKED`: a password lockout shows as
    /// `PASSWORD.CHECK_FAILED` events, then `USER.LOCKED`. UNVERIFIED: that sequence.
    pub const LOCKOUTS: &[&str] = &[USER_LOCKED];
}

/// Largest `limit` the activities list accepts. UNVERIFIED: [DEV] gives the default (100) only.
pub const MAX_ACTIVITY_LIMIT: usize = 1000;
/// Permission to read audit activities. UNVERIFIED, like every permission id here.
pub const PERMISSION_READ_AUDIT: &str = "audit:read:activity";

/// Permission to read users. Permission ids are UNVERIFIED (third-party docs); the role names
/// are documented.
pub const PERMISSION_READ_USER: &str = "dir:read:user";
/// Permission to change users (unlock, lock, passwords, enable). UNVERIFIED.
pub const PERMISSION_UPDATE_USER: &str = "dir:update:user";
/// Permission to create users. UNVERIFIED.
pub const PERMISSION_CREATE_USER: &str = "dir:create:user";
/// Permission to read a user's MFA devices. UNVERIFIED, like every permission id here.
pub const PERMISSION_READ_DEVICES: &str = "mfa:read:device";
/// Permission to block and unblock MFA devices. UNVERIFIED.
pub const PERMISSION_UPDATE_DEVICES: &str = "mfa:update:device";
/// Permission to turn MFA on or off for a user (`PUT …/mfaEnabled`). UNVERIFIED.
pub const PERMISSION_UPDATE_MFA: &str = "mfa:update:userMfaEnabled";
/// Permission to read a user's sessions. Third-party docs (reference §6); UNVERIFIED.
pub const PERMISSION_READ_SESSIONS: &str = "authn:read:sessions";
/// Permission to revoke (delete) a user's sessions. Third-party docs; UNVERIFIED.
pub const PERMISSION_DELETE_SESSIONS: &str = "authn:delete:sessions";
/// Permission to read groups and memberships. UNVERIFIED.
pub const PERMISSION_READ_GROUPS: &str = "dir:read:group";
/// Permission to read populations. UNVERIFIED.
pub const PERMISSION_READ_POPULATIONS: &str = "dir:read:population";

/// Whether membership through a nested group counts: for `memberOfGroupNames|IDs`, for the
/// users filter `memberOfGroups[id eq "…"]`, and as `INDIRECT` items of
/// `…/users/{id}/memberOfGroups`. UNVERIFIED: [SPEC] has `DIRECT|INDIRECT` memberships, which
/// says nesting makes members; whether the filter and `include` follow it is not documented.
pub const GROUP_MEMBERSHIP_IS_TRANSITIVE: bool = true;

/// Group attributes a groups filter may name, each with the operators it takes: `name` (`eq`,
/// `sw`), `id`, `externalId` and `population.id` (`eq`). [DEV] groups documents filtering on
/// name, id and externalId; the operators per attribute are UNVERIFIED.
pub const GROUP_FILTER_ATTRIBUTES: &[(&str, &[FilterOp])] = &[
    ("name", &[FilterOp::Eq, FilterOp::Sw]),
    ("id", &[FilterOp::Eq]),
    ("externalId", &[FilterOp::Eq]),
    ("population.id", &[FilterOp::Eq]),
];

/// Population attributes a populations filter may name: `name` (`eq`, `sw`) and `id` (`eq`).
/// Research notes (wire.md §8, the list's query parameters).
pub const POPULATION_FILTER_ATTRIBUTES: &[(&str, &[FilterOp])] = &[
    ("name", &[FilterOp::Eq, FilterOp::Sw]),
    ("id", &[FilterOp::Eq]),
];

/// Whether `account.unlock` also clears a password lockout. UNVERIFIED ([DEV] is silent): we
/// read it as no, so the simulator keeps the password locked out, the console reads both after
/// acting, and an account locked only by its password is fixed by unlocking the password.
pub const ACCOUNT_UNLOCK_CLEARS_PASSWORD_LOCKOUT: bool = false;

/// What a worker app needs for `permission`, said to a person who just got a 403.
pub fn permission_hint(permission: &str) -> String {
    let roles = match permission {
        PERMISSION_UPDATE_USER
        | PERMISSION_UPDATE_DEVICES
        | PERMISSION_UPDATE_MFA
        | PERMISSION_DELETE_SESSIONS => "Help Desk Admin or Identity Data Admin",
        PERMISSION_CREATE_USER => "Identity Data Admin",
        // UNVERIFIED: which built-in roles may read audit activities.
        PERMISSION_READ_AUDIT => "Environment Admin or a custom role that reads audit data",
        _ => "Identity Data Read Only, Help Desk Admin or Identity Data Admin",
    };
    format!("the worker app needs a role with {permission} ({roles})")
}

#[cfg(test)]
mod tests {
    #[test]
    fn external_ids_are_converted_as_pingone_converts_them() {
        assert_eq!(
            super::external_id(" INC-42/a@b=c#d+e.f_g "),
            "INC-42/a@b=c#d+e.f_g"
        );
        assert_eq!(super::external_id("ticket 7: ✓"), "ticket_7___");
        assert_eq!(super::external_id(&"x".repeat(150)).len(), 100);
    }
}
