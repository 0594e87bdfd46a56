//! The names and topics of the rooms provisioning makes: the network's rooms
//! in their configured languages (observer states named), working rooms
//! after their request.

use std::collections::BTreeMap;

use super::{Provisioner, Working};
use crate::domain::{CountryCode, Language, Request, RoomKind, Roster, Status};
use crate::i18n::Arg;

impl Provisioner {
    /// The room's name (in the configured language) and topic (in every
    /// language of the catalog, the configured one first). The plenary and
    /// regional rooms' topics name their observer states, so everyone sees
    /// who takes part as an observer.
    pub(super) fn texts(
        &self,
        kind: &RoomKind,
        roster: &Roster,
        working: &BTreeMap<i64, Working>,
    ) -> (String, String) {
        if let RoomKind::Working(id) = kind {
            if let Some(w) = working.get(id) {
                return self.working_texts(kind, &w.request);
            }
        }
        let languages = self.languages(kind);
        let (prefix, region) = match kind {
            RoomKind::Space => ("room-space", None),
            RoomKind::Plenary => ("room-plenary", None),
            RoomKind::Committee | RoomKind::Working(_) => ("room-committee", None),
            RoomKind::Regional(id) => ("room-regional", self.network.regions.get(id)),
        };
        let observers: Vec<CountryCode> = roster
            .states
            .values()
            .filter(|s| s.status == Status::Observer)
            .filter(|s| match kind {
                RoomKind::Plenary => true,
                RoomKind::Regional(_) => region.is_some_and(|r| r.countries.contains(&s.code)),
                _ => false,
            })
            .map(|s| s.code)
            .collect();
        let args = |lang: Language| {
            let mut args = vec![
                ("network", Arg::Text(self.network.short_name.get(lang.code()).to_owned())),
                ("network_full", Arg::Text(self.network.name.get(lang.code()).to_owned())),
            ];
            if let Some(region) = region {
                args.push(("region", Arg::Text(region.names.get(lang.code()).to_owned())));
            }
            args
        };
        let named_in = languages.first().copied().unwrap_or(self.language);
        let name = self.catalog.render(named_in, &format!("{prefix}-name"), &args(named_in));
        let topics: Vec<String> = languages
            .iter()
            .map(|&lang| {
                let mut topic =
                    self.catalog.render(lang, &format!("{prefix}-topic"), &args(lang)).plain;
                if !observers.is_empty() {
                    let names: Vec<String> =
                        observers.iter().map(|c| c.name(lang.code())).collect();
                    let line = self.catalog.render(
                        lang,
                        "room-observers",
                        &[("states", Arg::Text(names.join(", ")))],
                    );
                    topic.push(' ');
                    topic.push_str(&line.plain);
                }
                topic
            })
            .collect();
        (name.plain, topics.join("\n"))
    }

    /// A working room's name (its request's number and title) and topic (in
    /// each of its languages).
    fn working_texts(&self, kind: &RoomKind, request: &Request) -> (String, String) {
        let languages = self.languages(kind);
        let title: String = request.title.chars().take(80).collect();
        let name = format!("#{} · {title}", request.id);
        let topics: Vec<String> = languages
            .iter()
            .map(|&lang| {
                let args = [
                    ("number", Arg::Text(format!("#{}", request.id))),
                    ("state", Arg::Text(request.requesting_state.name(lang.code()))),
                    ("command", Arg::Text("!update".to_owned())),
                ];
                self.catalog.render(lang, "room-working-topic", &args).plain
            })
            .collect();
        (name, topics.join("\n"))
    }

    /// The languages of a room's texts: its configured ones, else every
    /// catalog language (the default one first).
    fn languages(&self, kind: &RoomKind) -> Vec<Language> {
        let mut languages = self.network.rooms.policy(kind).languages.clone();
        if languages.is_empty() {
            languages.push(self.language);
            languages.extend(Language::ALL.into_iter().filter(|l| *l != self.language));
        }
        languages
    }
}
