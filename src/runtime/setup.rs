//! What the console is set up with before it starts: the header facts, the keys (built in, with
//! the config file's `[keys]` laid over them), the theme (`mono` under `NO_COLOR` or
//! `--no-color`), the mouse, and how copies reach the clipboard.

use std::io::Write;
use std::path::Path;

use crate::app::copy::clipboard_for;
use crate::app::{Context, KeyMap};
use crate::config::file::{ConfigError, ConfigFile};
use crate::config::theme::{Theme, no_color_env};

/// Everything the loop needs besides the client.
pub struct Setup {
    /// What the header says; how copies reach the clipboard.
    pub context: Context,
    /// The keys in force.
    pub keys: KeyMap,
    /// The theme in force.
    pub theme: Theme,
    /// Whether the mouse is captured (clicks and the wheel).
    pub mouse: bool,
    /// Where OSC 52 sequences are written: the terminal.
    pub terminal_out: Box<dyn Write + Send>,
}

impl Setup {
    /// The built-in keys, the dark theme, no mouse, and copies written nowhere (for tests).
    pub fn new(context: Context) -> Self {
        Self {
            context,
            keys: KeyMap::default(),
            theme: Theme::default(),
            mouse: false,
            terminal_out: Box::new(std::io::sink()),
        }
    }

    /// The console's setup from the config file at `path` (`None` when there is none), the
    /// environment and `--no-color`. A `[keys]` entry that cannot be used is an error on its
    /// line of the file.
    pub fn from_config(
        mut context: Context,
        config: Option<(&Path, &ConfigFile)>,
        env: &dyn Fn(&str) -> Option<String>,
        no_color_flag: bool,
    ) -> Result<Self, ConfigError> {
        let empty = ConfigFile::default();
        let (path, file) = config.map_or((Path::new(""), &empty), |(path, file)| (path, file));
        let keys = KeyMap::with(&file.keys).map_err(|error| ConfigError::Invalid {
            path: path.to_owned(),
            line: error.line,
            message: error.message,
        })?;
        let colour = !(no_color_flag || no_color_env(env));
        if !colour {
            // A profile's banner colour is colour too: mono means none at all.
            context.banner_color = None;
        }
        context.clipboard = clipboard_for(env, file.clipboard);
        Ok(Self {
            context,
            keys,
            theme: file.theme.resolve(colour),
            mouse: file.mouse.unwrap_or(false),
            terminal_out: Box::new(std::io::stdout()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Clipboard;
    use crate::config::file::parse;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn no_color_or_the_flag_means_mono() {
        let file = parse("[theme]\nbase = \"light\"\n", Path::new("c.toml")).expect("valid");
        let config = Some((Path::new("c.toml"), &file));
        let term = env(&[("TERM", "xterm")]);
        let light = Setup::from_config(Context::default(), config, &term, false).expect("ok");
        assert_eq!(light.theme, Theme::light());
        let red_banner = Context {
            banner_color: Some("red".into()),
            ..Context::default()
        };
        let flag = Setup::from_config(red_banner.clone(), config, &term, true).expect("ok");
        assert_eq!(flag.theme, Theme::mono());
        assert_eq!(flag.context.banner_color, None, "no red banner in mono");
        let coloured = Setup::from_config(red_banner, config, &term, false).expect("ok");
        assert_eq!(coloured.context.banner_color.as_deref(), Some("red"));
        let no_color = env(&[("TERM", "xterm"), ("NO_COLOR", "1")]);
        let set = Setup::from_config(Context::default(), config, &no_color, false).expect("ok");
        assert_eq!(set.theme, Theme::mono());
        let empty = env(&[("TERM", "xterm"), ("NO_COLOR", "")]);
        let unset = Setup::from_config(Context::default(), config, &empty, false).expect("ok");
        assert_eq!(
            unset.theme,
            Theme::light(),
            "an empty NO_COLOR does not count"
        );
    }

    #[test]
    fn key_errors_name_the_file_and_line() {
        let text = "mouse = true\nclipboard = false\n\n[keys.list]\nunlock_account = \"j\"\n";
        let file = parse(text, Path::new("/home/a/config.toml")).expect("valid TOML");
        let error = Setup::from_config(
            Context::default(),
            Some((Path::new("/home/a/config.toml"), &file)),
            &env(&[]),
            false,
        )
        .err()
        .expect("a clash");
        let message = error.to_string();
        assert!(
            message.starts_with("/home/a/config.toml:5: keys.list: j is bound to both"),
            "{message}"
        );
        let file = parse("mouse = true\nclipboard = false\n", Path::new("c.toml")).expect("ok");
        let setup = Setup::from_config(
            Context::default(),
            Some((Path::new("c.toml"), &file)),
            &env(&[]),
            false,
        )
        .expect("ok");
        assert!(setup.mouse);
        assert!(matches!(setup.context.clipboard, Clipboard::Overlay(_)));
    }
}
