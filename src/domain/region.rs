//! Regions: each UN member state belongs to exactly one regional
//! peer-learning room.

use std::collections::{BTreeMap, HashMap};

use super::CountryCode;

/// A region's identifier, a slug such as `africa` or `grulac`.
pub type RegionId = String;

/// Text in several languages, keyed by language code (`en`, `fr`, `es`, `pt`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// The text in `language`, else in English, else any.
    pub fn get(&self, language: &str) -> &str {
        self.0
            .get(language)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

/// One region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Slug, unique.
    pub id: RegionId,
    /// Display names.
    pub names: LocalizedText,
    /// Member states.
    pub countries: Vec<CountryCode>,
}

/// A problem in a set of regions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    /// Two regions share an ID.
    #[error("the region id `{0}` is used twice")]
    DuplicateId(RegionId),
    /// A region ID is not a slug.
    #[error("the region id `{0}` must be lowercase letters, digits and dashes")]
    BadId(RegionId),
    /// A region has no English name.
    #[error("the region `{0}` has no English name (name.en)")]
    NoEnglishName(RegionId),
    /// A state appears in two regions (or twice in one).
    #[error("{country} is listed in both `{first}` and `{second}`; a state belongs to one region")]
    CountryInTwoRegions {
        /// The state.
        country: CountryCode,
        /// The first region listing it.
        first: RegionId,
        /// The second.
        second: RegionId,
    },
}

/// All regions, with a lookup from state to region.
#[derive(Debug, Clone, Default)]
pub struct RegionMap {
    regions: Vec<Region>,
    by_country: HashMap<CountryCode, usize>,
}

impl RegionMap {
    /// Checks and indexes `regions`; every problem is reported.
    pub fn new(regions: Vec<Region>) -> Result<Self, Vec<RegionError>> {
        let mut errors = Vec::new();
        let mut by_country: HashMap<CountryCode, usize> = HashMap::new();
        for (index, region) in regions.iter().enumerate() {
            if regions[..index].iter().any(|r| r.id == region.id) {
                errors.push(RegionError::DuplicateId(region.id.clone()));
            }
            let slug = !region.id.is_empty()
                && region
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !slug {
                errors.push(RegionError::BadId(region.id.clone()));
            }
            if !region.names.0.contains_key("en") {
                errors.push(RegionError::NoEnglishName(region.id.clone()));
            }
            for country in &region.countries {
                if let Some(&first) = by_country.get(country) {
                    errors.push(RegionError::CountryInTwoRegions {
                        country: *country,
                        first: regions[first].id.clone(),
                        second: region.id.clone(),
                    });
                } else {
                    by_country.insert(*country, index);
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { regions, by_country })
        } else {
            Err(errors)
        }
    }

    /// The regions, in configuration order.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The region of `country`, if any.
    pub fn region_of(&self, country: CountryCode) -> Option<&Region> {
        self.by_country.get(&country).map(|&i| &self.regions[i])
    }

    /// The region with `id`.
    pub fn get(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// Finds a region by ID or by any of its names, ignoring case.
    /// The IDs of the regions `typed` names (IDs or names, see
    /// [`Self::find`]; blank words skipped), or the first word that names none.
    pub fn ids_of<'a>(
        &self,
        typed: impl IntoIterator<Item = &'a String>,
    ) -> Result<std::collections::BTreeSet<RegionId>, &'a String> {
        typed
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| self.find(t).map(|r| r.id.clone()).ok_or(t))
            .collect()
    }

    pub fn find(&self, query: &str) -> Option<&Region> {
        let q = query.trim().to_lowercase();
        self.regions.iter().find(|r| r.id == q || r.names.0.values().any(|n| n.to_lowercase() == q))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: &str, countries: &[&str]) -> Region {
        Region {
            id: id.into(),
            names: LocalizedText([("en".to_owned(), format!("Region {id}"))].into()),
            countries: countries.iter().map(|c| CountryCode::parse(c).unwrap()).collect(),
        }
    }

    #[test]
    fn a_state_in_two_regions_is_rejected_with_both_names() {
        let err =
            RegionMap::new(vec![region("a", &["MA"]), region("b", &["PT", "MA"])]).unwrap_err();
        assert_eq!(err.len(), 1);
        let text = err[0].to_string();
        assert!(text.contains("MA") && text.contains("`a`") && text.contains("`b`"), "{text}");
    }

    #[test]
    fn duplicate_and_malformed_ids_are_rejected() {
        let err = RegionMap::new(vec![region("a", &[]), region("a", &[]), region("Bad Id", &[])])
            .unwrap_err();
        assert!(err.contains(&RegionError::DuplicateId("a".into())));
        assert!(err.contains(&RegionError::BadId("Bad Id".into())));
    }

    #[test]
    fn states_are_found_in_their_region_and_regions_by_name() {
        let map = RegionMap::new(vec![region("a", &["MA"]), region("b", &["PT"])]).unwrap();
        let pt = CountryCode::parse("PT").unwrap();
        assert_eq!(map.region_of(pt).unwrap().id, "b");
        assert_eq!(map.find("REGION A").unwrap().id, "a");
        assert!(map.region_of(CountryCode::parse("PY").unwrap()).is_none());
    }

    #[test]
    fn localized_text_falls_back_to_english() {
        let text =
            LocalizedText([("en".into(), "Africa".into()), ("fr".into(), "Afrique".into())].into());
        assert_eq!(text.get("fr"), "Afrique");
        assert_eq!(text.get("pt"), "Africa");
    }
}
