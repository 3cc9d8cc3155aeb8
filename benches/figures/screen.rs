//! P2 (exec → first complete frame), P4 (bytes per selection move) and P4b (bytes for a search
//! round), on `pingdesk --demo` in a 120×40 PTY with the release binary.

use std::time::{Duration, Instant};

use anyhow::bail;

use crate::report::{Goal, Report, Summary, Unit};
use crate::term::{self, Term};
use crate::{Ctx, millis};

/// The PTY size of both figures.
pub const SIZE: (u16, u16) = (120, 40);

/// The demo's first page is on screen, with the search field's key hints.
pub fn demo_loaded(text: &str) -> bool {
    text.contains("Users 57 of 57") && text.contains("go to results")
}

/// Starts `pingdesk --demo` at 120×40 and waits for the first page, settled.
pub fn demo(ctx: &Ctx) -> anyhow::Result<Term> {
    let term = Term::spawn(&ctx.bin, &["--demo"], &[], SIZE, &ctx.scratch)?;
    term.settled("the demo's first page", demo_loaded)?;
    Ok(term)
}

/// P2: from just before the spawn to the last byte of the first frame that shows the loaded
/// first page (its footer is the last row written, so the frame is whole); the screen must then
/// settle with the page still on it. The selected user opens 300 ms later (its sections are
/// read): that is a later frame, not counted.
pub fn first_frame(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    let mut complete = Vec::new();
    for _ in 0..=ctx.runs {
        let term = Term::spawn(&ctx.bin, &["--demo"], &[], SIZE, &ctx.scratch)?;
        term.wait_for("the demo's first page", demo_loaded)?;
        let (_, last) = term.written();
        term.quiet(Duration::from_millis(300))?;
        if !demo_loaded(&term.text()) {
            bail!("the first page did not stay on screen:\n{}", term.text());
        }
        complete.push(millis(last - term.spawned));
    }
    // The first run warms the page cache and is not counted.
    report.add(
        "P2",
        "exec → last byte of the first complete frame",
        Summary::of(&complete[1..]),
        Unit::Ms,
        Goal::AtMost(50.0),
    );
    Ok(())
}

/// P4: move the selection (8 × `j`, 8 × `k`, …), count the bytes written until 150 ms of quiet,
/// and compare with the floor: the cells that differ between the screens before and after (text
/// or attributes). Twice: on the demo's full list, which shows `priya.sharma`'s Devanagari name,
/// and on a list without Indic text (search "s").
pub fn bytes_per_move(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    for (label, query, total) in [
        ("full demo list (Devanagari on screen)", "", 57),
        ("list for \"s\" (no Indic text)", "s", 11),
    ] {
        let mut term = demo(ctx)?;
        term.send(query.as_bytes())?;
        term.settled("the list", |s| term::listed(s) == Some((total, total)))?;
        term.send(b"\r")?;
        term.settled("the list's key hints", |s| s.contains("u unlock"))?;
        let m = moves(&mut term, (ctx.runs * 3).max(16))?;
        report.add(
            "P4",
            &format!("{label}: bytes per move"),
            Summary::of(&m.bytes),
            Unit::Bytes,
            Goal::None,
        );
        report.add(
            "P4",
            &format!("{label}: floor (cells changed)"),
            Summary::of(&m.floors),
            Unit::Count,
            Goal::None,
        );
        report.add(
            "P4",
            &format!("{label}: bytes / floor"),
            Summary::of(&m.ratios),
            Unit::Times,
            Goal::AtMost(1.5),
        );
        report.note(
            "P4",
            &format!(
                "{label}, median bytes per move by kind: text {:.0} (UTF-8: box drawing and ▶ are 3 \
                 bytes a cell), cursor moves {:.0} in {:.0} moves, colours/attributes (SGR) {:.0}, \
                 other escapes {:.0}; changed cells on {:.0} rows",
                median(&m.parts[0]),
                median(&m.parts[1]),
                median(&m.parts[2]),
                median(&m.parts[3]),
                median(&m.parts[4]),
                median(&m.rows),
            ),
        );
    }
    Ok(())
}

/// The median of `values` (0 for none).
fn median(values: &[f64]) -> f64 {
    Summary::of(values).map_or(0.0, |s| s.median)
}

