//! The PingOne client against the simulator over real loopback HTTP: MFA devices (read, block,
//! unblock, locks that end by the clock), `mfaEnabled`, and sessions (read, revoke one, revoke
//! all). Each operation: the request it sends, what PingOne answers, the reads it leaves owed,
//! the audit events, and the refusals.

#[path = "common/raw.rs"]
mod raw;
#[path = "common/wire.rs"]
mod wire;

use pingdesk::api::{ApiClient, ErrorKind};
use pingdesk::desk::{Known, Sessions, Target, UserOp, Verdict, apply};
use pingdesk::pingone;
use pingdesk::pingone::device::{BlockStatus, DeviceStatus, LockStatus};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig};
use raw::Raw;
use wire::{demo_user as user, start};

#[tokio::test]
async fn devices_of_every_type_and_state_are_listed() {
    let (_sim, client) = start().await;
    let mut kinds = Vec::new();
    let (mut blocked, mut locked, mut inactive) = (0, 0, 0);
    for name in [
        "frank.ok",
        "wei.lin",
        "sobrien",
        "kat.devops",
        "ingrid.berg",
        "b.tran",
    ] {
        let user = user(&client, name).await;
        for device in client.devices(&user.id).await.expect("devices") {
            assert_eq!(
                device.user.as_ref().map(|u| u.id.as_str()),
                Some(user.id.as_str())
            );
            kinds.push(device.kind.clone());
            blocked += usize::from(device.is_blocked());
            locked += usize::from(device.locked_until(jiff::Timestamp::now()).is_some());
            inactive += usize::from(device.status == Some(DeviceStatus::ActivationRequired));
        }
    }
    for kind in [
        "SMS",
        "EMAIL",
        "VOICE",
        "TOTP",
        "MOBILE",
        "FIDO2",
        "OATH_TOKEN",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    assert!(
        blocked >= 2 && locked >= 2 && inactive >= 2,
        "{blocked} {locked} {inactive}"
    );
    let nobody = client.devices("no-such-user").await.expect_err("404");
    assert_eq!(nobody.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn unblocking_sends_one_request_and_the_device_comes_back() {
    let (sim, client) = start().await;
    let wei = user(&client, "wei.lin").await;
    let devices = client.devices(&wei.id).await.expect("devices");
    let blocked = devices
        .iter()
        .find(|d| d.is_blocked())
        .expect("a blocked device");
    let known = Known {
        devices: Some(&devices),
        ..Known::record(&wei, jiff::Timestamp::now())
    };
    assert!(
        Verdict::of(&known, 0).blocked(),
        "blocked: wei cannot sign in"
    );
    let op = UserOp::at(
        pingdesk::desk::OpKind::UnblockDevice,
        Target::Device(blocked.id.clone()),
    );
    let reads_before = sim.stats().get(Route::ReadDevices);
    let applied = apply(&client, &wei, &op).await.expect("unblock");
    assert_eq!(sim.stats().get(Route::DeviceAction), 1);
    assert_eq!(
        sim.stats().get(Route::ReadDevices),
        reads_before,
        "the answer is the device: nothing read again"
    );
    assert_eq!(
        sim.stats().get(Route::GetUser),
        0,
        "the user is not read again"
    );
    let after = applied.devices_after(Some(&devices)).expect("the device");
    let device = after
        .iter()
        .find(|d| d.id == blocked.id)
        .expect("same device");
    assert_eq!(
        device.block.as_ref().map(|b| &b.status),
        Some(&BlockStatus::Unblocked)
    );
    let known = Known {
        devices: Some(&after),
        ..Known::record(&wei, jiff::Timestamp::now())
    };
    assert!(Verdict::of(&known, 0).still(&op).is_none());
    let events: Vec<String> = sim.audit().into_iter().map(|e| e.action).collect();
    assert_eq!(events, [pingone::events::DEVICE_UNBLOCKED]);
    // Unblocking an unblocked device changes nothing and emits nothing (idempotent).
    let again = apply(&client, &wei, &op).await.expect("again");
    assert!(!again.devices.expect("the device")[0].is_blocked());
    assert_eq!(sim.audit().len(), 1);
    // Blocking it again: the same one request, the device comes back blocked with a date.
    let block = UserOp::at(
        pingdesk::desk::OpKind::BlockDevice,
        Target::Device(blocked.id.clone()),
    );
    let applied = apply(&client, &wei, &block).await.expect("block");
    let device = &applied.devices.expect("the device")[0];
    assert!(device.is_blocked());
    assert!(device.block.as_ref().and_then(|b| b.blocked_at).is_some());
    let last = sim.audit().pop().map(|e| e.action);
    assert_eq!(last.as_deref(), Some(pingone::events::DEVICE_BLOCKED));
}

#[tokio::test]
async fn device_actions_refuse_what_pingone_refuses() {
    let raw = Raw::start(0).await;
    let wei = raw.user_id("wei.lin").await;
    let devices = format!("users/{wei}/devices");
    let (_, list) = raw.get(&devices, &[]).await;
    let id = list["_embedded"]["devices"][0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let url = raw.url(&format!("{devices}/{id}"));
    let cases = [
        (
            "unknown device",
            raw.http
                .post(raw.url(&format!("{devices}/nope")))
                .header("content-type", pingone::MEDIA_DEVICE_BLOCK),
            404,
        ),
        ("no media type", raw.http.post(&url), 415),
        (
            "another action",
            raw.http.post(&url).header(
                "content-type",
                "application/vnd.pingidentity.device.activate+json",
            ),
            415,
        ),
        (
            "a body",
            raw.http
                .post(&url)
                .header("content-type", pingone::MEDIA_DEVICE_BLOCK)
                .body("{\"x\":1}"),
            400,
        ),
    ];
    for (what, request, expected) in cases {
        let (status, body) = raw.send(request).await;
        assert_eq!(status, expected, "{what}: {body}");
    }
    let (status, one) = raw.get(&format!("{devices}/{id}"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(one["id"], id.as_str());
    assert!(
        one["_links"]["self"]["href"]
            .as_str()
            .is_some_and(|h| h.ends_with(&id))
    );
}

#[tokio::test]
async fn a_device_lock_past_its_time_is_over() {
    let file = serde_json::json!({
        "environment": {"id": "e1", "name": "locks"},
        "populations": [{"id": "p1", "name": "Staff"}],
        "users": [{"id": "u1", "username": "ann", "email": "ann@example.com",
                   "population": {"id": "p1"}, "mfaEnabled": true}],
        "devices": [
            {"user": "ann", "id": "gone", "type": "SMS", "status": "ACTIVE",
             "lock": {"status": "LOCKED", "expiresAt": "now-1s"}},
            {"user": "ann", "id": "held", "type": "TOTP", "status": "ACTIVE",
             "lock": {"status": "LOCKED", "expiresAt": "now+10m"}}
        ]
    });
    let sim = sim::spawn(SimConfig {
        directory: Some(file.to_string()),
        ..SimConfig::default()
    })
    .await
    .expect("sim");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let devices = client.devices("u1").await.expect("devices");
    let status = |id: &str| {
        devices
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.lock.as_ref())
            .map(|l| l.status.clone())
    };
    assert_eq!(status("gone"), Some(LockStatus::Unlocked));
    assert_eq!(status("held"), Some(LockStatus::Locked));
}

#[tokio::test]
async fn mfa_is_turned_on_and_off_through_its_sub_resource() {
    let (sim, client) = start().await;
    let kwame = user(&client, "kwame.mensah").await;
    assert_eq!(kwame.mfa_enabled, Some(false));
    let applied = apply(&client, &kwame, &UserOp::EnableMfa)
        .await
        .expect("on");
    assert_eq!(
        applied.user.mfa_enabled,
        Some(true),
        "the user is read again"
    );
    assert_eq!(sim.stats().get(Route::MfaEnabled), 1);
    assert_eq!(
        sim.stats().get(Route::GetUser),
        1,
        "PUT answers {{mfaEnabled}}, not the user"
    );
    let applied = apply(&client, &applied.user, &UserOp::DisableMfa)
        .await
        .expect("off");
    assert_eq!(applied.user.mfa_enabled, Some(false));
    let raw = Raw::start(0).await;
    let id = raw.user_id("kwame.mensah").await;
    let (status, body) = raw.get(&format!("users/{id}/mfaEnabled"), &[]).await;
    assert_eq!(
        (status, &body["mfaEnabled"]),
        (200, &serde_json::json!(false))
    );
    let wrong = raw
        .http
        .put(raw.url(&format!("users/{id}/mfaEnabled")))
        .header("content-type", "application/json")
        .body("{\"enabled\": true}");
    assert_eq!(raw.send(wrong).await.0, 400);
}

#[tokio::test]
async fn a_403_on_devices_names_the_permission_and_leaves_the_rest_readable() {
    let (sim, client) = start().await;
    let frank = user(&client, "frank.ok").await;
    sim.add_fault(FaultRule::new(
        Route::ReadDevices,
        FaultKind::Status { status: 403 },
        1,
    ));
    let error = client.devices(&frank.id).await.expect_err("forbidden");
    assert_eq!(error.kind, ErrorKind::Forbidden);
    assert!(
        error.to_string().contains(pingone::PERMISSION_READ_DEVICES),
        "{error}"
    );
    assert!(client.sessions(&frank.id).await.is_ok());
    assert!(client.password_state(&frank.id).await.is_ok());
}

#[tokio::test]
async fn sessions_are_newest_first_and_at_most_ten() {
    let (_sim, client) = start().await;
    let kiosk = user(&client, "kiosk-sf-0412-backroom").await;
    let sessions = client.sessions(&kiosk.id).await.expect("sessions");
    assert_eq!(
        sessions.len(),
        pingone::session::MAX_SESSIONS,
        "12 in the file, 10 kept"
    );
    let created: Vec<_> = sessions.iter().map(|s| s.created_at).collect();
    assert!(
        created.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {created:?}"
    );
    let frank = user(&client, "frank.ok").await;
    let first = &client.sessions(&frank.id).await.expect("sessions")[0];
    assert_eq!(first.client(), "Chrome 126.0 on Mac OS X 14.5");
    assert!(first.last_place().is_some_and(|p| p.contains("london")));
    let raw = Raw::start(0).await;
    let path = format!("users/{}/sessions", frank.id);
    let (status, one) = raw.get(&format!("{path}/{}", first.id), &[]).await;
    assert_eq!((status, one["id"].as_str()), (200, Some(first.id.as_str())));
    assert_eq!(raw.get(&format!("{path}/nope"), &[]).await.0, 404);
}

#[tokio::test]
async fn revoking_one_session_is_one_delete_then_the_sessions_are_read() {
    let (sim, client) = start().await;
    let frank = user(&client, "frank.ok").await;
    let before = client.sessions(&frank.id).await.expect("sessions");
    let op = UserOp::RevokeSession {
        sessions: Sessions::One(before[0].id.clone()),
    };
    let applied = apply(&client, &frank, &op).await.expect("revoke");
    assert_eq!(sim.stats().get(Route::DeleteSession), 1);
    assert_eq!(
        sim.stats().get(Route::ReadSessions),
        2,
        "one before, one after"
    );
    let after = applied.sessions.expect("the sessions read after");
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|s| s.id != before[0].id));
    let events: Vec<String> = sim.audit().into_iter().map(|e| e.action).collect();
    assert_eq!(events, [pingone::events::SESSION_DELETED]);
    let gone = apply(&client, &frank, &op)
        .await
        .expect_err("already revoked");
    assert_eq!(gone.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn revoking_all_sessions_is_one_delete_each() {
    let (sim, client) = start().await;
    let kat = user(&client, "kat.devops").await;
    let ids = session_ids(&client, &kat.id).await;
    assert_eq!(ids.len(), 2);
    let op = UserOp::RevokeSession {
        sessions: Sessions::All(ids),
    };
    let applied = apply(&client, &kat, &op).await.expect("revoke all");
    assert_eq!(sim.stats().get(Route::DeleteSession), 2);
    assert!(applied.sessions.expect("read after").is_empty());
    assert!(applied.unknown.is_none());
}

#[tokio::test]
async fn a_revoke_of_all_that_stops_part_way_reports_what_a_fresh_read_lists() {
    let (sim, client) = start().await;
    let frank = user(&client, "frank.ok").await;
    let ids = session_ids(&client, &frank.id).await;
    assert_eq!(ids.len(), 3);
    // The first DELETE goes through (a rule that only waits), the second is refused.
    let passes = FaultKind::Delay { millis: 0 };
    sim.add_fault(FaultRule::new(Route::DeleteSession, passes, 1));
    let refused = FaultKind::Status { status: 403 };
    sim.add_fault(FaultRule::new(Route::DeleteSession, refused, 1));
    let op = UserOp::RevokeSession {
        sessions: Sessions::All(ids.clone()),
    };
    let applied = apply(&client, &frank, &op)
        .await
        .expect("what PingOne holds");
    assert_eq!(
        sim.stats().get(Route::DeleteSession),
        2,
        "stopped at the refusal"
    );
    let refusal = applied.unknown.as_ref().expect("stopped part way");
    assert_eq!(refusal.kind, ErrorKind::Forbidden);
    let left: Vec<&str> = applied
        .sessions
        .as_deref()
        .expect("the sessions read after")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(left, [ids[1].as_str(), ids[2].as_str()]);
}

/// The ids of user `id`'s sessions, newest first.
async fn session_ids(client: &ApiClient, id: &str) -> Vec<String> {
    let sessions = client.sessions(id).await.expect("sessions");
    sessions.into_iter().map(|s| s.id).collect()
}
