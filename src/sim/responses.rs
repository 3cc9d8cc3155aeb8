//! Response builders in PingOne's shapes: JSON bodies and `{id, code, message, details}` errors.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::pingone::{self, P1Error, P1ErrorDetail};

/// A JSON response.
pub(super) fn json(status: StatusCode, body: &impl Serialize) -> Response {
    (status, axum::Json(body)).into_response()
}

/// PingOne's error body with a fresh support id.
pub(super) fn p1_error(
    status: StatusCode,
    code: &str,
    message: &str,
    details: Vec<P1ErrorDetail>,
) -> Response {
    let body = P1Error {
        id: Some(uuid::Uuid::new_v4().to_string()),
        code: code.to_owned(),
        message: message.to_owned(),
        details,
    };
    json(status, &body)
}

/// A link: `{"href": url}`.
pub(super) fn href(url: &str) -> serde_json::Value {
    serde_json::json!({ "href": url })
}

/// One error detail.
pub(super) fn detail(code: &str, target: &str, message: impl Into<String>) -> P1ErrorDetail {
    P1ErrorDetail {
        code: code.to_owned(),
        target: Some(target.to_owned()),
        message: message.into(),
        inner_error: None,
    }
}

/// 400 `INVALID_DATA` with one detail.
pub(super) fn invalid_data(target: &str, message: impl Into<String>) -> Response {
    p1_error(
        StatusCode::BAD_REQUEST,
        pingone::CODE_INVALID_DATA,
        "The request could not be completed. One or more validation errors were in the request.",
        vec![detail(pingone::DETAIL_INVALID_VALUE, target, message)],
    )
}

/// 404 `NOT_FOUND`.
pub(super) fn not_found(what: &str) -> Response {
    p1_error(
        StatusCode::NOT_FOUND,
        pingone::CODE_NOT_FOUND,
        &format!("Unable to find {what}"),
        Vec::new(),
    )
}

/// 401 for a missing, unknown or expired bearer token.
pub(super) fn unauthorized(why: &str) -> Response {
    let mut response = p1_error(
        StatusCode::UNAUTHORIZED,
        pingone::CODE_ACCESS_FAILED,
        &format!("The request could not be completed. {why}"),
        Vec::new(),
    );
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// PingOne's top-level error code for an HTTP status.
pub(super) fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => pingone::CODE_INVALID_DATA,
        401 | 403 => pingone::CODE_ACCESS_FAILED,
        404 => pingone::CODE_NOT_FOUND,
        405 => pingone::CODE_METHOD_NOT_ALLOWED,
        413 | 414 | 415 | 431 => pingone::CODE_INVALID_REQUEST,
        429 => pingone::CODE_REQUEST_LIMITED,
        _ => pingone::CODE_UNEXPECTED_ERROR,
    }
}

/// The error PingOne sends for a status (one forced by a fault, or the framework's own).
pub(super) fn for_status(status: StatusCode) -> Response {
    match status.as_u16() {
        401 => return unauthorized("The access token is invalid."),
        403 => {
            return p1_error(
                status,
                pingone::CODE_ACCESS_FAILED,
                "The request could not be completed. You do not have access to this resource.",
                vec![detail(
                    pingone::DETAIL_INSUFFICIENT_PERMISSIONS,
                    "role",
                    "The actor lacks the permission this request needs.",
                )],
            );
        }
        _ => {}
    }
    let reason = status.canonical_reason().unwrap_or("error");
    p1_error(
        status,
        code_for(status),
        &format!("The request could not be completed ({reason})."),
        Vec::new(),
    )
}

/// 429 `REQUEST_LIMITED` with `Retry-After: {retry_after}` (seconds, or an HTTP date).
pub(super) fn rate_limited(retry_after: &str) -> Response {
    let mut response = p1_error(
        StatusCode::TOO_MANY_REQUESTS,
        pingone::CODE_REQUEST_LIMITED,
        "The request could not be completed. Too many requests.",
        Vec::new(),
    );
    if let Ok(value) = HeaderValue::from_str(retry_after) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// An OAuth 2.0 error from the token endpoint (RFC 6749 §5.2), never cached.
pub(super) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut response = json(
        status,
        &serde_json::json!({ "error": error, "error_description": description }),
    );
    no_store(&mut response);
    response
}

/// Marks a token endpoint answer as never to be cached (RFC 6749 §5.1).
pub(super) fn no_store(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}
