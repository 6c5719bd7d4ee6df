//! The diff report as one JSON document, for CI and bots.

use super::report::DiffReport;

/// The report as one JSON document.
pub fn text(r: &DiffReport) -> String {
    let mut s = serde_json::to_string_pretty(r)
        .unwrap_or_else(|e| format!("{{\"error\": \"could not serialise: {e}\"}}"));
    s.push('\n');
    s
}
