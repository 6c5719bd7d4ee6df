//! The optional `serde` and `schemars` features.
#![cfg(all(feature = "serde", feature = "schemars", not(lems_custom_content)))]

use lems_treatments::{Caution, Region, Treatment};

#[test]
fn serde_writes_ids_and_reads_ids_names_and_brands_in_any_case() {
    assert_eq!(
        serde_json::to_string(&[Region::UnitedStates])
            .ok()
            .as_deref(),
        Some("[\"us\"]")
    );
    for t in Treatment::ALL {
        let json = serde_json::to_string(t).unwrap_or_default();
        assert_eq!(
            json,
            format!("\"{}\"", t.id()),
            "{t:?} serializes as its id"
        );
        let keys = [t.id(), t.name()]
            .into_iter()
            .chain(t.brand_names().iter().copied())
            .chain(t.synonyms().iter().copied());
        for key in keys {
            let mut texts = vec![serde_json::to_string(key).unwrap_or_default()];
            if key.is_ascii() {
                texts.push(serde_json::to_string(&key.to_ascii_uppercase()).unwrap_or_default());
            }
            for text in texts {
                assert_eq!(
                    serde_json::from_str::<Treatment>(&text).ok(),
                    Some(*t),
                    "{text}"
                );
            }
        }
    }
    // No content text holds a control character (E0206), so this is never a key.
    let err = serde_json::from_str::<Treatment>("\"aspirin\\u0007\"")
        .map(|_| ())
        .unwrap_err();
    assert!(
        err.to_string().contains("the id or name of a Treatment"),
        "{err}"
    );
    for c in Caution::ALL {
        let json = serde_json::to_string(c).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Caution>(&json).ok(), Some(*c));
    }
}

#[test]
fn schemars_lists_every_id() {
    let schema = schemars::schema_for!(Treatment).to_value();
    let ids: Vec<&str> = schema["enum"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ids,
        Treatment::ALL.iter().map(|t| t.id()).collect::<Vec<_>>()
    );
}

/// Every record serializes with the field names of the content model (the
/// YAML files, and so the JSON export), so an app can serve the content as
/// JSON from the crate alone: compared here with the model read from `data/`.
#[test]
fn records_serialize_like_the_content_model() {
    use lems_treatments::CONDITION;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(root),
        lems_treatments_build::SchemaCheck::Validate,
    );
    let content = report.content.expect("clean content");
    let json = |v: serde_json::Result<serde_json::Value>| v.expect("serializes");
    assert_eq!(
        json(serde_json::to_value(CONDITION)),
        json(serde_json::to_value(&content.condition.item)),
        "the condition"
    );
    for t in Treatment::ALL {
        let y = &content.treatments[t.id()].item;
        assert_eq!(
            json(serde_json::to_value(t.codes())),
            json(serde_json::to_value(&y.codes)),
            "{t:?} codes"
        );
        assert_eq!(
            json(serde_json::to_value(t.brands())),
            json(serde_json::to_value(&y.brands)),
            "{t:?} brands"
        );
        assert_eq!(
            json(serde_json::to_value(t.regulatory())),
            json(serde_json::to_value(&y.regulatory)),
            "{t:?} regulatory"
        );
    }
}
