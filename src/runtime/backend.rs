//! A ratatui backend that writes each frame's changes in as few bytes as it can, and leaves the
//! terminal exactly as ratatui's stock crossterm backend would (`tests/backend.rs` compares the
//! two on a vt100 screen, frame by frame).
//!
//! It keeps its own copy of what the terminal shows, so it can: write a short unchanged gap
//! instead of moving the cursor over it when that is fewer bytes; keep colours and attributes
//! across runs and frames and send only what changes; erase runs of blanks (ECH) rather than
//! write them; move the cursor the shortest way; write a
//! frame in one `write` inside synchronized output (DEC mode 2026) when the terminal supports
//! it; and rewrite what a glyph of uncertain width may have disturbed.

mod encode;

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth as _};
use ratatui::layout::{Position, Rect, Size};

use crate::ui::width::is_uncertain;
use encode::{Cursor, Pen, move_cursor};

/// The widest glyph the backend expects; a wider symbol is treated as of uncertain width.
const MAX_WIDTH: u16 = 2;

/// Writes frames to `W` (the terminal, or a buffer in tests and benchmarks).
pub struct DeltaBackend<W: Write> {
    out: W,
    /// This frame's bytes, written in one go on flush.
    frame: Vec<u8>,
    /// A fixed size, or `None` to ask the terminal.
    fixed: Option<Size>,
    /// What the terminal shows, as ratatui's last frame has it.
    shown: Buffer,
    /// Where the cursor is, as far as known for sure.
    cursor: Cursor,
    /// The colours and attributes the terminal writes with now.
    pen: Pen,
    /// Whether the cursor is visible, when known.
    visible: Option<bool>,
    /// Whether to wrap frames in synchronized output.
    sync_output: Arc<AtomicBool>,
}

impl<W: Write> DeltaBackend<W> {
    /// A backend for the real terminal (its size is asked for).
    pub fn new(out: W, sync_output: Arc<AtomicBool>) -> Self {
        let size = crossterm::terminal::size().map_or(Size::new(80, 24), |(w, h)| Size::new(w, h));
        let mut backend = Self::with_size(out, size);
        backend.fixed = None;
        backend.sync_output = sync_output;
        backend
    }

