//! The real binary as an operator meets it: `serve --daemon` → `status` → a request →
//! `restart` → `stop`, the pid file's lock (a second daemon refused, a stale file recovered),
//! `service install --dry-run` checked by `systemd-analyze verify` (where installed), `init`,
//! the committed completions and man pages (current, loadable in bash, rendered by `man`), and
//! the Dockerfile's assumptions.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Output;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn has(tool: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Run the binary in `cwd` on data dir `data` (embedded default config) with `args`.
#[cfg(unix)]
fn run(cwd: &Path, data: &Path, args: &[&str]) -> Output {
    bin().current_dir(cwd).arg("--data-dir").arg(data).args(args).output().expect("run monorelay")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", text(&o.stdout), text(&o.stderr)))
}

/// Stops the daemon on `data` when the test ends, however it ends.
#[cfg(unix)]
struct Daemon<'a> {
    cwd: &'a Path,
    data: &'a Path,
}

#[cfg(unix)]
impl Drop for Daemon<'_> {
    fn drop(&mut self) {
        let _ = run(self.cwd, self.data, &["stop", "--timeout", "10"]);
    }
}

#[cfg(unix)]
async fn echo_request(listen: &str, key: &str) -> reqwest::Response {
    client()
        .post(format!("http://{listen}/v1/chat/completions"))
        .bearer_auth(key)
        .json(&chat("echo", "hello daemon"))
        .send()
        .await
        .unwrap()
}

