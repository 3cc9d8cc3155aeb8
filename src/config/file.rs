//! The config file: TOML at `$XDG_CONFIG_HOME/pingdesk/config.toml` with named profiles.
//! A broken file is reported with its path, line and key.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use super::keys::{KeyTable, RawKeys, line_at};
use super::theme::{ThemeConfig, parse_colour};

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when `--profile` is not given.
    pub default_profile: Option<String>,
    /// Copy by OSC 52 (`true`, the default); `false` shows what would be copied in an overlay.
    pub clipboard: Option<bool>,
    /// Mouse clicks and the wheel (`false` by default, so the terminal's own text selection
    /// keeps working).
    pub mouse: Option<bool>,
    /// Profiles by name.
    #[serde(default)]
    pub profiles: std::collections::BTreeMap<String, Profile>,
    /// `[keys]` as written; read through [`ConfigFile::keys`].
    #[serde(default, rename = "keys")]
    raw_keys: RawKeys,
    /// `[theme]` as written; read through [`ConfigFile::theme`].
    #[serde(default, rename = "theme")]
    raw_theme: IndexMap<String, Spanned<String>>,
    /// The `[keys]` table, with lines (the key map checks actions and clashes).
    #[serde(skip)]
    pub keys: KeyTable,
    /// The `[theme]`, checked.
    #[serde(skip)]
    pub theme: ThemeConfig,
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
    pub banner_color: Option<Spanned<String>>,
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

/// Parses config text; errors carry the line and the key, never the value of a secret key.
pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
    let invalid = |offset: usize, message: String| ConfigError::Invalid {
        path: path.to_owned(),
        line: line_at(text, offset),
        message,
    };
    let mut file: ConfigFile = toml::from_str(text).map_err(|error| {
        let span = error.span().map_or(0..0, |span| {
            span.start.min(text.len())..span.end.min(text.len())
        });
        let message = match secret_key_at(text, span.clone()) {
            Some(key) => secret_message(&key),
            None => error.message().to_owned(),
        };
        invalid(span.start, message)
    })?;
    for (key, value) in std::mem::take(&mut file.raw_theme) {
        file.theme
            .set(&key, value.get_ref())
            .map_err(|message| invalid(value.span().start, message))?;
    }
    for (name, profile) in &file.profiles {
        if let Some(colour) = &profile.banner_color {
            parse_colour(colour.get_ref()).map_err(|why| {
                invalid(
                    colour.span().start,
                    format!("profiles.{name}.banner_color: {why}"),
                )
            })?;
        }
    }
    file.keys = KeyTable::from_raw(std::mem::take(&mut file.raw_keys), text);
    Ok(file)
}

/// Whether a key may hold a secret: `secret`, `client_secret`, `password`, `token`, ….
fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["secret", "password", "passwd", "token", "key"]
        .iter()
        .any(|word| key.contains(word))
}

/// The secret-looking key whose line (or table) the error at `span` falls in, if any: its
/// value must not be echoed.
fn secret_key_at(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let first = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let last = text[span.end..]
        .find('\n')
        .map_or(text.len(), |at| span.end + at);
    let keys_on = |line: &str| -> Option<String> {
        line.split(['{', ',', '['])
            .filter_map(|part| part.split_once('=').map(|(key, _)| key))
            .map(|key| key.trim().trim_matches('"').to_owned())
            .find(|key| is_secret_key(key))
    };
    if let Some(key) = text[first..last].lines().find_map(keys_on) {
        return Some(key);
    }
    // Inside a `[profiles.x.secret]` table.
    let header = text[..first]
        .lines()
        .rev()
        .find(|line| line.trim_start().starts_with('['))?;
    let name = header.trim().trim_matches(['[', ']']);
    let last_part = name.rsplit('.').next().unwrap_or(name).trim_matches('"');
    is_secret_key(last_part).then(|| last_part.to_owned())
}

/// What to say about a broken secret key, without its value.
fn secret_message(key: &str) -> String {
    let hint = if key == "secret" {
        "secret must be { env = \"VAR\" }, { file = \"PATH\" } or { command = [\"program\", \"arg\"] }: the secret itself never goes in the config file"
    } else {
        "a secret never goes in the config file: use the profile's secret = { env = … }, { file = … } or { command = […] }"
    };
    format!("{key} is not valid here (its value is not shown): {hint}")
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
    fn theme_errors_name_the_line_and_the_role() {
        let text = "mouse = true\n\n[theme]\nbase = \"light\"\nlocked = \"redd bold\"\n";
        let message = parse(text, Path::new("c.toml"))
            .expect_err("a bad colour")
            .to_string();
        assert!(message.starts_with("c.toml:5: theme.locked:"), "{message}");
        assert!(message.contains("\"redd\""), "{message}");
        let banner = "[profiles.eu]\nproduction = true\nbanner_color = \"rred\"\n";
        let message = parse(banner, Path::new("c.toml"))
            .expect_err("a bad banner colour")
            .to_string();
        assert!(
            message.starts_with("c.toml:3: profiles.eu.banner_color:"),
            "{message}"
        );
        let message = parse("[theme]\nbase = \"neon\"\n", Path::new("c.toml"))
            .expect_err("an unknown theme")
            .to_string();
        assert!(message.starts_with("c.toml:2: theme.base:"), "{message}");
        let file = parse(text.replace("redd", "red").as_str(), Path::new("c.toml")).expect("ok");
        assert_eq!(file.theme.base.as_deref(), Some("light"));
        assert_eq!(file.mouse, Some(true));
    }

    #[test]
    fn keys_keep_their_lines() {
        let text = "[keys.browse]\nunlock_account = \"U\"\n\n[keys.list]\ndown = [\"j\", \"n\"]\n";
        let file = parse(text, Path::new("c.toml")).expect("valid");
        let modes = &file.keys.modes;
        assert_eq!((modes[0].mode.as_str(), modes[0].line), ("browse", 1));
        assert_eq!(modes[1].actions[0].line, 5);
        assert_eq!(modes[1].actions[0].keys, ["j", "n"]);
        let error = parse("[keys.list]\ndown = 3\n", Path::new("c.toml")).expect_err("a number");
        assert!(error.to_string().starts_with("c.toml:2:"), "{error}");
    }

    #[test]
    fn errors_never_echo_a_secret_value() {
        let cases = [
            "[profiles.eu]\nsecret = \"hunter2-inline\"\n",
            "[profiles.eu]\nsecret = { value = \"hunter2-inline\" }\n",
            "[profiles.eu]\nsecret = { env = 5 }\nclient_secret = \"hunter2-inline\"\n",
            "[profiles.eu]\nclient_secret = \"hunter2-inline\"\n",
            "[profiles.eu.secret]\nvalue = \"hunter2-inline\"\n",
            "[profiles]\neu = { client_id = \"x\", secret = \"hunter2-inline\" }\n",
            "[profiles.eu]\nsecret = \"hunter2-inline\n",
        ];
        for text in cases {
            let error = parse(text, Path::new("c.toml")).expect_err("invalid");
            let message = error.to_string();
            assert!(!message.contains("hunter2"), "{text:?}: {message}");
            assert!(message.contains("secret"), "{text:?}: {message}");
        }
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
