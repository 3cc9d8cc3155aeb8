//! Render snapshots of the incident views: the locked-now queue with marks and live countdowns,
//! the bulk confirm, and the bulk progress with its failures; escapes in names drawn inert.

#[path = "common/console.rs"]
mod console;
#[path = "common/screens.rs"]
mod screens;

use console::*;
use screens::context;

use pingdesk::app::incident::{Reply, View};
use pingdesk::desk::bulk::{End, Report};
use pingdesk::desk::queue::{Locked, Queue, Source};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// `state` on the 100×30 test terminal.
fn draw(state: &State, keys: &KeyMap) -> Terminal<TestBackend> {
    screens::draw(state, keys, 100, 30)
}

/// A user locked by an admin at a fixed time, with `seconds` left when timed.
fn locked(id: &str, name: &str, seconds: Option<u64>) -> Locked {
    let mut user = user(id, true);
    user.username = name.into();
    if let Some(account) = user.account.as_mut() {
        account.seconds_until_unlock = seconds;
        account.unlock_at =
            seconds.map(|_| jiff::Timestamp::from_second(2_000_000_000).expect("time"));
    }
    Locked {
        since: Some(jiff::Timestamp::from_second(1_790_000_000).expect("time")),
        cause: String::new(),
        seconds_left: seconds,
        password: None,
        user,
    }
}

fn with_queue(start: Instant) -> (State, KeyMap) {
    let users = vec![user("a", true), user("b", true)];
    let (mut state, keys) = listing(context(), users, start);
    update(&mut state, &keys, key(KeyCode::Char('L')));
    let req = state.incident.queue.loading.expect("loading");
    let queue = Queue {
        users: vec![
            locked("x", "mallory\u{1b}[31m", Some(125)),
            locked("y", "ana.pereira", None),
            locked("z", "bob.autounlock", Some(300)),
        ],
        source: Source::Audit { events: 3 },
    };
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::QueueLoaded {
            req,
            result: Ok(queue),
        }),
    );
    (state, keys)
}

#[test]
fn the_queue_with_marks_and_countdowns() {
    let start = Instant::now();
    let (mut state, keys) = with_queue(start);
    update(&mut state, &keys, key(KeyCode::Down));
    update(&mut state, &keys, key(KeyCode::Char(' ')));
    update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(5)));
    let terminal = draw(&state, &keys);
    let screen = format!("{:?}", terminal.backend());
    assert!(
        screen.contains("2m 00s"),
        "the countdown moved on by 5 s: {screen}"
    );
    assert!(screen.contains("␛[31m"), "escapes inert");
    insta::assert_snapshot!("queue", terminal.backend());
}

#[test]
fn the_bulk_confirm_and_its_progress() {
    let (mut state, keys) = with_queue(Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('*')));
    update(&mut state, &keys, key(KeyCode::Char('u')));
    assert_eq!(state.modal, Some(Modal::Incident(View::BulkConfirm)));
    insta::assert_snapshot!("bulk_confirm", draw(&state, &keys).backend());
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    let [Effect::Incident(pingdesk::app::incident::Job::Bulk { req, ref items, .. })] = effects[..]
    else {
        panic!("{effects:?}")
    };
    let report = Report {
        subject: items[0].subject.clone(),
        op: OpKind::UnlockAccount,
        end: End::Failed,
        text: "mallory␛[31m: PingOne refused the request (503)".into(),
        attempts: 1,
    };
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::BulkItem { req, report }),
    );
    let done = Report {
        subject: items[1].subject.clone(),
        end: End::Done,
        text: String::new(),
        op: OpKind::UnlockAccount,
        attempts: 1,
    };
    update(
        &mut state,
        &keys,
        Msg::Incident(Reply::BulkItem { req, report: done }),
    );
    let terminal = draw(&state, &keys);
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("1 done · 1 failed"), "{screen}");
    assert!(screen.contains("2/3"), "{screen}");
    insta::assert_snapshot!("bulk_progress", terminal.backend());
}

#[test]
fn the_confirms_ticket_hint_names_the_key_in_force() {
    let file = pingdesk::config::file::parse(
        "[keys.confirm]\nedit_ticket = \"T\"\n",
        std::path::Path::new("config.toml"),
    )
    .expect("a valid config");
    let keys = KeyMap::with(&file.keys).expect("valid keys");
    let (mut state, _) = listing(context(), vec![user("a", true)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, op_key(&keys, OpKind::UnlockAccount));
    let screen = format!("{:?}", draw(&state, &keys).backend());
    assert!(screen.contains("(optional: T adds one)"), "{screen}");
    update(&mut state, &keys, key(KeyCode::Char('T')));
    let screen = format!("{:?}", draw(&state, &keys).backend());
    assert!(screen.contains("(Enter when done)"), "editing: {screen}");
    update(&mut state, &keys, key(KeyCode::Char('7')));
    update(&mut state, &keys, key(KeyCode::Enter));
    let screen = format!("{:?}", draw(&state, &keys).backend());
    assert!(
        screen.contains("7  (T edits it)"),
        "a ticket given: {screen}"
    );
}

#[test]
fn the_lock_dialogs_first_step_offers_no_ticket_key() {
    let (mut state, keys) = listing(context(), vec![user("a", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, op_key(&keys, OpKind::LockAccount));
    let screen = format!("{:?}", draw(&state, &keys).backend());
    assert!(screen.contains("Lock for how long?"), "{screen}");
    assert!(
        screen.contains("ticket         (optional)"),
        "no key before the question: {screen}"
    );
    update(&mut state, &keys, key(KeyCode::Enter));
    let screen = format!("{:?}", draw(&state, &keys).backend());
    assert!(
        screen.contains("(optional: t adds one)"),
        "then the key: {screen}"
    );
}

#[test]
fn the_unknown_outcomes_offer_names_its_keys_in_force_and_no_ticket() {
    let show = |keys: &KeyMap| {
        let (mut state, _) = listing(context(), vec![user("a", true)], Instant::now());
        update(
            &mut state,
            keys,
            Msg::Incident(Reply::Unresolved(Ok(vec![intent("alice.locked")]))),
        );
        (format!("{:?}", draw(&state, keys).backend()), state)
    };
    let keys = KeyMap::default();
    let (screen, mut state) = show(&keys);
    assert!(
        screen.contains("1 operation of unknown outcome"),
        "{screen}"
    );
    assert!(
        screen.contains("y/Enter: yes, n/Esc: no"),
        "the dialog's keys: {screen}"
    );
    assert!(
        screen.contains("re-read them now") && !screen.contains("add a ticket"),
        "the footer offers the re-read and no ticket: {screen}"
    );
    assert!(
        update(&mut state, &keys, key(KeyCode::Char('t'))).is_empty(),
        "t does nothing here"
    );
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).len() == 1,
        "Enter re-reads"
    );

    let file = pingdesk::config::file::parse(
        "[keys.reread]\nconfirm = \"Y\"\n",
        std::path::Path::new("config.toml"),
    )
    .expect("a valid config");
    let keys = KeyMap::with(&file.keys).expect("valid keys");
    let (screen, _) = show(&keys);
    assert!(screen.contains("Y: yes, n/Esc: no"), "{screen}");
}
