//! The simulator's writes: account lock and unlock, the password actions and the verification
//! code; each returns what PingOne answers and the audit events it emits.

use jiff::Timestamp;

use super::passwords::StoredPassword;
use super::store::{Directory, StoreError};
use crate::pingone::events;
use crate::pingone::user::{Account, AccountStatus, Lifecycle, LifecycleStatus};
use crate::pingone::{self, PasswordState, User};

/// A password action, chosen by `Content-Type` on `POST /users/{id}/password`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordAction {
    /// `password.unlock+json`.
    Unlock,
    /// `password.forceChange`.
    ForceChange,
    /// `password.sendRecoveryCode+json`.
    SendRecoveryCode,
}

impl Directory {
    /// Unlocks an account; returns the record as read afterwards.
    pub fn unlock(&mut self, id: &str, now: Timestamp) -> Result<User, StoreError> {
        let at = self.position_of(id)?;
        let user = self.stored_mut(id)?;
        user.account = Some(Account {
            status: Some(AccountStatus::Ok),
            ..Account::default()
        });
        user.updated_at = Some(now);
        if pingone::ACCOUNT_UNLOCK_CLEARS_PASSWORD_LOCKOUT {
            let mut password = self.stored_password(at);
            if password.unlock(now).is_ok() {
                self.passwords.insert(at, password);
            }
        }
        self.get(id, now).ok_or(StoreError::NotFound)
    }

    /// Locks an account until `unlock_at`, or until an admin unlocks it.
    pub fn lock(
        &mut self,
        id: &str,
        unlock_at: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<User, StoreError> {
        if unlock_at.is_some_and(|at| at <= now) {
            // UNVERIFIED: docs say a past unlockAt means "not locked"; we refuse it as invalid.
            return Err(StoreError::Invalid(
                "unlockAt",
                "unlockAt must be in the future".into(),
            ));
        }
        let user = self.stored_mut(id)?;
        user.account = Some(Account {
            status: Some(AccountStatus::Locked),
            locked_at: Some(now),
            unlock_at,
            ..Account::default()
        });
        user.updated_at = Some(now);
        self.get(id, now).ok_or(StoreError::NotFound)
    }

    /// A password action on user `id`: the password state afterwards (none for a recovery code,
    /// which PingOne answers with `204`) and the events emitted. Users of an external identity
    /// provider are refused ([DEV] user-passwords: `REQUEST_FAILED`).
    pub fn password_action(
        &mut self,
        id: &str,
        action: PasswordAction,
        now: Timestamp,
    ) -> Result<(Option<PasswordState>, Vec<&'static str>), StoreError> {
        let at = self.position_of(id)?;
        let user = self.users[at as usize].clone();
        if user.has_external_idp() {
            return Err(StoreError::Refused(
                "The user authenticates with an external identity provider; password actions are not available".into(),
            ));
        }
        let was_locked = self.get(id, now).is_some_and(|u| u.is_locked());
        let mut password = self.stored_password(at);
        let event = match action {
            PasswordAction::Unlock => {
                password.unlock(now).map_err(StoreError::Refused)?;
                events::PASSWORD_UNLOCKED
            }
            PasswordAction::ForceChange => {
                password.force_change(now).map_err(StoreError::Refused)?;
                events::PASSWORD_FORCE_CHANGE
            }
            PasswordAction::SendRecoveryCode => {
                password
                    .check_recovery(&user, now)
                    .map_err(StoreError::Refused)?;
                return Ok((None, vec![events::PASSWORD_RECOVERY]));
            }
        };
        self.passwords.insert(at, password);
        self.users[at as usize].updated_at = Some(now);
        let mut emitted = vec![event];
        // USER.UNLOCKED too when the password lockout was the account lock's only cause.
        if was_locked && !self.get(id, now).is_some_and(|u| u.is_locked()) {
            emitted.push(events::USER_UNLOCKED);
        }
        Ok((Some(self.password(id, now)?), emitted))
    }

    /// `n` failed password checks on user `id` (what a sign-on with a wrong password does):
    /// the password state afterwards and the events.
    pub fn fail_password_checks(
        &mut self,
        id: &str,
        n: u32,
        now: Timestamp,
    ) -> Result<(PasswordState, Vec<&'static str>), StoreError> {
        let at = self.position_of(id)?;
        let mut password: StoredPassword = self.stored_password(at);
        let locked_out = password.fail_checks(n, &self.policy, now);
        self.passwords.insert(at, password);
        let mut emitted = vec![events::PASSWORD_CHECK_FAILED; n as usize];
        if locked_out {
            emitted.push(events::USER_LOCKED);
        }
        Ok((self.password(id, now)?, emitted))
    }

    /// Sends user `id` a new verification code: `lifecycle.status` becomes
    /// `VERIFICATION_REQUIRED` ([DEV] send-resend-user-verification-code).
    pub fn send_verification(&mut self, id: &str, now: Timestamp) -> Result<User, StoreError> {
        let user = self.stored_mut(id)?;
        if user.email.as_deref().is_none_or(str::is_empty) {
            return Err(StoreError::Invalid(
                "email",
                "The user has no email address to send a code to".into(),
            ));
        }
        user.lifecycle = Some(Lifecycle {
            status: Some(LifecycleStatus::VerificationRequired),
        });
        user.updated_at = Some(now);
        self.get(id, now).ok_or(StoreError::NotFound)
    }
}
