//! How a compared value is written in a field change's `before` and `after`:
//! YAML values as written, `(none)` for an absent one.

use crate::model::{
    ClosedSet, CodeEntry, Date, Id, Indication, PartialDate, Population, Regulatory, WebAddress,
};

/// A value as a field change shows it.
pub(super) trait Show {
    /// The value, for people.
    fn show(&self) -> String;
}

impl<T: ClosedSet> Show for T {
    fn show(&self) -> String {
        self.yaml().to_string()
    }
}

impl<T: Show> Show for Option<T> {
    fn show(&self) -> String {
        self.as_ref()
            .map_or_else(|| "(none)".to_string(), |v| v.show())
    }
}

/// A list (a brand's regions): its values joined, `(none)` when empty.
impl<T: Show> Show for Vec<T> {
    fn show(&self) -> String {
        if self.is_empty() {
            "(none)".into()
        } else {
            self.iter().map(|v| v.show()).collect::<Vec<_>>().join(", ")
        }
    }
}

macro_rules! show_as_string {
    ($($t:ty),*) => { $(impl Show for $t { fn show(&self) -> String { self.to_string() } })* };
}
show_as_string!(bool, u32);

macro_rules! show_inner {
    ($($t:ty),*) => { $(impl Show for $t { fn show(&self) -> String { self.0.clone() } })* };
}
show_inner!(Id, Date, PartialDate, WebAddress);

impl Show for Population {
    fn show(&self) -> String {
        match self.min_age_years {
            Some(age) => format!("{} (from age {age})", self.text.0),
            None => self.text.0.clone(),
        }
    }
}

impl Show for Regulatory {
    fn show(&self) -> String {
        let r = self;
        let mut s = format!("{} {}: {}", r.region.yaml(), r.status.yaml(), r.scope.0);
        if let Some(d) = &r.date {
            s.push_str(&format!(" ({})", d.0));
        }
        if r.population.is_some() {
            s.push_str(&format!(" for {}", r.population.show()));
        }
        s.push_str(&format!(" [{}]", r.source.0));
        s
    }
}

impl Show for CodeEntry {
    fn show(&self) -> String {
        format!(
            "{} {} ({})",
            self.system.yaml(),
            self.code.0,
            self.grade.yaml()
        )
    }
}

impl Show for Indication {
    fn show(&self) -> String {
        let texts = [&self.note, &self.effectiveness, &self.used_less_because];
        let mut s = texts
            .into_iter()
            .flatten()
            .map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if !self.after_other.is_empty() {
            let after: Vec<&str> = self.after_other.iter().map(|x| x.0.as_str()).collect();
            s.push_str(&format!(" (after {})", after.join(", ")));
        }
        s.push_str(&format!(" [{}]", self.source.0));
        s
    }
}
