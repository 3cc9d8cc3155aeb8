//! The operations when PingOne says no, or when its answer is lost: the refusals PingOne documents
//! (through the typed client, and raw requests where the client cannot make the bad request), and
//! writes whose outcome is unknown: sent once, never retried, then a read of what PingOne holds.

#[path = "common/demo.rs"]
mod demo;
#[path = "common/wire.rs"]
mod wire;

use std::time::Duration;

use demo::*;
use pingdesk::api::{ApiClient, ErrorKind};
use pingdesk::desk::{Needs, OpKind, Target, UserOp, apply};
use pingdesk::pingone::user::{AccountStatus, LifecycleStatus};
use pingdesk::pingone::{self, PasswordStatus, User};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};
use wire::start;

/// `user.account.status`.
fn status(user: &User) -> Option<AccountStatus> {
    user.account.as_ref().and_then(|a| a.status.clone())
}

/// Applies `op` to `id` and checks PingOne refused it with 400 and `code`, changing nothing.
async fn refused(sim: &SimHandle, client: &ApiClient, id: &str, op: UserOp, code: &str) {
    let events = sim.audit().len();
    let error = apply(client, &by_id(id), &op).await.expect_err("refused");
    assert_eq!(error.status, Some(400), "{op:?} on {id}: {error}");
    assert_eq!(error.kind, ErrorKind::Rejected, "{op:?} on {id}");
    let body = error.body.as_ref().expect("PingOne's error body");
    assert_eq!(body.code, code, "{op:?} on {id}");
    assert!(error.correlation_id.is_some());
    assert_eq!(
        sim.audit().len(),
        events,
        "{op:?} on {id}: nothing recorded"
    );
}

#[tokio::test]
async fn password_actions_on_an_external_idp_user_fail() {
    let (sim, client) = start().await;
    for kind in [
        OpKind::UnlockPassword,
        OpKind::ForcePasswordChange,
        OpKind::SendRecoveryCode,
    ] {
        refused(&sim, &client, SOFIA, UserOp::of(kind), "REQUEST_FAILED").await;
    }
    assert_eq!(sim.stats().get(Route::PasswordAction), 3);
    assert_eq!(
        sim.stats().get(Route::GetUser),
        0,
        "no read after a refusal"
    );
    let password = client.password_state(SOFIA).await.expect("read");
    assert_eq!(password.status, PasswordStatus::NoPassword);
}

#[tokio::test]
async fn password_actions_refused_in_the_wrong_state() {
    let (sim, client) = start().await;
    let disabled = client.password_state(DAVE).await.expect("dave");
    assert_eq!(
        disabled.status,
        PasswordStatus::Ok,
        "only the user is wrong"
    );
    let cases = [
        (DAVE, OpKind::SendRecoveryCode),
        (CAROL, OpKind::SendRecoveryCode),
        (GINA, OpKind::SendRecoveryCode),
        (JUDY, OpKind::SendRecoveryCode),
        (FRANK, OpKind::UnlockPassword),
        (JUDY, OpKind::ForcePasswordChange),
        (KEN, OpKind::ForcePasswordChange),
    ];
    for (id, kind) in cases {
        refused(&sim, &client, id, UserOp::of(kind), "REQUEST_FAILED").await;
    }
    let carol = client.password_state(CAROL).await.expect("carol");
    assert_eq!(carol.status, PasswordStatus::LockedOut, "still locked out");
}

/// Sends `request` with `token`: the status and the body as JSON (`Null` when empty).
async fn send(request: reqwest::RequestBuilder, token: &str) -> (u16, serde_json::Value) {
    let response = request.bearer_auth(token).send().await.expect("sent");
    let status = response.status().as_u16();
    assert!(
        response.headers().contains_key("correlation-id"),
        "{status}"
    );
    let bytes = response.bytes().await.expect("body");
    let body = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("a JSON body")
    };
    (status, body)
}

