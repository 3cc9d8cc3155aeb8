//! P6: requests per action, from a standalone simulator's counters (`GET /_sim/stats`), with the
//! release console pointed at it through the `export` variables and driven in a PTY.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::Ctx;
use crate::procs::Sim;
use crate::report::{Goal, Report, Summary, Unit};
use crate::screen;
use crate::term::Term;

/// The simulator's token lifetime for P6.
const TOKEN_LIFETIME: Duration = Duration::from_secs(120);
/// How often the session reads a user (so the client asks for a token).
const SESSION_STEP: Duration = Duration::from_secs(10);

/// Counters per route.
pub type Counts = BTreeMap<String, u64>;

/// The actions counted each round, with their goals.
const ACTIONS: [(&str, f64); 4] = [
    ("unlock (u, y)", 1.0),
    (
        "opening a user not read in 30 s (j…, Enter, Esc): password, devices, sessions, groups",
        4.0,
    ),
    (
        "re-opening users read within 30 s (k…, Enter, Esc, j…, Enter, Esc)",
        0.0,
    ),
    ("typing \"williams\" at 10 keys/s (searches)", 1.0),
];

/// Requests per route between two counter readings (routes with none left out), and the total.
pub fn delta(before: &Counts, after: &Counts) -> (u64, String) {
    let mut total = 0;
    let mut parts = Vec::new();
    for (route, n) in after {
        let d = n - before.get(route).copied().unwrap_or(0);
        if d > 0 {
            total += d;
            parts.push(format!("{route} {d}"));
        }
    }
    let text = if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    };
    (total, text)
}

/// Measures P6.
pub fn per_action(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    // Short-lived tokens, so a 10-minute session needs several: one per lifetime as the
    // renewal margin allows, and none extra.
    let lifetime = TOKEN_LIFETIME.as_secs().to_string();
    let sim = Sim::start(
        &ctx.bin,
        &["--token-lifetime", &lifetime],
        &ctx.scratch,
        Duration::from_secs(60),
    )?;
    // The driver's own token and lookup, for re-locking alice, before the counting starts.
    let token = sim.token()?;
    let alice = sim.user_id(&token, "alice.locked")?;
    let session_start = sim.stats()?;
    let mut term = Term::spawn(&ctx.bin, &[], &sim.env, screen::SIZE, &ctx.scratch)?;
    term.settled("the first page", |s| s.contains("Users 57 of 57"))?;
    let started = Instant::now();
    let rounds = ctx.runs.clamp(1, 3);
    let mut counts: [Vec<f64>; 4] = Default::default();
    let mut details: [String; 4] = Default::default();
    for n in 0..rounds {
        let relock = || sim.lock(&token, &alice);
        for (i, (total, detail)) in round(&mut term, &sim, n, relock)?.into_iter().enumerate() {
            #[allow(clippy::cast_precision_loss)] // small counts
            counts[i].push(total as f64);
            details[i] = detail;
        }
    }
    for (i, (action, goal)) in ACTIONS.iter().enumerate() {
        let label = format!("requests: {action}");
        let summary = Summary::of(&counts[i]);
        report.add("P6", &label, summary, Unit::Count, Goal::Exactly(*goal));
        report.note("P6", &format!("{action}: {} (last round)", details[i]));
    }
    let length = if ctx.long { 600 } else { 60 };
    let session_counts = session(&mut term, &sim, started, Duration::from_secs(length))?;
    let token_of = |counts: &Counts| counts.get("token").copied().unwrap_or(0);
    #[allow(clippy::cast_precision_loss)] // small counts
    let tokens = (token_of(&session_counts) - token_of(&session_start)) as f64;
    let seconds = started.elapsed().as_secs();
    // pingdesk renews a token once 90 % of a short lifetime has passed (108 s of 120 s), at the
    // next request: every 110 s with a read every 10 s, so a session of `length` seconds
    // fetches one token, plus one per 110 s that follow.
    let renew = TOKEN_LIFETIME.mul_f64(0.9).as_secs() + SESSION_STEP.as_secs();
    #[allow(clippy::cast_precision_loss)] // small counts
    let expected = (1 + (length - 1) / renew) as f64;
    report.add(
        "P6",
        &format!(
            "token requests over a {}-minute session ({} s tokens)",
            seconds / 60,
            TOKEN_LIFETIME.as_secs()
        ),
        Summary::of(&[tokens]),
        Unit::Count,
        Goal::Exactly(expected),
    );
    report.note(
        "P6",
        &format!(
            "session: the console ran {seconds} s, reading a user (r) every {} s, against a \
             simulator issuing {} s tokens (renewed after 90 %, at the next request); \
             `--long` runs the full 10 minutes. Session requests: {} ({rounds} user_action of \
             them are the driver re-locking alice)",
            SESSION_STEP.as_secs(),
            TOKEN_LIFETIME.as_secs(),
            delta(&session_start, &session_counts).1
        ),
    );
    Ok(())
}

