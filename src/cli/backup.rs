//! `peerlink backup <dir>` and `peerlink restore <dir>`: a consistent copy
//! of everything an instance needs (the database; the Matrix session and
//! store: the same device, its keys) taken while it runs, and its return
//! onto an empty machine.
//!
//! SQLite files (the database, the Matrix store's) are copied with `VACUUM
//! INTO`, a consistent snapshot; PostgreSQL with `pg_dump` (custom format)
//! and back with `pg_restore`, PostgreSQL's own tools. The database is
//! copied before the Matrix store, so the store is never older than what
//! the database says was handled.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::storage::backup::{copy_sqlite, sqlite_path};
use crate::storage::{Database, DatabaseKind};

const MANIFEST: &str = "peerlink-backup.json";
const SQLITE_FILE: &str = "peerlink.db";
const PG_FILE: &str = "peerlink.pgdump";
const DATA: &str = "data";

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: u32,
    peerlink: String,
    created_at: String,
    database: String,
    files: Vec<String>,
}

fn kind_word(kind: DatabaseKind) -> &'static str {
    match kind {
        DatabaseKind::Sqlite => "sqlite",
        DatabaseKind::Postgres => "postgres",
    }
}

fn empty_or_new(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        bail!("{} is not empty: back up into a new or empty directory", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(())
}

fn run_tool(tool: &str, args: &[&str]) -> anyhow::Result<()> {
    let out = std::process::Command::new(tool).args(args).output().map_err(|e| {
        anyhow::anyhow!(
            "cannot run {tool} ({e}): install PostgreSQL's client tools (Debian: postgresql-client)"
        )
    })?;
    if !out.status.success() {
        bail!("{tool} failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

/// Copies the Matrix session and store of `from` into `to` (SQLite files
/// as consistent snapshots; their `-wal`/`-shm` companions are part of the
/// snapshot). Returns the files copied, relative to `to`.
async fn copy_matrix_files(from: &Path, to: &Path) -> anyhow::Result<Vec<String>> {
    let mut copied = Vec::new();
    let session = from.join("matrix-session.json");
    if session.exists() {
        std::fs::create_dir_all(to)?;
        std::fs::copy(&session, to.join("matrix-session.json"))?;
        copied.push("matrix-session.json".to_owned());
    }
    let store = from.join("matrix-store");
    if store.is_dir() {
        std::fs::create_dir_all(to.join("matrix-store"))?;
        for entry in std::fs::read_dir(&store)? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if name.ends_with("-wal") || name.ends_with("-shm") || !path.is_file() {
                continue;
            }
            let target = to.join("matrix-store").join(&name);
            if name.ends_with(".sqlite3") {
                copy_sqlite(&path, &target).await?;
            } else {
                std::fs::copy(&path, &target)?;
            }
            copied.push(format!("matrix-store/{name}"));
        }
    }
    Ok(copied)
}

/// Runs `peerlink backup <dir>`.
pub async fn backup(settings: &Settings, dir: &Path) -> anyhow::Result<ExitCode> {
    empty_or_new(dir)?;
    let url = &settings.database.url;
    let kind = DatabaseKind::from_url(url)?;
    let mut files = Vec::new();
    match kind {
        DatabaseKind::Sqlite => {
            let Some(path) = sqlite_path(url)? else {
                bail!("an in-memory database has nothing to back up");
            };
            copy_sqlite(&path, &dir.join(SQLITE_FILE)).await?;
            files.push(SQLITE_FILE.to_owned());
        }
        DatabaseKind::Postgres => {
            let target = dir.join(PG_FILE).display().to_string();
            run_tool("pg_dump", &["--format=custom", "--no-owner", "--file", &target, url])?;
            files.push(PG_FILE.to_owned());
        }
    }
    let matrix = copy_matrix_files(&settings.data_dir, &dir.join(DATA)).await?;
    files.extend(matrix.into_iter().map(|f| format!("{DATA}/{f}")));
    let manifest = Manifest {
        format: 1,
        peerlink: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: crate::domain::time::utc(crate::storage::now_ms(), "%Y-%m-%dT%H:%M:%SZ"),
        database: kind_word(kind).to_owned(),
        files,
    };
    std::fs::write(dir.join(MANIFEST), serde_json::to_string_pretty(&manifest)?)?;
    println!("Backed up into {} ({} files):", dir.display(), manifest.files.len() + 1);
    for f in &manifest.files {
        println!("  {f}");
    }
    println!("Restore it on an empty machine with `peerlink restore {}`.", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// Runs `peerlink restore <dir>`.
pub async fn restore(settings: &Settings, dir: &Path) -> anyhow::Result<ExitCode> {
    let manifest: Manifest = serde_json::from_str(
        &std::fs::read_to_string(dir.join(MANIFEST))
            .with_context(|| format!("{} is not a peerlink backup", dir.display()))?,
    )?;
    let url = &settings.database.url;
    let kind = DatabaseKind::from_url(url)?;
    if manifest.database != kind_word(kind) {
        bail!(
            "the backup holds a {} database but database.url names {}: restore into the same kind",
            manifest.database,
            kind_word(kind)
        );
    }
    let data_dir = &settings.data_dir;
    for existing in ["matrix-session.json", "matrix-store"] {
        if data_dir.join(existing).exists() {
            bail!(
                "{} already holds a Matrix session: restore onto an empty data_dir",
                data_dir.display()
            );
        }
    }
    match kind {
        DatabaseKind::Sqlite => {
            let Some(path) = sqlite_path(url)? else { bail!("cannot restore into memory") };
            if path.exists() {
                bail!("{} exists: restore into a new database file", path.display());
            }
            crate::config::ensure_parent_dir(&path)?;
            std::fs::copy(dir.join(SQLITE_FILE), &path)?;
        }
        DatabaseKind::Postgres => {
            let db = Database::connect(url, 1).await?;
            let used = db.has_tables().await?;
            db.close().await;
            if used {
                bail!("the PostgreSQL database is not empty: restore into an empty one");
            }
            let file = dir.join(PG_FILE).display().to_string();
            run_tool("pg_restore", &["--no-owner", "--exit-on-error", "--dbname", url, &file])?;
        }
    }
    copy_tree(&dir.join(DATA), data_dir)?;
    println!(
        "Restored the backup of {} into {} and {}: start it with `peerlink run`.",
        manifest.created_at,
        crate::config::redact_url(url),
        data_dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path: PathBuf = entry?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}
