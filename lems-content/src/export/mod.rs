//! Exports of the checked content (the same model and renderer the crate is
//! generated from, so `lems-content` needs no compiled content): JSON in the
//! content model's own shape, an HL7 FHIR R5 Bundle, and the Markdown guide,
//! one file each. Every output is deterministic: same bytes every run.

pub mod fhir;
pub mod json;
pub mod markdown;
pub mod review;
