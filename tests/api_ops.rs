//! Every operation of `OpKind::all()` through the HTTP client against the simulator over real
//! loopback HTTP: the password state of each demo user, the exact requests each operation costs,
//! what comes back, the audit events and the state PingOne holds afterwards. Refusals and unknown
//! outcomes are in `tests/api_ops_faults.rs`.

#[path = "common/demo.rs"]
mod demo;
#[path = "common/wire.rs"]
mod wire;

use demo::*;
use pingdesk::desk::ops::Reply;
use pingdesk::desk::{Known, OpKind, UserOp, apply};
use pingdesk::pingone::user::{AccountStatus, LifecycleStatus};
use pingdesk::pingone::{PasswordStatus, User};
use pingdesk::sim::{Route, SimHandle};
use wire::start;

/// The audit actions recorded after the first `skip` events, each checked to be on user `id`.
fn actions_on(sim: &SimHandle, skip: usize, id: &str) -> Vec<String> {
    let events = sim.audit();
    for event in &events[skip..] {
        assert_eq!(event.user_id, id, "{event:?}");
        let session = event.external_session_id.as_deref().unwrap_or_default();
        assert!(session.starts_with("pingdesk-"), "{event:?}");
    }
    events[skip..].iter().map(|e| e.action.clone()).collect()
}

/// `user.account.status`, `lockedAt` present, `canAuthenticate`.
fn account(user: &User) -> (Option<AccountStatus>, bool, Option<bool>) {
    let account = user.account.clone().expect("account");
    (
        account.status,
        account.locked_at.is_some(),
        account.can_authenticate,
    )
}

#[tokio::test]
async fn password_state_of_every_demo_kind_of_user() {
    let (sim, client) = start().await;
    let cases = [
        (CAROL, PasswordStatus::LockedOut),
        (GINA, PasswordStatus::LockedOut),
        (HANK, PasswordStatus::Expired),
        (IVY, PasswordStatus::MustChange),
        (JUDY, PasswordStatus::NoPassword),
        (KEN, PasswordStatus::External),
        (FRANK, PasswordStatus::Ok),
        (SOFIA, PasswordStatus::NoPassword),
    ];
    for (id, status) in cases {
        let state = client.password_state(id).await.expect("password state");
        assert_eq!(state.status, status, "{id}");
        assert_eq!(state.user.as_ref().map(|u| u.id.as_str()), Some(id));
        assert_eq!(
            state.environment.as_ref().map(|e| e.id.as_str()),
            Some(sim.environment_id.as_str())
        );
        assert!(state.password_policy.is_some(), "{id}");
        assert!(state.extra.contains_key("_links"), "{id}: _links kept");
        let left = state.seconds_until_unlock;
        if id == GINA {
            let left = left.expect("a timed lockout counts down");
            assert!((830..=840).contains(&left), "{left}");
        } else {
            assert_eq!(left, None, "{id}: only a timed lockout counts down");
        }
        let has_password = !matches!(
            status,
            PasswordStatus::NoPassword | PasswordStatus::External
        );
        assert_eq!(state.last_changed_at.is_some(), has_password, "{id}");
    }
    assert_eq!(sim.stats().get(Route::ReadPassword), 8);

    // A password lockout locks the account too, without `lockedAt`.
    let carol = client.get_user(CAROL).await.expect("carol");
    assert_eq!(
        account(&carol),
        (Some(AccountStatus::Locked), false, Some(false))
    );
    let error = client
        .password_state("no-such-user")
        .await
        .expect_err("404");
    assert_eq!(error.status, Some(404));
}

