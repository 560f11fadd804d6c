//! `monorelay service install | uninstall | status [--user] [--dry-run]`: run the relay under the
//! system's service manager. On Linux a systemd unit — system-wide: a dedicated `monorelay` user,
//! state in `StateDirectory=monorelay` (/var/lib/monorelay, which is also the data dir and holds
//! config.yml), a read-only rest of the system (`ProtectSystem=strict`), `NoNewPrivileges`,
//! `Restart=on-failure`, reload by SIGHUP; `--user`: a user unit. On macOS a launchd plist the
//! same way. Every step is planned first (files to write, commands to run); `--dry-run` prints
//! the plan, otherwise each step is printed as it runs.

use crate::Cli;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum ServiceCommand {
    /// Write the unit (or plist), enable and start it.
    Install(ServiceArgs),
    /// Stop and disable the service and remove its unit (the data dir is kept).
    Uninstall(ServiceArgs),
    /// Whether the unit is installed and what the service manager says about it.
    Status(ServiceArgs),
}

#[derive(Debug, clap::Args)]
pub struct ServiceArgs {
    /// A unit for your user only (systemd --user / a LaunchAgent) instead of a system service.
    #[arg(long)]
    pub user: bool,
    /// Print the unit and the commands instead of running them.
    #[arg(long)]
    pub dry_run: bool,
    /// Service manager (default: launchd on macOS, systemd elsewhere).
    #[arg(long, value_enum)]
    pub manager: Option<Manager>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Manager {
    Systemd,
    Launchd,
}

const UNIT_NAME: &str = "monorelay.service";
const SYSTEM_USER: &str = "monorelay";
const SYSTEM_STATE_DIR: &str = "/var/lib/monorelay";
const LAUNCHD_LABEL: &str = "dev.monorelay";

/// One step of an install or uninstall.
#[derive(Debug, serde::Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
enum Step {
    /// Write `content` to `path` (mode 0644).
    Write { path: PathBuf, content: String },
    /// Remove `path` if it exists.
    Remove { path: PathBuf },
    /// Run a command; `unless` is a command whose success makes this one unnecessary.
    Run { argv: Vec<String>, unless: Option<Vec<String>> },
}

fn run_step(argv: &[&str]) -> Step {
    Step::Run { argv: argv.iter().map(|s| s.to_string()).collect(), unless: None }
}

fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

impl Step {
    /// The step as a shell command line.
    fn shell(&self) -> String {
        let join = |a: &[String]| a.iter().map(|s| shell_quote(s)).collect::<Vec<_>>().join(" ");
        match self {
            Step::Write { path, .. } => format!("# write {}", path.display()),
            Step::Remove { path } => format!("rm -f {}", shell_quote(&path.display().to_string())),
            Step::Run { argv, unless: Some(u) } => format!("{} >/dev/null 2>&1 || {}", join(u), join(argv)),
            Step::Run { argv, unless: None } => join(argv),
        }
    }
}

/// A quoted argument inside a systemd `ExecStart=` (spaces and specials survive).
fn unit_arg(s: &str) -> String {
    if s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:@+,".contains(c)) && !s.is_empty() {
        s.replace('%', "%%")
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('%', "%%"))
    }
}

fn exe() -> anyhow::Result<PathBuf> {
    let p = std::env::current_exe()?;
    Ok(p.canonicalize().unwrap_or(p))
}

fn home() -> anyhow::Result<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from).ok_or_else(|| anyhow::anyhow!("HOME is not set"))
}

