//! P3 (issue 5): update + render per keystroke at 120×40 with 200 users listed.
//! `cargo bench --bench keystroke`; the figures driver reports the same workload beside its goal.

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/keystroke.rs"]
mod keystroke;

use keystroke::{Console, Kind};

/// A selection move in the list, and a letter typed in the search field.
fn per_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_120x40_200_users");
    for (name, kind) in [("move_j_k", Kind::Move), ("type_in_search", Kind::Type)] {
        let mut console = Console::listing(kind);
        group.bench_function(name, |b| b.iter(|| console.keystroke()));
    }
    group.finish();
}

criterion_group!(benches, per_keystroke);
criterion_main!(benches);
