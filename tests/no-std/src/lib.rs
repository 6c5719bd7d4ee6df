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
        assert_eq!(caution_count("Mestinon"), 0);
        assert_eq!(caution_count("rituximab"), 1);
        assert!(any_has(&[Treatment::Guanidine], Caution::GuanidineKidneyAndBoneMarrowToxicity));
        assert!(!FIRST_TREATMENT_ID.is_empty());
    }
}
