//! The optional `serde` and `schemars` features, and the record, search and
//! caution origins they serve. CI runs it with `--all-features`; this
//! repository's `cargo test` turns `serde` on (the dev-dependency on itself),
//! so the record snapshots are refreshed and reviewed like the cards. Facts of
//! the real content are asserted only through those snapshots: every other
//! test compares the API with the YAML it was generated from.
#![cfg(not(lems_custom_content))]

#[cfg(feature = "serde")]
use lems_treatments::{Caution, Region, Treatment};

#[cfg(feature = "serde")]
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
        err.to_string()
            .contains("a Treatment: its id, name, synonym or brand, in any case"),
        "{err}"
    );
    for c in Caution::ALL {
        let json = serde_json::to_string(c).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Caution>(&json).ok(), Some(*c));
    }
}

#[cfg(feature = "schemars")]
#[test]
fn schemars_lists_every_id() {
    use lems_treatments::Treatment;
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
#[cfg(feature = "serde")]
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
    // The library lists the condition's sources by id; where in each source
    // (`at:`) is on its card, not in `CONDITION.sources`.
    let mut condition = json(serde_json::to_value(&content.condition.item));
    condition["sources"] = json(serde_json::to_value(
        content
            .condition
            .item
            .sources
            .iter()
            .map(|c| c.source().0.as_str())
            .collect::<Vec<_>>(),
    ));
    // `reviewed` is not a field of the file: it is derived from the review
    // records (`data/reviews.yaml`), the day of the check against the sources
    // that covers the file as it is now.
    let status = content.reviews.status(&content.condition.file);
    if let Some(day) = status.checked_on() {
        condition["reviewed"] = serde_json::Value::from(day.0.as_str());
    }
    assert_eq!(
        json(serde_json::to_value(CONDITION)),
        condition,
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

/// The checked content of `data/` with its relations.
fn content() -> (
    lems_treatments_build::Content,
    lems_treatments_build::relations::Relations,
) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(root),
        lems_treatments_build::SchemaCheck::Validate,
    );
    let content = report.content.expect("the committed content is clean");
    let relations = lems_treatments_build::relations::Relations::of(&content);
    (content, relations)
}

/// Where each caution of a treatment comes from, as the relations derive it:
/// `"own"` or the class id (the JSON export's `origin`).
fn origins(rel: &lems_treatments_build::relations::Relations, id: &str) -> Vec<(String, String)> {
    use lems_treatments_build::relations::CautionOrigin;
    rel.treatment_cautions[id]
        .iter()
        .map(|(caution, origin)| {
            let origin = match origin {
                CautionOrigin::Treatment => "own".to_string(),
                CautionOrigin::Class(class) => class.clone(),
            };
            (caution.clone(), origin)
        })
        .collect()
}

/// `all_sources()` is the card's list of sources (the renderer's), a
/// superset of `sources()`; the record holds the same facts as the accessors.
#[test]
fn all_sources_are_the_cards_and_the_record_is_the_accessors() {
    let (c, rel) = content();
    let view = lems_treatments_build::render::View::new(&c, &rel);
    for t in lems_treatments::Treatment::ALL {
        let all: Vec<&str> = t.all_sources().iter().map(|s| s.id()).collect();
        assert_eq!(all, view.card_sources(t.id()), "{t:?}");
        assert!(t.sources().iter().all(|s| t.all_sources().contains(s)));
        let r = t.record();
        assert_eq!(r.treatment, *t);
        assert_eq!(
            (r.name, r.summary, r.usage),
            (t.name(), t.summary(), t.usage())
        );
        assert_eq!((r.category, r.mechanisms), (t.category(), t.mechanisms()));
        assert_eq!((r.regulatory, r.codes), (t.regulatory(), t.codes()));
        assert_eq!(
            (r.cautions, r.sources),
            (t.applied_cautions(), t.all_sources())
        );
        assert_eq!(r.reviewed, t.reviewed());
        let from_record: Vec<(String, String)> = r
            .cautions
            .iter()
            .map(|a| {
                let origin = a.through.map_or("own", |k| k.id());
                (a.caution.id().to_string(), origin.to_string())
            })
            .collect();
        assert_eq!(from_record, origins(&rel, t.id()), "{t:?}");
    }
}

