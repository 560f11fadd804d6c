//! The relay access key when the config sets none: generated once, kept in the data dir with
//! mode 0600, and reused on every start and reload (the original made a new one on each load).

use crate::secret::Secret;
use std::io::{self, Write};
use std::path::Path;

pub const FILE_NAME: &str = "access_key";

/// Load the kept key, or create one. Returns the key and whether it was just created.
/// Errors say which file or dir was involved.
pub fn load_or_create(data_dir: &Path) -> io::Result<(Secret<String>, bool)> {
    let path = data_dir.join(FILE_NAME);
    if let Ok(text) = std::fs::read_to_string(&path) {
        let key = text.trim().to_string();
        if !key.is_empty() {
            return Ok((Secret::new(key), false));
        }
    }
    create_private_dir(data_dir)?;
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(format!("no system randomness: {e}")))?;
    let key: String = format!("mr-{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let cannot_write = |e: io::Error| io::Error::new(e.kind(), format!("cannot write '{}': {e}", path.display()));
    let mut f = opts.open(&path).map_err(cannot_write)?;
    f.write_all(format!("{key}\n").as_bytes()).map_err(cannot_write)?;
    f.sync_all().map_err(cannot_write)?;
    Ok((Secret::new(key), true))
}

/// Create the data dir (0700 on Unix) if it does not exist; tighten an existing one that group
/// or others may enter (it holds every prompt), or fail saying why.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!(
                            "the data dir '{}' is readable by others (mode {mode:o}) and cannot be made private: {e}",
                            dir.display()
                        ),
                    )
                })?;
                tracing::warn!("the data dir '{}' was mode {mode:o}; tightened to 700", dir.display());
            }
        }
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).map_err(|e| io::Error::new(e.kind(), format!("cannot create the data dir '{}': {e}", dir.display())))
}
