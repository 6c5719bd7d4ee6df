//! Look a treatment up from free text: an id, name, synonym or brand, any case.
//!
//! ```text
//! cargo run --example lookup -- Firdapse ivig "physical therapy" aspirin
//! ```
use lems_treatments::{Treatment, DISCLAIMER};

fn main() {
    println!("{DISCLAIMER}");
    println!();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        args = ["Firdapse", "mestinon", "IVIG", "aspirin"]
            .map(String::from)
            .to_vec();
    }
    for text in &args {
        match text.parse::<Treatment>() {
            Ok(t) => println!(
                "{text:?} -> {} (`{}`, class: {})",
                t.name(),
                t.id(),
                t.category()
            ),
            Err(e) => println!("{text:?} -> not found ({e})"),
        }
    }
}
