//! The floors of the house, checked from the source: each module may name only the modules on the
//! floors below it (README § Architecture). A `use` or an inline `crate::…` path to a floor
//! above, or to a crate a floor must not depend on, fails here with the file and line.

use std::path::{Path, PathBuf};

/// A floor: the source files it covers, and what they must never name.
struct Rule {
    /// A directory under `src/` and its sibling `.rs` file (e.g. `sim` covers `src/sim.rs` and
    /// `src/sim/**`).
    module: &'static str,
    /// `crate::…` modules it must not name.
    forbidden: &'static [&'static str],
    /// External crates it must not name.
    forbidden_crates: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        module: "pingone",
        forbidden: &[
            "api", "sim", "desk", "app", "ui", "runtime", "commands", "config", "connect",
        ],
        forbidden_crates: &["clap", "reqwest", "axum", "ratatui", "crossterm"],
    },
    Rule {
        module: "api",
        forbidden: &[
            "sim", "desk", "app", "ui", "runtime", "commands", "config", "connect",
        ],
        forbidden_crates: &["clap", "axum", "ratatui", "crossterm"],
    },
    Rule {
        module: "sim",
        forbidden: &[
            "api", "desk", "app", "ui", "runtime", "commands", "config", "connect",
        ],
        forbidden_crates: &["clap", "reqwest", "ratatui", "crossterm"],
    },
    Rule {
        module: "desk",
        forbidden: &[
            "sim", "app", "ui", "runtime", "commands", "config", "connect",
        ],
        forbidden_crates: &["clap", "axum", "ratatui", "crossterm"],
    },
    Rule {
        module: "app",
        forbidden: &["sim", "ui", "runtime", "commands", "connect"],
        forbidden_crates: &["clap", "axum", "ratatui"],
    },
    Rule {
        module: "ui",
        forbidden: &["sim", "runtime", "commands", "connect", "app::update"],
        forbidden_crates: &["clap", "axum", "reqwest"],
    },
    Rule {
        module: "config",
        forbidden: &[
            "api", "sim", "desk", "app", "ui", "runtime", "commands", "connect",
        ],
        forbidden_crates: &["clap", "axum", "reqwest"],
    },
    Rule {
        module: "commands",
        forbidden: &["app", "ui", "runtime"],
        forbidden_crates: &["ratatui"],
    },
];

/// Every `.rs` file of `module`: `src/{module}.rs` and everything under `src/{module}/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{module}.rs"))];
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.retain(|f| f.exists());
    files
}

/// The code of a line, without a `//` comment (doc comments name modules freely).
fn code_of(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") {
        return "";
    }
    line.split(" //").next().unwrap_or(line)
}

/// Whether `code` names `crate::{module}` (as a path, or inside a `use crate::{…}` group).
fn names_module(code: &str, module: &str) -> bool {
    let path = format!("crate::{module}");
    let direct = code.match_indices(&path).any(|(at, _)| {
        let after = code[at + path.len()..].chars().next();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    });
    let grouped = code.contains("crate::{")
        && code
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .any(|word| word == module || word.starts_with(&format!("{module}::")));
    direct || grouped
}

/// Whether `code` names the external crate `name` (`use name::…`, `name::path`, `#[derive(name::…)]`).
fn names_crate(code: &str, name: &str) -> bool {
    let path = format!("{name}::");
    code.match_indices(&path).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

#[test]
fn every_floor_names_only_the_floors_below_it() {
    let mut breaches = Vec::new();
    for rule in RULES {
        let files = files_of(rule.module);
        assert!(!files.is_empty(), "no source for {}", rule.module);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source is readable");
            for (n, line) in text.lines().enumerate() {
                let code = code_of(line);
                let modules = rule.forbidden.iter().filter(|m| names_module(code, m));
                let crates = rule
                    .forbidden_crates
                    .iter()
                    .filter(|c| names_crate(code, c));
                for name in modules.chain(crates) {
                    breaches.push(format!(
                        "{}:{}: {} names {name}: {}",
                        file.display(),
                        n + 1,
                        rule.module,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        breaches.is_empty(),
        "floor breaches:\n{}",
        breaches.join("\n")
    );
}

#[test]
fn the_checker_catches_what_it_is_for() {
    assert!(names_module("use crate::api::ApiClient;", "api"));
    assert!(names_module(
        "    let c = crate::api::Endpoints::from_urls(a, b);",
        "api"
    ));
    assert!(names_module("use crate::{api, pingone};", "api"));
    assert!(!names_module("use crate::apiary;", "api"));
    assert!(names_module("use crate::app::update::mode;", "app::update"));
    assert!(names_crate("#[derive(clap::ValueEnum)]", "clap"));
    assert!(names_crate("use clap::Args;", "clap"));
    assert!(!names_crate("use crate::myclap::X;", "clap"));
    assert_eq!(code_of("/// crate::app is above"), "");
}
