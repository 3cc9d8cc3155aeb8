//! Which PingOne pingdesk talks to. Sources, strongest first: flags, the environment (the PingOne
//! Terraform provider's names), the config file's profile, and finally the demo simulator.

use std::path::{Path, PathBuf};

use clap::Args;
use secrecy::SecretString;

use crate::api::{
    ClientAuthMethod, ClientConfig, ClientCredentials, Credentials, Endpoints, Region,
};
use crate::config::file::{self, ConfigFile, Profile};
use crate::desk::journal::Settings as JournalSettings;

mod journal;
mod secret;

pub use journal::demo_journal;

pub use secret::SecretError;

/// Connection flags. Each also has an environment variable, named in its help.
// These doc comments are `--help` text, where backticks around variable names would show.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Clone, Default, Args)]
pub struct ConnectArgs {
    /// Use the embedded simulator with the demo directory, whatever else is configured.
    #[arg(long, global = true)]
    pub demo: bool,
    /// Profile from the config file [env: PINGDESK_PROFILE].
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml].
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE].
    #[arg(long, global = true)]
    pub region: Option<String>,
    /// Management API base URL, overriding the region; https, or http on loopback only
    /// [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME].
    #[arg(long, global = true)]
    pub api_url: Option<String>,
    /// Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host
    /// PINGONE_AUTH_SERVICE_HOSTNAME].
    #[arg(long, global = true)]
    pub auth_url: Option<String>,
    /// The worker app's environment id [env: PINGONE_ENVIRONMENT_ID].
    #[arg(long, global = true)]
    pub environment_id: Option<String>,
    /// The environment whose users to manage, when not the worker's
    /// [env: PINGDESK_TARGET_ENVIRONMENT_ID].
    #[arg(long, global = true)]
    pub target_environment_id: Option<String>,
    /// The worker app's client id [env: PINGONE_CLIENT_ID]. Its secret comes from
    /// PINGONE_CLIENT_SECRET or the profile's secret source, never from a flag.
    #[arg(long, global = true)]
    pub client_id: Option<String>,
    /// How the worker app authenticates at the token endpoint: basic or post.
    #[arg(long, global = true, value_parser = ["basic", "post"])]
    pub client_auth: Option<String>,
    /// Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1].
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30].
    #[arg(long, global = true, value_name = "SECS")]
    pub timeout: Option<String>,
}

/// A configured tenant connection and how to present it.
#[derive(Debug, Clone)]
pub struct Connection {
    /// What the client needs.
    pub client: ClientConfig,
    /// The profile in use, if any.
    pub profile: Option<String>,
    /// The region code, or the API host when URLs were given.
    pub region_label: String,
    /// Writes are refused.
    pub read_only: bool,
    /// A production tenant: confirms ask for the username to be typed.
    pub production: bool,
    /// The header banner's colour, from the profile.
    pub banner_color: Option<String>,
    /// Things the person should know (a secret file others can read).
    pub warnings: Vec<String>,
    /// The action journal.
    pub journal: JournalSettings,
}

/// Where pingdesk will connect.
#[derive(Debug, Clone)]
pub enum Target {
    /// Nothing configured (or `--demo`): the embedded simulator.
    Demo,
    /// A PingOne tenant.
    Tenant(Box<Connection>),
}

