//! What a detached server needs from the library: the pid file `monorelay.pid` in the data dir,
//! held under an exclusive `flock` for the daemon's whole life (the lock, not the file's
//! existence, says a daemon runs: a pid file left by a crash is stale and simply taken over),
//! the signals `stop` sends to the pid that file names (only while that lock is held, so nothing
//! ever signals a process that is not the daemon), and the size-rotated `monorelay.log`.
//! Detaching itself (re-executing the binary in a new session) and printing stay in the binary.

use std::fs::{File, OpenOptions};
use std::io::Write;
#[cfg(unix)]
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

/// The pid file's name in the data dir.
pub const PID_FILE: &str = "monorelay.pid";
/// The daemon's log file's name in the data dir.
pub const LOG_FILE: &str = "monorelay.log";
/// The log is rotated when a write would take it past this size.
pub const LOG_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// Rotated logs kept: `monorelay.log.1` (newest) … `monorelay.log.3`.
pub const LOG_KEEP: usize = 3;

/// Why the pid file could not be taken or read.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    #[error("monorelay is already running on data dir '{dir}' (pid {pid})")]
    AlreadyRunning { dir: PathBuf, pid: u32 },
    #[error("pid file '{path}': {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "daemon mode, status, stop and restart need a Unix system (the pid file and control socket are Unix-only); here run `monorelay serve` in the foreground and stop it with Ctrl-C"
    )]
    Unsupported,
}

#[cfg(unix)]
fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> DaemonError + '_ {
    move |source| DaemonError::Io { path: path.to_path_buf(), source }
}

/// The pid a pid file names (its first line), if it names one.
#[cfg(unix)]
fn parse_pid(text: &str) -> Option<u32> {
    text.lines().next().and_then(|l| l.trim().parse::<u32>().ok()).filter(|p| *p > 1)
}

#[cfg(unix)]
mod unix {
    use super::*;
    use nix::errno::Errno;
    use nix::fcntl::{Flock, FlockArg};
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    /// This process's hold on `monorelay.pid`: the file says our pid while the lock is held; the
    /// file is removed (then the lock released) when this is dropped. Process exit releases the
    /// lock too, whatever way it ends.
    #[derive(Debug)]
    pub struct PidLock {
        path: PathBuf,
        lock: Option<Flock<File>>,
    }