/// The systemd unit. System: runs as `monorelay` in /var/lib/monorelay (data dir and config);
/// user: in $XDG_STATE_HOME/monorelay, with the config named by `config` (if any).
fn systemd_unit(exe: &Path, user: bool, config: Option<&Path>) -> String {
    let mut exec = format!("{} serve --data-dir %S/monorelay", unit_arg(&exe.display().to_string()));
    if let Some(c) = config {
        exec.push_str(&format!(" --config {}", unit_arg(&c.display().to_string())));
    }
    let mut u = String::from(
        "# Written by `monorelay service install`; `monorelay service uninstall` removes it.\n\
         [Unit]\n\
         Description=monorelay: relay for OpenAI- and Anthropic-dialect LLM APIs (man monorelay)\n",
    );
    if !user {
        u.push_str("After=network-online.target\nWants=network-online.target\n");
    }
    u.push_str("\n[Service]\nType=simple\n");
    if !user {
        u.push_str(&format!("User={SYSTEM_USER}\nGroup={SYSTEM_USER}\n"));
    }
    u.push_str(&format!(
        "StateDirectory=monorelay\n\
         StateDirectoryMode=0700\n\
         WorkingDirectory=%S/monorelay\n\
         ExecStart={exec}\n\
         ExecReload=/bin/kill -HUP $MAINPID\n\
         Restart=on-failure\n\
         RestartSec=2\n\
         # SIGTERM lets in-flight requests finish (server.shutdown_grace_secs, 30 s by default).\n\
         TimeoutStopSec=40\n\
         UMask=0077\n\
         NoNewPrivileges=true\n"
    ));
    if !user {
        u.push_str(
            "ProtectSystem=strict\n\
             ProtectHome=true\n\
             PrivateTmp=true\n\
             PrivateDevices=true\n\
             ProtectKernelTunables=true\n\
             ProtectKernelModules=true\n\
             ProtectControlGroups=true\n\
             RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\n\
             RestrictNamespaces=true\n\
             RestrictSUIDSGID=true\n\
             LockPersonality=true\n\
             SystemCallArchitectures=native\n",
        );
    }
    u.push_str(&format!("\n[Install]\nWantedBy={}\n", if user { "default.target" } else { "multi-user.target" }));
    u
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The launchd plist: a LaunchAgent (user) or LaunchDaemon (system), kept alive on failure.
fn launchd_plist(exe: &Path, data_dir: &Path, config: Option<&Path>) -> String {
    let mut args = vec![exe.display().to_string(), "serve".into(), "--data-dir".into(), data_dir.display().to_string()];
    if let Some(c) = config {
        args.extend(["--config".into(), c.display().to_string()]);
    }
    let args: String = args.iter().map(|a| format!("    <string>{}</string>\n", xml(a))).collect();
    let log = xml(&data_dir.join("monorelay.log").display().to_string());
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\
         \x20 <key>Label</key>\n  <string>{LAUNCHD_LABEL}</string>\n\
         \x20 <key>ProgramArguments</key>\n  <array>\n{args}  </array>\n\
         \x20 <key>WorkingDirectory</key>\n  <string>{}</string>\n\
         \x20 <key>RunAtLoad</key>\n  <true/>\n\
         \x20 <key>KeepAlive</key>\n  <dict>\n    <key>SuccessfulExit</key>\n    <false/>\n  </dict>\n\
         \x20 <key>StandardErrorPath</key>\n  <string>{log}</string>\n\
         \x20 <key>StandardOutPath</key>\n  <string>{log}</string>\n\
         </dict>\n</plist>\n",
        xml(&data_dir.display().to_string())
    )
}

struct Plan {
    manager: Manager,
    /// Where the unit or plist lives.
    unit_path: PathBuf,
    unit: String,
    steps: Vec<Step>,
    notes: Vec<String>,
}

fn manager(args: &ServiceArgs) -> Manager {
    args.manager.unwrap_or(if cfg!(target_os = "macos") { Manager::Launchd } else { Manager::Systemd })
}

fn unit_path(args: &ServiceArgs) -> anyhow::Result<PathBuf> {
    Ok(match (manager(args), args.user) {
        (Manager::Systemd, false) => PathBuf::from("/etc/systemd/system").join(UNIT_NAME),
        (Manager::Systemd, true) => home()?.join(".config/systemd/user").join(UNIT_NAME),
        (Manager::Launchd, false) => PathBuf::from("/Library/LaunchDaemons").join(format!("{LAUNCHD_LABEL}.plist")),
        (Manager::Launchd, true) => home()?.join("Library/LaunchAgents").join(format!("{LAUNCHD_LABEL}.plist")),
    })
}

