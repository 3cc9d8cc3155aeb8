//! Pure update tests of opening a user: every section (password, MFA devices, sessions, groups)
//! and the population read at once, each on its own; what a re-open within 30 s reads
//! (nothing); how moving on cancels them; one section failing while the rest render. No IO,
//! no terminal, no tokio.

#[path = "common/console.rs"]
mod console;

use console::*;
use pingdesk::pingone::user::IdRef;

/// A user in population `p-1`.
fn member(id: &str) -> User {
    User {
        population: Some(IdRef { id: "p-1".into() }),
        ..user(id, false)
    }
}

/// The kinds of the section reads in `effects`.
fn kinds(effects: &[Effect]) -> Vec<SectionKind> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::ReadSection { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect()
}

fn population_reads(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::ReadPopulation { .. }))
        .count()
}

#[test]
fn a_resting_selection_reads_every_section_at_once_and_a_reopen_within_30s_costs_nothing() {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![member("a"), member("b")], start);
    assert_eq!(
        state.next_wakeup(),
        Some(start + Duration::from_millis(300))
    );
    assert!(
        update(
            &mut state,
            &keys,
            Msg::Tick(start + Duration::from_millis(200))
        )
        .is_empty()
    );
    let effects = update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_millis(300)),
    );
    // One update sends them all: they run concurrently, each in its own slot.
    assert_eq!(kinds(&effects), SectionKind::ALL);
    assert_eq!(population_reads(&effects), 1);
    let reqs: Vec<ReqId> = SectionKind::ALL
        .iter()
        .filter_map(|k| find_read(&effects, *k))
        .collect();
    assert!(reqs.windows(2).all(|w| w[0] != w[1]), "{reqs:?}");
    answer_all(&mut state, &keys, &effects, PasswordStatus::Ok, &[]);
    assert_eq!(state.next_wakeup(), None, "opened and idle: no wake-ups");
    // Down and back up within 30 s: b is read (its population already is), a is not again.
    update(&mut state, &keys, key(KeyCode::Char('j')));
    let b = update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(1)));
    assert_eq!(kinds(&b), SectionKind::ALL);
    assert_eq!(population_reads(&b), 0, "one read per population per run");
    answer_all(&mut state, &keys, &b, PasswordStatus::Ok, &[]);
    update(&mut state, &keys, key(KeyCode::Char('k')));
    assert!(update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(2))).is_empty());
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).is_empty(),
        "Enter on a fresh user reads nothing"
    );
    // After 30 s every section is read again.
    state.focus = pingdesk::app::Focus::Results;
    update(&mut state, &keys, key(KeyCode::Char('j')));
    update(&mut state, &keys, key(KeyCode::Char('k')));
    let later = update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_secs(40)),
    );
    assert_eq!(kinds(&later), SectionKind::ALL);
}

#[test]
fn moving_on_cancels_every_read_and_their_late_replies_are_dropped() {
    let start = Instant::now();
    let (mut state, keys) = listing(
        Context::default(),
        vec![user("a", false), user("b", false)],
        start,
    );
    let opened = update(&mut state, &keys, key(KeyCode::Enter));
    let reqs: Vec<ReqId> = SectionKind::ALL
        .iter()
        .map(|k| find_read(&opened, *k).expect("a read of every section"))
        .collect();
    state.focus = pingdesk::app::Focus::Results;
    let effects = update(&mut state, &keys, key(KeyCode::Char('j')));
    let cancelled: Vec<Effect> = reqs.iter().map(|r| Effect::Cancel(*r)).collect();
    assert_eq!(effects, cancelled, "moving on cancels every read");
    answer_all(&mut state, &keys, &opened, PasswordStatus::LockedOut, &[]);
    let a = state.extras.get("a").expect("a was opened");
    assert!(a.password.value.is_none() && a.devices.value.is_none());
    assert!(
        !a.password.loading && !a.devices.loading,
        "no longer loading"
    );
    assert!(!state.is_busy());
}

