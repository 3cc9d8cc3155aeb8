//! The Debian package's man page and completions (`assets/`, installed by `cargo deb`) are what
//! the binary generates, so the package never ships stale ones.

use std::process::Command;

/// What `pingdesk args…` prints.
fn generated(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_pingdesk"))
        .args(args)
        .env(
            "PINGDESK_LOG_FILE",
            std::env::temp_dir().join("pingdesk-packaging.log"),
        )
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("text")
}

#[test]
fn the_packaged_man_page_and_completions_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, args) in [
        ("assets/man/pingdesk.1", &["man"][..]),
        ("assets/completions/pingdesk.bash", &["completions", "bash"]),
        ("assets/completions/_pingdesk", &["completions", "zsh"]),
        ("assets/completions/pingdesk.fish", &["completions", "fish"]),
    ] {
        let kept = std::fs::read_to_string(root.join(file)).expect(file);
        assert!(
            kept == generated(args),
            "{file} is stale: run `cargo run -- {} > {file}`",
            args.join(" ")
        );
    }
}

#[test]
fn the_package_installs_them_where_debian_looks() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .expect("Cargo.toml");
    let manifest: toml::Table = toml::from_str(&manifest).expect("valid TOML");
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("deb assets");
    let installed: Vec<(&str, &str)> = assets
        .iter()
        .map(|asset| {
            let pair = asset.as_array().expect("[source, target, mode]");
            (
                pair[0].as_str().expect("a source"),
                pair[1].as_str().expect("a target"),
            )
        })
        .collect();
    for (source, target) in [
        ("target/release/pingdesk", "usr/bin/"),
        ("assets/man/pingdesk.1", "usr/share/man/man1/pingdesk.1"),
        (
            "assets/completions/pingdesk.bash",
            "usr/share/bash-completion/completions/pingdesk",
        ),
        (
            "assets/completions/_pingdesk",
            "usr/share/zsh/vendor-completions/_pingdesk",
        ),
        (
            "assets/completions/pingdesk.fish",
            "usr/share/fish/vendor_completions.d/pingdesk.fish",
        ),
    ] {
        assert!(installed.contains(&(source, target)), "{source} → {target}");
    }
}
