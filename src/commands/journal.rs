//! `pingdesk journal`: the action journal, filtered by age and user, as text or JSON; and the
//! report every command gives at start when a run ended between an intent and its outcome.

use super::users::print_json;
use super::{Exit, Failure, Session};
use crate::desk::inert::{in_sentence, one_line};
use crate::desk::journal::{Record, entries, unresolved};
use crate::desk::journaled;

/// Says on stderr how many operations of the journal have an unknown outcome (a run ended
/// between sending and hearing back), and how to resolve them.
pub fn report_unresolved(session: &Session) {
    report(session, &session.journal.unresolved());
}

/// [`report_unresolved`] of the intents found `open`, or a warning why they could not be.
fn report(session: &Session, open: &Result<Vec<Record>, impl std::fmt::Display>) {
    let open = match open {
        Ok(open) => open,
        Err(error) => {
            eprintln!("pingdesk: warning: {error}");
            return;
        }
    };
    if open.is_empty() {
        return;
    }
    let s = if open.len() == 1 { "" } else { "s" };
    eprintln!(
        "pingdesk: {} operation{s} of unknown outcome in the journal {} (a run ended before PingOne answered):",
        open.len(),
        session.journal.path().display()
    );
    for intent in open {
        eprintln!(
            "  {} {} {}{}",
            intent.time.strftime("%Y-%m-%d %H:%M:%S UTC"),
            one_line(&intent.operation),
            in_sentence(&intent.username),
            intent
                .ticket
                .as_deref()
                .map(|t| format!(" (ticket {})", in_sentence(t)))
                .unwrap_or_default()
        );
    }
    eprintln!(
        "  `pingdesk journal --reread` reads those users again and records what PingOne shows"
    );
}

/// Prints the journal (oldest first) after [`report_unresolved`], or re-reads the unresolved
/// operations' users.
pub async fn run(
    session: &Session,
    since: Option<&str>,
    user: Option<&str>,
    json: bool,
    reread: bool,
) -> Result<Exit, Failure> {
    let journal = &session.journal;
    let unreadable =
        |e: crate::desk::journal::JournalError| Failure::new(Exit::Failure, e.to_string());
    if reread {
        let open = journal.unresolved().map_err(unreadable)?;
        if open.is_empty() {
            eprintln!(
                "No operation of unknown outcome in {}",
                journal.path().display()
            );
            return Ok(Exit::Ok);
        }
        let done = journaled::reread(journal, &session.client, &open).await;
        for reread in &done {
            println!("{}", reread.text);
        }
        let all = done.iter().all(|r| r.recorded);
        return Ok(if all { Exit::Ok } else { Exit::Failure });
    }
    // Read once: for the report of unresolved operations and for the listing.
    let records = journal.read();
    report(
        session,
        &records
            .as_ref()
            .map(|r| unresolved(r, jiff::Timestamp::now())),
    );
    let from = match since {
        Some(age) => {
            let age = crate::desk::ops::age(age)
                .map_err(|why| Failure::new(Exit::Usage, format!("--since: {why}")))?;
            Some(jiff::Timestamp::now() - age)
        }
        None => None,
    };
    let records = records.map_err(unreadable)?;
    let keep = |r: &Record| {
        from.is_none_or(|from| r.time >= from)
            && user.is_none_or(|u| r.username == u || r.user_id == u)
    };
    if json {
        let kept: std::collections::HashSet<&str> = records
            .iter()
            .filter(|r| keep(r))
            .map(|r| r.op_id.as_str())
            .collect();
        let shown: Vec<_> = records
            .iter()
            .filter(|r| kept.contains(r.op_id.as_str()))
            .collect();
        print_json(&shown)?;
        return Ok(Exit::Ok);
    }
    let entries = entries(&records, &keep);
    if entries.is_empty() {
        eprintln!(
            "The journal {} has no matching entry",
            journal.path().display()
        );
    }
    for entry in entries {
        let ticket = entry
            .ticket
            .map(|t| format!("  ticket {t}"))
            .unwrap_or_default();
        let target = entry.target.map(|t| format!(" ({t})")).unwrap_or_default();
        println!(
            "{}  {:<22} {:<24} {}{ticket}  {}",
            entry.time.strftime("%Y-%m-%d %H:%M:%S"),
            entry.operation,
            format!("{}{target}", entry.username),
            entry.result,
            entry.who
        );
    }
    Ok(Exit::Ok)
}
