//! `monorelay top` end to end, with the real binary in a real terminal (tmux, 160×48): `serve`
//! relays requests to a mock upstream (one key gets a 401), then `top` shows them (backfilled from
//! the log), the key states, a request that arrives while it runs, that request's detail as a
//! conversation; it disables a key after a confirmation, says so when the server goes away and
//! comes back when it restarts, stays under a CPU budget while idle, and quits cleanly on `q`.

use crate::common::*;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// How long a screen may take to show what is expected (debug build, loaded CI machine).
const SCREEN_TIMEOUT: Duration = Duration::from_secs(20);

/// A private tmux server (its own socket name) running one command; killed when dropped.
struct Tmux {
    name: String,
    /// tmux leaves its socket file behind after `kill-server`.
    socket: PathBuf,
}

impl Tmux {
    fn start(command: &str) -> Tmux {
        let name = format!("monorelay-top-{}-{}", std::process::id(), fastrand::u32(..));
        let ok = Command::new("tmux")
            .args(["-L", &name, "-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "48", command])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        let mut t = Tmux { name, socket: PathBuf::new() };
        t.socket = PathBuf::from(t.tmux(&["display-message", "-p", "#{socket_path}"]).trim());
        t
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").args(["-L", &self.name]).args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// One key at a time, with a pause: an Escape followed at once by another key would read as Alt.
    async fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Wait until `pred` holds for the screen; panic with the screen if it never does.
    async fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > SCREEN_TIMEOUT {
                panic!("the screen never showed {what}:\n{s}");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    async fn wait_for(&self, text: &str) -> String {
        self.wait(&format!("'{text}'"), |s| s.contains(text)).await
    }

    /// The pid of the pane's command (tmux runs it through `sh -c`, which may exec it).
    fn pane_pid(&self) -> u32 {
        self.tmux(&["list-panes", "-F", "#{pane_pid}"]).trim().parse().unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.name, "kill-server"]).status();
        if self.socket.file_name().is_some_and(|n| n.to_string_lossy().starts_with("monorelay-top-")) {
            let _ = std::fs::remove_file(&self.socket);
        }
    }
}

/// CPU seconds (user + system) a process has used, from /proc.
fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    // CLK_TCK is 100 on Linux.
    ticks / 100.0
}

/// The `top` process: the pane's process itself or its child named `monorelay`.
fn top_pid(pane: u32) -> u32 {
    let comm = |pid: u32| std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if comm(pane).trim() == "monorelay" {
        return pane;
    }
    let children = std::fs::read_to_string(format!("/proc/{pane}/task/{pane}/children")).unwrap_or_default();
    children
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .find(|p| comm(*p).trim() == "monorelay")
        .unwrap_or_else(|| panic!("no monorelay process under pane {pane}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn top_shows_requests_keys_and_details_live_and_survives_a_restart() {
    if Command::new("tmux").arg("-V").output().is_err() {
        panic!("tmux is needed for this test (apt-get install tmux)");
    }
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, api_config(&up.url(), &["sk-top-key-one", "sk-top-key-two"], "")).unwrap();
    let data: PathBuf = dir.path().join("data");
    let (c, d) = (cfg.clone(), data.clone());
    let server = tokio::task::spawn_blocking(move || serve(&c, &d)).await.unwrap();
    let post = |base: String, model: &str| {
        let body = chat(model, &format!("hello from {model}"));
        async move {
            client().post(format!("{base}/v1/chat/completions")).bearer_auth(KEY).json(&body).send().await.unwrap()
        }
    };
    // The first key tried is rejected (401: invalid); the request fails over to the other.
    up.push(Reply::json(401, serde_json::json!({"error": {"message": "invalid api key"}})));
    up.push(Reply::json(200, completion("first answer")));
    assert_eq!(post(server.base.clone(), "m-failover").await.status(), 200);
    for i in 0..2 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post(server.base.clone(), &format!("m-before-{i}")).await.status(), 200);
    }

    let command = format!(
        "{} --config '{}' --data-dir '{}' top; echo TOP-EXITED $?; sleep 60",
        env!("CARGO_BIN_EXE_monorelay"),
        cfg.display(),
        data.display()
    );
    let tmux = Tmux::start(&format!("env NO_COLOR=1 TERM=xterm-256color {command}"));

