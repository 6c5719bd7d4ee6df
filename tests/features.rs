//! The optional `serde` and `schemars` features.
#![cfg(all(feature = "serde", feature = "schemars", not(lems_custom_content)))]

use lems_treatments::{Caution, Region, Treatment};

#[test]
fn serde_writes_ids_and_reads_ids_names_and_brands_in_any_case() {
    assert_eq!(
        serde_json::to_string(&Treatment::Amifampridine)
            .ok()
            .as_deref(),
        Some("\"amifampridine\"")
    );
    assert_eq!(
        serde_json::to_string(&[Region::UnitedStates])
            .ok()
            .as_deref(),
        Some("[\"us\"]")
    );
    for text in [
        "\"amifampridine\"",
        "\"Firdapse\"",
        "\"FIRDAPSE\"",
        "\"Amifampridine\"",
    ] {
        assert_eq!(
            serde_json::from_str::<Treatment>(text).ok(),
            Some(Treatment::Amifampridine),
            "{text}"
        );
    }
    let err = serde_json::from_str::<Treatment>("\"aspirin\"")
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
