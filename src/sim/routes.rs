//! The simulator's HTTP routes and the middleware that adds `Correlation-Id`, counts requests and
//! injects faults.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, post};
use jiff::Timestamp;
use serde::Deserialize;

use super::directory_api::present_population;
use super::flags::{self, Flag};
use super::media::admit_json;
use super::paging::{self, ListParams};
use super::responses::{detail, href, invalid_data, json, not_found, p1_error};
use super::store::StoreError;
use super::{
    SimState, actions, activities, control, directory_api, incident, mfa_api, ratelimit, read,
    roles, tokens, write,
};
use crate::pingone::filter::UserAttributes;
use crate::pingone::{self, User};

type Shared = State<Arc<SimState>>;

/// The simulator's router.
pub(super) fn router(state: Arc<SimState>) -> Router {
    Router::new()
        .route("/{env}/as/token", post(tokens::token_endpoint))
        .route(
            "/v1/environments/{env}/users",
            get(list_users).post(create_user),
        )
        .route(
            "/v1/environments/{env}/applications/{app}/roleAssignments",
            get(roles::role_assignments),
        )
        .route("/v1/roles/{id}", get(roles::role))
        .route(
            "/v1/environments/{env}/users/{id}",
            get(get_user).post(actions::user_action),
        )
        .route(
            "/v1/environments/{env}/users/{id}/password",
            get(actions::read_password).post(actions::password_action),
        )
        .route(
            "/v1/environments/{env}/users/{id}/enabled",
            flags::routes(Flag::Enabled),
        )
        .route(
            "/v1/environments/{env}/users/{id}/mfaEnabled",
            flags::routes(Flag::MfaEnabled),
        )
        .route(
            "/v1/environments/{env}/users/{id}/devices",
            get(mfa_api::list_devices),
        )
        .route(
            "/v1/environments/{env}/users/{id}/devices/{device}",
            get(mfa_api::get_device).post(mfa_api::device_action),
        )
        .route(
            "/v1/environments/{env}/users/{id}/sessions",
            get(mfa_api::list_sessions),
        )
        .route(
            "/v1/environments/{env}/users/{id}/sessions/{session}",
            get(mfa_api::get_session).delete(mfa_api::delete_session),
        )
        .route(
            "/v1/environments/{env}/users/{id}/memberOfGroups",
            get(directory_api::user_groups),
        )
        .route(
            "/v1/environments/{env}/groups",
            get(directory_api::list_groups),
        )
        .route(
            "/v1/environments/{env}/groups/{id}",
            get(directory_api::get_group),
        )
        .route(
            "/v1/environments/{env}/groups/{id}/memberOfGroups",
            get(directory_api::group_nesting),
        )
        .route(
            "/v1/environments/{env}/populations",
            get(directory_api::list_populations),
        )
        .route(
            "/v1/environments/{env}/populations/{id}",
            get(directory_api::get_population),
        )
        .route(
            "/_sim/users/{id}/password-checks",
            post(control::fail_password_checks),
        )
        .route(
            "/_sim/faults",
            get(control::get_faults).put(control::put_faults),
        )
        .route("/_sim/stats", get(control::stats))
        .route(
            "/v1/environments/{env}/activities",
            get(activities::list_activities),
        )
        .route("/_sim/incident", post(incident::stage))
        .fallback(|| async { not_found("the requested resource") })
        .method_not_allowed_fallback(|| async {
            p1_error(
                StatusCode::METHOD_NOT_ALLOWED,
                pingone::CODE_METHOD_NOT_ALLOWED,
                "The request method is not supported for this resource.",
                Vec::new(),
            )
        })
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            ratelimit::limit,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            control::count_and_inject_faults,
        ))
        .layer(middleware::from_fn(super::edges::edge))
        .with_state(state)
}

/// A handler's answer: the response, or the refusal (PingOne's error) that cut it short; both go
/// out as they are.
pub(super) type Answer = Result<Response, Response>;

/// Checks the bearer token and the environment id, in that order.
pub(super) fn admit(state: &SimState, headers: &HeaderMap, env: &str) -> Result<(), Response> {
    state.tokens.check(headers)?;
    if read(&state.directory).environment.id != env {
        return Err(not_found("environment"));
    }
    Ok(())
}

/// Admits a read (the token, the environment) and reads its query as `T`, each parameter at
/// most once ([`paging::once`]).
pub(super) fn admit_query<T: serde::de::DeserializeOwned>(
    state: &SimState,
    headers: &HeaderMap,
    env: &str,
    uri: &Uri,
) -> Result<T, Response> {
    admit(state, headers, env)?;
    paging::once(uri)
}

/// Adds the `_links` PingOne puts on a user; `base` is its environment's URL
/// ([`SimState::environment_url`]).
pub(super) fn with_links(base: &str, mut user: User) -> User {
    let me = format!("{base}/users/{}", user.id);
    let mut links = serde_json::Map::new();
    links.insert("self".into(), href(&me));
    links.insert("password".into(), href(&format!("{me}/password")));
    links.insert("devices".into(), href(&format!("{me}/devices")));
    links.insert(
        "roleAssignments".into(),
        href(&format!("{me}/roleAssignments")),
    );
    if let Some(population) = &user.population {
        links.insert(
            "population".into(),
            href(&format!("{base}/populations/{}", population.id)),
        );
    }
    user.extra.insert("_links".into(), links.into());
    user
}

