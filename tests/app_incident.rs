//! Pure update tests of the incident tools: marks and the one bulk confirm (No by default, the
//! count typed on production, a required ticket), the progress that Esc stops, the queue view,
//! the journal view, the ticket in a single confirm, and the offer at start to re-read users of
//! operations of unknown outcome.

#[path = "common/console.rs"]
mod console;

use console::*;
use pingdesk::app::incident::{Job, QueueError, Reply, View};
use pingdesk::desk::bulk::{End, Item, Report};

use pingdesk::desk::queue::{Locked, Queue, Source};

fn locked_users() -> Vec<User> {
    vec![user("a", true), user("b", true), user("c", false)]
}

fn incident_view(state: &State) -> Option<View> {
    match state.modal {
        Some(Modal::Incident(view)) => Some(view),
        _ => None,
    }
}

fn bulk_job(effects: &[Effect]) -> (ReqId, Vec<Item>, Option<String>) {
    match effects {
        [Effect::Incident(Job::Bulk { req, items, ticket })] => {
            (*req, items.clone(), ticket.clone())
        }
        other => panic!("expected a bulk unlock: {other:?}"),
    }
}

#[test]
fn marks_then_u_open_one_confirm_and_yes_sends_the_bulk() {
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('*')));
    assert_eq!(state.incident.marks.len(), 3, "* marks all shown");
    update(&mut state, &keys, key(KeyCode::Char('*')));
    assert!(state.incident.marks.is_empty(), "again clears them");
    update(&mut state, &keys, key(KeyCode::Char(' ')));
    update(&mut state, &keys, key(KeyCode::Down));
    update(&mut state, &keys, key(KeyCode::Char(' ')));
    update(&mut state, &keys, key(KeyCode::Down));
    update(&mut state, &keys, key(KeyCode::Char(' ')));
    assert_eq!(state.incident.marks.len(), 3);
    assert!(update(&mut state, &keys, key(KeyCode::Char('u'))).is_empty());
    assert_eq!(incident_view(&state), Some(View::BulkConfirm));
    let confirm = state.incident.confirm.as_ref().expect("confirm");
    assert_eq!(confirm.items.len(), 2, "c is not locked");
    assert_eq!(confirm.not_locked, 1);
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).is_empty(),
        "Enter takes No"
    );
    assert!(state.modal.is_none());
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let (req, items, ticket) = bulk_job(&update(&mut state, &keys, key(KeyCode::Char('y'))));
    assert_eq!(ticket, None);
    let ids: Vec<&str> = items.iter().map(|i| i.subject.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        items.iter().all(|i| i.op == UserOp::UnlockAccount),
        "admin locks"
    );
    assert!(state.incident.marks.is_empty());
    assert_eq!(incident_view(&state), Some(View::Bulk));

    // Progress, then Esc stops sending.
    let report = |id: &str, end| Report {
        subject: items
            .iter()
            .find(|i| i.subject.id == id)
            .expect("item")
            .subject
            .clone(),
        op: OpKind::UnlockAccount,
        end,
        text: format!("{id}: reason"),
        attempts: 1,
    };
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::BulkItem {
            req,
            report: report("a", End::Done),
        }),
    );
    let run = state.incident.bulk.as_ref().expect("run");
    assert_eq!((run.done, run.settled(), run.total), (1, 1, 2));
    let stop = update(&mut state, &keys, key(KeyCode::Esc));
    assert_eq!(stop, [Effect::Incident(Job::StopBulk { req })]);
    assert!(
        update(&mut state, &keys, key(KeyCode::Esc)).is_empty(),
        "stopping once"
    );
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::BulkItem {
            req,
            report: report("b", End::Failed),
        }),
    );
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::BulkFinished { req }),
    );
    let run = state.incident.bulk.as_ref().expect("run");
    assert!(run.finished);
    assert_eq!(run.failures, ["b: reason"]);
    assert!(
        status_text(&state).contains("1 of 2 unlocked, 1 failed"),
        "{}",
        status_text(&state)
    );
    let closing = update(&mut state, &keys, key(KeyCode::Enter));
    assert!(
        matches!(closing.as_slice(), [.., Effect::Search { .. }]),
        "the list is read again"
    );
    assert!(state.modal.is_none());
}

#[test]
fn production_types_the_count_and_a_required_ticket_comes_first() {
    let context = Context {
        production: true,
        require_ticket: true,
        ..Context::default()
    };
    let (mut state, keys) = listing(context, locked_users(), Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('*')));
    update(&mut state, &keys, key(KeyCode::Char('u')));
    assert_eq!(
        state.mode(),
        pingdesk::app::Mode::Ticket,
        "the ticket field has the keys"
    );
    update(&mut state, &keys, key(KeyCode::Enter));
    assert!(
        status_text(&state).contains("ticket is required"),
        "{}",
        status_text(&state)
    );
    for c in "INC-3".chars() {
        update(&mut state, &keys, key(KeyCode::Char(c)));
    }
    update(&mut state, &keys, key(KeyCode::Enter));
    assert_eq!(state.mode(), pingdesk::app::Mode::ConfirmTyped);
    update(&mut state, &keys, key(KeyCode::Char('y')));
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).is_empty(),
        "y is not the count"
    );
    update(&mut state, &keys, key(KeyCode::Backspace));
    update(&mut state, &keys, key(KeyCode::Char('2')));
    let (_, items, ticket) = bulk_job(&update(&mut state, &keys, key(KeyCode::Enter)));
    assert_eq!(items.len(), 2);
    assert_eq!(ticket.as_deref(), Some("INC-3"));
}

