//! What each operation sends and what PingOne answers it with.

use bytes::Bytes;
use reqwest::Method;

use super::{Reply, Sessions, UserOp};
use crate::api::UserWrite;
use crate::pingone;

impl UserOp {
    /// The requests, in order: method, path below `/users/{id}`, media type, body. One for
    /// every operation but the revoke of all sessions, which sends one `DELETE` per session
    /// (PingOne has no "delete all").
    pub fn requests(&self) -> Vec<UserWrite> {
        let post = |segments: &[&str], media_type| UserWrite {
            method: Method::POST,
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
            media_type: Some(media_type),
            body: Bytes::new(),
        };
        let put = |segment: &str, body: serde_json::Value| UserWrite {
            method: Method::PUT,
            segments: vec![segment.to_owned()],
            media_type: Some(pingone::MEDIA_JSON),
            body: Bytes::from(body.to_string()),
        };
        let delete_session = |id: &str| UserWrite {
            method: Method::DELETE,
            segments: vec!["sessions".to_owned(), id.to_owned()],
            media_type: None,
            body: Bytes::new(),
        };
        let one = match self {
            Self::UnlockAccount => post(&[], pingone::MEDIA_ACCOUNT_UNLOCK),
            Self::LockAccount { unlock_at } => UserWrite {
                body: Bytes::from(match unlock_at {
                    Some(at) => serde_json::json!({ "unlockAt": at }).to_string(),
                    None => "{}".to_owned(),
                }),
                ..post(&[], pingone::MEDIA_ACCOUNT_LOCK)
            },
            Self::UnlockPassword => post(&["password"], pingone::MEDIA_PASSWORD_UNLOCK),
            Self::ForcePasswordChange => post(&["password"], pingone::MEDIA_PASSWORD_FORCE_CHANGE),
            Self::SendRecoveryCode => {
                post(&["password"], pingone::MEDIA_PASSWORD_SEND_RECOVERY_CODE)
            }
            Self::EnableUser => put("enabled", serde_json::json!({ "enabled": true })),
            Self::DisableUser => put("enabled", serde_json::json!({ "enabled": false })),
            Self::ResendVerification => post(&[], pingone::MEDIA_USER_SEND_VERIFICATION_CODE),
            Self::UnblockDevice { device } => {
                post(&["devices", device], pingone::MEDIA_DEVICE_UNBLOCK)
            }
            Self::BlockDevice { device } => post(&["devices", device], pingone::MEDIA_DEVICE_BLOCK),
            Self::RevokeSession {
                sessions: Sessions::One(id),
            } => delete_session(id),
            Self::RevokeSession {
                sessions: Sessions::All(ids),
            } => return ids.iter().map(|id| delete_session(id)).collect(),
            Self::EnableMfa => put("mfaEnabled", serde_json::json!({ "mfaEnabled": true })),
            Self::DisableMfa => put("mfaEnabled", serde_json::json!({ "mfaEnabled": false })),
        };
        vec![one]
    }

    /// What PingOne answers it with.
    pub fn reply(&self) -> Reply {
        match self {
            // sendVerificationCode answering with the user, like the other POST /users/{id}
            // actions, is UNVERIFIED.
            Self::UnlockAccount | Self::LockAccount { .. } | Self::ResendVerification => {
                Reply::User
            }
            Self::UnlockPassword | Self::ForcePasswordChange => Reply::Password,
            Self::SendRecoveryCode => Reply::Unchanged,
            // PUT …/enabled and …/mfaEnabled answer `{"enabled"|"mfaEnabled": …}`, not the user.
            Self::EnableUser | Self::DisableUser | Self::EnableMfa | Self::DisableMfa => {
                Reply::Other
            }
            // [DEV] unblock-mfa-user-device answers with the device; block too (UNVERIFIED).
            Self::UnblockDevice { .. } | Self::BlockDevice { .. } => Reply::Device,
            // [DEV] delete-session: 204 No Content.
            Self::RevokeSession { .. } => Reply::Sessions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_carry_the_documented_media_types() {
        let lock = UserOp::LockAccount {
            unlock_at: Some("2030-01-01T00:00:00Z".parse().expect("a time")),
        }
        .requests();
        assert_eq!(lock[0].media_type, Some(pingone::MEDIA_ACCOUNT_LOCK));
        assert_eq!(&lock[0].body[..], br#"{"unlockAt":"2030-01-01T00:00:00Z"}"#);
        let disable = &UserOp::DisableUser.requests()[0];
        assert_eq!(
            (&disable.method, disable.segments.as_slice()),
            (&Method::PUT, ["enabled".to_owned()].as_slice())
        );
        assert_eq!(&disable.body[..], br#"{"enabled":false}"#);
        assert!(UserOp::UnlockAccount.requests()[0].body.is_empty());
        let unblock = &UserOp::UnblockDevice {
            device: "d/1".into(),
        }
        .requests()[0];
        assert_eq!(unblock.segments, ["devices", "d/1"]);
        assert_eq!(unblock.media_type, Some(pingone::MEDIA_DEVICE_UNBLOCK));
        let mfa = &UserOp::DisableMfa.requests()[0];
        assert_eq!(&mfa.body[..], br#"{"mfaEnabled":false}"#);
    }

    #[test]
    fn revoking_all_sessions_is_one_delete_each() {
        let all = UserOp::RevokeSession {
            sessions: Sessions::All(vec!["a".into(), "b".into()]),
        }
        .requests();
        let sent: Vec<(Method, Vec<String>)> =
            all.into_iter().map(|w| (w.method, w.segments)).collect();
        assert_eq!(
            sent,
            [
                (Method::DELETE, vec!["sessions".to_owned(), "a".to_owned()]),
                (Method::DELETE, vec!["sessions".to_owned(), "b".to_owned()]),
            ]
        );
    }
}
