//! Where pingdesk connects: flags > environment > config profile > demo, and the errors that
//! explain a broken configuration. The environment is a map, so the tests are hermetic.

use std::path::PathBuf;

use pingdesk::api::Credentials;
use pingdesk::connect::{ConnectArgs, Connection, Target, resolve};
use secrecy::ExposeSecret as _;

const CONFIG: &str = r#"
default_profile = "lab"

[profiles.lab]
api_url = "http://127.0.0.1:9000"
auth_url = "http://127.0.0.1:9000"
environment_id = "env-lab"
client_id = "lab-worker"
secret = { env = "LAB_SECRET" }
read_only = true

[profiles.prod]
region = "EU"
environment_id = "env-prod"
target_environment_id = "env-users"
client_id = "prod-worker"
secret = { command = ["printf", "from-command"] }
production = true
banner_color = "red"

[profiles.empty]
region = "CA"
"#;

/// A config file with `text`, unique to the test.
fn config_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "pingdesk-connect-{}-{name}.toml",
        std::process::id()
    ));
    std::fs::write(&path, text).expect("write config");
    path
}

/// Resolves with an environment of `pairs` (and a HOME with no config in it).
fn resolve_with(
    args: &ConnectArgs,
    pairs: &[(&str, &str)],
) -> Result<Target, pingdesk::connect::ConnectError> {
    let mut pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    pairs.push(("HOME".into(), "/nonexistent-home".into()));
    let env = move |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    resolve(args, &env)
}

fn tenant(target: Target) -> Connection {
    match target {
        Target::Tenant(connection) => *connection,
        Target::Demo => panic!("expected a tenant, got the demo"),
    }
}

fn client_id(connection: &Connection) -> String {
    match &connection.client.credentials {
        Credentials::Client(client) => client.client_id.clone(),
        Credentials::AccessToken(_) => "token".into(),
    }
}

#[test]
fn nothing_configured_is_the_demo() {
    assert!(matches!(
        resolve_with(&ConnectArgs::default(), &[]),
        Ok(Target::Demo)
    ));
    let forced = ConnectArgs {
        demo: true,
        ..ConnectArgs::default()
    };
    let env = [
        ("PINGONE_CLIENT_ID", "x"),
        ("PINGONE_CLIENT_SECRET", "y"),
        ("PINGONE_ENVIRONMENT_ID", "e"),
    ];
    assert!(matches!(resolve_with(&forced, &env), Ok(Target::Demo)));
}

#[test]
fn the_default_profile_is_used_and_its_secret_source_read() {
    let args = ConnectArgs {
        config: Some(config_file("default", CONFIG)),
        ..ConnectArgs::default()
    };
    let connection =
        tenant(resolve_with(&args, &[("LAB_SECRET", "lab-secret")]).expect("resolves"));
    assert_eq!(connection.profile.as_deref(), Some("lab"));
    assert_eq!(client_id(&connection), "lab-worker");
    assert!(connection.read_only);
    assert_eq!(
        connection.client.endpoints.api.as_str(),
        "http://127.0.0.1:9000/"
    );
}

#[test]
fn environment_beats_profile_and_flags_beat_environment() {
    let path = config_file("precedence", CONFIG);
    let env = [
        ("PINGONE_CLIENT_ID", "env-worker"),
        ("PINGONE_CLIENT_SECRET", "env-secret"),
        ("LAB_SECRET", "s"),
    ];
    let args = ConnectArgs {
        config: Some(path.clone()),
        ..ConnectArgs::default()
    };
    let connection = tenant(resolve_with(&args, &env).expect("resolves"));
    assert_eq!(
        client_id(&connection),
        "env-worker",
        "environment over profile"
    );
    assert_eq!(
        connection.client.environment_id, "env-lab",
        "the profile fills what the environment leaves"
    );
    let Credentials::Client(client) = &connection.client.credentials else {
        panic!("client credentials")
    };
    assert_eq!(client.client_secret.expose_secret(), "env-secret");

    let flagged = ConnectArgs {
        client_id: Some("flag-worker".into()),
        environment_id: Some("env-flag".into()),
        config: Some(path),
        ..ConnectArgs::default()
    };
    let connection = tenant(resolve_with(&flagged, &env).expect("resolves"));
    assert_eq!(
        client_id(&connection),
        "flag-worker",
        "flag over environment"
    );
    assert_eq!(connection.client.environment_id, "env-flag");
}

