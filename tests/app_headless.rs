//! The real loop and executor against the simulator, headless: keys go in through a channel,
//! the screen is a `TestBackend`, and the test waits (with a timeout) for the state it expects.

#[path = "common/headless.rs"]
mod headless;

use crossterm::event::KeyCode;
use headless::Console;
use pingdesk::desk::Journal;
use pingdesk::sim::{self, Route, SimConfig};

#[tokio::test]
async fn search_unlock_and_quit_through_the_real_loop() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let mut console = Console::start(&sim, 100, 30);
    let opened = console.open("alice.locked", true).await;
    assert_eq!(opened.password.as_deref(), Some("OK"));
    console.press(KeyCode::Char('u'));
    console.wait_for("the confirm dialog", |v| v.modal).await;
    console.press(KeyCode::Char('y'));
    let view = console
        .wait_for("the unlocked record", |v| {
            v.rows == [("alice.locked".to_owned(), false)]
        })
        .await;
    assert_eq!(
        view.status.as_deref(),
        Some("Unlocked the account of alice.locked")
    );
    let journal = console.journal.clone();
    let (state, terminal) = console.quit().await;
    assert!(state.quit);
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("account      OK"), "{screen}");
    assert_eq!(
        sim.stats().get(Route::UserAction),
        1,
        "exactly one unlock request"
    );
    assert_eq!(
        sim.stats().get(Route::ListUsers),
        2,
        "the first page, then one search for the typed name"
    );
    assert_eq!(
        sim.stats().get(Route::GetUser),
        1,
        "the record comes from the list: one read for her group names only"
    );
    for route in [
        Route::ReadPassword,
        Route::ReadDevices,
        Route::ReadSessions,
        Route::Populations,
    ] {
        assert_eq!(
            sim.stats().get(route),
            1,
            "opening alice read {route:?} once; the unlock read nothing more"
        );
    }
    assert_unlock_journaled(&journal);
}

/// The journal holds alice's unlock: its intent, then its outcome.
fn assert_unlock_journaled(journal: &Journal) {
    use pingdesk::desk::journal::Phase;
    let records = journal.read().expect("the journal reads");
    let phases: Vec<(Phase, &str, &str)> = records
        .iter()
        .map(|r| (r.phase, r.operation.as_str(), r.username.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            (Phase::Intent, "unlock", "alice.locked"),
            (Phase::Outcome, "unlock", "alice.locked")
        ],
        "the unlock was journaled before and after"
    );
    let _ = std::fs::remove_file(journal.path());
}
