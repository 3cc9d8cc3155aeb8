//! Summaries (median, min, max, n) and the printed table: figure, measure, goal, verdict.

use std::fmt::Write as _;

/// Median, min and max of several runs.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// The middle value (the mean of the two middle ones for an even count).
    pub median: f64,
    /// The smallest.
    pub min: f64,
    /// The largest.
    pub max: f64,
    /// How many runs.
    pub n: usize,
}

impl Summary {
    /// Summarises `values`; `None` when there are none.
    pub fn of(values: &[f64]) -> Option<Self> {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = match n {
            0 => return None,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => f64::midpoint(sorted[n / 2 - 1], sorted[n / 2]),
        };
        Some(Self {
            median,
            min: sorted[0],
            max: sorted[n - 1],
            n,
        })
    }
}

/// How a figure is written.
#[derive(Debug, Clone, Copy)]
pub enum Unit {
    /// Milliseconds (the values are milliseconds).
    Ms,
    /// Microseconds.
    Us,
    /// Bytes.
    Bytes,
    /// A plain count.
    Count,
    /// A ratio, written with ×.
    Times,
    /// Per second.
    PerSec,
    /// Megabytes, 10⁶ bytes (the values are MB).
    MB,
}

impl Unit {
    /// `value` written in this unit, to three significant figures or so.
    fn show(self, value: f64) -> String {
        let num = if value.abs() >= 100.0
            || matches!(self, Unit::Bytes | Unit::Count) && value.fract() == 0.0
        {
            format!("{value:.0}")
        } else if value.abs() >= 10.0 {
            format!("{value:.1}")
        } else {
            format!("{value:.2}")
        };
        match self {
            Unit::Ms => format!("{num} ms"),
            Unit::Us => format!("{num} µs"),
            Unit::Bytes => format!("{num} B"),
            Unit::Count => num,
            Unit::Times => format!("{num}×"),
            Unit::PerSec => format!("{num}/s"),
            Unit::MB => format!("{num} MB"),
        }
    }
}

/// The goal a median is judged against.
#[derive(Debug, Clone, Copy)]
pub enum Goal {
    /// No goal: context for the figures that have one.
    None,
    /// At most this.
    AtMost(f64),
    /// At least this.
    AtLeast(f64),
    /// Exactly this.
    Exactly(f64),
}

/// One printed line.
struct Line {
    figure: &'static str,
    measure: String,
    cells: [String; 6],
}

/// The table, built as the figures come in.
#[derive(Default)]
pub struct Report {
    lines: Vec<Line>,
    notes: Vec<String>,
    missed: usize,
}

impl Report {
    /// Adds a measured line.
    pub fn add(
        &mut self,
        figure: &'static str,
        measure: &str,
        summary: Option<Summary>,
        unit: Unit,
        goal: Goal,
    ) {
        let Some(s) = summary else {
            self.note(figure, &format!("{measure}: no runs"));
            return;
        };
        let (goal_text, met) = match goal {
            Goal::None => (String::new(), None),
            Goal::AtMost(g) => (format!("≤ {}", unit.show(g)), Some(s.median <= g)),
            Goal::AtLeast(g) => (format!("≥ {}", unit.show(g)), Some(s.median >= g)),
            Goal::Exactly(g) => (
                unit.show(g),
                Some((s.median - g).abs() < 1e-9 && (s.max - s.min).abs() < 1e-9),
            ),
        };
        let verdict = match met {
            None => "",
            Some(true) => "met",
            Some(false) => {
                self.missed += 1;
                "MISSED"
            }
        };
        self.lines.push(Line {
            figure,
            measure: measure.to_owned(),
            cells: [
                unit.show(s.median),
                unit.show(s.min),
                unit.show(s.max),
                s.n.to_string(),
                goal_text,
                verdict.to_owned(),
            ],
        });
    }

    /// Adds a note printed under the table (an explanation, or why a figure could not be taken).
    pub fn note(&mut self, figure: &'static str, text: &str) {
        self.notes.push(format!("{figure}: {text}"));
    }

    /// The table and the notes, as text.
    pub fn render(&self) -> String {
        let headers = ["median", "min", "max", "n", "goal", "verdict"];
        let measure_width = self
            .lines
            .iter()
            .map(|l| l.measure.chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        let widths: Vec<usize> = (0..headers.len())
            .map(|i| {
                self.lines
                    .iter()
                    .map(|l| l.cells[i].chars().count())
                    .chain([headers[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let row = |out: &mut String, figure: &str, measure: &str, cells: &[&str]| {
            let _ = write!(out, "{figure:<3} {measure:<measure_width$}");
            for (cell, width) in cells.iter().zip(&widths) {
                let _ = write!(out, "  {cell:>width$}");
            }
            out.push('\n');
        };
        row(&mut out, "#", "measure", &headers);
        let mut previous = "";
        for line in &self.lines {
            let figure = if line.figure == previous {
                ""
            } else {
                line.figure
            };
            previous = line.figure;
            let cells: Vec<&str> = line.cells.iter().map(String::as_str).collect();
            row(&mut out, figure, &line.measure, &cells);
        }
        if !self.notes.is_empty() {
            out.push_str("\nNotes:\n");
            for note in &self.notes {
                let _ = writeln!(out, "  {note}");
            }
        }
        let _ = writeln!(out, "\nGoals missed: {}", self.missed);
        out
    }
}
