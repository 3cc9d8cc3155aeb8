//! The console's real loop and executor against the simulator: an unlock whose answer is lost
//! says so on the status line with what PingOne now shows, is sent once and journaled as of
//! unknown outcome; scrolling past the last listed row loads the next page, and past that the
//! one after.

#[path = "common/headless.rs"]
mod headless;

use crossterm::event::KeyCode;
use headless::Console;
use pingdesk::desk::journal::{Ending, Phase};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig};

#[tokio::test]
async fn a_lost_unlock_answer_is_reported_with_what_pingone_now_shows() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let mut console = Console::start(&sim, 120, 40);
    let opened = console.open("alice.locked", true).await;
    assert_eq!(opened.password.as_deref(), Some("OK"));
    // Opening her read her group names (`GET …/users/{id}?include=…`).
    let opened = sim.stats().get(Route::GetUser);
    sim.add_fault(FaultRule::new(
        Route::UserAction,
        FaultKind::Disconnect { applied: true },
        1,
    ));
    console.press(KeyCode::Char('u'));
    console.wait_for("the confirm", |v| v.modal).await;
    console.press(KeyCode::Char('y'));
    let view = console
        .wait_for("the outcome", |v| {
            v.status
                .as_deref()
                .is_some_and(|s| s.starts_with("Outcome unknown"))
        })
        .await;
    let status = view.status.unwrap_or_default();
    assert!(
        status.contains("unlock account sent, but the connection failed"),
        "{status}"
    );
    assert!(status.contains("not sent again"), "{status}");
    assert!(
        status.contains("PingOne now shows alice.locked:") && status.ends_with("the account is OK"),
        "{status}"
    );
    assert_eq!(
        view.rows,
        [("alice.locked".to_owned(), false)],
        "the row shows what PingOne holds"
    );
    let journal = console.journal.clone();
    let (_, terminal) = console.quit().await;
    let screen = format!("{:?}", terminal.backend());
    assert!(
        screen.contains("the account is OK"),
        "on screen, whole: {screen}"
    );
    assert_eq!(sim.stats().get(Route::UserAction), 1, "never sent again");
    assert_eq!(
        sim.stats().get(Route::GetUser) - opened,
        1,
        "read again once"
    );
    let records = journal.read().expect("the journal reads");
    let ends: Vec<(Phase, Option<Ending>, Option<String>)> = records
        .iter()
        .map(|r| {
            let after = r.after.as_ref().and_then(|a| a.account.clone());
            (r.phase, r.result, after)
        })
        .collect();
    assert_eq!(
        ends,
        [
            (Phase::Intent, None, None),
            (Phase::Outcome, Some(Ending::Unknown), Some("OK".to_owned()))
        ],
        "journaled before sending, then as unknown with what the fresh read showed"
    );
}

#[tokio::test]
async fn scrolling_past_the_last_row_loads_the_next_pages() {
    let sim = sim::spawn(SimConfig {
        generated_users: 150,
        ..SimConfig::default()
    })
    .await
    .expect("simulator");
    let total = sim.user_count();
    let mut console = Console::start(&sim, 100, 30);
    console
        .wait_for("the first page", |v| v.rows.len() == 100)
        .await;
    console.press(KeyCode::Enter);
    console.press(KeyCode::End);
    console
        .wait_for("the second page", |v| v.rows.len() == 200)
        .await;
    console.press(KeyCode::End);
    console
        .wait_for("the last page", |v| v.rows.len() == total)
        .await;
    console.press(KeyCode::End);
    let (state, _) = console.quit().await;
    assert_eq!(state.results.rows.len(), total);
    assert_eq!(state.results.next, None);
    assert_eq!(
        sim.stats().get(Route::ListUsers),
        3,
        "one request a page, none past the end"
    );
}
