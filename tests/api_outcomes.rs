//! Writes whose answer is lost, client ↔ simulator over loopback HTTP: for every operation and
//! for creating a user, an answer held back past the client's timeout, a connection broken after
//! the change was made, and one broken before it. Each write is sent exactly once (a retry fails
//! these tests), the user (and the password, for password operations) is read again, and what
//! that read shows is what PingOne holds.

#[path = "common/demo.rs"]
mod demo;

use std::time::Duration;

use demo::*;
use pingdesk::api::{ApiClient, ApiError, ErrorKind, UserQuery};
use pingdesk::desk::{Needs, OpKind, Seen, UserOp, apply, lost_answer};
use pingdesk::pingone::user::NewUser;
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};

/// How long the client waits for an answer; a stalled answer comes much later.
const TIMEOUT: Duration = Duration::from_millis(400);
const STALL_MILLIS: u64 = 5_000;

/// The ways an answer is lost, and whether the change was made before it was.
fn faults() -> [(FaultKind, bool); 3] {
    [
        (
            FaultKind::Stall {
                millis: STALL_MILLIS,
            },
            true,
        ),
        (FaultKind::Disconnect { applied: true }, true),
        (FaultKind::Disconnect { applied: false }, false),
    ]
}

/// A fresh simulator and a client that gives up after [`TIMEOUT`], its token already fetched.
async fn start() -> (SimHandle, ApiClient) {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let mut config = pingdesk::connect::simulator_config(&sim);
    config.request_timeout = TIMEOUT;
    let client = ApiClient::new(config).expect("client");
    client.get_user(FRANK).await.expect("warm: a token");
    (sim, client)
}

/// Whether `error` is a lost answer of the right kind for `fault`.
fn lost_as(fault: &FaultKind, error: &ApiError) -> bool {
    match fault {
        FaultKind::Stall { .. } => error.kind == ErrorKind::Timeout,
        _ => matches!(error.kind, ErrorKind::Network | ErrorKind::Decode),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_whose_answer_is_lost_is_sent_once_then_read() {
    for &kind in OpKind::all() {
        for (fault, applied) in faults() {
            let (sim, client) = start().await;
            let (id, aimed, route) = target(kind);
            let op = UserOp::at(kind, aimed);
            sim.add_fault(FaultRule::new(route, fault.clone(), 1));
            let events = sim.audit().len();
            let user = client.get_user(id).await.expect("user");
            let before = sim.stats().snapshot();
            let result = apply(&client, &user, &op)
                .await
                .unwrap_or_else(|e| panic!("{kind:?} {fault:?}: Ok with a fresh read, not {e}"));
            let case = format!("{kind:?} with {fault:?}");
            let unknown = result
                .unknown
                .as_ref()
                .unwrap_or_else(|| panic!("{case}: the outcome must be unknown"));
            assert!(lost_as(&fault, unknown), "{case}: {unknown:?}");
            assert!(lost_answer(&op, unknown), "{case}");
            let mut expected = vec![(Route::GetUser, 1), (route, 1)];
            if op.needs_password() {
                expected.push((Route::ReadPassword, 1));
            }
            match kind.target() {
                Needs::Device => expected.push((Route::ReadDevices, 1)),
                Needs::Session => expected.push((Route::ReadSessions, 1)),
                Needs::User => {}
            }
            expected.sort_by_key(|(r, _)| Route::ALL.iter().position(|a| a == r));
            assert_eq!(
                since(&sim, &before),
                expected,
                "{case}: the write sent once, never again; then the reads"
            );
            assert_eq!(
                sim.audit().len() > events,
                applied,
                "{case}: changed only when the fault let it through"
            );
            let fresh = client.get_user(id).await.expect("read");
            assert_eq!(result.user, fresh, "{case}: what PingOne holds now");
            let seen = op.seen(&result.known(jiff::Timestamp::now()));
            match (kind, applied) {
                (OpKind::SendRecoveryCode | OpKind::ResendVerification, _) => {
                    assert!(matches!(seen, Seen::Unseen(_)), "{case}: {seen:?}");
                }
                (_, true) => assert!(matches!(seen, Seen::Done(_)), "{case}: {seen:?}"),
                (_, false) => assert!(matches!(seen, Seen::NotDone(_)), "{case}: {seen:?}"),
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_whose_answer_is_lost_is_never_sent_again() {
    let cases = [
        (FaultKind::Truncated, true),
        (
            FaultKind::Stall {
                millis: STALL_MILLIS,
            },
            true,
        ),
        (FaultKind::Disconnect { applied: true }, true),
        (FaultKind::Disconnect { applied: false }, false),
    ];
    for (i, (fault, applied)) in cases.into_iter().enumerate() {
        let (sim, client) = start().await;
        sim.add_fault(FaultRule::new(Route::CreateUser, fault.clone(), 1));
        let username = format!("new.hire{i}");
        let new = NewUser {
            username: username.clone(),
            email: format!("{username}@example.com"),
            ..NewUser::default()
        };
        let error = client
            .create_user(&new)
            .await
            .expect_err("the answer is lost");
        assert!(error.outcome_unknown(), "{fault:?}: {error:?}");
        assert_eq!(
            sim.stats().get(Route::CreateUser),
            1,
            "{fault:?}: sent once, never retried"
        );
        let found = client
            .find_users(&UserQuery::exact(&username), 5)
            .await
            .expect("search");
        assert_eq!(found.users.len(), usize::from(applied), "{fault:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_are_retried_after_a_broken_connection() {
    let (sim, client) = start().await;
    let before = sim.stats().snapshot();
    sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Disconnect { applied: false },
        2,
    ));
    let user = client.get_user(ALICE).await.expect("read on the third try");
    assert_eq!(user.id, ALICE);
    assert_eq!(since(&sim, &before), [(Route::GetUser, 3)]);
    sim.add_fault(FaultRule::new(
        Route::ListUsers,
        FaultKind::Disconnect { applied: false },
        1,
    ));
    let page = client
        .find_users(&UserQuery::from_input("alice"), 5)
        .await
        .expect("search on the second try");
    assert!(!page.users.is_empty());
}
