//! How resources are named and referenced: FHIR ids, deterministic
//! `urn:uuid:` `fullUrl`s, references and bundle entries.

use lems_treatments_build::model::TreatmentKind;
use lems_treatments_build::Content;
use serde_json::{json, Value};

/// The FHIR `fullUrl` of the resource that stands for a treatment as a `subject`.
pub(super) fn subject(c: &Content, id: &str) -> String {
    let medicine = c
        .treatments
        .get(id)
        .is_some_and(|t| t.item.kind == TreatmentKind::Medicine);
    if medicine {
        full_url("Medication", &fhir_id(id))
    } else {
        full_url("ActivityDefinition", &fhir_id(id))
    }
}

/// FHIR ids allow `[A-Za-z0-9\-\.]{1,64}`: ours use `-` for `_`.
pub(super) fn fhir_id(s: &str) -> String {
    s.replace('_', "-")
}

/// A deterministic `urn:uuid:` for a resource, derived from its type and id
/// (two FNV-1a hashes, shaped as an RFC 9562 version 8 UUID): the same
/// content gives the same `fullUrl` every run.
pub fn full_url(kind: &str, id: &str) -> String {
    fn fnv(seed: u64, text: &str) -> u64 {
        text.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }
    let key = format!("lems-treatments/{kind}/{id}");
    let hi = fnv(0xcbf2_9ce4_8422_2325, &key);
    let lo = fnv(0x8422_2325_cbf2_9ce4, &key);
    let hi = (hi & !0xf000) | 0x8000; // version 8
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 9562 variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

pub(super) fn reference(url: String) -> Value {
    json!({ "reference": url })
}

pub(super) fn entry(resource: Value) -> Value {
    let kind = resource["resourceType"].as_str().unwrap_or_default();
    let id = resource["id"].as_str().unwrap_or_default();
    json!({ "fullUrl": full_url(kind, id), "resource": resource })
}
