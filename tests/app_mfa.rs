//! Pure update tests of the operations on a device or a session: how the target is chosen (the
//! one row it applies to, or a row picked with j/k in its tab), the one confirm carrying the
//! operation, the answer re-rendering the section, and the detail tabs. No IO, no terminal.

#[path = "common/console.rs"]
mod console;

use console::*;
use pingdesk::app::Focus;
use pingdesk::app::tabs::Tab;
use pingdesk::desk::{Sessions, Target};
use pingdesk::pingone::device::{BlockStatus, DeviceBlock, DeviceStatus};
use pingdesk::pingone::{Device, Session};

/// An active SMS device `id`, blocked or not.
fn device(id: &str, blocked: bool) -> Device {
    Device {
        id: id.into(),
        kind: "SMS".into(),
        phone: Some(format!("+1555555{:04}", id.len() * 1111)),
        status: Some(DeviceStatus::Active),
        block: Some(DeviceBlock {
            status: if blocked {
                BlockStatus::Blocked
            } else {
                BlockStatus::Unblocked
            },
            blocked_at: None,
        }),
        ..Device::default()
    }
}

/// A console listing one user with MFA on, opened, whose devices are `devices`.
fn with_devices(context: Context, devices: &[Device]) -> (State, KeyMap) {
    let mut mfa = user("a", false);
    mfa.mfa_enabled = Some(true);
    let (mut state, keys) = listing(context, vec![mfa], Instant::now());
    open_with(&mut state, &keys, PasswordStatus::Ok, devices);
    state.focus = Focus::Results;
    (state, keys)
}

fn press(state: &mut State, keys: &KeyMap, c: char) -> Vec<Effect> {
    update(state, keys, key(KeyCode::Char(c)))
}

/// The operation of the one `Apply` in `effects`.
fn applied_op(effects: &[Effect]) -> (ReqId, UserOp) {
    match effects {
        [Effect::Apply { req, op, .. }] => (*req, op.clone()),
        other => panic!("one apply: {other:?}"),
    }
}

#[test]
fn the_one_blocked_device_is_unblocked_from_the_list_and_its_section_re_renders() {
    let (mut state, keys) = with_devices(Context::default(), &[device("d1", true)]);
    let verdict = state.verdict().expect("a verdict");
    assert!(verdict.blocked(), "{verdict:?}");
    assert_eq!(verdict.causes[0].target, Target::Device("d1".into()));
    assert!(press(&mut state, &keys, 'b').is_empty(), "a confirm first");
    let Some(Modal::Confirm(confirm)) = &state.modal else {
        panic!("the confirm dialog")
    };
    assert!(
        confirm.question.starts_with("Unblock the MFA device SMS"),
        "{}",
        confirm.question
    );
    let (req, op) = applied_op(&press(&mut state, &keys, 'y'));
    assert_eq!(
        op,
        UserOp::UnblockDevice {
            device: "d1".into()
        }
    );
    let applied = Applied {
        user: state.results.rows[0].user(),
        devices: Some(vec![device("d1", false)]),
        ..Applied::default()
    };
    update(&mut state, &keys, applied_reply(req, op, applied));
    assert_eq!(status_text(&state), "Unblocked an MFA device of user-a");
    let extras = state.extras.get("a").expect("extras");
    assert!(!extras.devices.ok().expect("devices")[0].is_blocked());
    assert!(!state.verdict().expect("a verdict").blocked());
}

#[test]
fn with_two_blocked_devices_the_mfa_tab_opens_to_choose_one_with_j_and_k() {
    let devices = [
        device("d1", true),
        device("d22", false),
        device("d333", true),
    ];
    let (mut state, keys) = with_devices(Context::default(), &devices);
    assert!(press(&mut state, &keys, 'b').is_empty());
    assert!(state.modal.is_none(), "no dialog before a device is chosen");
    assert_eq!(
        (state.focus, state.detail.tab, state.detail.row),
        (Focus::Detail, Tab::Mfa, 0)
    );
    assert!(
        status_text(&state).contains("Choose the device"),
        "{}",
        status_text(&state)
    );
    press(&mut state, &keys, 'j');
    press(&mut state, &keys, 'j');
    press(&mut state, &keys, 'j');
    assert_eq!(state.detail.row, 2, "the last row, and no further");
    press(&mut state, &keys, 'b');
    let (_, op) = applied_op(&press(&mut state, &keys, 'y'));
    assert_eq!(
        op,
        UserOp::UnblockDevice {
            device: "d333".into()
        }
    );
    // On a row the operation does not apply to, it says why and opens nothing.
    press(&mut state, &keys, 'k');
    state.op = pingdesk::app::InFlight::default();
    press(&mut state, &keys, 'b');
    assert!(state.modal.is_none());
    assert!(
        status_text(&state).contains("is not blocked"),
        "{}",
        status_text(&state)
    );
}

