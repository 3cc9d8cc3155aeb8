//! PingOne wire facts in one place: hosts, paths, media types, filter grammar limits, error codes.
//!
//! Each fact names its source (see `README.md` § Wire facts). Entries marked `UNVERIFIED` are our best
//! reading of the public documentation and have not been checked against a live tenant; they live
//! here, and only here, so that one edit corrects both the client and the simulator.

/// Media type of the account-unlock action (`POST /users/{id}`, empty body). [DEV] user-account-unlock.
pub const MEDIA_ACCOUNT_UNLOCK: &str = "application/vnd.pingidentity.account.unlock+json";
/// Media type of the account-lock action (`POST /users/{id}`, optional `unlockAt`). [DEV] user-account-lock.
pub const MEDIA_ACCOUNT_LOCK: &str = "application/vnd.pingidentity.account.lock+json";
/// Plain JSON, used to create users.
pub const MEDIA_JSON: &str = "application/json";

/// Response header that identifies a request for Ping support. [DEV] pingone-api-responses.
pub const HEADER_CORRELATION_ID: &str = "Correlation-Id";

/// Request header PingOne copies into audit records as `externalCorrelation.sessionId`, so an
/// admin can find every action one pingdesk run took. [DEV] external-transaction-and-session-ids
/// (≤ 100 characters of letters, digits and `. _ - / @ = # +`).
pub const HEADER_EXTERNAL_SESSION_ID: &str = "X-Ping-External-Session-Id";

/// Largest `limit` the users list accepts. [SPEC] readAllUsers `limit` 1–1000.
pub const MAX_PAGE_LIMIT: usize = 1000;
/// Page size the users list uses when none is asked for. UNVERIFIED: docs say pages "may be smaller".
pub const DEFAULT_PAGE_LIMIT: usize = 100;
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
/// OAuth error for a bad client id or secret at the token endpoint (RFC 6749 §5.2).
pub const OAUTH_INVALID_CLIENT: &str = "invalid_client";

/// A filter operator on the users list. \[DEV\] read-all-users, apidocs `p1_Users`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOp {
    /// Equals.
    Eq,
    /// Starts with.
    Sw,
    /// Ends with (email only).
    Ew,
    /// Greater than or equal (`updatedAt` only).
    Ge,
    /// Less than or equal (`updatedAt` only).
    Le,
}

impl FilterOp {
    /// The operator as written in a filter.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Sw => "sw",
            Self::Ew => "ew",
            Self::Ge => "ge",
            Self::Le => "le",
        }
    }
}

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
    }
}

/// What a worker app needs for an action, said to a person who just got a 403. The built-in role
/// names are documented; the exact permission ids are UNVERIFIED (third-party docs).
pub fn permission_hint(action: &str) -> &'static str {
    match action {
        "unlock user" | "lock user" => {
            "the worker app needs a role with dir:update:user (Help Desk Admin or Identity Data Admin)"
        }
        "create user" => "the worker app needs a role with dir:create:user (Identity Data Admin)",
        _ => {
            "the worker app needs a role with dir:read:user (Identity Data Read Only, Help Desk Admin or Identity Data Admin)"
        }
    }
}
