//! The PingOne client: endpoints, credentials, the user record, filters, errors and retries.

pub mod auth;
pub mod client;
pub mod endpoints;
pub mod error;
pub mod filter;
mod response;
pub mod retry;
pub mod types;
pub mod worker;

pub use auth::{ClientAuthMethod, ClientCredentials, Credentials};
pub use client::{ApiClient, ClientConfig};
pub use endpoints::{Endpoints, Region};
pub use error::{ApiError, ErrorKind, P1Error};
pub use filter::UserQuery;
pub use types::{User, UserPage};
