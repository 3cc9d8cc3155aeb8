//! The real loop, headless, over a backend that counts frames: input that has already arrived
//! is all handled before the next frame is drawn, so a burst costs one frame, not one per key.

use std::cell::Cell;
use std::rc::Rc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use pingdesk::api::ApiClient;
use pingdesk::app::Context;
use pingdesk::runtime::{Setup, run_loop};
use pingdesk::sim::{self, SimConfig};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell as BufferCell;
use ratatui::layout::{Position, Size};

/// A `TestBackend` that counts the frames drawn.
struct Counting {
    inner: TestBackend,
    frames: Rc<Cell<usize>>,
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a BufferCell)>,
    {
        self.frames.set(self.frames.get() + 1);
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_burst_of_keys_costs_one_frame() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let frames = Rc::new(Cell::new(0));
    let backend = Counting {
        inner: TestBackend::new(100, 30),
        frames: Rc::clone(&frames),
    };
    let mut terminal = Terminal::new(backend).expect("a terminal");
    // 500 keys typed into the search field and Ctrl-C, all there before the loop looks.
    let typed = (0..500).map(|i| {
        KeyEvent::new(
            KeyCode::Char(if i % 2 == 0 { 'a' } else { 'b' }),
            KeyModifiers::NONE,
        )
    });
    let quit = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let events = futures_util::stream::iter(typed.chain([quit]).map(|k| Ok(Event::Key(k))));
    let mut handled = 0;
    let state = run_loop(
        &mut terminal,
        events,
        std::future::pending(),
        pingdesk::runtime::Suspension::headless(),
        client,
        Setup::new(Context::default()),
        |_| handled += 1,
    )
    .await
    .expect("the loop ends on Ctrl-C");
    assert!(handled >= 501, "every key was handled: {handled}");
    assert_eq!(state.input.value().len(), 500, "every key was typed");
    assert!(
        frames.get() <= 2,
        "{} frames were drawn for one burst",
        frames.get()
    );
}
