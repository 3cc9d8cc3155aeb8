//! The console's backend (`DeltaBackend`) against ratatui's stock crossterm backend: a scripted
//! session (moves, typing, a paste, the confirm dialog and the help over wide text, a countdown)
//! is drawn through both, and after every frame the two outputs must leave identical vt100
//! screens: every cell's text and attributes, the cursor's visibility and, when it is shown,
//! its position. Names hold
//! wide (CJK) and combining characters. The backend must also write fewer bytes.

#[path = "common/console.rs"]
mod console;
#[path = "common/vt.rs"]
mod vt;

use std::time::Duration;

use console::*;
use pingdesk::pingone::user::Name;
use pingdesk::runtime::backend::DeltaBackend;
use ratatui::backend::CrosstermBackend;
use vt::Vt;

/// Users named `names` (username, given, family); every third locked, the fourth with a
/// countdown.
fn named(names: &[(&str, &str, &str)], start: jiff::Timestamp) -> Vec<User> {
    names
        .iter()
        .enumerate()
        .map(|(i, (username, given, family))| {
            let mut user = user(&format!("id-{i}"), i % 3 == 0);
            user.username = (*username).into();
            user.name = Some(Name {
                given: Some((*given).into()),
                family: Some((*family).into()),
                ..Name::default()
            });
            if i == 3 {
                let account = user.account.get_or_insert_default();
                account.unlock_at = Some(start + jiff::SignedDuration::from_secs(95));
            }
            user
        })
        .collect()
}

/// Users whose names are wide, combining, or plain.
fn users(start: jiff::Timestamp) -> Vec<User> {
    let names = [
        ("tanaka", "田中", "太郎"),
        ("zoe", "Zoe\u{308}", "Ade\u{301}lie"),
        ("li.na", "李", "娜娜娜"),
        ("dmitri", "Дмитрий", "Ивано\u{301}в"),
        ("ana", "Ana", "Smith"),
        ("kenji", "ｹﾝｼﾞ", "山本"),
        ("jose", "Jose\u{301}", "Nun\u{303}ez"),
        ("chen", "陈", "伟"),
    ];
    named(&names, start)
}

/// Text, wide, wide continuation, colours, attributes.
type Seen = (String, bool, bool, [vt100::Color; 2], [bool; 5]);

/// What a person sees of a cell: its text (a cell never written shows a space, as a written
/// space does), whether it is half of a wide glyph, its colours and attributes.
fn seen(cell: Option<&vt100::Cell>) -> Option<Seen> {
    cell.map(|c| {
        let text = if c.has_contents() { c.contents() } else { " " };
        (
            text.to_owned(),
            c.is_wide(),
            c.is_wide_continuation(),
            [c.fgcolor(), c.bgcolor()],
            [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()],
        )
    })
}

/// The first difference between two screens, if any.
fn difference(stock: &vt100::Screen, ours: &vt100::Screen) -> Option<String> {
    // Where a hidden cursor stands is not seen (and leaving the alternate screen puts it back).
    if !stock.hide_cursor() && stock.cursor_position() != ours.cursor_position() {
        return Some(format!(
            "cursor at {:?}, stock at {:?}",
            ours.cursor_position(),
            stock.cursor_position()
        ));
    }
    if stock.hide_cursor() != ours.hide_cursor() {
        return Some("cursor visibility differs".into());
    }
    let (rows, cols) = stock.size();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let (a, b) = (seen(stock.cell(row, col)), seen(ours.cell(row, col)));
            if a != b {
                return Some(format!("cell ({col}, {row}): {b:?}, stock {a:?}"));
            }
        }
    }
    None
}

/// The scripted session: moves, a countdown tick, opening, the confirm dialog and the help,
/// typing, a paste, paging.
fn script(start: Instant) -> Vec<Msg> {
    vec![
        key(KeyCode::Char('j')),
        key(KeyCode::Char('j')),
        key(KeyCode::Char('j')),
        Msg::Tick(start + Duration::from_secs(2)),
        key(KeyCode::Char('k')),
        key(KeyCode::Enter),
        key(KeyCode::Char('u')),
        key(KeyCode::Tab),
        key(KeyCode::Esc),
        key(KeyCode::Char('j')),
        key(KeyCode::Char('?')),
        key(KeyCode::Esc),
        key(KeyCode::Char('/')),
        key(KeyCode::Char('田')),
        key(KeyCode::Char('e')),
        key(KeyCode::Backspace),
        Msg::Pasted("Zoe\u{308}\nAde\u{301}lie".into()),
        key(KeyCode::Tab),
        key(KeyCode::End),
        key(KeyCode::Home),
        Msg::Tick(start + Duration::from_secs(7)),
        key(KeyCode::Char('u')),
        key(KeyCode::Char('n')),
    ]
}