    fn open(path: &Path) -> Result<File, DaemonError> {
        OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path).map_err(io_err(path))
    }

    fn read_pid(file: &mut File, path: &Path) -> Result<Option<u32>, DaemonError> {
        let mut text = String::new();
        file.rewind().map_err(io_err(path))?;
        // A pid file someone filled with garbage reads as "no pid", not an error.
        let _ = file.read_to_string(&mut text);
        Ok(parse_pid(&text))
    }

    impl PidLock {
        /// Take the pid file in `dir` for this process, or name the daemon that holds it.
        pub fn acquire(dir: &Path) -> Result<PidLock, DaemonError> {
            let path = dir.join(PID_FILE);
            let file = open(&path)?;
            let mut lock = match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
                Ok(l) => l,
                Err((mut file, Errno::EWOULDBLOCK)) => {
                    let pid = read_pid(&mut file, &path)?.unwrap_or(0);
                    return Err(DaemonError::AlreadyRunning { dir: dir.to_path_buf(), pid });
                }
                Err((_, e)) => return Err(DaemonError::Io { path, source: e.into() }),
            };
            lock.set_len(0).map_err(io_err(&path))?;
            lock.rewind().map_err(io_err(&path))?;
            writeln!(lock, "{}", std::process::id()).map_err(io_err(&path))?;
            lock.sync_all().map_err(io_err(&path))?;
            Ok(PidLock { path, lock: Some(lock) })
        }

        pub fn path(&self) -> &Path {
            &self.path
        }
    }

    impl Drop for PidLock {
        fn drop(&mut self) {
            // Remove while still holding the lock: a new daemon that opens the path afterwards
            // creates a fresh file rather than waiting on this one.
            let _ = std::fs::remove_file(&self.path);
            drop(self.lock.take());
        }
    }

    /// The pid of the daemon running on `dir`: `Some` only while a process holds the pid
    /// file's lock. A pid file nobody holds (left by a crash or `kill -9`) is stale: `None`.
    pub fn running(dir: &Path) -> Result<Option<u32>, DaemonError> {
        let path = dir.join(PID_FILE);
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(DaemonError::Io { path, source: e }),
        };
        match Flock::lock(file, FlockArg::LockSharedNonblock) {
            // We got the lock: nobody holds it, so no daemon runs (the shared lock is released
            // when `_free` drops).
            Ok(_free) => Ok(None),
            Err((mut file, Errno::EWOULDBLOCK)) => read_pid(&mut file, &path),
            Err((_, e)) => Err(DaemonError::Io { path, source: e.into() }),
        }
    }

    /// Which signal `stop` sends.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum StopSignal {
        /// SIGTERM: graceful shutdown (in-flight requests finish, the log is drained).
        Terminate,
        /// SIGKILL: after the grace period ran out.
        Kill,
    }

    /// Signal the daemon running on `dir`, if it still is and is still `pid`: re-checked against
    /// the locked pid file just before sending, so a pid that exited (and may be reused by an
    /// unrelated process) is never signalled. `Ok(false)`: it is not running any more.
    pub fn signal(dir: &Path, pid: u32, sig: StopSignal) -> Result<bool, DaemonError> {
        if running(dir)? != Some(pid) {
            return Ok(false);
        }
        let Ok(raw) = i32::try_from(pid) else { return Ok(false) };
        let s = match sig {
            StopSignal::Terminate => Signal::SIGTERM,
            StopSignal::Kill => Signal::SIGKILL,
        };
        match kill(Pid::from_raw(raw), s) {
            Ok(()) => Ok(true),
            Err(Errno::ESRCH) => Ok(false),
            Err(e) => Err(DaemonError::Io { path: dir.join(PID_FILE), source: e.into() }),
        }
    }

    /// Start a new session for this process (no controlling terminal; signals to the starting
    /// shell's process group no longer reach it).
    pub fn new_session() -> Result<(), DaemonError> {
        nix::unistd::setsid()
            .map(|_| ())
            .map_err(|e| DaemonError::Io { path: PathBuf::from("setsid"), source: e.into() })
    }

    /// Point this process's stdout at `file` (the daemon drops its readiness pipe this way).
    pub fn redirect_stdout(file: &File) -> std::io::Result<()> {
        nix::unistd::dup2_stdout(file).map_err(std::io::Error::from)
    }
}

#[cfg(unix)]
pub use unix::{PidLock, StopSignal, new_session, redirect_stdout, running, signal};

/// Elsewhere (Windows) there is no daemon mode: every entry point says so.
#[cfg(not(unix))]
mod other {
    use super::*;

    #[derive(Debug)]
    pub struct PidLock;

    impl PidLock {
        pub fn acquire(_dir: &Path) -> Result<PidLock, DaemonError> {
            Err(DaemonError::Unsupported)
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum StopSignal {
        Terminate,
        Kill,
    }

    pub fn running(_dir: &Path) -> Result<Option<u32>, DaemonError> {
        Err(DaemonError::Unsupported)
    }

    pub fn signal(_dir: &Path, _pid: u32, _sig: StopSignal) -> Result<bool, DaemonError> {
        Err(DaemonError::Unsupported)
    }

    pub fn new_session() -> Result<(), DaemonError> {
        Err(DaemonError::Unsupported)
    }

    pub fn redirect_stdout(_file: &File) -> std::io::Result<()> {
        Err(std::io::Error::other("daemon mode needs a Unix system"))
    }
}

#[cfg(not(unix))]
pub use other::{PidLock, StopSignal, new_session, redirect_stdout, running, signal};

/// `monorelay.log`, rotated by size: when a write would pass `max_bytes`, `log.2` becomes
/// `log.3`, `log.1` becomes `log.2`, the log becomes `log.1` and a new one starts; `keep` old
/// files are kept. A line is never split across files. Write errors are returned (the caller,
/// a log subscriber, drops the line).
#[derive(Debug)]
pub struct RotatingLog {
    path: PathBuf,
    file: File,
    size: u64,
    max_bytes: u64,
    keep: usize,
}

impl RotatingLog {
    /// Open (append to) `path`.
    pub fn open(path: impl Into<PathBuf>, max_bytes: u64, keep: usize) -> std::io::Result<RotatingLog> {
        let path = path.into();
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        let size = file.metadata()?.len();
        Ok(RotatingLog { path, file, size, max_bytes, keep })
    }

