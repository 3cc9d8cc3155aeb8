//! The `Content-Type` of a write: exactly one, compared as PingOne spells its media types; and
//! the empty body of the actions that take none.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

use super::SimState;
use super::responses::p1_error;
use super::routes::admit;
use crate::pingone;

/// Media types the write routes take, spelled as PingOne documents them.
const KNOWN_MEDIA_TYPES: &[&str] = &[
    pingone::MEDIA_JSON,
    pingone::MEDIA_ACCOUNT_UNLOCK,
    pingone::MEDIA_ACCOUNT_LOCK,
    pingone::MEDIA_PASSWORD_UNLOCK,
    pingone::MEDIA_PASSWORD_FORCE_CHANGE,
    pingone::MEDIA_PASSWORD_SEND_RECOVERY_CODE,
    pingone::MEDIA_USER_SEND_VERIFICATION_CODE,
    pingone::MEDIA_DEVICE_BLOCK,
    pingone::MEDIA_DEVICE_UNBLOCK,
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

/// Admits a write (the token, the environment) and reads its one media type.
pub(super) fn admit_write(
    state: &SimState,
    headers: &HeaderMap,
    env: &str,
) -> Result<String, Response> {
    admit(state, headers, env)?;
    single_media_type(headers)
}

/// Admits a write whose body must be JSON; 415 for another media type.
pub(super) fn admit_json(state: &SimState, headers: &HeaderMap, env: &str) -> Result<(), Response> {
    match admit_write(state, headers, env)? {
        media if media == pingone::MEDIA_JSON => Ok(()),
        media => Err(unsupported_media(&media)),
    }
}

/// Whether a body is empty (or `{}`), as actions without a body accept.
pub(super) fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace) || body == b"{}"
}
