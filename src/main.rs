//! The `peerlink` binary: parse the command line, then hand over to [`peerlink::cli`].

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = peerlink::cli::Cli::parse();
    peerlink::cli::main(cli)
}
