//! What the operation tests share: the demo directory's users (and the devices and sessions)
//! they act on, by id; the user each operation is tried on; the requests sent since a moment.

#![allow(dead_code)] // each test file uses a different part

use std::collections::HashMap;

use pingdesk::desk::{OpKind, Target};
use pingdesk::pingone::User;
use pingdesk::sim::{Route, SimHandle};

/// alice.locked, locked by an admin.
pub const ALICE: &str = "c49f2481-a62c-4e72-a451-dee7c524bf53";
/// carol.pwfail, her password locked out by failed checks.
pub const CAROL: &str = "25fd2bf1-b169-4cb0-a006-387eb71d1e03";
/// dave.disabled.
pub const DAVE: &str = "a7a66baf-633c-4f93-b70d-af97b604a226";
/// erin.unverified.
pub const ERIN: &str = "0f92d175-ff20-4515-9931-343f508ba56a";
/// frank.ok, MFA on, two devices and two sessions.
pub const FRANK: &str = "0a3356ea-7a8b-4a2f-9344-91878c54a02c";
/// gina.pwtimer, a password lockout that ends by itself.
pub const GINA: &str = "5b1c3f0e-8d2a-4c77-9e41-2a7d0c6b9f13";
/// hank.expired, an expired password.
pub const HANK: &str = "9e7d2c41-3b5a-4f08-8c6e-71d4a0b2e5f6";
/// ivy.mustchange.
pub const IVY: &str = "c2f8a6d1-4e3b-4a9c-b7d5-0e1f2a3b4c5d";
/// judy.nopassword.
pub const JUDY: &str = "0d4e6f8a-1b2c-4d3e-8f5a-6b7c8d9e0f1a";
/// ken.ldap, a password held by an external directory.
pub const KEN: &str = "7a9b1c3d-5e7f-4a1b-9c3d-5e7f9a1b3c5d";
/// oscar.twolocks, locked by an admin and by a password lockout.
pub const OSCAR: &str = "e4f6a8b0-2c4d-4e6f-a8b0-c2d4e6f8a0b2";
/// sofia.garcia signs in through Google (`identityProvider.type` GOOGLE).
pub const SOFIA: &str = "740ee6e1-7630-48f9-b41f-0f9ff5792907";
/// wei.lin, MFA on, whose SMS device [`WEI_SMS`] is blocked.
pub const WEI: &str = "26120df0-4341-463a-b1d5-3d0d7fd01475";
/// wei.lin's blocked SMS device.
pub const WEI_SMS: &str = "9be44e7c-4d9f-5e96-bece-d485384bdf96";
/// kwame.mensah, MFA off.
pub const KWAME: &str = "f6e64bd5-939f-43d7-8b59-0b713251a0c5";
/// frank.ok's SMS device.
pub const FRANK_SMS: &str = "7b9ad531-1cb5-54df-a250-f098cb7f8e92";
/// frank.ok's newest session.
pub const FRANK_SESSION: &str = "e6f23c7b-4fa2-57b7-b5b2-3956e3228d00";

/// User `id` as far as `apply` needs to know it for an operation on the user itself: its id.
pub fn by_id(id: &str) -> User {
    User {
        id: id.into(),
        ..User::default()
    }
}

/// The demo user each operation is tried on (one it applies to), what inside the user it acts
/// on, and its write route. Exhaustive: a new operation must be added here.
pub fn target(kind: OpKind) -> (&'static str, Target, Route) {
    let user = Target::User;
    match kind {
        OpKind::UnlockAccount => (ALICE, user, Route::UserAction),
        OpKind::LockAccount => (FRANK, user, Route::UserAction),
        OpKind::UnlockPassword => (CAROL, user, Route::PasswordAction),
        OpKind::ForcePasswordChange => (GINA, user, Route::PasswordAction),
        OpKind::SendRecoveryCode => (HANK, user, Route::PasswordAction),
        OpKind::EnableUser => (DAVE, user, Route::UserEnabled),
        OpKind::DisableUser => (FRANK, user, Route::UserEnabled),
        OpKind::ResendVerification => (ERIN, user, Route::UserAction),
        OpKind::UnblockDevice => (WEI, Target::Device(WEI_SMS.into()), Route::DeviceAction),
        OpKind::BlockDevice => (FRANK, Target::Device(FRANK_SMS.into()), Route::DeviceAction),
        OpKind::RevokeSession => (
            FRANK,
            Target::Session(FRANK_SESSION.into()),
            Route::DeleteSession,
        ),
        OpKind::EnableMfa => (KWAME, user, Route::MfaEnabled),
        OpKind::DisableMfa => (FRANK, user, Route::MfaEnabled),
    }
}

/// Requests per route since `before` (a `Stats::snapshot`), tokens aside, in `Route::ALL` order,
/// zeros left out.
pub fn since(sim: &SimHandle, before: &HashMap<Route, u64>) -> Vec<(Route, u64)> {
    Route::ALL
        .into_iter()
        .filter(|route| *route != Route::Token)
        .map(|route| (route, sim.stats().get(route) - before[&route]))
        .filter(|(_, n)| *n > 0)
        .collect()
}