/// Each caution of a list once per treatment it applies to, with the class it
/// comes through, as the relations say; the same cautions as `cautions_of`.
#[test]
fn cautions_of_with_origin_names_treatment_and_class() {
    use lems_treatments::{cautions_of, cautions_of_with_origin, Caution, Treatment};
    let (_, rel) = content();
    let lists: Vec<Vec<Treatment>> = vec![
        Treatment::ALL.to_vec(),
        Treatment::ALL.iter().rev().copied().collect(),
        Treatment::ALL
            .iter()
            .chain(Treatment::ALL)
            .copied()
            .collect(),
        Treatment::ALL.iter().step_by(2).copied().collect(),
        Vec::new(),
    ];
    for list in &lists {
        let got: Vec<(String, String, String)> = cautions_of_with_origin(list)
            .map(|o| {
                let origin = o.through.map_or("own", |k| k.id());
                (
                    o.caution.id().into(),
                    o.treatment.id().into(),
                    origin.into(),
                )
            })
            .collect();
        let mut want = Vec::new();
        for c in Caution::ALL {
            let mut seen = Vec::new();
            for t in list {
                if seen.contains(t) {
                    continue;
                }
                seen.push(*t);
                for (caution, origin) in origins(&rel, t.id()) {
                    if caution == c.id() {
                        want.push((caution, t.id().to_string(), origin));
                    }
                }
            }
        }
        assert_eq!(got, want, "{list:?}");
        let mut once: Vec<Caution> = cautions_of_with_origin(list).map(|o| o.caution).collect();
        once.dedup();
        assert_eq!(once, cautions_of(list).collect::<Vec<_>>());
    }
}

/// What `Treatment::search` should find, computed the slow way from the YAML:
/// treatments with a key starting with the query, then the others with a key
/// containing it, each in `ALL` order.
fn expected_search(c: &lems_treatments_build::Content, query: &str) -> Vec<&'static str> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let keys = |id: &str| -> Vec<String> {
        let y = &c.treatments[id].item;
        std::iter::once(y.name.as_str())
            .chain(y.synonyms.iter().map(|s| s.as_str()))
            .chain(y.brands.iter().map(|b| b.name.as_str()))
            .map(str::to_lowercase)
            .collect()
    };
    let all = lems_treatments::Treatment::ALL;
    let prefix = |id: &str| keys(id).iter().any(|k| k.starts_with(&q));
    let inside = |id: &str| keys(id).iter().any(|k| k.contains(&q));
    let first = all.iter().filter(|t| prefix(t.id()));
    let then = all.iter().filter(|t| !prefix(t.id()) && inside(t.id()));
    first.chain(then).map(|t| t.id()).collect()
}

#[test]
fn search_finds_prefixes_then_substrings_in_a_stable_order() {
    use lems_treatments::Treatment;
    let (c, _) = content();
    let mut queries: Vec<String> = vec![" ".into(), "\u{7}".into(), "e".into(), "in".into()];
    for t in Treatment::ALL {
        let y = &c.treatments[t.id()].item;
        let keys = std::iter::once(y.name.as_str())
            .chain(y.synonyms.iter().map(|s| s.as_str()))
            .chain(y.brands.iter().map(|b| b.name.as_str()));
        for key in keys {
            let chars: Vec<char> = key.chars().collect();
            let middle: String = chars.iter().skip(chars.len() / 3).take(4).collect();
            queries.extend([
                key.to_string(),
                key.to_uppercase(),
                format!("  {}", chars.iter().take(2).collect::<String>()),
                middle,
            ]);
        }
    }
    for q in &queries {
        let got: Vec<&str> = Treatment::search(q).map(|t| t.id()).collect();
        assert_eq!(got, expected_search(&c, q), "{q:?}");
    }
    for t in Treatment::ALL {
        assert!(Treatment::search(t.name()).any(|f| f == *t), "{t:?}");
    }
}

/// A record, the search and the caution origins read `const` data: nothing
/// is allocated, serializing a record into a buffer included.
#[test]
fn record_search_and_origins_allocate_nothing() {
    use lems_treatments::{cautions_of_with_origin, Treatment};
    let mut buf = vec![0u8; 1 << 16];
    let info = allocation_counter::measure(|| {
        for t in Treatment::ALL {
            std::hint::black_box(t.record());
            std::hint::black_box(Treatment::search(t.name()).count());
        }
        std::hint::black_box(Treatment::search("e").count());
        std::hint::black_box(cautions_of_with_origin(Treatment::ALL).count());
        #[cfg(feature = "serde")]
        for t in Treatment::ALL {
            let mut out: &mut [u8] = &mut buf;
            std::hint::black_box(serde_json::to_writer(&mut out, &t.record()).is_ok());
        }
    });
    assert_eq!(info.count_total, 0);
}

