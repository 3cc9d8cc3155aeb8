//! Populations: `GET /environments/{envID}/populations` (`_embedded.populations`) and
//! `…/populations/{id}`. [SPEC] `Population`; the list example in the research notes (wire.md
//! §8).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A population: a set of users with its own policies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Population {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// Its name, unique in the environment.
    pub name: String,
    /// What it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How many users belong to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_count: Option<u64>,
    /// Whether new users land in it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// Everything else: `_links`, `environment`, `passwordPolicy`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_list_item_decodes() {
        let json = serde_json::json!({
            "_links": {"self": {"href": "https://x/populations/5e5c"}},
            "id": "5e5cf2d4-2e11-4efc-89f1-73110c277ded", "environment": {"id": "e"},
            "name": "Accounting", "userCount": 6, "createdAt": "2018-06-12T19:09:23.756Z"
        });
        let population: Population = serde_json::from_value(json.clone()).expect("decodes");
        assert_eq!(population.user_count, Some(6));
        assert_eq!(serde_json::to_value(&population).expect("encodes"), json);
    }
}