    fn numbered(&self, n: usize) -> PathBuf {
        let mut s = self.path.clone().into_os_string();
        s.push(format!(".{n}"));
        PathBuf::from(s)
    }

    fn rotate(&mut self) -> std::io::Result<()> {
        if self.keep == 0 {
            self.file.set_len(0)?;
        } else {
            for n in (1..self.keep).rev() {
                let from = self.numbered(n);
                if from.exists() {
                    std::fs::rename(&from, self.numbered(n + 1))?;
                }
            }
            std::fs::rename(&self.path, self.numbered(1))?;
            self.file = OpenOptions::new().create(true).append(true).open(&self.path)?;
        }
        self.size = 0;
        Ok(())
    }
}

impl Write for RotatingLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let len = buf.len() as u64;
        if self.size > 0 && self.size.saturating_add(len) > self.max_bytes {
            self.rotate()?;
        }
        self.file.write_all(buf)?;
        self.size = self.size.saturating_add(len);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn pid_file_text() {
        assert_eq!(parse_pid("1234\n"), Some(1234));
        assert_eq!(parse_pid(" 77 \nextra"), Some(77));
        assert_eq!(parse_pid(""), None);
        assert_eq!(parse_pid("1\n"), None, "never init");
        assert_eq!(parse_pid("0"), None);
        assert_eq!(parse_pid("garbage"), None);
    }

    #[test]
    fn log_rotates_by_size_and_keeps_n() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(LOG_FILE);
        let mut log = RotatingLog::open(&path, 10, 2)?;
        for line in ["aaaaaa\n", "bbbbbb\n", "cccccc\n", "dddddd\n"] {
            log.write_all(line.as_bytes())?;
        }
        log.flush()?;
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        assert_eq!(read(&path), "dddddd\n");
        assert_eq!(read(&log.numbered(1)), "cccccc\n");
        assert_eq!(read(&log.numbered(2)), "bbbbbb\n");
        assert!(!log.numbered(3).exists(), "only two old files are kept");
        // Reopening continues the size count.
        drop(log);
        let mut log = RotatingLog::open(&path, 10, 2)?;
        log.write_all(b"eeeeee\n")?;
        assert_eq!(read(&path), "eeeeee\n");
        assert_eq!(read(&log.numbered(1)), "dddddd\n");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn pid_lock_excludes_and_stale_files_are_taken_over() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert_eq!(running(dir.path())?, None);
        // A stale file: names a pid, nobody holds its lock.
        std::fs::write(dir.path().join(PID_FILE), "999999\n")?;
        assert_eq!(running(dir.path())?, None);
        let held = PidLock::acquire(dir.path())?;
        assert_eq!(running(dir.path())?, Some(std::process::id()));
        // flock locks belong to the open file description: a second open in this same process
        // conflicts just as another process would.
        match PidLock::acquire(dir.path()) {
            Err(DaemonError::AlreadyRunning { pid, .. }) => assert_eq!(pid, std::process::id()),
            other => panic!("second lock: {other:?}"),
        }
        drop(held);
        assert!(!dir.path().join(PID_FILE).exists());
        assert_eq!(running(dir.path())?, None);
        // Never signals a pid the locked file does not name.
        assert!(!signal(dir.path(), 999_999, StopSignal::Terminate)?);
        Ok(())
    }
}
