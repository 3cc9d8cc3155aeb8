//! The `EntityArray` envelope every PingOne collection is listed in: `_links` (`self`, `next`),
//! `_embedded` keyed by the collection's name (`users`, `groups`, `devices`, `sessions`, …),
//! `count` (total matching) and `size` (items on this page). [SPEC] `EntityArray`.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One page of a PingOne collection, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: DeserializeOwned"))]
pub struct Page<T> {
    /// `self`, `next`, `prev` links, each `{"href": …}`.
    #[serde(rename = "_links", default, skip_serializing_if = "Map::is_empty")]
    pub links: Map<String, Value>,
    /// The items, under the collection's name.
    #[serde(rename = "_embedded", default)]
    pub embedded: BTreeMap<String, Vec<T>>,
    /// Total matching, when PingOne says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Items on this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

impl<T> Page<T> {
    /// A page of `items` under `key`, with `count` and `size` filled in.
    pub fn new(key: &str, items: Vec<T>, count: usize) -> Self {
        let size = items.len() as u64;
        Self {
            links: Map::new(),
            embedded: BTreeMap::from([(key.to_owned(), items)]),
            count: Some(count as u64),
            size: Some(size),
        }
    }

    /// Sets the link `name` (`self`, `next`) to `href`.
    #[must_use]
    pub fn with_link(mut self, name: &str, href: &str) -> Self {
        self.links
            .insert(name.to_owned(), serde_json::json!({ "href": href }));
        self
    }

    /// The `href` of link `name`, if any.
    pub fn link(&self, name: &str) -> Option<&str> {
        self.links.get(name)?.get("href")?.as_str()
    }

    /// The items under `key` (none when absent: PingOne leaves out empty collections).
    pub fn take(&mut self, key: &str) -> Vec<T> {
        self.embedded.remove(key).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_envelope() {
        let page = Page::new("groups", vec![serde_json::json!({"id": "g"})], 7)
            .with_link("next", "https://x/next");
        let text = serde_json::to_value(&page).expect("encodes");
        assert_eq!(text["_embedded"]["groups"][0]["id"], "g");
        assert_eq!(text["count"], 7);
        assert_eq!(text["size"], 1);
        let mut back: Page<Value> = serde_json::from_value(text).expect("decodes");
        assert_eq!(back.link("next"), Some("https://x/next"));
        assert_eq!(back.take("groups").len(), 1);
        assert!(back.take("users").is_empty());
    }
}
