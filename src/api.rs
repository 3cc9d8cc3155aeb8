//! The PingOne client: endpoints, credentials, queries, errors and retries. Wire types live in
//! [`crate::pingone`]; this floor only moves them over HTTP.

pub mod activities;
pub mod auth;
pub mod client;
mod directory;
pub mod endpoints;
pub mod error;
pub mod query;
mod request;
mod response;
pub mod retry;
pub mod worker;

pub use activities::ActivityPage;
pub use auth::{ClientAuthMethod, ClientCredentials, Credentials};
pub use client::{ApiClient, ClientConfig, UserPage};
pub use endpoints::{Endpoints, Region};
pub use error::{ApiError, ErrorKind};
pub use query::UserQuery;
pub use request::{UserWrite, WriteAnswer};
