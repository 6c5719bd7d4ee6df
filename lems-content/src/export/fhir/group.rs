//! `Group` resources: who a use applies to (a region, an age group or a
//! lowest age), each made once however many uses name it.

use lems_treatments_build::model::{ClosedSet, Population, Region};
use lems_treatments_build::Content;
use serde_json::{json, Value};

use super::codes::jurisdiction;
use super::ids::full_url;
use super::narrative::narrative;

/// The groups the bundle's uses name, in the order they were first named.
#[derive(Default)]
pub(super) struct Groups(Vec<(String, Value)>);

impl Groups {
    /// The `fullUrl` of group `id`, made on first use.
    pub(super) fn url(
        &mut self,
        c: &Content,
        id: String,
        region: Region,
        population: Option<&Population>,
    ) -> String {
        if !self.0.iter().any(|(g, _)| *g == id) {
            let g = population_group(c, &id, region, population);
            self.0.push((id.clone(), g));
        }
        full_url("Group", &id)
    }

    /// Every group resource, in the order first named.
    pub(super) fn resources(self) -> impl Iterator<Item = Value> {
        self.0.into_iter().map(|(_, g)| g)
    }
}

/// A `Group` that describes who a use applies to: a region and, where the
/// source narrows it, an age group or a lowest age.
fn population_group(
    c: &Content,
    id: &str,
    region: Region,
    population: Option<&Population>,
) -> Value {
    let mut characteristic = vec![json!({
        "code": {"text": "jurisdiction"},
        "valueCodeableConcept": jurisdiction(region),
        "exclude": false,
    })];
    let mut words = format!("People in the {}", region.label());
    if let Some(p) = population {
        words.push_str(&format!(": {}", p.text.as_str()));
        characteristic.push(match p.min_age_years {
            Some(age) => json!({
                "code": {"text": "age"},
                "valueRange": {"low": {"value": age, "unit": "years", "system": "http://unitsofmeasure.org", "code": "a"}},
                "exclude": false,
            }),
            None => json!({
                "code": {"text": "age group"},
                "valueCodeableConcept": {"text": p.text.as_str()},
                "exclude": false,
            }),
        });
    }
    json!({
        "resourceType": "Group",
        "id": id,
        "text": narrative(c, std::slice::from_ref(&words), None),
        "type": "person",
        "membership": "definitional",
        "name": words,
        "characteristic": characteristic,
    })
}