#[test]
fn sessions_are_revoked_one_or_all_from_the_sessions_tab() {
    let (mut state, keys) = with_devices(Context::default(), &[]);
    let sessions: Vec<Session> = ["s1", "s2"]
        .iter()
        .map(|id| Session {
            id: (*id).into(),
            ..Session::default()
        })
        .collect();
    let opened = update(&mut state, &keys, key(KeyCode::Char('r')));
    let req = find_read(&opened, SectionKind::Sessions).expect("a sessions read");
    answer_section(&mut state, &keys, req, SectionValue::Sessions(sessions));
    state.focus = Focus::Results;
    press(&mut state, &keys, 'x');
    assert_eq!(state.detail.tab, Tab::Sessions);
    assert_eq!(state.row_targets().len(), 3, "two sessions and all of them");
    press(&mut state, &keys, 'j');
    press(&mut state, &keys, 'j');
    press(&mut state, &keys, 'x');
    let Some(Modal::Confirm(confirm)) = &state.modal else {
        panic!("the confirm dialog")
    };
    assert_eq!(
        confirm.question,
        "Revoke all 2 sessions of user-a? They must sign in again everywhere."
    );
    let (_, op) = applied_op(&press(&mut state, &keys, 'y'));
    assert_eq!(
        op,
        UserOp::RevokeSession {
            sessions: Sessions::All(vec!["s1".into(), "s2".into()])
        }
    );
}

#[test]
fn a_single_session_is_the_target_without_choosing() {
    let (mut state, keys) = with_devices(Context::default(), &[]);
    let opened = update(&mut state, &keys, key(KeyCode::Char('r')));
    let req = find_read(&opened, SectionKind::Sessions).expect("a sessions read");
    let one = Session {
        id: "s1".into(),
        ..Session::default()
    };
    answer_section(&mut state, &keys, req, SectionValue::Sessions(vec![one]));
    state.focus = Focus::Results;
    press(&mut state, &keys, 'x');
    let (_, op) = applied_op(&press(&mut state, &keys, 'y'));
    assert_eq!(
        op,
        UserOp::RevokeSession {
            sessions: Sessions::One("s1".into())
        }
    );
}

#[test]
fn nothing_to_act_on_or_nothing_read_says_why() {
    let (mut state, keys) = with_devices(Context::default(), &[device("d1", false)]);
    press(&mut state, &keys, 'b');
    assert!(state.modal.is_none());
    assert!(
        status_text(&state).contains("no blocked MFA device"),
        "{}",
        status_text(&state)
    );
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    press(&mut state, &keys, 'B');
    assert!(
        status_text(&state).contains("have not been read yet"),
        "{}",
        status_text(&state)
    );
    press(&mut state, &keys, 'N');
    assert!(
        status_text(&state).contains("already off"),
        "{}",
        status_text(&state)
    );
}

#[test]
fn read_only_refuses_before_any_choosing() {
    let context = Context {
        read_only: true,
        ..Context::default()
    };
    let (mut state, keys) = with_devices(context, &[device("d1", true), device("d2", true)]);
    press(&mut state, &keys, 'b');
    assert!(state.modal.is_none());
    assert_eq!(state.detail.tab, Tab::SignIn, "no tab opened to choose in");
    assert!(
        status_text(&state).contains("Read-only"),
        "{}",
        status_text(&state)
    );
}

#[test]
fn tabs_turn_with_brackets_and_arrows_and_rows_move_only_in_their_tab() {
    let (mut state, keys) = with_devices(
        Context::default(),
        &[device("d1", true), device("d2", false)],
    );
    press(&mut state, &keys, ']');
    assert_eq!(state.detail.tab, Tab::Account);
    update(&mut state, &keys, key(KeyCode::Left));
    update(&mut state, &keys, key(KeyCode::Left));
    assert_eq!(state.detail.tab, Tab::Attributes, "wraps around");
    for _ in 0..4 {
        update(&mut state, &keys, key(KeyCode::Right));
    }
    assert_eq!(state.detail.tab, Tab::Mfa);
    state.focus = Focus::Detail;
    press(&mut state, &keys, 'j');
    assert_eq!(
        (state.detail.row, state.detail_scroll),
        (1, 0),
        "a row, not a scroll"
    );
    press(&mut state, &keys, '[');
    press(&mut state, &keys, 'j');
    assert_eq!(
        (state.detail.row, state.detail_scroll),
        (0, 1),
        "Password scrolls"
    );
    // The selection moving to another user starts its rows at the top.
    state.focus = Focus::Results;
    state.detail.row = 1;
    press(&mut state, &keys, 'k');
    assert_eq!(state.detail.row, 1, "one user: the selection did not move");
}
