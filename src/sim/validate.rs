//! Checking a `POST /users` body against the limits and patterns of PingOne's `User` schema, as
//! PingOne does: every field that breaks one is named in a detail of `400 INVALID_DATA`.
//!
//! The rules are copied from the community OpenAPI spec's `User` schema (`pingone-management.yml`,
//! kept as `tests/schemas/User.json`): `minLength`, `maxLength` and `pattern` per attribute.
//! The email check and the population check are PingOne's documented behaviour, not the spec's.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use crate::pingone::{self, P1ErrorDetail};

/// Letters, marks, spaces, symbols, numbers and punctuation: what most text attributes allow.
const TEXT: &str = r"^[\p{L}\p{M}\p{Zs}\p{S}\p{N}\p{P}]*$";
/// What `name.family` and `name.formatted` allow: letters, marks, numbers, `' .-`.
const NAME: &str = r"^[\p{L}\p{M}\p{N}' .-]*$";
/// What `address.streetAddress` allows: text without symbols, and line breaks.
const STREET: &str = r"^[\p{L}\p{M}\p{N}\p{Zs}\p{P}\n\r]*$";
/// `address.countryCode`: two capital letters (the spec leaves it unanchored; ISO 3166 is meant).
const COUNTRY: &str = r"^[A-Z]{2}$";
/// `timezone`: an IANA name such as `Europe/Paris`.
const TIMEZONE: &str = r"^\w+/\w+$";

/// One attribute's rule: where it is, its length bounds in characters, its pattern.
struct Rule {
    path: &'static str,
    min: usize,
    max: Option<usize>,
    pattern: Option<&'static str>,
}

const fn rule(
    path: &'static str,
    min: usize,
    max: Option<usize>,
    pattern: Option<&'static str>,
) -> Rule {
    Rule {
        path,
        min,
        max,
        pattern,
    }
}

/// The `User` schema's string rules.
const RULES: &[Rule] = &[
    rule("username", 1, Some(128), Some(TEXT)),
    rule("name.given", 1, Some(256), Some(TEXT)),
    rule("name.middle", 1, Some(256), Some(TEXT)),
    rule("name.family", 1, Some(256), Some(NAME)),
    rule("name.formatted", 1, Some(256), Some(NAME)),
    rule("nickname", 1, Some(256), Some(TEXT)),
    rule("title", 1, Some(256), Some(TEXT)),
    rule("type", 1, Some(256), Some(TEXT)),
    rule("locale", 1, Some(256), Some(TEXT)),
    rule("address.locality", 1, Some(256), Some(TEXT)),
    rule("address.region", 1, Some(256), Some(TEXT)),
    rule("address.postalCode", 1, Some(40), Some(TEXT)),
    rule("address.streetAddress", 1, Some(256), Some(STREET)),
    rule("address.countryCode", 0, None, Some(COUNTRY)),
    rule("externalId", 1, Some(1024), None),
    rule("mobilePhone", 0, Some(32), None),
    rule("primaryPhone", 1, Some(32), None),
    rule("timezone", 0, None, Some(TIMEZONE)),
];

/// Compiled patterns, by pattern text.
static PATTERNS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [TEXT, NAME, STREET, COUNTRY, TIMEZONE]
        .into_iter()
        .map(|p| (p, Regex::new(p).expect("the spec's patterns compile")))
        .collect()
});

fn pattern(text: &'static str) -> &'static Regex {
    &PATTERNS
        .iter()
        .find(|(p, _)| *p == text)
        .expect("every rule's pattern is compiled")
        .1
}

/// The value at a dotted path of a JSON object.
fn at<'a>(body: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(body, |node, key| node.get(key))
}

fn invalid(target: &str, message: String) -> P1ErrorDetail {
    P1ErrorDetail {
        code: pingone::DETAIL_INVALID_VALUE.to_owned(),
        target: Some(target.to_owned()),
        message,
        inner_error: None,
    }
}

