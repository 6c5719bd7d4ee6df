//! The Markdown export: the guide, from the same renderer the crate and the
//! review snapshots use.

use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::Content;

/// The Markdown guide: the same renderer the crate and the review snapshots use.
pub fn text(c: &Content) -> String {
    let rel = Relations::of(c);
    View::new(c, &rel).guide()
}
