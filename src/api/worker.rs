//! What `pingdesk doctor` asks about the worker app: its role assignments, the roles' names, and
//! the server's clock.

use jiff::Timestamp;
use reqwest::header::DATE;
use serde::{Deserialize, Serialize};

use super::client::ApiClient;
use super::error::ApiError;
use super::request::Request;
use crate::pingone::user::IdRef;

/// The scope a role is assigned over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Scope {
    /// The environment, population, organisation or application id.
    pub id: String,
    /// `ENVIRONMENT`, `POPULATION`, `ORGANIZATION` or `APPLICATION`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// One role assignment of an application. [SPEC] `RoleAssignment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RoleAssignment {
    /// The assignment's id.
    pub id: String,
    /// The role.
    pub role: IdRef,
    /// Where it applies.
    pub scope: Scope,
}

/// A role. [SPEC] `Role`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Role {
    /// The role's id.
    pub id: String,
    /// Its name, e.g. "Help Desk Admin".
    pub name: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Deserialize)]
struct Assignments {
    #[serde(rename = "_embedded", default)]
    embedded: EmbeddedAssignments,
}

#[derive(Deserialize, Default)]
struct EmbeddedAssignments {
    #[serde(rename = "roleAssignments", default)]
    role_assignments: Vec<RoleAssignment>,
}

impl ApiClient {
    /// The role assignments of application `app_id` in `environment_id` (a worker app's client
    /// id is its application id).
    pub async fn role_assignments(
        &self,
        environment_id: &str,
        app_id: &str,
    ) -> Result<Vec<RoleAssignment>, ApiError> {
        const ACTION: &str = "read role assignments";
        let url = self.api_url(
            ACTION,
            &[
                "environments",
                environment_id,
                "applications",
                app_id,
                "roleAssignments",
            ],
        )?;
        let answer: Assignments = self.call(Request::get(ACTION, url)).await?;
        Ok(answer.embedded.role_assignments)
    }

    /// A role by id.
    pub async fn role(&self, role_id: &str) -> Result<Role, ApiError> {
        const ACTION: &str = "read role";
        let url = self.api_url(ACTION, &["roles", role_id])?;
        self.call(Request::get(ACTION, url)).await
    }

    /// The server's clock from the `Date` header of a cheap read of the users list.
    pub async fn server_time(&self, environment_id: &str) -> Result<Option<Timestamp>, ApiError> {
        const ACTION: &str = "read users";
        let mut url = self.api_url(ACTION, &["environments", environment_id, "users"])?;
        url.query_pairs_mut().append_pair("limit", "1");
        let answer = self.send(Request::get(ACTION, url)).await?;
        let date = answer.headers.get(DATE).and_then(|v| v.to_str().ok());
        Ok(date
            .and_then(|d| jiff::fmt::rfc2822::parse(d).ok())
            .map(|z| z.timestamp()))
    }
}
