//! Which PingOne pingdesk talks to: flags and the environment names the PingOne Terraform
//! provider uses, or the demo simulator when nothing is configured.

use clap::Args;
use secrecy::SecretString;

use crate::api::{
    ClientAuthMethod, ClientConfig, ClientCredentials, Credentials, Endpoints, Region,
};

/// Connection flags, each also read from the environment.
#[derive(Debug, Clone, Default, Args)]
pub struct ConnectArgs {
    /// Use the embedded simulator with the demo directory, whatever else is configured.
    #[arg(long, global = true)]
    pub demo: bool,
    /// PingOne region: NA, CA, EU, AU, SG or AP.
    #[arg(long, env = "PINGONE_REGION_CODE", global = true)]
    pub region: Option<String>,
    /// Base URL of the management API, overriding the region (https, or http on loopback only).
    #[arg(long, env = "PINGDESK_API_URL", global = true)]
    pub api_url: Option<String>,
    /// Base URL of the auth service, overriding the region (https, or http on loopback only).
    #[arg(long, env = "PINGDESK_AUTH_URL", global = true)]
    pub auth_url: Option<String>,
    /// The worker app's environment id.
    #[arg(long, env = "PINGONE_ENVIRONMENT_ID", global = true)]
    pub environment_id: Option<String>,
    /// The worker app's client id; its secret is read from PINGONE_CLIENT_SECRET only.
    #[arg(long, env = "PINGONE_CLIENT_ID", global = true)]
    pub client_id: Option<String>,
    /// How the worker app authenticates at the token endpoint.
    #[arg(long, value_enum, default_value_t, global = true)]
    pub client_auth: ClientAuthMethod,
}

/// Environment variables that hold secrets; read directly, never through flags or `--help`.
pub const SECRET_VARIABLES: [&str; 2] = ["PINGONE_CLIENT_SECRET", "PINGONE_API_ACCESS_TOKEN"];

/// A configuration that cannot work, said so that a person can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectError {
    /// Credentials but no environment id.
    #[error("PINGONE_ENVIRONMENT_ID (or --environment-id) is required with credentials")]
    MissingEnvironment,
    /// A client id without its secret.
    #[error("PINGONE_CLIENT_SECRET is not set for client id {0}")]
    MissingSecret(String),
    /// Both a token and client credentials, which the Terraform provider also refuses.
    #[error("PINGONE_API_ACCESS_TOKEN and PINGONE_CLIENT_ID are mutually exclusive: set one")]
    Ambiguous,
    /// A region code that is not PingOne's.
    #[error(transparent)]
    Region(#[from] crate::api::endpoints::UnknownRegion),
    /// A base URL that is invalid or not https.
    #[error(transparent)]
    Endpoint(#[from] crate::api::endpoints::EndpointError),
}

/// The client configuration the flags and environment describe, or `None` for the demo.
/// `secret` reads a secret variable (`std::env::var` in the app, a map in tests).
pub fn resolve(
    args: &ConnectArgs,
    secret: impl Fn(&str) -> Option<String>,
) -> Result<Option<ClientConfig>, ConnectError> {
    let token = secret("PINGONE_API_ACCESS_TOKEN").filter(|t| !t.is_empty());
    if args.demo || (token.is_none() && args.client_id.is_none()) {
        return Ok(None);
    }
    let environment_id = args
        .environment_id
        .clone()
        .ok_or(ConnectError::MissingEnvironment)?;
    let credentials = match (token, &args.client_id) {
        (Some(_), Some(_)) => return Err(ConnectError::Ambiguous),
        (Some(token), None) => Credentials::AccessToken(SecretString::from(token)),
        (None, Some(client_id)) => {
            let client_secret = secret("PINGONE_CLIENT_SECRET")
                .filter(|s| !s.is_empty())
                .ok_or_else(|| ConnectError::MissingSecret(client_id.clone()))?;
            Credentials::Client(ClientCredentials {
                environment_id: environment_id.clone(),
                client_id: client_id.clone(),
                client_secret: SecretString::from(client_secret),
                method: args.client_auth,
            })
        }
        (None, None) => return Ok(None),
    };
    let region: Region = args
        .region
        .as_deref()
        .map(str::parse)
        .transpose()?
        .unwrap_or_default();
    let regional = region.endpoints();
    let endpoints = Endpoints::from_urls(
        args.api_url.as_deref().unwrap_or(regional.api.as_str()),
        args.auth_url.as_deref().unwrap_or(regional.auth.as_str()),
    )?;
    Ok(Some(ClientConfig::new(
        endpoints,
        environment_id,
        credentials,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    fn worker() -> ConnectArgs {
        ConnectArgs {
            environment_id: Some("env-1".into()),
            client_id: Some("worker".into()),
            ..ConnectArgs::default()
        }
    }

    #[test]
    fn nothing_configured_means_demo() {
        assert!(
            resolve(&ConnectArgs::default(), env(&[]))
                .expect("ok")
                .is_none()
        );
        let forced = ConnectArgs {
            demo: true,
            ..worker()
        };
        assert!(
            resolve(&forced, env(&[("PINGONE_CLIENT_SECRET", "s")]))
                .expect("ok")
                .is_none()
        );
    }

    #[test]
    fn client_credentials_and_region() {
        let args = ConnectArgs {
            region: Some("eu".into()),
            ..worker()
        };
        let config = resolve(&args, env(&[("PINGONE_CLIENT_SECRET", "s3cret")]))
            .expect("ok")
            .expect("configured");
        assert_eq!(config.endpoints.api.as_str(), "https://api.pingone.eu/");
        assert_eq!(config.environment_id, "env-1");
        assert!(
            !format!("{config:?}").contains("s3cret"),
            "Debug redacts the secret"
        );
    }

    #[test]
    fn access_token_and_url_overrides() {
        let args = ConnectArgs {
            environment_id: Some("env-2".into()),
            api_url: Some("http://127.0.0.1:9000".into()),
            auth_url: Some("http://127.0.0.1:9000".into()),
            ..ConnectArgs::default()
        };
        let config = resolve(&args, env(&[("PINGONE_API_ACCESS_TOKEN", "tok")]))
            .expect("ok")
            .expect("configured");
        assert!(matches!(config.credentials, Credentials::AccessToken(_)));
        assert_eq!(config.endpoints.api.as_str(), "http://127.0.0.1:9000/");
    }

    #[test]
    fn broken_configurations_are_explained() {
        assert_eq!(
            resolve(&worker(), env(&[])).expect_err("no secret"),
            ConnectError::MissingSecret("worker".into())
        );
        let both = env(&[
            ("PINGONE_API_ACCESS_TOKEN", "t"),
            ("PINGONE_CLIENT_SECRET", "s"),
        ]);
        assert_eq!(
            resolve(&worker(), both).expect_err("both"),
            ConnectError::Ambiguous
        );
        let no_env = ConnectArgs {
            environment_id: None,
            ..worker()
        };
        assert_eq!(
            resolve(&no_env, env(&[("PINGONE_CLIENT_SECRET", "s")])).expect_err("no env"),
            ConnectError::MissingEnvironment
        );
        let insecure = ConnectArgs {
            api_url: Some("http://10.1.2.3".into()),
            ..worker()
        };
        let error = resolve(&insecure, env(&[("PINGONE_CLIENT_SECRET", "s")])).expect_err("http");
        assert!(error.to_string().contains("must use https"), "{error}");
    }
}
