//! What the console and `users show` read about a user besides the record: MFA devices,
//! sessions, group names (`include=memberOfGroupNames` on the single-user read), and the
//! population by id.

use super::client::ApiClient;
use super::error::ApiError;
use super::request::Request;
use crate::pingone::{self, Device, Page, Population, Session, User};

impl ApiClient {
    /// The user's MFA devices.
    pub async fn devices(&self, id: &str) -> Result<Vec<Device>, ApiError> {
        const ACTION: &str = "read MFA devices";
        let url = self.user_url(ACTION, id, &["devices"])?;
        let request = Request::read(ACTION, pingone::PERMISSION_READ_DEVICES, url);
        let mut page: Page<Device> = self.call(request).await?;
        Ok(page.take("devices"))
    }

    /// The user's sessions, newest first (PingOne keeps at most 10).
    pub async fn sessions(&self, id: &str) -> Result<Vec<Session>, ApiError> {
        const ACTION: &str = "read sessions";
        let url = self.user_url(ACTION, id, &["sessions"])?;
        let request = Request::read(ACTION, pingone::PERMISSION_READ_SESSIONS, url);
        let mut page: Page<Session> = self.call(request).await?;
        Ok(page.take("sessions"))
    }

    /// The names of the user's groups: `GET /users/{id}?include=memberOfGroupNames`.
    pub async fn group_names(&self, id: &str) -> Result<Vec<String>, ApiError> {
        const ACTION: &str = "read group names";
        let mut url = self.user_url(ACTION, id, &[])?;
        url.query_pairs_mut()
            .append_pair("include", pingone::INCLUDE_GROUP_NAMES);
        let request = Request::read(ACTION, pingone::PERMISSION_READ_GROUPS, url);
        let user: User = self.call(request).await?;
        let names = user.extra.get(pingone::INCLUDE_GROUP_NAMES).cloned();
        // Absent means no groups; anything but a list of strings is an answer we cannot read.
        names.map_or(Ok(Vec::new()), |value| {
            serde_json::from_value(value)
                .map_err(|e| ApiError::transport(ACTION, super::error::ErrorKind::Decode, e))
        })
    }

    /// One population of our environment.
    pub async fn population(&self, id: &str) -> Result<Population, ApiError> {
        const ACTION: &str = "read population";
        let url = self.environment_url(ACTION, &["populations", id])?;
        let request = Request::read(ACTION, pingone::PERMISSION_READ_POPULATIONS, url);
        self.call(request).await
    }
}
