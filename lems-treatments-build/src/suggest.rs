//! "Did you mean" suggestions by string similarity.

/// The candidate closest to `input`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        if c == input {
            continue;
        }
        let score = strsim::jaro_winkler(&input_lower, &c.to_lowercase());
        if score >= 0.85 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_matches_only() {
        let ids = ["acetylcholinesterase_inhibition", "immune_suppression"];
        assert_eq!(
            did_you_mean("acetylcholinesterase_inhibiton", ids),
            Some("acetylcholinesterase_inhibition")
        );
        assert_eq!(did_you_mean("banana", ids), None);
    }
}
