//! Pure `update` tests for replies that come too late or twice: an operation's, a user read
//! again, a further page. Each is dropped unless it answers the request in flight. Also: scrolling
//! past the last row loads the next page (once), a successful search clears a failed read's
//! status, and an unknown environment ends the console.

#[path = "common/console.rs"]
mod console;

use console::*;
use pingdesk::api::UserQuery;

/// A page of `users`, with a next link when `more`.
fn page(users: Vec<User>, more: bool) -> UserPage {
    UserPage {
        count: Some(99),
        users,
        next: more.then(|| {
            "http://127.0.0.1:9/v1/next?cursor=x"
                .parse()
                .expect("a URL")
        }),
    }
}

/// The console listing `users` (first page, with a next link when `more`).
fn listed(users: Vec<User>, more: bool) -> (State, KeyMap) {
    let keys = KeyMap::default();
    let mut state = State::new(Context::default(), Instant::now());
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("a first search")
    };
    let result = Ok(page(users, more));
    update(&mut state, &keys, Msg::SearchLoaded { req, result });
    state.focus = pingdesk::app::Focus::Results;
    (state, keys)
}

fn locked_status(state: &State, index: usize) -> &'static str {
    state.results.rows[index].status.as_str()
}

#[test]
fn a_late_or_repeated_operation_reply_is_dropped() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", true)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let [Effect::Apply { req, .. }] = update(&mut state, &keys, key(KeyCode::Char('y')))[..] else {
        panic!("one apply")
    };
    let reply = |locked: bool, req: ReqId| Msg::Applied {
        req,
        op: UserOp::UnlockAccount,
        result: Ok(Box::new(Applied {
            user: user("a", locked),
            ..Applied::default()
        })),
    };
    // A reply to a request never sent (or long gone) changes nothing while one is in flight.
    update(&mut state, &keys, reply(false, ReqId(req.0 + 100)));
    assert_eq!(locked_status(&state, 0), "LOCKED");
    assert!(state.op.is_busy(), "still waiting for its own answer");
    update(&mut state, &keys, reply(false, req));
    assert_eq!(locked_status(&state, 0), "OK");
    let said = status_text(&state);
    // The same answer again, now stale, says nothing and re-renders nothing.
    update(&mut state, &keys, reply(true, req));
    assert_eq!(locked_status(&state, 0), "OK");
    assert_eq!(status_text(&state), said);
}

#[test]
fn a_superseded_read_of_a_user_is_dropped() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", true)], Instant::now());
    let refresh = |effects: Vec<Effect>| {
        effects
            .into_iter()
            .find_map(|e| match e {
                Effect::Refresh { req, .. } => Some(req),
                _ => None,
            })
            .expect("a refresh")
    };
    let first = refresh(update(&mut state, &keys, key(KeyCode::Char('r'))));
    let effects = update(&mut state, &keys, key(KeyCode::Char('r')));
    assert!(effects.contains(&Effect::Cancel(first)), "{effects:?}");
    let second = refresh(effects);
    let read = |req: ReqId, locked: bool| Msg::UserRefreshed {
        req,
        result: Ok(Box::new(user("a", locked))),
    };
    update(&mut state, &keys, read(first, false));
    assert_eq!(
        locked_status(&state, 0),
        "LOCKED",
        "the superseded read is dropped"
    );
    update(&mut state, &keys, read(second, true));
    assert_eq!(locked_status(&state, 0), "LOCKED");
    assert!(status_text(&state).starts_with("Read user-a again"));
    update(&mut state, &keys, read(second, false));
    assert_eq!(
        locked_status(&state, 0),
        "LOCKED",
        "a second answer is stale"
    );
}

#[test]
fn scrolling_past_the_last_row_loads_the_next_page_once() {
    let (mut state, keys) = listed(vec![user("a", false), user("b", false)], true);
    assert!(
        update(&mut state, &keys, key(KeyCode::Down))
            .iter()
            .all(|e| !matches!(e, Effect::LoadMore { .. }))
    );
    let effects = update(&mut state, &keys, key(KeyCode::Down));
    let [.., Effect::LoadMore { req, ref next }] = effects[..] else {
        panic!("past the last row: {effects:?}")
    };
    assert_eq!(next.as_str(), "http://127.0.0.1:9/v1/next?cursor=x");
    let again = update(&mut state, &keys, key(KeyCode::End));
    assert!(
        !again.iter().any(|e| matches!(e, Effect::LoadMore { .. })),
        "one at a time"
    );
    // A reply to another request is dropped; the real one appends and keeps the selection.
    let more = |req| Msg::MoreLoaded {
        req,
        result: Ok(page(vec![user("c", true)], false)),
    };
    update(&mut state, &keys, more(ReqId(req.0 + 7)));
    assert_eq!(state.results.rows.len(), 2);
    update(&mut state, &keys, more(req));
    assert_eq!(state.results.rows.len(), 3);
    assert_eq!(state.results.selected, 1);
    update(&mut state, &keys, more(req));
    assert_eq!(state.results.rows.len(), 3, "a repeated page is dropped");
    let last = update(&mut state, &keys, key(KeyCode::End));
    assert!(
        !last.iter().any(|e| matches!(e, Effect::LoadMore { .. })),
        "no next link"
    );
}

