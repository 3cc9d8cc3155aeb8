//! What a request sends (method, URL, body and media type, whether it may be repeated, the
//! permission a 403 names) and what a write's answer holds.

use bytes::Bytes;
use reqwest::Method;
use url::Url;

use crate::pingone;

/// A write below `/users/{id}`: what an operation sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWrite {
    /// `POST`, `PUT` or `DELETE`.
    pub method: Method,
    /// The path below `/users/{id}` (`password`, `enabled`, `devices/{deviceID}`), each
    /// segment escaped when sent; empty for the user itself.
    pub segments: Vec<String>,
    /// The `Content-Type`, which selects the action on `POST /users/{id}`; `None` for a write
    /// without a body (`DELETE`).
    pub media_type: Option<&'static str>,
    /// The body, possibly empty.
    pub body: Bytes,
}

/// A successful write's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteAnswer {
    /// The HTTP status.
    pub status: u16,
    /// The body (empty for `204`).
    pub body: Bytes,
    /// The `Correlation-Id` response header.
    pub correlation_id: Option<String>,
}

/// What a request sends: method, URL, optional body with its media type, whether it may be
/// repeated, and the permission a 403 means is missing.
pub(crate) struct Request {
    pub(crate) action: &'static str,
    pub(crate) permission: &'static str,
    pub(crate) method: Method,
    pub(crate) url: Url,
    pub(crate) body: Option<(&'static str, Bytes)>,
    pub(crate) idempotent: bool,
}

impl Request {
    /// A read of users, which may be retried.
    pub(crate) fn get(action: &'static str, url: Url) -> Self {
        Self::read(action, pingone::PERMISSION_READ_USER, url)
    }

    /// A read that needs `permission`, which may be retried.
    pub(crate) fn read(action: &'static str, permission: &'static str, url: Url) -> Self {
        Self {
            action,
            permission,
            method: Method::GET,
            url,
            body: None,
            idempotent: true,
        }
    }

    /// A write (of `body` as its media type, when it has one), which is never retried once
    /// it may have arrived.
    pub(crate) fn write(
        action: &'static str,
        permission: &'static str,
        method: Method,
        url: Url,
        body: Option<(&'static str, Bytes)>,
    ) -> Self {
        Self {
            action,
            permission,
            method,
            url,
            body,
            idempotent: false,
        }
    }
}
