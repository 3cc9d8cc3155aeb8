//! `pingdesk users unlock --from FILE`: many users at once (one username, email or id per line;
//! `-` reads stdin), each resolved, confirmed as one batch, then unlocked through the bulk
//! runner (journaled, bounded concurrency, `429` pacing) with a progress bar on stderr when it
//! is a terminal. Ctrl-C stops sending; requests in flight finish.

use std::io::{IsTerminal as _, Read as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::{StreamExt as _, stream};

use super::ops::{ticket_given, writable};
use super::users::{ask, declined, print_json, resolve};
use super::{Exit, Failure, Session};
use crate::desk::OpKind;
use crate::desk::bulk::{self, End, Item, Report};
use crate::desk::diagnosis::lock_may_be_the_password;
use crate::desk::inert::{in_sentence, inert};

/// Users resolved at once.
const RESOLVE_CONCURRENCY: usize = 8;

/// Runs the bulk unlock of the users listed in `from`.
pub async fn run(
    session: &Session,
    from: &str,
    ticket: Option<&str>,
    yes: bool,
    json: bool,
) -> Result<Exit, Failure> {
    writable(session, OpKind::UnlockAccount)?;
    ticket_given(session, ticket)?;
    let names = read_list(from)?;
    let resolved: Vec<(String, Result<Option<Item>, Failure>)> = stream::iter(names)
        .map(|name| async move {
            let found = async {
                let user = resolve(session, &name).await?;
                let password = if lock_may_be_the_password(&user) {
                    Some(session.client.password_state(&user.id).await?)
                } else {
                    None
                };
                Ok(Item::unlock(&user, password.as_ref()))
            };
            (name.clone(), found.await)
        })
        .buffered(RESOLVE_CONCURRENCY)
        .collect()
        .await;
    let mut items = Vec::new();
    let mut problems = Vec::new();
    for (name, found) in resolved {
        match found {
            Ok(Some(item)) => items.push(item),
            Ok(None) => eprintln!("{}: not locked: nothing to do", in_sentence(&name)),
            Err(failure) => problems.push(format!("{}: {}", in_sentence(&name), failure.message)),
        }
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    if items.is_empty() {
        eprintln!("Nothing to unlock");
        return Ok(if problems.is_empty() {
            Exit::Ok
        } else {
            Exit::Failure
        });
    }
    confirm(session, &items, yes, from == "-")?;
    let stop = Arc::new(AtomicBool::new(false));
    let interrupt = Arc::clone(&stop);
    let watcher = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            interrupt.store(true, Ordering::SeqCst);
        }
    });
    let bar = progress_bar(items.len());
    let reports = std::sync::Mutex::new(Vec::new());
    let report = |report: Report| {
        bar.inc(1);
        if report.end != End::Done {
            bar.suspend(|| eprintln!("{}", report.text));
        }
        reports
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(report);
    };
    bulk::run(
        &session.journal,
        &session.client,
        items,
        ticket,
        bulk::DEFAULT_CONCURRENCY,
        &stop,
        &report,
    )
    .await;
    watcher.abort();
    bar.finish_and_clear();
    let reports = reports
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    summarise(&reports, &problems, json)
}

/// The non-empty, non-comment lines of `from` (`-` = stdin).
fn read_list(from: &str) -> Result<Vec<String>, Failure> {
    let text = if from == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::new(Exit::Failure, format!("reading stdin: {e}")))?;
        text
    } else {
        std::fs::read_to_string(from)
            .map_err(|e| Failure::new(Exit::Usage, format!("reading {}: {e}", inert(from))))?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

/// One confirm for the batch: the count, the environment and a sample of names; on
/// production, the count typed. With the list on stdin, or no terminal, only `--yes` will do.
fn confirm(
    session: &Session,
    items: &[Item],
    yes: bool,
    list_on_stdin: bool,
) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if list_on_stdin || !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            Exit::Refused,
            "refusing to write without --yes: standard input is not a terminal (or holds the list)",
        ));
    }
    let sample: Vec<String> = items
        .iter()
        .take(5)
        .map(|i| in_sentence(&i.subject.username))
        .collect();
    let more = items.len().saturating_sub(sample.len());
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let count = items.len().to_string();
    let question = format!(
        "Unlock {count} users ({}{more}) in environment {}?",
        sample.join(", "),
        in_sentence(&session.environment)
    );
    let (prompt, expected) = if session.production() {
        (
            format!("{question} PRODUCTION: type the count to confirm: "),
            count.as_str(),
        )
    } else {
        (format!("{question} [y/N] "), "y")
    };
    let answer = ask(&prompt).unwrap_or_default();
    if answer == expected || (!session.production() && answer.eq_ignore_ascii_case("yes")) {
        Ok(())
    } else {
        Err(declined())
    }
}

/// A bar with done/left and an ETA on stderr when it is a terminal; hidden otherwise.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len as u64),
        if std::io::stderr().is_terminal() {
            indicatif::ProgressDrawTarget::stderr()
        } else {
            indicatif::ProgressDrawTarget::hidden()
        },
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} unlocked or failed, {per_sec}, ETA {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The summary: counts on stderr, failures with their reasons; `--json` prints them all.
fn summarise(reports: &[Report], problems: &[String], json: bool) -> Result<Exit, Failure> {
    let count = |end: End| reports.iter().filter(|r| r.end == end).count();
    let (done, not_done, unknown, failed, skipped) = (
        count(End::Done),
        count(End::NotDone),
        count(End::Unknown),
        count(End::Failed),
        count(End::Skipped),
    );
    eprintln!(
        "Unlocked {done} of {}: {failed} failed, {not_done} still locked, {unknown} unknown, {skipped} not sent{}",
        reports.len(),
        if problems.is_empty() {
            String::new()
        } else {
            format!("; {} not found or ambiguous", problems.len())
        }
    );
    if json {
        let items: Vec<serde_json::Value> = reports
            .iter()
            .map(|r| {
                let end = match r.end {
                    End::Done => "done",
                    End::NotDone => "still locked",
                    End::Unknown => "unknown",
                    End::Failed => "failed",
                    End::Skipped => "not sent",
                };
                serde_json::json!({
                    "id": r.subject.id,
                    "username": r.subject.username,
                    "action": r.op.cli_name(),
                    "outcome": end,
                    "attempts": r.attempts,
                    "text": r.text,
                })
            })
            .collect();
        print_json(&serde_json::json!({ "users": items, "unresolved": problems }))?;
    }
    let clean = done == reports.len() && problems.is_empty();
    Ok(if clean { Exit::Ok } else { Exit::Failure })
}