#[test]
fn a_single_confirm_carries_its_ticket() {
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('u')));
    update(&mut state, &keys, key(KeyCode::Char('t')));
    for c in "CHG 9".chars() {
        update(&mut state, &keys, key(KeyCode::Char(c)));
    }
    update(&mut state, &keys, key(KeyCode::Enter));
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    let [
        Effect::Apply {
            ticket, subject, ..
        },
    ] = &effects[..]
    else {
        panic!("{effects:?}")
    };
    assert_eq!(ticket.as_deref(), Some("CHG 9"));
    assert_eq!(subject.username, "user-a");
    assert_eq!(subject.before.account.as_deref(), Some("LOCKED"));
}

fn locked(id: &str, since: i64) -> Locked {
    Locked {
        user: user(id, true),
        password: None,
        since: Some(jiff::Timestamp::from_second(since).expect("time")),
        cause: "account locked by an admin".into(),
        seconds_left: Some(90),
    }
}

#[test]
fn the_queue_loads_marks_and_unlocks_the_selected_or_the_marked() {
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    let effects = update(&mut state, &keys, key(KeyCode::Char('L')));
    let [
        Effect::Incident(Job::LoadQueue {
            req, scan: false, ..
        }),
    ] = effects[..]
    else {
        panic!("{effects:?}")
    };
    assert_eq!(incident_view(&state), Some(View::Queue));
    load_x_and_y(&mut state, &keys, req);
    assert!(
        state.next_wakeup().is_some(),
        "countdowns tick while the queue is shown"
    );
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let confirm = state.incident.confirm.as_ref().expect("confirm");
    assert_eq!(confirm.items.len(), 1, "no marks: the selected user");
    assert_eq!(confirm.items[0].subject.id, "x");
    update(&mut state, &keys, key(KeyCode::Esc));
    update(&mut state, &keys, key(KeyCode::Char('L')));
    let req = state.incident.queue.loading.expect("loading");
    load_x_and_y(&mut state, &keys, req);
    update(&mut state, &keys, key(KeyCode::Char('*')));
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let (_, items, _) = bulk_job(&update(&mut state, &keys, key(KeyCode::Char('y'))));
    assert_eq!(items.len(), 2);
}

#[test]
fn a_worker_without_audit_access_is_offered_a_scan() {
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('L')));
    let req = state.incident.queue.loading.expect("loading");
    let forbidden = ApiError {
        status: Some(403),
        ..ApiError::transport("read audit activities", ErrorKind::Forbidden, "no role")
    };
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::QueueLoaded {
            req,
            result: Err(forbidden),
        }),
    );
    assert!(matches!(
        state.incident.queue.result,
        Some(Err(QueueError::Forbidden(_)))
    ));
    let effects = update(&mut state, &keys, key(KeyCode::Char('s')));
    assert!(matches!(
        effects[..],
        [Effect::Incident(Job::LoadQueue { scan: true, .. })]
    ));
    // A stale answer to the first load is dropped.
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::QueueLoaded {
            req,
            result: Ok(Queue {
                users: Vec::new(),
                source: Source::Scan { scanned: 1 },
            }),
        }),
    );
    assert!(
        state
            .incident
            .queue
            .result
            .as_ref()
            .is_some_and(Result::is_err)
    );
}

#[test]
fn unknown_outcomes_at_start_are_offered_for_a_reread() {
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::Unresolved(Ok(vec![intent("user-a")]))),
    );
    assert_eq!(incident_view(&state), Some(View::Unresolved));
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    let [Effect::Incident(Job::Reread { intents, .. })] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(intents.len(), 1);
    assert!(state.modal.is_none());

    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::Unresolved(Ok(vec![intent("user-a")]))),
    );
    assert!(update(&mut state, &keys, key(KeyCode::Char('n'))).is_empty());
    assert!(
        status_text(&state).contains("journal --reread"),
        "{}",
        status_text(&state)
    );
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::Unresolved(Ok(Vec::new()))),
    );
    assert!(state.modal.is_none(), "nothing to offer");
}

#[test]
fn the_journal_view_lists_newest_first() {
    let (mut state, keys) = listing(Context::default(), locked_users(), Instant::now());
    let effects = update(&mut state, &keys, key(KeyCode::Char('J')));
    let [Effect::Incident(Job::LoadJournal { req })] = effects[..] else {
        panic!("{effects:?}")
    };
    let mut older = intent("first");
    older.op_id = "1".into();
    older.time = jiff::Timestamp::from_second(100).expect("time");
    let mut newer = intent("second\u{1b}[31m");
    newer.op_id = "2".into();
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::JournalLoaded {
            req,
            result: Ok(vec![older, newer]),
        }),
    );
    let entries = state
        .incident
        .journal
        .entries
        .as_ref()
        .and_then(|e| e.as_ref().ok())
        .expect("entries");
    let names: Vec<&str> = entries.iter().map(|e| e.username.as_str()).collect();
    assert_eq!(names, ["second␛[31m", "first"], "newest first, inert");
    update(&mut state, &keys, key(KeyCode::Esc));
    assert!(state.modal.is_none());
}

/// Answers the queue's read `req` with users x and y, locked 200 s and 100 s more.
fn load_x_and_y(state: &mut State, keys: &KeyMap, req: ReqId) {
    let queue = Queue {
        users: vec![locked("x", 200), locked("y", 100)],
        source: Source::Audit { events: 2 },
    };
    update(
        state,
        keys,
        Msg::Incident(Reply::QueueLoaded {
            req,
            result: Ok(queue),
        }),
    );
}