/// The requests each operation must cost on the user [`demo::target`] tries it on, besides the
/// token, and the audit actions it records. Exhaustive: a new operation must be added here.
fn case(kind: OpKind) -> (Vec<(Route, u64)>, Vec<&'static str>) {
    use Route::{
        DeleteSession, DeviceAction, GetUser, MfaEnabled, PasswordAction, ReadSessions, UserAction,
        UserEnabled,
    };
    match kind {
        OpKind::UnlockAccount => (vec![(UserAction, 1)], vec!["USER.UNLOCKED"]),
        OpKind::LockAccount => (vec![(UserAction, 1)], vec!["USER.LOCKED"]),
        OpKind::UnlockPassword => (
            vec![(GetUser, 1), (PasswordAction, 1)],
            vec!["PASSWORD.UNLOCKED", "USER.UNLOCKED"],
        ),
        OpKind::ForcePasswordChange => (
            vec![(GetUser, 1), (PasswordAction, 1)],
            vec!["PASSWORD.FORCE_CHANGE", "USER.UNLOCKED"],
        ),
        // Reply::Unchanged promises "nothing to read again", but `Applied` must hold a user,
        // so `apply` reads it once; the password is not read again.
        OpKind::SendRecoveryCode => (
            vec![(GetUser, 1), (PasswordAction, 1)],
            vec!["PASSWORD.RECOVERY"],
        ),
        OpKind::EnableUser | OpKind::DisableUser => {
            (vec![(GetUser, 1), (UserEnabled, 1)], vec!["USER.UPDATED"])
        }
        OpKind::ResendVerification => (vec![(UserAction, 1)], vec!["USER.UPDATED"]),
        // The device comes back in the answer: nothing to read again.
        OpKind::UnblockDevice => (vec![(DeviceAction, 1)], vec!["DEVICE.UNBLOCKED"]),
        OpKind::BlockDevice => (vec![(DeviceAction, 1)], vec!["DEVICE.BLOCKED"]),
        // A 204: the sessions are read again.
        OpKind::RevokeSession => (
            vec![(ReadSessions, 1), (DeleteSession, 1)],
            vec!["SESSION.DELETED"],
        ),
        OpKind::EnableMfa | OpKind::DisableMfa => {
            (vec![(GetUser, 1), (MfaEnabled, 1)], vec!["USER.UPDATED"])
        }
    }
}

#[tokio::test]
async fn every_operation_sends_one_write_and_only_the_reads_its_reply_leaves_owed() {
    for &kind in OpKind::all() {
        let (sim, client) = start().await;
        let (id, target, _) = demo::target(kind);
        let (requests, events) = case(kind);
        let op = UserOp::at(kind, target);
        let user = client.get_user(id).await.expect("user");
        let password = client.password_state(id).await.expect("password");
        let devices = client.devices(id).await.expect("devices");
        let sessions = client.sessions(id).await.expect("sessions");
        let known = Known {
            password: Some(&password),
            devices: Some(&devices),
            sessions: Some(&sessions),
            ..Known::record(&user, jiff::Timestamp::now())
        };
        assert_eq!(
            op.refusal(&known, false),
            None,
            "{kind:?}: the desk would send it to this user"
        );
        let before = sim.stats().snapshot();
        let applied = apply(&client, &user, &op).await.expect("applied");
        assert_eq!(since(&sim, &before), requests, "{kind:?}: requests");
        assert_eq!(actions_on(&sim, 0, id), events, "{kind:?}: audit");
        assert_eq!(applied.user.id, id);
        assert!(applied.unknown.is_none(), "{kind:?}");
        assert!(applied.correlation_id.is_some(), "{kind:?}");
        assert_eq!(
            applied.password.is_some(),
            op.reply() == Reply::Password,
            "{kind:?}: the password comes back only from a password answer"
        );
        assert_eq!(
            applied.user,
            client.get_user(id).await.expect("read again"),
            "{kind:?}: Applied.user is what PingOne holds"
        );
    }
}

