//! The tabs of rows an operation can act on (MFA devices, sessions), and the Groups tab. The
//! selected row is marked `▶` when the detail pane has focus; the key of each operation that
//! applies to it is named beside it.

use jiff::Timestamp;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{View, field, missing};
use crate::app::sections::Section;
use crate::app::{Action, Focus, Mode};
use crate::desk::diagnosis::countdown_to;
use crate::desk::inert::{LONG_VALUE, capped};
use crate::desk::known::{device_label, session_places};
use crate::desk::{OpKind, Target};
use crate::pingone::{Device, Session};
use crate::ui::attributes::relative;

/// The lines of a tab of rows, and the line after the selected row (to keep it in view).
type Rows<'a> = (Vec<Line<'a>>, Option<usize>);

/// Lines for the selected row get the `▶` marker (when the pane has focus).
fn marker(view: &View<'_>, row: usize) -> (&'static str, Style) {
    let chosen = view.state.focus == Focus::Detail && view.state.detail.row == row;
    if chosen {
        ("▶ ", view.theme.selection)
    } else {
        ("  ", Style::new())
    }
}

/// `j/k choose · b unblock MFA device · …`, for the operations of the tab.
fn hint<'a>(view: &View<'_>, kinds: &[OpKind]) -> Line<'a> {
    let ops: Vec<String> = kinds
        .iter()
        .map(|k| format!("{} {}", view.key(*k), k.verb()))
        .collect();
    let key = |mode, action| view.keys.label_of(mode, action).unwrap_or_default();
    let choose = format!(
        "{}/{}",
        key(Mode::Detail, Action::Down),
        key(Mode::Detail, Action::Up)
    );
    let how = if view.state.focus == Focus::Detail {
        format!("{choose} choose")
    } else {
        format!("{}, then {choose} to choose", key(Mode::List, Action::Open))
    };
    Line::styled(format!("{how} · {}", ops.join(" · ")), view.theme.muted)
}

/// The MFA tab: whether MFA is on, then each device (type, masked contact, nickname; status,
/// lock with its countdown, block with its date).
pub(super) fn mfa<'a>(view: &View<'_>) -> Rows<'a> {
    let theme = view.theme;
    let on = match view.user.mfa_enabled {
        Some(true) => format!(
            "on — {}: {}",
            view.key(OpKind::DisableMfa),
            OpKind::DisableMfa.verb()
        ),
        Some(false) => format!(
            "off — {}: {}",
            view.key(OpKind::EnableMfa),
            OpKind::EnableMfa.verb()
        ),
        None => "—".to_owned(),
    };
    let mut lines = vec![field("MFA", on, Style::new(), theme)];
    let section = view.extras.map(|e| &e.devices);
    let Some(devices) = section.and_then(Section::ok) else {
        lines.extend(missing("devices", section, theme));
        return (lines, None);
    };
    if devices.is_empty() {
        lines.push(Line::styled("No MFA device", theme.muted));
        return (lines, None);
    }
    let now = section
        .and_then(|s| s.wall_now(view.state.now))
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let mut end = None;
    for (n, device) in devices.iter().enumerate() {
        let (mark, style) = marker(view, n);
        let label = if mark == "  " { theme.title } else { style };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(device_label(device), label),
        ]));
        lines.push(Line::from(device_state(view, device, now)));
        if mark != "  " {
            end = Some(lines.len());
        }
    }
    lines.push(hint(view, &[OpKind::UnblockDevice, OpKind::BlockDevice]));
    (lines, end)
}

