//! Groups: `GET /environments/{envID}/groups` (paged like users, `_embedded.groups`, `filter`
//! on name), one group, its nesting (`…/groups/{id}/memberOfGroups`) and a user's memberships
//! (`…/users/{id}/memberOfGroups`, `_embedded.groupMemberships`). [SPEC] `Group`,
//! `GroupMembership`; shapes from the community SDK's JSON tags (wire.md §7).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::user::IdRef;

/// A count of members: `{"users": N}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MemberCount {
    /// How many users.
    pub users: u64,
}

/// A group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The group's id.
    #[serde(default)]
    pub id: String,
    /// Its name (required by [SPEC]).
    pub name: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The population it belongs to; an environment group when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<IdRef>,
    /// An identifier in an external system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<IdRef>,
    /// Users added to it directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_member_counts: Option<MemberCount>,
    /// Every user in it, nested groups included (only with `include=totalMemberCounts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_member_counts: Option<MemberCount>,
    /// Everything else: `_links`, `customData`, `userFilter`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How a user or group belongs to a group. [SPEC] `EnumGroupMembershipType`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MembershipType {
    /// Added to this group itself.
    #[serde(rename = "DIRECT")]
    Direct,
    /// A member through a nested group.
    #[serde(rename = "INDIRECT")]
    Indirect,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// One membership: the group's id and name, and how. [SPEC] `GroupMembership`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupMembership {
    /// The group's id.
    pub id: String,
    /// The group's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Direct or through a nested group.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MembershipType>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<IdRef>,
    /// Everything else: `_links`, `_embedded.group` (with `expand=group`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_memberships_round_trip() {
        let group = serde_json::json!({
            "id": "g", "name": "Finance", "population": {"id": "p"},
            "directMemberCounts": {"users": 3}, "customData": {"cost": 1}
        });
        let decoded: Group = serde_json::from_value(group.clone()).expect("decodes");
        assert_eq!(decoded.direct_member_counts, Some(MemberCount { users: 3 }));
        assert_eq!(serde_json::to_value(&decoded).expect("encodes"), group);
        let membership = serde_json::json!({"id": "g", "name": "Finance", "type": "INDIRECT"});
        let decoded: GroupMembership = serde_json::from_value(membership).expect("decodes");
        assert_eq!(decoded.kind, Some(MembershipType::Indirect));
    }
}
