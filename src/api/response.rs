//! Reading PingOne's answers: the body of a success, or an `ApiError` with PingOne's error body,
//! `Correlation-Id` and `Retry-After`.

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use super::error::ApiError;
use super::retry::retry_after;
use crate::pingone::{self, P1Error};

/// A successful answer: status, headers and body.
pub(crate) struct Answer {
    /// The HTTP status.
    pub(crate) status: u16,
    /// The response headers.
    pub(crate) headers: HeaderMap,
    /// The body.
    pub(crate) body: Bytes,
}

/// Reads a response: the status, headers and body of a success, or an `ApiError`.
pub(crate) async fn read_response(
    action: &'static str,
    response: reqwest::Response,
) -> Result<Answer, ApiError> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(|e| ApiError {
        status: Some(status.as_u16()),
        correlation_id: correlation_id(&headers),
        ..ApiError::from_reqwest(action, &e)
    })?;
    if status.is_success() {
        return Ok(Answer {
            status: status.as_u16(),
            headers,
            body,
        });
    }
    Err(error_from_response(action, status, &headers, &body))
}

/// An `ApiError` from a non-success response.
fn error_from_response(
    action: &'static str,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> ApiError {
    let parsed: Option<Box<P1Error>> = serde_json::from_slice(body).ok();
    let cause = parsed.is_none().then(|| {
        let text = String::from_utf8_lossy(body);
        format!(
            "HTTP {status} with a body that is not PingOne's error shape: {}",
            text.chars().take(200).collect::<String>()
        )
    });
    ApiError {
        action,
        permission: pingone::PERMISSION_READ_USER,
        kind: ApiError::kind_for_status(status.as_u16()),
        status: Some(status.as_u16()),
        body: parsed,
        correlation_id: correlation_id(headers),
        retry_after: retry_after(headers),
        cause,
    }
}

/// The `Correlation-Id` header, if present and text.
pub(crate) fn correlation_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(pingone::HEADER_CORRELATION_ID)?
        .to_str()
        .ok()
        .map(str::to_owned)
}
