//! The config file: TOML at `$XDG_CONFIG_HOME/pingdesk/config.toml` with named profiles.
//! A broken file is reported with its path, line and key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when `--profile` is not given.
    pub default_profile: Option<String>,
    /// Profiles by name.
    #[serde(default)]
    pub profiles: std::collections::BTreeMap<String, Profile>,
}

/// One PingOne connection, named.
// Independent switches of the config file, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Region code (NA, CA, EU, AU, SG, AP).
    pub region: Option<String>,
    /// Base URL of the management API (overrides the region).
    pub api_url: Option<String>,
    /// Base URL of the auth service (overrides the region).
    pub auth_url: Option<String>,
    /// The worker app's environment id.
    pub environment_id: Option<String>,
    /// The environment whose users are managed, when it differs from the worker's.
    pub target_environment_id: Option<String>,
    /// The worker app's client id.
    pub client_id: Option<String>,
    /// `basic` (default) or `post`.
    pub client_auth: Option<String>,
    /// Where the client secret comes from.
    pub secret: Option<SecretSource>,
    /// Refuse every write.
    #[serde(default)]
    pub read_only: bool,
    /// A production tenant: the unlock dialog asks for the username to be typed.
    #[serde(default)]
    pub production: bool,
    /// The header banner's colour (a colour name such as `red`, or `#rrggbb`).
    pub banner_color: Option<String>,
    /// The action journal's file [default: `$XDG_STATE_HOME/pingdesk/journal.jsonl`].
    pub journal: Option<PathBuf>,
    /// Also send each journal record to the local syslog socket (RFC 5424).
    #[serde(default)]
    pub journal_syslog: bool,
    /// Refuse a change that has no ticket.
    #[serde(default)]
    pub require_ticket: bool,
}

/// Where a secret is read from; never the config file itself.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SecretSource {
    /// An environment variable's name.
    Env(String),
    /// A file holding only the secret (trailing newline ignored).
    File(PathBuf),
    /// A command (program and arguments) that prints the secret, e.g. a password manager.
    Command(Vec<String>),
}

/// Why the config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("cannot read the config file {path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid: where and why.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the offending key or value.
        line: usize,
        /// What is wrong, naming the key.
        message: String,
    },
}

/// `$XDG_CONFIG_HOME/pingdesk/config.toml`, else `$HOME/.config/pingdesk/config.toml` (the XDG
/// rule), from the given environment so that resolution is testable.
pub fn default_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let base = env("XDG_CONFIG_HOME")
        .filter(|dir| Path::new(dir).is_absolute())
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some(base.join("pingdesk").join("config.toml"))
}

/// Reads the config file; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<ConfigFile>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ConfigError::Unreadable {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse(&text, path).map(Some)
}

/// Parses config text; errors carry the line and the key.
pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
    toml::from_str(text).map_err(|error| {
        let start = error.span().map_or(0, |span| span.start.min(text.len()));
        let line = text[..start].matches('\n').count() + 1;
        ConfigError::Invalid {
            path: path.to_owned(),
            line,
            message: error.message().to_owned(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
default_profile = "eu"

[profiles.eu]
region = "EU"
environment_id = "11111111-1111-4111-8111-111111111111"
client_id = "worker"
secret = { command = ["pass", "show", "pingone/eu"] }
production = true
journal = "/var/log/pingdesk/eu.jsonl"
journal_syslog = true
require_ticket = true

[profiles.lab]
api_url = "http://127.0.0.1:8787"
auth_url = "http://127.0.0.1:8787"
secret = { env = "LAB_SECRET" }
read_only = true
"#;

    #[test]
    fn profiles_parse() {
        let file = parse(GOOD, Path::new("c.toml")).expect("valid");
        assert_eq!(file.default_profile.as_deref(), Some("eu"));
        let eu = &file.profiles["eu"];
        assert!(eu.production && !eu.read_only);
        assert_eq!(
            eu.secret,
            Some(SecretSource::Command(vec![
                "pass".into(),
                "show".into(),
                "pingone/eu".into()
            ]))
        );
        assert!(file.profiles["lab"].read_only);
        assert!(eu.journal_syslog && eu.require_ticket);
        assert_eq!(
            eu.journal.as_deref(),
            Some(Path::new("/var/log/pingdesk/eu.jsonl"))
        );
        assert!(!file.profiles["lab"].require_ticket);
    }

    #[test]
    fn errors_name_the_file_line_and_key() {
        let text = "[profiles.eu]\nregion = \"EU\"\nclient_secret = \"oops\"\n";
        let error = parse(text, Path::new("/x/config.toml")).expect_err("unknown key");
        let message = error.to_string();
        assert!(message.starts_with("/x/config.toml:3:"), "{message}");
        assert!(message.contains("client_secret"), "{message}");
        let error =
            parse("[profiles.eu]\nread_only = \"yes\"\n", Path::new("c.toml")).expect_err("type");
        assert!(error.to_string().starts_with("c.toml:2:"), "{error}");
    }

    #[test]
    fn a_missing_file_is_no_config() {
        assert!(
            load(Path::new("/nonexistent/pingdesk/config.toml"))
                .expect("ok")
                .is_none()
        );
    }
}
