//! The comparison of a treatment's regulatory facts, matched by region,
//! status and source (and order among equals), field by field.

use std::collections::BTreeMap;

use super::field::Fields;
use super::keyed::{pair_up, Pair};
use super::show::Show;
use super::RuleId;
use crate::model::{ClosedSet, Region, Regulatory, RegulatoryStatus};

/// A regulatory fact's key: region, status, source and its number among facts of the same three.
type Key = (Region, RegulatoryStatus, String, usize);

fn keyed(rs: &[Regulatory]) -> BTreeMap<Key, &Regulatory> {
    let mut seen: BTreeMap<(Region, RegulatoryStatus, String), usize> = BTreeMap::new();
    rs.iter()
        .map(|r| {
            let n = seen
                .entry((r.region, r.status, r.source.0.clone()))
                .or_default();
            *n += 1;
            ((r.region, r.status, r.source.0.clone(), *n), r)
        })
        .collect()
}

/// Regulatory facts: added, removed, or changed field by field.
pub(super) fn regulatory(f: &mut Fields, before: &[Regulatory], after: &[Regulatory]) {
    for pair in pair_up(keyed(before), keyed(after)) {
        match pair {
            Pair::Removed(r) => {
                f.record("regulatory", Some(r.show()), None, RuleId::ChangedFact);
            }
            Pair::Added(r) => {
                f.record("regulatory", None, Some(r.show()), RuleId::ChangedFact);
            }
            Pair::Both(br, ar) => {
                let (region, status) = (br.region.yaml(), br.status.yaml());
                let field = format!("regulatory[{region} {status} {}]", br.source.0);
                fields(f, &field, br, ar);
            }
        }
    }
}

/// The fields of one regulatory fact in both sides.
fn fields(f: &mut Fields, field: &str, br: &Regulatory, ar: &Regulatory) {
    f.text(&format!("{field}.scope"), &br.scope.0, &ar.scope.0);
    let authority = format!("{field}.authority");
    f.opt_text(&authority, br.authority.as_ref(), ar.authority.as_ref());
    f.fact(
        &format!("{field}.date"),
        &br.date,
        &ar.date,
        RuleId::ChangedFact,
    );
    f.opt_text(&format!("{field}.note"), br.note.as_ref(), ar.note.as_ref());
    f.place(&format!("{field}.at"), br.at.as_ref(), ar.at.as_ref());
    f.fact(
        &format!("{field}.grade"),
        &br.grade,
        &ar.grade,
        RuleId::ChangedFact,
    );
    let population = format!("{field}.population");
    match (&br.population, &ar.population) {
        (Some(bp), Some(ap)) => {
            f.text(&population, &bp.text.0, &ap.text.0);
            let age = format!("{population}.min_age_years");
            f.fact(
                &age,
                &bp.min_age_years,
                &ap.min_age_years,
                RuleId::ChangedFact,
            );
        }
        (bp, ap) => f.fact(&population, bp, ap, RuleId::ChangedFact),
    }
}
