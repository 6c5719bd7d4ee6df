//! `lems-content diff`'s own room: the two sides it compares (git revisions
//! or content folders), the report it makes of them, the `--check-version`
//! verdict, and the report as text (human, Markdown, JSON).
//!
//! The comparison and the policy table live in
//! `lems_treatments_build::diff`; here the sides are found and loaded, and
//! the [`report::DiffReport`] is plain serializable data every format reads
//! (the HTML site too, in `site/diff.rs`).

pub mod git;
pub mod human;
pub mod json;
pub mod markdown;
pub mod mentions;
pub mod report;
pub mod sides;
pub mod verdict;
pub mod version;
