//! `pingdesk users locked`: the locked-now queue from a script.

use super::users::print_json;
use super::{Exit, Failure, Session};
use crate::desk::inert::{in_sentence, one_line};
use crate::desk::ops;
use crate::desk::queue::{self, Queue, Source};

/// Prints the users locked now, newest first.
pub async fn run(session: &Session, since: &str, scan: bool, json: bool) -> Result<Exit, Failure> {
    let window =
        ops::age(since).map_err(|why| Failure::new(Exit::Usage, format!("--since: {why}")))?;
    let found = if scan {
        queue::scan(&session.client, queue::DEFAULT_SCAN).await
    } else {
        queue::locked_now(&session.client, window, jiff::Timestamp::now()).await
    };
    let queue = match found {
        Ok(queue) => queue,
        Err(error) if queue::audit_forbidden(&error) => {
            return Err(Failure::new(
                Exit::Auth,
                format!(
                    "{error}. `pingdesk users locked --scan` looks through the first 1,000 users instead"
                ),
            ));
        }
        Err(error) => return Err(error.into()),
    };
    if json {
        print_json(&as_json(&queue))?;
        return Ok(Exit::Ok);
    }
    match queue.source {
        Source::Audit { events } => eprintln!(
            "{} locked now ({events} lock events in the last {since}, each checked against the user)",
            queue.users.len()
        ),
        Source::Scan { scanned } => eprintln!(
            "{} locked among the first {scanned} users",
            queue.users.len()
        ),
    }
    // Bold, which anstream drops off a terminal, under NO_COLOR and with --no-color.
    let bold = anstyle::Style::new().bold();
    for locked in &queue.users {
        let since = locked.since.map_or_else(
            || "-".into(),
            |at| at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
        );
        // One line a user: the name capped, the causes (which quote PingOne) on one line.
        let name = in_sentence(&locked.user.username);
        let cause = one_line(&locked.cause);
        anstream::println!("{since}  {bold}{name}{bold:#}  {cause}");
    }
    Ok(Exit::Ok)
}

/// `{"source", "users": [{"since", "cause", "secondsLeft", "user", "password"?}…]}`.
fn as_json(queue: &Queue) -> serde_json::Value {
    let users: Vec<serde_json::Value> = queue
        .users
        .iter()
        .map(|l| {
            serde_json::json!({
                "since": l.since,
                "cause": l.cause,
                "secondsLeft": l.seconds_left,
                "user": l.user,
                "password": l.password,
            })
        })
        .collect();
    let source = match queue.source {
        Source::Audit { events } => serde_json::json!({ "audit": { "events": events } }),
        Source::Scan { scanned } => serde_json::json!({ "scan": { "scanned": scanned } }),
    };
    serde_json::json!({ "source": source, "users": users })
}
