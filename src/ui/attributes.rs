//! A user's attributes as the detail pane shows them: labels and values apart at any label
//! length, structured attributes as lines (an address as an address, a list as a list, an
//! object as `key: value`), times both absolute and relative ("3h 12m ago").

use jiff::fmt::friendly::{Direction, SpanPrinter};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, Unit, ZonedDateTimeDifference};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use serde_json::Value;
use unicode_width::UnicodeWidthStr as _;

use crate::config::theme::Theme;
use crate::desk::inert::{LONG_VALUE, capped, fit, one_line};
use crate::pingone::User;

/// The label column of the detail pane's main fields.
pub const LABEL_COLUMN: usize = 13;
/// The widest label column "Other attributes" lines its values up at; longer labels are cut
/// to it with `…`.
const MAX_LABEL_COLUMN: usize = 26;

/// `label` and the lines of its value: the label in a column of `column` cells, the value
/// after it; continuation lines line up under the value. A label too long for the column is
/// cut to it with `…` (a space always follows), so it never runs into its value and text from
/// PingOne never stands alone at the start of a row.
pub fn labelled<'a>(
    label: &str,
    value: &[String],
    style: Style,
    column: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let label = fit(&one_line(label), column.saturating_sub(1)).into_owned();
    let indent = " ".repeat(column);
    let mut lines = Vec::new();
    let mut values = value.iter().map(|v| capped(v, LONG_VALUE).into_owned());
    let padding = " ".repeat(column.saturating_sub(label.width()));
    let first = values.next().unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(format!("{label}{padding}"), theme.muted),
        Span::styled(first, style),
    ]));
    for value in values {
        lines.push(Line::from(vec![
            Span::raw(indent.clone()),
            Span::styled(value, style),
        ]));
    }
    lines
}

/// A JSON value as lines: strings as they are (one line per line of text), lists as `• item`
/// lines, an address as an address, other objects as `key: value` lines.
pub fn value_lines(value: &Value) -> Vec<String> {
    match value {
        Value::Null => vec!["—".to_owned()],
        Value::String(text) if text.is_empty() => vec!["—".to_owned()],
        Value::String(text) => text.lines().map(str::to_owned).collect(),
        Value::Bool(yes) => vec![if *yes { "yes" } else { "no" }.to_owned()],
        Value::Number(number) => vec![number.to_string()],
        Value::Array(items) if items.is_empty() => vec!["(none)".to_owned()],
        Value::Array(items) => items
            .iter()
            .flat_map(|item| {
                value_lines(item).into_iter().enumerate().map(|(i, line)| {
                    if i == 0 {
                        format!("• {line}")
                    } else {
                        format!("  {line}")
                    }
                })
            })
            .collect(),
        Value::Object(map) if is_address(map) => address_lines(map),
        Value::Object(map) => map
            .iter()
            .flat_map(|(key, value)| {
                let lines = value_lines(value);
                if lines.len() == 1 && !matches!(value, Value::Object(_) | Value::Array(_)) {
                    vec![format!("{key}: {}", lines[0])]
                } else {
                    std::iter::once(format!("{key}:"))
                        .chain(lines.into_iter().map(|line| format!("  {line}")))
                        .collect()
                }
            })
            .collect(),
    }
}

const ADDRESS_PARTS: [&str; 5] = [
    "streetAddress",
    "locality",
    "region",
    "postalCode",
    "countryCode",
];

fn is_address(map: &serde_json::Map<String, Value>) -> bool {
    map.keys().any(|key| ADDRESS_PARTS.contains(&key.as_str()))
        && map.values().all(Value::is_string)
}

/// PingOne's address (SCIM's shape) as it would be written on an envelope: the street, then
/// `locality, region postalCode`, then the country; any other part as `key: value`.
fn address_lines(map: &serde_json::Map<String, Value>) -> Vec<String> {
    let part = |key: &str| map.get(key).and_then(Value::as_str).unwrap_or("").trim();
    let mut lines: Vec<String> = part("streetAddress").lines().map(str::to_owned).collect();
    let place = [part("locality"), part("region")]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let town = [place.as_str(), part("postalCode")]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    lines.extend([town, part("countryCode").to_owned()]);
    lines.retain(|line| !line.is_empty());
    for (key, value) in map {
        if !ADDRESS_PARTS.contains(&key.as_str()) {
            lines.push(format!("{key}: {}", value.as_str().unwrap_or_default()));
        }
    }
    lines
}

/// A time as `2026-01-02 03:04:05 UTC (3h 12m ago)`, or `—`.
pub fn when(at: Option<Timestamp>, now: Timestamp) -> String {
    at.map_or_else(
        || "—".to_owned(),
        |at| {
            let absolute = at.strftime("%Y-%m-%d %H:%M:%S UTC");
            format!("{absolute} ({})", relative(at, now))
        },
    )
}

