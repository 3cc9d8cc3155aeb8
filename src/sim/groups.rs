//! The simulator's groups: who is a member of what, directly or through nested groups, for the
//! groups routes, `include=memberOfGroupNames|memberOfGroupIDs` on a user, and the users filter
//! `memberOfGroups[id eq "…"]`.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::store::StoreError;
use crate::pingone::group::{Group, MembershipType};

/// A group of a directory file: the group in PingOne's shape, its members by username, and the
/// groups (by name or id) it is nested in.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupEntry {
    /// The group as PingOne sends it (an id is made up when absent).
    #[serde(flatten)]
    pub group: Group,
    /// Usernames of its direct members.
    #[serde(default)]
    pub members: Vec<String>,
    /// Names or ids of the groups it is a member of.
    #[serde(default)]
    pub member_of_groups: Vec<String>,
}

/// Every group, with direct nesting and direct user memberships.
#[derive(Debug, Default)]
pub struct Groups {
    list: Vec<Group>,
    by_id: HashMap<String, usize>,
    /// The groups each group is directly nested in.
    parents: Vec<Vec<usize>>,
    /// The groups each user (by position) is a direct member of.
    by_user: HashMap<u32, Vec<usize>>,
}

impl Groups {
    /// Builds the groups of a directory file; `user_at(username)` finds a member's position.
    pub fn load(
        entries: &[GroupEntry],
        user_at: impl Fn(&str) -> Option<u32>,
    ) -> Result<Self, StoreError> {
        let invalid = |message: String| StoreError::Invalid("groups", message);
        let mut groups = Self::default();
        for entry in entries {
            let mut group = entry.group.clone();
            if group.id.is_empty() {
                group.id = uuid::Uuid::new_v4().to_string();
            }
            group.extra.retain(|key, _| !key.starts_with('_'));
            if groups
                .by_id
                .insert(group.id.clone(), groups.list.len())
                .is_some()
            {
                return Err(invalid(format!("two groups have the id {:?}", group.id)));
            }
            groups.list.push(group);
        }
        for (at, entry) in entries.iter().enumerate() {
            let parents = entry
                .member_of_groups
                .iter()
                .map(|name| {
                    groups
                        .index_of(name)
                        .ok_or_else(|| invalid(format!("no group {name:?}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            groups.parents.push(parents);
            for username in &entry.members {
                let user =
                    user_at(username).ok_or_else(|| invalid(format!("no user {username:?}")))?;
                groups.by_user.entry(user).or_default().push(at);
            }
        }
        for at in 0..groups.list.len() {
            if groups.ancestors(at).contains(&at) {
                return Err(invalid(format!(
                    "group {:?} is nested in itself",
                    groups.list[at].name
                )));
            }
        }
        Ok(groups)
    }

    /// The group with id `id`, or the one group named `id`.
    fn index_of(&self, id_or_name: &str) -> Option<usize> {
        if let Some(&at) = self.by_id.get(id_or_name) {
            return Some(at);
        }
        let mut named = self
            .list
            .iter()
            .enumerate()
            .filter(|(_, g)| g.name == id_or_name);
        match (named.next(), named.next()) {
            (Some((at, _)), None) => Some(at),
            _ => None,
        }
    }

    /// Every group, in file order.
    pub fn all(&self) -> &[Group] {
        &self.list
    }

    /// The group with this id.
    pub fn get(&self, id: &str) -> Option<&Group> {
        self.by_id.get(id).map(|&at| &self.list[at])
    }

    /// The groups `at` is nested in, directly or not, each once (cycles cannot loop).
    fn ancestors(&self, at: usize) -> Vec<usize> {
        let mut seen = Vec::new();
        let mut todo: Vec<usize> = self.parents.get(at).cloned().unwrap_or_default();
        while let Some(next) = todo.pop() {
            if !seen.contains(&next) {
                seen.push(next);
                todo.extend(self.parents.get(next).into_iter().flatten());
            }
        }
        seen
    }

    /// The groups group `id` is directly nested in.
    pub fn parents_of(&self, id: &str) -> Option<Vec<&Group>> {
        let at = *self.by_id.get(id)?;
        Some(self.parents[at].iter().map(|&p| &self.list[p]).collect())
    }

    /// The groups of the user at `user`: direct ones first, then those reached through nesting,
    /// each once. Nested memberships counting is UNVERIFIED
    /// ([`crate::pingone::GROUP_MEMBERSHIP_IS_TRANSITIVE`]).
    pub fn of_user(&self, user: u32) -> Vec<(&Group, MembershipType)> {
        let direct = self.by_user.get(&user).cloned().unwrap_or_default();
        let mut out: Vec<(usize, MembershipType)> = direct
            .iter()
            .map(|&g| (g, MembershipType::Direct))
            .collect();
        if crate::pingone::GROUP_MEMBERSHIP_IS_TRANSITIVE {
            for &g in &direct {
                for ancestor in self.ancestors(g) {
                    if !out.iter().any(|(seen, _)| *seen == ancestor) {
                        out.push((ancestor, MembershipType::Indirect));
                    }
                }
            }
        }
        out.into_iter()
            .map(|(g, kind)| (&self.list[g], kind))
            .collect()
    }

    /// Whether the user at `user` is a member of group `id` (through nesting too).
    pub fn is_member(&self, user: u32, id: &str) -> bool {
        self.of_user(user).iter().any(|(group, _)| group.id == id)
    }

    /// Positions of every member of group `id` (through nesting too), unordered.
    pub fn members(&self, id: &str) -> Vec<u32> {
        let Some(&target) = self.by_id.get(id) else {
            return Vec::new();
        };
        let holds = |g: usize| {
            g == target
                || (crate::pingone::GROUP_MEMBERSHIP_IS_TRANSITIVE
                    && self.ancestors(g).contains(&target))
        };
        let inside: HashSet<usize> = (0..self.list.len()).filter(|&g| holds(g)).collect();
        self.by_user
            .iter()
            .filter(|(_, groups)| groups.iter().any(|g| inside.contains(g)))
            .map(|(&user, _)| user)
            .collect()
    }

    /// How many users are direct members of group `id`, and how many in all.
    pub fn counts(&self, id: &str) -> (u64, u64) {
        let Some(&at) = self.by_id.get(id) else {
            return (0, 0);
        };
        let direct = self.by_user.values().filter(|gs| gs.contains(&at)).count();
        (direct as u64, self.members(id).len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, members: &[&str], parents: &[&str]) -> GroupEntry {
        GroupEntry {
            group: Group {
                id: format!("id-{name}"),
                name: name.into(),
                ..Group::default()
            },
            members: members.iter().map(|m| (*m).to_owned()).collect(),
            member_of_groups: parents.iter().map(|p| (*p).to_owned()).collect(),
        }
    }

    fn user_at(name: &str) -> Option<u32> {
        ["ann", "bob", "cy"]
            .iter()
            .position(|u| *u == name)
            .map(|p| u32::try_from(p).expect("three users"))
    }

    #[test]
    fn nesting_makes_indirect_members() {
        let groups = Groups::load(
            &[
                entry("All Staff", &["cy"], &[]),
                entry("Finance", &["ann"], &["All Staff"]),
                entry("Payroll", &["bob"], &["id-Finance"]),
            ],
            user_at,
        )
        .expect("loads");
        let bob: Vec<(&str, MembershipType)> = groups
            .of_user(1)
            .into_iter()
            .map(|(g, kind)| (g.name.as_str(), kind))
            .collect();
        assert_eq!(
            bob,
            [
                ("Payroll", MembershipType::Direct),
                ("Finance", MembershipType::Indirect),
                ("All Staff", MembershipType::Indirect),
            ]
        );
        let mut staff = groups.members("id-All Staff");
        staff.sort_unstable();
        assert_eq!(staff, [0, 1, 2]);
        assert_eq!(groups.counts("id-Finance"), (1, 2));
        assert!(!groups.is_member(0, "id-Payroll"));
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let cycle = Groups::load(&[entry("A", &[], &["B"]), entry("B", &[], &["A"])], user_at);
        assert!(matches!(cycle, Err(StoreError::Invalid(_, m)) if m.contains("nested in itself")));
        let stranger = Groups::load(&[entry("A", &["zed"], &[])], user_at);
        assert!(matches!(stranger, Err(StoreError::Invalid(_, m)) if m.contains("zed")));
    }
}
