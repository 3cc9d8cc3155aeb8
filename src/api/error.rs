//! `ApiError`: everything that can go wrong talking to PingOne, with a plain sentence for each class.

use std::fmt;
use std::time::Duration;

use crate::pingone::{self, P1Error};

/// The class of a failure, which decides the sentence shown and whether a retry may help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 401, or the token endpoint refused the credentials.
    Unauthorized,
    /// 403: the worker app lacks a role.
    Forbidden,
    /// 404.
    NotFound,
    /// 429.
    RateLimited,
    /// 5xx.
    Server,
    /// Another 4xx: the request was refused as invalid.
    Rejected,
    /// No answer in time.
    Timeout,
    /// Nothing listens at the address.
    ConnectionRefused,
    /// Another network failure (DNS, reset, …).
    Network,
    /// The TLS handshake failed.
    Tls,
    /// The answer could not be decoded.
    Decode,
    /// The environment is not there, or the worker cannot see it: a configuration error. Its
    /// id is in [`ApiError::cause`].
    UnknownEnvironment,
}

/// A failed PingOne call: what was attempted, how it failed, and what PingOne said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// What pingdesk was doing, e.g. "unlock account".
    pub action: &'static str,
    /// The permission a 403 means the worker app lacks.
    pub permission: &'static str,
    /// The class of failure.
    pub kind: ErrorKind,
    /// The HTTP status, when there was a response.
    pub status: Option<u16>,
    /// PingOne's error body, when it sent one (boxed to keep `Result`s small).
    pub body: Option<Box<P1Error>>,
    /// The `Correlation-Id` response header.
    pub correlation_id: Option<String>,
    /// The `Retry-After` response header.
    pub retry_after: Option<Duration>,
    /// The underlying transport or decode error, for the log; for an unknown environment, its id.
    pub cause: Option<String>,
}

impl ApiError {
    /// An error with no response behind it.
    pub fn transport(action: &'static str, kind: ErrorKind, cause: impl fmt::Display) -> Self {
        Self {
            action,
            permission: pingone::PERMISSION_READ_USER,
            kind,
            status: None,
            body: None,
            correlation_id: None,
            retry_after: None,
            cause: Some(cause.to_string()),
        }
    }

    /// Classifies a reqwest error that happened before or while reading a response.
    pub fn from_reqwest(action: &'static str, error: &reqwest::Error) -> Self {
        let kind = if error.is_timeout() {
            ErrorKind::Timeout
        } else if error.is_decode() || error.is_body() {
            ErrorKind::Decode
        } else {
            transport_kind(error)
        };
        Self::transport(action, kind, error_chain(error))
    }

    /// This error as an unknown environment `id` (a 404 where only the environment can be
    /// missing), keeping its status and `Correlation-Id`.
    #[must_use]
    pub fn as_unknown_environment(self, id: &str) -> Self {
        if self.status != Some(pingone::UNKNOWN_ENVIRONMENT_STATUS) {
            return self;
        }
        Self {
            kind: ErrorKind::UnknownEnvironment,
            cause: Some(id.to_owned()),
            ..self
        }
    }

    /// The class for an HTTP status.
    pub fn kind_for_status(status: u16) -> ErrorKind {
        match status {
            401 => ErrorKind::Unauthorized,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            429 => ErrorKind::RateLimited,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::Rejected,
        }
    }

