//! Render snapshots of the detail pane's tabs at 80×24 (the size the tabs were chosen for) and
//! 120×40: the MFA devices with a block and a lock's countdown, the sessions with "all of
//! them", the groups and population, a section whose read failed (its tab marked `!` in the
//! danger role) while the others render, and sections still being read (marked `…`).

#[path = "common/console.rs"]
mod console;
#[path = "common/screens.rs"]
mod screens;

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use jiff::{SignedDuration, Timestamp};
use pingdesk::api::{ApiError, ErrorKind};
use pingdesk::app::sections::{SectionKind, SectionValue};
use pingdesk::app::tabs::Tab;
use pingdesk::app::{Effect, Focus, KeyMap, Msg, State, update};
use pingdesk::config::theme::Theme;
use pingdesk::pingone::device::{BlockStatus, DeviceBlock, DeviceLock, DeviceStatus, LockStatus};
use pingdesk::pingone::session::{Location, NameVersion};
use pingdesk::pingone::{Device, PasswordState, PasswordStatus, Population, Session};
use screens::{context, draw, find, locate, ts, user};

/// When the sections were read, by the wall clock.
fn read_at() -> Timestamp {
    ts("2026-01-02T03:04:05Z")
}

fn devices() -> Vec<Device> {
    let device = |id: &str, kind: &str| Device {
        id: id.into(),
        kind: kind.into(),
        status: Some(DeviceStatus::Active),
        ..Device::default()
    };
    vec![
        Device {
            phone: Some("+14135550150".into()),
            nickname: Some("Work mobile".into()),
            block: Some(DeviceBlock {
                status: BlockStatus::Blocked,
                blocked_at: Some(ts("2026-01-01T02:00:00Z")),
            }),
            ..device("d1", "SMS")
        },
        Device {
            lock: Some(DeviceLock {
                status: LockStatus::Locked,
                expires_at: Some(read_at() + SignedDuration::from_secs(300)),
            }),
            ..device("d2", "TOTP")
        },
        Device {
            email: Some("dana.okafor@northwind.example".into()),
            status: Some(DeviceStatus::ActivationRequired),
            ..device("d3", "EMAIL")
        },
    ]
}

fn sessions() -> Vec<Session> {
    let session = |id: &str, browser: &str, city: &str, hours: i64| Session {
        id: id.into(),
        created_at: Some(read_at() - SignedDuration::from_hours(hours + 1)),
        active_at: Some(read_at() - SignedDuration::from_hours(hours)),
        browser: Some(NameVersion {
            name: Some(browser.into()),
            version: Some("126.0".into()),
        }),
        operating_system: Some(NameVersion {
            name: Some("Windows".into()),
            version: Some("11".into()),
        }),
        locations: vec![Location {
            remote_ip: Some("203.0.113.7".into()),
            city: Some(city.into()),
            country: Some("norway".into()),
            ..Location::default()
        }],
        ..Session::default()
    };
    vec![
        session("s1", "Chrome", "oslo", 0),
        session("s2", "Firefox", "bergen", 30),
    ]
}

/// Dana (MFA on) listed and opened with Enter at `start`; every read answered at [`read_at`]
/// except those `failing` (with a 403 and a long message) and those `pending`.
/// The Correlation-Id of the failing reads.
const CORRELATION: &str = "2ca30974-3261-4ae7-9c93-4ceea61c0f7e";

