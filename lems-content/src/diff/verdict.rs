//! The `--check-version` verdict: whether the version bump between the two
//! sides is as big as the content change needs.

use lems_treatments_build::diff::ContentDiff;

use super::report::{VersionCheck, ZERO_X_RULE};
use super::version::Version;

/// The `--check-version` verdict for a content diff and the two versions.
pub fn check_version(diff: &ContentDiff, base: &str, head: &str) -> Result<VersionCheck, String> {
    let b = Version::parse(base)
        .ok_or_else(|| format!("the version at BASE, `{base}`, is not MAJOR.MINOR.PATCH"))?;
    let h = Version::parse(head)
        .ok_or_else(|| format!("the version at HEAD, `{head}`, is not MAJOR.MINOR.PATCH"))?;
    let needed = diff.level();
    let bump = b.bump_to(h);
    let (ok, minimum, message) = match (&diff.decision, needed) {
        (Some(d), Some(level)) => {
            let min = b.minimum_for(level);
            let ok = bump.is_some_and(|x| x >= level);
            let rule = format!("rule {}: {}", d.rule.id.name(), d.rule.id.change_plain());
            let message = if ok {
                format!("version {b} → {h} is enough for a {level} change ({rule})")
            } else {
                format!(
                    "the content change needs a {level} release ({rule}; {}), but Cargo.toml's version went {b} → {h}{}; use at least {min} ({ZERO_X_RULE})",
                    d.because,
                    bump.map_or_else(|| ", no increase".to_string(), |x| format!(", a {x} bump under Cargo's rules")),
                )
            };
            (ok, Some(min.to_string()), message)
        }
        _ => (
            true,
            None,
            format!("no content change: version {b} → {h} needs no bump"),
        ),
    };
    Ok(VersionCheck {
        ok,
        needed,
        bump,
        minimum,
        message,
    })
}
