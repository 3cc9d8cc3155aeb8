//! The incident views over the panes: the locked-now queue, the journal, the bulk confirm and
//! its progress gauge and summary, and the offer to re-read users of unknown outcomes. Every
//! piece of PingOne or journal text is drawn inert.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr as _;

use super::overlay::{centered, clear, dialog};
use crate::app::incident::{QueueError, View, sample};
use crate::app::{Action, KeyMap, Mode, State};
use crate::config::theme::Theme;
use crate::desk::inert::{fit, in_sentence, inert, one_line};
use crate::desk::queue::Source;
use crate::desk::{Known, Verdict};

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

/// A large box (the screen less a margin), cleared, with `title`.
fn large<'a>(frame: &mut Frame, theme: &Theme, title: String) -> (Rect, Block<'a>) {
    let screen = frame.area();
    let area = centered(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(4),
    );
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
    let mut lines = Vec::new();
    let title = match &view.result {
        None => {
            lines.push(Line::styled("Reading the audit activities…", theme.muted));
            format!(" Locked now{loading} ")
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
            format!(" Locked now{loading} ")
        }
        Some(Err(QueueError::Failed(why))) => {
            lines.push(Line::styled(one_line(why).into_owned(), theme.danger));
            lines.push(Line::styled(
                with_key(keys, Mode::Queue, Action::Refresh, |key| {
                    format!("{key} reads again")
                }),
                theme.muted,
            ));
            format!(" Locked now{loading} ")
        }
        Some(Ok(q)) => {
            let elapsed = view
                .at
                .map_or(0, |at| state.now.saturating_duration_since(at).as_secs());
            for (i, locked) in q.users.iter().enumerate() {
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
                let causes: Vec<&str> = verdict.causes.iter().map(|c| c.text.as_str()).collect();
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
                    Span::styled(one_line(&causes.join("; ")).into_owned(), theme.danger),
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
            format!(
                " Locked now: {} ({source}){marked}{loading} ",
                q.users.len()
            )
        }
    };
    let (area, block) = large(frame, theme, title);
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let first = (view.selected + 1).saturating_sub(height);
    let shown: Vec<Line> = lines.into_iter().skip(first).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
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
    let mut lines = Vec::new();
    match &view.entries {
        None => lines.push(Line::styled("Reading the journal…", theme.muted)),
        Some(Err(why)) => lines.push(Line::styled(one_line(why).into_owned(), theme.danger)),
        Some(Ok(entries)) if entries.is_empty() => {
            lines.push(Line::styled("No change has been made yet.", theme.muted));
        }
        Some(Ok(entries)) => {
            for entry in entries {
                let this = ours.as_deref() == Some(entry.session_id.as_str());
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
                lines.push(Line::from(vec![
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
                ]));
            }
        }
    }
    let title = format!(" Journal, newest first (• this session): {} ", inert(&path));
    let (area, block) = large(frame, theme, title);
    let scroll = u16::try_from(view.scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// The ticket line of a confirm dialog (single or bulk), naming the keys in force.
pub fn confirm_ticket<'a>(
    state: &State,
    keys: &KeyMap,
    theme: &Theme,
    ticket: &str,
    editing: bool,
) -> Line<'a> {
    // The lock dialog's first step has no ticket key: it comes with the question after it.
    let edit = |say: &dyn Fn(&str) -> String| {
        with_key(keys, state.mode(), Action::EditTicket, |key| say(key))
    };
    let hint = match (editing, state.context.require_ticket) {
        (true, _) => with_key(keys, Mode::Ticket, Action::Choose, |key| {
            format!("  ({key} when done)")
        }),
        (false, _) if !ticket.is_empty() => edit(&|key| format!("  ({key} edits it)")),
        (false, true) => "  (required)".to_owned(),
        (false, false) => match edit(&|key| format!("  (optional: {key} adds one)")) {
            hint if hint.is_empty() => "  (optional)".to_owned(),
            hint => hint,
        },
    };
    let cursor = if editing { "▏" } else { "" };
    Line::from(vec![
        Span::styled(format!("{:<13}", "ticket"), theme.muted),
        Span::styled(format!("{}{cursor}", inert(ticket)), theme.title),
        Span::styled(hint, theme.muted),
    ])
}

fn bulk_confirm(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let Some(confirm) = &state.incident.confirm else {
        return;
    };
    let context = &state.context;
    let environment = context
        .environment_name
        .as_deref()
        .unwrap_or(&context.environment_id);
    let (names, more) = sample(confirm);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let count = confirm.items.len();
    let mut lines = vec![
        Line::styled(format!("Unlock {count} users?"), theme.title),
        Line::from(vec![
            Span::styled(format!("{:<13}", "users"), theme.muted),
            Span::raw(format!("{}{more}", names.join(", "))),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<13}", "environment"), theme.muted),
            Span::raw(in_sentence(environment)),
        ]),
        confirm_ticket(state, keys, theme, &confirm.ticket, confirm.editing_ticket),
    ];
    if confirm.not_locked > 0 {
        lines.push(Line::styled(
            format!(
                "{} marked users are not locked: nothing is sent for them",
                confirm.not_locked
            ),
            theme.muted,
        ));
    }
    lines.push(Line::from(""));
    match &confirm.typed {
        Some(typed) => {
            lines.push(Line::styled(
                format!(
                    "Production: type the count ({count}) to confirm, then Enter (Esc cancels)"
                ),
                theme.muted,
            ));
            lines.push(Line::from(format!("> {}▏", inert(typed))));
        }
        None => lines.push(super::overlay::yes_no(theme, confirm.yes_highlighted)),
    }
    dialog(frame, theme, " Confirm: bulk unlock ".into(), &lines, 72);
}

