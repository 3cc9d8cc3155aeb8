//! Writes whose answer is lost, client ↔ simulator over loopback HTTP: for every operation and
//! for creating a user, an answer held back past the client's timeout, a connection broken after
//! the change was made, and one broken before it. Each write is sent exactly once (a retry fails
//! these tests), the user (and the password, for password operations) is read again, and what
//! that read shows is what PingOne holds.

use std::collections::HashMap;
use std::time::Duration;

use pingdesk::api::{ApiClient, ApiError, ErrorKind, UserQuery};
use pingdesk::desk::{OpKind, Seen, UserOp, apply, lost_answer};
use pingdesk::pingone::user::NewUser;
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};

const ALICE: &str = "c49f2481-a62c-4e72-a451-dee7c524bf53";
const CAROL: &str = "25fd2bf1-b169-4cb0-a006-387eb71d1e03";
const DAVE: &str = "a7a66baf-633c-4f93-b70d-af97b604a226";
const ERIN: &str = "0f92d175-ff20-4515-9931-343f508ba56a";
const FRANK: &str = "0a3356ea-7a8b-4a2f-9344-91878c54a02c";
const GINA: &str = "5b1c3f0e-8d2a-4c77-9e41-2a7d0c6b9f13";
const HANK: &str = "9e7d2c41-3b5a-4f08-8c6e-71d4a0b2e5f6";

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

/// Requests per route since `before`, tokens aside, zeros left out.
fn since(sim: &SimHandle, before: &HashMap<Route, u64>) -> Vec<(Route, u64)> {
    Route::ALL
        .into_iter()
        .filter(|route| *route != Route::Token)
        .map(|route| (route, sim.stats().get(route) - before[&route]))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The demo user each operation is tried on, and its write route.
fn target(kind: OpKind) -> (&'static str, Route) {
    match kind {
        OpKind::UnlockAccount => (ALICE, Route::UserAction),
        OpKind::LockAccount => (FRANK, Route::UserAction),
        OpKind::UnlockPassword => (CAROL, Route::PasswordAction),
        OpKind::ForcePasswordChange => (GINA, Route::PasswordAction),
        OpKind::SendRecoveryCode => (HANK, Route::PasswordAction),
        OpKind::EnableUser => (DAVE, Route::UserEnabled),
        OpKind::DisableUser => (FRANK, Route::UserEnabled),
        OpKind::ResendVerification => (ERIN, Route::UserAction),
    }
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
            let (id, route) = target(kind);
            let op = UserOp::of(kind);
            sim.add_fault(FaultRule::new(route, fault.clone(), 1));
            let events = sim.audit().len();
            let before = sim.stats().snapshot();
            let result = apply(&client, id, &op)
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
            let seen = op.seen(&result.user, result.password.as_ref());
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
