//! The bulk unlock runner against the simulator over loopback HTTP: a staged incident unlocked
//! through injected `429`s and `5xx`s and through the simulator's own rate limit; no user sent
//! twice (PingOne's audit has at most one unlock per user), every user accounted for, every one
//! journaled; a stop sends nothing more.

#[path = "common/incident.rs"]
mod incident;

use incident::{scratch, stage};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use pingdesk::api::{ApiClient, UserQuery};
use pingdesk::desk::bulk::{self, End, Item, Report};
use pingdesk::desk::journal::{Ending, Phase, Settings, Who};
use pingdesk::desk::{Journal, UserOp};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};

/// A simulator with `generated` extra users and `incident` of them locked by failed checks;
/// a client; the staged users as bulk items (read as the queue reads them).
async fn staged(config: SimConfig, incident: usize) -> (SimHandle, ApiClient, Vec<Item>) {
    let sim = sim::spawn(config).await.expect("simulator");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let mut items = Vec::new();
    for (id, _) in stage(&sim, incident).await {
        let record = client.get_user(&id).await.expect("user");
        let password = client.password_state(&id).await.expect("password");
        items.push(Item::unlock(&record, Some(&password)).expect("locked"));
    }
    assert_eq!(items.len(), incident);
    // Staging read every user: let a rate-limited simulator's bucket fill again (at most 1 s).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    (sim, client, items)
}

fn journal_at(path: PathBuf, client: &ApiClient) -> Journal {
    Journal::new(
        Settings {
            path,
            syslog: None,
            require_ticket: false,
        },
        Who::here(client.environment_id(), client.actor(), client.session_id()),
    )
}

/// Password unlocks per user in PingOne's audit (each staged user needs exactly one).
fn unlocks_per_user(sim: &SimHandle) -> HashMap<String, usize> {
    let mut per_user = HashMap::new();
    for event in sim.audit() {
        if event.action == "PASSWORD.UNLOCKED" {
            *per_user.entry(event.user_id).or_insert(0) += 1;
        }
    }
    per_user
}

async fn run(
    journal: &Journal,
    client: &ApiClient,
    items: Vec<Item>,
    stop: &AtomicBool,
) -> Vec<Report> {
    let reports = Mutex::new(Vec::new());
    let report = |r: Report| reports.lock().expect("lock").push(r);
    bulk::run(journal, client, items, Some("INC-77"), 4, stop, &report).await;
    reports.into_inner().expect("reports")
}

