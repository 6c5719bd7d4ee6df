//! `lems-content new`: the skeleton of a new content file, every field
//! explained, one function per kind of file.

use lems_treatments_build::FileKind;

/// The lines every skeleton ends with but a source's: the sources.
const TAIL: &str = "# The ids of the sources its statements come from: files in data/sources/.\n\
                    sources:\n  - TODO\n";

/// A new content file of `kind` with every field explained. Every value the
/// editor must choose is a `TODO` that `check` flags until it is replaced:
/// nothing is pre-filled that could pass unnoticed.
pub fn skeleton(kind: FileKind, id: &str) -> String {
    // The lines every kind of file starts with.
    let head = format!(
        "# The id: lowercase words joined by `_`, the same as this file's name.\nid: {id}\n"
    );
    let (what, body) = match kind {
        FileKind::Treatment => ("treatment", treatment(&head)),
        FileKind::Mechanism => ("mechanism", mechanism(&head)),
        FileKind::Caution => ("caution", caution(&head)),
        FileKind::Class => ("class", class(&head)),
        FileKind::Source => ("source", source(&head)),
        FileKind::Condition | FileKind::Disclaimer | FileKind::Glossary | FileKind::Reviews => {
            ("content", String::new())
        }
    };
    format!(
        "# yaml-language-server: $schema=../../schema/{schema}\n\
         # A new {what}. Fill in every TODO from a source in data/sources/, then run\n\
         #   cargo run -p lems-content -- check\n\
         # Field meanings: EDITING.md, or hover over a field in VS Code.\n\n{body}",
        schema = kind.schema_file()
    )
}

/// A treatment file: what it is, how it is used, its class, cautions and sources.
fn treatment(head: &str) -> String {
    format!(
        r#"{head}# The name a reader sees.
name: "TODO: the name a reader sees"
# Other names the source uses (lookups accept them). Delete if none.
synonyms: []
# Brand names, with the regions (us, eu) the source names. Delete if none.
brands: []
# One of: medicine, procedure, therapy, associated_disease_care.
kind: TODO
# The id of its class: a file in data/categories/.
category: TODO
# The ids of how it works: files in data/mechanisms/. May stay empty.
mechanisms: []
# What it does, in one or two plain sentences.
summary: "TODO: what it does, in plain words"
# How and when it is used, one statement per item.
usage:
  - "TODO: how and when it is used"
# Regulatory facts the source states (region, status, scope, authority, source). Delete if none.
regulatory: []
# Cautions for this treatment alone (its class's cautions apply automatically).
cautions: []
# Treatments the source says it is combined with.
used_with: []
# Qualifiers the source puts on its use (when it is used and after which classes, how
# well it works, why it is used less often); keep only those the source states. Delete if none.
# indication:
#   after_other: []
#   note: "TODO: when it is used, in plain words"
#   effectiveness: "TODO: how well it works, in plain words"
#   used_less_because: "TODO: why it is used less often, in plain words"
#   source: TODO
# Cautions a reader might expect that the editors decided not to apply, with the reason. Delete if none.
cautions_not_applied: []
{TAIL}"#
    )
}

/// A mechanism file: how a treatment works.
fn mechanism(head: &str) -> String {
    format!(
        r#"{head}# The name a reader sees.
name: "TODO: the name a reader sees"
# Which part of the disease story it acts on: nerve_signal, immune_attack or daily_function.
target: TODO
# How it works, in plain words, tied to the nerve-to-muscle story.
explanation: "TODO: how it works, in plain words"
{TAIL}"#
    )
}

/// A caution file: a risk, what follows for the patient, where it is stated.
fn caution(head: &str) -> String {
    format!(
        r#"{head}# A short title a reader sees.
title: "TODO: a short title"
# One of: warning, contraindication, undesirable_effect.
kind: TODO
# What the risk is and why, in plain words.
explanation: "TODO: what the risk is and why"
# What follows for the patient, for example the monitoring that is needed.
for_the_patient: "TODO: what follows for the patient"
# The region whose regulator states it (us, eu); delete this line if the source is not regional.
region: TODO
{TAIL}"#
    )
}

/// A class file: its place in the guide and the cautions every member shares.
fn class(head: &str) -> String {
    format!(
        r#"{head}# The name a reader sees.
name: "TODO: the name a reader sees"
# The id of the broader class it belongs to (a file in data/categories/); delete this line if none.
parent: TODO
# Where the class appears in guides: a whole number, lower first.
order: "TODO: a whole number"
# What its treatments have in common, in plain words.
description: "TODO: what its treatments have in common"
# Cautions the source states for every member (they apply to each automatically). Delete if none.
cautions: []
{TAIL}"#
    )
}

/// A source file: the document statements come from.
fn source(head: &str) -> String {
    format!(
        r#"{head}# The title of the document.
title: "TODO: the document's title"
# Who published it; delete this line if the source names no publisher.
publisher: "TODO: the publisher"
# One of: article, reference.
kind: TODO
# When the document was last updated, as "YYYY-MM-DD"; delete this line if it states none.
last_updated: "TODO: YYYY-MM-DD"
# Its web address, only if the sources folder gives it (never guessed):
# address: "https://…"
"#
    )
}