#[tokio::test]
async fn raw_requests_the_client_never_makes_are_refused() {
    let (sim, _client) = start().await;
    let http = wire::http();
    let token = wire::token(&sim, &http).await;
    let user = |id: &str, sub: &str| {
        format!(
            "{}v1/environments/{}/users/{id}/{sub}",
            sim.base_url, sim.environment_id
        )
    };
    let post_password = |types: &[&str]| {
        let mut request = http.post(user(CAROL, "password"));
        for media in types {
            request = request.header(reqwest::header::CONTENT_TYPE, *media);
        }
        request
    };
    for types in [
        &[][..],
        &["application/vnd.pingidentity.password.frobnicate+json"][..],
        &[pingone::MEDIA_ACCOUNT_UNLOCK][..],
        &[
            pingone::MEDIA_PASSWORD_UNLOCK,
            pingone::MEDIA_PASSWORD_UNLOCK,
        ][..],
        &["application/json", pingone::MEDIA_PASSWORD_UNLOCK][..],
    ] {
        let (status, body) = send(post_password(types), &token).await;
        assert_eq!(status, 415, "{types:?}");
        assert_eq!(body["code"], "INVALID_REQUEST", "{types:?}");
    }
    let (status, body) = send(
        post_password(&[pingone::MEDIA_PASSWORD_UNLOCK]).body("{\"x\":1}"),
        &token,
    )
    .await;
    assert_eq!((status, &body["code"]), (400, &"INVALID_DATA".into()));
    assert!(sim.audit().is_empty(), "nothing refused was applied");

    let put = |body: &'static str| {
        http.put(user(FRANK, "enabled"))
            .header(reqwest::header::CONTENT_TYPE, pingone::MEDIA_JSON)
            .body(body)
    };
    for bad in [
        "",
        "{}",
        "{\"enabled\":\"no\"}",
        "{\"enabled\":false,\"x\":1}",
    ] {
        let (status, body) = send(put(bad), &token).await;
        assert_eq!(status, 400, "{bad:?}");
        assert_eq!(body["code"], "INVALID_DATA", "{bad:?}");
        assert_eq!(body["details"][0]["target"], "enabled", "{bad:?}");
    }
    let as_text = put("{\"enabled\":false}").header(reqwest::header::CONTENT_TYPE, "text/plain");
    assert_eq!(send(as_text, &token).await.0, 415, "two Content-Types");
    let (status, body) = send(http.get(user(FRANK, "enabled")), &token).await;
    assert_eq!((status, &body["enabled"]), (200, &true.into()), "unchanged");

    // Well-formed ones: 200 with the state (media types compare case-insensitively), 204 for a
    // code (sent in PingOne's camelCase spelling).
    let shouted = pingone::MEDIA_PASSWORD_UNLOCK.to_ascii_uppercase();
    let (status, body) = send(post_password(&[shouted.as_str()]), &token).await;
    assert_eq!((status, &body["status"]), (200, &"OK".into()));
    let recovery = http.post(user(HANK, "password")).header(
        reqwest::header::CONTENT_TYPE,
        pingone::MEDIA_PASSWORD_SEND_RECOVERY_CODE,
    );
    assert_eq!(send(recovery, &token).await, (204, serde_json::Value::Null));
}

