//! Running the `peerlink` binary as a user would, with a clean environment.

use std::path::Path;
use std::process::Command;

/// What a `peerlink` command did.
pub struct CliOutput {
    /// Exit code.
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl CliOutput {
    /// Whether it exited 0.
    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }

    /// Standard output then standard error.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `peerlink ARGS` in `dir` with only `env` among the peerlink
/// variables (none inherited from the test's own environment).
pub fn peerlink(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> CliOutput {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_peerlink"));
    cmd.args(args).current_dir(dir).env_remove("RUST_LOG").env("USER", "tester");
    for (key, _) in std::env::vars() {
        if key.starts_with("PEERLINK__") || key == "PEERLINK_CONFIG" {
            cmd.env_remove(key);
        }
    }
    let out = cmd.envs(env.iter().copied()).output().expect("the peerlink binary runs");
    CliOutput {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
