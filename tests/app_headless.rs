//! The real loop and executor against the simulator, headless: keys go in through a channel,
//! the screen is a `TestBackend`, and the test waits (with a timeout) for the state it expects.

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use pingdesk::api::ApiClient;
use pingdesk::app::{Context, Modal, State};
use pingdesk::runtime::run_loop;
use pingdesk::sim::{self, Route, SimConfig};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::{mpsc, watch};

/// What the test watches of the state after each message.
#[derive(Debug, Clone, Default, PartialEq)]
struct Seen {
    rows: Vec<(String, bool)>,
    status: Option<String>,
    confirming: bool,
    password: Option<String>,
}

fn seen(state: &State) -> Seen {
    Seen {
        rows: state
            .results
            .rows
            .iter()
            .map(pingdesk::app::state::Row::user)
            .map(|user| (user.username.clone(), user.is_locked()))
            .collect(),
        status: state.status.as_ref().map(|s| s.text.clone()),
        confirming: matches!(state.modal, Some(Modal::Confirm(_))),
        password: state.live_password().map(|p| p.status.as_str().to_owned()),
    }
}

/// Waits until `check` holds for what the loop last showed, or fails with what it showed.
async fn wait_for(seen: &mut watch::Receiver<Seen>, what: &str, check: impl Fn(&Seen) -> bool) {
    let waited = tokio::time::timeout(Duration::from_secs(20), seen.wait_for(|s| check(s))).await;
    assert!(
        waited.is_ok_and(|r| r.is_ok()),
        "timed out waiting for {what}; last seen {:?}",
        *seen.borrow()
    );
}

fn press(keys: &mpsc::UnboundedSender<std::io::Result<Event>>, code: KeyCode) {
    keys.send(Ok(Event::Key(KeyEvent::new(code, KeyModifiers::NONE))))
        .expect("the loop is running");
}

#[tokio::test]
async fn search_unlock_and_quit_through_the_real_loop() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let context = Context {
        environment_id: sim.environment_id.clone(),
        demo: true,
        ..Context::default()
    };
    let (keys, key_stream) = mpsc::unbounded_channel();
    let events = Box::pin(futures_util::stream::unfold(
        key_stream,
        |mut rx| async move { rx.recv().await.map(|event| (event, rx)) },
    ));
    let (tell, mut watching) = watch::channel(Seen::default());
    let console = tokio::spawn(async move {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        let state = run_loop(
            &mut terminal,
            events,
            std::future::pending(),
            client,
            pingdesk::runtime::Setup::new(context),
            move |s| {
                tell.send_replace(seen(s));
            },
        )
        .await;
        (state, terminal)
    });

    wait_for(&mut watching, "the first page", |s| s.rows.len() > 10).await;
    for c in "alice.locked".chars() {
        press(&keys, KeyCode::Char(c));
    }
    wait_for(&mut watching, "alice alone", |s| {
        s.rows == [("alice.locked".to_owned(), true)]
    })
    .await;
    press(&keys, KeyCode::Enter); // to the list
    press(&keys, KeyCode::Enter); // open alice: her password is read
    wait_for(&mut watching, "alice's password state", |s| {
        s.password.as_deref() == Some("OK")
    })
    .await;
    press(&keys, KeyCode::Char('u'));
    wait_for(&mut watching, "the confirm dialog", |s| s.confirming).await;
    press(&keys, KeyCode::Char('y'));
    wait_for(&mut watching, "the unlocked record", |s| {
        s.rows == [("alice.locked".to_owned(), false)]
    })
    .await;
    assert_eq!(
        watching.borrow().status.as_deref(),
        Some("Unlocked the account of alice.locked")
    );
    press(&keys, KeyCode::Char('q'));

    let (state, terminal) = tokio::time::timeout(Duration::from_secs(20), console)
        .await
        .expect("quits")
        .expect("task");
    let state = state.expect("the loop ends without error");
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
        0,
        "the detail comes from the listed record"
    );
    assert_eq!(
        sim.stats().get(Route::ReadPassword),
        1,
        "opening alice read her password once; the unlock read nothing more"
    );
}
