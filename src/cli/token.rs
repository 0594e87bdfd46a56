//! `peerlink token new`: make an API token and the configuration lines
//! that accept it (only its SHA-256 goes in the file).

use std::process::ExitCode;

use rand::distr::{Alphanumeric, SampleString};

use crate::http::sha256_hex;

/// Prints a new token and its `[[http.tokens]]` entry.
pub fn new_token(name: &str, scope: &str) -> anyhow::Result<ExitCode> {
    if !matches!(scope, "reports" | "roster") {
        anyhow::bail!("the scope must be reports or roster");
    }
    let token = format!("pl_{}", Alphanumeric.sample_string(&mut rand::rng(), 40));
    println!("New {scope} token for {name} (shown once; give it to its holder):\n\n  {token}\n");
    println!("Add this to the configuration file, then restart peerlink:\n");
    println!(
        "[[http.tokens]]\nname = {}\nscope = \"{scope}\"\nsha256 = \"{}\"",
        toml::Value::String(name.to_owned()),
        sha256_hex(&token)
    );
    Ok(ExitCode::SUCCESS)
}
