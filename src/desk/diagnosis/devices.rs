//! What MFA devices say about signing in: a blocked device is a cause an unblock fixes; a
//! locked one frees itself in time. Either stops sign-in only when MFA is on and no other
//! device can be used; otherwise it is a note.

use super::{Cause, Fix, countdown_to, note};
use crate::desk::known::{Known, device_label};
use crate::desk::ops::{OpKind, Target};

/// The causes and notes the devices give, when they were read.
pub(super) fn causes(known: &Known<'_>) -> Vec<Cause> {
    let Some(devices) = known.devices else {
        return Vec::new();
    };
    let now = known.now;
    let mfa_on = known.user.mfa_enabled == Some(true);
    let usable = devices.iter().any(|d| d.is_usable(now));
    let blocks = mfa_on && !usable;
    let why_not = if !mfa_on {
        " (MFA is off for this user, so it does not stop sign-in)"
    } else if usable {
        " (another device still works)"
    } else {
        ""
    };
    let mut causes = Vec::new();
    for device in devices {
        let label = device_label(device);
        let found = if device.is_blocked() {
            Some((
                format!("MFA device {label} blocked{why_not}"),
                Fix::Op(OpKind::UnblockDevice),
            ))
        } else {
            device.locked_until(now).map(|until| {
                (
                    format!(
                        "MFA device {label} locked after failed attempts; frees itself in {}{why_not}",
                        countdown_to(until, now)
                    ),
                    Fix::Wait,
                )
            })
        };
        if let Some((text, fix)) = found {
            causes.push(Cause {
                target: Target::Device(device.id.clone()),
                blocks,
                ..note(text, fix)
            });
        }
    }
    if mfa_on && !usable && causes.is_empty() {
        let text = if devices.is_empty() {
            "MFA is on but no device is registered".to_owned()
        } else {
            "MFA is on but no device is activated yet".to_owned()
        };
        causes.push(note(
            text,
            Fix::Elsewhere("the sign-on policy decides whether they can add one at sign-on".into()),
        ));
    }
    causes
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::desk::Verdict;
    use crate::pingone::device::{BlockStatus, DeviceBlock, DeviceLock, DeviceStatus, LockStatus};
    use crate::pingone::{Device, PasswordState, PasswordStatus, User};

    fn now() -> Timestamp {
        "2026-01-01T00:00:00Z".parse().expect("a time")
    }

    fn device(id: &str, blocked: bool, locked_for: Option<i64>) -> Device {
        Device {
            id: id.into(),
            kind: "SMS".into(),
            phone: Some("+15555550138".into()),
            status: Some(DeviceStatus::Active),
            block: blocked.then_some(DeviceBlock {
                status: BlockStatus::Blocked,
                blocked_at: None,
            }),
            lock: locked_for.map(|secs| DeviceLock {
                status: LockStatus::Locked,
                expires_at: Some(now() + jiff::SignedDuration::from_secs(secs)),
            }),
            ..Device::default()
        }
    }

    fn verdict(mfa: bool, devices: &[Device]) -> Verdict {
        let user = User {
            mfa_enabled: Some(mfa),
            ..User::default()
        };
        let ok = PasswordState::with_status(PasswordStatus::Ok);
        let known = Known {
            password: Some(&ok),
            devices: Some(devices),
            ..Known::record(&user, now())
        };
        Verdict::of(&known, 0)
    }

    #[test]
    fn a_blocked_only_device_stops_sign_in_and_names_its_fix() {
        let verdict = verdict(true, &[device("d1", true, None)]);
        assert!(verdict.blocked(), "{verdict:?}");
        let cause = &verdict.causes[0];
        assert_eq!(cause.fix, Fix::Op(OpKind::UnblockDevice));
        assert_eq!(cause.target, Target::Device("d1".into()));
        assert!(cause.text.contains("SMS +1 •••• 0138"), "{}", cause.text);
    }

    #[test]
    fn a_locked_device_says_when_it_frees_itself() {
        let verdict = verdict(true, &[device("d1", false, Some(125))]);
        assert!(verdict.blocked());
        assert_eq!(verdict.causes[0].fix, Fix::Wait);
        assert!(verdict.causes[0].text.contains("frees itself in 2m 05s"));
    }

    #[test]
    fn another_working_device_or_mfa_off_makes_it_a_note() {
        let two = verdict(true, &[device("d1", true, None), device("d2", false, None)]);
        assert!(!two.blocked(), "{two:?}");
        assert!(two.causes[0].text.contains("another device still works"));
        let off = verdict(false, &[device("d1", true, None)]);
        assert!(!off.blocked());
        assert!(off.causes[0].text.contains("MFA is off"));
        assert!(
            verdict(true, &[]).causes[0]
                .text
                .contains("no device is registered")
        );
        assert!(verdict(false, &[]).causes.is_empty());
    }
}
