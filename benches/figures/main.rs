//! The figures of issues 5, 9, 10 and 13 (P1–P9, P4b), measured side by side in one run and
//! printed as a table: median, min and max of several runs, the goal beside each, ratios where
//! there is a peer.
//!
//! `cargo bench --bench figures` (release build). Options after `--`: `--runs N` (default 7),
//! `--long` (P6's token session lasts 10 minutes instead of 60 s), `--only P1,P5`.

mod bulk;
mod forward;
mod http;
mod idle;
mod open;
mod procs;
mod report;
mod requests;
mod scale;
mod screen;
mod term;
mod unlock;

#[path = "../common/keystroke.rs"]
mod keystroke;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use report::{Goal, Report, Summary, Unit};

/// What every figure needs.
pub struct Ctx {
    /// The pingdesk binary cargo built for this bench (release).
    pub bin: PathBuf,
    /// A scratch directory for config, state and logs.
    pub scratch: PathBuf,
    /// Runs per figure.
    pub runs: usize,
    /// Whether P6's session lasts 10 minutes.
    pub long: bool,
    /// Where the peers (Python, curl scripts) live.
    pub peers: PathBuf,
}

/// One figure: its name and the function that measures it.
type Figure = (&'static str, fn(&mut Report, &Ctx) -> anyhow::Result<()>);

/// Reads the options, runs the figures, prints the machine and the table.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
    };
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("cargo bench --bench figures [-- --runs N] [--long] [--only P1,P2,…]");
        return;
    }
    let runs = value("--runs")
        .and_then(|v| v.parse().ok())
        .unwrap_or(7_usize)
        .max(1);
    let only: Option<Vec<String>> =
        value("--only").map(|v| v.split(',').map(|f| f.trim().to_uppercase()).collect());
    let scratch = std::env::temp_dir().join(format!("pingdesk-figures-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("creating the scratch directory");
    let ctx = Ctx {
        bin: PathBuf::from(env!("CARGO_BIN_EXE_pingdesk")),
        scratch: scratch.clone(),
        runs,
        long: args.iter().any(|a| a == "--long"),
        peers: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/peers"),
    };
    let figures: [Figure; 10] = [
        ("P1", unlock::one_shot),
        ("P2", screen::first_frame),
        ("P3", per_keystroke),
        ("P4", screen::bytes_per_move),
        ("P4B", screen::search_round),
        ("P5", idle::idle_cost),
        ("P6", requests::per_action),
        ("P7", scale::million_users),
        ("P8", open::open_latency),
        ("P9", bulk::bulk_unlock),
    ];
    let started = Instant::now();
    let mut report = Report::default();
    for (name, figure) in figures {
        if only.as_ref().is_some_and(|o| !o.iter().any(|f| f == name)) {
            continue;
        }
        eprintln!("[{:>4}s] {name}…", started.elapsed().as_secs());
        if let Err(error) = figure(&mut report, &ctx) {
            eprintln!("{name} failed: {error:#}");
            report.note(name, &format!("FAILED: {error:#}"));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!("\n{}", machine(&ctx));
    println!("{}", report.render());
    println!("Took {} s.", started.elapsed().as_secs());
}

/// nproc, CPU model, memory, load, rustc, and the binary measured.
fn machine(ctx: &Ctx) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map_or("unknown", |rest| rest.trim_start_matches([' ', '\t', ':']));
    let nproc = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .map_or(String::new(), |m| m.trim().to_owned());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!(
        "Machine: {nproc} cores ({model}), {mem} RAM, load average {} at the end\n\
         Toolchain: {rustc}; binary {}\n\
         Each figure: the median of n runs, with the min and max; verdicts judge the median.",
        load.join(" "),
        ctx.bin.display()
    )
}

/// P3: `update` + a full draw through the console's backend (escape encoding and the write, to
/// a sink) at 120×40 with 200 users listed. Each run is the mean of 2,000 keystrokes;
/// `cargo bench --bench keystroke` has criterion's view.
#[allow(clippy::unnecessary_wraps)] // the signature every figure has
fn per_keystroke(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    const PRESSES: u32 = 2_000;
    for (measure, kind) in [
        (
            "j/k in the list (selection + detail pane)",
            keystroke::Kind::Move,
        ),
        ("a letter typed in the search field", keystroke::Kind::Type),
    ] {
        let mut console = keystroke::Console::listing(kind);
        for _ in 0..PRESSES / 4 {
            console.keystroke(); // warm-up
        }
        let per_key: Vec<f64> = (0..ctx.runs)
            .map(|_| {
                let started = Instant::now();
                for _ in 0..PRESSES {
                    console.keystroke();
                }
                micros(started.elapsed()) / f64::from(PRESSES)
            })
            .collect();
        report.add(
            "P3",
            measure,
            Summary::of(&per_key),
            Unit::Us,
            Goal::AtMost(1000.0),
        );
    }
    Ok(())
}

/// A duration in milliseconds.
pub fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A duration in microseconds.
fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
