//! The incident dialogs: the bulk confirm, its progress gauge and summary, the offer to
//! re-read users of unknown outcomes, and the ticket line every confirm shows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};

use super::with_key;
use crate::app::incident::sample;
use crate::app::{Action, KeyMap, Mode, State};
use crate::config::theme::Theme;
use crate::desk::inert::{in_sentence, inert, one_line};
use crate::ui::overlay::{centered, clear, dialog};

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

pub(super) fn bulk_confirm(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let Some(confirm) = &state.incident.confirm else {
        return;
    };
    let context = &state.context;
    let environment = context.environment_label();
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
        None => lines.push(crate::ui::overlay::yes_no(theme, confirm.yes_highlighted)),
    }
    dialog(frame, theme, " Confirm: bulk unlock ".into(), &lines, 72);
}

pub(super) fn bulk(state: &State, theme: &Theme, frame: &mut Frame) {
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

pub(super) fn unresolved(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
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
            let labels = keys.labels_of(Mode::Reread, action)?;
            Some(format!("{labels}: {answer}"))
        })
        .collect();
    lines.push(Line::from(
        "Re-read those users now and record what PingOne shows?",
    ));
    lines.push(Line::styled(answers.join(", "), theme.title));
    dialog(frame, theme, " Unknown outcomes ".into(), &lines, 76);
}