#[tokio::test]
async fn password_unlock_unlocks_the_account_only_when_the_lockout_was_its_only_cause() {
    let (sim, client) = start().await;
    let carol = apply(&client, &by_id(CAROL), &UserOp::UnlockPassword)
        .await
        .expect("carol");
    assert_eq!(
        carol.password.as_ref().map(|p| &p.status),
        Some(&PasswordStatus::Ok)
    );
    assert_eq!(
        account(&carol.user),
        (Some(AccountStatus::Ok), false, Some(true))
    );
    assert_eq!(
        actions_on(&sim, 0, CAROL),
        ["PASSWORD.UNLOCKED", "USER.UNLOCKED"]
    );

    let oscar = apply(&client, &by_id(OSCAR), &UserOp::UnlockPassword)
        .await
        .expect("oscar");
    assert_eq!(
        oscar.password.as_ref().map(|p| &p.status),
        Some(&PasswordStatus::Ok)
    );
    assert_eq!(
        account(&oscar.user),
        (Some(AccountStatus::Locked), true, Some(false)),
        "the admin's lock stays"
    );
    assert_eq!(actions_on(&sim, 2, OSCAR), ["PASSWORD.UNLOCKED"]);

    // The account unlock then clears oscar's last lock.
    let unlocked = apply(&client, &by_id(OSCAR), &UserOp::UnlockAccount)
        .await
        .expect("unlock");
    assert_eq!(
        account(&unlocked.user),
        (Some(AccountStatus::Ok), false, Some(true))
    );
}

#[tokio::test]
async fn an_account_unlock_leaves_a_password_lockout_in_place() {
    let (sim, client) = start().await;
    let oscar = apply(&client, &by_id(OSCAR), &UserOp::UnlockAccount)
        .await
        .expect("unlock");
    // The stored lock is gone; the password lockout still locks the account, now without
    // lockedAt, so the verdict sends the agent to the password.
    assert_eq!(
        account(&oscar.user),
        (Some(AccountStatus::Locked), false, Some(false))
    );
    let password = client.password_state(OSCAR).await.expect("password");
    assert_eq!(password.status, PasswordStatus::LockedOut);
    let known = Known {
        password: Some(&password),
        ..Known::record(&oscar.user, jiff::Timestamp::now())
    };
    assert!(UserOp::UnlockAccount.refusal(&known, false).is_some());
    assert_eq!(actions_on(&sim, 0, OSCAR), ["USER.UNLOCKED"]);
}

#[tokio::test]
async fn force_change_sets_must_change_and_ends_a_lockout() {
    let (sim, client) = start().await;
    for (id, events) in [
        (GINA, &["PASSWORD.FORCE_CHANGE", "USER.UNLOCKED"][..]),
        (FRANK, &["PASSWORD.FORCE_CHANGE"][..]),
        (HANK, &["PASSWORD.FORCE_CHANGE"][..]),
    ] {
        let skip = sim.audit().len();
        let applied = apply(&client, &by_id(id), &UserOp::ForcePasswordChange)
            .await
            .expect("force change");
        let password = applied.password.expect("password state returned");
        assert_eq!(password.status, PasswordStatus::MustChange, "{id}");
        assert_eq!(password.seconds_until_unlock, None, "{id}");
        assert_eq!(
            account(&applied.user),
            (Some(AccountStatus::Ok), false, Some(true))
        );
        assert_eq!(actions_on(&sim, skip, id), events, "{id}");
        assert_eq!(
            client.password_state(id).await.expect("read").status,
            PasswordStatus::MustChange
        );
    }
}

#[tokio::test]
async fn disable_then_enable_round_trips() {
    let (sim, client) = start().await;
    let disabled = apply(&client, &by_id(FRANK), &UserOp::DisableUser)
        .await
        .expect("disable");
    assert_eq!(disabled.user.enabled, Some(false));
    assert_eq!(
        account(&disabled.user),
        (Some(AccountStatus::Ok), false, Some(false))
    );
    assert_eq!(
        client.get_user(FRANK).await.expect("read").enabled,
        Some(false)
    );
    let enabled = apply(&client, &by_id(FRANK), &UserOp::EnableUser)
        .await
        .expect("enable");
    assert_eq!(enabled.user.enabled, Some(true));
    assert_eq!(
        account(&enabled.user),
        (Some(AccountStatus::Ok), false, Some(true))
    );
    assert_eq!(actions_on(&sim, 0, FRANK), ["USER.UPDATED", "USER.UPDATED"]);
    assert_eq!(sim.stats().get(Route::UserEnabled), 2);
}