#[cfg(unix)]
#[tokio::test]
async fn daemon_status_request_restart_stop() {
    let dir = tempfile::tempdir().unwrap();
    let (cwd, data) = (dir.path(), dir.path().join("data"));
    let _guard = Daemon { cwd, data: &data };

    let started = run(cwd, &data, &["--json", "serve", "--daemon", "--port", "0"]);
    assert_eq!(started.status.code(), Some(0), "{}", text(&started.stderr));
    let v = json(&started);
    let pid = v["pid"].as_u64().unwrap();
    let listen = v["listen"].as_str().unwrap().to_string();
    let pid_file = std::fs::read_to_string(data.join("monorelay.pid")).unwrap();
    assert_eq!(pid_file.trim(), pid.to_string());
    assert!(data.join("monorelay.log").exists());

    // A second daemon on the same data dir is refused, naming the running one.
    let second = run(cwd, &data, &["serve", "--daemon", "--port", "0"]);
    assert_eq!(second.status.code(), Some(1));
    let err = text(&second.stderr);
    assert!(err.contains("already running") && err.contains(&format!("pid {pid}")), "{err}");

    let status = run(cwd, &data, &["--json", "status"]);
    assert_eq!(status.status.code(), Some(0), "{}", text(&status.stderr));
    let s = json(&status);
    assert_eq!(s["running"], true);
    assert_eq!(s["daemon"], true);
    assert_eq!(s["pid"].as_u64(), Some(pid));
    assert_eq!(s["listen"].as_str(), Some(listen.as_str()));
    assert_eq!(s["version"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    assert_eq!(s["last_minute"]["requests"], 0);

    let key = std::fs::read_to_string(data.join("access_key")).unwrap().trim().to_string();
    let resp = echo_request(&listen, &key).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("hello daemon"));
    // The counters are updated by the log writer behind the response: wait for it (bounded).
    let mut counted = 0;
    for _ in 0..100 {
        counted = json(&run(cwd, &data, &["--json", "status"]))["last_minute"]["requests"].as_u64().unwrap_or(0);
        if counted > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(counted, 1);
    let human = run(cwd, &data, &["status"]);
    let h = text(&human.stdout);
    assert!(h.contains(&format!("pid {pid}")) && h.contains("last minute: 1 requests, 0 errors"), "{h}");

    // restart: a new process, serving as soon as the command returns.
    let restarted = run(cwd, &data, &["--json", "restart", "--port", "0"]);
    assert_eq!(restarted.status.code(), Some(0), "{}", text(&restarted.stderr));
    let r = json(&restarted);
    let new_pid = r["pid"].as_u64().unwrap();
    assert_ne!(new_pid, pid);
    let new_listen = r["listen"].as_str().unwrap().to_string();
    assert_eq!(echo_request(&new_listen, &key).await.status(), 200);
    assert_eq!(json(&run(cwd, &data, &["--json", "status"]))["pid"].as_u64(), Some(new_pid));

    let stopped = run(cwd, &data, &["--json", "stop"]);
    assert_eq!(stopped.status.code(), Some(0), "{}", text(&stopped.stderr));
    assert_eq!(json(&stopped)["pid"].as_u64(), Some(new_pid));
    assert!(!data.join("monorelay.pid").exists());
    let after = run(cwd, &data, &["status"]);
    assert_eq!(after.status.code(), Some(3), "{}", text(&after.stdout));
    assert!(text(&after.stdout).contains("not running"));
    // The log holds the daemon's lines.
    let log = std::fs::read_to_string(data.join("monorelay.log")).unwrap();
    assert!(log.contains(&format!("pid={new_pid}")), "{log}");
    // Stopping again is not an error.
    assert_eq!(run(cwd, &data, &["stop"]).status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn stale_pid_file_is_recovered_and_never_signalled() {
    let dir = tempfile::tempdir().unwrap();
    let (cwd, data) = (dir.path(), dir.path().join("data"));
    std::fs::create_dir_all(&data).unwrap();
    // A process that has exited: its pid in an unlocked pid file, as after a crash.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    std::fs::write(data.join("monorelay.pid"), format!("{gone_pid}\n")).unwrap();

    let status = run(cwd, &data, &["status"]);
    assert_eq!(status.status.code(), Some(3), "{}", text(&status.stdout));
    let stop = run(cwd, &data, &["--json", "stop"]);
    assert_eq!(stop.status.code(), Some(0));
    assert_eq!(json(&stop)["stopped"], false, "nothing was signalled");

    let _guard = Daemon { cwd, data: &data };
    let started = run(cwd, &data, &["--json", "serve", "--daemon", "--port", "0"]);
    assert_eq!(started.status.code(), Some(0), "{}", text(&started.stderr));
    let pid = json(&started)["pid"].as_u64().unwrap();
    assert_eq!(std::fs::read_to_string(data.join("monorelay.pid")).unwrap().trim(), pid.to_string());
    assert_eq!(run(cwd, &data, &["status"]).status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn daemon_start_failure_is_reported_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let (cwd, data) = (dir.path(), dir.path().join("data"));
    // Occupy a port so the daemon cannot listen.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = bin()
        .current_dir(cwd)
        .arg("--data-dir")
        .arg(&data)
        .args(["serve", "--daemon", "--host", "127.0.0.1", "--port", &port])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("failed to start") && err.contains("cannot listen"), "{err}");
    assert_eq!(run(cwd, &data, &["status"]).status.code(), Some(3));
    assert!(!data.join("monorelay.pid").exists());
}

#[test]
fn service_install_dry_run_prints_a_unit_systemd_accepts() {
    for user in [false, true] {
        let mut args = vec!["--json", "service", "install", "--dry-run", "--manager", "systemd"];
        if user {
            args.push("--user");
        }
        let out = bin().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let v = json(&out);
        let unit = v["unit"].as_str().unwrap();
        for line in [
            "StateDirectory=monorelay",
            "NoNewPrivileges=true",
            "Restart=on-failure",
            "ExecReload=/bin/kill -HUP $MAINPID",
        ] {
            assert!(unit.lines().any(|l| l == line), "{line} missing:\n{unit}");
        }
        let commands: Vec<String> = serde_json::from_value(v["commands"].clone()).unwrap();
        if user {
            assert!(v["unit_path"].as_str().unwrap().ends_with(".config/systemd/user/monorelay.service"));
            assert!(commands.iter().any(|c| c == "systemctl --user enable --now monorelay.service"), "{commands:?}");
        } else {
            assert!(unit.contains("User=monorelay") && unit.contains("ProtectSystem=strict"));
            assert_eq!(v["unit_path"], "/etc/systemd/system/monorelay.service");
            assert!(commands.iter().any(|c| c.contains("useradd --system")), "{commands:?}");
            assert!(commands.iter().any(|c| c == "systemctl enable --now monorelay.service"), "{commands:?}");
        }
        if !has("systemd-analyze") {
            eprintln!("systemd-analyze not installed: unit not verified");
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("monorelay.service");
        std::fs::write(&path, unit).unwrap();
        let verify = std::process::Command::new("systemd-analyze").arg("verify").arg(&path).output().unwrap();
        assert!(
            verify.status.success() && verify.stderr.is_empty(),
            "systemd-analyze verify (user: {user}):\n{}{}",
            text(&verify.stdout),
            text(&verify.stderr)
        );
    }
    // The plain-text dry run shows the unit, then the commands.
    let out = bin().args(["service", "install", "--dry-run", "--manager", "systemd"]).output().unwrap();
    let t = text(&out.stdout);
    assert!(t.starts_with("# /etc/systemd/system/monorelay.service\n") && t.contains("# commands:\n"), "{t}");
    let out = bin().args(["--json", "service", "uninstall", "--dry-run", "--manager", "systemd"]).output().unwrap();
    let commands: Vec<String> = serde_json::from_value(json(&out)["commands"].clone()).unwrap();
    assert_eq!(commands.first().map(String::as_str), Some("systemctl disable --now monorelay.service"));
    // launchd: a plist with the same command.
    let out =
        bin().args(["--json", "service", "install", "--dry-run", "--user", "--manager", "launchd"]).output().unwrap();
    let v = json(&out);
    assert!(v["unit"].as_str().unwrap().contains("<string>dev.monorelay</string>"));
}

#[test]
fn completions_and_man_pages_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = |sub: &str| dir.path().join(sub);
    let out = bin().args(["completions", "--dir"]).arg(fresh("completions")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = bin().arg("man").arg(fresh("man")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for sub in ["completions", "man"] {
        let list = |d: &Path| {
            let mut v: Vec<String> =
                std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
            v.sort();
            v
        };
        let committed = repo().join(sub);
        assert_eq!(
            list(&committed),
            list(&fresh(sub)),
            "{sub}/ is stale: run scripts/regen-docs.sh and commit the result"
        );
        for name in list(&committed) {
            assert!(
                std::fs::read(committed.join(&name)).unwrap() == std::fs::read(fresh(sub).join(&name)).unwrap(),
                "{sub}/{name} is stale: run scripts/regen-docs.sh and commit the result"
            );
        }
    }
    // Printing one shell's script gives the committed file.
    let bash = bin().args(["completions", "bash"]).output().unwrap();
    assert_eq!(bash.stdout, std::fs::read(repo().join("completions/monorelay.bash")).unwrap());
}

#[test]
fn bash_completion_loads() {
    if !has("bash") {
        eprintln!("bash not installed: skipped");
        return;
    }
    let script = repo().join("completions/monorelay.bash");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p monorelay", script.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("monorelay"), "{}", text(&out.stdout));
}

#[test]
fn man_page_renders_with_exit_codes() {
    if !has("man") {
        eprintln!("man not installed: skipped");
        return;
    }
    let out = std::process::Command::new("man")
        .arg("-l")
        .arg(repo().join("man/monorelay.1"))
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    for needle in ["EXIT STATUS", "the server is not running", "monorelay.pid", "SUBCOMMANDS", "MONORELAY_CONFIG"] {
        assert!(page.contains(needle), "{needle} missing:\n{page}");
    }
}

#[cfg(unix)]
#[test]
fn init_writes_a_valid_private_config_and_never_overwrites() {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yml");
    let init = |extra: &[&str]| {
        let mut c = bin();
        c.current_dir(dir.path())
            .args(["init", "--provider", "openrouter", "--key-stdin"])
            .args(extra)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().unwrap();
        // A refusal exits before reading stdin: a broken pipe here is fine.
        let _ = child.stdin.take().unwrap().write_all(b"sk-or-first\n\nsk-or-second\n");
        child.wait_with_output().unwrap()
    };
    let out = init(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\"sk-or-first\"") && written.contains("\"sk-or-second\""));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let check = bin().current_dir(dir.path()).args(["--json", "config", "check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let route = bin().current_dir(dir.path()).args(["--json", "route", "some-model"]).output().unwrap();
    assert!(text(&route.stdout).contains("openrouter"), "{}", text(&route.stdout));

    // Never replaced without --force.
    std::fs::write(&path, "# mine\n").unwrap();
    let again = init(&[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    assert_eq!(init(&["--force"]).status.code(), Some(0));
    assert!(std::fs::read_to_string(&path).unwrap().contains("sk-or-first"));

    // An env reference instead of a key; a name that is no preset is a usage error.
    let env = bin()
        .current_dir(dir.path())
        .args(["init", "--provider", "groq", "--key-env", "GROQ_KEY", "--output", "other.yml"])
        .output()
        .unwrap();
    assert_eq!(env.status.code(), Some(0), "{}", text(&env.stderr));
    assert!(std::fs::read_to_string(dir.path().join("other.yml")).unwrap().contains("${GROQ_KEY}"));
    let bad = bin().current_dir(dir.path()).args(["init", "--provider", "nope", "--output", "x.yml"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn dockerfile_assumptions_hold() {
    let docker = std::fs::read_to_string(repo().join("deploy/Dockerfile")).unwrap();
    let lines: Vec<&str> = docker.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
    let has_line = |prefix: &str| lines.iter().any(|l| l.starts_with(prefix));
    // Multi-stage, musl, non-root, /data volume as data dir and working dir (./config.yml).
    assert_eq!(lines.iter().filter(|l| l.starts_with("FROM ")).count(), 2);
    assert!(docker.contains("alpine"), "a musl build and base");
    assert!(has_line("USER monorelay"));
    assert!(has_line("VOLUME [\"/data\"]") && has_line("WORKDIR /data") && has_line("ENV MONORELAY_DATA_DIR=/data"));
    assert!(docker.contains("install -d -o monorelay -g monorelay -m 0700 /data"), "the volume is the user's");
    // The port it exposes is the one it serves, and the health check asks that port's public path.
    let port = monorelay::config::load_str(
        monorelay::config::EMBEDDED_DEFAULT,
        monorelay::config::ConfigSource::Embedded,
        &|_| None,
    )
    .unwrap()
    .server
    .port;
    assert!(has_line(&format!("EXPOSE {port}")));
    assert!(docker.contains(&format!("\"--port\", \"{port}\"")) && docker.contains("\"--host\", \"0.0.0.0\""));
    assert!(docker.contains(&format!("http://127.0.0.1:{port}/health")));
    assert!(monorelay::server::PUBLIC_PATHS.contains(&"/health"), "the health check needs no key");
    assert!(has_line("HEALTHCHECK "));
    // The binary it copies is the one Cargo builds; the compose file mounts the same volume.
    assert!(docker.contains("--bin monorelay") && docker.contains("target/release/monorelay"));
    let compose = std::fs::read_to_string(repo().join("deploy/compose.yml")).unwrap();
    assert!(compose.contains(":/data") && compose.contains(&format!(":{port}:{port}")));
    assert!(compose.contains("dockerfile: deploy/Dockerfile"));
}

#[test]
fn chinese_readme_keeps_in_step_with_the_english_one() {
    let en = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let zh = std::fs::read_to_string(repo().join("README.zh-CN.md")).unwrap();
    // Each links the other near its top.
    assert!(en.lines().take(4).any(|l| l.contains("(README.zh-CN.md)")));
    assert!(zh.lines().take(4).any(|l| l.contains("(README.md)")));
    // Same sections and paragraphs, and every command, key and path the English one names.
    let count = |t: &str, prefix: &str| t.lines().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(count(&en, "## "), count(&zh, "## "), "section headings");
    assert_eq!(count(&en, "**"), count(&zh, "**"), "paragraphs that open in bold");
    let spans = |t: &str| -> std::collections::BTreeSet<String> {
        t.replace("```", "")
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let missing: Vec<String> = spans(&en).difference(&spans(&zh)).cloned().collect();
    assert!(missing.is_empty(), "README.zh-CN.md lacks what README.md names: {missing:?}");
}

/// `init` on a real terminal (tmux): it asks for the provider, then the keys without echoing them.
#[cfg(unix)]
#[test]
fn init_asks_on_a_terminal_and_hides_the_key() {
    use std::time::{Duration, Instant};
    if !has("tmux") {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let name = format!("monorelay-init-{}-{}", std::process::id(), fastrand::u32(..));
    let tmux = |args: &[&str]| {
        let out = std::process::Command::new("tmux").args(["-L", &name]).args(args).output().unwrap();
        text(&out.stdout)
    };
    struct Kill<'a>(&'a str);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("tmux").args(["-L", self.0, "kill-server"]).status();
        }
    }
    let command = format!(
        "cd '{}' && env NO_COLOR=1 TERM=xterm '{}' init; echo EXIT=$?; sleep 60",
        dir.path().display(),
        env!("CARGO_BIN_EXE_monorelay")
    );
    let started = std::process::Command::new("tmux")
        .args(["-L", &name, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "30", &command])
        .status()
        .unwrap();
    assert!(started.success());
    let _kill = Kill(&name);
    let wait_for = |needle: &str| {
        let start = Instant::now();
        loop {
            let s = tmux(&["capture-pane", "-p"]);
            if s.contains(needle) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "never showed '{needle}':\n{s}");
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    wait_for("First provider");
    tmux(&["send-keys", "deepseek", "Enter"]);
    wait_for("key 1:");
    tmux(&["send-keys", "-l", "sk-hidden-secret"]);
    tmux(&["send-keys", "Enter"]);
    wait_for("key 2:");
    tmux(&["send-keys", "Enter"]);
    let screen = wait_for("EXIT=");
    assert!(screen.contains("EXIT=0") && screen.contains("wrote"), "{screen}");
    assert!(!screen.contains("sk-hidden-secret"), "the key was echoed:\n{screen}");
    let written = std::fs::read_to_string(dir.path().join("config.yml")).unwrap();
    assert!(written.contains("  deepseek:") && written.contains("\"sk-hidden-secret\""), "{written}");
}