/// `    ACTIVE · BLOCKED since 2026-01-01 02:00 UTC`, or `· LOCKED, frees itself in 4m 05s`.
fn device_state<'a>(view: &View<'_>, device: &Device, now: Timestamp) -> Vec<Span<'a>> {
    let theme = view.theme;
    let status = device
        .status
        .as_ref()
        .map_or("—", crate::pingone::device::DeviceStatus::as_str);
    let status_style = if device.is_active() {
        theme.ok
    } else {
        theme.warning
    };
    let mut spans = vec![
        Span::raw("    "),
        Span::styled(capped(status, LONG_VALUE).into_owned(), status_style),
    ];
    if device.is_blocked() {
        let since = device.block.as_ref().and_then(|b| b.blocked_at);
        let since = since.map_or_else(String::new, |at| {
            format!(" since {}", at.strftime("%Y-%m-%d %H:%M UTC"))
        });
        spans.push(Span::styled(format!(" · BLOCKED{since}"), theme.danger));
    }
    if let Some(until) = device.locked_until(now) {
        spans.push(Span::styled(
            format!(" · LOCKED, frees itself in {}", countdown_to(until, now)),
            theme.danger,
        ));
    }
    spans
}

/// The Sessions tab: up to 10, newest first: client, last location, when started and last
/// active; then "all N sessions" when there are two or more.
pub(super) fn sessions<'a>(view: &View<'_>) -> Rows<'a> {
    let theme = view.theme;
    let section = view.extras.map(|e| &e.sessions);
    let Some(sessions) = section.and_then(Section::ok) else {
        return (
            missing("sessions", section, theme).into_iter().collect(),
            None,
        );
    };
    if sessions.is_empty() {
        return (vec![Line::styled("No session", theme.muted)], None);
    }
    let now = section.and_then(|s| s.wall_now(view.state.now));
    let mut lines = Vec::new();
    let mut end = None;
    for (n, target) in view.state.row_targets().iter().enumerate() {
        let (mark, style) = marker(view, n);
        match target {
            Target::Session(id) => {
                let Some(session) = sessions.iter().find(|s| &s.id == id) else {
                    continue;
                };
                lines.extend(session_lines(view, session, now, (mark, style)));
            }
            _ => lines.push(Line::from(vec![
                Span::styled(mark, style),
                Span::styled(
                    format!("all {} sessions", sessions.len()),
                    if mark == "  " { theme.title } else { style },
                ),
            ])),
        }
        if mark != "  " {
            end = Some(lines.len());
        }
    }
    lines.push(hint(view, &[OpKind::RevokeSession]));
    (lines, end)
}

/// One session: client, then where, then when.
fn session_lines<'a>(
    view: &View<'_>,
    session: &Session,
    now: Option<Timestamp>,
    (mark, style): (&'static str, Style),
) -> Vec<Line<'a>> {
    let theme = view.theme;
    let when = |at: Option<Timestamp>| match (now, at) {
        (Some(now), Some(at)) => relative(at, now),
        _ => "—".to_owned(),
    };
    let label = if mark == "  " { theme.title } else { style };
    let place = session_places(session).unwrap_or_else(|| "no location".to_owned());
    vec![
        Line::from(vec![
            Span::styled(mark, style),
            Span::styled(capped(&session.client(), LONG_VALUE).into_owned(), label),
        ]),
        Line::from(format!("    {place}")),
        Line::styled(
            format!(
                "    started {}, last active {}",
                when(session.created_at),
                when(session.active_at)
            ),
            theme.muted,
        ),
    ]
}

/// The Groups tab: the population (name and description) and every group.
pub(super) fn groups<'a>(view: &View<'_>) -> Vec<Line<'a>> {
    let theme = view.theme;
    let mut lines = vec![super::population_line(view)];
    if let Some(population) = view
        .state
        .population()
        .and_then(|(_, p)| p?.ok())
        .filter(|p| p.description.is_some())
    {
        let description = population.description.clone().unwrap_or_default();
        lines.push(field("", description, theme.muted, theme));
    }
    let section = view.extras.map(|e| &e.groups);
    match section.and_then(Section::ok) {
        Some(names) if names.is_empty() => {
            lines.push(field("groups", "none", theme.muted, theme));
        }
        Some(names) => {
            for (n, name) in names.iter().enumerate() {
                let label = if n == 0 { "groups" } else { "" };
                lines.push(field(label, name.clone(), Style::new(), theme));
            }
        }
        None => lines.extend(missing("groups", section, theme)),
    }
    lines
}
