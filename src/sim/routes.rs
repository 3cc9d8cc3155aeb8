//! The simulator's HTTP routes and the middleware that adds `Correlation-Id`, counts requests and
//! injects faults.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, post};
use jiff::Timestamp;

use super::paging::{ListParams, page_link};
use super::responses::{detail, invalid_data, json, not_found, p1_error};
use super::store::StoreError;
use super::{
    SimState, actions, activities, control, incident, ratelimit, read, roles, tokens, write,
};
use crate::pingone::filter::{self, UserAttributes};
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
            get(actions::read_enabled).put(actions::put_enabled),
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

/// Checks the bearer token and the environment id, in that order.
pub(super) fn admit(state: &SimState, headers: &HeaderMap, env: &str) -> Result<(), Response> {
    state.tokens.check(headers)?;
    if read(&state.directory).environment.id != env {
        return Err(not_found("environment"));
    }
    Ok(())
}

/// Admits a read of a collection (the token, the environment) and reads its query.
pub(super) fn admit_list(
    state: &SimState,
    headers: &HeaderMap,
    env: &str,
    query: Option<&str>,
) -> Result<ListParams, Response> {
    admit(state, headers, env)?;
    ListParams::parse(query)
}

/// Adds the `_links` PingOne puts on a user.
pub(super) fn with_links(state: &SimState, mut user: User) -> User {
    let base = format!(
        "{}v1/environments/{}",
        state.base_url,
        read(&state.directory).environment.id
    );
    let me = format!("{base}/users/{}", user.id);
    let href = |h: String| serde_json::json!({ "href": h });
    let mut links = serde_json::Map::new();
    links.insert("self".into(), href(me.clone()));
    links.insert("password".into(), href(format!("{me}/password")));
    links.insert("devices".into(), href(format!("{me}/devices")));
    links.insert(
        "roleAssignments".into(),
        href(format!("{me}/roleAssignments")),
    );
    if let Some(population) = &user.population {
        links.insert(
            "population".into(),
            href(format!("{base}/populations/{}", population.id)),
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
    RawQuery(query): RawQuery,
) -> Response {
    let params = match admit_list(&state, &headers, &env, query.as_deref()) {
        Ok(params) => params,
        Err(refused) => return refused,
    };
    let (limit, offset) = match params.page(pingone::MAX_PAGE_LIMIT) {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    // Server-Timing covers the search itself: filter parsing, the index lookup, the page.
    let started = std::time::Instant::now();
    let directory = read(&state.directory);
    let parsed = match params.filter.as_deref().map(|f| {
        let vocabulary = UserAttributes {
            custom: directory.custom_attributes(),
        };
        filter::parse(f, &vocabulary)
    }) {
        None => None,
        Some(Ok(expr)) => Some(expr),
        Some(Err(error)) => return invalid_data("filter", error.0),
    };
    let matches = directory.search(parsed.as_ref());
    let now = Timestamp::now();
    let page: Vec<User> = matches
        .iter()
        .skip(offset)
        .take(limit)
        .map(|&at| directory.present_at(at, now))
        .collect();
    drop(directory);
    let users_url = format!("{}v1/environments/{env}/users", state.base_url);
    let link = |cursor: Option<usize>| {
        let href = page_link(&users_url, params.filter.as_deref(), limit, cursor);
        serde_json::json!({ "href": href })
    };
    let mut links = serde_json::Map::new();
    links.insert("self".into(), link((offset > 0).then_some(offset)));
    if offset + page.len() < matches.len() {
        links.insert("next".into(), link(Some(offset + page.len())));
    }
    let size = page.len();
    let users: Vec<User> = page.into_iter().map(|u| with_links(&state, u)).collect();
    let body = serde_json::json!({
        "_links": links,
        "_embedded": { "users": users },
        "count": matches.len(),
        "size": size,
    });
    let searched = started.elapsed().as_secs_f64() * 1000.0;
    let mut response = json(StatusCode::OK, &body);
    if let Ok(value) = HeaderValue::from_str(&format!("search;dur={searched:.3}")) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// `GET /users/{id}`.
async fn get_user(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    let user = read(&state.directory).get(&id, Timestamp::now());
    match user {
        Some(user) => json(StatusCode::OK, &with_links(&state, user)),
        None => not_found("user"),
    }
}

/// Media types the write routes take, spelled as PingOne documents them.
const KNOWN_MEDIA_TYPES: &[&str] = &[
    pingone::MEDIA_JSON,
    pingone::MEDIA_ACCOUNT_UNLOCK,
    pingone::MEDIA_ACCOUNT_LOCK,
    pingone::MEDIA_PASSWORD_UNLOCK,
    pingone::MEDIA_PASSWORD_FORCE_CHANGE,
    pingone::MEDIA_PASSWORD_SEND_RECOVERY_CODE,
    pingone::MEDIA_USER_SEND_VERIFICATION_CODE,
];

/// The one media type of a request without parameters: in PingOne's spelling when it is one the
/// routes take (media types compare case-insensitively), else lower-cased; an error response
/// when there is none or more than one.
pub(super) fn single_media_type(headers: &HeaderMap) -> Result<String, Response> {
    let values: Vec<&HeaderValue> = headers.get_all(header::CONTENT_TYPE).iter().collect();
    let refuse = |message: &str| {
        p1_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            pingone::CODE_INVALID_REQUEST,
            message,
            Vec::new(),
        )
    };
    match values.as_slice() {
        [] => Err(refuse(
            "The request could not be completed. A Content-Type header is required.",
        )),
        [one] => {
            let text = one.to_str().unwrap_or_default();
            let media = text.split(';').next().unwrap_or_default().trim();
            Ok(KNOWN_MEDIA_TYPES
                .iter()
                .find(|known| known.eq_ignore_ascii_case(media))
                .map_or_else(|| media.to_ascii_lowercase(), |known| (*known).to_owned()))
        }
        _ => Err(refuse(
            "The request could not be completed. Exactly one Content-Type header is allowed.",
        )),
    }
}

/// `POST /users`: create.
async fn create_user(
    State(state): Shared,
    Path(env): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refused) = admit(&state, &headers, &env) {
        return refused;
    }
    match single_media_type(&headers) {
        Ok(media) if media == pingone::MEDIA_JSON => {}
        Ok(media) => return unsupported_media(&media),
        Err(refused) => return refused,
    }
    let not_a_user = |error: serde_json::Error| {
        invalid_data(
            "body",
            format!("The request body is not a valid user: {error}"),
        )
    };
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(error) => return not_a_user(error),
    };
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
        return p1_error(
            StatusCode::BAD_REQUEST,
            pingone::CODE_INVALID_DATA,
            "The request could not be completed. One or more validation errors were in the request.",
            details,
        );
    }
    let user: User = match serde_json::from_value(value) {
        Ok(user) => user,
        Err(error) => return not_a_user(error),
    };
    let created = write(&state.directory).create(user, Timestamp::now());
    match created {
        Ok(user) => {
            state.audit.record("USER.CREATED", &user.id, &headers);
            json(StatusCode::CREATED, &with_links(&state, user))
        }
        Err(error) => store_error(&error),
    }
}

/// 415 for a `Content-Type` the route does not take.
pub(super) fn unsupported_media(media: &str) -> Response {
    p1_error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        pingone::CODE_INVALID_REQUEST,
        &format!(
            "The request could not be completed. Content-Type {media:?} is not supported here."
        ),
        Vec::new(),
    )
}

/// The PingOne error for a refused mutation.
pub(super) fn store_error(error: &StoreError) -> Response {
    match error {
        StoreError::NotFound => not_found("user"),
        StoreError::Refused(message) => p1_error(
            StatusCode::BAD_REQUEST,
            pingone::CODE_REQUEST_FAILED,
            message,
            Vec::new(),
        ),
        StoreError::Invalid(target, message) => invalid_data(target, message.clone()),
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