fn bulk(state: &State, theme: &Theme, frame: &mut Frame) {
    let Some(run) = &state.incident.bulk else {
        return;
    };
    let settled = run.settled();
    let left = run.total - settled;
    let eta = run
        .eta(state.now)
        .map(|d| format!(", about {}s left", d.as_secs()))
        .unwrap_or_default();
    let phase = match (run.finished, run.stopping) {
        (true, _) => "finished: Esc or Enter closes",
        (false, true) => "stopping: requests in flight finish",
        (false, false) => "sending: Esc stops",
    };
    let mut lines = vec![
        Line::styled(
            format!(
                "{} done · {} failed · {} still locked · {} unknown · {} not sent · {left} left{eta}",
                run.done, run.failed, run.not_done, run.unknown, run.skipped
            ),
            theme.title,
        ),
        Line::styled(phase, theme.muted),
        Line::from(""),
    ];
    if !run.failures.is_empty() {
        lines.push(Line::styled("Not unlocked, and why:", theme.danger));
        for failure in run.failures.iter().rev().take(12) {
            lines.push(Line::from(format!("  {}", one_line(failure))));
        }
    }
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let area = centered(frame.area(), 90, height);
    clear(frame, area);
    let block = Block::bordered()
        .border_style(theme.focus)
        .title(Line::styled(
            format!(" Bulk unlock of {} users ", run.total),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [gauge, text] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    #[allow(clippy::cast_precision_loss)] // counts of users, far below 2^52
    let ratio = if run.total == 0 {
        1.0
    } else {
        settled as f64 / run.total as f64
    };
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.ok)
            .ratio(ratio.clamp(0.0, 1.0))
            .label(format!("{settled}/{}", run.total)),
        gauge,
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
}

fn unresolved(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let open = &state.incident.unresolved;
    let s = if open.len() == 1 { "" } else { "s" };
    let mut lines = vec![
        Line::styled(
            format!("{} operation{s} of unknown outcome", open.len()),
            theme.title,
        ),
        Line::styled(
            "A previous run ended after sending, before PingOne answered:",
            theme.muted,
        ),
    ];
    for intent in open.iter().take(8) {
        let ticket = intent
            .ticket
            .as_deref()
            .map(|t| format!(" (ticket {})", in_sentence(t)))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} {} {}{ticket}",
            intent.time.strftime("%Y-%m-%d %H:%M:%S"),
            one_line(&intent.operation),
            in_sentence(&intent.username)
        )));
    }
    lines.push(Line::from(""));
    let answers: Vec<String> = [(Action::Confirm, "yes"), (Action::Decline, "no")]
        .into_iter()
        .filter_map(|(action, answer)| {
            let bound = keys.keys_of(Mode::Reread, action);
            let labels: Vec<String> = bound.iter().map(|key| key.label()).collect();
            (!labels.is_empty()).then(|| format!("{}: {answer}", labels.join("/")))
        })
        .collect();
    lines.push(Line::from(
        "Re-read those users now and record what PingOne shows?",
    ));
    lines.push(Line::styled(answers.join(", "), theme.title));
    dialog(frame, theme, " Unknown outcomes ".into(), &lines, 76);
}
