//! P7: a simulator with 1,000,000 generated users. Prefix searches timed server side (the
//! `Server-Timing: search;dur=` header of the users list: filter parsing, index lookup, page
//! building), and the console's memory after scrolling through 10,000 results.

use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use pingdesk::api::UserQuery;

use crate::procs::{self, Sim};
use crate::report::{Goal, Report, Summary, Unit};
use crate::term::{self, Term};
use crate::{Ctx, millis, screen};

/// Generated users on top of the demo's 57.
const GENERATED: u64 = 1_000_000;
/// Rows to scroll through.
const ROWS: u64 = 10_000;

/// The filter the console sends for `typed`.
fn console_filter(typed: &str) -> anyhow::Result<String> {
    match UserQuery::from_input(typed) {
        UserQuery::Filter(filter) => Ok(filter.render()),
        other => bail!("{typed:?} is not a filter search: {other:?}"),
    }
}

/// Measures P7.
pub fn million_users(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    let loading = Instant::now();
    let users = GENERATED.to_string();
    let sim = Sim::start(
        &ctx.bin,
        &["--users", &users],
        &ctx.scratch,
        Duration::from_secs(600),
    )?;
    report.note(
        "P7",
        &format!(
            "the simulator loaded 1,000,057 users in {:.1} s",
            loading.elapsed().as_secs_f64()
        ),
    );
    let token = sim.token()?;
    let queries = [
        (
            "username sw \"james.smith1\"".to_owned(),
            "username sw \"james.smith1\"",
        ),
        (
            console_filter("smi")?,
            "the console's 4-way prefix filter for \"smi\"",
        ),
        (
            console_filter("a")?,
            "the console's 4-way prefix filter for \"a\"",
        ),
        (
            "email sw \"olga.tanaka\"".to_owned(),
            "email sw \"olga.tanaka\"",
        ),
    ];
    for (filter, label) in &queries {
        let (mut server, mut client) = (Vec::new(), Vec::new());
        let mut count = 0;
        for run in 0..=ctx.runs {
            let started = Instant::now();
            let reply = sim.list(&token, filter, 100)?;
            let took = started.elapsed();
            let timing = reply
                .header("server-timing")
                .context("no Server-Timing header")?;
            let dur: f64 = timing
                .split(';')
                .find_map(|part| part.trim().strip_prefix("dur="))
                .and_then(|d| d.parse().ok())
                .with_context(|| format!("unreadable Server-Timing {timing:?}"))?;
            count = reply.json()?["count"].as_u64().unwrap_or(0);
            if run > 0 {
                server.push(dur);
                client.push(millis(took));
            }
        }
        report.add(
            "P7",
            &format!("server: {label} ({count} match)"),
            Summary::of(&server),
            Unit::Ms,
            Goal::AtMost(5.0),
        );
        report.add(
            "P7",
            "  end to end (driver, new connection)",
            Summary::of(&client),
            Unit::Ms,
            Goal::None,
        );
    }
    let (mut first, mut rss, mut hwm) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ctx.runs.clamp(1, 3) {
        let (at_first, after) = scroll(ctx, &sim)?;
        first.push(megabytes(at_first.0));
        rss.push(megabytes(after.0));
        hwm.push(megabytes(after.1));
    }
    report.add(
        "P7",
        "console VmRSS after the first page (100 rows)",
        Summary::of(&first),
        Unit::MB,
        Goal::None,
    );
    report.add(
        "P7",
        "console VmRSS after scrolling 10,000 rows",
        Summary::of(&rss),
        Unit::MB,
        Goal::AtMost(25.0),
    );
    report.add(
        "P7",
        "console VmHWM (peak) after 10,000 rows",
        Summary::of(&hwm),
        Unit::MB,
        Goal::None,
    );
    Ok(())
}

/// Starts a console on `sim`, lists every user, holds End until 10,000 rows are loaded (100 per
/// page); returns (`VmRSS`, `VmHWM`) in KiB at the first page and at the end.
fn scroll(ctx: &Ctx, sim: &Sim) -> anyhow::Result<((u64, u64), (u64, u64))> {
    let mut term = Term::spawn(&ctx.bin, &[], &sim.env, screen::SIZE, &ctx.scratch)?;
    term.settled("the first page", |s| {
        term::listed(s).is_some_and(|(n, _)| n == 100)
    })?;
    let at_first = procs::memory_kib(term.pid)?;
    term.send(b"\r")?;
    term.settled("the list", |s| s.contains("u unlock"))?;
    let mut loaded = 100;
    while loaded < ROWS {
        term.send(b"\x1b[F")?; // End
        let text = term.wait_for("the next page", |s| {
            term::listed(s).is_some_and(|(n, _)| n > loaded)
        })?;
        loaded = term::listed(&text).map_or(loaded, |(n, _)| n);
    }
    term.quiet(Duration::from_millis(300))?;
    Ok((at_first, procs::memory_kib(term.pid)?))
}

/// KiB → MB (10⁶ bytes).
#[allow(clippy::cast_precision_loss)] // memory sizes
fn megabytes(kib: u64) -> f64 {
    (kib * 1024) as f64 / 1e6
}
