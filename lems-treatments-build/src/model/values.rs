//! The checked value types every file uses: ids, texts and dates, each read
//! through the rules in [`super`] so that a bad value fails where it is read,
//! with or without the schema pass.

#[cfg(feature = "schema")]
use std::borrow::Cow;

#[cfg(feature = "schema")]
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::{date_problem, id_problem, real_day, text_problem, web_address_problem};
#[cfg(feature = "schema")]
use super::{DATE_PATTERN, ID_PATTERN, PARTIAL_DATE_PATTERN, WEB_ADDRESS_MAX, WEB_ADDRESS_PATTERN};

/// An identifier: lowercase `snake_case`, for example `pyridostigmine`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match id_problem(&s) {
            None => Ok(Id(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "minLength": 1,
            "maxLength": 64,
        })
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text a reader sees: at least one visible character.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match text_problem(&s) {
            None => Ok(Text(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "pattern": "\\S",
        })
    }
}

impl Text {
    /// The text itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Date(pub String);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match date_problem(&s) {
            None => Ok(Date(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
        })
    }
}

/// A date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PartialDate(pub String);

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let full = match s.len() {
            4 => format!("{s}-01-01"),
            7 => format!("{s}-01"),
            _ => s.clone(),
        };
        let parts: Vec<u32> = full.split('-').filter_map(|p| p.parse().ok()).collect();
        let ok = date_problem(&full).is_none()
            && matches!(parts.as_slice(), [y, m, d] if real_day(*y, *m, *d));
        if ok {
            Ok(PartialDate(s))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{s}` is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
            )))
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for PartialDate {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
        })
    }
}

/// A source's web address, `https://…`, as the source gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct WebAddress(pub String);

impl WebAddress {
    /// The address as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for WebAddress {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match web_address_problem(&s) {
            None => Ok(WebAddress(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for WebAddress {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "WebAddress".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": WEB_ADDRESS_PATTERN,
            "maxLength": WEB_ADDRESS_MAX,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_are_checked() {
        let ok = |s: &str| {
            serde_json::from_value::<PartialDate>(serde_json::Value::String(s.into())).is_ok()
        };
        assert!(ok("2009") && ok("2009-12") && ok("2018-11-28"));
        assert!(!ok("2009-13") && !ok("2018-02-30") && !ok("09-12") && !ok("December 2009"));
    }

    #[test]
    fn web_addresses_are_https_and_plain() {
        let ok = |s: &str| {
            serde_json::from_value::<WebAddress>(serde_json::Value::String(s.into())).is_ok()
        };
        assert!(ok("https://example.org") && ok("https://www.example.org/a/b?c=1&d=(2)#e"));
        assert!(ok("https://example.org:8443/label"));
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "https://localhost/x",
            "https://example.org/a b",
            "https://example.org/\"<script>",
            "https://example.org/'x'",
            "https://exa_mple.org/",
            "https://example.org:/x",
            "https://example..org/",
        ] {
            assert!(!ok(bad), "{bad} was accepted");
        }
        assert!(!ok(&format!("https://example.org/{}", "a".repeat(2000))));
    }

    /// The regex and the hand-written check are the same rule.
    #[cfg(all(feature = "schema", feature = "schema-validation"))]
    #[test]
    fn the_pattern_and_the_check_agree() {
        let schema = serde_json::json!({ "type": "string", "pattern": WEB_ADDRESS_PATTERN });
        let v = jsonschema::validator_for(&schema).expect("pattern");
        for s in [
            "https://example.org",
            "https://a.b.c/d?e#f",
            "http://example.org",
            "https://localhost",
            "https://example.org/a b",
            "https://example.org:99999/",
            "https://example.org:999999/",
            "https://ex ample.org",
            "https://example.org/<",
            "https://-.org",
        ] {
            assert_eq!(
                v.is_valid(&serde_json::Value::String(s.into())),
                web_address_problem(s).is_none(),
                "pattern and check disagree on {s}"
            );
        }
    }
}
