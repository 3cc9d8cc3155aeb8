//! Helpers for tests that speak to the simulator: a fresh simulator with a client (and a demo
//! user found through it), raw requests with a token, and PingOne's error shape checked field
//! by field.

#![allow(dead_code)] // each test file uses a different part

use pingdesk::api::{ApiClient, UserQuery};
use pingdesk::pingone::User;
use pingdesk::sim::{self, SimConfig, SimHandle};
use secrecy::ExposeSecret as _;
use serde_json::Value;

/// A fresh demo simulator on port 0 and a client for it.
pub async fn start() -> (SimHandle, ApiClient) {
    let sim = sim::spawn(SimConfig::default())
        .await
        .expect("simulator starts");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client builds");
    (sim, client)
}

/// The demo user named `username`.
pub async fn demo_user(client: &ApiClient, username: &str) -> User {
    let page = client
        .find_users(&UserQuery::exact(username), 1)
        .await
        .expect("find");
    page.users.into_iter().next().expect("the user")
}

/// A plain HTTP client for raw requests.
pub fn http() -> reqwest::Client {
    pingdesk::api::client::install_crypto_provider();
    reqwest::Client::new()
}

/// `{base}v1/environments/{env}/{path}`.
pub fn api(sim: &SimHandle, path: &str) -> String {
    format!(
        "{}v1/environments/{}/{path}",
        sim.base_url, sim.environment_id
    )
}

/// The token endpoint of the simulator's environment.
pub fn token_url(sim: &SimHandle) -> String {
    format!("{}{}/as/token", sim.base_url, sim.environment_id)
}

/// A bearer token from the worker's client credentials.
pub async fn token(sim: &SimHandle, http: &reqwest::Client) -> String {
    let reply: Value = http
        .post(token_url(sim))
        .basic_auth(&sim.client_id, Some(sim.client_secret.expose_secret()))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("token JSON");
    reply["access_token"].as_str().expect("access_token").into()
}

/// An answer: status, headers and the body as JSON (`Null` when empty).
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body as JSON.
    pub body: Value,
}

/// Sends `request` and reads the answer; the body must be JSON when there is one.
pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("an answer");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("a body");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "HTTP {status}: a JSON body ({e}): {}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
            )
        })
    };
    Answer {
        status,
        headers,
        body,
    }
}

/// Sends `head` (a request line and headers, without the blank line) and `body` over a bare
/// TCP connection, for requests an HTTP client refuses to build (a 1 MB URI); reads the answer.
pub async fn raw(sim: &SimHandle, head: &str, body: &[u8]) -> Answer {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let addr = format!(
        "{}:{}",
        sim.base_url.host_str().expect("a host"),
        sim.base_url.port().expect("a port")
    );
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let request = format!(
        "{head}\r\nhost: 127.0.0.1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("sent");
    stream.write_all(body).await.expect("sent");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await.expect("read");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, rest) = text.split_once("\r\n\r\n").expect("a response head");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let mut headers = reqwest::header::HeaderMap::new();
    for (name, value) in lines.filter_map(|line| line.split_once(':')) {
        if let (Ok(name), Ok(value)) = (
            reqwest::header::HeaderName::from_bytes(name.trim().as_bytes()),
            reqwest::header::HeaderValue::from_str(value.trim()),
        ) {
            headers.append(name, value);
        }
    }
    let chunked = headers
        .get("transfer-encoding")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"chunked"));
    let json = if chunked {
        dechunk(rest)
    } else {
        rest.to_owned()
    };
    let body = if json.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("HTTP {status}: not JSON ({e})"))
    };
    Answer {
        status,
        headers,
        body,
    }
}

/// The payload of a chunked body.
fn dechunk(mut text: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = text.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        text = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// Checks an answer is PingOne's error: `status`, a `Correlation-Id`, a JSON content type, and
/// a body with a non-empty `id`, `code` and `message`. Returns the body.
pub fn pingone_error(answer: &Answer, status: u16, code: &str) -> Value {
    let body = &answer.body;
    assert_eq!(answer.status, status, "{body}");
    let id = answer
        .headers
        .get("correlation-id")
        .and_then(|v| v.to_str().ok());
    assert!(
        id.is_some_and(|id| !id.is_empty()),
        "Correlation-Id: {body}"
    );
    let media = answer
        .headers
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(media.starts_with("application/json"), "{media}: {body}");
    assert_eq!(body["code"], code, "{body}");
    for field in ["id", "message"] {
        assert!(
            body[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field} missing: {body}"
        );
    }
    body.clone()
}

/// The `target` of each detail of a PingOne error body.
pub fn targets(body: &Value) -> Vec<String> {
    body["details"]
        .as_array()
        .map(|details| {
            details
                .iter()
                .filter_map(|d| d["target"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
