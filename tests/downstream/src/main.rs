//! Built from the packaged tarballs: prints one treatment, checks the data,
//! and serves records as JSON from the crate alone (the `serde` feature).
use lems_treatments::{Treatment, CONDITION};

fn main() {
    let t: Treatment = match "Firdapse".parse() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lookup failed: {e}");
            std::process::exit(1);
        }
    };
    assert_eq!(t, Treatment::Amifampridine);
    assert_eq!(Treatment::COUNT, Treatment::ALL.len());
    let codes = serde_json::to_string(t.codes()).unwrap_or_default();
    assert!(codes.contains("\"system\":\"atc\""), "{codes}");
    let condition = serde_json::to_string(&CONDITION).unwrap_or_default();
    assert!(condition.contains("\"abbreviation\":\"LEMS\""), "{condition}");
    print!("{}", t.card());
    println!("codes as JSON: {codes}");
}
