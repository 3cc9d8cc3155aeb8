//! P3's workload, shared by the criterion bench and the figures driver: a console listing 200
//! users at 120×40, where one keystroke is a `Msg::Key` through `update` plus a full draw
//! through the console's own backend (render, diff, escape encoding) written to a sink.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pingdesk::api::UserPage;
use pingdesk::app::KeyMap;
use pingdesk::app::update::initial_search;
use pingdesk::app::{Context, Effect, Msg, State, update};
use pingdesk::config::theme::Theme;
use pingdesk::runtime::backend::DeltaBackend;
use pingdesk::sim::data;
use pingdesk::sim::store::Directory;
use ratatui::Terminal;
use ratatui::layout::Size;

/// Terminal width of the workload.
pub const WIDTH: u16 = 120;
/// Terminal height of the workload.
pub const HEIGHT: u16 = 40;
/// Users listed.
pub const USERS: usize = 200;

/// Which key a keystroke presses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `j`/`k` in the list: the selection moves and the detail pane shows another user.
    Move,
    /// A letter, then Backspace, in the search field (debounced: no request leaves `update`).
    Type,
}

/// A console at 120×40 listing 200 users, ready to take keystrokes.
pub struct Console {
    state: State,
    keys: KeyMap,
    theme: Theme,
    terminal: Terminal<DeltaBackend<std::io::Sink>>,
    kind: Kind,
    presses: usize,
}

impl Console {
    /// The 57 demo users plus 143 generated ones, as the simulator presents them, listed; focus
    /// on the list for [`Kind::Move`], on the search field for [`Kind::Type`]; drawn once.
    pub fn listing(kind: Kind) -> Self {
        let now = jiff::Timestamp::now();
        let file = data::parse_directory(data::DEMO_DIRECTORY, now).expect("the demo directory");
        let mut users = file.users;
        let more = USERS.saturating_sub(users.len());
        users.extend(data::generate_users(more, 7, &file.populations, now));
        let directory = Directory::new(file.environment, file.populations, users);
        let users = (0..u32::try_from(USERS).expect("200 fits"))
            .map(|at| directory.present_at(at, now))
            .collect();
        let keys = KeyMap::default();
        let context = Context {
            environment_name: Some("Northwind Traders (demo)".into()),
            environment_id: directory.environment.id.clone(),
            region: "simulator".into(),
            actor: "pingdesk-demo-worker".into(),
            demo: true,
            ..Context::default()
        };
        let mut state = State::new(context, Instant::now());
        let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
            panic!("the first search")
        };
        let page = UserPage {
            count: Some(u64::try_from(USERS).expect("200 fits")),
            users,
            next: None,
        };
        let resized = Msg::Resized {
            list_rows: pingdesk::ui::list_rows(WIDTH, HEIGHT),
            too_small: false,
        };
        update(&mut state, &keys, resized);
        let loaded = Msg::SearchLoaded {
            req,
            result: Ok(page),
        };
        update(&mut state, &keys, loaded);
        if kind == Kind::Move {
            update(&mut state, &keys, press(KeyCode::Enter));
        }
        let backend = DeltaBackend::with_size(std::io::sink(), Size::new(WIDTH, HEIGHT));
        let terminal = Terminal::new(backend).expect("a terminal");
        let mut console = Self {
            state,
            keys,
            theme: Theme::default(),
            terminal,
            kind,
            presses: 0,
        };
        console.draw();
        console
    }

    /// One keystroke: `update` with the next key, then a full draw. Moves walk down the list
    /// and back up; typing alternates a letter and Backspace.
    pub fn keystroke(&mut self) {
        let code = match self.kind {
            Kind::Move if (self.presses / (USERS - 1)).is_multiple_of(2) => KeyCode::Char('j'),
            Kind::Move => KeyCode::Char('k'),
            Kind::Type if self.presses.is_multiple_of(2) => KeyCode::Char('a'),
            Kind::Type => KeyCode::Backspace,
        };
        self.presses += 1;
        let effects = update(&mut self.state, &self.keys, press(code));
        assert!(effects.is_empty(), "a keystroke here sends no request");
        self.draw();
    }

    /// Renders the state and writes the frame (render, diff, encode, write).
    fn draw(&mut self) {
        let (state, keys, theme) = (&self.state, &self.keys, &self.theme);
        self.terminal
            .draw(|frame| pingdesk::ui::render(state, keys, theme, frame))
            .expect("drawn");
        self.state.dirty = false;
    }
}

/// A key press without modifiers.
fn press(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}
