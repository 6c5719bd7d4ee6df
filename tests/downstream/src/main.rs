//! Built from the packaged tarballs: prints one treatment, checks the data,
//! and serves records as JSON from the crate alone (the `serde` feature):
//! every treatment's whole record, cautions with their origin and every
//! source its card cites.
use lems_treatments::{Treatment, CONDITION};

fn main() {
    // The first treatment that has codes, looked up by its name as a user would:
    // no real treatment is named, so a valid content edit never breaks this.
    let Some(first) = Treatment::ALL.iter().find(|t| !t.codes().is_empty()) else {
        eprintln!("no treatment has a code");
        std::process::exit(1);
    };
    let t: Treatment = match first.name().parse() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lookup failed: {e}");
            std::process::exit(1);
        }
    };
    assert_eq!(t, *first);
    assert_eq!(Treatment::COUNT, Treatment::ALL.len());
    let codes = serde_json::to_string(t.codes()).unwrap_or_default();
    assert!(codes.contains("\"system\":"), "{codes}");
    let condition = serde_json::to_string(&CONDITION).unwrap_or_default();
    assert!(condition.contains("\"abbreviation\":\"LEMS\""), "{condition}");
    print!("{}", t.card());
    println!("codes as JSON: {codes}");
    check_records();
}

/// Every treatment's whole record serialized with the crate alone: each
/// caution with its origin (`own` or the class it comes through) and every
/// source the card cites. Generic over the content, so no edit breaks it;
/// one line per treatment for CI to read.
fn check_records() {
    for t in Treatment::ALL {
        let record = t.record();
        let json: serde_json::Value = match serde_json::to_value(record) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{t:?}: the record does not serialize: {e}");
                std::process::exit(1);
            }
        };
        let cautions = json["cautions"].as_array().cloned().unwrap_or_default();
        assert_eq!(cautions.len(), t.cautions().len(), "{t:?}");
        for (applied, written) in t.applied_cautions().iter().zip(&cautions) {
            let origin = applied.through.map_or("own", |class| class.id());
            assert_eq!(written["id"], applied.caution.id(), "{t:?}");
            assert_eq!(written["title"], applied.caution.name(), "{t:?}");
            assert_eq!(written["origin"], origin, "{t:?}");
        }
        let sources = json["sources"].as_array().cloned().unwrap_or_default();
        assert_eq!(sources.len(), t.all_sources().len(), "{t:?}");
        for (source, written) in t.all_sources().iter().zip(&sources) {
            assert_eq!(written["id"], source.id(), "{t:?}");
            assert_eq!(written["title"], source.name(), "{t:?}");
        }
        assert!(t.sources().iter().all(|s| t.all_sources().contains(s)));
        let through: Vec<String> = t
            .applied_cautions()
            .iter()
            .map(|a| format!("{} ({})", a.caution.id(), a.through.map_or("own", |k| k.id())))
            .collect();
        println!(
            "record {}: {} source(s); cautions: {}",
            t.id(),
            sources.len(),
            if through.is_empty() { "none".to_string() } else { through.join(", ") }
        );
    }
    let found = Treatment::search(Treatment::ALL[0].name()).next();
    assert!(found.is_some(), "the search finds a treatment by its name");
}
