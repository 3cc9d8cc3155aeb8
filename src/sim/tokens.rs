//! The simulator's token endpoint (client credentials, basic or post) and bearer checks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use base64::Engine as _;
use secrecy::ExposeSecret;

use super::SimState;
use super::responses::{json, oauth_error, unauthorized};
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

    fn issue(&self) -> String {
        let token = format!("sim.{}", uuid::Uuid::new_v4().simple());
        let mut issued = super::lock(&self.issued);
        let now = Instant::now();
        issued.retain(|_, expires| *expires > now);
        issued.insert(token.clone(), now + self.lifetime);
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

/// `POST /{env}/as/token`.
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
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let (id, secret) = match basic_credentials(&headers) {
        Some(pair) => pair,
        None => match (form.get("client_id"), form.get("client_secret")) {
            (Some(id), Some(secret)) => (id.clone(), secret.clone()),
            _ => {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    pingone::OAUTH_INVALID_CLIENT,
                    "Client authentication is required.",
                );
            }
        },
    };
    if id != state.config.client_id || secret != state.config.client_secret.expose_secret() {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            pingone::OAUTH_INVALID_CLIENT,
            "Invalid client credentials.",
        );
    }
    if form.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only client_credentials is supported.",
        );
    }
    let body = serde_json::json!({
        "access_token": state.tokens.issue(),
        "token_type": "Bearer",
        "expires_in": state.tokens.lifetime.as_secs(),
    });
    json(StatusCode::OK, &body)
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
