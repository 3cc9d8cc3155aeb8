//! Console configuration: the key map and the theme.

pub mod file;
pub mod keys;
pub mod theme;
