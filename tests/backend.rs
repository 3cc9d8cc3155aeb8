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

/// Users whose names are wide, combining, or plain; two locked (one with a countdown).
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

/// Plays the session at `width`×`height`, comparing after every frame; returns the bytes each
/// backend wrote in all.
fn play(width: u16, height: u16) -> (usize, usize) {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), users(jiff::Timestamp::now()), start);
    update(
        &mut state,
        &keys,
        Msg::Resized {
            list_rows: pingdesk::ui::list_rows(width, height),
        },
    );
    let mut stock = Vt::new(width, height, |out, _| CrosstermBackend::new(out));
    let mut ours = Vt::new(width, height, DeltaBackend::with_size);
    let (mut stock_bytes, mut our_bytes) = (0, 0);
    let script: Vec<Msg> = [
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
    .into_iter()
    .collect();
    for (step, msg) in std::iter::once(None)
        .chain(script.into_iter().map(Some))
        .enumerate()
    {
        if let Some(msg) = msg {
            if let Msg::Tick(now) = msg {
                state.now = now;
            }
            update(&mut state, &keys, msg);
        }
        stock_bytes += stock.draw(&state, &keys);
        our_bytes += ours.draw(&state, &keys);
        let (stock_screen, our_screen) = (&stock.parser, &ours.parser);
        if let Some(why) = difference(stock_screen.screen(), our_screen.screen()) {
            panic!(
                "{width}×{height}, step {step}: {why}\n--- stock ---\n{}\n--- ours ---\n{}",
                stock_screen.screen().contents(),
                our_screen.screen().contents()
            );
        }
    }
    let text = ours.parser.screen().contents();
    assert!(
        text.contains("田中") && text.contains("Zoë") || text.contains("Zoe\u{308}"),
        "the wide and combining names were drawn:\n{text}"
    );
    (stock_bytes, our_bytes)
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
