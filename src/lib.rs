//! peerlink: a Matrix bot and service layer for the International Network of
//! National Mechanisms for Implementation, Reporting and Follow-up (NMIRFs).
//!
//! The crate is layered so that each concern has one home:
//!
//! - [`domain`]: pure types and rules (no tokio, sqlx or matrix-sdk).
//! - [`commands`]: the chat command grammar, text in, typed commands out.
//! - [`service`]: use cases; they decide what to do and what to say.
//! - [`matrix`]: the Matrix client, sync loop, event handlers and sending.
//! - [`storage`]: the database (SQLite or PostgreSQL) behind one type.
//! - [`http`]: health, Prometheus metrics and the read-only JSON API.
//! - [`i18n`]: the message catalog (Fluent); every user-facing string lives there.
//! - [`config`], [`telemetry`], [`cli`] and [`app`]: the process around it all.
//! - [`fault`]: crash points that the fault-injection tests arm.
//!
//! Layers talk one way: `matrix`/`cli` -> `service` -> `domain`, and
//! `service` -> `storage`.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod domain;
pub mod fault;
pub mod http;
pub mod i18n;
pub mod leader;
pub mod matrix;
pub mod service;
pub mod storage;
pub mod telemetry;