/// The serialized record resolves what the card shows: cautions with their
/// names and origin (`own` or the class, with its name), every cited source
/// with its title, the class with its name; the facts as the YAML states them.
#[cfg(feature = "serde")]
#[test]
fn records_serialize_resolved() {
    use lems_treatments::Treatment;
    use serde_json::{json, Value};
    let (c, rel) = content();
    let view = lems_treatments_build::render::View::new(&c, &rel);
    let value = |v: serde_json::Result<Value>| v.expect("serializes");
    for t in Treatment::ALL {
        let y = &c.treatments[t.id()].item;
        let r = value(serde_json::to_value(t.record()));
        assert_eq!(r["id"], json!(t.id()));
        assert_eq!(r["name"], json!(y.name.as_str()));
        assert_eq!(r["regulatory"], value(serde_json::to_value(&y.regulatory)));
        assert_eq!(r["codes"], value(serde_json::to_value(&y.codes)));
        assert_eq!(r["category"]["id"], json!(y.category.0));
        let class = &c.classes[&y.category.0].item;
        assert_eq!(r["category"]["name"], json!(class.name.as_str()));
        let cautions: Vec<(String, String)> = r["cautions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| {
                let id = x["id"].as_str().unwrap_or_default();
                let caution = &c.cautions[id].item;
                assert_eq!(x["title"], json!(caution.title.as_str()), "{t:?} {id}");
                let origin = x["origin"].as_str().unwrap_or_default();
                match c.classes.get(origin) {
                    Some(k) => assert_eq!(x["origin_name"], json!(k.item.name.as_str())),
                    None => assert_eq!((origin, &x["origin_name"]), ("own", &Value::Null)),
                }
                (id.to_string(), origin.to_string())
            })
            .collect();
        assert_eq!(cautions, origins(&rel, t.id()), "{t:?}");
        let sources: Vec<&str> = r["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| {
                let id = x["id"].as_str().unwrap_or_default();
                assert_eq!(x["title"], json!(c.sources[id].item.title.as_str()));
                id
            })
            .collect();
        assert_eq!(sources, view.card_sources(t.id()), "{t:?}");
    }
}

/// A card serializes as its id and its Markdown; the guide as the content
/// version, disclaimer, condition, every record and its Markdown.
#[cfg(feature = "serde")]
#[test]
fn cards_and_the_guide_serialize() {
    use lems_treatments::{guide, Treatment, CONDITION, CONTENT_VERSION, DISCLAIMER};
    use serde_json::{json, Value};
    let value = |v: serde_json::Result<Value>| v.expect("serializes");
    for t in Treatment::ALL {
        assert_eq!(
            value(serde_json::to_value(t.card())),
            json!({ "id": t.id(), "markdown": t.card().to_string() })
        );
    }
    let records: Vec<Value> = Treatment::ALL
        .iter()
        .map(|t| value(serde_json::to_value(t.record())))
        .collect();
    assert_eq!(
        value(serde_json::to_value(guide())),
        json!({
            "content_version": CONTENT_VERSION,
            "disclaimer": DISCLAIMER,
            "condition": value(serde_json::to_value(CONDITION)),
            "treatments": records,
            "markdown": guide().to_string(),
        })
    );
}

/// Every treatment's record as JSON, each its own snapshot, reviewed like the
/// cards: the snapshot is where the real content's facts are read (for
/// example a class-wide caution with its origin, and every source a card cites).
#[cfg(feature = "serde")]
#[test]
fn snapshot_each_record_as_an_app_serves_it() {
    use lems_treatments::Treatment;
    let failed: Vec<&str> = Treatment::ALL
        .iter()
        .filter(|t| {
            std::panic::catch_unwind(|| {
                let json = serde_json::to_string_pretty(&t.record()).unwrap_or_default();
                insta::assert_snapshot!(format!("record__{}", t.id()), json);
            })
            .is_err()
        })
        .map(|t| t.id())
        .collect();
    assert!(failed.is_empty(), "changed records: {failed:?}");
}
