//! Reading a client secret from the source a profile names: an environment variable, a file
//! (warned about when others can read it) or a command such as a password manager.

use std::path::Path;
use std::process::{Command, Stdio};

use secrecy::SecretString;

use super::EnvLookup;
use crate::config::file::SecretSource;

/// Why a secret could not be read. Never contains the secret.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The named variable is not set.
    #[error("the secret variable {0} is not set")]
    MissingVariable(String),
    /// The file could not be read.
    #[error("cannot read the secret file {path}: {reason}")]
    File {
        /// The file.
        path: String,
        /// Why it could not be read.
        reason: String,
    },
    /// The command could not run or failed.
    #[error("the secret command `{command}` failed: {reason}")]
    Command {
        /// The command line.
        command: String,
        /// How it failed.
        reason: String,
    },
    /// The source gave nothing.
    #[error("the secret from {0} is empty")]
    Empty(String),
}

/// Reads the secret; adds a warning when a secret file is readable by others.
pub fn read(
    source: &SecretSource,
    env: EnvLookup<'_>,
    warnings: &mut Vec<String>,
) -> Result<SecretString, SecretError> {
    let (value, origin) = match source {
        SecretSource::Env(name) => (
            env(name).ok_or_else(|| SecretError::MissingVariable(name.clone()))?,
            name.clone(),
        ),
        SecretSource::File(path) => {
            let path = expand_home(path, env);
            if let Some(warning) = loose_permissions(&path) {
                tracing::warn!(%warning);
                warnings.push(warning);
            }
            let text = std::fs::read_to_string(&path).map_err(|e| SecretError::File {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            (text, path.display().to_string())
        }
        SecretSource::Command(argv) => (run(argv)?, argv.join(" ")),
    };
    let trimmed = value.trim_end_matches(['\n', '\r']).to_owned();
    if trimmed.is_empty() {
        return Err(SecretError::Empty(origin));
    }
    Ok(SecretString::from(trimmed))
}

/// `~/x` → `$HOME/x`.
fn expand_home(path: &Path, env: EnvLookup<'_>) -> std::path::PathBuf {
    match (path.strip_prefix("~"), env("HOME")) {
        (Ok(rest), Some(home)) => Path::new(&home).join(rest),
        _ => path.to_owned(),
    }
}

/// A warning when group or others may read the file.
fn loose_permissions(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        (mode & 0o077 != 0).then(|| {
            format!(
                "the secret file {} can be read by others (mode {:o}); run chmod 600 on it",
                path.display(),
                mode & 0o777
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Runs the command and returns what it printed. Neither its output nor its standard error is
/// ever shown or logged (either may hold the secret); a failure says how to run it by hand.
/// A password manager that asks for a passphrase does so on the terminal, which it keeps.
fn run(argv: &[String]) -> Result<String, SecretError> {
    let command = argv.join(" ");
    let fail = |reason: String| SecretError::Command {
        command: command.clone(),
        reason,
    };
    let (program, arguments) = argv
        .split_first()
        .ok_or_else(|| fail("the command is empty".to_owned()))?;
    let output = Command::new(program)
        .args(arguments)
        .stdin(Stdio::inherit())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| fail(e.to_string()))?;
    if !output.status.success() {
        return Err(fail(format!(
            "it exited with {}; what it wrote is not shown, as it may hold the secret: run it by hand to see why",
            output.status
        )));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| fail("it printed something that is not UTF-8".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret as _;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn command_sources_are_trimmed_and_failures_hide_output() {
        let mut warnings = Vec::new();
        let source = SecretSource::Command(vec!["printf".into(), "s3cret\\n".into()]);
        let secret = read(&source, &no_env, &mut warnings).expect("printf works");
        assert_eq!(secret.expose_secret(), "s3cret");
        let failing = SecretSource::Command(vec![
            "sh".into(),
            "-c".into(),
            "echo $((6*7)); echo $((6*8)) >&2; exit 3".into(),
        ]);
        let error = read(&failing, &no_env, &mut warnings)
            .expect_err("exit 3")
            .to_string();
        assert!(error.contains("exited") && !error.contains("42"), "{error}");
        assert!(
            !error.contains("48") && error.contains("run it by hand"),
            "{error}"
        );
    }

    #[test]
    fn files_readable_by_others_are_warned_about() {
        use std::os::unix::fs::PermissionsExt as _;
        let path = std::env::temp_dir().join(format!("pingdesk-secret-{}", std::process::id()));
        std::fs::write(&path, "abc\n").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let mut warnings = Vec::new();
        let secret = read(&SecretSource::File(path.clone()), &no_env, &mut warnings).expect("read");
        assert_eq!(secret.expose_secret(), "abc");
        assert!(warnings[0].contains("chmod 600"), "{warnings:?}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let mut quiet = Vec::new();
        read(&SecretSource::File(path.clone()), &no_env, &mut quiet).expect("read");
        assert!(quiet.is_empty());
        std::fs::remove_file(path).expect("cleanup");
    }
}
