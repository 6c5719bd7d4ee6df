//! [`Citation`]: one item of a `sources:` list, a source's id alone or the
//! source with where in it the statements come from (its locator, `at:`).
//! Fields that cite one source (`source:`) take the same locator as a
//! sibling field `at:`; [`Citation::of`] joins the two into this one type.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Text};

/// A source cited as a whole (`lems_treatment_article`) or at a place in it
/// (`{source: lems_treatment_article, at: "Immune therapy"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Citation {
    /// The id of a source (a file in `data/sources/`), cited as a whole.
    Whole(Id),
    /// A source and where in it the statements come from.
    At(Located),
}

/// A source and where in it: the article's section heading, a label's
/// section number, or a code table's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Located {
    /// The id of the source (a file in `data/sources/`).
    pub source: Id,
    /// Where in the source: one entry of that source's `outline:` (for the article a section heading such as `Immune therapy`, for a label a section number such as `5.1`). `lems-content check` refuses one the source does not declare.
    pub at: Text,
}

impl Citation {
    /// A citation of `source`, at `at` when given (the `source:` and `at:`
    /// fields of a fact).
    pub fn of(source: &Id, at: Option<&Text>) -> Citation {
        match at {
            Some(at) => Citation::At(Located {
                source: source.clone(),
                at: at.clone(),
            }),
            None => Citation::Whole(source.clone()),
        }
    }

    /// The id of the cited source.
    pub fn source(&self) -> &Id {
        match self {
            Citation::Whole(id) => id,
            Citation::At(l) => &l.source,
        }
    }

    /// Where in the source, when the citation says.
    pub fn at(&self) -> Option<&Text> {
        match self {
            Citation::Whole(_) => None,
            Citation::At(l) => Some(&l.at),
        }
    }
}

/// A citation reads as the id of its source wherever an id is expected.
impl std::ops::Deref for Citation {
    type Target = Id;
    fn deref(&self) -> &Id {
        self.source()
    }
}

/// The ids of a list of citations, in order.
pub fn cited_ids(sources: &[Citation]) -> Vec<Id> {
    sources.iter().map(|s| s.source().clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_id_and_a_located_item_both_read() {
        let v: Vec<Citation> =
            serde_json::from_str(r#"["article", {"source": "label", "at": "5.1"}]"#)
                .unwrap_or_default();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].source().0, "article");
        assert_eq!(v[0].at(), None);
        assert_eq!(v[1].source().0, "label");
        assert_eq!(v[1].at().map(Text::as_str), Some("5.1"));
    }

    #[test]
    fn an_unknown_key_beside_source_is_refused() {
        let v: Result<Citation, _> = serde_json::from_str(r#"{"source": "label", "where": "5.1"}"#);
        assert!(v.is_err());
    }
}