/// P4b: a full search round from the full list with focus in the search field: type a
/// 6-letter name (10 keys/s), the results arrive, Enter, Enter opens the first user and its
/// password is read. Bytes written over the round, beside the floor: the cells each frame
/// changed, summed (counted between escapes, so reads that join two frames still count both).
pub fn search_round(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    let mut floors = Vec::new();
    let mut ratios = Vec::new();
    let mut parts: [Vec<f64>; 5] = Default::default();
    for _ in 0..ctx.runs.clamp(1, 5) {
        let mut term = demo(ctx)?;
        term.take_raw();
        term.count_cells();
        for key in b"olivia" {
            term.send(&[*key])?;
            std::thread::sleep(Duration::from_millis(100));
        }
        term.settled("olivia's search", |s| {
            s.contains("Users 1 of 1") && s.contains("olivia.brown")
        })?;
        term.send(b"\r")?;
        term.settled("the list", |s| s.contains("u unlock"))?;
        term.send(b"\r")?;
        term.settled("the opened user", |s| {
            s.contains("password") && !s.contains("reading…")
        })?;
        let raw = term.take_raw();
        for (part, value) in parts.iter_mut().zip(kinds(&raw)) {
            #[allow(clippy::cast_precision_loss)]
            part.push(value as f64);
        }
        let written = raw.len();
        let floor = term.count_cells();
        #[allow(clippy::cast_precision_loss)] // screen-sized numbers
        let (written, floor) = (written as f64, floor as f64);
        bytes.push(written);
        floors.push(floor);
        ratios.push(written / floor.max(1.0));
    }
    let label = "search round (type \"olivia\", results, open the first user)";
    report.note(
        "P4b",
        &format!(
            "median bytes by kind: text {:.0}, cursor moves {:.0} in {:.0} moves, colours/attributes \
             (SGR) {:.0}, other escapes {:.0}",
            median(&parts[0]),
            median(&parts[1]),
            median(&parts[2]),
            median(&parts[3]),
            median(&parts[4]),
        ),
    );
    report.add(
        "P4b",
        &format!("{label}: bytes"),
        Summary::of(&bytes),
        Unit::Bytes,
        Goal::None,
    );
    report.add(
        "P4b",
        &format!("{label}: floor (cells changed, every frame)"),
        Summary::of(&floors),
        Unit::Count,
        Goal::None,
    );
    report.add(
        "P4b",
        &format!("{label}: bytes / floor"),
        Summary::of(&ratios),
        Unit::Times,
        Goal::AtMost(1.5),
    );
    Ok(())
}

/// Per move: bytes written, cells changed, their ratio, and the bytes by kind.
#[derive(Default)]
struct Moves {
    bytes: Vec<f64>,
    floors: Vec<f64>,
    ratios: Vec<f64>,
    /// Rows with a changed cell.
    rows: Vec<f64>,
    /// Text bytes, cursor-move bytes, cursor moves, SGR bytes, other escape bytes.
    parts: [Vec<f64>; 5],
}

/// `count` selection moves, measured.
fn moves(term: &mut Term, count: usize) -> anyhow::Result<Moves> {
    let mut m = Moves::default();
    term.take_raw();
    for i in 0..count {
        let before = term.screen();
        let (sent_before, _) = term.written();
        term.send(if (i / 8).is_multiple_of(2) {
            b"j"
        } else {
            b"k"
        })?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while term.written().0 == sent_before {
            if Instant::now() > deadline {
                bail!("no output after a move");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        term.quiet(Duration::from_millis(150))?;
        let raw = term.take_raw();
        let (floor, rows) = term::changed_cells(&before, &term.screen());
        #[allow(clippy::cast_precision_loss)] // screen-sized numbers
        let (written, floor) = (raw.len() as f64, floor as f64);
        m.bytes.push(written);
        m.floors.push(floor);
        m.ratios.push(written / floor.max(1.0));
        #[allow(clippy::cast_precision_loss)]
        m.rows.push(rows as f64);
        for (part, value) in m.parts.iter_mut().zip(kinds(&raw)) {
            #[allow(clippy::cast_precision_loss)]
            part.push(value as f64);
        }
    }
    Ok(m)
}

/// Splits terminal output into text bytes, cursor-move bytes (`CSI … H/A/B/C/D/G/d`, CR, LF),
/// the number of cursor moves, SGR bytes (`CSI … m`), and other escape bytes (erases, modes).
fn kinds(raw: &[u8]) -> [usize; 5] {
    let mut out = [0; 5];
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == 0x1b && raw.get(i + 1) == Some(&b'[') {
            let end = raw[i + 2..]
                .iter()
                .position(|b| (0x40..=0x7e).contains(b))
                .map_or(raw.len(), |p| i + 2 + p + 1);
            match raw[end - 1] {
                b'H' | b'A' | b'B' | b'C' | b'D' | b'G' | b'd' => {
                    out[1] += end - i;
                    out[2] += 1;
                }
                b'm' => out[3] += end - i,
                _ => out[4] += end - i,
            }
            i = end;
        } else if matches!(raw[i], b'\r' | b'\n') {
            out[1] += 1;
            if raw[i] == b'\r' || raw.get(i.wrapping_sub(1)) != Some(&b'\r') {
                out[2] += 1;
            }
            i += 1;
        } else {
            out[0] += 1;
            i += 1;
        }
    }
    out
}
