//! Pure update tests of every operation: the confirm, refusals, read-only, production, and what
//! the answer (or its absence) does to the screen. No IO, no terminal, no tokio.

#[path = "common/console.rs"]
mod console;

use console::*;

#[test]
fn no_operation_leaves_without_a_confirm_and_read_only_refuses_them_all() {
    for read_only in [false, true] {
        let context = Context {
            read_only,
            ..Context::default()
        };
        let mut blocked = user("a", true);
        blocked.enabled = Some(false);
        for kind in OpKind::all() {
            let (mut state, keys) = listing(context.clone(), vec![blocked.clone()], Instant::now());
            open(&mut state, &keys, PasswordStatus::LockedOut);
            let effects = update(&mut state, &keys, op_key(&keys, *kind));
            assert!(
                !effects.iter().any(|e| matches!(e, Effect::Apply { .. })),
                "{kind:?} sent without a confirm"
            );
            if read_only {
                assert!(state.modal.is_none(), "{kind:?}: a dialog in read-only");
                assert!(
                    status_text(&state).contains("Read-only"),
                    "{kind:?}: {}",
                    status_text(&state)
                );
            }
        }
    }
}

#[test]
fn a_fix_that_does_not_apply_says_why_and_opens_nothing() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    for (kind, says) in [
        (OpKind::UnlockPassword, "not locked out"),
        (OpKind::EnableUser, "already enabled"),
        (OpKind::UnlockAccount, "not locked"),
    ] {
        assert!(update(&mut state, &keys, op_key(&keys, kind)).is_empty());
        assert!(state.modal.is_none());
        assert!(
            status_text(&state).contains(says),
            "{kind:?}: {}",
            status_text(&state)
        );
    }
}

#[test]
fn password_unlock_goes_through_the_confirm_and_re_renders_from_the_answer() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", true)], Instant::now());
    let mut by_password = user("a", true);
    by_password.account.as_mut().expect("account").locked_at = None;
    state.results.rows[0] = pingdesk::app::state::Row::new(by_password, state.now);
    open(&mut state, &keys, PasswordStatus::LockedOut);
    assert!(update(&mut state, &keys, key(KeyCode::Char('p'))).is_empty());
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    let [Effect::Apply { req, ref op, .. }] = effects[..] else {
        panic!("one apply: {effects:?}")
    };
    assert_eq!(op, &UserOp::UnlockPassword);
    let applied = Applied {
        user: user("a", false),
        password: Some(PasswordState::with_status(PasswordStatus::Ok)),
        unknown: None,
        correlation_id: None,
        ..Applied::default()
    };
    update(
        &mut state,
        &keys,
        applied_reply(req, UserOp::UnlockPassword, applied),
    );
    assert_eq!(status_text(&state), "Unlocked the password of user-a");
    let verdict = state.verdict().expect("a verdict");
    assert!(!verdict.blocked(), "{verdict:?}");
    assert_eq!(state.results.rows[0].status.as_str(), "OK");
}

#[test]
fn an_unknown_outcome_says_so_and_what_pingone_now_shows() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", true)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let [Effect::Apply { req, .. }] = update(&mut state, &keys, key(KeyCode::Char('y')))[..] else {
        panic!("one apply")
    };
    let applied = Applied {
        user: user("a", false),
        password: None,
        unknown: Some(ApiError::transport(
            "unlock account",
            ErrorKind::Timeout,
            "timed out",
        )),
        correlation_id: None,
        ..Applied::default()
    };
    update(
        &mut state,
        &keys,
        applied_reply(req, UserOp::UnlockAccount, applied),
    );
    let text = status_text(&state);
    assert!(text.starts_with("Outcome unknown"), "{text}");
    assert!(
        text.contains("PingOne now shows user-a: nothing stops this user signing in"),
        "{text}"
    );
    assert_eq!(
        state.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Error)
    );
}

#[test]
fn an_answer_that_still_shows_the_cause_is_not_called_success() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", true)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let [Effect::Apply { req, .. }] = update(&mut state, &keys, key(KeyCode::Char('y')))[..] else {
        panic!("one apply")
    };
    let applied = Applied {
        user: user("a", true),
        password: None,
        unknown: None,
        correlation_id: None,
        ..Applied::default()
    };
    let late_reply = applied_reply(ReqId(req.0 + 100), UserOp::UnlockAccount, applied.clone());
    update(&mut state, &keys, late_reply);
    assert!(state.op.is_busy(), "a reply to another request is dropped");
    update(
        &mut state,
        &keys,
        applied_reply(req, UserOp::UnlockAccount, applied),
    );
    assert!(
        status_text(&state).contains("PingOne answered, but user-a still shows"),
        "{}",
        status_text(&state)
    );
}

