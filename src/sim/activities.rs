//! `GET /v1/environments/{envID}/activities`: the audit log as PingOne's activities resource
//! (a date range required in the filter, `action.type` and the other attributes of
//! [`ActivityAttributes`], cursor paging in PingOne's page envelope), and the history seeded at
//! start for the users locked then.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use jiff::{SignedDuration, Timestamp};

use super::audit::{AuditEvent, AuditLog};
use super::paging::ListParams;
use super::responses::{href, invalid_data, json};
use super::routes::{Answer, admit_query};
use super::store::Directory;
use super::{SimState, read};
use crate::pingone::activity::{
    Action, Activity, ActivityAttributes, ActivityResult, Actor, Actors, ExternalCorrelation,
    Resource, has_date_range,
};
use crate::pingone::filter::{Comparison, Expr, Literal};
use crate::pingone::{self, FilterOp, PasswordStatus, events};

/// The client id PingOne's admin console acts as ([ELASTIC] fixtures): the actor of seeded
/// admin locks.
const ADMIN_CONSOLE: &str = "adminui";

/// The refusal of a filter that is absent or has no date range.
const RANGE_NEEDED: &str =
    "The filter must include a date range: recordedAt gt \"…\" and recordedAt lt \"…\"";

/// `GET …/activities?filter=…&limit=…&cursor=…`.
pub(super) async fn list_activities(
    State(state): State<Arc<SimState>>,
    Path(env): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: ListParams = admit_query(&state, &headers, &env, &uri)?;
    let Some(expr) = params.parsed(&ActivityAttributes)?.filter(has_date_range) else {
        // UNVERIFIED: the status and code of a filter without a date range.
        return Err(invalid_data("filter", RANGE_NEEDED));
    };
    if let Some(bad) = expr.comparisons().into_iter().find(|c| time_of(c).is_err()) {
        return Err(invalid_data(
            "filter",
            format!("The value for '{}' is not a date-time", bad.attribute),
        ));
    }
    let window = params.window_up_to(pingone::MAX_ACTIVITY_LIMIT)?;
    let directory = read(&state.directory);
    let population = |id: &str| {
        directory
            .get(id, Timestamp::now())
            .and_then(|u| u.population.map(|p| p.id))
    };
    let matching = state.audit.select(|event| holds(&expr, event, &population));
    let base = state.environment_url(&env);
    let items: Vec<Activity> = window
        .slice(matching.iter())
        .map(|event| activity(event, &directory, &base))
        .collect();
    drop(directory);
    let collection = format!("{base}/activities");
    let page = params.page(&collection, window, "activities", matching.len(), items);
    Ok(json(StatusCode::OK, &page))
}

/// The time a comparison on `recordedAt`/`createdAt` names (other attributes have none).
fn time_of(cmp: &Comparison) -> Result<Option<Timestamp>, ()> {
    if !matches!(cmp.attribute.as_str(), "recordedAt" | "createdAt") {
        return Ok(None);
    }
    match &cmp.value {
        Literal::Str(text) => text.parse().map(Some).map_err(|_| ()),
        Literal::Bool(_) => Err(()),
    }
}

/// Whether `event` matches `expr`.
fn holds(expr: &Expr, event: &AuditEvent, population: &dyn Fn(&str) -> Option<String>) -> bool {
    match expr {
        Expr::And(a, b) => holds(a, event, population) && holds(b, event, population),
        Expr::Or(a, b) => holds(a, event, population) || holds(b, event, population),
        Expr::MemberOfGroup(_) => false,
        Expr::Cmp(cmp) => {
            if let Ok(Some(at)) = time_of(cmp) {
                let have = event.recorded_at;
                return match cmp.op {
                    FilterOp::Gt => have > at,
                    FilterOp::Ge => have >= at,
                    FilterOp::Lt => have < at,
                    FilterOp::Le => have <= at,
                    _ => have == at,
                };
            }
            let Literal::Str(want) = &cmp.value else {
                return false;
            };
            let have = match cmp.attribute.as_str() {
                "action.type" => Some(event.action.clone()),
                "actors.client.id" => event.actor.clone(),
                "resources.id" => Some(event.user_id.clone()),
                "resources.type" => Some("USER".to_owned()),
                "resources.population.id" => population(&event.user_id),
                "correlationId" => Some(event.id.clone()),
                _ => None,
            };
            have.as_deref() == Some(want.as_str())
        }
    }
}

