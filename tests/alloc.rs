//! Lookups allocate nothing: measured with a counting allocator.
#![cfg(not(lems_custom_content))]

use std::hint::black_box;

use lems_treatments::{cautions_of, Category, Caution, Mechanism, Region, Treatment};

#[test]
fn the_counter_sees_allocations() {
    // Without this, a broken counter would make the test below pass vacuously.
    let info = allocation_counter::measure(|| {
        black_box(vec![1u8; 16]);
    });
    assert!(info.count_total >= 1);
}

#[test]
fn every_lookup_allocates_nothing() {
    let info = allocation_counter::measure(|| {
        for t in Treatment::ALL {
            black_box(t.id().parse::<Treatment>().ok());
            black_box(Treatment::lookup(t.name()));
            black_box(t.cautions());
            black_box(t.mechanisms());
            black_box(t.is_approved_in(Region::UnitedStates));
        }
        black_box("FiRdApSe".parse::<Treatment>().ok());
        black_box(Treatment::try_from("  mestinon ").ok());
        black_box("no such treatment".parse::<Treatment>().err());
        black_box(cautions_of(&[Treatment::Prednisone, Treatment::Guanidine]).count());
        black_box(Caution::ImmuneSuppressionRisks.treatments());
        black_box(Category::ImmuneTherapy.treatments());
        black_box(Mechanism::lookup("Cholinesterase inhibition"));
    });
    assert_eq!(
        info.count_total, 0,
        "lookups allocated {} times",
        info.count_total
    );
}