#[tokio::test]
async fn a_truncated_answer_is_an_unknown_outcome_followed_by_a_read() {
    for &kind in OpKind::all() {
        let (sim, client) = start().await;
        let (id, aimed, route) = target(kind);
        let op = UserOp::at(kind, aimed);
        sim.add_fault(FaultRule {
            route: Some(route),
            kind: FaultKind::Truncated,
            times: Some(1),
        });
        let user = client.get_user(id).await.expect("user");
        let before = sim.stats().snapshot();
        let applied = apply(&client, &user, &op)
            .await
            .expect("Ok, with what PingOne holds");
        let mut reads = vec![(Route::GetUser, 1), (route, 1)];
        if op.needs_password() {
            reads.push((Route::ReadPassword, 1));
        }
        match kind.target() {
            Needs::Device => reads.push((Route::ReadDevices, 1)),
            Needs::Session => reads.push((Route::ReadSessions, 1)),
            Needs::User => {}
        }
        reads.sort_by_key(|(r, _)| Route::ALL.iter().position(|a| a == r));
        if matches!(kind, OpKind::SendRecoveryCode | OpKind::RevokeSession) {
            // A 204 has no body to cut short: the answer is complete (and, for a revoke, the
            // sessions are read as after any).
            assert!(applied.unknown.is_none(), "{kind:?}");
            let read = if kind == OpKind::RevokeSession {
                Route::ReadSessions
            } else {
                Route::GetUser
            };
            assert_eq!(since(&sim, &before), [(read, 1), (route, 1)], "{kind:?}");
            continue;
        }
        let Some(unknown) = applied.unknown.as_ref() else {
            panic!("{kind:?}: a cut-short answer must leave the outcome unknown");
        };
        assert_eq!(unknown.kind, ErrorKind::Decode, "{kind:?}");
        assert_eq!(
            since(&sim, &before),
            reads,
            "{kind:?}: sent once, then read"
        );
        assert_eq!(
            applied.user,
            client.get_user(id).await.expect("read"),
            "{kind:?}"
        );
        let user = &applied.user;
        let password = applied.password.as_ref().map(|p| &p.status);
        match kind {
            OpKind::UnlockAccount => assert_eq!(status(user), Some(AccountStatus::Ok)),
            OpKind::LockAccount => assert_eq!(status(user), Some(AccountStatus::Locked)),
            OpKind::UnlockPassword => {
                assert_eq!(password, Some(&PasswordStatus::Ok));
                assert_eq!(status(user), Some(AccountStatus::Ok));
            }
            OpKind::ForcePasswordChange => assert_eq!(password, Some(&PasswordStatus::MustChange)),
            OpKind::EnableUser => assert_eq!(user.enabled, Some(true)),
            OpKind::DisableUser => assert_eq!(user.enabled, Some(false)),
            OpKind::ResendVerification => assert_eq!(
                user.lifecycle.as_ref().and_then(|l| l.status.clone()),
                Some(LifecycleStatus::VerificationRequired)
            ),
            OpKind::UnblockDevice | OpKind::BlockDevice => {
                let blocked = applied
                    .devices
                    .as_ref()
                    .and_then(|all| {
                        all.iter()
                            .find(|d| Target::Device(d.id.clone()) == op.target())
                    })
                    .map(pingdesk::pingone::Device::is_blocked);
                assert_eq!(blocked, Some(kind == OpKind::BlockDevice), "{kind:?}");
            }
            OpKind::EnableMfa => assert_eq!(user.mfa_enabled, Some(true)),
            OpKind::DisableMfa => assert_eq!(user.mfa_enabled, Some(false)),
            OpKind::SendRecoveryCode | OpKind::RevokeSession => unreachable!("handled above"),
        }
    }
}

#[tokio::test]
async fn a_timed_out_recovery_code_is_an_unknown_outcome_never_retried() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let mut config = pingdesk::connect::simulator_config(&sim);
    config.request_timeout = Duration::from_millis(300);
    let client = ApiClient::new(config).expect("client");
    client.get_user(HANK).await.expect("warm: token fetched");
    sim.add_fault(FaultRule {
        route: Some(Route::PasswordAction),
        kind: FaultKind::Delay { millis: 2_000 },
        times: Some(1),
    });
    let before = sim.stats().snapshot();
    let applied = apply(&client, &by_id(HANK), &UserOp::SendRecoveryCode)
        .await
        .expect("Ok, with what PingOne holds");
    let unknown = applied.unknown.as_ref().expect("unknown outcome");
    assert_eq!(unknown.kind, ErrorKind::Timeout);
    assert_eq!(
        since(&sim, &before),
        [
            (Route::GetUser, 1),
            (Route::ReadPassword, 1),
            (Route::PasswordAction, 1)
        ],
        "sent once, then the user and the password read"
    );
    assert_eq!(
        applied.password.map(|p| p.status),
        Some(PasswordStatus::Expired)
    );
}