/// A configuration that cannot work, said so that a person can fix it.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The config file is broken.
    #[error(transparent)]
    Config(#[from] file::ConfigError),
    /// The config file named by `--config` does not exist.
    #[error("the config file {0} does not exist")]
    MissingConfig(PathBuf),
    /// The profile is not in the file.
    #[error("profile {name:?} is not in {path} (profiles: {known})")]
    UnknownProfile {
        /// The profile asked for.
        name: String,
        /// The config file.
        path: PathBuf,
        /// The profiles it has.
        known: String,
    },
    /// A profile was chosen but gives no credentials.
    #[error("profile {0:?} has no client_id, and PINGONE_API_ACCESS_TOKEN is not set")]
    ProfileWithoutCredentials(String),
    /// Credentials but no environment id.
    #[error(
        "an environment id is required: PINGONE_ENVIRONMENT_ID, --environment-id or the profile's environment_id"
    )]
    MissingEnvironment,
    /// A client id without its secret.
    #[error(
        "no client secret for client id {0}: set PINGONE_CLIENT_SECRET or the profile's secret source"
    )]
    MissingSecret(String),
    /// Both a token and client credentials, which the Terraform provider also refuses.
    #[error("PINGONE_API_ACCESS_TOKEN and a client id are mutually exclusive: set one")]
    Ambiguous,
    /// Only one of the two service hostnames.
    #[error("PINGONE_API_SERVICE_HOSTNAME and PINGONE_AUTH_SERVICE_HOSTNAME must be set together")]
    HalfHostnames,
    /// A value that is not one of the allowed ones.
    #[error("{0}")]
    BadValue(String),
    /// The secret source failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// A region code that is not PingOne's.
    #[error(transparent)]
    Region(#[from] crate::api::endpoints::UnknownRegion),
    /// A base URL that is invalid or not https.
    #[error(transparent)]
    Endpoint(#[from] crate::api::endpoints::EndpointError),
}

/// Reads an environment variable (`std::env::var` in the app, a map in tests).
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Decides the target from flags, environment and config file, in that order of strength.
pub fn resolve(args: &ConnectArgs, env: EnvLookup<'_>) -> Result<Target, ConnectError> {
    if args.demo {
        return Ok(Target::Demo);
    }
    let (config_path, config) = config_file(args, env)?;
    resolve_with(args, env, config_path.as_deref(), config.as_ref())
}

/// Like [`resolve`], with the config file (`config_path`, `config`) [`config_file`] read.
pub fn resolve_with(
    args: &ConnectArgs,
    env: EnvLookup<'_>,
    config_path: Option<&Path>,
    config: Option<&ConfigFile>,
) -> Result<Target, ConnectError> {
    if args.demo {
        return Ok(Target::Demo);
    }
    let env_value = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let profile_name = args
        .profile
        .clone()
        .or_else(|| env_value("PINGDESK_PROFILE"))
        .or_else(|| config.and_then(|c| c.default_profile.clone()));
    let profile = match &profile_name {
        Some(name) => Some(find_profile(config, name, config_path)?),
        None => None,
    };
    let empty = Profile::default();
    let from_profile = profile.unwrap_or(&empty);
    let pick = |flag: &Option<String>, var: &str, fallback: &Option<String>| {
        flag.clone()
            .or_else(|| env_value(var))
            .or_else(|| fallback.clone())
    };
    let token = env_value("PINGONE_API_ACCESS_TOKEN");
    let client_id = pick(
        &args.client_id,
        "PINGONE_CLIENT_ID",
        &from_profile.client_id,
    );
    if token.is_none() && client_id.is_none() {
        return match profile_name {
            Some(name) => Err(ConnectError::ProfileWithoutCredentials(name)),
            None => Ok(Target::Demo),
        };
    }
    let environment_id = pick(
        &args.environment_id,
        "PINGONE_ENVIRONMENT_ID",
        &from_profile.environment_id,
    )
    .ok_or(ConnectError::MissingEnvironment)?;
    let mut warnings = Vec::new();
    let credentials = match (token, client_id) {
        (Some(_), Some(_)) => return Err(ConnectError::Ambiguous),
        (Some(token), None) => Credentials::AccessToken(SecretString::from(token)),
        (None, Some(client_id)) => {
            let client_secret = match env_value("PINGONE_CLIENT_SECRET") {
                Some(value) => SecretString::from(value),
                None => match &from_profile.secret {
                    Some(source) => secret::read(source, env, &mut warnings)?,
                    None => return Err(ConnectError::MissingSecret(client_id)),
                },
            };
            let method = match args
                .client_auth
                .as_deref()
                .or(from_profile.client_auth.as_deref())
            {
                None => ClientAuthMethod::default(),
                Some(text) => text.parse().map_err(ConnectError::BadValue)?,
            };
            Credentials::Client(ClientCredentials {
                environment_id: environment_id.clone(),
                client_id,
                client_secret,
                method,
            })
        }
        (None, None) => return Ok(Target::Demo),
    };
    let (endpoints, region_label) = endpoints(args, &env_value, from_profile)?;
    let target_environment = pick(
        &args.target_environment_id,
        "PINGDESK_TARGET_ENVIRONMENT_ID",
        &from_profile.target_environment_id,
    )
    .unwrap_or(environment_id);
    let env_read_only =
        env_value("PINGDESK_READ_ONLY").is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
    let mut client = ClientConfig::new(endpoints, target_environment, credentials);
    client.request_timeout = request_timeout(args, &env_value)?.unwrap_or(client.request_timeout);
    Ok(Target::Tenant(Box::new(Connection {
        client,
        profile: profile_name,
        region_label,
        read_only: args.read_only || env_read_only || from_profile.read_only,
        production: from_profile.production,
        banner_color: from_profile
            .banner_color
            .as_ref()
            .map(|colour| colour.get_ref().clone()),
        warnings,
        journal: journal::settings(from_profile, &env_value),
    })))
}

/// The config file's path (`--config`, `PINGDESK_CONFIG`, else the XDG default) and its content
/// when it exists; one named explicitly must exist.
pub fn config_file(
    args: &ConnectArgs,
    env: EnvLookup<'_>,
) -> Result<(Option<PathBuf>, Option<ConfigFile>), ConnectError> {
    let explicit_config = args.config.clone().or_else(|| {
        env("PINGDESK_CONFIG")
            .filter(|v| !v.trim().is_empty())
            .map(PathBuf::from)
    });
    let config_path = explicit_config.clone().or_else(|| file::default_path(env));
    let config = match &config_path {
        Some(path) => file::load(path)?,
        None => None,
    };
    if let (Some(path), None) = (&explicit_config, &config) {
        return Err(ConnectError::MissingConfig(path.clone()));
    }
    Ok((config_path, config))
}

/// `--timeout` or `PINGDESK_TIMEOUT`: whole seconds from 1 to 3600.
fn request_timeout(
    args: &ConnectArgs,
    env_value: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<std::time::Duration>, ConnectError> {
    let Some(text) = args
        .timeout
        .clone()
        .or_else(|| env_value("PINGDESK_TIMEOUT"))
    else {
        return Ok(None);
    };
    match text.trim().parse::<u64>() {
        Ok(seconds @ 1..=3600) => Ok(Some(std::time::Duration::from_secs(seconds))),
        _ => Err(ConnectError::BadValue(format!(
            "timeout {:?} must be a whole number of seconds from 1 to 3600",
            crate::desk::inert(&text)
        ))),
    }
}

fn find_profile<'a>(
    config: Option<&'a ConfigFile>,
    name: &str,
    path: Option<&std::path::Path>,
) -> Result<&'a Profile, ConnectError> {
    let path = path.map(PathBuf::from).unwrap_or_default();
    let Some(config) = config else {
        return Err(ConnectError::UnknownProfile {
            name: name.to_owned(),
            path,
            known: "none: no config file".to_owned(),
        });
    };
    config.profiles.get(name).ok_or_else(|| {
        let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
        ConnectError::UnknownProfile {
            name: name.to_owned(),
            path,
            known: known.join(", "),
        }
    })
}

