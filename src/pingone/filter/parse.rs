//! Parsing a filter as PingOne reads it: tokens, then `or` over `and` over factors, each
//! comparison checked against the collection's [`Vocabulary`]; nesting and length bounded.

use super::{Comparison, Expr, FilterError, FilterOp, Literal, Vocabulary};

/// A token of the filter language.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Word(String),
    Str(String),
}

/// Parses a filter, checking each comparison against `vocabulary`. Nesting and length are
/// bounded (see [`crate::pingone::MAX_FILTER_DEPTH`]) so no filter can exhaust the stack.
pub fn parse(input: &str, vocabulary: &dyn Vocabulary) -> Result<Expr, FilterError> {
    if input.len() > crate::pingone::MAX_FILTER_LENGTH {
        return Err(FilterError(format!(
            "The filter is longer than {} characters",
            crate::pingone::MAX_FILTER_LENGTH
        )));
    }
    let tokens = tokenize(input)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
        vocabulary,
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
        Token::OpenBracket => "'['".into(),
        Token::CloseBracket => "']'".into(),
        Token::Word(word) => format!("'{word}'"),
        Token::Str(_) => "a quoted string".into(),
    }
}

fn tokenize(input: &str) -> Result<Vec<Token>, FilterError> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let single = match c {
            '(' => Some(Token::Open),
            ')' => Some(Token::Close),
            '[' => Some(Token::OpenBracket),
            ']' => Some(Token::CloseBracket),
            _ => None,
        };
        if let Some(token) = single {
            chars.next();
            tokens.push(token);
        } else if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
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
        } else {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if c.is_whitespace() || matches!(c, '(' | ')' | '"' | '[' | ']') {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            tokens.push(Token::Word(input[start..end].to_owned()));
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    vocabulary: &'a dyn Vocabulary,
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
                self.depth += 1;
                if self.depth > crate::pingone::MAX_FILTER_DEPTH {
                    return Err(FilterError(format!(
                        "The filter nests parentheses deeper than {} levels",
                        crate::pingone::MAX_FILTER_DEPTH
                    )));
                }
                let inner = self.or_expr()?;
                self.depth -= 1;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err(FilterError("Missing ')' in filter".into())),
                }
            }
            Some(Token::Word(word))
                if word.eq_ignore_ascii_case("memberOfGroups")
                    && self.tokens.get(self.pos) == Some(&Token::OpenBracket) =>
            {
                self.member_of_group()
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

    /// `memberOfGroups[id eq "…"]`, the `memberOfGroups` word already read.
    fn member_of_group(&mut self) -> Result<Expr, FilterError> {
        if !self.vocabulary.allows_group_membership() {
            return Err(FilterError(
                "Attribute 'memberOfGroups' is not supported in filters".into(),
            ));
        }
        let bad = || FilterError("Write group membership as memberOfGroups[id eq \"…\"]".into());
        self.pos += 1; // the '['
        let inner = [self.next(), self.next(), self.next(), self.next()];
        match inner {
            [
                Some(Token::Word(id)),
                Some(Token::Word(op)),
                Some(Token::Str(value)),
                Some(Token::CloseBracket),
            ] if id.eq_ignore_ascii_case("id") && op.eq_ignore_ascii_case("eq") => {
                Ok(Expr::MemberOfGroup(value))
            }
            _ => Err(bad()),
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
        let Some(op) = FilterOp::ALL.into_iter().find(|op| op.as_str() == op_word) else {
            if crate::pingone::FILTER_REFUSED_OPS.contains(&op_word.as_str()) {
                return Err(FilterError(format!(
                    "The '{op_word}' operator is not supported"
                )));
            }
            return Err(FilterError(format!("Unknown operator '{op_word}'")));
        };
        let attribute = self.vocabulary.canonical(attribute, op)?;
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
        let boolean = self.vocabulary.is_boolean(&attribute);
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
}