/// How long ago (or how far ahead) `at` is: `42s ago`, `3h 12m ago`, `2d 5h ago`,
/// `1y 2mo 4d ago`, `in 5m` (jiff's friendly format, truncated to a sensible unit).
pub fn relative(at: Timestamp, now: Timestamp) -> String {
    let apart = now.duration_since(at).abs();
    let smallest = if apart < SignedDuration::from_mins(1) {
        Unit::Second
    } else if apart < SignedDuration::from_hours(24) {
        Unit::Minute
    } else if apart < SignedDuration::from_hours(24 * 7) {
        Unit::Hour
    } else {
        Unit::Day
    };
    let utc = |t: Timestamp| t.to_zoned_datetime(TimeZone::UTC);
    let (at, now) = (utc(at), utc(now));
    let difference = ZonedDateTimeDifference::from(&now)
        .largest(Unit::Year)
        .smallest(smallest);
    let printer = SpanPrinter::new().direction(Direction::Suffix);
    match at.since(difference) {
        Ok(span) if span.is_zero() => "now".to_owned(),
        Ok(span) if span.is_negative() => printer.span_to_string(&span),
        Ok(span) => format!("in {}", printer.span_to_string(&span)),
        Err(_) => String::new(),
    }
}

/// Attributes the other tabs do not show (address, external ids, custom schema attributes), so
/// nothing PingOne sent is hidden; `_links` are plumbing and left out. Empty when there are none.
pub fn other_attributes<'a>(user: &User, theme: &Theme) -> Vec<Line<'a>> {
    let mut rows: Vec<(String, Vec<String>)> = [
        ("title", &user.title),
        ("type", &user.user_type),
        ("externalId", &user.external_id),
        ("locale", &user.locale),
        ("timezone", &user.timezone),
        ("mobilePhone", &user.mobile_phone),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((key.to_owned(), vec![value.clone()?])))
    .collect();
    let mut extra: Vec<(&String, &Value)> = user
        .extra
        .iter()
        .filter(|(key, _)| !key.starts_with('_'))
        .collect();
    extra.sort_by_key(|(key, _)| key.as_str());
    rows.extend(
        extra
            .into_iter()
            .map(|(key, value)| (key.clone(), value_lines(value))),
    );
    if rows.is_empty() {
        return Vec::new();
    }
    let widest = rows
        .iter()
        .map(|(label, _)| one_line(label).width() + 2)
        .max()
        .unwrap_or(0);
    let column = widest.clamp(LABEL_COLUMN, MAX_LABEL_COLUMN);
    rows.into_iter()
        .flat_map(|(label, value)| labelled(&label, &value, Style::new(), column, theme))
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn an_address_reads_as_an_address() {
        let address = json!({
            "streetAddress": "12 Quay Street\nFlat 3",
            "locality": "Dublin",
            "region": "Leinster",
            "postalCode": "D02 X285",
            "countryCode": "IE"
        });
        assert_eq!(
            value_lines(&address),
            [
                "12 Quay Street",
                "Flat 3",
                "Dublin, Leinster D02 X285",
                "IE"
            ]
        );
    }

    #[test]
    fn lists_and_objects_are_lines() {
        let value = json!(["admins", {"id": "g-1", "name": "Help desk"}, 3]);
        assert_eq!(
            value_lines(&value),
            ["• admins", "• id: g-1", "  name: Help desk", "• 3"]
        );
        assert_eq!(value_lines(&json!({"a": [1, 2]})), ["a:", "  • 1", "  • 2"]);
        assert_eq!(value_lines(&json!(null)), ["—"]);
        assert_eq!(value_lines(&json!([])), ["(none)"]);
    }

    #[test]
    fn labels_never_run_into_values() {
        let theme = Theme::mono();
        let short = labelled("email", &["a@b.c".into()], Style::new(), 13, &theme);
        assert_eq!(text(&short), ["email        a@b.c"]);
        let long = labelled(
            "employeeNumber",
            &["004211".into()],
            Style::new(),
            13,
            &theme,
        );
        assert_eq!(
            text(&long),
            ["employeeNum… 004211"],
            "cut to its column, apart"
        );
        let exact = labelled(
            "twelve chars",
            &["x".into(), "y".into()],
            Style::new(),
            14,
            &theme,
        );
        assert_eq!(text(&exact), ["twelve chars  x", "              y"]);
    }

    #[test]
    fn long_values_hang_under_their_column() {
        let theme = Theme::mono();
        let lines = labelled(
            "last sign-on",
            &["2026-01-01 09:15:00 UTC (17h 49m ago) from 203.0.113.7".into()],
            Style::new(),
            13,
            &theme,
        );
        let hung: Vec<Line<'_>> = lines
            .iter()
            .flat_map(|line| crate::ui::wrap::wrap(line, 40, 13))
            .collect();
        assert_eq!(
            text(&hung),
            [
                "last sign-on 2026-01-01 09:15:00 UTC",
                "             (17h 49m ago) from",
                "             203.0.113.7",
            ]
        );
    }

    #[test]
    fn times_are_absolute_and_relative() {
        let now: Timestamp = "2026-11-30T12:00:00Z".parse().expect("a time");
        let at = |text: &str| -> Timestamp { text.parse().expect("a time") };
        assert_eq!(
            when(Some(at("2026-11-30T08:47:10Z")), now),
            "2026-11-30 08:47:10 UTC (3h 12m ago)"
        );
        assert_eq!(relative(at("2026-11-30T11:59:18Z"), now), "42s ago");
        assert_eq!(relative(at("2026-11-28T06:30:00Z"), now), "2d 5h ago");
        assert_eq!(relative(at("2025-09-20T00:00:00Z"), now), "1y 2mo 10d ago");
        assert_eq!(relative(at("2026-11-30T12:05:00Z"), now), "in 5m");
        assert_eq!(relative(now, now), "now");
        assert_eq!(when(None, now), "—");
    }
}
