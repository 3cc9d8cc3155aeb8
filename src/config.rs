//! Console configuration: the config file and the theme.

pub mod file;
pub mod theme;