#[test]
fn a_page_for_a_search_since_replaced_is_dropped() {
    let (mut state, keys) = listed(vec![user("a", false)], true);
    let effects = update(&mut state, &keys, key(KeyCode::End));
    let Some(more) = effects.iter().find_map(|e| match e {
        Effect::LoadMore { req, .. } => Some(*req),
        _ => None,
    }) else {
        panic!("{effects:?}")
    };
    update(&mut state, &keys, key(KeyCode::Char('/')));
    update(&mut state, &keys, key(KeyCode::Char('z')));
    let search = update(
        &mut state,
        &keys,
        Msg::Tick(Instant::now() + Duration::from_secs(1)),
    );
    assert!(
        search.contains(&Effect::Cancel(more)),
        "the new search cancels it: {search:?}"
    );
    assert!(search.iter().any(|e| matches!(
        e,
        Effect::Search {
            query: UserQuery::Filter(_),
            ..
        }
    )));
    let result = Ok(page(vec![user("old", true)], false));
    update(&mut state, &keys, Msg::MoreLoaded { req: more, result });
    assert_eq!(
        state.results.rows.len(),
        1,
        "nothing appended to the new search's list"
    );
}

#[test]
fn a_successful_search_clears_a_failed_reads_status_only() {
    let keys = KeyMap::default();
    let mut state = State::new(Context::default(), Instant::now());
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("a first search")
    };
    let refused = ApiError::transport("search users", ErrorKind::ConnectionRefused, "refused");
    update(
        &mut state,
        &keys,
        Msg::SearchLoaded {
            req,
            result: Err(refused),
        },
    );
    assert!(status_text(&state).contains("connection was refused"));
    let search = update(&mut state, &keys, key(KeyCode::Char('a')));
    assert!(search.is_empty());
    let effects = update(
        &mut state,
        &keys,
        Msg::Tick(Instant::now() + Duration::from_secs(1)),
    );
    let Some(Effect::Search { req, .. }) = effects
        .into_iter()
        .find(|e| matches!(e, Effect::Search { .. }))
    else {
        panic!("a search")
    };
    let result = Ok(page(vec![user("a", false)], false));
    update(&mut state, &keys, Msg::SearchLoaded { req, result });
    assert_eq!(
        state.status, None,
        "PingOne answers again: the refusal is old news"
    );

    // What an operation said stays: a search is no answer to it.
    state.say(
        StatusKind::Error,
        "Could not unlock account: permission denied",
    );
    update(&mut state, &keys, key(KeyCode::Char('b')));
    let effects = update(
        &mut state,
        &keys,
        Msg::Tick(Instant::now() + Duration::from_secs(2)),
    );
    let Some(Effect::Search { req, .. }) = effects
        .into_iter()
        .find(|e| matches!(e, Effect::Search { .. }))
    else {
        panic!("a search")
    };
    let result = Ok(page(vec![user("b", false)], false));
    update(&mut state, &keys, Msg::SearchLoaded { req, result });
    assert!(status_text(&state).contains("permission denied"));
}

#[test]
fn an_unknown_environment_ends_the_console_with_a_configuration_error() {
    let keys = KeyMap::default();
    let mut state = State::new(Context::default(), Instant::now());
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("a first search")
    };
    let mut error = ApiError::transport("search users", ErrorKind::UnknownEnvironment, "env-x");
    error.status = Some(404);
    update(
        &mut state,
        &keys,
        Msg::SearchLoaded {
            req,
            result: Err(error),
        },
    );
    assert!(state.quit);
    let said = state.fatal.clone().unwrap_or_default();
    assert!(
        said.contains("environment env-x not found, or this worker cannot see it"),
        "{said}"
    );
}
