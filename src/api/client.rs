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
use super::query::UserQuery;
use super::request::{Request, UserWrite, WriteAnswer};
use super::response::{Answer, correlation_id, read_response};
use super::retry::RetryPolicy;
use crate::pingone::user::NewUser;
use crate::pingone::{self, Page, PasswordState, User};

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
    /// Sent as `X-Ping-External-Transaction-Id` (an operation's ticket), when set.
    transaction_id: Option<Arc<str>>,
    tokens: Arc<TokenCache>,
    retry: RetryPolicy,
}

/// One page of users from `GET /users`.
#[derive(Debug, Clone, PartialEq)]
pub struct UserPage {
    /// The users on this page.
    pub users: Vec<User>,
    /// How many users match in all, when PingOne says.
    pub count: Option<u64>,
    /// The `_links.next.href` to follow for more, if there are more.
    pub next: Option<Url>,
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
            transaction_id: None,
            tokens: Arc::new(tokens),
            retry: config.retry,
        })
    }

    /// Who we act as: the worker's client id, or "access token".
    pub fn actor(&self) -> &str {
        self.tokens.actor()
    }

    /// The `X-Ping-External-Session-Id` every request of this run carries.
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// The environment whose users this client manages.
    pub fn environment_id(&self) -> &str {
        &self.environment_id
    }

    /// This client, its requests also carrying `X-Ping-External-Transaction-Id: id` (converted
    /// as PingOne converts it: [`pingone::external_id`]).
    #[must_use]
    pub fn with_transaction_id(&self, id: &str) -> Self {
        Self {
            transaction_id: Some(pingone::external_id(id).into()),
            ..self.clone()
        }
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
                // No such user, or no such environment: one short list tells which.
                Err(e) if e.kind == ErrorKind::NotFound => {
                    let mut probe = self.users_url("search users")?;
                    probe.query_pairs_mut().append_pair("limit", "1");
                    self.list(probe).await?;
                    Ok(UserPage {
                        users: Vec::new(),
                        count: Some(0),
                        next: None,
                    })
                }
                Err(e) => Err(e),
            },
            UserQuery::All | UserQuery::Filter(_) | UserQuery::Raw(_) => {
                let mut url = self.users_url("search users")?;
                {
                    let mut pairs = url.query_pairs_mut();
                    if let Some(filter) = query.filter_text() {
                        pairs.append_pair("filter", &filter);
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
        self.same_origin("load more users", next)?;
        self.list(next.clone()).await
    }

    /// Refuses a next-page link to another host: the bearer token must only ever go to the API
    /// host it was issued for.
    pub(crate) fn same_origin(&self, action: &'static str, next: &Url) -> Result<(), ApiError> {
        if next.origin() == self.api_base.origin() {
            return Ok(());
        }
        Err(ApiError::transport(
            action,
            ErrorKind::Decode,
            format!(
                "the next-page link points to another host: {}",
                next.origin().ascii_serialization()
            ),
        ))
    }

    /// Reads one user.
    pub async fn get_user(&self, id: &str) -> Result<User, ApiError> {
        let url = self.user_url("read user", id, &[])?;
        self.call(Request::get("read user", url)).await
    }

    /// Reads a user's password state.
    pub async fn password_state(&self, id: &str) -> Result<PasswordState, ApiError> {
        const ACTION: &str = "read password state";
        let url = self.user_url(ACTION, id, &["password"])?;
        self.call(Request::get(ACTION, url)).await
    }

    /// Sends one write on user `id` and returns PingOne's answer undecoded (what it holds
    /// depends on the write). `action` names it in errors; `permission` is what a 403 lacks.
    pub async fn write_user(
        &self,
        id: &str,
        action: &'static str,
        permission: &'static str,
        write: &UserWrite,
    ) -> Result<WriteAnswer, ApiError> {
        let segments: Vec<&str> = write.segments.iter().map(String::as_str).collect();
        let url = self.user_url(action, id, &segments)?;
        let body = write.media_type.map(|media| (media, write.body.clone()));
        let request = Request::write(action, permission, write.method.clone(), url, body);
        let answer = self.send(request).await?;
        Ok(WriteAnswer {
            status: answer.status,
            correlation_id: correlation_id(&answer.headers),
            body: answer.body,
        })
    }

    /// Creates a user.
    pub async fn create_user(&self, user: &NewUser) -> Result<User, ApiError> {
        let json = serde_json::to_vec(user)
            .map_err(|e| ApiError::transport("create user", ErrorKind::Decode, e))?;
        let url = self.users_url("create user")?;
        self.call(Request::write(
            "create user",
            pingone::PERMISSION_CREATE_USER,
            Method::POST,
            url,
            Some((pingone::MEDIA_JSON, Bytes::from(json))),
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

    /// The users collection of our environment.
    fn users_url(&self, action: &'static str) -> Result<Url, ApiError> {
        self.environment_url(action, &["users"])
    }

    /// `…/users/{id}/{below…}` of our environment.
    pub(crate) fn user_url(
        &self,
        action: &'static str,
        id: &str,
        below: &[&str],
    ) -> Result<Url, ApiError> {
        let mut segments = vec!["users", id];
        segments.extend(below);
        self.environment_url(action, &segments)
    }

    /// `…/environments/{env}/{segments…}` of our environment.
    pub(crate) fn environment_url(
        &self,
        action: &'static str,
        below: &[&str],
    ) -> Result<Url, ApiError> {
        let mut segments = vec!["environments", self.environment_id.as_str()];
        segments.extend(below);
        self.api_url(action, &segments)
    }

    /// Fetches one page of users from a list URL.
    async fn list(&self, url: Url) -> Result<UserPage, ApiError> {
        // The users collection of an environment always exists: a 404 means the environment.
        let mut page: Page<User> = self
            .call(Request::get("search users", url))
            .await
            .map_err(|e| e.as_unknown_environment(&self.environment_id))?;
        let next = page
            .link("next")
            .and_then(|href| self.api_base.join(href).ok());
        Ok(UserPage {
            users: page.take("users"),
            count: page.count,
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
            if let Some(transaction) = &self.transaction_id {
                builder = builder.header(pingone::HEADER_EXTERNAL_TRANSACTION_ID, &**transaction);
            }
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
                return Err(ApiError {
                    permission: request.permission,
                    ..error
                });
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