fn install_plan(cli: &Cli, args: &ServiceArgs) -> anyhow::Result<Plan> {
    let exe = exe()?;
    let config = crate::config::resolve(cli).map(|p| std::path::absolute(&p).unwrap_or(p));
    let unit_path = unit_path(args)?;
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    let m = manager(args);
    let unit = match (m, args.user) {
        (Manager::Systemd, false) => {
            // The service's config lives in its state dir, where its saves work.
            let state_config = PathBuf::from(SYSTEM_STATE_DIR).join("config.yml");
            steps.push(Step::Run {
                argv: [
                    "useradd",
                    "--system",
                    "--home-dir",
                    SYSTEM_STATE_DIR,
                    "--shell",
                    "/usr/sbin/nologin",
                    SYSTEM_USER,
                ]
                .map(String::from)
                .to_vec(),
                unless: Some(vec!["id".into(), "-u".into(), SYSTEM_USER.into()]),
            });
            let sd = SYSTEM_STATE_DIR;
            steps.push(run_step(&["install", "-d", "-o", SYSTEM_USER, "-g", SYSTEM_USER, "-m", "0700", sd]));
            if let Some(c) = &config {
                let dest = state_config.display().to_string();
                let src = c.display().to_string();
                steps.push(Step::Run {
                    argv: ["install", "-o", SYSTEM_USER, "-g", SYSTEM_USER, "-m", "0600", &src, &dest]
                        .map(String::from)
                        .to_vec(),
                    unless: Some(vec!["test".into(), "-e".into(), dest.clone()]),
                });
                notes.push(format!("the service reads {dest} (copied from {src} unless it exists)"));
            } else {
                notes.push(format!(
                    "no config file given: the service uses {} if you put one there, else the embedded default",
                    state_config.display()
                ));
            }
            if exe.starts_with("/home") || exe.starts_with("/root") {
                notes.push(format!(
                    "{} is under a home directory, which the service cannot read (ProtectHome): copy it to /usr/local/bin first and run that copy's `service install`",
                    exe.display()
                ));
            }
            // The service finds ./config.yml in its working directory (the state dir).
            systemd_unit(&exe, false, None)
        }
        (Manager::Systemd, true) => systemd_unit(&exe, true, config.as_deref()),
        (Manager::Launchd, user) => {
            let data_dir = if user {
                home()?.join("Library/Application Support/monorelay")
            } else {
                PathBuf::from("/usr/local/var/monorelay")
            };
            steps.push(run_step(&["mkdir", "-p", &data_dir.display().to_string()]));
            launchd_plist(&exe, &data_dir, config.as_deref())
        }
    };
    steps.push(Step::Write { path: unit_path.clone(), content: unit.clone() });
    let path = unit_path.display().to_string();
    match (m, args.user) {
        (Manager::Systemd, false) => {
            steps.push(run_step(&["systemctl", "daemon-reload"]));
            steps.push(run_step(&["systemctl", "enable", "--now", UNIT_NAME]));
        }
        (Manager::Systemd, true) => {
            steps.push(run_step(&["systemctl", "--user", "daemon-reload"]));
            steps.push(run_step(&["systemctl", "--user", "enable", "--now", UNIT_NAME]));
            notes.push("to keep it running after you log out: loginctl enable-linger $USER".into());
        }
        (Manager::Launchd, false) => steps.push(run_step(&["launchctl", "bootstrap", "system", &path])),
        (Manager::Launchd, true) => steps.push(run_step(&["launchctl", "load", "-w", &path])),
    }
    Ok(Plan { manager: m, unit_path, unit, steps, notes })
}

fn uninstall_plan(args: &ServiceArgs) -> anyhow::Result<Plan> {
    let unit_path = unit_path(args)?;
    let path = unit_path.display().to_string();
    let m = manager(args);
    let mut steps = Vec::new();
    match (m, args.user) {
        (Manager::Systemd, false) => steps.push(run_step(&["systemctl", "disable", "--now", UNIT_NAME])),
        (Manager::Systemd, true) => steps.push(run_step(&["systemctl", "--user", "disable", "--now", UNIT_NAME])),
        (Manager::Launchd, false) => steps.push(run_step(&["launchctl", "bootout", "system", &path])),
        (Manager::Launchd, true) => steps.push(run_step(&["launchctl", "unload", "-w", &path])),
    }
    steps.push(Step::Remove { path: unit_path.clone() });
    match (m, args.user) {
        (Manager::Systemd, false) => steps.push(run_step(&["systemctl", "daemon-reload"])),
        (Manager::Systemd, true) => steps.push(run_step(&["systemctl", "--user", "daemon-reload"])),
        _ => {}
    }
    let notes = vec!["the data dir (request log, keys, config) is kept; remove it yourself if you want".into()];
    Ok(Plan { manager: m, unit_path, unit: String::new(), steps, notes })
}

