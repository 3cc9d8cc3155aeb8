//! The escape sequences a frame is written with, each the shortest that does the job: SGR
//! deltas from the current colours and attributes, and cursor moves (relative, CR/LF or
//! absolute, whichever takes fewest bytes).

use crossterm::style::Colored;
use ratatui::buffer::Cell;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};

/// The colours and attributes the terminal writes with (its SGR state).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Default for Pen {
    fn default() -> Self {
        Self {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

/// Attribute on and off codes, as crossterm's (and so ratatui's stock backend) writes them.
const ATTRIBUTES: [(Modifier, &str, &str); 9] = [
    (Modifier::BOLD, "1", "22"),
    (Modifier::DIM, "2", "22"),
    (Modifier::ITALIC, "3", "23"),
    (Modifier::UNDERLINED, "4", "24"),
    (Modifier::SLOW_BLINK, "5", "25"),
    (Modifier::RAPID_BLINK, "6", "25"),
    (Modifier::REVERSED, "7", "27"),
    (Modifier::HIDDEN, "8", "28"),
    (Modifier::CROSSED_OUT, "9", "29"),
];

impl Pen {
    /// The pen a cell is drawn with.
    pub fn of(cell: &Cell) -> Self {
        Self {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Whether the foreground is written with a short code (a base colour, not bold).
    fn short_fg(self) -> bool {
        matches!(
            crossterm_color(self.fg),
            crossterm::style::Color::AnsiValue(0..=7)
        ) && !self.modifier.contains(Modifier::BOLD)
    }

    /// Appends to `out` the shortest SGR sequence that turns `self` into `to` (nothing when
    /// they are equal): either the changes alone, or a reset and what `to` has.
    pub fn change_to(self, to: Self, out: &mut Vec<u8>) {
        if self == to {
            return;
        }
        let delta = self.delta(to);
        if delta.is_empty() {
            return; // only colours differ, and NO_COLOR turned them off
        }
        let mut reset = vec![String::new()];
        reset.extend(Self::default().delta(to));
        let params = if reset.len() <= 1 {
            reset
        } else if joined_len(&reset) + 1 < joined_len(&delta) {
            reset[0] = "0".into();
            reset
        } else {
            delta
        };
        out.extend_from_slice(b"\x1b[");
        out.extend_from_slice(params.join(";").as_bytes());
        out.push(b'm');
    }

    /// The SGR parameters that change `self` into `to`, attributes first, then colours.
    fn delta(self, to: Self) -> Vec<String> {
        let mut params = Vec::new();
        let removed = self.modifier - to.modifier;
        let mut added = to.modifier - self.modifier;
        if removed.intersects(Modifier::BOLD | Modifier::DIM) {
            // 22 turns both off: put back the one that stays.
            params.push("22".to_owned());
            added |= to.modifier & (Modifier::BOLD | Modifier::DIM);
        }
        for (bit, _, off) in ATTRIBUTES {
            if removed.contains(bit) && !params.iter().any(|p| p == off) {
                params.push(off.to_owned());
            }
        }
        for (bit, on, _) in ATTRIBUTES {
            if added.contains(bit) {
                params.push(on.to_owned());
            }
        }
        // A base colour's short code turns bright with bold in some terminals: a pen that
        // gains bold writes its colour again, in the long form.
        let bold = to.modifier.contains(Modifier::BOLD);
        let form_changed = self.short_fg() != to.short_fg();
        let colours = [
            (
                self.fg != to.fg || form_changed,
                to.fg,
                Colored::ForegroundColor as fn(_) -> Colored,
            ),
            (self.bg != to.bg, to.bg, Colored::BackgroundColor),
            (
                self.underline != to.underline,
                to.underline,
                Colored::UnderlineColor,
            ),
        ];
        for (changed, to, colored) in colours {
            if changed {
                params.push(colour_param(colored(crossterm_color(to)), bold));
            }
        }
        params.retain(|p| !p.is_empty());
        params
    }
}

/// The SGR parameter for a colour. crossterm (and so ratatui's stock backend) writes every
/// palette colour as `38;5;N`; the short codes name the same palette entries in half the bytes:
/// `30`–`37` for the base colours (not on a bold pen: some terminals brighten those), `90`–`97`
/// for the bright ones, `40`–`47` and `100`–`107` behind. Empty when `NO_COLOR` is set.
fn colour_param(colored: Colored, bold: bool) -> String {
    use crossterm::style::Color::AnsiValue;
    if Colored::ansi_color_disabled_memoized() {
        return String::new();
    }
    let short = match colored {
        Colored::ForegroundColor(AnsiValue(i @ 0..=7)) if !bold => 30 + i,
        Colored::ForegroundColor(AnsiValue(i @ 8..=15)) => 82 + i,
        Colored::BackgroundColor(AnsiValue(i @ 0..=7)) => 40 + i,
        Colored::BackgroundColor(AnsiValue(i @ 8..=15)) => 92 + i,
        _ => return colored.to_string(),
    };
    short.to_string()
}

/// Bytes of `params` joined with `;`.
fn joined_len(params: &[String]) -> usize {
    params.iter().map(String::len).sum::<usize>() + params.len().saturating_sub(1)
}

/// The crossterm colour ratatui's stock backend writes for `color`.
fn crossterm_color(color: Color) -> crossterm::style::Color {
    use crossterm::style::Color as C;
    match color {
        Color::Reset => C::Reset,
        // The palette colours by index (crossterm writes its named ones as `38;5;N` too).
        Color::Black => C::AnsiValue(0),
        Color::Red => C::AnsiValue(1),
        Color::Green => C::AnsiValue(2),
        Color::Yellow => C::AnsiValue(3),
        Color::Blue => C::AnsiValue(4),
        Color::Magenta => C::AnsiValue(5),
        Color::Cyan => C::AnsiValue(6),
        Color::Gray => C::AnsiValue(7),
        Color::DarkGray => C::AnsiValue(8),
        Color::LightRed => C::AnsiValue(9),
        Color::LightGreen => C::AnsiValue(10),
        Color::LightYellow => C::AnsiValue(11),
        Color::LightBlue => C::AnsiValue(12),
        Color::LightMagenta => C::AnsiValue(13),
        Color::LightCyan => C::AnsiValue(14),
        Color::White => C::AnsiValue(15),
        Color::Indexed(i) => C::AnsiValue(i),
        Color::Rgb(r, g, b) => C::Rgb { r, g, b },
    }
}

/// Where the cursor is, as far as the writer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// At this cell.
    At(Position),
    /// Just wrote the last column of this row: terminals hold the cursor there until the next
    /// character wraps, and differ on what moves do meanwhile; a carriage return ends it.
    WrapPending(u16),
    /// Not known (after a glyph of uncertain width, a partial clear, at the start).
    Unknown,
}

/// The shortest bytes that move the cursor from `from` to `to`. Line feeds are plain (raw
/// mode turns output processing off) and go down only, never from the last row.
pub fn move_cursor(from: Cursor, to: Position) -> Vec<u8> {
    let mut best = cup(to);
    let (from, carriage_return_first) = match from {
        Cursor::Unknown => return best,
        Cursor::At(from) if from == to => return Vec::new(),
        Cursor::At(from) => (from, false),
        Cursor::WrapPending(row) => (Position::new(0, row), true),
    };
    let mut consider = |candidate: Vec<u8>| {
        if candidate.len() < best.len() {
            best = candidate;
        }
    };
    let vertical: Vec<Vec<u8>> = match to.y.cmp(&from.y) {
        std::cmp::Ordering::Equal => vec![Vec::new()],
        std::cmp::Ordering::Greater => {
            let down = to.y - from.y;
            let mut ways = vec![csi(down, b'B'), csi_abs(to.y, b'd')];
            if down <= 4 {
                ways.push(vec![b'\n'; usize::from(down)]);
            }
            ways
        }
        std::cmp::Ordering::Less => vec![csi(from.y - to.y, b'A'), csi_abs(to.y, b'd')],
    };
    for down in &vertical {
        // The column stays where it was…
        if !carriage_return_first {
            let mut same_column = down.clone();
            same_column.extend(horizontal(from.x, to.x));
            consider(same_column);
        }
        // …or starts again from the left edge.
        let mut from_left = vec![b'\r'];
        from_left.extend_from_slice(down);
        from_left.extend(horizontal(0, to.x));
        consider(from_left);
    }
    best
}

/// Moves along a row from column `from` to `to`.
fn horizontal(from: u16, to: u16) -> Vec<u8> {
    let relative = match to.cmp(&from) {
        std::cmp::Ordering::Equal => return Vec::new(),
        std::cmp::Ordering::Greater => csi(to - from, b'C'),
        std::cmp::Ordering::Less => csi(from - to, b'D'),
    };
    let absolute = csi_abs(to, b'G');
    if absolute.len() < relative.len() {
        absolute
    } else {
        relative
    }
}

/// `CSI n final`, with n left out when it is 1 (the default).
fn csi(n: u16, final_byte: u8) -> Vec<u8> {
    let mut out = b"\x1b[".to_vec();
    if n != 1 {
        out.extend_from_slice(n.to_string().as_bytes());
    }
    out.push(final_byte);
    out
}

/// `CSI n final` for an absolute 0-based position `at` (written 1-based).
fn csi_abs(at: u16, final_byte: u8) -> Vec<u8> {
    csi(at + 1, final_byte)
}

/// CUP to `to`, with defaults left out.
fn cup(to: Position) -> Vec<u8> {
    let mut out = b"\x1b[".to_vec();
    if to.y != 0 || to.x != 0 {
        out.extend_from_slice((to.y + 1).to_string().as_bytes());
    }
    if to.x != 0 {
        out.push(b';');
        out.extend_from_slice((to.x + 1).to_string().as_bytes());
    }
    out.push(b'H');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sgr(from: Pen, to: Pen) -> String {
        let mut out = Vec::new();
        from.change_to(to, &mut out);
        String::from_utf8(out).expect("ASCII")
    }

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        Pen {
            fg,
            bg,
            underline: Color::Reset,
            modifier,
        }
    }

    #[test]
    fn only_what_changes_is_written() {
        let none = Modifier::empty();
        let plain = Pen::default();
        let red = pen(Color::Red, Color::Reset, none);
        assert_eq!(sgr(plain, plain), "");
        assert_eq!(sgr(plain, red), "\x1b[31m");
        let muted = pen(Color::DarkGray, Color::Reset, none);
        assert_eq!(
            sgr(plain, muted),
            "\x1b[90m",
            "bright colours take short codes"
        );
        let on_white = pen(Color::Reset, Color::White, none);
        assert_eq!(sgr(plain, on_white), "\x1b[107m");
        let red_bold = pen(Color::Red, Color::Reset, Modifier::BOLD);
        assert_eq!(
            sgr(plain, red_bold),
            "\x1b[1;38;5;1m",
            "bold keeps the long form"
        );
        assert_eq!(
            sgr(red, red_bold),
            "\x1b[1;38;5;1m",
            "and says the colour again"
        );
        assert_eq!(sgr(red_bold, plain), "\x1b[m", "a reset is shortest");
        let dim_bold = pen(Color::Red, Color::Reset, Modifier::BOLD | Modifier::DIM);
        assert_eq!(sgr(dim_bold, red_bold), "\x1b[22;1m");
        assert_eq!(sgr(red_bold, red), "\x1b[0;31m", "a reset is shorter");
        let reversed = pen(Color::Reset, Color::Reset, Modifier::REVERSED);
        assert_eq!(sgr(red_bold, reversed), "\x1b[0;7m");
    }

    #[test]
    fn moves_take_the_fewest_bytes() {
        let at = |x, y| Position::new(x, y);
        let from = |x, y| Cursor::At(at(x, y));
        assert_eq!(move_cursor(from(3, 2), at(3, 2)), b"");
        assert_eq!(move_cursor(Cursor::Unknown, at(0, 0)), b"\x1b[H");
        assert_eq!(move_cursor(Cursor::Unknown, at(9, 4)), b"\x1b[5;10H");
        assert_eq!(move_cursor(from(3, 2), at(5, 2)), b"\x1b[2C");
        assert_eq!(move_cursor(from(3, 2), at(3, 3)), b"\n");
        assert_eq!(move_cursor(from(30, 2), at(0, 3)), b"\r\n");
        assert_eq!(move_cursor(from(30, 2), at(29, 2)), b"\x1b[D");
        assert_eq!(move_cursor(from(30, 20), at(50, 3)), b"\x1b[4;51H");
        // Waiting to wrap at the end of row 2: a carriage return comes first.
        assert_eq!(move_cursor(Cursor::WrapPending(2), at(0, 3)), b"\r\n");
        assert_eq!(move_cursor(Cursor::WrapPending(2), at(0, 2)), b"\r");
        assert_eq!(
            move_cursor(Cursor::WrapPending(2), at(70, 2)),
            b"\r\x1b[70C"
        );
    }
}
