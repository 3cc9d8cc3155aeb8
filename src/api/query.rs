//! Turns what a support agent types into a PingOne users query: a filter expression whose
//! values are literals, so that no input can change the filter's structure.

use crate::pingone::{Expr, FilterOp};

/// What to ask PingOne for.
#[derive(Debug, Clone, PartialEq)]
pub enum UserQuery {
    /// Every user (no filter).
    All,
    /// One user by id: a direct `GET /users/{id}`, since PingOne cannot filter on `id`.
    Id(String),
    /// A filter built from the input, for `GET /users?filter=`.
    Filter(Expr),
    /// A filter written by hand after `filter:`, sent as typed (PingOne judges it).
    Raw(String),
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
            return Self::Raw(raw.trim().to_owned());
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

    /// The one user a username, email or id names exactly (for the CLI's USER argument): an id,
    /// else `username eq` (or, with `@`, `username eq` or `email eq`).
    pub fn exact(input: &str) -> Self {
        let text = input.trim();
        if let Self::Id(id) = Self::from_input(text) {
            return Self::Id(id);
        }
        let username = Expr::cmp("username", FilterOp::Eq, text);
        if text.contains('@') {
            Self::Filter(Expr::Or(
                Box::new(username),
                Box::new(Expr::cmp("email", FilterOp::Eq, text)),
            ))
        } else {
            Self::Filter(username)
        }
    }

    /// The `filter` query parameter, if any.
    pub fn filter_text(&self) -> Option<String> {
        match self {
            Self::All | Self::Id(_) => None,
            Self::Filter(expr) => Some(expr.render()),
            Self::Raw(text) => Some(text.clone()),
        }
    }
}

/// A prefix search for `text` over username, email, given and family name, plus given-and-family
/// when the text is two words ("ana lima").
///
/// PingOne compares values case-sensitively, so each attribute is also searched with the casing
/// people usually store: lower case for usernames and emails, capitalised for names.
pub fn prefix_filter(text: &str) -> Expr {
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
            clauses.push(Expr::cmp("name.given", FilterOp::Sw, g).and(Expr::cmp(
                "name.family",
                FilterOp::Sw,
                f,
            )));
        }
    }
    Expr::any(clauses).expect("at least two clauses")
}

/// `attr op "v"` for every attribute and value, joined with `or`.
fn any_of(values: &[String], attributes: &[&str], op: FilterOp) -> Expr {
    let clauses = attributes
        .iter()
        .flat_map(|attribute| values.iter().map(|value| Expr::cmp(attribute, op, value)));
    Expr::any(clauses).expect("at least one attribute and one value")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pingone::filter::quote;

    #[test]
    fn inputs_pick_the_right_query() {
        assert_eq!(UserQuery::from_input("  "), UserQuery::All);
        assert_eq!(
            UserQuery::from_input("5F0E3C4A-6A43-4B7E-9D8C-0A1B2C3D4E5F"),
            UserQuery::Id("5f0e3c4a-6a43-4b7e-9d8c-0a1b2c3d4e5f".into())
        );
        assert_eq!(
            UserQuery::from_input("Ann@x").filter_text().as_deref(),
            Some(r#"email sw "Ann@x" or email sw "ann@x""#)
        );
        assert_eq!(
            UserQuery::from_input("filter: enabled eq false"),
            UserQuery::Raw("enabled eq false".into())
        );
        assert_eq!(
            UserQuery::exact("a@b").filter_text().as_deref(),
            Some(r#"username eq "a@b" or email eq "a@b""#)
        );
    }

    #[test]
    fn prefix_search_covers_names_and_casing() {
        let filter = prefix_filter("smith").render();
        assert!(filter.contains(r#"username sw "smith""#), "{filter}");
        assert!(filter.contains(r#"name.family sw "Smith""#), "{filter}");
        let two = prefix_filter("ana lima").render();
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