/// One round (the `n`th) from the full list with focus in the search field, back to it at the
/// end: open a user not opened before, re-open users read within 30 s, type a name, unlock
/// alice. Returns (requests, per route) for each action.
fn round(
    term: &mut Term,
    sim: &Sim,
    n: usize,
    relock: impl Fn() -> anyhow::Result<()>,
) -> anyhow::Result<[(u64, String); 4]> {
    term.send(b"\r")?;
    term.settled("the list", |s| s.contains("u unlock"))?;
    // The first row (alice) opened itself when the list arrived. Row n + 1 was never opened:
    // the moves go in one write, so no row on the way rests long enough to open.
    let down = "j".repeat(n + 1);
    let up = "k".repeat(n + 1);
    let before = sim.stats()?;
    keys(term, &[down.as_bytes(), b"\r", b"\x1b"])?;
    let opening = delta(&before, &sim.stats()?);
    let before = sim.stats()?;
    keys(
        term,
        &[
            up.as_bytes(),
            b"\r",
            b"\x1b",
            down.as_bytes(),
            b"\r",
            b"\x1b",
            up.as_bytes(),
        ],
    )?;
    let reopening = delta(&before, &sim.stats()?);
    // Typing an 8-letter name at 10 keys/s, into an empty search field.
    term.send(b"/")?;
    term.settled("the search field", |s| s.contains("go to results"))?;
    let before = sim.stats()?;
    for key in b"williams" {
        term.send(&[*key])?;
        std::thread::sleep(Duration::from_millis(100));
    }
    term.settled("Noah Williams", |s| {
        s.contains("Users 1 of 1") && s.contains("noah.williams")
    })?;
    // Only the searches count here: the user the results select opens by itself once it rests.
    let after = sim.stats()?;
    let searches = after.get("list_users").copied().unwrap_or(0)
        - before.get("list_users").copied().unwrap_or(0);
    let typing = (searches, delta(&before, &after).1);
    // Unlock: alice is locked again (an earlier round unlocked her), found, u, y.
    relock()?;
    term.send(b"\x15alice.locked")?; // Ctrl-U clears the field
    term.settled("alice.locked", |s| {
        s.contains("Users 1 of 1") && s.contains("alice.locked")
    })?;
    term.send(b"\r")?;
    term.settled("the list", |s| s.contains("u unlock"))?;
    let before = sim.stats()?;
    term.send(b"u")?;
    term.settled("the confirm dialog", |s| s.contains("Confirm: unlock"))?;
    term.send(b"y")?;
    // The status line may still say so from the last round: wait for the row to say OK.
    term.settled("the unlock", |s| {
        !s.contains("Confirm: unlock")
            && s.contains("Unlocked the account of alice.locked")
            && s.lines().any(|line| {
                let list = line.split("││").next().unwrap_or(line);
                list.contains("alice.locked") && list.contains(" OK ")
            })
    })?;
    let unlock = delta(&before, &sim.stats()?);
    // Back to an empty search.
    term.send(b"/\x15")?;
    term.settled("all users again", |s| s.contains("Users 57 of 57"))?;
    Ok([unlock, opening, reopening, typing])
}

/// Sends each key sequence and waits for the screen to settle after it, then for the open
/// delay to pass (so a resting selection would have opened, and its read been counted).
fn keys(term: &mut Term, sequences: &[&[u8]]) -> anyhow::Result<()> {
    for sequence in sequences {
        term.send(sequence)?;
        if *sequence == b"\x1b" {
            // A lone ESC read together with the next byte is Alt+that key: keep them apart.
            std::thread::sleep(Duration::from_millis(150));
        }
        term.quiet(Duration::from_millis(100))?;
    }
    std::thread::sleep(Duration::from_millis(400));
    term.quiet(Duration::from_millis(100))
}

/// Keeps the console busy (r: read the selected user again) every 10 s until `length` has
/// passed since `started`; returns the counters at the end.
fn session(
    term: &mut Term,
    sim: &Sim,
    started: Instant,
    length: Duration,
) -> anyhow::Result<Counts> {
    term.send(b"\r")?;
    term.settled("the list", |s| s.contains("u unlock"))?;
    while started.elapsed() < length {
        term.send(b"r")?;
        let left = length.saturating_sub(started.elapsed());
        std::thread::sleep(SESSION_STEP.min(left));
    }
    sim.stats()
}