/// What is wrong with a `POST /users` body, one detail per field; empty when it may be created.
/// `populations` are the ids that exist.
pub(super) fn new_user(body: &Value, populations: &[&str]) -> Vec<P1ErrorDetail> {
    if !body.is_object() {
        return vec![invalid("body", "The body must be a JSON object".into())];
    }
    let mut details = Vec::new();
    for required in ["username", "email"] {
        if at(body, required).is_none_or(Value::is_null) {
            details.push(invalid(required, format!("{required} is required")));
        }
    }
    for rule in RULES {
        let Some(value) = at(body, rule.path) else {
            continue;
        };
        let Some(text) = value.as_str() else {
            details.push(invalid(
                rule.path,
                format!("{} must be a string", rule.path),
            ));
            continue;
        };
        let length = text.chars().count();
        if length < rule.min || rule.max.is_some_and(|max| length > max) {
            let bounds = match rule.max {
                Some(max) => format!("from {} to {max} characters", rule.min),
                None => format!("at least {} characters", rule.min),
            };
            details.push(P1ErrorDetail {
                inner_error: Some(serde_json::json!({
                    "rangeMinimumValue": rule.min,
                    "rangeMaximumValue": rule.max,
                })),
                ..invalid(
                    rule.path,
                    format!("{} must be {bounds}; it has {length}", rule.path),
                )
            });
        } else if let Some(allowed) = rule.pattern.filter(|p| !pattern(p).is_match(text)) {
            details.push(P1ErrorDetail {
                inner_error: Some(serde_json::json!({ "allowedPattern": allowed })),
                ..invalid(
                    rule.path,
                    format!("{} holds characters it may not hold", rule.path),
                )
            });
        }
    }
    if let Some(email) = at(body, "email").filter(|v| !v.is_null())
        && !email.as_str().is_some_and(is_email)
    {
        details.push(invalid(
            "email",
            "email must be a valid email address".into(),
        ));
    }
    if let Some(population) = at(body, "population.id")
        && !population
            .as_str()
            .is_some_and(|id| populations.contains(&id))
    {
        details.push(invalid(
            "population.id",
            "population.id names no population of this environment".into(),
        ));
    }
    details
}

/// `local@domain`, neither part empty, no blank or control character: the shape PingOne asks
/// of an email address (its exact rule is UNVERIFIED).
fn is_email(text: &str) -> bool {
    let ok =
        |part: &str| !part.is_empty() && !part.chars().any(|c| c.is_whitespace() || c.is_control());
    match text.split_once('@') {
        Some((local, domain)) => {
            ok(local) && ok(domain) && !domain.contains('@') && text.len() <= 254
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(body: &Value) -> Vec<String> {
        new_user(body, &["pop-1"])
            .into_iter()
            .filter_map(|d| d.target)
            .collect()
    }

    #[test]
    fn a_good_user_passes() {
        let body = serde_json::json!({
            "username": "ana.lima ✔",
            "email": "ana@example.com",
            "name": {"given": "Ana", "family": "Lima-O'Neil"},
            "population": {"id": "pop-1"},
            "address": {"countryCode": "PT", "streetAddress": "Rua 1\nLisboa"},
            "deskNote": "custom attributes are not checked",
        });
        assert!(targets(&body).is_empty(), "{:?}", targets(&body));
    }

    #[test]
    fn every_broken_field_is_named() {
        let body = serde_json::json!({
            "username": "x\u{1b}[31m",
            "email": "no-at-sign",
            "title": "t".repeat(1 << 20),
            "name": {"family": "Lima ✔"},
            "population": {"id": "nope"},
            "timezone": "Mars",
            "mobilePhone": 5,
        });
        assert_eq!(
            targets(&body),
            [
                "username",
                "name.family",
                "title",
                "mobilePhone",
                "timezone",
                "email",
                "population.id"
            ]
        );
        assert_eq!(targets(&serde_json::json!({})), ["username", "email"]);
        assert_eq!(targets(&serde_json::json!([1])), ["body"]);
    }
}
