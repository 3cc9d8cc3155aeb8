//! Frames drawn through a real backend into a vt100 screen: what a terminal would show.

#![allow(dead_code)] // each test file uses a different part

use std::cell::RefCell;
use std::num::NonZeroU16;
use std::rc::Rc;

use pingdesk::app::{KeyMap, State};
use pingdesk::config::theme::Theme;
use ratatui::backend::Backend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A writer whose bytes the test takes while a backend holds it.
#[derive(Clone, Default)]
pub struct Shared(Rc<RefCell<Vec<u8>>>);

impl Shared {
    /// The bytes written since the last take.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A backend's terminal, fixed to `width`×`height` (a backend over a buffer cannot be asked
/// its size), its output and the vt100 screen that output makes.
pub struct Vt<B: Backend> {
    /// The terminal.
    pub terminal: Terminal<B>,
    /// What the backend writes to.
    pub out: Shared,
    /// The screen.
    pub parser: vt100::Parser,
    /// The theme frames are drawn in (the default one unless a test sets another).
    pub theme: Theme,
}

impl<B: Backend> Vt<B> {
    /// A screen of `width`×`height` over the backend `make` builds on a shared writer.
    pub fn new(width: u16, height: u16, make: impl FnOnce(Shared, Size) -> B) -> Self {
        let out = Shared::default();
        let backend = make(out.clone(), Size::new(width, height));
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let terminal =
            Terminal::with_options(backend, TerminalOptions { viewport }).expect("a terminal");
        let dims = |n: u16| NonZeroU16::new(n).expect("non-zero");
        Self {
            terminal,
            out,
            parser: vt100::Parser::new(dims(height), dims(width), 0),
            theme: Theme::default(),
        }
    }

    /// Draws `state`, feeds the output to the screen; returns the bytes written.
    pub fn draw(&mut self, state: &State, keys: &KeyMap) -> usize
    where
        B::Error: std::fmt::Debug,
    {
        let theme = &self.theme;
        self.terminal
            .draw(|frame| pingdesk::ui::render(state, keys, theme, frame))
            .expect("drawn");
        let written = self.out.take();
        self.parser.process(&written);
        written.len()
    }

    /// The screen's rows as text.
    pub fn rows(&self) -> Vec<String> {
        let (_, cols) = self.parser.screen().size();
        self.parser.screen().rows(0, cols.get()).collect()
    }
}
