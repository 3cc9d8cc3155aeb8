//! The detail pane's tabs, the rows of the tabs whose rows an operation can act on (MFA
//! devices, sessions), and how an operation's key finds the row it acts on.
//!
//! Tabs rather than stacked sections: at 80×24 the detail pane has about 16 lines, which the
//! verdict and the account alone fill; stacked sections would put MFA and sessions below the
//! fold of every user, and choosing a device would need a cursor that both scrolls and selects.
//! With tabs the Sign-in tab keeps the verdict and a one-line summary of every section in view,
//! and a tab's rows are a list `j`/`k` move through.

use super::sections::SectionKind;
use super::state::{Focus, State, StatusKind};
use crate::desk::{Needs, OpKind, Target, UserOp};

/// A tab of the detail pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The verdict, and one line per section.
    #[default]
    SignIn,
    /// The account and where the user comes from.
    Account,
    /// The password state.
    Password,
    /// `mfaEnabled` and the MFA devices.
    Mfa,
    /// The sessions.
    Sessions,
    /// The population and the groups.
    Groups,
    /// Every other attribute PingOne sent.
    Attributes,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 7] = [
        Self::SignIn,
        Self::Account,
        Self::Password,
        Self::Mfa,
        Self::Sessions,
        Self::Groups,
        Self::Attributes,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Self::SignIn => "Sign-in",
            Self::Account => "Account",
            Self::Password => "Password",
            Self::Mfa => "MFA",
            Self::Sessions => "Sessions",
            Self::Groups => "Groups",
            Self::Attributes => "Attributes",
        }
    }

    /// Its label where room is short.
    pub fn short(self) -> &'static str {
        match self {
            Self::SignIn => "Sign-in",
            Self::Account => "Acct",
            Self::Password => "Pwd",
            Self::Mfa => "MFA",
            Self::Sessions => "Sess",
            Self::Groups => "Grps",
            Self::Attributes => "Attrs",
        }
    }

    /// The read whose loading state and error the tab shows.
    pub fn section(self) -> Option<SectionKind> {
        match self {
            Self::Password => Some(SectionKind::Password),
            Self::Mfa => Some(SectionKind::Devices),
            Self::Sessions => Some(SectionKind::Sessions),
            Self::Groups => Some(SectionKind::Groups),
            Self::SignIn | Self::Account | Self::Attributes => None,
        }
    }

    /// The tab after this one (wrapping), or before it when `back`.
    #[must_use]
    pub fn step(self, back: bool) -> Self {
        let at = Self::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let n = Self::ALL.len();
        Self::ALL[if back { (at + n - 1) % n } else { (at + 1) % n }]
    }

    /// The tab an operation's target is chosen in.
    pub fn for_needs(needs: Needs) -> Option<Self> {
        match needs {
            Needs::User => None,
            Needs::Device => Some(Self::Mfa),
            Needs::Session => Some(Self::Sessions),
        }
    }
}

/// Where the detail pane is: the tab shown and, in a tab of rows, the selected row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailView {
    /// The tab shown.
    pub tab: Tab,
    /// The selected row of the MFA or Sessions tab.
    pub row: usize,
}

/// The rows of `tab` as targets, from the devices and sessions read: one per device, one per
/// session, and "all sessions" after them when there are two or more.
pub fn row_targets(
    tab: Tab,
    devices: Option<&[String]>,
    sessions: Option<&[String]>,
) -> Vec<Target> {
    match tab {
        Tab::Mfa => devices
            .unwrap_or_default()
            .iter()
            .map(|id| Target::Device(id.clone()))
            .collect(),
        Tab::Sessions => {
            let ids = sessions.unwrap_or_default();
            let mut rows: Vec<Target> = ids.iter().map(|id| Target::Session(id.clone())).collect();
            if ids.len() > 1 {
                rows.push(Target::AllSessions(ids.to_vec()));
            }
            rows
        }
        _ => Vec::new(),
    }
}

/// Shows `tab` in the detail pane, its first row selected and unscrolled.
pub(super) fn show(state: &mut State, tab: Tab) {
    state.detail.tab = tab;
    state.detail.row = 0;
    state.detail_scroll = 0;
}

/// `kind` aimed at its target: the user; the selected row of its tab when the detail pane has
/// focus on that tab; else the only row it applies to. When several rows would do, the tab is
/// shown with the first of them selected for the agent to choose (`None`). With no row to act
/// on, the operation goes unaimed, so its refusal says why.
pub(super) fn aim(state: &mut State, kind: OpKind) -> Option<UserOp> {
    let Some(tab) = Tab::for_needs(kind.target()) else {
        return Some(UserOp::of(kind));
    };
    let rows = state.targets_in(tab);
    if state.focus == Focus::Detail && state.detail.tab == tab {
        let chosen = rows.get(state.detail.row).cloned();
        return Some(chosen.map_or_else(|| UserOp::of(kind), |t| UserOp::at(kind, t)));
    }
    let fits = |target: &Target| {
        state
            .with_known(|known| UserOp::at(kind, target.clone()).refusal(known, false))
            .is_some_and(|refusal| refusal.is_none())
    };
    let fitting: Vec<&Target> = rows.iter().filter(|t| fits(t)).collect();
    match fitting.as_slice() {
        [] => Some(UserOp::of(kind)),
        [one] => Some(UserOp::at(kind, (*one).clone())),
        [first, ..] => {
            let first = rows.iter().position(|t| t == *first).unwrap_or(0);
            show(state, tab);
            state.detail.row = first;
            state.focus = Focus::Detail;
            let what = if tab == Tab::Mfa { "device" } else { "session" };
            state.say(
                StatusKind::Info,
                format!(
                    "Choose the {what} (up and down move in the {} tab), then press the key again \
                     to {}",
                    tab.label(),
                    kind.verb()
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_wrap_and_sessions_end_with_all_of_them() {
        assert_eq!(Tab::SignIn.step(true), Tab::Attributes);
        assert_eq!(Tab::Attributes.step(false), Tab::SignIn);
        let ids = ["a".to_owned(), "b".to_owned()];
        let rows = row_targets(Tab::Sessions, None, Some(&ids));
        assert_eq!(rows.last(), Some(&Target::AllSessions(ids.to_vec())));
        assert_eq!(row_targets(Tab::Sessions, None, Some(&ids[..1])).len(), 1);
        assert!(row_targets(Tab::Account, Some(&ids), Some(&ids)).is_empty());
    }
}