fn opened(start: Instant, failing: &[SectionKind], pending: &[SectionKind]) -> (State, KeyMap) {
    let mut dana = user(4, "dana.okafor", "Dana", "Okafor");
    dana.mfa_enabled = Some(true);
    let (mut state, keys) = console::listing(context(), vec![dana], start);
    for effect in update(&mut state, &keys, console::key(KeyCode::Enter)) {
        let msg = match effect {
            Effect::ReadSection { kind, .. } if pending.contains(&kind) => continue,
            Effect::ReadSection { req, kind, .. } if failing.contains(&kind) => {
                let mut error = ApiError::transport("read MFA devices", ErrorKind::Forbidden, "");
                error.status = Some(403);
                error.cause = None;
                error.permission = pingdesk::pingone::PERMISSION_READ_DEVICES;
                // PingOne's message makes it longer than a value may be: the cut must spare
                // the Correlation-Id.
                error.body = Some(Box::new(pingdesk::pingone::P1Error {
                    message: "You do not have access to this resource. ".repeat(8),
                    ..Default::default()
                }));
                error.correlation_id = Some(CORRELATION.into());
                Msg::SectionLoaded {
                    req,
                    kind,
                    read_at: read_at(),
                    result: Err(error),
                }
            }
            Effect::ReadSection { req, kind, .. } => {
                let value = match kind {
                    SectionKind::Password => SectionValue::Password(PasswordState {
                        last_changed_at: Some(ts("2025-06-01T12:00:00Z")),
                        ..PasswordState::with_status(PasswordStatus::Ok)
                    }),
                    SectionKind::Devices => SectionValue::Devices(devices()),
                    SectionKind::Sessions => SectionValue::Sessions(sessions()),
                    SectionKind::Groups => {
                        SectionValue::Groups(vec!["Finance".into(), "\u{1b}[31mRed Team".into()])
                    }
                };
                Msg::SectionLoaded {
                    req,
                    kind,
                    read_at: read_at(),
                    result: Ok(value),
                }
            }
            Effect::ReadPopulation { req, id } => Msg::PopulationLoaded {
                req,
                result: Ok(Population {
                    id: id.clone(),
                    name: "Employees".into(),
                    description: Some("Northwind staff".into()),
                    ..Population::default()
                }),
                id,
            },
            _ => continue,
        };
        update(&mut state, &keys, msg);
    }
    (state, keys)
}

#[test]
fn sign_in_summarises_every_section_at_80x24() {
    let (state, keys) = opened(Instant::now(), &[], &[]);
    let terminal = draw(&state, &keys, 80, 24);
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("✘ cannot sign in"), "{screen}");
    assert!(
        screen.contains("MFA          on · 3 devices, 1 blocked, 1 locked"),
        "{screen}"
    );
    assert!(screen.contains("population   Employees"), "{screen}");
    insta::assert_snapshot!("sign_in_80x24", terminal.backend());
}

#[test]
fn the_mfa_tab_shows_each_device_with_its_block_and_lock() {
    let start = Instant::now();
    let (mut state, keys) = opened(start, &[], &[]);
    state.detail.tab = Tab::Mfa;
    state.detail.row = 1;
    // Two minutes after the devices arrived, the lock has three minutes left.
    update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_secs(120)),
    );
    let terminal = draw(&state, &keys, 80, 24);
    locate(&terminal, "LOCKED, frees itself in 3m 00s");
    locate(&terminal, "ACTIVE · BLOCKED since 2026-01-01 02:00 UTC");
    locate(&terminal, "▶ TOTP");
    locate(&terminal, "EMAIL d•••@northwind.example");
    insta::assert_snapshot!("mfa_80x24", terminal.backend());
    insta::assert_snapshot!("mfa_120x40", draw(&state, &keys, 120, 40).backend());
}

#[test]
fn the_sessions_tab_lists_sessions_then_all_of_them() {
    let (mut state, keys) = opened(Instant::now(), &[], &[]);
    state.detail.tab = Tab::Sessions;
    state.detail.row = 2;
    assert_eq!(state.focus, Focus::Detail);
    let terminal = draw(&state, &keys, 80, 24);
    locate(&terminal, "▶ all 2 sessions");
    locate(&terminal, "started 1h ago, last active now");
    locate(&terminal, "oslo, norway (203.0.113.7)");
    insta::assert_snapshot!("sessions_80x24", terminal.backend());
}

#[test]
fn the_groups_tab_names_the_population_and_every_group_inert() {
    let (mut state, keys) = opened(Instant::now(), &[], &[]);
    state.detail.tab = Tab::Groups;
    let terminal = draw(&state, &keys, 80, 24);
    locate(&terminal, "population   Employees");
    locate(&terminal, "Northwind staff");
    locate(&terminal, "␛[31mRed Team");
    insta::assert_snapshot!("groups_80x24", terminal.backend());
}

