//! The theme: styles by role. Widgets name a role, never a colour. Four built-in themes (`dark`,
//! the default, `light`, `high-contrast` and `mono`) and per-role overrides from the config
//! file's `[theme]`. `mono` has no colour at all: every state reads from words, bold and reverse
//! video, which is what `NO_COLOR` and `--no-color` ask for.

mod style;

use ratatui::style::{Color, Modifier, Style};

pub use style::{parse_colour, parse_style};

/// Styles by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Pane titles and labels.
    pub title: Style,
    /// Secondary text.
    pub muted: Style,
    /// The border of a dialog (it holds the focus).
    pub focus: Style,
    /// The title of the focused pane (pane borders keep the `muted` colour).
    pub focus_title: Style,
    /// The selected row, the highlighted choice of a dialog.
    pub selection: Style,
    /// Errors and what stops a user signing in.
    pub danger: Style,
    /// The `LOCKED` status.
    pub locked: Style,
    /// Disabled or unverified: a warning, not an emergency.
    pub warning: Style,
    /// Healthy state and success.
    pub ok: Style,
    /// The DEMO / PRODUCTION / READ-ONLY badges.
    pub badge: Style,
    /// Raw JSON: object keys.
    pub json_key: Style,
    /// Raw JSON: strings.
    pub json_string: Style,
    /// Raw JSON: numbers.
    pub json_number: Style,
    /// Raw JSON: `true`, `false`, `null`.
    pub json_literal: Style,
    /// Raw JSON: braces, brackets, commas, colons.
    pub json_punctuation: Style,
}

/// A role's name in the config file and its place in [`Theme`].
type RoleSlot = (&'static str, fn(&mut Theme) -> &mut Style);

/// Every role, by the name the config file uses.
pub const ROLES: [RoleSlot; 15] = [
    ("title", |t| &mut t.title),
    ("muted", |t| &mut t.muted),
    ("focus", |t| &mut t.focus),
    ("focus_title", |t| &mut t.focus_title),
    ("selection", |t| &mut t.selection),
    ("danger", |t| &mut t.danger),
    ("locked", |t| &mut t.locked),
    ("warning", |t| &mut t.warning),
    ("ok", |t| &mut t.ok),
    ("badge", |t| &mut t.badge),
    ("json_key", |t| &mut t.json_key),
    ("json_string", |t| &mut t.json_string),
    ("json_number", |t| &mut t.json_number),
    ("json_literal", |t| &mut t.json_literal),
    ("json_punctuation", |t| &mut t.json_punctuation),
];

/// The built-in themes, by name.
pub const BUILT_IN: [&str; 4] = ["dark", "light", "high-contrast", "mono"];

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const fn bold(color: Color) -> Style {
    fg(color).add_modifier(Modifier::BOLD)
}

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);

impl Theme {
    /// For dark backgrounds (the default).
    pub fn dark() -> Self {
        Self {
            title: BOLD,
            muted: fg(Color::DarkGray),
            focus: fg(Color::Cyan),
            focus_title: bold(Color::Cyan).add_modifier(Modifier::REVERSED),
            selection: REVERSED,
            danger: fg(Color::Red).add_modifier(Modifier::BOLD),
            locked: fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: fg(Color::Yellow),
            ok: fg(Color::Green),
            badge: fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            json_key: fg(Color::Cyan),
            json_string: fg(Color::Green),
            json_number: fg(Color::Magenta),
            json_literal: fg(Color::Yellow),
            json_punctuation: fg(Color::DarkGray),
        }
    }

    /// For light backgrounds: no yellow or light grey text.
    pub fn light() -> Self {
        let dark_yellow = Color::Indexed(130);
        let dark_green = Color::Indexed(28);
        Self {
            muted: fg(Color::Indexed(242)),
            focus: fg(Color::Blue),
            focus_title: bold(Color::Blue).add_modifier(Modifier::REVERSED),
            danger: fg(Color::Indexed(160)).add_modifier(Modifier::BOLD),
            locked: fg(Color::Indexed(160)).add_modifier(Modifier::BOLD),
            warning: fg(dark_yellow),
            ok: fg(dark_green),
            badge: fg(Color::White)
                .bg(dark_yellow)
                .add_modifier(Modifier::BOLD),
            json_key: fg(Color::Blue),
            json_string: fg(dark_green),
            json_number: fg(Color::Magenta),
            json_literal: fg(dark_yellow),
            json_punctuation: fg(Color::Indexed(242)),
            ..Self::dark()
        }
    }

    /// Bright colours and bold everywhere that matters; no grey.
    pub fn high_contrast() -> Self {
        Self {
            title: bold(Color::White),
            muted: fg(Color::White),
            focus: bold(Color::LightCyan),
            focus_title: bold(Color::LightCyan).add_modifier(Modifier::REVERSED),
            selection: REVERSED.add_modifier(Modifier::BOLD),
            danger: bold(Color::LightRed).add_modifier(Modifier::UNDERLINED),
            locked: bold(Color::LightRed).add_modifier(Modifier::UNDERLINED),
            warning: bold(Color::LightYellow),
            ok: bold(Color::LightGreen),
            badge: bold(Color::Black).bg(Color::LightYellow),
            json_key: bold(Color::LightCyan),
            json_string: fg(Color::LightGreen),
            json_number: fg(Color::LightMagenta),
            json_literal: fg(Color::LightYellow),
            json_punctuation: fg(Color::White),
        }
    }

