//! `ApiClient`: the PingOne users API over one shared `reqwest::Client`, with token renewal,
//! one transparent refresh on 401, and bounded retries of idempotent reads.

use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::CONTENT_TYPE;
use secrecy::ExposeSecret;
use serde::de::DeserializeOwned;
use tracing::Instrument as _;
use url::Url;

use super::auth::{Credentials, TokenCache};
use super::endpoints::Endpoints;
use super::error::{ApiError, ErrorKind};
use super::filter::UserQuery;
use super::response::{Answer, correlation_id, read_response};
use super::retry::RetryPolicy;
use super::types::{NewUser, User, UserPage, UserPageWire};
use crate::pingone;

/// Everything an `ApiClient` needs to reach one environment's users.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// API and auth base URLs.
    pub endpoints: Endpoints,
    /// The environment whose users we manage (may differ from the worker app's).
    pub environment_id: String,
    /// What we authenticate with.
    pub credentials: Credentials,
    /// Retry bounds for reads.
    pub retry: RetryPolicy,
    /// Longest wait for a TCP/TLS connection.
    pub connect_timeout: Duration,
    /// Longest wait for a whole request.
    pub request_timeout: Duration,
}

impl ClientConfig {
    /// A config with default retries and timeouts.
    pub fn new(endpoints: Endpoints, environment_id: String, credentials: Credentials) -> Self {
        Self {
            endpoints,
            environment_id,
            credentials,
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// A cheap-to-clone handle on the PingOne users API of one environment.
#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    environment_id: String,
    api_base: Url,
    session_id: Arc<str>,
    tokens: Arc<TokenCache>,
    retry: RetryPolicy,
}

/// What a request sends: method, URL, optional body with its media type, and whether it may be
/// repeated.
pub(crate) struct Request {
    pub(crate) action: &'static str,
    pub(crate) method: Method,
    pub(crate) url: Url,
    pub(crate) body: Option<(&'static str, Bytes)>,
    pub(crate) idempotent: bool,
}

impl Request {
    /// A read, which may be retried.
    pub(crate) fn get(action: &'static str, url: Url) -> Self {
        Self {
            action,
            method: Method::GET,
            url,
            body: None,
            idempotent: true,
        }
    }

    /// A write of `body` as `media_type`, which is never retried once it may have arrived.
    pub(crate) fn post(
        action: &'static str,
        url: Url,
        media_type: &'static str,
        body: Bytes,
    ) -> Self {
        Self {
            action,
            method: Method::POST,
            url,
            body: Some((media_type, body)),
            idempotent: false,
        }
    }
}

impl ApiClient {
    /// Builds the client (one `reqwest::Client` with keep-alive, timeouts and a `User-Agent`).
    pub fn new(config: ClientConfig) -> anyhow::Result<Self> {
        use anyhow::Context as _;
        install_crypto_provider();
        let http = reqwest::Client::builder()
            .user_agent(concat!("pingdesk/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .pool_idle_timeout(Duration::from_secs(90))
            .build()
            .context("building the HTTP client")?;
        let api_base = config.endpoints.api.clone();
        let session_id = format!("pingdesk-{}", uuid::Uuid::new_v4().simple());
        tracing::info!(%session_id, "PingOne audit records of this run carry this external session id");
        let tokens = TokenCache::new(config.credentials, &config.endpoints.auth)
            .context("building the token URL from the environment id")?;
        Ok(Self {
            http,
            environment_id: config.environment_id,
            api_base,
            session_id: session_id.into(),
            tokens: Arc::new(tokens),
            retry: config.retry,
        })
    }

    /// Who we act as: the worker's client id, or "access token".
    pub fn actor(&self) -> &str {
        self.tokens.actor()
    }

    /// Finds users: a filter query (first page of at most `limit`), or one user by id.
    pub async fn find_users(&self, query: &UserQuery, limit: usize) -> Result<UserPage, ApiError> {
        match query {
            UserQuery::Id(id) => match self.get_user(id).await {
                Ok(user) => Ok(UserPage {
                    users: vec![user],
                    count: Some(1),
                    next: None,
                }),
                Err(e) if e.kind == ErrorKind::NotFound => Ok(UserPage {
                    users: Vec::new(),
                    count: Some(0),
                    next: None,
                }),
                Err(e) => Err(e),
            },
            UserQuery::All | UserQuery::Filter(_) => {
                let mut url = self.users_url("search users", None)?;
                {
                    let mut pairs = url.query_pairs_mut();
                    if let UserQuery::Filter(filter) = query {
                        pairs.append_pair("filter", filter);
                    }
                    pairs.append_pair(
                        "limit",
                        &limit.clamp(1, pingone::MAX_PAGE_LIMIT).to_string(),
                    );
                }
                self.list(url).await
            }
        }
    }

    /// The page after one that had a `next` link.
    pub async fn next_page(&self, next: &Url) -> Result<UserPage, ApiError> {
        // The bearer token must only ever go to the API host it was issued for.
        if next.origin() != self.api_base.origin() {
            return Err(ApiError::transport(
                "load more users",
                ErrorKind::Decode,
                format!(
                    "the next-page link points to another host: {}",
                    next.origin().ascii_serialization()
                ),
            ));
        }
        self.list(next.clone()).await
    }

    /// Reads one user.
    pub async fn get_user(&self, id: &str) -> Result<User, ApiError> {
        let url = self.users_url("read user", Some(id))?;
        self.call(Request::get("read user", url)).await
    }

    /// Unlocks a user's account; returns the record PingOne sends back.
    pub async fn unlock_user(&self, id: &str) -> Result<User, ApiError> {
        let url = self.users_url("unlock user", Some(id))?;
        self.call(Request::post(
            "unlock user",
            url,
            pingone::MEDIA_ACCOUNT_UNLOCK,
            Bytes::new(),
        ))
        .await
    }

    /// Locks a user's account, until `unlock_at` when given, else until an admin unlocks it.
    pub async fn lock_user(
        &self,
        id: &str,
        unlock_at: Option<jiff::Timestamp>,
    ) -> Result<User, ApiError> {
        let url = self.users_url("lock user", Some(id))?;
        let json = match unlock_at {
            Some(at) => serde_json::json!({ "unlockAt": at }),
            None => serde_json::json!({}),
        };
        let body = Bytes::from(json.to_string());
        self.call(Request::post(
            "lock user",
            url,
            pingone::MEDIA_ACCOUNT_LOCK,
            body,
        ))
        .await
    }

    /// Creates a user.
    pub async fn create_user(&self, user: &NewUser) -> Result<User, ApiError> {
        let json = serde_json::to_vec(user)
            .map_err(|e| ApiError::transport("create user", ErrorKind::Decode, e))?;
        let url = self.users_url("create user", None)?;
        self.call(Request::post(
            "create user",
            url,
            pingone::MEDIA_JSON,
            Bytes::from(json),
        ))
        .await
    }

    /// `{api}/v1/` followed by `segments`, each escaped so that no value can change the path.
    pub(crate) fn api_url(&self, action: &'static str, segments: &[&str]) -> Result<Url, ApiError> {
        let mut url = self
            .api_base
            .join("v1/")
            .map_err(|e| ApiError::transport(action, ErrorKind::Rejected, e))?;
        url.path_segments_mut()
            .map_err(|()| {
                ApiError::transport(
                    action,
                    ErrorKind::Rejected,
                    "the API URL cannot take a path",
                )
            })?
            .pop_if_empty()
            .extend(segments);
        Ok(url)
    }

    /// The users collection of our environment, or one user in it.
    fn users_url(&self, action: &'static str, id: Option<&str>) -> Result<Url, ApiError> {
        let mut segments = vec!["environments", self.environment_id.as_str(), "users"];
        segments.extend(id);
        self.api_url(action, &segments)
    }

    /// Fetches one page of users from a list URL.
    async fn list(&self, url: Url) -> Result<UserPage, ApiError> {
        let wire: UserPageWire = self.call(Request::get("search users", url)).await?;
        let next = wire
            .links
            .get("next")
            .and_then(|link| link.get("href"))
            .and_then(|href| href.as_str())
            .and_then(|href| self.api_base.join(href).ok());
        Ok(UserPage {
            users: wire.embedded.users,
            count: wire.count,
            next,
        })
    }

    /// Sends a request and decodes the JSON answer.
    pub(crate) async fn call<T: DeserializeOwned>(&self, request: Request) -> Result<T, ApiError> {
        let action = request.action;
        let answer = self.send(request).await?;
        serde_json::from_slice(&answer.body).map_err(|e| ApiError {
            status: Some(answer.status),
            correlation_id: correlation_id(&answer.headers),
            ..ApiError::transport(action, ErrorKind::Decode, e)
        })
    }

    /// Sends a request with auth, the 401 refresh and read retries; a successful answer.
    pub(crate) async fn send(&self, request: Request) -> Result<Answer, ApiError> {
        let span = tracing::debug_span!("pingone", action = request.action, method = %request.method, path = request.url.path());
        self.send_with_retries(request).instrument(span).await
    }

    async fn send_with_retries(&self, request: Request) -> Result<Answer, ApiError> {
        let started = Instant::now();
        let mut attempt = 0;
        let mut waited = Duration::ZERO;
        let mut refreshed = false;
        loop {
            attempt += 1;
            let token = self.tokens.bearer(&self.http).await?;
            let mut builder = self
                .http
                .request(request.method.clone(), request.url.clone())
                .bearer_auth(token.expose_secret())
                .header(pingone::HEADER_EXTERNAL_SESSION_ID, &*self.session_id);
            if let Some((media_type, bytes)) = &request.body {
                builder = builder
                    .header(CONTENT_TYPE, *media_type)
                    .body(bytes.clone());
            }
            let outcome = match builder.send().await {
                Ok(response) => read_response(request.action, response).await,
                Err(e) => Err(ApiError::from_reqwest(request.action, &e)),
            };
            let error = match outcome {
                Ok(answer) => {
                    tracing::debug!(status = answer.status, attempt, elapsed_ms = started.elapsed().as_millis(), correlation_id = ?correlation_id(&answer.headers), "answered");
                    return Ok(answer);
                }
                Err(error) => error,
            };
            tracing::debug!(status = ?error.status, kind = ?error.kind, attempt, "failed");
            if error.kind == ErrorKind::Unauthorized && error.status.is_some() && !refreshed {
                // A 401 means the server refused before acting: safe to repeat even a write.
                refreshed = true;
                if self.tokens.invalidate(&token).await {
                    continue;
                }
            }
            // A write is never repeated: it may have reached the server.
            let delay = (request.idempotent && error.is_transient())
                .then(|| self.retry.delay(attempt, error.retry_after, waited))
                .flatten();
            let Some(delay) = delay else {
                return Err(error);
            };
            tracing::info!(delay_ms = delay.as_millis(), attempt, "retrying a read");
            tokio::time::sleep(delay).await;
            waited += delay;
        }
    }
}

/// Installs the process-wide rustls crypto provider (ring, which builds faster than aws-lc);
/// needed before any `reqwest::Client` is built. Safe to call many times.
pub fn install_crypto_provider() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Err means another part of the process installed one first, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}
