//! The action journal around real operations over loopback HTTP: intent then outcome with every
//! field, the ticket as `X-Ping-External-Transaction-Id` in PingOne's audit, a journal that
//! cannot be written refusing the write, a required ticket, syslog (RFC 5424) on a socket the
//! test binds, and re-reading the user of an intent a crashed run left behind; operations on a
//! device or on every session journaled once, with what they act on.

#[path = "common/demo.rs"]
mod demo;
#[path = "common/incident.rs"]
mod incident;

use incident::scratch;
use std::path::PathBuf;

use pingdesk::api::ApiClient;
use pingdesk::desk::Applied;
use pingdesk::desk::journal::{Ending, Phase, Record, Settings, Subject, Who};
use pingdesk::desk::journaled::{self, Done, OpError};
use pingdesk::desk::{Journal, OpKind, Target, UserOp};
use pingdesk::pingone::User;
use pingdesk::sim::{self, Route, SimConfig, SimHandle};

use demo::{ALICE, FRANK, WEI, WEI_SMS};

async fn start() -> (SimHandle, ApiClient) {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    (sim, client)
}

fn journal(path: PathBuf, client: &ApiClient, syslog: Option<PathBuf>, require: bool) -> Journal {
    let mut who = Who::here(client.environment_id(), client.actor(), client.session_id());
    who.profile = Some("lab".into());
    who.ssh_origin = Some("203.0.113.5:52311".into());
    Journal::new(
        Settings {
            path,
            syslog,
            require_ticket: require,
        },
        who,
    )
}

/// The journal at `path` of a run that died after writing its intents: another pid, which no
/// process has.
fn dead_run(path: PathBuf, client: &ApiClient) -> Journal {
    let mut dead = Who::here(client.environment_id(), client.actor(), "pingdesk-dead-run");
    dead.pid = u32::MAX - 11;
    Journal::new(
        Settings {
            path,
            syslog: None,
            require_ticket: false,
        },
        dead,
    )
}

/// alice.locked, and her state as the journal's subject.
async fn alice(client: &ApiClient) -> (User, Subject) {
    let user = client.get_user(ALICE).await.expect("alice");
    let subject = Subject::of(&user, None);
    (user, subject)
}

/// Unlocks alice's account through `journal` with `ticket`.
async fn unlock_alice(
    journal: &Journal,
    client: &ApiClient,
    ticket: Option<&str>,
) -> Done<Applied> {
    let (user, subject) = alice(client).await;
    journaled::apply(
        journal,
        client,
        &user,
        &subject,
        &UserOp::UnlockAccount,
        ticket,
    )
    .await
}

