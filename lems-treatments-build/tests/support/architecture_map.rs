//! The rooms table of ARCHITECTURE.md (`| room | job | may import |`) read
//! back, so that a test can hold the map and the code to each other.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

/// The rows of the first table after the heading `heading`: room to the rooms
/// it may import (`—` for none). Room names are written in backticks.
pub fn rooms_table(markdown: &str, heading: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let Some(start) = markdown.find(heading) else {
        return out;
    };
    let mut in_table = false;
    for line in markdown[start + heading.len()..].lines() {
        if line.starts_with("## ") {
            break;
        }
        if !line.starts_with('|') {
            if in_table {
                break;
            }
            continue;
        }
        in_table = true;
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let [room, _job, imports] = cells[..] else {
            continue;
        };
        let names = |cell: &str| -> Vec<String> {
            cell.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        };
        let Some(room) = names(room).into_iter().next() else {
            continue; // the header and the rule line
        };
        out.insert(room, names(imports).into_iter().collect());
    }
    out
}
