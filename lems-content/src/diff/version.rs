//! Versions as Cargo reads them: `MAJOR.MINOR.PATCH`, the step between two
//! under Cargo's rules (0.x included), and `[package] version` of a Cargo.toml.

use lems_treatments_build::diff::Level;

/// A `MAJOR.MINOR.PATCH` version (pre-release and build metadata ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// The first number.
    pub major: u64,
    /// The second number.
    pub minor: u64,
    /// The third number.
    pub patch: u64,
}

impl Version {
    /// Parses `1.2.3` (also `1.2.3-rc.1+build`, whose suffix is ignored).
    pub fn parse(s: &str) -> Option<Version> {
        let core = s.trim().split(['-', '+']).next()?;
        let mut it = core.split('.').map(|n| n.parse::<u64>().ok());
        let v = Version {
            major: it.next()??,
            minor: it.next()??,
            patch: it.next()??,
        };
        it.next().is_none().then_some(v)
    }

    /// What the step from `self` to `head` is under Cargo's rules (`None`: no increase).
    pub fn bump_to(self, head: Version) -> Option<Level> {
        if head <= self {
            None
        } else if head.major != self.major {
            Some(Level::Major)
        } else if self.major == 0 {
            // 0.x: x is the breaking number; 0.0.z: every bump breaks.
            if head.minor != self.minor || self.minor == 0 {
                Some(Level::Major)
            } else {
                Some(Level::Minor)
            }
        } else if head.minor != self.minor {
            Some(Level::Minor)
        } else {
            Some(Level::Patch)
        }
    }

    /// The smallest version after `self` that a change of `level` needs.
    pub fn minimum_for(self, level: Level) -> Version {
        let Version {
            major,
            minor,
            patch,
        } = self;
        let v = |major, minor, patch| Version {
            major,
            minor,
            patch,
        };
        match (major, minor, level) {
            (0, 0, _) => v(0, 0, patch + 1),
            (0, _, Level::Major) => v(0, minor + 1, 0),
            (0, _, _) => v(0, minor, patch + 1),
            (_, _, Level::Major) => v(major + 1, 0, 0),
            (_, _, Level::Minor) => v(major, minor + 1, 0),
            (_, _, Level::Patch) => v(major, minor, patch + 1),
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// `[package] version` of a Cargo.toml's text.
pub fn package_version(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            if let Some((k, v)) = line.split_once('=') {
                if k.trim() == "version" {
                    return Some(v.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_bump_under_cargo_rules() {
        let v = |s| Version::parse(s).unwrap();
        assert_eq!(Version::parse("1.2"), None);
        assert_eq!(Version::parse("1.2.3.4"), None);
        assert_eq!(v("1.2.3-rc.1+b"), v("1.2.3"));
        assert_eq!(v("0.1.0").bump_to(v("0.2.0")), Some(Level::Major));
        assert_eq!(v("0.1.0").bump_to(v("0.1.1")), Some(Level::Minor));
        assert_eq!(v("0.0.1").bump_to(v("0.0.2")), Some(Level::Major));
        assert_eq!(v("1.0.0").bump_to(v("1.0.1")), Some(Level::Patch));
        assert_eq!(v("1.0.0").bump_to(v("1.1.0")), Some(Level::Minor));
        assert_eq!(v("1.4.2").bump_to(v("2.0.0")), Some(Level::Major));
        assert_eq!(v("0.1.0").bump_to(v("0.1.0")), None);
        assert_eq!(v("0.2.0").bump_to(v("0.1.9")), None);
        assert_eq!(v("0.1.3").minimum_for(Level::Major), v("0.2.0"));
        assert_eq!(v("0.1.3").minimum_for(Level::Patch), v("0.1.4"));
        assert_eq!(v("1.1.3").minimum_for(Level::Minor), v("1.2.0"));
    }

    #[test]
    fn package_version_reads_only_the_package_table() {
        let m = "[workspace]\nversion = \"9.9.9\"\n[package]\nname = \"x\"\nversion = \"0.1.0\"\n";
        assert_eq!(package_version(m).as_deref(), Some("0.1.0"));
        assert_eq!(package_version("[dependencies]\nversion = \"1\""), None);
    }
}