#[test]
fn the_lock_dialog_picks_a_duration_then_confirms() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, key(KeyCode::Char('l')));
    assert!(matches!(&state.modal, Some(Modal::Confirm(c)) if matches!(c.step, Step::PickLock(_))));
    update(&mut state, &keys, key(KeyCode::Down));
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).is_empty(),
        "choosing sends nothing"
    );
    let before = jiff::Timestamp::now();
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    let [
        Effect::Apply {
            op: UserOp::LockAccount {
                unlock_at: Some(at),
            },
            ..
        },
    ] = effects[..]
    else {
        panic!("a one-hour lock: {effects:?}")
    };
    let hour = at.duration_since(before).as_secs();
    assert!((3590..=3610).contains(&hour), "{hour} s");
}

#[test]
fn a_typed_lock_time_must_be_in_the_future() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, key(KeyCode::Char('l')));
    for _ in 0..3 {
        update(&mut state, &keys, key(KeyCode::Down));
    }
    for c in "2020-01-01T00:00:00Z".chars() {
        update(&mut state, &keys, key(KeyCode::Char(c)));
    }
    update(&mut state, &keys, key(KeyCode::Enter));
    assert!(
        status_text(&state).contains("in the past"),
        "{}",
        status_text(&state)
    );
    assert!(matches!(&state.modal, Some(Modal::Confirm(c)) if matches!(c.step, Step::PickLock(_))));
    for _ in 0.."2020-01-01T00:00:00Z".len() {
        update(&mut state, &keys, key(KeyCode::Backspace));
    }
    for c in "+2h".chars() {
        update(&mut state, &keys, key(KeyCode::Char(c)));
    }
    update(&mut state, &keys, key(KeyCode::Enter));
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    assert!(
        matches!(
            effects[..],
            [Effect::Apply {
                op: UserOp::LockAccount { unlock_at: Some(_) },
                ..
            }]
        ),
        "{effects:?}"
    );
}

#[test]
fn production_types_the_username_for_every_operation() {
    let context = Context {
        production: true,
        ..Context::default()
    };
    let (mut state, keys) = listing(context, vec![user("a", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    update(&mut state, &keys, key(KeyCode::Char('f')));
    assert!(
        update(&mut state, &keys, key(KeyCode::Char('y'))).is_empty(),
        "y is typed, not yes"
    );
    update(&mut state, &keys, key(KeyCode::Backspace));
    for c in "user-a".chars() {
        update(&mut state, &keys, key(KeyCode::Char(c)));
    }
    let effects = update(&mut state, &keys, key(KeyCode::Enter));
    assert!(
        matches!(
            effects[..],
            [Effect::Apply {
                op: UserOp::ForcePasswordChange,
                ..
            }]
        ),
        "{effects:?}"
    );
}

#[test]
fn a_fix_that_leaves_another_cause_says_what_still_stops_them() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", true)], Instant::now());
    open(&mut state, &keys, PasswordStatus::LockedOut);
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let [Effect::Apply { req, .. }] = update(&mut state, &keys, key(KeyCode::Char('y')))[..] else {
        panic!("one apply")
    };
    // The admin's lock is gone, the password lockout still locks the account (no lockedAt).
    let mut after = user("a", true);
    after.account.as_mut().expect("account").locked_at = None;
    let applied = Applied {
        user: after,
        password: None,
        unknown: None,
        correlation_id: None,
        ..Applied::default()
    };
    update(
        &mut state,
        &keys,
        applied_reply(req, UserOp::UnlockAccount, applied),
    );
    let text = status_text(&state);
    assert!(
        text.starts_with(
            "Unlocked the account of user-a; still cannot sign in: password locked out"
        ),
        "{text}"
    );
    assert_eq!(
        state.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Info)
    );
}

#[test]
fn ctrl_c_quits_from_every_step_of_a_confirm() {
    let ctrl_c = || Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    for (production, steps) in [
        (false, &["u"][..]),
        (false, &["l"][..]),
        (false, &["u", "t"][..]),
        (true, &["u"][..]),
    ] {
        let context = Context {
            production,
            ..Context::default()
        };
        let (mut state, keys) = listing(context, vec![user("a", true)], Instant::now());
        open(&mut state, &keys, PasswordStatus::Ok);
        for step in steps {
            update(
                &mut state,
                &keys,
                key(KeyCode::Char(step.chars().next().unwrap_or(' '))),
            );
        }
        assert!(state.modal.is_some(), "{steps:?}: a dialog is open");
        assert!(
            update(&mut state, &keys, ctrl_c()).is_empty(),
            "nothing sent"
        );
        assert!(
            state.quit,
            "{steps:?} on production {production}: Ctrl-C quits"
        );
    }
}
