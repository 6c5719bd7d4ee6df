//! `lems-content show`: one treatment's card, found by id, name, synonym or
//! brand, or the closest name when none matches.

use std::process::ExitCode;

use lems_treatments_build::load::reading::grades;
use lems_treatments_build::relations::{find_treatment, Relations};
use lems_treatments_build::render::View;
use lems_treatments_build::suggest::did_you_mean;
use lems_treatments_build::{escape, Content, Paths};

use super::checked;

/// Prints the card of the treatment called `name`; exit 1 when there is none.
pub fn run(paths: &Paths, name: &str) -> ExitCode {
    let c = match checked(paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let relations = Relations::of(&c);
    let view = View::new(&c, &relations);
    if let Some((id, card)) =
        find_treatment(&c, name).and_then(|id| view.card(id).map(|card| (id, card)))
    {
        let text = format!("{card}{}", reading_levels(&c, &relations, id));
        return match crate::out::stdout(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => super::fail(&e),
        };
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

/// The reading level of every text the card of `id` shows: its own, its
/// class's and their parents', its mechanisms' and its cautions'.
pub fn reading_levels(c: &Content, rel: &Relations, id: &str) -> String {
    let Some(t) = c.treatments.get(id) else {
        return String::new();
    };
    let mut files = vec![t.file.clone()];
    let classes = std::iter::once(&t.item.category.0).chain(
        rel.class_ancestors
            .get(&t.item.category.0)
            .into_iter()
            .flatten(),
    );
    files.extend(
        classes
            .filter_map(|k| c.classes.get(k))
            .map(|l| l.file.clone()),
    );
    files.extend(
        t.item
            .mechanisms
            .iter()
            .filter_map(|m| c.mechanisms.get(&m.0))
            .map(|l| l.file.clone()),
    );
    let cautions = rel
        .treatment_cautions
        .get(id)
        .into_iter()
        .flat_map(|m| m.keys());
    files.extend(
        cautions
            .filter_map(|k| c.cautions.get(k))
            .map(|l| l.file.clone()),
    );
    let mut out = String::from(
        "\n### Reading level (Flesch–Kincaid US grade; target: 8 for patients, 12 for caution explanations)\n\n",
    );
    for (file, g) in grades(c).into_iter().filter(|(f, _)| files.contains(f)) {
        let flag = if g.measure.grade > g.audience.target() {
            " (above the target)"
        } else {
            ""
        };
        out.push_str(&format!(
            "- {} `{}`: grade {:.1} of {}{flag}\n",
            escape::terminal(&file),
            escape::terminal(&g.pointer),
            g.measure.grade,
            g.audience.target(),
        ));
    }
    out
}
