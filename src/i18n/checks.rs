//! The catalog checks CI runs on every language: the same message IDs as
//! English, the same variables in each message, no message left identical
//! to English (unless listed in `locales/identical-to-english.txt`), plural
//! selectors with a variant for every CLDR category the language uses, and
//! every message rendering without a Fluent error for sample arguments,
//! plural edge values included. Each failure names the language and the
//! message.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::{Arg, Catalog};
use crate::domain::Language;

/// The numbers every plural message is rendered with.
const PLURAL_SAMPLES: [i64; 7] = [0, 1, 2, 5, 11, 21, 101];

/// What a message uses: its variables, those it selects on, and the keys of
/// each of its selectors' variants.
#[derive(Debug, Default)]
struct Shape {
    variables: BTreeSet<String>,
    selectors: BTreeSet<String>,
    variant_keys: Vec<(String, BTreeSet<String>)>,
    text: String,
}

fn walk_pattern(pattern: &Pattern<&str>, shape: &mut Shape) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => shape.text.push_str(value),
            PatternElement::Placeable { expression } => walk_expression(expression, shape),
        }
    }
}

fn walk_expression(expression: &Expression<&str>, shape: &mut Shape) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, shape),
        Expression::Select { selector, variants } => {
            walk_inline(selector, shape);
            if let InlineExpression::VariableReference { id } = selector {
                shape.selectors.insert(id.name.to_owned());
                let keys = variants
                    .iter()
                    .map(|v| match &v.key {
                        fluent_syntax::ast::VariantKey::Identifier { name } => (*name).to_owned(),
                        fluent_syntax::ast::VariantKey::NumberLiteral { value } => {
                            (*value).to_owned()
                        }
                    })
                    .collect();
                shape.variant_keys.push((id.name.to_owned(), keys));
            }
            for variant in variants {
                walk_pattern(&variant.value, shape);
            }
        }
    }
}

fn walk_inline(inline: &InlineExpression<&str>, shape: &mut Shape) {
    match inline {
        InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, shape),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, shape);
            }
        }
        _ => {}
    }
}

/// Every message of `language`'s catalog, by ID.
fn shapes(language: Language) -> BTreeMap<String, Shape> {
    let source = Catalog::source(language);
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{language}: the catalog does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut shape = Shape::default();
            if let Some(value) = &message.value {
                walk_pattern(value, &mut shape);
            }
            out.insert(message.id.name.to_owned(), shape);
        }
    }
    out
}

/// `(language, id)` pairs (`*` for every language) meant to read as in English.
fn identical_allowed() -> BTreeSet<(String, String)> {
    include_str!("../../locales/identical-to-english.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(char::is_whitespace))
        .map(|(lang, id)| (lang.to_owned(), id.trim().to_owned()))
        .collect()
}

fn plural_rules(language: Language) -> PluralRules {
    // CLDR's plural rules are by language (`zh`, not `zh-Hans`).
    let primary = language.code().split('-').next().unwrap_or_default();
    let langid: unic_langid::LanguageIdentifier = primary.parse().expect("a valid language tag");
    PluralRules::create(langid, PluralRuleType::CARDINAL).expect("CLDR has the language's rules")
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[test]
fn every_catalog_has_exactly_the_english_messages_with_the_same_variables() {
    let english = shapes(Language::En);
    assert!(english.len() > 100, "the English catalog looks empty");
    let mut problems = Vec::new();
    for language in Language::ALL {
        let theirs = shapes(language);
        for id in english.keys().filter(|id| !theirs.contains_key(*id)) {
            problems.push(format!("{language}: `{id}` is missing"));
        }
        for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{language}: `{id}` is not in the English catalog"));
        }
        for (id, shape) in &theirs {
            let Some(en) = english.get(id) else { continue };
            if shape.variables != en.variables {
                let (ours, want) = (&shape.variables, &en.variables);
                problems.push(format!("{language}: `{id}` uses {ours:?}, English {want:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "catalog problems:\n{}", problems.join("\n"));
}

#[test]
fn no_message_is_left_in_english_unless_listed() {
    let english = shapes(Language::En);
    let allowed = identical_allowed();
    let mut problems = Vec::new();
    for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        for (id, shape) in shapes(language) {
            // Messages of placeholders and punctuation only are the same
            // everywhere.
            if !shape.text.chars().any(char::is_alphabetic) {
                continue;
            }
            let listed = allowed.contains(&(language.code().to_owned(), id.clone()))
                || allowed.contains(&("*".to_owned(), id.clone()));
            if english.get(&id).is_some_and(|en| en.text == shape.text) && !listed {
                problems.push(format!("{language}: `{id}` is still the English text"));
            }
        }
    }
    assert!(problems.is_empty(), "untranslated messages:\n{}", problems.join("\n"));
}

#[test]
fn every_plural_selector_has_a_variant_for_each_category_of_its_language() {
    let mut problems = Vec::new();
    for language in Language::ALL {
        let rules = plural_rules(language);
        let needed: BTreeSet<&str> = PLURAL_SAMPLES
            .iter()
            .filter_map(|n| rules.select(*n).ok())
            .map(category_name)
            .collect();
        for (id, shape) in shapes(language) {
            for (variable, keys) in &shape.variant_keys {
                let missing: Vec<&&str> =
                    needed.iter().filter(|c| **c != "other" && !keys.contains(**c)).collect();
                if !missing.is_empty() {
                    problems.push(format!("{language}: `{id}` (on ${variable}) lacks {missing:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "plural forms missing:\n{}", problems.join("\n"));
}

#[test]
fn every_message_renders_without_errors_for_sample_arguments_and_plural_edges() {
    let catalog = Catalog::load().expect("the catalogs load");
    let mut problems = Vec::new();
    for language in Language::ALL {
        for (id, shape) in shapes(language) {
            let numbers: &[i64] = if shape.selectors.is_empty() { &[3] } else { &PLURAL_SAMPLES };
            for n in numbers {
                let args: Vec<(&str, Arg)> = shape
                    .variables
                    .iter()
                    .map(|v| {
                        let arg = if shape.selectors.contains(v) {
                            Arg::Number(*n)
                        } else {
                            Arg::Text(format!("«{v}»"))
                        };
                        (v.as_str(), arg)
                    })
                    .collect();
                let (text, errors) = catalog.render_checked(language, &id, &args);
                if !errors.is_empty() {
                    problems.push(format!("{language}: `{id}` with {n}: {errors:?}"));
                }
                if text.plain.trim().is_empty() || text.plain.contains('{') {
                    problems.push(format!("{language}: `{id}` renders as {:?}", text.plain));
                }
            }
        }
    }
    assert!(problems.is_empty(), "rendering problems:\n{}", problems.join("\n"));
}
