//! A `#![no_std]` user of lems-treatments: no `std`, no `alloc`.
#![no_std]
#![forbid(unsafe_code)]

use lems_treatments::{cautions_of, cautions_of_with_origin, Caution, Treatment, TreatmentRecord};

/// How many cautions apply to the treatment named `name` (0 if unknown).
pub fn caution_count(name: &str) -> usize {
    name.parse::<Treatment>().map_or(0, |t| t.cautions().len())
}

/// Whether any of `list` carries `caution`.
pub fn any_has(list: &[Treatment], caution: Caution) -> bool {
    cautions_of(list).any(|c| c == caution)
}

/// Data is usable in const context.
pub const FIRST_TREATMENT_ID: &str = Treatment::ALL[0].id();

/// A whole record is a const value too.
pub const FIRST_RECORD: TreatmentRecord = Treatment::ALL[0].record();

/// How many treatments a search box would offer for `query` (no allocation).
pub fn offered(query: &str) -> usize {
    Treatment::search(query).count()
}

/// How many of `list`'s cautions come through a class rather than the treatment.
pub fn through_a_class(list: &[Treatment]) -> usize {
    cautions_of_with_origin(list)
        .filter(|o| o.through.is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn works_without_std() {
        // Properties of any valid content: no test here names a real treatment.
        for t in Treatment::ALL {
            assert_eq!(caution_count(t.id()), t.cautions().len());
            assert_eq!(caution_count(t.name()), t.cautions().len());
        }
        // Content text never holds a control character, so this is never a name.
        assert_eq!(caution_count("no such treatment\u{7}"), 0);
        for c in Caution::ALL {
            assert!(any_has(c.treatments(), *c), "{c:?}: every caution is used");
            assert!(!any_has(&[], *c));
        }
        assert!(!FIRST_TREATMENT_ID.is_empty());
        assert_eq!(FIRST_RECORD.treatment.id(), FIRST_TREATMENT_ID);
        assert!(offered(Treatment::ALL[0].name()) >= 1);
        assert_eq!(offered(""), 0);
        let from_classes = Treatment::ALL
            .iter()
            .flat_map(|t| t.applied_cautions())
            .filter(|a| a.through.is_some())
            .count();
        assert_eq!(through_a_class(Treatment::ALL), from_classes);
    }
}