#[tokio::test]
async fn resend_verification_requires_verification_again() {
    let (sim, client) = start().await;
    let frank = apply(&client, &by_id(FRANK), &UserOp::ResendVerification)
        .await
        .expect("resend");
    let lifecycle = frank.user.lifecycle.and_then(|l| l.status);
    assert_eq!(lifecycle, Some(LifecycleStatus::VerificationRequired));
    assert_eq!(
        sim.stats().get(Route::GetUser),
        0,
        "the answer is the record"
    );
    let read = client.get_user(FRANK).await.expect("read");
    assert_eq!(
        read.lifecycle.and_then(|l| l.status),
        Some(LifecycleStatus::VerificationRequired)
    );
    assert_eq!(actions_on(&sim, 0, FRANK), ["USER.UPDATED"]);
}

#[tokio::test]
async fn a_recovery_code_changes_nothing() {
    let (sim, client) = start().await;
    for id in [FRANK, HANK, IVY] {
        let user = client.get_user(id).await.expect("user");
        let password = client.password_state(id).await.expect("password");
        let skip = sim.audit().len();
        let applied = apply(&client, &by_id(id), &UserOp::SendRecoveryCode)
            .await
            .expect("sent");
        assert_eq!(applied.user, user, "{id}: the record is untouched");
        assert_eq!(applied.password, None, "{id}: a 204 carries no state");
        assert_eq!(client.password_state(id).await.expect("read"), password);
        assert_eq!(actions_on(&sim, skip, id), ["PASSWORD.RECOVERY"]);
    }
}

#[tokio::test]
async fn failed_password_checks_lock_the_password_and_the_account() {
    let (sim, client) = start().await;
    pingdesk::api::client::install_crypto_provider();
    let http = reqwest::Client::new();
    let url = format!("{}_sim/users/{FRANK}/password-checks", sim.base_url);
    let fail = |failures: u32| {
        http.post(&url)
            .json(&serde_json::json!({ "failures": failures }))
            .send()
    };
    let four = fail(4).await.expect("sent");
    assert_eq!(four.status().as_u16(), 200);
    let state: serde_json::Value = four.json().await.expect("JSON");
    assert_eq!(state["status"], "OK");
    let frank = client.get_user(FRANK).await.expect("frank");
    assert_eq!(
        account(&frank),
        (Some(AccountStatus::Ok), false, Some(true))
    );
    assert!(sim.audit().iter().all(|e| e.action != "USER.LOCKED"));

    let fifth = fail(1).await.expect("sent");
    let state: serde_json::Value = fifth.json().await.expect("JSON");
    assert_eq!(state["status"], "PASSWORD_LOCKED_OUT");
    let password = client.password_state(FRANK).await.expect("password");
    assert_eq!(password.status, PasswordStatus::LockedOut);
    let left = password
        .seconds_until_unlock
        .expect("the lockout ends by itself");
    assert!((895..=900).contains(&left), "{left}");
    let frank = client.get_user(FRANK).await.expect("frank");
    assert_eq!(
        account(&frank),
        (Some(AccountStatus::Locked), false, Some(false))
    );
    let actions: Vec<String> = sim.audit().into_iter().map(|e| e.action).collect();
    let mut expected = vec!["PASSWORD.CHECK_FAILED"; 5];
    expected.push("USER.LOCKED");
    assert_eq!(actions, expected);
    assert!(sim.audit().iter().all(|e| e.user_id == FRANK));
}
