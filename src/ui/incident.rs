//! The incident views over the panes: the locked-now queue, the journal, the bulk confirm and
//! its progress gauge and summary, and the offer to re-read users of unknown outcomes. Every
//! piece of PingOne or journal text is drawn inert.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use unicode_width::UnicodeWidthStr as _;

use super::overlay::{centered, clear};
use crate::app::incident::{QueueError, View};
use crate::app::{Action, KeyMap, Mode, State};
use crate::config::theme::Theme;
use crate::desk::inert::{fit, inert, one_line};
use crate::desk::journal::Entry;
use crate::desk::queue::Source;
use crate::desk::{Known, Verdict};

mod dialogs;

pub use dialogs::confirm_ticket;
use dialogs::{bulk, bulk_confirm, unresolved};

/// Draws `view`.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame, view: View) {
    match view {
        View::Queue => queue(state, keys, theme, frame),
        View::Journal => journal(state, theme, frame),
        View::BulkConfirm => bulk_confirm(state, keys, theme, frame),
        View::Bulk => bulk(state, theme, frame),
        View::Unresolved => unresolved(state, keys, theme, frame),
    }
}

/// Where a large box goes: the screen less a margin.
fn large_area(screen: Rect) -> Rect {
    centered(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(4),
    )
}

/// A large box (the screen less a margin), cleared, with `title`.
fn large<'a>(frame: &mut Frame, theme: &Theme, title: String) -> (Rect, Block<'a>) {
    let area = large_area(frame.area());
    clear(frame, area);
    let block = Block::bordered()
        .border_style(theme.focus)
        .title(Line::styled(title, theme.title));
    (area, block)
}

/// `text` (one line already) cut or padded to exactly `width` columns.
fn cell(text: &str, width: usize) -> String {
    let text = fit(text, width);
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad))
}

/// `say` with the first key of `action` in `mode` in it, when `action` has a key there.
fn with_key(keys: &KeyMap, mode: Mode, action: Action, say: impl Fn(&str) -> String) -> String {
    keys.label_of(mode, action)
        .map(|key| say(&key))
        .unwrap_or_default()
}

