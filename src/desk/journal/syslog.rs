//! Journal records to the local syslog socket as RFC 5424 messages: facility `authpriv`,
//! severity `notice` (`warning` for a failed or unknown outcome), app name `pingdesk`, message
//! id the phase, the record's main fields as structured data `[pingdesk@32473 …]` (32473 is
//! the private enterprise number RFC 5612 reserves for examples), and the record as JSON as
//! the message, so a SIEM reading the host's syslog needs no new agent.

use std::fmt::Write as _;
use std::path::Path;

use super::record::{Ending, Phase, Record};
use crate::desk::inert;

/// `authpriv` (10): security messages that may name people.
const FACILITY: u8 = 10;
/// The structured-data id.
pub const SD_ID: &str = "pingdesk@32473";

/// Sends `record` to the datagram socket at `socket`.
pub(super) fn send(socket: &Path, record: &Record) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let sender = std::os::unix::net::UnixDatagram::unbound()?;
        sender.send_to(message(record).as_bytes(), socket)?;
        Ok(())
    }
    #[cfg(not(unix))]
    {
        let _ = (socket, record);
        Err(std::io::Error::other("syslog needs a Unix socket"))
    }
}

/// The RFC 5424 message for `record`.
pub fn message(record: &Record) -> String {
    let severity: u8 = match record.result {
        Some(Ending::Failed | Ending::Unknown) => 4,
        _ => 5,
    };
    let phase = match record.phase {
        Phase::Intent => "intent",
        Phase::Outcome => "outcome",
    };
    let result = record.result.map(|r| match r {
        Ending::Ok => "ok",
        Ending::Failed => "failed",
        Ending::Unknown => "unknown",
    });
    let who = &record.who;
    let mut data = format!("[{SD_ID}");
    let fields = [
        ("op_id", Some(record.op_id.as_str())),
        ("operation", Some(record.operation.as_str())),
        ("user_id", Some(record.user_id.as_str())),
        ("username", Some(record.username.as_str())),
        ("environment", Some(who.environment.as_str())),
        ("profile", who.profile.as_deref()),
        ("client_id", Some(who.client_id.as_str())),
        ("os_user", who.os_user.as_deref()),
        ("ssh_origin", who.ssh_origin.as_deref()),
        ("ticket", record.ticket.as_deref()),
        ("transaction_id", Some(record.transaction_id.as_str())),
        ("session_id", Some(who.session_id.as_str())),
        ("result", result),
        ("correlation_id", record.correlation_id.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = write!(data, " {name}=\"{}\"", param(value));
        }
    }
    data.push(']');
    let json = serde_json::to_string(record).expect("a record always encodes to JSON");
    format!(
        "<{}>1 {} {} pingdesk {} {phase} {data} {json}",
        FACILITY * 8 + severity,
        record.time,
        header_field(&who.host),
        who.pid,
    )
}

/// A structured-data value: `"`, `\` and `]` escaped (RFC 5424 §6.3.3), control characters
/// shown as placeholders.
fn param(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in inert(value).chars() {
        if matches!(c, '"' | '\\' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A header field: printable ASCII without spaces, at most 255 characters, or `-`.
fn header_field(value: &str) -> String {
    let field: String = value
        .chars()
        .filter(char::is_ascii_graphic)
        .take(255)
        .collect();
    if field.is_empty() {
        "-".to_owned()
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_data_escapes_what_rfc_5424_says() {
        assert_eq!(param(r#"a"b\c]d"#), r#"a\"b\\c\]d"#);
        assert_eq!(header_field("jump host"), "jumphost");
        assert_eq!(header_field(""), "-");
    }
}
