//! Credentials and the access-token cache: one token shared by every request, renewed ahead of
//! expiry by at most one task at a time.

use std::time::{Duration, Instant};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tokio::sync::Mutex;
use url::Url;

use super::error::{ApiError, ErrorKind};
use crate::pingone;
use crate::pingone::P1Error;

/// How the worker app authenticates at the token endpoint (its `tokenEndpointAuthMethod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientAuthMethod {
    /// `Authorization: Basic base64(id:secret)`, PingOne's documented worker example.
    #[default]
    ClientSecretBasic,
    /// `client_id` and `client_secret` as form fields.
    ClientSecretPost,
}

impl std::str::FromStr for ClientAuthMethod {
    type Err = String;

    /// `basic` or `post`, as the config file and `--client-auth` spell them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "basic" => Ok(Self::ClientSecretBasic),
            "post" => Ok(Self::ClientSecretPost),
            other => Err(format!("client_auth {other:?} must be basic or post")),
        }
    }
}

/// A worker app's client credentials.
#[derive(Debug, Clone)]
pub struct ClientCredentials {
    /// The environment the worker app lives in (used in the token URL).
    pub environment_id: String,
    /// The worker app's client id.
    pub client_id: String,
    /// The worker app's client secret; `Debug` prints it redacted.
    pub client_secret: SecretString,
    /// Basic or post.
    pub method: ClientAuthMethod,
}

/// What pingdesk authenticates with.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// Get tokens from the token endpoint with a worker app's credentials.
    Client(ClientCredentials),
    /// Use a pre-issued access token as is; it cannot be renewed.
    AccessToken(SecretString),
}

impl Credentials {
    /// Who we act as, for the header: the client id, or "access token".
    pub fn actor(&self) -> String {
        match self {
            Self::Client(client) => client.client_id.clone(),
            Self::AccessToken(_) => "access token".to_owned(),
        }
    }
}

/// The token endpoint's answer.
#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

/// An OAuth error body (RFC 6749 §5.2).
#[derive(Deserialize)]
struct OAuthError {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// A cached token and when to stop using it.
struct CachedToken {
    value: SecretString,
    renew_at: Instant,
}

/// Where tokens come from: the token endpoint, or a fixed pre-issued token.
enum TokenSource {
    /// Client credentials and the token URL built from them.
    Endpoint {
        client: ClientCredentials,
        token_url: Url,
    },
    /// A pre-issued token.
    Fixed(SecretString),
}

/// Hands out bearer tokens; fetches a new one when the cached one is near expiry or was refused.
pub(crate) struct TokenCache {
    source: TokenSource,
    actor: String,
    // The async mutex is held across the fetch, so concurrent callers wait for one fetch.
    cached: Mutex<Option<CachedToken>>,
}

impl TokenCache {
    /// A cache for these credentials; `auth_base` is the auth service's base URL.
    pub(crate) fn new(credentials: Credentials, auth_base: &Url) -> Result<Self, url::ParseError> {
        let actor = credentials.actor();
        let source = match credentials {
            Credentials::Client(client) => {
                let token_url = auth_base.join(&format!("{}/as/token", client.environment_id))?;
                TokenSource::Endpoint { client, token_url }
            }
            Credentials::AccessToken(token) => TokenSource::Fixed(token),
        };
        Ok(Self {
            source,
            actor,
            cached: Mutex::new(None),
        })
    }

    /// Who we act as: the client id, or "access token".
    pub(crate) fn actor(&self) -> &str {
        &self.actor
    }

    /// A token to send now: the cached one while fresh, else a new one.
    pub(crate) async fn bearer(&self, http: &reqwest::Client) -> Result<SecretString, ApiError> {
        let (client, token_url) = match &self.source {
            TokenSource::Endpoint { client, token_url } => (client, token_url),
            TokenSource::Fixed(token) => return Ok(token.clone()),
        };
        let mut cached = self.cached.lock().await;
        if let Some(token) = cached.as_ref().filter(|t| Instant::now() < t.renew_at) {
            return Ok(token.value.clone());
        }
        let fresh = fetch_token(http, client, token_url).await?;
        let value = fresh.value.clone();
        *cached = Some(fresh);
        Ok(value)
    }

