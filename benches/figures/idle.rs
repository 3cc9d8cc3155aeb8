//! P5: what an idle console costs over 10 s windows: CPU ticks (utime + stime, the whole
//! process) and wake-ups (voluntary + involuntary context switches summed over its threads),
//! with nothing changing and while a countdown shows (`bob.autounlock`'s lock ends by itself).
//! Measured on `pingdesk --demo` (the simulator's threads are in the process) and on a console
//! pointed at a standalone simulator (the console alone).

use std::time::Duration;

use crate::Ctx;
use crate::procs::{self, Sim, Usage};
use crate::report::{Goal, Report, Summary, Unit};
use crate::screen;
use crate::term::Term;

/// One window.
const WINDOW: Duration = Duration::from_secs(10);

/// Measures P5.
pub fn idle_cost(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    let windows = ctx.runs.clamp(1, 3);
    let demo = screen::demo(ctx)?;
    measure(report, "demo, whole process", demo, windows)?;
    let sim = Sim::start(&ctx.bin, &[], &ctx.scratch, Duration::from_secs(60))?;
    let console = Term::spawn(&ctx.bin, &[], &sim.env, screen::SIZE, &ctx.scratch)?;
    console.settled("the first page", |s| s.contains("Users 57 of 57"))?;
    measure(report, "console alone (standalone sim)", console, windows)?;
    Ok(())
}

/// Idle windows, then a search for `bob.autounlock` and countdown windows.
fn measure(report: &mut Report, label: &str, mut term: Term, windows: usize) -> anyhow::Result<()> {
    std::thread::sleep(Duration::from_secs(1)); // start-up work done
    let idle = sample(term.pid, windows)?;
    add(
        report,
        &format!("{label}: idle"),
        &idle,
        Goal::AtMost(0.0),
        Goal::None,
    );
    term.send(b"bob.autounlock")?;
    term.settled("bob's countdown", |s| {
        s.contains("Users 1 of 1") && s.contains("bob.autounlock")
    })?;
    let counting = sample(term.pid, windows)?;
    add(
        report,
        &format!("{label}: countdown"),
        &counting,
        Goal::None,
        Goal::AtMost(1.0),
    );
    for (what, usage) in [("idle", &idle[0]), ("countdown", &counting[0])] {
        report.note(
            "P5",
            &format!(
                "{label}, {what}, first window, per thread: {}",
                threads(usage)
            ),
        );
    }
    Ok(())
}

/// `windows` consecutive windows of [`WINDOW`].
fn sample(pid: u32, windows: usize) -> anyhow::Result<Vec<Usage>> {
    let mut before = procs::usage(pid)?;
    let mut out = Vec::new();
    for _ in 0..windows {
        std::thread::sleep(WINDOW);
        let after = procs::usage(pid)?;
        out.push(before.until(&after));
        before = after;
    }
    Ok(out)
}

/// Adds one mode's ticks and wake-ups (voluntary switches, then all) to the report.
fn add(report: &mut Report, label: &str, windows: &[Usage], ticks_goal: Goal, wake_goal: Goal) {
    #[allow(clippy::cast_precision_loss)] // small counts
    let ticks: Vec<f64> = windows.iter().map(|u| u.ticks as f64).collect();
    #[allow(clippy::cast_precision_loss)]
    let per_second = |count: fn(&Usage) -> u64| -> Vec<f64> {
        windows
            .iter()
            .map(|u| count(u) as f64 / WINDOW.as_secs_f64())
            .collect()
    };
    let wakes = per_second(|u| u.switches);
    let slept = per_second(|u| u.voluntary);
    report.add(
        "P5",
        &format!("{label}: CPU ticks / 10 s"),
        Summary::of(&ticks),
        Unit::Count,
        ticks_goal,
    );
    report.add(
        "P5",
        &format!("{label}: wake-ups (voluntary switches)"),
        Summary::of(&slept),
        Unit::PerSec,
        wake_goal,
    );
    report.add(
        "P5",
        &format!("{label}:   all switches, preemptions included"),
        Summary::of(&wakes),
        Unit::PerSec,
        Goal::None,
    );
}

/// "name T ticks V+I switches; …" (voluntary + involuntary) for the threads that did anything.
fn threads(usage: &Usage) -> String {
    if usage.by_thread.is_empty() {
        return "none woke".to_owned();
    }
    usage
        .by_thread
        .iter()
        .map(|(name, (t, v, i))| format!("{name} {t} ticks {v}+{i} switches"))
        .collect::<Vec<_>>()
        .join("; ")
}
