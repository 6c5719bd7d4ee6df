//! `lems-content show`: one treatment's card, found by id, name, synonym or
//! brand, or the closest name when none matches.

use std::process::ExitCode;

use lems_treatments_build::relations::{find_treatment, Relations};
use lems_treatments_build::render::View;
use lems_treatments_build::suggest::did_you_mean;
use lems_treatments_build::Paths;

use super::checked;

/// Prints the card of the treatment called `name`; exit 1 when there is none.
pub fn run(paths: &Paths, name: &str) -> ExitCode {
    let c = match checked(paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let relations = Relations::of(&c);
    let view = View::new(&c, &relations);
    if let Some(card) = find_treatment(&c, name).and_then(|id| view.card(id)) {
        print!("{card}");
        return ExitCode::SUCCESS;
    }
    eprintln!("error: no treatment is called `{}`", name.escape_debug());
    let names = c.treatments.values().flat_map(|t| {
        std::iter::once(t.item.name.as_str())
            .chain(t.item.brands.iter().map(|b| b.name.as_str()))
            .chain(t.item.synonyms.iter().map(|s| s.as_str()))
    });
    if let Some(s) = did_you_mean(name, names) {
        eprintln!("help: did you mean `{s}`?");
    } else {
        let ids: Vec<&str> = c.treatments.keys().map(String::as_str).collect();
        eprintln!("help: known treatments: {}", ids.join(", "));
    }
    ExitCode::from(1)
}