#[test]
fn a_failed_section_is_marked_and_says_why_while_the_rest_render() {
    let (state, keys) = opened(Instant::now(), &[SectionKind::Devices], &[]);
    let terminal = draw(&state, &keys, 80, 24);
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("mfa:read:device"), "{screen}");
    assert!(screen.contains("sessions     2"), "{screen}");
    assert!(
        screen.contains("nothing known stops this user (MFA devices not"),
        "no claim beyond what was read: {screen}"
    );
    let (x, y) = locate(&terminal, "MFA!");
    let mark = &terminal.backend().buffer()[(x + 3, y)];
    assert_eq!(
        mark.fg,
        Theme::default().danger.fg.expect("danger has a colour")
    );
    insta::assert_snapshot!("section_failed_80x24", terminal.backend());
    let wide = format!("{:?}", draw(&state, &keys, 120, 40).backend());
    assert!(
        wide.contains(&format!("{CORRELATION}]")) && wide.contains("characters) [Correlation-Id"),
        "cut in the middle, the Correlation-Id whole: {wide}"
    );
}

#[test]
fn sections_still_being_read_are_marked_on_their_tabs() {
    let (state, keys) = opened(
        Instant::now(),
        &[],
        &[SectionKind::Sessions, SectionKind::Groups],
    );
    let terminal = draw(&state, &keys, 80, 24);
    let (_, bar) = locate(&terminal, "Sign-in");
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "Sess…", bar).is_some_and(|(_, y)| y == bar));
    assert!(find(buffer, "Grps…", bar).is_some_and(|(_, y)| y == bar));
    locate(&terminal, "sessions     reading…");
}

#[test]
fn a_click_on_a_tab_label_shows_it_and_the_wheel_moves_its_rows() {
    use pingdesk::app::{Place, Pointer};
    let (mut state, keys) = opened(Instant::now(), &[], &[]);
    state.focus = Focus::Results;
    let theme = Theme::default();
    for (width, height, label) in [(80, 24, "Sess"), (120, 40, "Sessions")] {
        state.detail.tab = Tab::SignIn;
        let terminal = draw(&state, &keys, width, height);
        let (_, bar) = locate(&terminal, "Sign-in");
        let (x, y) = find(terminal.backend().buffer(), label, bar).expect("the label");
        let place = pingdesk::ui::place(&state, &theme, (width, height), (x + 1, y));
        assert_eq!(
            place,
            Some(Place::DetailTab(Tab::Sessions)),
            "{width}×{height}"
        );
        // Just left of the bar's first label, and on the heading row: the pane itself.
        let (first, _) = locate(&terminal, "Sign-in");
        let beside = pingdesk::ui::place(&state, &theme, (width, height), (first - 2, y));
        assert_eq!(beside, Some(Place::Detail));
        let heading = pingdesk::ui::place(&state, &theme, (width, height), (x + 1, y - 1));
        assert_eq!(heading, Some(Place::Detail));
        update(
            &mut state,
            &keys,
            Msg::Pointer(Pointer::Click(Place::DetailTab(Tab::Sessions))),
        );
        assert_eq!(
            (state.detail.tab, state.focus),
            (Tab::Sessions, Focus::Detail)
        );
    }
    // In a tab of rows the wheel moves the selected row (two sessions, then "all of them").
    for _ in 0..5 {
        update(
            &mut state,
            &keys,
            Msg::Pointer(Pointer::ScrollDown(Place::Detail)),
        );
    }
    assert_eq!(
        (state.detail.row, state.detail_scroll),
        (2, 0),
        "the last row, no scroll"
    );
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::ScrollUp(Place::DetailTab(Tab::Mfa))),
    );
    assert_eq!(state.detail.row, 1);
    // Elsewhere it scrolls the pane.
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::Click(Place::DetailTab(Tab::Groups))),
    );
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::ScrollDown(Place::Detail)),
    );
    assert_eq!((state.detail.row, state.detail_scroll), (0, 3));
}