#[tokio::test]
async fn an_operation_is_journaled_before_and_after_with_its_ticket() {
    let (sim, client) = start().await;
    let dir = scratch("journal-fields");
    let journal = journal(dir.join("j.jsonl"), &client, None, false);
    let done = unlock_alice(&journal, &client, Some("INC 42: lockout ✓")).await;
    assert!(done.unrecorded.is_none());
    let applied = done.result.expect("applied");
    assert!(!applied.user.is_locked());
    let records = journal.read().expect("read");
    let [intent, outcome]: [Record; 2] = records.try_into().expect("two records");
    assert_eq!(
        (intent.phase, outcome.phase),
        (Phase::Intent, Phase::Outcome)
    );
    assert_eq!(intent.op_id, outcome.op_id);
    assert!(intent.time <= outcome.time);
    assert_eq!(intent.operation, "unlock");
    assert_eq!(
        (intent.user_id.as_str(), intent.username.as_str()),
        (ALICE, "alice.locked")
    );
    assert_eq!(intent.ticket.as_deref(), Some("INC 42: lockout ✓"));
    assert_eq!(intent.transaction_id, "INC_42__lockout__");
    assert_eq!(intent.who.environment, sim.environment_id);
    assert_eq!(intent.who.client_id, sim.client_id);
    assert_eq!(intent.who.profile.as_deref(), Some("lab"));
    assert_eq!(intent.who.ssh_origin.as_deref(), Some("203.0.113.5:52311"));
    assert_eq!(intent.who.session_id, client.session_id());
    assert_eq!(intent.who.pid, std::process::id());
    let before = intent.before.as_ref().expect("state before");
    assert_eq!(before.account.as_deref(), Some("LOCKED"));
    assert!(before.locked_at.is_some());
    assert_eq!(outcome.result, Some(Ending::Ok));
    assert_eq!(
        outcome.after.as_ref().and_then(|a| a.account.as_deref()),
        Some("OK")
    );
    assert_eq!(outcome.correlation_id, applied.correlation_id);
    // PingOne's own audit carries the ticket and the session.
    let event = sim.audit().pop().expect("an event");
    assert_eq!(event.action, "USER.UNLOCKED");
    assert_eq!(
        event.external_transaction_id.as_deref(),
        Some("INC_42__lockout__")
    );
    assert_eq!(
        event.external_session_id.as_deref(),
        Some(client.session_id())
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_refusal_is_journaled_with_pingones_code_and_correlation_id() {
    let (_sim, client) = start().await;
    let dir = scratch("journal-failed");
    let journal = journal(dir.join("j.jsonl"), &client, None, false);
    let frank = client
        .find_users(&pingdesk::api::UserQuery::exact("frank.ok"), 1)
        .await
        .expect("frank")
        .users
        .remove(0);
    let subject = Subject::of(&frank, None);
    let user = frank;
    let done = journaled::apply(
        &journal,
        &client,
        &user,
        &subject,
        &UserOp::UnlockPassword,
        None,
    )
    .await;
    assert!(matches!(done.result, Err(OpError::Api(_))));
    let outcome = journal.read().expect("read").pop().expect("outcome");
    assert_eq!(outcome.result, Some(Ending::Failed));
    let error = outcome.error.expect("error");
    assert_eq!(error.status, Some(400));
    assert_eq!(error.code.as_deref(), Some("REQUEST_FAILED"));
    assert!(outcome.correlation_id.is_some());
    assert!(
        outcome.transaction_id.starts_with("pingdesk-"),
        "a generated id without a ticket"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_journal_that_cannot_be_written_refuses_the_write() {
    let (sim, client) = start().await;
    let dir = scratch("journal-unwritable");
    // A directory where the file should be: nothing can be appended to it.
    let path = dir.join("journal.jsonl");
    std::fs::create_dir_all(&path).expect("a directory in the way");
    let journal = journal(path, &client, None, false);
    let done = unlock_alice(&journal, &client, None).await;
    let Err(OpError::Refused(why)) = done.result else {
        panic!("refused: {:?}", done.result)
    };
    assert!(why.contains("cannot be written"), "{why}");
    assert_eq!(
        sim.stats().get(Route::UserAction),
        0,
        "nothing reached PingOne"
    );
    assert!(client.get_user(ALICE).await.expect("alice").is_locked());
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_required_ticket_refuses_a_change_without_one() {
    let (sim, client) = start().await;
    let dir = scratch("journal-ticket");
    let journal = journal(dir.join("j.jsonl"), &client, None, true);
    let done = unlock_alice(&journal, &client, Some("  ")).await;
    assert!(matches!(&done.result, Err(OpError::Refused(why)) if why.contains("ticket")));
    assert_eq!(sim.stats().get(Route::UserAction), 0);
    assert!(journal.read().expect("read").is_empty());
    let done = unlock_alice(&journal, &client, Some("CHG-1")).await;
    assert!(done.result.is_ok());
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(unix)]
#[tokio::test]
async fn records_go_to_syslog_as_rfc_5424() {
    let (_sim, client) = start().await;
    let dir = scratch("journal-syslog");
    let socket = dir.join("log.sock");
    let listener = std::os::unix::net::UnixDatagram::bind(&socket).expect("bound");
    listener
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let journal = journal(dir.join("j.jsonl"), &client, Some(socket), false);
    let done = unlock_alice(&journal, &client, Some("T-1")).await;
    assert!(done.result.is_ok());
    let mut buf = vec![0_u8; 65536];
    let mut messages = Vec::new();
    for _ in 0..2 {
        let n = listener.recv(&mut buf).expect("a datagram");
        messages.push(String::from_utf8_lossy(&buf[..n]).into_owned());
    }
    let records = journal.read().expect("read");
    for (message, record) in messages.iter().zip(&records) {
        // <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG; authpriv.notice = 85.
        assert!(message.starts_with("<85>1 "), "{message}");
        let fields: Vec<&str> = message.splitn(8, ' ').collect();
        assert_eq!(fields[3], "pingdesk");
        assert_eq!(fields[4], std::process::id().to_string());
        assert!(fields[6].starts_with("[pingdesk@32473"), "{message}");
        assert!(message.contains(r#" ticket="T-1""#), "{message}");
        assert!(message.contains(r#" username="alice.locked""#), "{message}");
        let json = &message[message.find("] {").expect("the record") + 2..];
        let sent: Record = serde_json::from_str(json).expect("the record as JSON");
        assert_eq!(&sent, record);
    }
    assert!(messages[0].contains(" intent "));
    assert!(messages[1].contains(r#" result="ok""#));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn an_intent_left_by_a_dead_run_is_reread_and_resolved() {
    let (_sim, client) = start().await;
    let dir = scratch("journal-unresolved");
    let path = dir.join("j.jsonl");
    let crashed = dead_run(path.clone(), &client);
    let (_, subject) = alice(&client).await;
    crashed
        .begin(&subject, &UserOp::UnlockAccount, Some("INC-9"))
        .await
        .expect("intent written");
    let journal = journal(path, &client, None, false);
    let open = journal.unresolved().expect("read");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].ticket.as_deref(), Some("INC-9"));
    let reread = journaled::reread(&journal, &client, &open).await;
    assert_eq!(reread.len(), 1);
    assert!(reread[0].recorded);
    assert!(
        reread[0].text.starts_with(
            "Outcome unknown (unlock account sent by a run that ended before PingOne answered; not sent again)"
        ),
        "{}",
        reread[0].text
    );
    assert!(
        reread[0].text.contains(
            "alice.locked: cannot sign in: account locked by an admin — the account is still LOCKED"
        ),
        "what a read shows now, and whether it shows the change: {}",
        reread[0].text
    );
    assert!(journal.unresolved().expect("read").is_empty(), "resolved");
    let outcome = journal.read().expect("read").pop().expect("outcome");
    assert_eq!(outcome.result, Some(Ending::Unknown));
    assert!(outcome.note.is_some());
    assert_eq!(
        outcome.after.and_then(|a| a.account),
        Some("LOCKED".to_owned()),
        "what PingOne shows now"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn revoking_every_session_is_one_operation_naming_them_each_delete_with_the_ticket() {
    let (sim, client) = start().await;
    let dir = scratch("journal-revoke-all");
    let journal = journal(dir.join("j.jsonl"), &client, None, false);
    let frank = client.get_user(FRANK).await.expect("frank");
    let ids: Vec<String> = client
        .sessions(FRANK)
        .await
        .expect("sessions")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert!(ids.len() > 1, "{ids:?}");
    let all = Target::AllSessions(ids.clone());
    let op = UserOp::at(OpKind::RevokeSession, all.clone());
    let subject = Subject::of(&frank, None);
    let done = journaled::apply(&journal, &client, &frank, &subject, &op, Some("CHG-7")).await;
    let applied = done.result.expect("revoked");
    assert_eq!(applied.sessions.as_deref().map(<[_]>::len), Some(0));
    let [intent, outcome]: [Record; 2] = journal
        .read()
        .expect("read")
        .try_into()
        .expect("one intent and one outcome for every DELETE");
    assert_eq!(intent.operation, "revoke-session");
    assert_eq!(intent.target, Some(all));
    assert_eq!(outcome.result, Some(Ending::Ok));
    assert_eq!(sim.stats().get(Route::DeleteSession), ids.len() as u64);
    let deleted: Vec<Option<String>> = sim
        .audit()
        .into_iter()
        .filter(|e| e.action == "SESSION.DELETED")
        .map(|e| e.external_transaction_id)
        .collect();
    assert_eq!(deleted, vec![Some("CHG-7".to_owned()); ids.len()]);
    let line = std::fs::read_to_string(journal.path()).expect("the file");
    assert!(line.contains(r#""target":{"all_sessions":["#), "{line}");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn an_unblock_a_dead_run_left_is_reread_with_its_device() {
    let (_sim, client) = start().await;
    let dir = scratch("journal-unblock-unresolved");
    let path = dir.join("j.jsonl");
    let crashed = dead_run(path.clone(), &client);
    let wei = client.get_user(WEI).await.expect("wei");
    let op = UserOp::at(OpKind::UnblockDevice, Target::Device(WEI_SMS.into()));
    crashed
        .begin(&Subject::of(&wei, None), &op, None)
        .await
        .expect("intent written");
    let journal = journal(path, &client, None, false);
    let open = journal.unresolved().expect("read");
    assert_eq!(open[0].target, Some(Target::Device(WEI_SMS.into())));
    assert_eq!(
        open[0].op(OpKind::UnblockDevice),
        op,
        "the operation as it was sent"
    );
    let reread = journaled::reread(&journal, &client, &open).await;
    assert!(reread[0].recorded);
    assert!(
        reread[0].text.contains("the MFA device SMS")
            && reread[0].text.contains("is still BLOCKED"),
        "the device read again: {}",
        reread[0].text
    );
    let _ = std::fs::remove_dir_all(dir);
}
