//! P8: the time from Enter to a complete detail pane (password, MFA devices, sessions, groups
//! and population all shown) against a standalone simulator that adds 50 ms to every request,
//! with the release console in a PTY; and the requests a re-open within 30 s sends.

use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::procs::Sim;
use crate::report::{Goal, Report, Summary, Unit};
use crate::requests::delta;
use crate::term::Term;
use crate::{Ctx, http, millis, screen};

/// The latency the simulator adds to every request.
const LATENCY: Duration = Duration::from_millis(50);

/// Usernames of the demo list's rows 1, 2, 3…, in order (row 0, alice, opens at start).
const ROWS: [&str; 10] = [
    "bob.autounlock",
    "carol.pwfail",
    "dave.disabled",
    "erin.unverified",
    "frank.ok",
    "gina.pwtimer",
    "hank.expired",
    "ivy.mustchange",
    "judy.nopassword",
    "ken.ldap",
];

/// Whether the detail pane shows `username` with every section read: nothing says
/// `reading…`, and no tab carries the `…` of a read under way.
fn complete(text: &str, username: &str) -> bool {
    let detail = |line: &str| line.split("││").nth(1).map(str::to_owned);
    let pane: Vec<String> = text.lines().filter_map(detail).collect();
    pane.first().is_some_and(|l| l.contains(username))
        && !pane.iter().any(|l| l.contains("reading…"))
        && pane.get(1).is_some_and(|tabs| !tabs.contains('…'))
}

/// Measures P8.
pub fn open_latency(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    let sim = Sim::start(&ctx.bin, &[], &ctx.scratch, Duration::from_secs(60))?;
    let body = format!(r#"{{"latency_ms": {}}}"#, LATENCY.as_millis());
    http::request(
        sim.port,
        "PUT",
        "/_sim/faults",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )?
    .ok()
    .context("setting the simulator's latency")?;
    let mut term = Term::spawn(&ctx.bin, &[], &sim.env, screen::SIZE, &ctx.scratch)?;
    term.settled("the first page", |s| s.contains("Users 57 of 57"))?;
    term.send(b"\r")?;
    term.settled("the list", |s| s.contains("u unlock"))?;
    let runs = ctx.runs.clamp(1, ROWS.len() - 1);
    let mut took = Vec::new();
    let mut requests = Vec::new();
    for username in &ROWS[..runs] {
        let before = sim.stats()?;
        // Down to a user not read yet and Enter at once: the reads start with Enter.
        let started = Instant::now();
        term.send(b"j\r")?;
        term.wait_for(&format!("{username}'s complete detail pane"), |s| {
            complete(s, username)
        })?;
        took.push(millis(started.elapsed()));
        term.quiet(Duration::from_millis(200))?;
        #[allow(clippy::cast_precision_loss)] // small counts
        requests.push(delta(&before, &sim.stats()?).0 as f64);
        // Back to the list, for the next j.
        term.send(b"\x1b")?;
        std::thread::sleep(Duration::from_millis(150));
        term.quiet(Duration::from_millis(100))?;
    }
    let one = millis(LATENCY);
    report.add(
        "P8",
        &format!("Enter → complete detail pane, {one:.0} ms per request"),
        Summary::of(&took),
        Unit::Ms,
        Goal::AtMost(one * 1.3),
    );
    let ratios: Vec<f64> = took.iter().map(|t| t / one).collect();
    report.add(
        "P8",
        "… as a multiple of one request's latency",
        Summary::of(&ratios),
        Unit::Times,
        Goal::AtMost(1.3),
    );
    report.add(
        "P8",
        "requests sent by that open (sections in parallel)",
        Summary::of(&requests),
        Unit::Count,
        Goal::None,
    );
    // Up again, Enter: every user on the way was read seconds ago.
    let before = sim.stats()?;
    for _ in 0..runs.min(3) {
        term.send(b"k\r")?;
        std::thread::sleep(Duration::from_millis(400));
        term.quiet(Duration::from_millis(100))?;
        term.send(b"\x1b")?;
        std::thread::sleep(Duration::from_millis(150));
    }
    term.quiet(Duration::from_millis(200))?;
    #[allow(clippy::cast_precision_loss)] // small counts
    let reopen = delta(&before, &sim.stats()?).0 as f64;
    report.add(
        "P8",
        "requests of re-opening users read within 30 s",
        Summary::of(&[reopen]),
        Unit::Count,
        Goal::Exactly(0.0),
    );
    report.note(
        "P8",
        "each open reads the password, MFA devices, sessions and group names at once (the \
         population of these users was read when alice opened at start, once per run)",
    );
    Ok(())
}