#[test]
fn one_section_that_fails_says_why_and_the_rest_render() {
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], Instant::now());
    let opened = update(&mut state, &keys, key(KeyCode::Enter));
    let devices = find_read(&opened, SectionKind::Devices).expect("a devices read");
    let mut forbidden = ApiError::transport("read MFA devices", ErrorKind::Forbidden, "403");
    forbidden.status = Some(403);
    forbidden.permission = pingdesk::pingone::PERMISSION_READ_DEVICES;
    update(
        &mut state,
        &keys,
        Msg::SectionLoaded {
            req: devices,
            kind: SectionKind::Devices,
            read_at: jiff::Timestamp::UNIX_EPOCH,
            result: Err(forbidden),
        },
    );
    let others: Vec<Effect> = opened
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                Effect::ReadSection {
                    kind: SectionKind::Devices,
                    ..
                }
            )
        })
        .collect();
    answer_all(&mut state, &keys, &others, PasswordStatus::Ok, &[]);
    let extras = state.extras.get("a").expect("opened");
    let error = extras.devices.error().expect("the devices' error");
    assert!(error.contains("mfa:read:device"), "{error}");
    assert!(extras.password.ok().is_some() && extras.sessions.ok().is_some());
    let verdict = state.verdict().expect("a verdict");
    assert_eq!(verdict.headline(), "nothing stops this user signing in");
    assert!(
        status_text(&state).is_empty(),
        "a section's error stays in its section"
    );
}

#[test]
fn refresh_reads_the_user_and_every_section_at_once() {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![member("a")], start);
    open_with(&mut state, &keys, PasswordStatus::Ok, &[]);
    let effects = update(&mut state, &keys, key(KeyCode::Char('r')));
    assert!(
        matches!(effects.first(), Some(Effect::Refresh { .. })),
        "{effects:?}"
    );
    assert_eq!(kinds(&effects), SectionKind::ALL);
    assert_eq!(population_reads(&effects), 0, "a population is read once");
}

#[test]
fn a_population_that_failed_is_read_again_at_the_next_open() {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![member("a")], start);
    let opened = update(&mut state, &keys, key(KeyCode::Enter));
    let Some(Effect::ReadPopulation { req, id }) = opened
        .iter()
        .find(|e| matches!(e, Effect::ReadPopulation { .. }))
        .cloned()
    else {
        panic!("a population read: {opened:?}")
    };
    let result = Err(ApiError::transport(
        "read population",
        ErrorKind::Server,
        "500",
    ));
    update(&mut state, &keys, Msg::PopulationLoaded { req, id, result });
    let effects = update(&mut state, &keys, key(KeyCode::Char('r')));
    assert_eq!(population_reads(&effects), 1, "{effects:?}");
}

#[test]
fn a_password_lockout_that_runs_out_is_read_once_more() {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], start);
    let opened = update(&mut state, &keys, key(KeyCode::Enter));
    let others: Vec<Effect> = opened
        .iter()
        .filter(|e| {
            !matches!(
                e,
                Effect::ReadSection {
                    kind: SectionKind::Password,
                    ..
                }
            )
        })
        .cloned()
        .collect();
    answer_all(&mut state, &keys, &others, PasswordStatus::Ok, &[]);
    answer(
        &mut state,
        &keys,
        read_password(&opened),
        PasswordStatus::LockedOut,
        Some(2),
    );
    assert_eq!(state.next_wakeup(), Some(start + Duration::from_secs(1)));
    assert!(update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(1))).is_empty());
    let again = update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(2)));
    assert_eq!(kinds(&again), [SectionKind::Password], "only the password");
    answer(
        &mut state,
        &keys,
        read_password(&again),
        PasswordStatus::Ok,
        None,
    );
    assert!(
        update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(3))).is_empty(),
        "once"
    );
}

#[test]
fn a_device_lock_that_runs_out_is_read_once_more() {
    use pingdesk::pingone::device::{DeviceLock, DeviceStatus, LockStatus};
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], start);
    let read_at = jiff::Timestamp::UNIX_EPOCH;
    let locked = pingdesk::pingone::Device {
        id: "d".into(),
        status: Some(DeviceStatus::Active),
        lock: Some(DeviceLock {
            status: LockStatus::Locked,
            expires_at: Some(read_at + jiff::SignedDuration::from_secs(2)),
        }),
        ..pingdesk::pingone::Device::default()
    };
    open_with(&mut state, &keys, PasswordStatus::Ok, &[locked]);
    assert_eq!(state.next_wakeup(), Some(start + Duration::from_secs(1)));
    assert!(update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(1))).is_empty());
    let again = update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(2)));
    assert_eq!(kinds(&again), [SectionKind::Devices]);
}
