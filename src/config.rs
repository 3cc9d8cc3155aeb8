//! Console configuration: the config file, the key file and the theme.

pub mod file;
pub mod keys;
pub mod theme;