/// Runs the script over `users` at `width`×`height`, calling `frame(step, state, keys)` after
/// the first state and after each message.
fn session(
    users: Vec<User>,
    width: u16,
    height: u16,
    mut frame: impl FnMut(usize, &State, &KeyMap),
) {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), users, start);
    update(
        &mut state,
        &keys,
        Msg::Resized {
            list_rows: pingdesk::ui::list_rows(width, height),
        },
    );
    frame(0, &state, &keys);
    for (step, msg) in script(start).into_iter().enumerate() {
        if let Msg::Tick(now) = msg {
            state.now = now;
        }
        update(&mut state, &keys, msg);
        frame(step + 1, &state, &keys);
    }
}

/// Plays the session at `width`×`height` through both backends, comparing after every frame;
/// returns the bytes each wrote in all.
fn play(width: u16, height: u16) -> (usize, usize) {
    let mut stock = Vt::new(width, height, |out, _| CrosstermBackend::new(out));
    let mut ours = Vt::new(width, height, DeltaBackend::with_size);
    let (mut stock_bytes, mut our_bytes) = (0, 0);
    session(
        users(jiff::Timestamp::now()),
        width,
        height,
        |step, state, keys| {
            stock_bytes += stock.draw(state, keys);
            our_bytes += ours.draw(state, keys);
            if let Some(why) = difference(stock.parser.screen(), ours.parser.screen()) {
                panic!(
                    "{width}×{height}, step {step}: {why}\n--- stock ---\n{}\n--- ours ---\n{}",
                    stock.parser.screen().contents(),
                    ours.parser.screen().contents()
                );
            }
        },
    );
    let text = ours.parser.screen().contents();
    assert!(
        text.contains("田中") && (text.contains("Zoë") || text.contains("Zoe\u{308}")),
        "the wide and combining names were drawn:\n{text}"
    );
    (stock_bytes, our_bytes)
}

/// Text whose width terminals (and vt100) may see otherwise than ratatui does: Devanagari,
/// flags, a ZWJ sequence, VS16, a skin tone; beside CJK.
fn uncertain(start: jiff::Timestamp) -> Vec<User> {
    let names = [
        ("priya", "प्रिया", "शर्मा"),
        ("flags", "🇺🇸🇫🇷", "Drapeau"),
        ("dev", "👩\u{200d}💻", "Dev"),
        ("heart", "❤\u{fe0f}", "Amour"),
        ("thumb", "👍🏽", "Okafor"),
        ("tanaka", "田中", "太郎"),
        ("ana", "Ana", "Smith"),
    ];
    named(&names, start)
}

/// After every frame the screen drawn frame by frame equals the frame drawn alone on a fresh
/// screen: no glyph of uncertain width leaves anything behind.
fn nothing_outlives_its_frame(width: u16, height: u16) {
    let mut ours = Vt::new(width, height, DeltaBackend::with_size);
    session(
        uncertain(jiff::Timestamp::now()),
        width,
        height,
        |step, state, keys| {
            ours.draw(state, keys);
            let mut fresh = Vt::new(width, height, DeltaBackend::with_size);
            fresh.draw(state, keys);
            if let Some(why) = difference(fresh.parser.screen(), ours.parser.screen()) {
                panic!(
                    "{width}×{height}, step {step}: {why}\n--- fresh ---\n{}\n--- drawn ---\n{}",
                    fresh.parser.screen().contents(),
                    ours.parser.screen().contents()
                );
            }
        },
    );
}

#[test]
fn no_glyph_outlives_its_frame_at_80x24() {
    nothing_outlives_its_frame(80, 24);
}

#[test]
fn no_glyph_outlives_its_frame_at_120x40() {
    nothing_outlives_its_frame(120, 40);
}

#[test]
fn frames_match_the_stock_backend_at_80x24() {
    let (stock, ours) = play(80, 24);
    assert!(ours < stock, "ours wrote {ours} bytes, stock {stock}");
}

#[test]
fn frames_match_the_stock_backend_at_120x40() {
    let (stock, ours) = play(120, 40);
    assert!(ours < stock, "ours wrote {ours} bytes, stock {stock}");
}