fn execute(plan: &Plan) -> anyhow::Result<()> {
    for step in &plan.steps {
        eprintln!("+ {}", step.shell());
        match step {
            Step::Write { path, content } => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, content).map_err(|e| anyhow::anyhow!("cannot write '{}': {e}", path.display()))?;
            }
            Step::Remove { path } => match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    anyhow::bail!("cannot remove '{}': {e}", path.display())
                }
                _ => {}
            },
            Step::Run { argv, unless } => {
                if let Some(u) = unless {
                    let quiet = std::process::Stdio::null;
                    let done = std::process::Command::new(&u[0])
                        .args(&u[1..])
                        .stdout(quiet())
                        .stderr(quiet())
                        .status()
                        .is_ok_and(|s| s.success());
                    if done {
                        continue;
                    }
                }
                let status = std::process::Command::new(&argv[0])
                    .args(&argv[1..])
                    .status()
                    .map_err(|e| anyhow::anyhow!("cannot run {}: {e}", argv[0]))?;
                if !status.success() {
                    anyhow::bail!("`{}` failed ({status})", step.shell());
                }
            }
        }
    }
    Ok(())
}

fn print_plan(cli: &Cli, plan: &Plan) -> anyhow::Result<()> {
    if cli.json {
        let v = serde_json::json!({
            "manager": plan.manager,
            "unit_path": plan.unit_path,
            "unit": plan.unit,
            "steps": plan.steps,
            "commands": plan.steps.iter().map(Step::shell).collect::<Vec<_>>(),
            "notes": plan.notes,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    if !plan.unit.is_empty() {
        println!("# {}", plan.unit_path.display());
        print!("{}", plan.unit);
        println!();
    }
    println!("# commands:");
    for s in &plan.steps {
        println!("{}", s.shell());
    }
    for n in &plan.notes {
        println!("# note: {n}");
    }
    Ok(())
}

pub fn run(cli: &Cli, cmd: &ServiceCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        ServiceCommand::Install(args) | ServiceCommand::Uninstall(args) => {
            let plan = match cmd {
                ServiceCommand::Install(_) => install_plan(cli, args)?,
                _ => uninstall_plan(args)?,
            };
            if args.dry_run {
                print_plan(cli, &plan)?;
            } else {
                execute(&plan)?;
                for n in &plan.notes {
                    eprintln!("note: {n}");
                }
                if cli.json {
                    println!("{}", serde_json::json!({"ok": true, "unit_path": plan.unit_path}));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ServiceCommand::Status(args) => {
            let path = unit_path(args)?;
            let installed = path.exists();
            let mut argv: Vec<&str> = match manager(args) {
                Manager::Systemd => vec!["systemctl"],
                Manager::Launchd => vec!["launchctl", "list", LAUNCHD_LABEL],
            };
            if manager(args) == Manager::Systemd {
                if args.user {
                    argv.push("--user");
                }
                argv.extend(["is-active", UNIT_NAME]);
            }
            let out = std::process::Command::new(argv[0]).args(&argv[1..]).output();
            let (state, ok) = match &out {
                Ok(o) => (String::from_utf8_lossy(&o.stdout).trim().to_string(), o.status.success()),
                Err(e) => (format!("cannot run {}: {e}", argv[0]), false),
            };
            if args.dry_run {
                println!("{}", argv.iter().map(|a| shell_quote(a)).collect::<Vec<_>>().join(" "));
                return Ok(ExitCode::SUCCESS);
            }
            if cli.json {
                let v = serde_json::json!({"unit_path": path, "installed": installed, "active": ok, "state": state});
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                println!("unit:  {} ({})", path.display(), if installed { "installed" } else { "not installed" });
                println!("state: {}", if state.is_empty() { "unknown" } else { &state });
            }
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(crate::daemon::EXIT_NOT_RUNNING) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_start_quotes_and_escapes_percent() {
        assert_eq!(unit_arg("/usr/bin/monorelay"), "/usr/bin/monorelay");
        assert_eq!(unit_arg("/opt/my dir/100%"), "\"/opt/my dir/100%%\"");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }

    #[test]
    fn system_unit_has_the_hardening() {
        let u = systemd_unit(Path::new("/usr/local/bin/monorelay"), false, None);
        for line in [
            "User=monorelay",
            "StateDirectory=monorelay",
            "ProtectSystem=strict",
            "NoNewPrivileges=true",
            "Restart=on-failure",
            "ExecReload=/bin/kill -HUP $MAINPID",
            "ExecStart=/usr/local/bin/monorelay serve --data-dir %S/monorelay",
        ] {
            assert!(u.lines().any(|l| l == line), "missing {line}:\n{u}");
        }
        let u = systemd_unit(Path::new("/x/monorelay"), true, Some(Path::new("/home/a/c.yml")));
        assert!(!u.contains("User="), "{u}");
        assert!(u.contains("--config /home/a/c.yml"), "{u}");
        assert!(u.contains("WantedBy=default.target"), "{u}");
    }
}
