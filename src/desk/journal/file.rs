//! The journal file: one record a line, appended whole under an exclusive lock (after ending a
//! line a crash left torn), created `0600` with its directory; read back skipping whatever is
//! not a record.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::Path;

use super::{JournalError, Record};

/// Appends `line` to `path` (creating it `0600` and its directory) under an exclusive lock.
pub(super) fn append_line(path: &Path, line: &[u8], durable: bool) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.lock()?;
    let result = write_locked(&mut file, line, durable);
    let _ = file.unlock();
    result
}

fn write_locked(file: &mut File, line: &[u8], durable: bool) -> std::io::Result<()> {
    let len = file.metadata()?.len();
    let mut out = Vec::with_capacity(line.len() + 1);
    if len > 0 {
        file.seek(SeekFrom::End(-1))?;
        let mut last = [0_u8; 1];
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            // A process died mid-line: end that line, so ours stays whole.
            out.push(b'\n');
        }
    }
    out.extend_from_slice(line);
    file.write_all(&out)?;
    if durable {
        file.sync_data()?;
    }
    Ok(())
}

/// The records of the journal at `path`.
pub fn read_records(path: &Path) -> Result<Vec<Record>, JournalError> {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(JournalError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    Ok(text
        .split(|b| *b == b'\n')
        .filter_map(|line| serde_json::from_slice(line).ok())
        .collect())
}