    /// Forgets `rejected` if it is still the cached token, so the next `bearer` fetches anew.
    /// Returns whether a retry can get a different token (never, for a pre-issued one).
    pub(crate) async fn invalidate(&self, rejected: &SecretString) -> bool {
        if matches!(self.source, TokenSource::Fixed(_)) {
            return false;
        }
        let mut cached = self.cached.lock().await;
        if cached
            .as_ref()
            .is_some_and(|t| t.value.expose_secret() == rejected.expose_secret())
        {
            *cached = None;
        }
        true
    }
}

/// When to renew a token that lives `lifetime`: 60 s early, or after 90 % of a short lifetime.
fn renew_after(lifetime: Duration) -> Duration {
    let early = lifetime.saturating_sub(Duration::from_secs(60));
    early.max(lifetime.mul_f64(0.9))
}

/// Calls the token endpoint with the client-credentials grant.
async fn fetch_token(
    http: &reqwest::Client,
    client: &ClientCredentials,
    token_url: &Url,
) -> Result<CachedToken, ApiError> {
    const ACTION: &str = "get an access token";
    let started = Instant::now();
    let mut form = vec![("grant_type", "client_credentials")];
    let mut request = http.post(token_url.clone());
    match client.method {
        ClientAuthMethod::ClientSecretBasic => {
            request = request.basic_auth(
                &client.client_id,
                Some(client.client_secret.expose_secret()),
            );
        }
        ClientAuthMethod::ClientSecretPost => {
            form.push(("client_id", &client.client_id));
            form.push(("client_secret", client.client_secret.expose_secret()));
        }
    }
    let response = request
        .form(&form)
        .send()
        .await
        .map_err(|e| ApiError::from_reqwest(ACTION, &e))?;
    let status = response.status().as_u16();
    let correlation_id = response
        .headers()
        .get(pingone::HEADER_CORRELATION_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = response
        .bytes()
        .await
        .map_err(|e| ApiError::from_reqwest(ACTION, &e))?;
    tracing::debug!(
        status,
        elapsed_ms = started.elapsed().as_millis(),
        "token endpoint answered"
    );
    if !(200..300).contains(&status) {
        let oauth: Option<OAuthError> = serde_json::from_slice(&bytes).ok();
        let kind = match (status, oauth.as_ref().map(|o| o.error.as_str())) {
            (_, Some(pingone::OAUTH_INVALID_CLIENT)) | (400 | 401, _) => ErrorKind::Unauthorized,
            _ => ApiError::kind_for_status(status),
        };
        let body = oauth.map(|o| {
            Box::new(P1Error {
                code: o.error,
                message: o.error_description.unwrap_or_default(),
                ..P1Error::default()
            })
        });
        let error = ApiError {
            status: Some(status),
            body,
            correlation_id,
            ..ApiError::transport(ACTION, kind, "token endpoint refused")
        };
        return Err(error.as_unknown_environment(&client.environment_id));
    }
    let token: TokenResponse = serde_json::from_slice(&bytes).map_err(|e| ApiError {
        status: Some(status),
        correlation_id,
        ..ApiError::transport(ACTION, ErrorKind::Decode, e)
    })?;
    let lifetime = Duration::from_secs(token.expires_in.unwrap_or(pingone::TOKEN_LIFETIME_SECS));
    Ok(CachedToken {
        value: SecretString::from(token.access_token),
        renew_at: started + renew_after(lifetime),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_renew_ahead_of_expiry() {
        assert_eq!(
            renew_after(Duration::from_secs(3600)),
            Duration::from_secs(3540)
        );
        assert_eq!(renew_after(Duration::from_secs(10)), Duration::from_secs(9));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let credentials = Credentials::Client(ClientCredentials {
            environment_id: "env".into(),
            client_id: "id".into(),
            client_secret: SecretString::from("hunter2-very-secret"),
            method: ClientAuthMethod::default(),
        });
        let text = format!(
            "{credentials:?} {:?}",
            Credentials::AccessToken("tok-123".into())
        );
        assert!(
            !text.contains("hunter2") && !text.contains("tok-123"),
            "{text}"
        );
    }
}
