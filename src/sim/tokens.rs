//! The simulator's token endpoint (client credentials, basic or post) and bearer checks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use base64::Engine as _;
use secrecy::ExposeSecret;

use super::SimState;
use super::responses::{json, no_store, oauth_error, unauthorized};
use crate::pingone;

/// Issued tokens and when each expires.
pub(super) struct TokenStore {
    lifetime: Duration,
    issued: Mutex<HashMap<String, Instant>>,
}

impl TokenStore {
    pub(super) fn new(lifetime: Duration) -> Self {
        Self {
            lifetime,
            issued: Mutex::new(HashMap::new()),
        }
    }

    /// A new token for `client_id` in environment `env`, JWT-shaped as PingOne's are
    /// (`header.payload.signature`, base64url): the payload carries `client_id`, `env`, `iss`,
    /// `aud`, `jti`, `iat` and `exp`. The signature is random bytes: nobody can verify it, and a
    /// client must treat the token as opaque anyway.
    fn issue(&self, client_id: &str, env: &str, issuer: &str) -> String {
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let issued_at = jiff::Timestamp::now().as_second();
        let expires_at =
            issued_at.saturating_add(i64::try_from(self.lifetime.as_secs()).unwrap_or(i64::MAX));
        let header = serde_json::json!({ "alg": "RS256", "typ": "JWT", "kid": "pingdesk-sim" });
        let payload = serde_json::json!({
            "client_id": client_id,
            "iss": issuer,
            "jti": uuid::Uuid::new_v4().to_string(),
            "iat": issued_at,
            "exp": expires_at,
            "aud": ["https://api.pingone.com"],
            "env": env,
        });
        let signature: Vec<u8> = (0..64).map(|_| fastrand::u8(..)).collect();
        let token = format!(
            "{}.{}.{}",
            b64(header.to_string().as_bytes()),
            b64(payload.to_string().as_bytes()),
            b64(&signature)
        );
        let mut live = super::lock(&self.issued);
        let now = Instant::now();
        live.retain(|_, expires| *expires > now);
        live.insert(token.clone(), now + self.lifetime);
        token
    }

    /// Checks the `Authorization: Bearer` header; the 401 response when it fails.
    pub(super) fn check(&self, headers: &HeaderMap) -> Result<(), Response> {
        let Some(value) = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
        else {
            return Err(unauthorized("An access token is required."));
        };
        let Some(token) = value.strip_prefix("Bearer ").map(str::trim) else {
            return Err(unauthorized(
                "The Authorization header must be a Bearer token.",
            ));
        };
        match super::lock(&self.issued).get(token) {
            None => Err(unauthorized("The access token is invalid.")),
            Some(expires) if *expires <= Instant::now() => {
                Err(unauthorized("The access token expired."))
            }
            Some(_) => Ok(()),
        }
    }
}

/// `POST /{env}/as/token`: the client-credentials grant, with the errors of RFC 6749 §5.2.
pub(super) async fn token_endpoint(
    State(state): State<Arc<SimState>>,
    Path(env): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let environment_id = super::read(&state.directory).environment.id.clone();
    if env != environment_id {
        return super::responses::not_found("environment");
    }
    let mut form: HashMap<String, String> = HashMap::new();
    for (name, value) in url::form_urlencoded::parse(&body) {
        if form.insert(name.to_string(), value.into_owned()).is_some() {
            return invalid_request(&format!("The parameter {name} is included more than once."));
        }
    }
    let basic = basic_credentials(&headers);
    let (id, secret) = match (&basic, form.get("client_id"), form.get("client_secret")) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return invalid_request("The client authenticated in more than one way.");
        }
        (Some((id, secret)), None, None) | (None, Some(id), Some(secret)) => {
            (id.clone(), secret.clone())
        }
        (None, _, _) => return invalid_client("Client authentication is required."),
    };
    if id != state.config.client_id || secret != state.config.client_secret.expose_secret() {
        return invalid_client("Invalid client credentials.");
    }
    match form.get("grant_type").map(String::as_str) {
        None => return invalid_request("The grant_type parameter is required."),
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Only client_credentials is supported.",
            );
        }
    }
    let issuer = format!("{}{env}/as", state.base_url);
    let body = serde_json::json!({
        "access_token": state.tokens.issue(&id, &env, &issuer),
        "token_type": "Bearer",
        "expires_in": state.tokens.lifetime.as_secs(),
    });
    let mut response = json(StatusCode::OK, &body);
    no_store(&mut response);
    response
}

/// `400 invalid_request`: a malformed token request.
fn invalid_request(description: &str) -> Response {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_request", description)
}

/// `401 invalid_client` with the `WWW-Authenticate` challenge RFC 6749 §5.2 asks for.
fn invalid_client(description: &str) -> Response {
    let mut response = oauth_error(
        StatusCode::UNAUTHORIZED,
        pingone::OAUTH_INVALID_CLIENT,
        description,
    );
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"PingOne\""),
    );
    response
}

/// `Authorization: Basic base64(id:secret)`, decoded.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}
