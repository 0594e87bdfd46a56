//! The network's memory: what requests, outcomes and practices are about
//! (SDG goals and targets, themes and concerned groups, UN recommendations)
//! and what people type to search it.
//!
//! Everything here is pure: the SDG catalog is compiled in, the themes come
//! from configuration, and the search engines themselves live in storage.

pub mod experts;
pub mod guidance;
pub mod practice;
pub mod query;
pub mod reference;
pub mod sdg;
pub mod tags;
pub mod theme;

pub use experts::{Asker, Delivery, Expert, Profile};
pub use guidance::{Document, Library, Section, Version};
pub use practice::{NewPractice, Practice};
pub use query::{excerpt, fold, QueryProblem, SearchQuery};
pub use reference::{Mechanism, Reference, ReferenceError};
pub use sdg::{SdgCode, SDG};
pub use tags::{RawTags, TagProblem, Tags};
pub use theme::{Taxonomy, Theme, ThemeKind};