#[tokio::test]
async fn injected_429s_and_5xx_send_no_user_twice_and_account_for_all() {
    let config = SimConfig {
        generated_users: 60,
        ..SimConfig::default()
    };
    let (sim, client, items) = staged(config, 30).await;
    assert!(
        items.iter().all(|i| i.op == UserOp::UnlockPassword),
        "password lockouts"
    );
    sim.add_fault(FaultRule::new(
        Route::PasswordAction,
        FaultKind::RateLimit {
            retry_after_secs: 1,
        },
        6,
    ));
    sim.add_fault(FaultRule::new(
        Route::PasswordAction,
        FaultKind::Status { status: 503 },
        3,
    ));
    let dir = scratch("bulk-faults");
    let journal = journal_at(dir.join("j.jsonl"), &client);
    let mut twice = items.clone();
    twice.push(items[0].clone());
    let reports = run(&journal, &client, twice, &AtomicBool::new(false)).await;

    assert_eq!(reports.len(), 31, "every listed user accounted for");
    let count = |end: End| reports.iter().filter(|r| r.end == end).count();
    assert_eq!(count(End::Skipped), 1, "the user listed twice is sent once");
    assert_eq!(count(End::Failed), 3, "the three 503s: never sent again");
    assert_eq!(count(End::Done), 27);
    assert!(
        reports
            .iter()
            .filter(|r| r.end == End::Failed)
            .all(|r| r.text.contains("503") || r.text.to_lowercase().contains("server"))
    );
    assert!(
        reports.iter().any(|r| r.attempts > 1),
        "the 429s were sent again"
    );
    let per_user = unlocks_per_user(&sim);
    assert_eq!(per_user.len(), 27);
    assert!(per_user.values().all(|n| *n == 1), "{per_user:?}");
    // Requests that reached the handler: one per user; the 429s and 503s never did.
    assert_eq!(sim.stats().get(Route::PasswordAction), 30 + 6);
    // Every user sent has an intent and an outcome.
    let records = journal.read().expect("journal");
    let intents = records.iter().filter(|r| r.phase == Phase::Intent).count();
    let outcomes: Vec<_> = records
        .iter()
        .filter(|r| r.phase == Phase::Outcome)
        .collect();
    assert_eq!((intents, outcomes.len()), (30, 30));
    assert_eq!(
        outcomes
            .iter()
            .filter(|r| r.result == Some(Ending::Failed))
            .count(),
        3
    );
    assert!(
        records
            .iter()
            .all(|r| r.ticket.as_deref() == Some("INC-77"))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_simulators_rate_limit_is_honoured() {
    let config = SimConfig {
        generated_users: 60,
        rate_limit: Some(20),
        ..SimConfig::default()
    };
    let (sim, client, items) = staged(config, 40).await;
    let dir = scratch("bulk-rate");
    let journal = journal_at(dir.join("j.jsonl"), &client);
    let reports = run(&journal, &client, items, &AtomicBool::new(false)).await;
    assert_eq!(reports.len(), 40);
    assert!(reports.iter().all(|r| r.end == End::Done), "{reports:?}");
    assert!(unlocks_per_user(&sim).values().all(|n| *n == 1));
    assert_eq!(unlocks_per_user(&sim).len(), 40);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_stop_sends_nothing_more() {
    let config = SimConfig {
        generated_users: 20,
        ..SimConfig::default()
    };
    let (sim, client, items) = staged(config, 10).await;
    let dir = scratch("bulk-stop");
    let journal = journal_at(dir.join("j.jsonl"), &client);
    let reports = run(&journal, &client, items, &AtomicBool::new(true)).await;
    assert_eq!(reports.len(), 10);
    assert!(
        reports
            .iter()
            .all(|r| r.end == End::Skipped && r.attempts == 0)
    );
    assert_eq!(sim.stats().get(Route::PasswordAction), 0);
    assert!(
        journal.read().expect("journal").is_empty(),
        "nothing sent, nothing journaled"
    );
    let still = client
        .find_users(&UserQuery::All, 1000)
        .await
        .expect("users")
        .users
        .iter()
        .filter(|u| u.is_locked())
        .count();
    assert!(still >= 10);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_lost_answer_whose_read_shows_the_user_unlocked_counts_as_done() {
    let (sim, client, items) = staged(SimConfig::default(), 2).await;
    sim.add_fault(FaultRule::new(
        Route::PasswordAction,
        FaultKind::Truncated,
        1,
    ));
    let dir = scratch("bulk-lost");
    let journal = journal_at(dir.join("j.jsonl"), &client);
    let reports = run(&journal, &client, items, &AtomicBool::new(false)).await;
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().all(|r| r.end == End::Done), "{reports:?}");
    let lost = reports
        .iter()
        .find(|r| r.text.starts_with("Outcome unknown"))
        .expect("the lost answer is still said");
    assert!(lost.text.contains("PingOne now shows"), "{}", lost.text);
    assert_eq!(
        sim.stats().get(Route::PasswordAction),
        2,
        "the lost one was not sent again"
    );
    let outcomes = journal.read().expect("journal");
    assert!(
        outcomes
            .iter()
            .any(|r| r.phase == Phase::Outcome && r.result == Some(Ending::Unknown)),
        "the journal keeps it unknown"
    );
    let _ = std::fs::remove_dir_all(dir);
}
