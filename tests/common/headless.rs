//! The real loop and executor against a simulator on a `TestBackend`: keys in through a
//! channel, the state watched after every message, waits with a timeout; writes journaled in a
//! file of the temp directory.

#![allow(dead_code)] // each test file uses a different part

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use pingdesk::api::ApiClient;
use pingdesk::app::{Context, State};
use pingdesk::desk::Journal;
use pingdesk::desk::journal::{Settings, Who};
use pingdesk::runtime::run_loop;
use pingdesk::sim::SimHandle;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::{mpsc, watch};

/// What a test watches of the state: the listed usernames and whether each is locked, the
/// status line, and whether the confirm dialog is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// `(username, locked)` per listed row.
    pub rows: Vec<(String, bool)>,
    /// The status line.
    pub status: Option<String>,
    /// Whether a dialog is open.
    pub modal: bool,
    /// The selected user's password status, when read.
    pub password: Option<String>,
    /// Whether a section of the opened user is being read.
    pub reading: bool,
}

/// A console running headless against a simulator.
pub struct Console {
    /// The journal the console's writes go through.
    pub journal: Journal,
    keys: mpsc::UnboundedSender<std::io::Result<Event>>,
    view: watch::Receiver<View>,
    task: tokio::task::JoinHandle<(anyhow::Result<State>, Terminal<TestBackend>)>,
}

impl Console {
    /// Starts the loop on a `width`×`height` test terminal against `sim`.
    pub fn start(sim: &SimHandle, width: u16, height: u16) -> Self {
        let client = ApiClient::new(pingdesk::connect::simulator_config(sim)).expect("client");
        let journal = journal_in_temp(&sim.environment_id);
        let context = Context {
            environment_id: sim.environment_id.clone(),
            journal: Some(journal.clone()),
            ..Context::default()
        };
        let (keys, key_stream) = mpsc::unbounded_channel();
        let events = Box::pin(futures_util::stream::unfold(
            key_stream,
            |mut rx| async move { rx.recv().await.map(|event| (event, rx)) },
        ));
        let (tell, view) = watch::channel(View::default());
        let task = tokio::spawn(async move {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            let state = run_loop(
                &mut terminal,
                events,
                std::future::pending(),
                pingdesk::runtime::Suspension::headless(),
                client,
                pingdesk::runtime::Setup::new(context),
                move |s| {
                    tell.send_replace(view_of(s));
                },
            )
            .await;
            (state, terminal)
        });
        Self {
            journal,
            keys,
            view,
            task,
        }
    }

    /// Presses `code`.
    pub fn press(&self, code: KeyCode) {
        self.keys
            .send(Ok(Event::Key(KeyEvent::new(code, KeyModifiers::NONE))))
            .expect("the loop is running");
    }

    /// Types `text` into whatever has the keys.
    pub fn type_text(&self, text: &str) {
        text.chars().for_each(|c| self.press(KeyCode::Char(c)));
    }

    /// Waits until `check` holds for what the loop last showed; fails with it after 20 s.
    pub async fn wait_for(&mut self, what: &str, check: impl Fn(&View) -> bool) -> View {
        let waited =
            tokio::time::timeout(Duration::from_secs(20), self.view.wait_for(|v| check(v))).await;
        assert!(
            waited.is_ok_and(|r| r.is_ok()),
            "timed out waiting for {what}; last {:?}",
            *self.view.borrow()
        );
        self.view.borrow().clone()
    }

    /// Waits for the first page, finds `username` (one row, locked or not as `locked` says),
    /// opens it with Enter (twice: the first goes to the list) and waits until every section of
    /// it is read; returns what the loop then showed.
    pub async fn open(&mut self, username: &str, locked: bool) -> View {
        self.wait_for("the first page", |v| v.rows.len() > 10).await;
        self.type_text(username);
        self.wait_for(&format!("{username} alone"), |v| {
            v.rows == [(username.to_owned(), locked)]
        })
        .await;
        self.press(KeyCode::Enter);
        self.press(KeyCode::Enter);
        self.wait_for(&format!("every section of {username}"), |v| {
            v.password.is_some() && !v.reading
        })
        .await
    }

    /// Presses `q` and returns the final state and screen.
    pub async fn quit(self) -> (State, Terminal<TestBackend>) {
        self.press(KeyCode::Char('q'));
        let (state, terminal) = tokio::time::timeout(Duration::from_secs(20), self.task)
            .await
            .expect("quits")
            .expect("the task");
        (state.expect("the loop ends without error"), terminal)
    }
}

/// A journal of its own in the temp directory, for one console.
fn journal_in_temp(environment: &str) -> Journal {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let n = SEQ.fetch_add(1, Ordering::SeqCst);
    let path = std::env::temp_dir().join(format!(
        "pingdesk-headless-{}-{n}/journal.jsonl",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&path);
    Journal::new(
        Settings {
            path,
            syslog: None,
            require_ticket: false,
        },
        Who::here(environment, "test", "pingdesk-test"),
    )
}

fn view_of(state: &State) -> View {
    View {
        rows: state
            .results
            .rows
            .iter()
            .map(|row| (row.username.clone(), row.status.as_str() == "LOCKED"))
            .collect(),
        status: state.status.as_ref().map(|s| s.text.clone()),
        modal: state.modal.is_some(),
        password: state.live_password().map(|p| p.status.as_str().to_owned()),
        reading: state.reads.is_busy(),
    }
}
