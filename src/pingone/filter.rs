//! PingOne's filter grammar (SCIM-like): `attr op "value"` combined with `and`, `or` and
//! parentheses, plus `memberOfGroups[id eq "…"]` on users. Values are JSON literals.
//!
//! One expression type serves both sides: the client builds an [`Expr`] and [`Expr::render`]s it
//! (every value quoted, so no input can change the structure); the simulator [`parse`]s what
//! arrives and refuses what PingOne refuses, as a [`Vocabulary`] decides.

use std::fmt::Write as _;

mod parse;
mod vocabulary;

pub use parse::parse;
pub use vocabulary::{FixedAttributes, UserAttributes};

/// A filter operator. \[DEV\] read-all-users, apidocs `p1_Users`, audit activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOp {
    /// Equals.
    Eq,
    /// Starts with.
    Sw,
    /// Ends with (email only on users).
    Ew,
    /// Greater than or equal.
    Ge,
    /// Less than or equal.
    Le,
    /// Greater than (audit times only).
    Gt,
    /// Less than (audit times only).
    Lt,
}

impl FilterOp {
    /// Every operator, for parsing.
    pub const ALL: [FilterOp; 7] = [
        Self::Eq,
        Self::Sw,
        Self::Ew,
        Self::Ge,
        Self::Le,
        Self::Gt,
        Self::Lt,
    ];

    /// The operator as written in a filter.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Sw => "sw",
            Self::Ew => "ew",
            Self::Ge => "ge",
            Self::Le => "le",
            Self::Gt => "gt",
            Self::Lt => "lt",
        }
    }
}

/// A filter expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Both sides match.
    And(Box<Expr>, Box<Expr>),
    /// Either side matches.
    Or(Box<Expr>, Box<Expr>),
    /// One comparison.
    Cmp(Comparison),
    /// `memberOfGroups[id eq "…"]`: the user is a member of this group.
    MemberOfGroup(String),
}

/// `attribute op value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The attribute path, in PingOne's spelling (`name.given`).
    pub attribute: String,
    /// The operator.
    pub op: FilterOp,
    /// The literal.
    pub value: Literal,
}

/// A filter literal.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A quoted string, escapes resolved.
    Str(String),
    /// `true` or `false`.
    Bool(bool),
}

/// Why a filter was refused; the message goes into PingOne's error `details`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FilterError(pub String);

/// What a collection lets filters name: which attributes, with which operators.
pub trait Vocabulary {
    /// PingOne's spelling of `attribute` (names are case-insensitive) if it may be compared
    /// with `op`, else why not.
    fn canonical(&self, attribute: &str, op: FilterOp) -> Result<String, FilterError>;
    /// Whether `attribute` takes `true`/`false` rather than a quoted string (none does unless
    /// the collection says so).
    fn is_boolean(&self, _attribute: &str) -> bool {
        false
    }
    /// Whether `memberOfGroups[id eq "…"]` is allowed (not unless the collection says so).
    fn allows_group_membership(&self) -> bool {
        false
    }
}

impl Expr {
    /// `attribute op "value"`.
    pub fn cmp(attribute: &str, op: FilterOp, value: &str) -> Self {
        Self::Cmp(Comparison {
            attribute: attribute.to_owned(),
            op,
            value: Literal::Str(value.to_owned()),
        })
    }

    /// `left and right`.
    #[must_use]
    pub fn and(self, right: Expr) -> Self {
        Self::And(Box::new(self), Box::new(right))
    }

    /// Every expression joined with `or`; `None` when there are none.
    pub fn any(exprs: impl IntoIterator<Item = Expr>) -> Option<Self> {
        exprs
            .into_iter()
            .reduce(|left, right| Self::Or(Box::new(left), Box::new(right)))
    }

    /// The filter as PingOne reads it: values as JSON string literals, `and` inside `or` in
    /// parentheses, `or` inside `and` in parentheses.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    fn write(&self, out: &mut String, parent: Option<bool>) {
        match self {
            Self::And(a, b) | Self::Or(a, b) => {
                let is_and = matches!(self, Self::And(..));
                // Same-kind chains need no parentheses; a change of kind always gets them.
                let wrap = parent.is_some_and(|parent_is_and| parent_is_and != is_and);
                out.push_str(if wrap { "(" } else { "" });
                a.write(out, Some(is_and));
                out.push_str(if is_and { " and " } else { " or " });
                b.write(out, Some(is_and));
                out.push_str(if wrap { ")" } else { "" });
            }
            Self::Cmp(cmp) => {
                let _ = write!(out, "{} {} ", cmp.attribute, cmp.op.as_str());
                match &cmp.value {
                    Literal::Str(text) => out.push_str(&quote(text)),
                    Literal::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
                }
            }
            Self::MemberOfGroup(id) => {
                let _ = write!(out, "memberOfGroups[id eq {}]", quote(id));
            }
        }
    }

    /// Every comparison in the expression, left to right.
    pub fn comparisons(&self) -> Vec<&Comparison> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a Comparison>) {
        match self {
            Self::And(a, b) | Self::Or(a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Self::Cmp(cmp) => out.push(cmp),
            Self::MemberOfGroup(_) => {}
        }
    }
}

/// A filter string literal: JSON string syntax, as SCIM (RFC 7644 §3.4.2.2) specifies.
pub fn quote(value: &str) -> String {
    serde_json::Value::from(value).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const USERS: UserAttributes<'static> = UserAttributes { custom: &[] };

    #[test]
    fn render_parenthesises_only_changes_of_kind() {
        let pair = Expr::cmp("name.given", FilterOp::Sw, "Ana").and(Expr::cmp(
            "name.family",
            FilterOp::Sw,
            "Lima",
        ));
        let any = Expr::any([Expr::cmp("username", FilterOp::Sw, "a\"b"), pair]).expect("two");
        let text = any.render();
        assert_eq!(
            text,
            r#"username sw "a\"b" or (name.given sw "Ana" and name.family sw "Lima")"#
        );
        assert_eq!(parse(&text, &USERS), Ok(any));
    }

    #[test]
    fn group_membership_round_trips() {
        let expr = Expr::MemberOfGroup("g-1".into()).and(Expr::cmp("username", FilterOp::Eq, "x"));
        assert_eq!(parse(&expr.render(), &USERS), Ok(expr));
        assert!(parse("memberOfGroups[name eq \"x\"]", &USERS).is_err());
    }

    #[test]
    fn refusals_name_the_problem() {
        let refused = |filter: &str| parse(filter, &USERS).expect_err(filter).0;
        assert!(refused(r#"username co "a""#).contains("'co'"));
        assert!(refused(r#"account.status eq "LOCKED""#).contains("account.status"));
        assert!(refused(r#"population.id sw "a""#).contains("'sw'"));
        assert!(refused("enabled eq \"true\"").contains("true or false"));
        assert!(refused(&"(".repeat(3000)).contains("deeper"));
    }
}
