//! A small decision-support style program: given a patient's treatment list,
//! print every caution that applies (each once) and what follows for the patient.
//!
//! ```text
//! cargo run --example decision_support -- prednisone Mestinon guanidine
//! ```
use lems_treatments::{cautions_of, Treatment, DISCLAIMER};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        args = ["prednisone", "Mestinon", "guanidine", "rituximab"]
            .map(String::from)
            .to_vec();
    }
    let mut list: Vec<Treatment> = Vec::new();
    for text in &args {
        match text.parse::<Treatment>() {
            Ok(t) if !list.contains(&t) => list.push(t),
            Ok(_) => {}
            Err(_) => eprintln!("warning: {text:?} is not a treatment this crate knows; skipped"),
        }
    }
    println!("{DISCLAIMER}");
    println!();
    println!(
        "Treatments: {}",
        list.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
    );
    for (i, a) in list.iter().enumerate() {
        for b in &list[i + 1..] {
            if a.used_with().contains(b) {
                println!("Note: {a} and {b} are sometimes used together.");
            }
        }
    }
    for caution in cautions_of(&list) {
        let applies: Vec<&str> = list
            .iter()
            .filter(|t| t.cautions().contains(&caution))
            .map(|t| t.name())
            .collect();
        println!();
        println!(
            "CAUTION ({}): {} [{}]",
            caution.kind(),
            caution,
            applies.join(", ")
        );
        println!("  {}", caution.explanation());
        println!("  For the patient: {}", caution.for_the_patient());
        let sources: Vec<&str> = caution.sources().iter().map(|s| s.name()).collect();
        match caution.grade() {
            Some(g) => println!("  Source: {} ({g})", sources.join(", ")),
            None => println!("  Source: {}", sources.join(", ")),
        }
    }
    // Absence is said, never left silent: no caution in our sources is not "safe".
    for t in list.iter().filter(|t| t.cautions().is_empty()) {
        println!();
        println!(
            "{t}: the sources used here name no cautions for it. That does not mean it is free of risks; ask a doctor."
        );
        for n in t.cautions_not_applied() {
            println!("  Not applied: {}. {}", n.caution, n.reason);
        }
    }
}
