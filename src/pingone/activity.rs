//! PingOne audit activities (`GET /environments/{envID}/activities`): the record shape and the
//! filter vocabulary of that collection. [DEV] audit-activities; the record shape from public
//! fixtures (see `/tmp/research` notes in the README's wire-facts section).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::filter::{FilterError, FilterOp, Vocabulary};

/// One audit activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    /// Its id.
    pub id: String,
    /// When PingOne recorded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<Timestamp>,
    /// When the event happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// The request's correlation id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Who acted (absent for `PASSWORD.CHECK_FAILED`, which no admin causes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actors: Option<Actors>,
    /// What happened.
    pub action: Action,
    /// What it happened to.
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// How it ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<ActivityResult>,
    /// The external ids the client sent. UNVERIFIED in shape: no example record shows where
    /// PingOne puts them; we read `externalCorrelation.sessionId` and `.transactionId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_correlation: Option<ExternalCorrelation>,
    /// Anything else PingOne sent (`_links`, `tags`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `actors`: the client and, when a person acted, the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Actors {
    /// The application that acted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<Actor>,
    /// The person who acted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Actor>,
}

/// One actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Actor {
    /// Its id (a client id such as `adminui`, or a user id).
    pub id: String,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `CLIENT` or `USER`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// `action`: the action type and its description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Action {
    /// `USER.LOCKED`, `PASSWORD.CHECK_FAILED`, … (see [`super::events`]).
    #[serde(rename = "type")]
    pub kind: String,
    /// "User Locked", …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One resource an activity touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Resource {
    /// `USER`, `GROUP`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// Its id.
    pub id: String,
    /// Its name (a user's username).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its population, for users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<super::user::IdRef>,
}

/// `result`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ActivityResult {
    /// `SUCCESS` (the failure literal is UNVERIFIED).
    pub status: String,
    /// A sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `externalCorrelation`: what the client sent as `X-Ping-External-*` headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ExternalCorrelation {
    /// `X-Ping-External-Session-Id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// `X-Ping-External-Transaction-Id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
}

impl Activity {
    /// The first `USER` resource: whom it happened to.
    pub fn user(&self) -> Option<&Resource> {
        self.resources.iter().find(|r| r.kind == "USER")
    }

    /// When it happened: `recordedAt`, else `createdAt`.
    pub fn at(&self) -> Option<Timestamp> {
        self.recorded_at.or(self.created_at)
    }
}

/// Attributes the activities collection filters on, with the operators each takes. Third
/// parties saw `action.type`, `actors.user.id`, `actors.client.id`, `correlationId` work and
/// `result.status`, `actors.user.username` refused; `resources.id` and the population are in
/// [DEV]. The full list is UNVERIFIED.
const ACTIVITY_ATTRIBUTES: &[(&str, &[FilterOp])] = &[
    (
        "recordedAt",
        &[FilterOp::Gt, FilterOp::Lt, FilterOp::Ge, FilterOp::Le],
    ),
    (
        "createdAt",
        &[FilterOp::Gt, FilterOp::Lt, FilterOp::Ge, FilterOp::Le],
    ),
    ("action.type", &[FilterOp::Eq]),
    ("actors.user.id", &[FilterOp::Eq]),
    ("actors.client.id", &[FilterOp::Eq]),
    ("correlationId", &[FilterOp::Eq]),
    ("resources.id", &[FilterOp::Eq]),
    ("resources.type", &[FilterOp::Eq]),
    ("resources.population.id", &[FilterOp::Eq]),
];

/// The activities collection's vocabulary (names compare case-insensitively: PingOne's own
/// examples write both `recordedAt` and `recordedat`).
pub struct ActivityAttributes;

impl Vocabulary for ActivityAttributes {
    fn canonical(&self, attribute: &str, op: FilterOp) -> Result<String, FilterError> {
        let Some((name, ops)) = ACTIVITY_ATTRIBUTES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(attribute))
        else {
            return Err(FilterError(format!(
                "Invalid Filter: Attribute '{attribute}' is not supported in filter."
            )));
        };
        if ops.contains(&op) {
            Ok((*name).to_owned())
        } else {
            Err(FilterError(format!(
                "Operator '{}' is not supported for attribute '{name}'",
                op.as_str()
            )))
        }
    }
}

/// Whether the filter `expr` holds a date range (a lower and an upper bound on `recordedAt` or
/// `createdAt`), which PingOne requires of every activities query ([DEV]: "The minimum filter
/// must include a date range").
pub fn has_date_range(expr: &super::Expr) -> bool {
    let bounds = |attribute: &str| {
        let ops: Vec<FilterOp> = expr
            .comparisons()
            .into_iter()
            .filter(|c| c.attribute == attribute)
            .map(|c| c.op)
            .collect();
        ops.iter()
            .any(|op| matches!(op, FilterOp::Gt | FilterOp::Ge))
            && ops
                .iter()
                .any(|op| matches!(op, FilterOp::Lt | FilterOp::Le))
    };
    bounds("recordedAt") || bounds("createdAt")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pingone::filter::parse;

    #[test]
    fn the_vocabulary_takes_what_pingone_takes() {
        let expr = parse(
            r#"recordedat gt "2026-01-01T00:00:00Z" AND recordedAt lt "2026-01-02T00:00:00Z" and action.type eq "USER.LOCKED""#,
            &ActivityAttributes,
        )
        .expect("valid");
        assert!(has_date_range(&expr));
        let refused = |f: &str| parse(f, &ActivityAttributes).expect_err(f).0;
        assert!(refused(r#"result.status eq "FAILED""#).contains("result.status"));
        assert!(refused(r#"action.type sw "USER""#).contains("'sw'"));
        let open = parse(
            r#"recordedAt gt "2026-01-01T00:00:00Z""#,
            &ActivityAttributes,
        )
        .expect("valid");
        assert!(!has_date_range(&open), "a lower bound alone is no range");
    }

    #[test]
    fn a_fixture_record_decodes() {
        let text = r#"{"id":"a","recordedAt":"2022-07-07T13:12:36.168Z","action":{"type":"PASSWORD.CHECK_FAILED","description":"Password Check Failed"},"resources":[{"type":"USER","id":"u","name":"example@gmail.com","population":{"id":"p"}}],"result":{"status":"SUCCESS"},"_links":{}}"#;
        let activity: Activity = serde_json::from_str(text).expect("decodes");
        assert_eq!(activity.user().map(|u| u.id.as_str()), Some("u"));
        assert!(activity.actors.is_none());
        assert!(activity.extra.contains_key("_links"));
    }
}