#[test]
fn a_named_profile_with_command_secret_target_environment_and_production() {
    let args = ConnectArgs {
        config: Some(config_file("prod", CONFIG)),
        profile: Some("prod".into()),
        ..ConnectArgs::default()
    };
    let connection = tenant(resolve_with(&args, &[]).expect("resolves"));
    assert!(connection.production && !connection.read_only);
    assert_eq!(connection.banner_color.as_deref(), Some("red"));
    assert_eq!(
        connection.client.environment_id, "env-users",
        "users live in the target environment"
    );
    let Credentials::Client(client) = &connection.client.credentials else {
        panic!("client credentials")
    };
    assert_eq!(
        client.environment_id, "env-prod",
        "the token comes from the worker's environment"
    );
    assert_eq!(client.client_secret.expose_secret(), "from-command");
    assert_eq!(
        connection.client.endpoints.api.as_str(),
        "https://api.pingone.eu/"
    );
    assert_eq!(connection.region_label, "EU");
}

#[test]
fn profile_errors_are_explained() {
    let path = config_file("errors", CONFIG);
    let unknown = ConnectArgs {
        config: Some(path.clone()),
        profile: Some("nope".into()),
        ..ConnectArgs::default()
    };
    let message = resolve_with(&unknown, &[])
        .expect_err("unknown")
        .to_string();
    assert!(
        message.contains("\"nope\"") && message.contains("lab, prod"),
        "{message}"
    );
    let empty = ConnectArgs {
        config: Some(path),
        profile: Some("empty".into()),
        ..ConnectArgs::default()
    };
    let message = resolve_with(&empty, &[])
        .expect_err("no credentials")
        .to_string();
    assert!(message.contains("no client_id"), "{message}");
    let broken = config_file(
        "broken",
        "[profiles.a]\nregion = \"EU\"\nclient_secret = \"x\"\n",
    );
    let args = ConnectArgs {
        config: Some(broken.clone()),
        ..ConnectArgs::default()
    };
    let message = resolve_with(&args, &[]).expect_err("broken").to_string();
    assert!(
        message.starts_with(&format!("{}:3:", broken.display()))
            && message.contains("client_secret"),
        "{message}"
    );
    let missing = ConnectArgs {
        config: Some("/nonexistent/pingdesk.toml".into()),
        ..ConnectArgs::default()
    };
    assert!(
        resolve_with(&missing, &[])
            .expect_err("missing")
            .to_string()
            .contains("does not exist")
    );
}

#[test]
fn environment_only_configuration_and_its_errors() {
    let base = [
        ("PINGONE_CLIENT_ID", "w"),
        ("PINGONE_CLIENT_SECRET", "s"),
        ("PINGONE_ENVIRONMENT_ID", "e"),
    ];
    let hosts = [
        base.as_slice(),
        &[
            ("PINGONE_API_SERVICE_HOSTNAME", "api.example.com"),
            ("PINGONE_AUTH_SERVICE_HOSTNAME", "auth.example.com"),
        ],
    ]
    .concat();
    let connection = tenant(resolve_with(&ConnectArgs::default(), &hosts).expect("hostnames"));
    assert_eq!(
        connection.client.endpoints.auth.as_str(),
        "https://auth.example.com/"
    );
    let half = [
        base.as_slice(),
        &[("PINGONE_API_SERVICE_HOSTNAME", "api.example.com")],
    ]
    .concat();
    assert!(
        resolve_with(&ConnectArgs::default(), &half)
            .expect_err("half")
            .to_string()
            .contains("together")
    );
    let both = [base.as_slice(), &[("PINGONE_API_ACCESS_TOKEN", "t")]].concat();
    assert!(
        resolve_with(&ConnectArgs::default(), &both)
            .expect_err("both")
            .to_string()
            .contains("mutually exclusive")
    );
    let no_secret = [("PINGONE_CLIENT_ID", "w"), ("PINGONE_ENVIRONMENT_ID", "e")];
    assert!(
        resolve_with(&ConnectArgs::default(), &no_secret)
            .expect_err("secret")
            .to_string()
            .contains("PINGONE_CLIENT_SECRET")
    );
    let token = [
        ("PINGONE_API_ACCESS_TOKEN", "t"),
        ("PINGONE_ENVIRONMENT_ID", "e"),
        ("PINGDESK_READ_ONLY", "1"),
    ];
    let connection = tenant(resolve_with(&ConnectArgs::default(), &token).expect("token"));
    assert!(matches!(
        connection.client.credentials,
        Credentials::AccessToken(_)
    ));
    assert!(connection.read_only);
    let insecure = [base.as_slice(), &[("PINGDESK_API_URL", "http://192.0.2.1")]].concat();
    assert!(
        resolve_with(&ConnectArgs::default(), &insecure)
            .expect_err("http")
            .to_string()
            .contains("https")
    );
    let debug = format!(
        "{:?}",
        tenant(resolve_with(&ConnectArgs::default(), &base).expect("ok"))
    );
    assert!(
        !debug.contains("\"s\"") && debug.contains("REDACTED"),
        "Debug redacts: {debug}"
    );
}
