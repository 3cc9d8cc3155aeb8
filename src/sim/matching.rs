//! How the simulator decides whether a record (a user, a group) matches a parsed filter: values
//! compare case-sensitively, as PingOne's do (Terraform provider docs, data-sources/users.md).

use std::borrow::Cow;

use crate::pingone::filter::{Comparison, Expr, Literal};
use crate::pingone::{FilterOp, Group, Population, User};

/// A record a filter can be run on: its attributes by PingOne's names.
pub trait Record {
    /// The string value of `attribute`, if the record has one.
    fn text(&self, attribute: &str) -> Option<Cow<'_, str>>;
    /// The value of boolean `attribute` (`enabled`), if the record has one (none by default).
    fn flag(&self, _attribute: &str) -> Option<bool> {
        None
    }
}

impl Record for User {
    fn text(&self, attribute: &str) -> Option<Cow<'_, str>> {
        string_attribute(self, attribute)
    }

    fn flag(&self, attribute: &str) -> Option<bool> {
        (attribute == "enabled").then_some(self.enabled).flatten()
    }
}

impl Record for Group {
    fn text(&self, attribute: &str) -> Option<Cow<'_, str>> {
        match attribute {
            "id" => Some(Cow::Borrowed(&self.id)),
            "name" => Some(Cow::Borrowed(&self.name)),
            "externalId" => self.external_id.as_deref().map(Cow::Borrowed),
            "population.id" => self
                .population
                .as_ref()
                .map(|p| Cow::Borrowed(p.id.as_str())),
            _ => None,
        }
    }
}

impl Record for Population {
    fn text(&self, attribute: &str) -> Option<Cow<'_, str>> {
        match attribute {
            "id" => Some(Cow::Borrowed(&self.id)),
            "name" => Some(Cow::Borrowed(&self.name)),
            _ => None,
        }
    }
}

/// Whether `record` matches `expr`; `is_member(group_id)` answers group membership.
pub fn matches<R: Record + ?Sized>(
    expr: &Expr,
    record: &R,
    is_member: &dyn Fn(&str) -> bool,
) -> bool {
    match expr {
        Expr::And(a, b) => matches(a, record, is_member) && matches(b, record, is_member),
        Expr::Or(a, b) => matches(a, record, is_member) || matches(b, record, is_member),
        Expr::Cmp(cmp) => compare(cmp, record),
        Expr::MemberOfGroup(group) => is_member(group),
    }
}

/// Whether `record` matches one comparison.
fn compare<R: Record + ?Sized>(cmp: &Comparison, record: &R) -> bool {
    match &cmp.value {
        Literal::Bool(want) => record.flag(&cmp.attribute) == Some(*want),
        Literal::Str(want) => {
            let Some(have) = record.text(&cmp.attribute) else {
                return false;
            };
            match cmp.op {
                FilterOp::Eq => *have == **want,
                FilterOp::Sw => have.starts_with(want.as_str()),
                FilterOp::Ew => have.ends_with(want.as_str()),
                FilterOp::Ge | FilterOp::Le | FilterOp::Gt | FilterOp::Lt => {
                    compare_times(&have, want, cmp.op)
                }
            }
        }
    }
}

fn compare_times(have: &str, want: &str, op: FilterOp) -> bool {
    let (Ok(have), Ok(want)) = (
        have.parse::<jiff::Timestamp>(),
        want.parse::<jiff::Timestamp>(),
    ) else {
        return false;
    };
    match op {
        FilterOp::Ge => have >= want,
        FilterOp::Le => have <= want,
        FilterOp::Gt => have > want,
        _ => have < want,
    }
}

/// The string value of a filterable attribute of `user`.
pub fn string_attribute<'a>(user: &'a User, attribute: &str) -> Option<Cow<'a, str>> {
    let name = user.name.as_ref();
    let text = |v: &'a Option<String>| v.as_deref().map(Cow::Borrowed);
    match attribute {
        "username" => Some(Cow::Borrowed(&user.username)),
        "email" => text(&user.email),
        "name.given" => name.and_then(|n| text(&n.given)),
        "name.family" => name.and_then(|n| text(&n.family)),
        "name.middle" => name.and_then(|n| text(&n.middle)),
        "name.formatted" => name.and_then(|n| text(&n.formatted)),
        "name.honorificPrefix" => name.and_then(|n| text(&n.honorific_prefix)),
        "name.honorificSuffix" => name.and_then(|n| text(&n.honorific_suffix)),
        "nickname" => text(&user.nickname),
        "mobilePhone" => text(&user.mobile_phone),
        "primaryPhone" => text(&user.primary_phone),
        "population.id" => user
            .population
            .as_ref()
            .map(|p| Cow::Borrowed(p.id.as_str())),
        "externalId" => text(&user.external_id),
        "accountId" => text(&user.account_id),
        "locale" => text(&user.locale),
        "preferredLanguage" => text(&user.preferred_language),
        "timezone" => text(&user.timezone),
        "title" => text(&user.title),
        "type" => text(&user.user_type),
        "updatedAt" => user.updated_at.map(|t| Cow::Owned(t.to_string())),
        other => {
            let value = match other.strip_prefix("address.") {
                Some(field) => user.extra.get("address")?.get(field)?,
                None => user.extra.get(other)?,
            };
            value.as_str().map(Cow::Borrowed)
        }
    }
}
