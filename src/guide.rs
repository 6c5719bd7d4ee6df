//! Readable renderings of the content (Markdown). They are rendered at build
//! time by `lems-treatments-build`'s renderer, the same one the editors' tool
//! (`lems-content show`, `export --format markdown`) and the review snapshots
//! use, so what a reviewer approves is byte for byte what an app shows.

use core::fmt::{self, Display, Formatter};

use crate::{Category, Treatment, DISCLAIMER_MARKDOWN, GUIDE_HEAD, GUIDE_TAIL};

/// One treatment as a reader sees it: see [`Treatment::card`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TreatmentCard(pub Treatment);

/// The whole guide: the disclaimer, the condition, every class with its
/// treatments, the sources, and the disclaimer again. See [`guide`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Guide;

/// The whole content as a readable Markdown guide.
///
/// ```
/// let text = lems_treatments::guide().to_string();
/// for t in lems_treatments::Treatment::ALL {
///     let card = t.card().to_string();
///     let heading = card.lines().next().unwrap_or_default();
///     assert!(text.contains(heading), "every treatment's card is in the guide");
/// }
/// ```
pub const fn guide() -> Guide {
    Guide
}

impl Treatment {
    /// This treatment as a reader sees it, in Markdown.
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// for t in Treatment::ALL {
    ///     let card = t.card().to_string();
    ///     assert!(card.starts_with("## "), "its name is the heading");
    /// }
    /// ```
    pub const fn card(self) -> TreatmentCard {
        TreatmentCard(self)
    }
}

/// The guide's card with the disclaimer under its title, exactly as the
/// renderer's `View::card` (each card's text is stored once).
impl Display for TreatmentCard {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let text = self.0.guide_card_markdown();
        let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
        f.write_str(title)?;
        f.write_str("\n\n")?;
        f.write_str(DISCLAIMER_MARKDOWN)?;
        f.write_str(rest)
    }
}

/// Composed from the rendered parts exactly as the renderer's `guide()` does.
impl Display for Guide {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(GUIDE_HEAD)?;
        for cat in Category::IN_GUIDE_ORDER {
            f.write_str(cat.guide_section())?;
            for t in Treatment::ALL.iter().filter(|t| t.category() == *cat) {
                f.write_str("\n")?;
                f.write_str(t.guide_card_markdown())?;
            }
        }
        f.write_str(GUIDE_TAIL)
    }
}

/// Serialized as `{"id": …, "markdown": …}`: the treatment's id and the card
/// as [`Display`] writes it (streamed to the serializer, not collected first).
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for TreatmentCard {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("TreatmentCard", 2)?;
        out.serialize_field("id", &self.0)?;
        out.serialize_field("markdown", &AsText(self))?;
        out.end()
    }
}

/// Serialized as the whole content an app serves: the content version, the
/// disclaimer, the condition, every treatment's [`record`](Treatment::record)
/// in [`Treatment::ALL`] order, and the guide's Markdown.
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Guide {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Records;
        impl serde::Serialize for Records {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(Treatment::ALL.iter().map(|t| t.record()))
            }
        }
        let mut out = s.serialize_struct("Guide", 5)?;
        out.serialize_field("content_version", crate::CONTENT_VERSION)?;
        out.serialize_field("disclaimer", crate::DISCLAIMER)?;
        out.serialize_field("condition", &crate::CONDITION)?;
        out.serialize_field("treatments", &Records)?;
        out.serialize_field("markdown", &AsText(self))?;
        out.end()
    }
}

/// A [`Display`] value serialized as a string, written straight to the serializer.
#[cfg(feature = "serde")]
struct AsText<'a, T: Display>(&'a T);

#[cfg(feature = "serde")]
impl<T: Display> serde::Serialize for AsText<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}