    // Requests from before `top` started (read from the log), and the key states.
    let s = tmux
        .wait("the earlier requests and an invalid key", |s| {
            s.contains("m-before-1 → up") && s.contains("m-failover → up") && s.contains("invalid")
        })
        .await;
    assert!(s.contains("keys 2") && s.contains("up/k1") && s.contains("up/k2"), "{s}");
    assert!(s.contains("invalid api key"), "the key's last error is shown:\n{s}");
    let listen = server.base.trim_start_matches("http://");
    assert!(s.contains(&format!("│ {listen} │")), "the header shows where the relay listens:\n{s}");
    assert!(s.lines().any(|l| l.contains("up/k2") && l.contains(" ago")), "when each key was last used:\n{s}");

    // A request while it runs arrives live, on top of the feed.
    up.push(Reply::json(200, completion("the live answer")));
    assert_eq!(post(server.base.clone(), "m-live").await.status(), 200);
    let s = tmux.wait_for("m-live → up").await;
    assert!(s.contains("requests 4"), "{s}");

    // A stream held open upstream is in flight (the header polls `status` every 2 s).
    let gate = std::sync::Arc::new(tokio::sync::Notify::new());
    up.push(Reply::Sse {
        chunks: vec![
            (Duration::ZERO, format!("data: {}\n\n", chunk("slow")).into_bytes()),
            (Duration::ZERO, b"data: [DONE]\n\n".to_vec()),
        ],
        cut: false,
        gate: Some((1, gate.clone())),
    });
    let mut body = chat("m-stream", "stream please");
    body["stream"] = true.into();
    let resp = client()
        .post(format!("{}/v1/chat/completions", server.base))
        .bearer_auth(KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    tmux.wait_for("in-flight 1 (1 streaming)").await;
    gate.notify_one();
    assert!(resp.text().await.unwrap().contains("slow"));
    tmux.wait("the finished stream", |s| s.contains("m-stream → up") && s.contains("in-flight 0 (0 streaming)")).await;

    // The feed's selection follows the newest row (the stream); one down is m-live, and Enter
    // opens its detail: metadata and the conversation.
    tmux.keys(&["j", "Enter"]).await;
    let s = tmux.wait("the detail view", |s| s.contains("the live answer")).await;
    assert!(s.contains("hello from m-live") && s.contains("user") && s.contains("assistant"), "{s}");
    assert!(s.contains("status 200") && s.contains("tokens 7 in / 3 out"), "{s}");
    tmux.keys(&["Escape"]).await;
    tmux.wait("the dashboard again", |s| s.contains("requests 5") && !s.contains("the live answer")).await;

    // Disable the first key, after a confirmation.
    tmux.keys(&["Tab", "d"]).await;
    tmux.wait_for("Disable key 'k1' of 'up'? [y/N]").await;
    tmux.keys(&["y"]).await;
    let s = tmux.wait("k1 disabled", |s| s.lines().any(|l| l.contains("up/k1") && l.contains("disabled"))).await;
    assert!(s.contains("key 'k1' of 'up' disabled"), "{s}");

    // Idle: under 5% of a core over 3 s (measured well under 1% on a quiet machine; CI is noisy).
    let pid = top_pid(tmux.pane_pid());
    let before = cpu_secs(pid);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let used = cpu_secs(pid) - before;
    assert!(used < 0.15, "idle top used {used:.2} s of CPU in 3 s");

    // The server goes away: top says so and keeps the data; it comes back with the server.
    server.stop().await;
    let s = tmux.wait_for("disconnected — retrying").await;
    assert!(s.contains("m-live → up"), "the last data stays:\n{s}");
    let (c, d) = (cfg.clone(), data.clone());
    let _server = tokio::task::spawn_blocking(move || serve(&c, &d)).await.unwrap();
    let s = tmux.wait("the reconnection", |s| s.contains("│ up ") && !s.contains("disconnected")).await;
    assert!(s.contains("m-live → up") && s.contains("requests 5"), "no duplicates after the reconnect:\n{s}");

    tmux.keys(&["q"]).await;
    tmux.wait_for("TOP-EXITED 0").await;
}
