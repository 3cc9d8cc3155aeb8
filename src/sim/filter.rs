//! The users filter grammar PingOne documents: `attr op "value"` with `eq`, `sw`, `ew`, `ge`,
//! `le`, combined with `and`, `or` and parentheses. Values are JSON literals. Anything PingOne
//! refuses (unknown attributes, `co`, `account.status`, …) is refused here with a message.

use std::borrow::Cow;

use crate::api::types::User;
use crate::pingone::{self, FilterOp};

/// A parsed filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Both sides match.
    And(Box<Expr>, Box<Expr>),
    /// Either side matches.
    Or(Box<Expr>, Box<Expr>),
    /// One comparison.
    Cmp(Comparison),
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

/// A token of the filter language.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Word(String),
    Str(String),
}

/// Parses a filter, checking each comparison against what PingOne can filter.
/// `custom` lists the environment's custom string attributes.
pub fn parse(input: &str, custom: &[String]) -> Result<Expr, FilterError> {
    let tokens = tokenize(input)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        custom,
    };
    let expr = parser.or_expr()?;
    match parser.tokens.get(parser.pos) {
        None => Ok(expr),
        Some(token) => Err(FilterError(format!(
            "Unexpected {} after a complete filter",
            describe(token)
        ))),
    }
}

fn describe(token: &Token) -> String {
    match token {
        Token::Open => "'('".into(),
        Token::Close => "')'".into(),
        Token::Word(word) => format!("'{word}'"),
        Token::Str(_) => "a quoted string".into(),
    }
}

fn tokenize(input: &str) -> Result<Vec<Token>, FilterError> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' => {
                chars.next();
                tokens.push(if c == '(' { Token::Open } else { Token::Close });
            }
            '"' => {
                chars.next();
                let mut escaped = false;
                let end = loop {
                    match chars.next() {
                        None => return Err(FilterError("Unterminated string in filter".into())),
                        Some((i, '"')) if !escaped => break i,
                        Some((_, '\\')) if !escaped => escaped = true,
                        Some(_) => escaped = false,
                    }
                };
                let literal = &input[start..=end];
                let value: String = serde_json::from_str(literal)
                    .map_err(|e| FilterError(format!("Invalid string {literal} in filter: {e}")))?;
                tokens.push(Token::Str(value));
            }
            _ => {
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"') {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                tokens.push(Token::Word(input[start..end].to_owned()));
            }
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    custom: &'a [String],
}

impl Parser<'_> {
    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        token
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }

    fn or_expr(&mut self) -> Result<Expr, FilterError> {
        let mut left = self.and_expr()?;
        while self.keyword("or") {
            self.pos += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and_expr()?));
        }
        Ok(left)
    }

    fn and_expr(&mut self) -> Result<Expr, FilterError> {
        let mut left = self.factor()?;
        while self.keyword("and") {
            self.pos += 1;
            left = Expr::And(Box::new(left), Box::new(self.factor()?));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr, FilterError> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or_expr()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err(FilterError("Missing ')' in filter".into())),
                }
            }
            Some(Token::Word(attribute)) => self.comparison(&attribute).map(Expr::Cmp),
            Some(token) => Err(FilterError(format!(
                "Expected an attribute, found {}",
                describe(&token)
            ))),
            None => Err(FilterError(
                "The filter ends where an attribute was expected".into(),
            )),
        }
    }

    fn comparison(&mut self, attribute: &str) -> Result<Comparison, FilterError> {
        if attribute.eq_ignore_ascii_case("not") {
            return Err(FilterError("The 'not' operator is not supported".into()));
        }
        let op_word = match self.next() {
            Some(Token::Word(word)) => word.to_ascii_lowercase(),
            _ => {
                return Err(FilterError(format!(
                    "Expected an operator after '{attribute}'"
                )));
            }
        };
        let op = match op_word.as_str() {
            "eq" => FilterOp::Eq,
            "sw" => FilterOp::Sw,
            "ew" => FilterOp::Ew,
            "ge" => FilterOp::Ge,
            "le" => FilterOp::Le,
            refused if pingone::FILTER_REFUSED_OPS.contains(&refused) => {
                return Err(FilterError(format!(
                    "The '{refused}' operator is not supported"
                )));
            }
            other => return Err(FilterError(format!("Unknown operator '{other}'"))),
        };
        let attribute = self.canonical(attribute, op)?;
        let value = match self.next() {
            Some(Token::Str(text)) => Literal::Str(text),
            Some(Token::Word(word)) if word == "true" => Literal::Bool(true),
            Some(Token::Word(word)) if word == "false" => Literal::Bool(false),
            _ => {
                return Err(FilterError(format!(
                    "Expected a value after '{attribute} {op_word}'"
                )));
            }
        };
        let boolean = attribute == "enabled";
        if boolean != matches!(value, Literal::Bool(_)) {
            let expected = if boolean {
                "true or false"
            } else {
                "a quoted string"
            };
            return Err(FilterError(format!(
                "The value for '{attribute}' must be {expected}"
            )));
        }
        Ok(Comparison {
            attribute,
            op,
            value,
        })
    }

    /// PingOne's spelling of an attribute (names are case-insensitive), if it can be filtered.
    fn canonical(&self, attribute: &str, op: FilterOp) -> Result<String, FilterError> {
        let known = pingone::FILTER_EQ_ATTRIBUTES
            .iter()
            .copied()
            .chain(["updatedAt"])
            .chain(self.custom.iter().map(String::as_str))
            .find(|known| known.eq_ignore_ascii_case(attribute));
        let custom = known.is_some_and(|k| self.custom.iter().any(|c| c == k));
        match known {
            Some(name) if custom && matches!(op, FilterOp::Eq | FilterOp::Sw) => {
                Ok(name.to_owned())
            }
            Some(name) if pingone::is_filterable(name, op) => Ok(name.to_owned()),
            Some(name) => Err(FilterError(format!(
                "The '{}' operator is not supported for attribute '{name}'",
                op.as_str()
            ))),
            None => Err(FilterError(format!(
                "Attribute '{attribute}' is not supported in filters"
            ))),
        }
    }
}

impl Expr {
    /// Whether `user` matches.
    pub fn matches(&self, user: &User) -> bool {
        match self {
            Self::And(a, b) => a.matches(user) && b.matches(user),
            Self::Or(a, b) => a.matches(user) || b.matches(user),
            Self::Cmp(cmp) => cmp.matches(user),
        }
    }
}

impl Comparison {
    /// Whether `user` matches this comparison (values compare case-sensitively, as PingOne's).
    pub fn matches(&self, user: &User) -> bool {
        match &self.value {
            Literal::Bool(want) => user.enabled == Some(*want),
            Literal::Str(want) => {
                let Some(have) = string_attribute(user, &self.attribute) else {
                    return false;
                };
                match self.op {
                    FilterOp::Eq => *have == **want,
                    FilterOp::Sw => have.starts_with(want.as_str()),
                    FilterOp::Ew => have.ends_with(want.as_str()),
                    FilterOp::Ge | FilterOp::Le => compare_times(&have, want, self.op),
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
    if op == FilterOp::Ge {
        have >= want
    } else {
        have <= want
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
