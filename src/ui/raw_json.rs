//! The raw JSON view (`v`): the selected record as PingOne sent it (less its `_links`), pretty,
//! coloured by JSON role, scrollable, and inert: strings are JSON-escaped, and what JSON leaves
//! alone (DEL, C1 controls, bidirectional overrides) becomes a placeholder.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use serde_json::Value;

use crate::app::State;
use crate::config::theme::Theme;
use crate::desk::inert;
use crate::pingone::User;

/// Draws `user`'s JSON in the detail pane's `block`.
pub fn render(
    state: &State,
    user: &User,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    block: Block,
) {
    let value = serde_json::to_value(user).expect("a User always encodes to JSON");
    let lines = lines(&value, theme);
    let last = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((state.detail_scroll.min(last), 0));
    frame.render_widget(paragraph, area);
}

/// `value` pretty-printed (two spaces a level), one styled line per line.
pub fn lines<'a>(value: &Value, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    emit(value, 0, Vec::new(), false, theme, &mut out);
    out
}

/// A JSON string literal, escaped by JSON and then made inert.
fn quoted(text: &str) -> String {
    let json = serde_json::to_string(text).expect("a string always encodes");
    inert(&json).into_owned()
}

fn emit<'a>(
    value: &Value,
    depth: usize,
    mut head: Vec<Span<'a>>,
    comma: bool,
    theme: &Theme,
    out: &mut Vec<Line<'a>>,
) {
    let indent = Span::raw("  ".repeat(depth));
    let punct = |text: &'static str| Span::styled(text, theme.json_punctuation);
    let tail = |line: &mut Vec<Span<'a>>| {
        if comma {
            line.push(Span::styled(",", theme.json_punctuation));
        }
    };
    head.insert(0, indent.clone());
    let (open, close, entries): (&str, &str, Vec<(Option<&String>, &Value)>) = match value {
        Value::Object(map) => ("{", "}", map.iter().map(|(k, v)| (Some(k), v)).collect()),
        Value::Array(items) => ("[", "]", items.iter().map(|v| (None, v)).collect()),
        scalar => {
            let (text, style): (String, Style) = match scalar {
                Value::String(text) => (quoted(text), theme.json_string),
                Value::Number(number) => (number.to_string(), theme.json_number),
                other => (other.to_string(), theme.json_literal),
            };
            head.push(Span::styled(text, style));
            tail(&mut head);
            out.push(Line::from(head));
            return;
        }
    };
    if entries.is_empty() {
        head.push(Span::styled(
            format!("{open}{close}"),
            theme.json_punctuation,
        ));
        tail(&mut head);
        out.push(Line::from(head));
        return;
    }
    head.push(Span::styled(open.to_owned(), theme.json_punctuation));
    out.push(Line::from(head));
    let count = entries.len();
    for (i, (key, item)) in entries.into_iter().enumerate() {
        let head = key.map_or_else(Vec::new, |key| {
            vec![Span::styled(quoted(key), theme.json_key), punct(": ")]
        });
        emit(item, depth + 1, head, i + 1 < count, theme, out);
    }
    let mut end = vec![
        indent,
        Span::styled(close.to_owned(), theme.json_punctuation),
    ];
    tail(&mut end);
    out.push(Line::from(end));
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn pretty_and_inert() {
        let value = json!({"a": [1, true, null], "b": {}, "c": "x\u{1b}[31my\u{9b}"});
        let text: Vec<String> = lines(&value, &Theme::mono())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            text,
            [
                "{",
                "  \"a\": [",
                "    1,",
                "    true,",
                "    null",
                "  ],",
                "  \"b\": {},",
                "  \"c\": \"x\\u001b[31my\u{FFFD}\"",
                "}"
            ]
        );
    }

    #[test]
    fn roles_colour_the_parts() {
        let theme = Theme::dark();
        let lines = lines(&json!({"n": 5}), &theme);
        let spans = &lines[1].spans;
        assert_eq!(spans[1].style, theme.json_key);
        assert_eq!(spans[2].style, theme.json_punctuation);
        assert_eq!(spans[3].style, theme.json_number);
    }
}
