//! The simulator's controls: the middleware that counts requests and injects faults, and the
//! `/_sim/faults` and `/_sim/stats` endpoints that drive it from another process.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::faults::{FaultKind, Faults, Route};
use super::responses::{for_status, json, rate_limited};
use super::{SimState, StatsBody, lock, read};

type Shared = State<Arc<SimState>>;

/// Counts each API request by route, adds the configured latency, and applies the first
/// matching fault rule.
pub(super) async fn count_and_inject_faults(
    State(state): Shared,
    request: Request,
    next: Next,
) -> Response {
    if request.uri().path().starts_with("/_sim/") {
        return next.run(request).await;
    }
    let route = Route::of(request.method(), request.uri().path());
    state.stats.count(route);
    let (latency, fault) = {
        let mut faults = lock(&state.faults);
        (faults.latency(), faults.take(route))
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match fault {
        None => next.run(request).await,
        Some(FaultKind::Status { status }) => {
            for_status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        }
        Some(FaultKind::RateLimit { retry_after_secs }) => {
            rate_limited(&retry_after_secs.to_string())
        }
        Some(FaultKind::RateLimitUntil { retry_after_secs }) => {
            let at = jiff::Timestamp::now()
                + jiff::SignedDuration::from_secs(i64::try_from(retry_after_secs).unwrap_or(0));
            rate_limited(&at.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string())
        }
        Some(FaultKind::Malformed) => {
            let mut response = Response::new(Body::from("{\"_embedded\": <html>oops"));
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Some(FaultKind::Truncated) => {
            let response = next.run(request).await;
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let mut response =
                Response::from_parts(parts, Body::from(bytes.slice(..bytes.len() / 2)));
            response.headers_mut().remove(header::CONTENT_LENGTH);
            response
        }
        Some(FaultKind::Delay { millis }) => {
            tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
            next.run(request).await
        }
        Some(FaultKind::Stall { millis }) => {
            let response = next.run(request).await;
            tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
            response
        }
        Some(FaultKind::Disconnect { applied }) => {
            if applied {
                drop(next.run(request).await);
            }
            // A body that fails before its first byte makes the server drop the connection
            // without finishing the answer.
            let broken = futures_util::stream::once(async {
                Err::<axum::body::Bytes, _>(std::io::Error::other("connection broken by a fault"))
            });
            Response::new(Body::from_stream(broken))
        }
    }
}

/// `POST /_sim/users/{id}/password-checks` with `{"failures": N}`: N failed password checks, as
/// wrong passwords at sign-on would make; the policy's count locks the password out.
pub(super) async fn fail_password_checks(
    State(state): Shared,
    axum::extract::Path(id): axum::extract::Path<String>,
    headers: axum::http::HeaderMap,
    axum::Json(body): axum::Json<FailedChecks>,
) -> super::routes::Answer {
    let (password, emitted) = super::write(&state.directory).fail_password_checks(
        &id,
        body.failures,
        jiff::Timestamp::now(),
    )?;
    for event in emitted {
        state.audit.record(event, &id, &headers);
    }
    Ok(json(StatusCode::OK, &password))
}

/// The body of `POST /_sim/users/{id}/password-checks`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FailedChecks {
    failures: u32,
}

/// `GET /_sim/faults`.
pub(super) async fn get_faults(State(state): Shared) -> Response {
    json(StatusCode::OK, &*lock(&state.faults))
}

/// `PUT /_sim/faults`: replaces the fault settings.
pub(super) async fn put_faults(
    State(state): Shared,
    axum::Json(faults): axum::Json<Faults>,
) -> Response {
    *lock(&state.faults) = faults;
    json(StatusCode::OK, &*lock(&state.faults))
}

/// `GET /_sim/stats`: requests per route and the directory size.
pub(super) async fn stats(State(state): Shared) -> Response {
    let body = StatsBody {
        requests: state.stats.snapshot(),
        users: read(&state.directory).len(),
    };
    json(StatusCode::OK, &body)
}