/// "USER.LOCKED" → "User Locked", as PingOne describes its action types.
fn describe(action: &str) -> String {
    action
        .split(['.', '_'])
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The wire record of one event.
fn activity(event: &AuditEvent, directory: &Directory, base: &str) -> Activity {
    let user = directory.get(&event.user_id, Timestamp::now());
    let name = user.as_ref().map(|u| u.username.clone());
    let description = describe(&event.action);
    let mut extra = serde_json::Map::new();
    extra.insert(
        "_links".into(),
        serde_json::json!({ "self": href(&format!("{base}/activities/{}", event.id)) }),
    );
    let external = (event.external_session_id.is_some() || event.external_transaction_id.is_some())
        .then(|| ExternalCorrelation {
            session_id: event.external_session_id.clone(),
            transaction_id: event.external_transaction_id.clone(),
        });
    Activity {
        id: event.id.clone(),
        recorded_at: Some(event.recorded_at),
        created_at: Some(event.recorded_at),
        correlation_id: Some(event.id.clone()),
        actors: event.actor.as_ref().map(|client| Actors {
            client: Some(Actor {
                id: client.clone(),
                name: Some(client.clone()),
                kind: Some("CLIENT".to_owned()),
            }),
            user: None,
        }),
        action: Action {
            kind: event.action.clone(),
            description: Some(description.clone()),
        },
        resources: vec![Resource {
            kind: "USER".to_owned(),
            id: event.user_id.clone(),
            name: name.clone(),
            population: user.and_then(|u| u.population),
        }],
        result: Some(ActivityResult {
            status: "SUCCESS".to_owned(),
            description: Some(format!("{description} {}", name.unwrap_or_default())),
        }),
        external_correlation: external,
        extra,
    }
}

/// The history behind the users locked at `now`: an admin lock is `USER.LOCKED` at `lockedAt`
/// by the admin console; a password lockout is the policy's count of `PASSWORD.CHECK_FAILED`,
/// then `USER.LOCKED`, with no actor (a sign-on, not an admin). Recorded oldest first.
pub(super) fn seed(audit: &AuditLog, directory: &Directory, now: Timestamp) {
    let policy = &directory.policy;
    let mut seeded: Vec<(Timestamp, &'static str, String, Option<&str>)> = Vec::new();
    for at in 0..super::store::position(directory.len()) {
        // Only a stored lock or a password of its own can make a user locked now.
        let candidate =
            directory.users[at as usize].is_locked() || directory.passwords.contains_key(&at);
        if !candidate {
            continue;
        }
        let user = directory.present_at(at, now);
        if !user.is_locked() {
            continue;
        }
        let account = user.account.clone().unwrap_or_default();
        let password = directory.stored_password(at).at(now);
        if let Some(locked_at) = account.locked_at {
            seeded.push((locked_at, events::USER_LOCKED, user.id, Some(ADMIN_CONSOLE)));
        } else if password.status == PasswordStatus::LockedOut {
            let started = password.locked_until.map_or_else(
                || user.updated_at.unwrap_or(now) - SignedDuration::from_hours(1),
                |until| until - policy.lockout,
            );
            for k in (1..=policy.failure_count).rev() {
                let when = started - SignedDuration::from_secs(i64::from(k));
                seeded.push((when, events::PASSWORD_CHECK_FAILED, user.id.clone(), None));
            }
            seeded.push((started, events::USER_LOCKED, user.id, None));
        } else {
            let when = user
                .updated_at
                .unwrap_or(now - SignedDuration::from_hours(1));
            seeded.push((when, events::USER_LOCKED, user.id, None));
        }
    }
    seeded.sort_by_key(|(at, ..)| *at);
    for (at, action, id, actor) in seeded {
        audit.record_at(at, action, &id, actor);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn action_types_read_as_pingone_describes_them() {
        assert_eq!(super::describe("USER.LOCKED"), "User Locked");
        assert_eq!(
            super::describe("PASSWORD.CHECK_FAILED"),
            "Password Check Failed"
        );
    }
}