/// `GET /users?filter=&limit=&cursor=`, with `Server-Timing: search;dur=<ms>`.
async fn list_users(
    State(state): Shared,
    Path(env): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: ListParams = admit_query(&state, &headers, &env, &uri)?;
    let window = params.window()?;
    // Server-Timing covers the search itself: filter parsing, the index lookup, the page.
    let started = std::time::Instant::now();
    let directory = read(&state.directory);
    let vocabulary = UserAttributes {
        custom: directory.custom_attributes(),
    };
    let parsed = params.parsed(&vocabulary)?;
    let matches = directory.search(parsed.as_ref());
    let now = Timestamp::now();
    let base = state.environment_url(&env);
    let users: Vec<User> = window
        .slice(matches.iter())
        .map(|&at| with_links(&base, directory.present_at(at, now)))
        .collect();
    drop(directory);
    let users_url = format!("{base}/users");
    let body = params.page(&users_url, window, "users", matches.len(), users);
    let searched = started.elapsed().as_secs_f64() * 1000.0;
    let mut response = json(StatusCode::OK, &body);
    if let Ok(value) = HeaderValue::from_str(&format!("search;dur={searched:.3}")) {
        response.headers_mut().insert("server-timing", value);
    }
    Ok(response)
}

/// `?include=memberOfGroupNames|memberOfGroupIDs&expand=population` on a single-user read.
#[derive(Deserialize)]
struct UserParams {
    include: Option<String>,
    expand: Option<String>,
}

/// `GET /users/{id}`, with what `include` and `expand` ask for.
async fn get_user(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: UserParams = admit_query(&state, &headers, &env, &uri)?;
    let asked = |list: &Option<String>| -> Vec<String> {
        list.iter()
            .flat_map(|l| l.split(','))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    };
    let (include, expand) = (asked(&params.include), asked(&params.expand));
    let known = [pingone::INCLUDE_GROUP_NAMES, pingone::INCLUDE_GROUP_IDS];
    if let Some(bad) = include.iter().find(|i| !known.contains(&i.as_str())) {
        return Err(invalid_data(
            "include",
            format!("include={bad} is not supported; use {}", known.join(" or ")),
        ));
    }
    if let Some(bad) = expand.iter().find(|e| *e != pingone::EXPAND_POPULATION) {
        return Err(invalid_data(
            "expand",
            format!("expand={bad} is not supported; use population"),
        ));
    }
    let directory = read(&state.directory);
    let Some(mut user) = directory.get(&id, Timestamp::now()) else {
        return Err(not_found("user"));
    };
    let at = directory.position_of(&id).unwrap_or_default();
    let groups = directory.groups.of_user(at);
    for wanted in &include {
        let values: Vec<&str> = groups
            .iter()
            .map(|(g, _)| {
                if wanted == pingone::INCLUDE_GROUP_NAMES {
                    g.name.as_str()
                } else {
                    g.id.as_str()
                }
            })
            .collect();
        user.extra.insert(wanted.clone(), serde_json::json!(values));
    }
    let population = user
        .population
        .as_ref()
        .filter(|_| !expand.is_empty())
        .and_then(|p| directory.population(&p.id))
        .map(|p| present_population(&state, &directory, p.clone()));
    drop(directory);
    let mut user = with_links(&state.environment_url(&env), user);
    if let Some(population) = population {
        user.extra.insert(
            "_embedded".into(),
            serde_json::json!({ "population": population }),
        );
    }
    Ok(json(StatusCode::OK, &user))
}

/// `POST /users`: create.
async fn create_user(
    State(state): Shared,
    Path(env): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    admit_json(&state, &headers, &env)?;
    let not_a_user = |error: serde_json::Error| {
        invalid_data(
            "body",
            format!("The request body is not a valid user: {error}"),
        )
    };
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(not_a_user)?;
    let details = {
        let directory = read(&state.directory);
        let populations: Vec<&str> = directory
            .populations
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        super::validate::new_user(&value, &populations)
    };
    if !details.is_empty() {
        return Err(p1_error(
            StatusCode::BAD_REQUEST,
            pingone::CODE_INVALID_DATA,
            "The request could not be completed. One or more validation errors were in the request.",
            details,
        ));
    }
    let user: User = serde_json::from_value(value).map_err(not_a_user)?;
    let user = write(&state.directory).create(user, Timestamp::now())?;
    state.audit.record("USER.CREATED", &user.id, &headers);
    let user = with_links(&state.environment_url(&env), user);
    Ok(json(StatusCode::CREATED, &user))
}

/// The PingOne error for a refused read or mutation, so a handler's `?` answers it.
impl From<StoreError> for Response {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => not_found("user"),
            StoreError::Missing(what) => not_found(what),
            StoreError::Refused(message) => p1_error(
                StatusCode::BAD_REQUEST,
                pingone::CODE_REQUEST_FAILED,
                &message,
                Vec::new(),
            ),
            StoreError::Invalid(target, message) => invalid_data(target, message),
            StoreError::Duplicate(_) => p1_error(
                StatusCode::BAD_REQUEST,
                pingone::CODE_INVALID_DATA,
                "The request could not be completed. One or more validation errors were in the request.",
                vec![detail(
                    "UNIQUENESS_VIOLATION",
                    "username",
                    error.to_string(),
                )],
            ),
        }
    }
}