    /// No colour: words, bold and reverse video only.
    pub fn mono() -> Self {
        let plain = Style::new();
        Self {
            title: BOLD,
            muted: plain,
            focus: BOLD,
            focus_title: REVERSED.add_modifier(Modifier::BOLD),
            selection: REVERSED,
            danger: BOLD,
            locked: BOLD,
            warning: plain,
            ok: plain,
            badge: REVERSED.add_modifier(Modifier::BOLD),
            json_key: BOLD,
            json_string: plain,
            json_number: plain,
            json_literal: plain,
            json_punctuation: plain,
        }
    }

    /// A built-in theme by name.
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "high-contrast" => Some(Self::high_contrast()),
            "mono" => Some(Self::mono()),
            _ => None,
        }
    }
}

/// The `[theme]` of a config file, checked: a built-in theme and overrides by role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeConfig {
    /// The built-in theme it starts from (`dark` when absent).
    pub base: Option<String>,
    /// Styles by role name, laid over the base.
    pub roles: Vec<(&'static str, Style)>,
}

impl ThemeConfig {
    /// Checks one `[theme]` entry: `base = "light"` or `ROLE = "STYLE"`. The error names the
    /// key and what it accepts.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if key == "base" {
            if Theme::named(value).is_none() {
                return Err(format!(
                    "theme.base: no built-in theme {value:?} (built-in: {})",
                    BUILT_IN.join(", ")
                ));
            }
            self.base = Some(value.to_owned());
            return Ok(());
        }
        let Some((role, _)) = ROLES.iter().find(|(name, _)| *name == key) else {
            let names: Vec<&str> = ROLES.iter().map(|(name, _)| *name).collect();
            return Err(format!(
                "theme.{key}: no such role (roles: base, {})",
                names.join(", ")
            ));
        };
        let style = parse_style(value).map_err(|why| format!("theme.{key}: {why}"))?;
        self.roles.push((role, style));
        Ok(())
    }

    /// The theme to draw with. Without colour (`NO_COLOR`, `--no-color`) it is `mono`, with the
    /// overrides' bold, underline or reverse kept and their colours dropped.
    pub fn resolve(&self, colour: bool) -> Theme {
        let base = if colour {
            self.base.as_deref().unwrap_or("dark")
        } else {
            "mono"
        };
        let mut theme = Theme::named(base).unwrap_or_default();
        for (role, style) in &self.roles {
            let slot = ROLES
                .iter()
                .find(|(name, _)| name == role)
                .map(|(_, slot)| slot)
                .expect("roles are checked when set");
            let style = if colour {
                *style
            } else {
                Style {
                    fg: None,
                    bg: None,
                    underline_color: None,
                    ..*style
                }
            };
            *slot(&mut theme) = style;
        }
        theme
    }
}

/// Whether the environment asks for no colour: `NO_COLOR` set and not empty (no-color.org).
pub fn no_color_env(env: &dyn Fn(&str) -> Option<String>) -> bool {
    env("NO_COLOR").is_some_and(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_lay_over_the_base() {
        let mut config = ThemeConfig::default();
        config.set("base", "light").expect("a built-in");
        config.set("locked", "#ff0000 underline").expect("a style");
        let theme = config.resolve(true);
        assert_eq!(
            theme.locked,
            Style::new()
                .fg(Color::Rgb(255, 0, 0))
                .add_modifier(Modifier::UNDERLINED)
        );
        assert_eq!(theme.ok, Theme::light().ok);
        assert!(config.set("base", "solarized").is_err());
        assert!(config.set("lockd", "red").is_err());
    }

    #[test]
    fn without_colour_the_theme_is_mono_and_keeps_only_modifiers() {
        let mut config = ThemeConfig::default();
        config.set("base", "high-contrast").expect("a built-in");
        config.set("ok", "green underline").expect("a style");
        let theme = config.resolve(false);
        assert_eq!(theme.ok, Style::new().add_modifier(Modifier::UNDERLINED));
        assert_eq!(theme.title, Theme::mono().title);
    }

    #[test]
    fn mono_has_no_colour_and_built_ins_differ() {
        let mono = Theme::mono();
        for (name, slot) in ROLES {
            let style = *slot(&mut mono.clone());
            assert!(style.fg.is_none() && style.bg.is_none(), "{name}");
        }
        for name in BUILT_IN {
            assert!(Theme::named(name).is_some(), "{name}");
        }
        assert_ne!(Theme::dark(), Theme::light());
        assert_ne!(Theme::dark(), Theme::high_contrast());
    }

    #[test]
    fn no_color_must_be_non_empty() {
        assert!(no_color_env(&|_| Some("1".into())));
        assert!(!no_color_env(&|_| Some(String::new())));
        assert!(!no_color_env(&|_| None));
    }
}