    /// A backend of a fixed size, writing to `out` (tests, benchmarks).
    pub fn with_size(out: W, size: Size) -> Self {
        Self {
            out,
            frame: Vec::new(),
            fixed: Some(size),
            shown: Buffer::empty(Rect::from((Position::ORIGIN, size))),
            cursor: Cursor::Unknown,
            pen: Pen::default(),
            visible: None,
            sync_output: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Writes `updates` (the diff ratatui passes) and whatever they force to be rewritten.
    fn write_frame(&mut self, updates: Vec<(u16, u16, Cell)>) {
        let width = usize::from(self.shown.area.width);
        let mut positions = BTreeSet::new();
        for (x, y, cell) in updates {
            let Some(i) = self.index(x, y) else { continue };
            let old = self.shown.content[i].clone();
            let (old_width, new_width) = (
                usize::from(old.cell_width()),
                usize::from(cell.cell_width()),
            );
            let row_end = (i / width + 1) * width;
            if is_uncertain(old.symbol()) {
                // The terminal may have drawn it wider or narrower: rewrite its whole run.
                positions.extend(i + 1..self.run_end(i + old_width.max(1), row_end));
            } else if old_width > new_width {
                // A terminal may keep the rest of a wide glyph in the columns it covered.
                positions.extend(i + new_width.max(1)..(i + old_width).min(row_end));
            }
            for trailing in i + 1..(i + new_width).min(row_end) {
                self.shown.content[trailing] = Cell::EMPTY;
            }
            self.shown.content[i] = cell;
            positions.insert(i);
        }
        // The run after each glyph of uncertain width is rewritten with it.
        let uncertain: Vec<usize> = positions
            .iter()
            .copied()
            .filter(|&i| is_uncertain(self.shown.content[i].symbol()))
            .collect();
        for i in uncertain {
            let row_end = (i / width + 1) * width;
            let after = i + usize::from(self.shown.content[i].cell_width()).max(1);
            positions.extend(after..self.run_end(after, row_end));
        }
        let positions: Vec<usize> = positions.into_iter().collect();
        let mut covered_until = 0;
        let mut k = 0;
        while k < positions.len() {
            let i = positions[k];
            k += 1;
            if i < covered_until || self.is_trailing(i) {
                continue;
            }
            // A run of blank cells in plain colours may be erased rather than written.
            let blanks = positions[k - 1..]
                .iter()
                .enumerate()
                .take_while(|&(n, &p)| {
                    p == i + n && p / width == i / width && self.is_plain_blank(p)
                })
                .count();
            let next = positions.get(k - 1 + blanks).map(|&p| self.shown.pos_of(p));
            if blanks > 1 && self.erase(i, blanks, next) {
                k += blanks - 1;
                covered_until = i + blanks;
                continue;
            }
            let cell = self.shown.content[i].clone();
            covered_until = i + usize::from(cell.cell_width()).max(1);
            self.put(i, &cell);
        }
    }

    /// Whether cell `i` is a space in plain colours, not covered by a wide glyph.
    fn is_plain_blank(&self, i: usize) -> bool {
        let cell = &self.shown.content[i];
        cell.symbol() == " " && Pen::of(cell) == Pen::default() && !self.is_trailing(i)
    }

    /// Erases `count` cells from cell `i` (ECH, which leaves the cursor where it is) when that
    /// and the move on to `next` (the next cell to write) take fewer bytes than writing spaces
    /// and moving on from after them. Returns whether it did.
    fn erase(&mut self, i: usize, count: usize, next: Option<(u16, u16)>) -> bool {
        let (x, y) = self.shown.pos_of(i);
        let to = Position::new(x, y);
        let Ok(n) = u16::try_from(count) else {
            return false;
        };
        let code = format!("\x1b[{n}X");
        let after_spaces = if x + n < self.shown.area.width {
            Cursor::At(Position::new(x + n, y))
        } else {
            Cursor::WrapPending(y)
        };
        let onward = |from| next.map_or(0, |(x, y)| move_cursor(from, Position::new(x, y)).len());
        if code.len() + onward(Cursor::At(to)) >= count + onward(after_spaces) {
            return false;
        }
        if !self.fill_gap_to(to) {
            let moved = move_cursor(self.cursor, to);
            self.frame.extend_from_slice(&moved);
        }
        self.plain_pen();
        self.frame.extend_from_slice(code.as_bytes());
        self.cursor = Cursor::At(to);
        true
    }

    /// The index of the first cell after the run that starts at `from`: up to and including the
    /// first blank cell, within the row.
    fn run_end(&self, from: usize, row_end: usize) -> usize {
        (from..row_end)
            .find(|&j| self.shown.content[j].symbol() == " ")
            .map_or(row_end, |blank| blank + 1)
    }

    /// Whether cell `i` is covered by a wide glyph to its left (in the new frame).
    fn is_trailing(&self, i: usize) -> bool {
        let width = usize::from(self.shown.area.width);
        let row_start = i / width * width;
        (row_start.max(i.saturating_sub(usize::from(MAX_WIDTH) + 1))..i)
            .any(|lead| lead + usize::from(self.shown.content[lead].cell_width()) > i)
    }

    /// Writes cell `i` (already in `shown`), moving there the cheapest way.
    fn put(&mut self, i: usize, cell: &Cell) {
        let (x, y) = self.shown.pos_of(i);
        let to = Position::new(x, y);
        let pen = Pen::of(cell);
        if !self.fill_gap_to(to) {
            let moved = move_cursor(self.cursor, to);
            self.frame.extend_from_slice(&moved);
        }
        self.pen.change_to(pen, &mut self.frame);
        self.pen = pen;
        let symbol = cell.symbol();
        let width = cell.cell_width();
        if is_uncertain(symbol) || width == 0 || width > MAX_WIDTH {
            // Blank the cells it should take first, so a terminal that draws it narrower
            // leaves nothing stale; after it, where the cursor is cannot be known.
            self.frame
                .extend(std::iter::repeat_n(b' ', usize::from(width)));
            self.frame.extend(move_cursor(Cursor::Unknown, to));
            self.frame.extend_from_slice(symbol.as_bytes());
            self.cursor = Cursor::Unknown;
            return;
        }
        self.frame.extend_from_slice(symbol.as_bytes());
        let next = x + width;
        self.cursor = if next < self.shown.area.width {
            Cursor::At(Position::new(next, y))
        } else {
            Cursor::WrapPending(y)
        };
    }

    /// Writes the unchanged cells between the cursor and `to` when that, with the colour
    /// changes on the way and to `to`'s colours, takes fewer bytes than moving there and changing
    /// colours once: same row, each cell a plain narrow glyph. Returns whether it did.
    fn fill_gap_to(&mut self, to: Position) -> bool {
        let Cursor::At(from) = self.cursor else {
            return false;
        };
        if from.y != to.y || from.x >= to.x {
            return false;
        }
        let mut bytes = Vec::new();
        let mut pen = self.pen;
        for x in from.x..to.x {
            let i = self.shown.index_of(x, to.y);
            let cell = &self.shown.content[i];
            if cell.cell_width() != 1 || is_uncertain(cell.symbol()) || self.is_trailing(i) {
                return false;
            }
            pen.change_to(Pen::of(cell), &mut bytes);
            pen = Pen::of(cell);
            bytes.extend_from_slice(cell.symbol().as_bytes());
        }
        let target = self
            .index(to.x, to.y)
            .map_or(pen, |i| Pen::of(&self.shown.content[i]));
        let (mut after_fill, mut after_move) = (Vec::new(), move_cursor(self.cursor, to));
        pen.change_to(target, &mut after_fill);
        self.pen.change_to(target, &mut after_move);
        if bytes.len() + after_fill.len() >= after_move.len() {
            return false;
        }
        self.frame.extend_from_slice(&bytes);
        self.pen = pen;
        self.cursor = Cursor::At(to);
        true
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        let area = self.shown.area;
        (x < area.width && y < area.height).then(|| self.shown.index_of(x, y))
    }

    /// Back to plain colours (before a clear, which paints with the current background).
    fn plain_pen(&mut self) {
        self.pen.change_to(Pen::default(), &mut self.frame);
        self.pen = Pen::default();
    }
}

impl<W: Write> Backend for DeltaBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates = content.map(|(x, y, cell)| (x, y, cell.clone())).collect();
        self.write_frame(updates);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            self.frame.extend_from_slice(b"\x1b[?25l");
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            self.frame.extend_from_slice(b"\x1b[?25h");
            self.visible = Some(true);
        }
        Ok(())
    }

    /// Where the cursor is, as far as the backend knows; it never asks the terminal (the answer
    /// would come in on the input reader's side).
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        match self.cursor {
            Cursor::At(position) => Ok(position),
            Cursor::WrapPending(_) | Cursor::Unknown => Ok(Position::ORIGIN),
        }
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let to = position.into();
        let moved = move_cursor(self.cursor, to);
        self.frame.extend_from_slice(&moved);
        self.cursor = Cursor::At(to);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.plain_pen();
        let code: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.frame.extend_from_slice(code);
        // What a partial clear erased is not tracked: start from a blank screen of the current
        // size, as ratatui does after it clears.
        let size = self.size()?;
        self.shown = Buffer::empty(Rect::from((Position::ORIGIN, size)));
        if clear_type != ClearType::All {
            self.cursor = Cursor::Unknown;
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(size) => Ok(size),
            None => crossterm::terminal::size().map(|(w, h)| Size::new(w, h)),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.size()?;
        Ok(WindowSize {
            columns_rows: size,
            pixels: Size::default(),
        })
    }

    /// Writes the frame in one go, inside synchronized output when the terminal supports it.
    fn flush(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return Ok(());
        }
        let sync = self.sync_output.load(Ordering::Relaxed);
        if sync {
            self.out.write_all(b"\x1b[?2026h")?;
        }
        self.out.write_all(&self.frame)?;
        if sync {
            self.out.write_all(b"\x1b[?2026l")?;
        }
        self.frame.clear();
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_wrapped_in_synchronized_output_once_the_terminal_says_it_can() {
        let supported = Arc::new(AtomicBool::new(false));
        let mut backend = DeltaBackend::with_size(Vec::new(), Size::new(10, 2));
        backend.sync_output = Arc::clone(&supported);
        backend.hide_cursor().expect("hidden");
        backend.flush().expect("flushed");
        assert_eq!(backend.out, b"\x1b[?25l", "not before the terminal answers");
        backend.out.clear();
        supported.store(true, Ordering::Relaxed);
        backend.show_cursor().expect("shown");
        backend.flush().expect("flushed");
        assert_eq!(backend.out, b"\x1b[?2026h\x1b[?25h\x1b[?2026l");
        backend.out.clear();
        backend.flush().expect("flushed");
        assert!(backend.out.is_empty(), "an empty frame writes nothing");
    }
}