    /// Whether a write that failed this way may still have been applied: the request may have
    /// reached PingOne (a timeout, a broken connection, an answer cut short or unreadable).
    /// Refused connections and TLS failures never sent it; an HTTP error status is an answer.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Timeout | ErrorKind::Network | ErrorKind::Decode
        ) && !matches!(self.status, Some(status) if !(200..300).contains(&status))
    }

    /// Whether a retry of an idempotent request may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::RateLimited
                | ErrorKind::Server
                | ErrorKind::ConnectionRefused
                | ErrorKind::Network
        )
    }

    /// PingOne's own message, when it sent one.
    pub fn pingone_message(&self) -> Option<&str> {
        self.body
            .as_ref()
            .map(|b| b.message.as_str())
            .filter(|m| !m.is_empty())
    }

    /// The plain sentence for this class of failure: "Could not {action}: {reason}".
    pub fn summary(&self) -> String {
        format!("Could not {}: {}", self.action, self.reason())
    }

    /// What went wrong, without the action: "PingOne did not answer in time".
    pub fn reason(&self) -> String {
        match self.kind {
            ErrorKind::Unauthorized => "PingOne did not accept the credentials (check the client id, secret, environment id and region)".to_owned(),
            ErrorKind::Forbidden => format!(
                "permission denied; {}",
                pingone::permission_hint(self.permission)
            ),
            ErrorKind::NotFound => "not found".to_owned(),
            ErrorKind::RateLimited => match self.retry_after {
                Some(wait) => format!(
                    "PingOne is rate limiting requests; try again in {}s",
                    wait.as_secs().max(1)
                ),
                None => "PingOne is rate limiting requests; try again shortly".to_owned(),
            },
            ErrorKind::Server => "PingOne had a server error".to_owned(),
            ErrorKind::Rejected => "PingOne refused the request".to_owned(),
            ErrorKind::Timeout => "PingOne did not answer in time".to_owned(),
            ErrorKind::ConnectionRefused => {
                "the connection was refused (is the URL right?)".to_owned()
            }
            ErrorKind::Network => "the connection failed or broke off (network error)".to_owned(),
            ErrorKind::Tls => "the TLS connection failed".to_owned(),
            ErrorKind::Decode => "PingOne's answer could not be read".to_owned(),
            ErrorKind::UnknownEnvironment => format!(
                "environment {} not found, or this worker cannot see it (check the environment id and the region)",
                self.cause.as_deref().unwrap_or("?")
            ),
        }
    }

    /// What follows the summary: the HTTP status, PingOne's message and details, and the
    /// `Correlation-Id` (always last, so it is never the part cut off).
    pub fn particulars(&self) -> String {
        use fmt::Write as _;
        let mut text = String::new();
        if let Some(status) = self.status {
            let _ = write!(text, " (HTTP {status})");
        }
        if let Some(message) = self.pingone_message() {
            let _ = write!(text, ": {message}");
        }
        if let Some(details) = self.body.as_ref().map(|b| &b.details) {
            for detail in details.iter().filter(|d| !d.message.is_empty()) {
                let _ = write!(text, "; {}", detail.message);
            }
        }
        if let Some(id) = &self.correlation_id {
            let _ = write!(text, " [Correlation-Id {id}]");
        }
        text
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.summary(), self.particulars())
    }
}

impl std::error::Error for ApiError {}

/// Refused, TLS or other network failure, from the typed causes behind a reqwest error.
fn transport_kind(error: &reqwest::Error) -> ErrorKind {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        if let Some(kind) = cause_kind(cause) {
            return kind;
        }
        source = cause.source();
    }
    ErrorKind::Network
}

/// The class one cause decides, looking inside `io::Error`s, which hide what they wrap from
/// `source()`.
fn cause_kind(cause: &(dyn std::error::Error + 'static)) -> Option<ErrorKind> {
    if cause.is::<rustls::Error>() {
        return Some(ErrorKind::Tls);
    }
    let io = cause.downcast_ref::<std::io::Error>()?;
    if io.kind() == std::io::ErrorKind::ConnectionRefused {
        return Some(ErrorKind::ConnectionRefused);
    }
    io.get_ref().and_then(|inner| cause_kind(inner))
}

/// A reqwest error with its sources, on one line, for classification and the log; a password
/// in a URL it names is masked.
fn error_chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    super::endpoints::redact_userinfo(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_names_the_permission() {
        let mut error = ApiError::transport("unlock account", ErrorKind::Forbidden, "x");
        error.permission = pingone::PERMISSION_UPDATE_USER;
        error.status = Some(403);
        error.correlation_id = Some("c-1".into());
        let text = error.to_string();
        assert!(text.contains("dir:update:user"), "{text}");
        assert!(text.contains("HTTP 403"), "{text}");
        assert!(text.contains("Correlation-Id c-1"), "{text}");
    }

    #[test]
    fn status_classes() {
        assert_eq!(ApiError::kind_for_status(401), ErrorKind::Unauthorized);
        assert_eq!(ApiError::kind_for_status(503), ErrorKind::Server);
        assert_eq!(ApiError::kind_for_status(415), ErrorKind::Rejected);
    }
}