/// API and auth base URLs: explicit URLs, else the Terraform hostnames, else the region.
fn endpoints(
    args: &ConnectArgs,
    env_value: &dyn Fn(&str) -> Option<String>,
    profile: &Profile,
) -> Result<(Endpoints, String), ConnectError> {
    let region_code = args
        .region
        .clone()
        .or_else(|| env_value("PINGONE_REGION_CODE"))
        .or_else(|| profile.region.clone());
    let region: Region = region_code
        .as_deref()
        .map(str::parse)
        .transpose()?
        .unwrap_or_default();
    let hosts = match (
        env_value("PINGONE_API_SERVICE_HOSTNAME"),
        env_value("PINGONE_AUTH_SERVICE_HOSTNAME"),
    ) {
        (Some(api), Some(auth)) => Some((format!("https://{api}/"), format!("https://{auth}/"))),
        (None, None) => None,
        _ => return Err(ConnectError::HalfHostnames),
    };
    let regional = region.endpoints();
    let api = args
        .api_url
        .clone()
        .or_else(|| env_value("PINGDESK_API_URL"))
        .or_else(|| hosts.as_ref().map(|h| h.0.clone()))
        .or_else(|| profile.api_url.clone());
    let auth = args
        .auth_url
        .clone()
        .or_else(|| env_value("PINGDESK_AUTH_URL"))
        .or_else(|| hosts.as_ref().map(|h| h.1.clone()))
        .or_else(|| profile.auth_url.clone());
    let endpoints = Endpoints::from_urls(
        api.as_deref().unwrap_or(regional.api.as_str()),
        auth.as_deref().unwrap_or(regional.auth.as_str()),
    )?;
    let label = if api.is_some() {
        endpoints.api.host_str().unwrap_or("custom").to_owned()
    } else {
        region.to_string()
    };
    Ok((endpoints, label))
}

/// A client configuration that reaches the simulator `sim` with its worker credentials.
pub fn simulator_config(sim: &crate::sim::SimHandle) -> ClientConfig {
    let base = sim.base_url.as_str();
    let endpoints =
        Endpoints::from_urls(base, base).expect("the simulator's loopback URL is a valid endpoint");
    let credentials = Credentials::Client(ClientCredentials {
        environment_id: sim.environment_id.clone(),
        client_id: sim.client_id.clone(),
        client_secret: sim.client_secret.clone(),
        method: ClientAuthMethod::default(),
    });
    ClientConfig::new(endpoints, sim.environment_id.clone(), credentials)
}
