//! Built from the packaged tarballs: prints one treatment, checks the data,
//! and serves records as JSON from the crate alone (the `serde` feature).
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
}
