//! Turns what a support agent types into a PingOne users query, quoting every value so that no
//! input can change the filter's structure.

use crate::pingone::FilterOp;

/// What to ask PingOne for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserQuery {
    /// Every user (no filter).
    All,
    /// One user by id: a direct `GET /users/{id}`, since PingOne cannot filter on `id`.
    Id(String),
    /// A SCIM filter for `GET /users?filter=`.
    Filter(String),
}

/// The prefix that marks the rest of the input as a raw PingOne filter, for experts.
pub const RAW_FILTER_PREFIX: &str = "filter:";

impl UserQuery {
    /// Reads a search box: empty → all; a UUID → that id; text with `@` → email prefix;
    /// `filter:` followed by a filter → that filter as written; anything else → a prefix search
    /// over username, email, given and family name.
    pub fn from_input(input: &str) -> Self {
        let text = input.trim();
        if text.is_empty() {
            return Self::All;
        }
        if let Some(raw) = text.strip_prefix(RAW_FILTER_PREFIX) {
            return Self::Filter(raw.trim().to_owned());
        }
        if uuid::Uuid::try_parse(text).is_ok() {
            return Self::Id(text.to_ascii_lowercase());
        }
        if text.contains('@') {
            return Self::Filter(any_of(
                &case_variants(text, false),
                &["email"],
                FilterOp::Sw,
            ));
        }
        Self::Filter(prefix_filter(text))
    }
}

/// A prefix search for `text` over username, email, given and family name, plus given-and-family
/// when the text is two words ("ana lima").
///
/// PingOne compares values case-sensitively, so each attribute is also searched with the casing
/// people usually store: lower case for usernames and emails, capitalised for names.
pub fn prefix_filter(text: &str) -> String {
    let lower = case_variants(text, false);
    let capital = case_variants(text, true);
    let mut clauses = vec![
        any_of(&lower, &["username", "email"], FilterOp::Sw),
        any_of(&capital, &["name.given", "name.family"], FilterOp::Sw),
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    if let [given, family] = words.as_slice() {
        for (g, f) in case_variants(given, true)
            .iter()
            .zip(case_variants(family, true).iter())
        {
            clauses.push(format!(
                "(name.given sw {} and name.family sw {})",
                quote(g),
                quote(f)
            ));
        }
    }
    clauses.join(" or ")
}

/// `attr op "v"` for every attribute and value, joined with `or`.
fn any_of(values: &[String], attributes: &[&str], op: FilterOp) -> String {
    let mut clauses = Vec::new();
    for attribute in attributes {
        for value in values {
            clauses.push(format!("{attribute} {} {}", op.as_str(), quote(value)));
        }
    }
    clauses.join(" or ")
}

/// The text as typed, plus its lower-case (or capitalised) form when that differs.
fn case_variants(text: &str, capitalise: bool) -> Vec<String> {
    let variant = if capitalise {
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    } else {
        text.to_lowercase()
    };
    let mut variants = vec![text.to_owned()];
    if variant != text {
        variants.push(variant);
    }
    variants
}

/// A filter string literal: JSON string syntax, as SCIM (RFC 7644 §3.4.2.2) specifies.
pub fn quote(value: &str) -> String {
    serde_json::Value::from(value).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_pick_the_right_query() {
        assert_eq!(UserQuery::from_input("  "), UserQuery::All);
        assert_eq!(
            UserQuery::from_input("5F0E3C4A-6A43-4B7E-9D8C-0A1B2C3D4E5F"),
            UserQuery::Id("5f0e3c4a-6a43-4b7e-9d8c-0a1b2c3d4e5f".into())
        );
        assert_eq!(
            UserQuery::from_input("Ann@x"),
            UserQuery::Filter(r#"email sw "Ann@x" or email sw "ann@x""#.into())
        );
        assert_eq!(
            UserQuery::from_input("filter: enabled eq false"),
            UserQuery::Filter("enabled eq false".into())
        );
    }

    #[test]
    fn prefix_search_covers_names_and_casing() {
        let filter = prefix_filter("smith");
        assert!(filter.contains(r#"username sw "smith""#), "{filter}");
        assert!(filter.contains(r#"name.family sw "Smith""#), "{filter}");
        let two = prefix_filter("ana lima");
        assert!(
            two.contains(r#"(name.given sw "Ana" and name.family sw "Lima")"#),
            "{two}"
        );
    }

    #[test]
    fn quotes_escape_structure() {
        assert_eq!(quote(r#"a" or "b"#), r#""a\" or \"b""#);
        assert_eq!(quote("back\\slash\n"), r#""back\\slash\n""#);
    }
}
