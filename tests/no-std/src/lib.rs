//! A `#![no_std]` user of lems-treatments: no `std`, no `alloc`.
#![no_std]
#![forbid(unsafe_code)]

use lems_treatments::{cautions_of, Caution, Treatment};

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
    }
}
