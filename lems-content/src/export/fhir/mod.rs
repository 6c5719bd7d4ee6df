//! The HL7 FHIR R5 export: one file per kind of resource (a treatment's
//! `Medication`, `MedicationKnowledge` or `ActivityDefinition`, its
//! indications, each caution, each population `Group`), the narrative and
//! codes they share, and the `Bundle` that holds them.

mod caution;
mod codes;
mod group;
pub mod ids;
mod indication;
mod narrative;
mod treatment;

use lems_treatments_build::relations::Relations;
use lems_treatments_build::Content;
use serde::Serialize;
use serde_json::{json, Value};

use group::Groups;
use ids::entry;

/// An HL7 FHIR R5 `Bundle` (type `collection`): a `Medication` and a
/// `MedicationKnowledge` per medicine, an `ActivityDefinition` per other
/// treatment, a `ClinicalUseDefinition` per caution and per indication (one
/// per regulatory approval that names a population), and a `Group` per
/// population a use is limited to. Every entry has a deterministic
/// `urn:uuid:` `fullUrl`, references use it, and every resource carries a
/// narrative with its sources, review date and the disclaimer.
pub fn bundle(c: &Content) -> Value {
    let rel = Relations::of(c);
    let mut groups = Groups::default();
    let mut entries = Vec::new();
    for (id, l) in &c.treatments {
        entries.extend(treatment::entries(c, &rel, &mut groups, id, &l.item));
    }
    for (id, l) in &c.cautions {
        let r = caution::clinical_use(c, &rel, &mut groups, id, &l.item);
        entries.push(entry(r));
    }
    entries.extend(groups.resources().map(entry));
    json!({
        "resourceType": "Bundle",
        "id": "lems-treatments",
        "type": "collection",
        "entry": entries,
    })
}

/// Serializes JSON with `resourceType` first in every object (FHIR's JSON
/// convention), the other keys in their usual order.
struct ResourceTypeFirst<'a>(&'a Value);

impl Serialize for ResourceTypeFirst<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Value::Object(map) => {
                let mut m = serializer.serialize_map(Some(map.len()))?;
                if let Some(rt) = map.get("resourceType") {
                    m.serialize_entry("resourceType", rt)?;
                }
                for (k, v) in map.iter().filter(|(k, _)| *k != "resourceType") {
                    m.serialize_entry(k, &ResourceTypeFirst(v))?;
                }
                m.end()
            }
            Value::Array(items) => {
                let mut s = serializer.serialize_seq(Some(items.len()))?;
                for v in items {
                    s.serialize_element(&ResourceTypeFirst(v))?;
                }
                s.end()
            }
            other => other.serialize(serializer),
        }
    }
}

/// The FHIR export as pretty JSON with a final newline, `resourceType` first.
pub fn text(c: &Content) -> String {
    let mut s = serde_json::to_string_pretty(&ResourceTypeFirst(&bundle(c))).unwrap_or_default();
    s.push('\n');
    s
}
