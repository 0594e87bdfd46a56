//! `peerlink partner add|update|remove`: partners (organisations that are
//! not states) from the command line, through the same roster use cases
//! and history as states (`peerlink delegate add <partner> @user` seats
//! their delegates).

use std::collections::BTreeSet;
use std::process::ExitCode;

use clap::Subcommand;

use super::roster::{actor, parse_language, print_changes, writer};
use crate::config::Settings;
use crate::domain::{LocalizedText, Network, Partner, PartnerId, PartnerKind, RosterError};

/// `peerlink partner …`
#[derive(Debug, Subcommand)]
pub enum PartnerCommand {
    /// Add a partner to the roster
    Add {
        /// Its ID: 3 to 32 lowercase letters, digits or -, e.g. ohchr
        #[arg(value_parser = parse_id)]
        id: PartnerId,
        /// un_body, un_agency, state_donor, nhri, civil_society or academia
        #[arg(long, value_parser = parse_kind)]
        kind: PartnerKind,
        /// Its name in a language, as LANG=NAME (repeat for each language), e.g. en="OHCHR"
        #[arg(long = "name", value_parser = parse_name, required = true)]
        names: Vec<(String, String)>,
        /// Regional rooms its delegates join (IDs or names, comma-separated)
        #[arg(long, value_delimiter = ',')]
        regions: Vec<String>,
    },
    /// Change a partner's kind, names or regional rooms
    Update {
        /// Its ID
        #[arg(value_parser = parse_id)]
        id: PartnerId,
        /// New kind
        #[arg(long, value_parser = parse_kind)]
        kind: Option<PartnerKind>,
        /// A name to set, as LANG=NAME (repeatable; other languages' names stay)
        #[arg(long = "name", value_parser = parse_name)]
        names: Vec<(String, String)>,
        /// New regional rooms (comma-separated; `none` for none)
        #[arg(long, value_delimiter = ',')]
        regions: Option<Vec<String>>,
    },
    /// Remove a partner and its delegates
    Remove {
        /// Its ID
        #[arg(value_parser = parse_id)]
        id: PartnerId,
    },
}

fn parse_id(raw: &str) -> Result<PartnerId, String> {
    PartnerId::parse(raw).map_err(|e| e.to_string())
}

fn parse_kind(raw: &str) -> Result<PartnerKind, String> {
    PartnerKind::parse(raw).map_err(|e| e.to_string())
}

fn parse_name(raw: &str) -> Result<(String, String), String> {
    let (language, name) =
        raw.split_once('=').ok_or_else(|| "write LANG=NAME, e.g. fr=\"HCDH\"".to_owned())?;
    let name = name.trim();
    if name.is_empty() {
        return Err("the name is empty".to_owned());
    }
    Ok((parse_language(language)?, name.to_owned()))
}

/// Region IDs for the words given (IDs or names; `none` alone is none).
fn region_ids(network: &Network, words: &[String]) -> anyhow::Result<BTreeSet<String>> {
    if matches!(words, [only] if only.trim().eq_ignore_ascii_case("none")) {
        return Ok(BTreeSet::new());
    }
    network.regions.ids_of(words).map_err(|w| {
        let known: Vec<&str> = network.regions.regions().iter().map(|r| r.id.as_str()).collect();
        anyhow::anyhow!("`{w}` is not a region of the network ({})", known.join(", "))
    })
}

/// Runs `peerlink partner …`.
pub async fn partner(settings: &Settings, command: PartnerCommand) -> anyhow::Result<ExitCode> {
    let (service, _lock) = writer(settings).await?;
    let changes = match command {
        PartnerCommand::Add { id, kind, names, regions } => {
            let regions = region_ids(service.network(), &regions)?;
            let names = LocalizedText(names.into_iter().collect());
            service.edit(&actor(), |r| r.add_partner(Partner { id, kind, names, regions })).await?
        }
        PartnerCommand::Update { id, kind, names, regions } => {
            let regions = regions.map(|r| region_ids(service.network(), &r)).transpose()?;
            service
                .edit(&actor(), |r| {
                    let mut partner = r
                        .partners
                        .get(&id)
                        .cloned()
                        .ok_or_else(|| RosterError::NoSuchPartner(id.clone()))?;
                    partner.kind = kind.unwrap_or(partner.kind);
                    partner.names.0.extend(names);
                    partner.regions = regions.unwrap_or(partner.regions);
                    r.update_partner(partner)
                })
                .await?
        }
        PartnerCommand::Remove { id } => service.edit(&actor(), |r| r.remove_partner(&id)).await?,
    };
    print_changes(&changes, false);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lang_equals_name_and_regions_are_read_by_id_or_name() {
        assert_eq!(parse_name("FR= HCDH ").unwrap(), ("fr".to_owned(), "HCDH".to_owned()));
        assert!(parse_name("HCDH").is_err());
        assert!(parse_name("xx=HCDH").is_err());
        assert!(parse_name("fr=  ").is_err());
        let network = crate::config::load_network(None).unwrap();
        let ids = region_ids(&network, &["Africa".into(), "asia-pacific".into()]).unwrap();
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["africa", "asia-pacific"]);
        assert!(region_ids(&network, &["none".into()]).unwrap().is_empty());
        let err = region_ids(&network, &["atlantis".into()]).unwrap_err().to_string();
        assert!(err.contains("atlantis") && err.contains("africa"), "{err}");
    }
}
