//! The simulator's edges, where a request that no route will see is answered: the HTTP server
//! itself (which takes request heads up to [`MAX_HEAD`], so an oversized one still reaches
//! PingOne's answer), oversized URIs and headers, and every error the framework would answer in
//! plain text, all given PingOne's error shape and a `Correlation-Id`.

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tower::ServiceExt as _;

use super::responses::{code_for, for_status, p1_error};
use crate::pingone;

/// The largest request head the server reads (request line and headers). Past it the HTTP layer
/// answers a bare `431` by itself: no route, and no PingOne shape, can be given to a request it
/// never finished reading.
pub(super) const MAX_HEAD: usize = 4 << 20;

/// The outermost layer: refuses an oversized URI (`414`) or header block (`431`) in PingOne's
/// shape, gives PingOne's error shape to any error the framework answered in plain text (a body
/// over the size limit, a query it could not read, JSON it could not decode), and puts a
/// `Correlation-Id` on every response.
pub(super) async fn edge(request: Request, next: Next) -> Response {
    let uri = request.uri().to_string().len();
    let headers: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    let mut response = if uri > pingone::MAX_URI_LENGTH {
        p1_error(
            StatusCode::URI_TOO_LONG,
            pingone::CODE_INVALID_REQUEST,
            &format!(
                "The request URI is {uri} bytes long; at most {} are accepted.",
                pingone::MAX_URI_LENGTH
            ),
            Vec::new(),
        )
    } else if headers > pingone::MAX_HEADER_BYTES {
        p1_error(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            pingone::CODE_INVALID_REQUEST,
            &format!(
                "The request headers are {headers} bytes long; at most {} are accepted.",
                pingone::MAX_HEADER_BYTES
            ),
            Vec::new(),
        )
    } else {
        in_pingone_shape(next.run(request).await).await
    };
    if let Ok(value) = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()) {
        response
            .headers_mut()
            .insert(pingone::HEADER_CORRELATION_ID, value);
    }
    response
}

/// An error response that is not JSON (the framework's own rejections, in plain text) becomes
/// PingOne's error body for its status, keeping the framework's sentence as the message.
async fn in_pingone_shape(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(pingone::MEDIA_JSON));
    if status.as_u16() < 400 || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 64 << 10)
        .await
        .unwrap_or_default();
    let message = String::from_utf8_lossy(&text).trim().to_owned();
    // A JSON body that decodes but does not fit is `422` to the framework, `400` to PingOne.
    let status = if status == StatusCode::UNPROCESSABLE_ENTITY {
        StatusCode::BAD_REQUEST
    } else {
        status
    };
    let mut shaped = if message.is_empty() {
        for_status(status)
    } else {
        p1_error(
            status,
            code_for(status),
            &format!("The request could not be completed. {message}"),
            Vec::new(),
        )
    };
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            shaped.headers_mut().append(name, value.clone());
        }
    }
    shaped
}

/// Serves `app` on `listener` until `stop` fires, then lets open connections finish.
pub(super) async fn serve(listener: TcpListener, app: Router, stop: oneshot::Receiver<()>) {
    let (closing, closed) = watch::channel(());
    tokio::pin!(stop);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(error) => {
                    tracing::debug!(%error, "the simulator could not accept a connection");
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        // Answers go out at once, not held back by Nagle's algorithm against delayed ACKs.
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "the simulator could not set TCP_NODELAY");
        }
        let service = TowerToHyperService::new(
            app.clone()
                .map_request(|request: Request<hyper::body::Incoming>| request.map(Body::new)),
        );
        let mut closed = closed.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.max_buf_size(MAX_HEAD);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(error) = result {
                        tracing::debug!(%error, "a simulator connection ended with an error");
                    }
                    return;
                }
                _ = closed.changed() => connection.as_mut().graceful_shutdown(),
            }
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = closing.send(());
    drop(closed);
    closing.closed().await;
}
