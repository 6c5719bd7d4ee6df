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
    // Keys in odd case and with spaces, made before measuring.
    let keys: Vec<String> = Treatment::ALL
        .iter()
        .flat_map(|t| t.brand_names().iter().chain(t.synonyms()))
        .map(|k| {
            let odd: String = k
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            format!("  {odd} ")
        })
        .collect();
    let info = allocation_counter::measure(|| {
        for t in Treatment::ALL {
            black_box(t.id().parse::<Treatment>().ok());
            black_box(Treatment::lookup(t.name()));
            black_box(t.cautions());
            black_box(t.mechanisms());
            black_box(t.is_approved_in(Region::UnitedStates));
        }
        for k in &keys {
            black_box(k.parse::<Treatment>().ok());
            black_box(Treatment::try_from(k.as_str()).ok());
        }
        black_box("no such treatment".parse::<Treatment>().err());
        black_box(cautions_of(Treatment::ALL).count());
        for c in Caution::ALL {
            black_box(c.treatments());
        }
        for k in Category::ALL {
            black_box(k.treatments());
        }
        for m in Mechanism::ALL {
            black_box(Mechanism::lookup(m.name()));
        }
    });
    assert_eq!(
        info.count_total, 0,
        "lookups allocated {} times",
        info.count_total
    );
}
