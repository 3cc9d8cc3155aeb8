//! PingOne's error body: `{id, code, message, details}` ([SPEC] `P1Error`).

use serde::{Deserialize, Serialize};

/// PingOne's error body (`P1Error`): `{id, code, message, details}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct P1Error {
    /// A unique id for Ping support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A general fault code, such as `INVALID_DATA`.
    #[serde(default)]
    pub code: String,
    /// A short English description.
    #[serde(default)]
    pub message: String,
    /// Specific causes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<P1ErrorDetail>,
}

/// One entry of `P1Error.details`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct P1ErrorDetail {
    /// A detail code, such as `INVALID_VALUE`.
    #[serde(default)]
    pub code: String,
    /// The item that caused the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// What is wrong with it.
    #[serde(default)]
    pub message: String,
    /// The bound or pattern it broke (`rangeMinimumValue`, `rangeMaximumValue`,
    /// `allowedPattern`, …), when PingOne says.
    #[serde(
        default,
        rename = "innerError",
        skip_serializing_if = "Option::is_none"
    )]
    pub inner_error: Option<serde_json::Value>,
}