fn queue(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let view = &state.incident.queue;
    let loading = if view.loading.is_some() {
        " (reading…)"
    } else {
        ""
    };
    // Only the rows that fit are built (each works out its user's causes): the selected one
    // and those above it.
    let height = usize::from(large_area(frame.area()).height.saturating_sub(2)).max(1);
    let first = (view.selected + 1).saturating_sub(height);
    let mut lines = Vec::new();
    // How many are locked, from where, how many marked: once the queue is read.
    let counted = match &view.result {
        None => {
            lines.push(Line::styled("Reading the audit activities…", theme.muted));
            String::new()
        }
        Some(Err(QueueError::Forbidden(why))) => {
            lines.push(Line::styled(one_line(why).into_owned(), theme.danger));
            lines.push(Line::from(""));
            let scan = with_key(keys, Mode::Queue, Action::Scan, |key| {
                format!(" Press {key} to scan the first 1,000 users for locked ones instead.")
            });
            lines.push(Line::from(format!(
                "This worker may not read audit data.{scan}"
            )));
            String::new()
        }
        Some(Err(QueueError::Failed(why))) => {
            lines.push(Line::styled(one_line(why).into_owned(), theme.danger));
            lines.push(Line::styled(
                with_key(keys, Mode::Queue, Action::Refresh, |key| {
                    format!("{key} reads again")
                }),
                theme.muted,
            ));
            String::new()
        }
        Some(Ok(q)) => {
            let elapsed = view
                .at
                .map_or(0, |at| state.now.saturating_duration_since(at).as_secs());
            for (i, locked) in q.users.iter().enumerate().skip(first).take(height) {
                let pointer = if i == view.selected { "▶" } else { " " };
                let mark = if view.marks.contains(&locked.user.id) {
                    "✓"
                } else {
                    " "
                };
                let since = locked.since.map_or_else(
                    || "    -      ".into(),
                    |at| at.strftime("%m-%d %H:%M").to_string(),
                );
                // The causes again with the time elapsed since the read: live countdowns.
                let known = Known::of_password(&locked.user, locked.password.as_ref());
                let verdict = Verdict::of(&known, elapsed);
                let style = if i == view.selected {
                    theme.selection
                } else {
                    ratatui::style::Style::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{pointer}{mark} {since}  "), style),
                    Span::styled(
                        format!("{} ", cell(&one_line(&locked.user.username), 24)),
                        style.patch(theme.title),
                    ),
                    Span::styled(one_line(&verdict.causes_text()).into_owned(), theme.danger),
                ]));
            }
            if q.users.is_empty() {
                lines.push(Line::styled("Nobody is locked now.", theme.ok));
            }
            let source = match q.source {
                Source::Audit { events } => format!("{events} lock events in 24 h"),
                Source::Scan { scanned } => format!("scan of {scanned} users"),
            };
            let marked = if view.marks.is_empty() {
                String::new()
            } else {
                format!(", {} marked", view.marks.len())
            };
            format!(": {} ({source}){marked}", q.users.len())
        }
    };
    let title = format!(" Locked now{counted}{loading} ");
    let (area, block) = large(frame, theme, title);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn journal(state: &State, theme: &Theme, frame: &mut Frame) {
    let view = &state.incident.journal;
    let ours = state
        .context
        .journal
        .as_ref()
        .map(|j| j.who().session_id.clone());
    let path = state
        .context
        .journal
        .as_ref()
        .map_or_else(|| "no journal".into(), |j| j.path().display().to_string());
    let (lines, scroll) = match &view.entries {
        None => (
            vec![Line::styled("Reading the journal…", theme.muted)],
            view.scroll,
        ),
        Some(Err(why)) => (
            vec![Line::styled(one_line(why).into_owned(), theme.danger)],
            view.scroll,
        ),
        Some(Ok(entries)) if entries.is_empty() => (
            vec![Line::styled("No change has been made yet.", theme.muted)],
            view.scroll,
        ),
        // Only the rows that fit are built (a journal keeps every change ever made), from the
        // first one scrolled to: one row per entry, as the paragraph would have scrolled them.
        Some(Ok(entries)) => {
            let height = usize::from(large_area(frame.area()).height.saturating_sub(2)).max(1);
            let rows = entries
                .iter()
                .skip(usize::from(view.scroll))
                .take(height)
                .map(|entry| journal_line(entry, ours.as_deref(), theme))
                .collect();
            (rows, 0)
        }
    };
    let title = format!(" Journal, newest first (• this session): {} ", inert(&path));
    let (area, block) = large(frame, theme, title);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// One journal entry as a row: `•` marks this session's.
fn journal_line<'a>(entry: &Entry, ours: Option<&str>, theme: &Theme) -> Line<'a> {
    let this = ours == Some(entry.session_id.as_str());
    let style = if entry.result == "ok" {
        theme.ok
    } else {
        theme.danger
    };
    let ticket = entry
        .ticket
        .as_deref()
        .map(|t| format!("  #{t}"))
        .unwrap_or_default();
    Line::from(vec![
        Span::styled(if this { "• " } else { "  " }, theme.title),
        Span::styled(
            entry.time.strftime("%Y-%m-%d %H:%M:%S  ").to_string(),
            theme.muted,
        ),
        Span::raw(format!(
            "{} {} ",
            cell(&entry.operation, 16),
            cell(&entry.username, 20)
        )),
        Span::styled(entry.result.clone(), style),
        Span::styled(ticket, theme.title),
        Span::styled(
            entry
                .target
                .as_deref()
                .map(|t| format!("  {t}"))
                .unwrap_or_default(),
            theme.muted,
        ),
        Span::styled(format!("  {}", entry.who), theme.muted),
    ])
}
