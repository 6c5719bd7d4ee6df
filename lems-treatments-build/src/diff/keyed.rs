//! The one way two keyed lists are matched: what was removed, what is in
//! both, what was added. Every list the diff compares by a key (entities by
//! id, regulatory facts, codes, brands, names, cautions) goes through
//! [`pair_up`].

use std::collections::{BTreeMap, BTreeSet};

/// One item of two keyed lists, after matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pair<V> {
    /// Only in BASE.
    Removed(V),
    /// In both: BASE's item and HEAD's.
    Both(V, V),
    /// Only in HEAD.
    Added(V),
}

impl<V> Pair<V> {
    /// The item as BASE has it, or HEAD when it is new.
    pub(super) fn either(&self) -> &V {
        match self {
            Pair::Removed(v) | Pair::Both(v, _) | Pair::Added(v) => v,
        }
    }
}

/// Matches `before` with `after` by key: every BASE item in its order, removed
/// or paired with the first HEAD item of its key, then the HEAD items whose
/// key BASE does not have, in their order.
pub(super) fn pair_up<K: Ord, V: Clone>(
    before: impl IntoIterator<Item = (K, V)>,
    after: impl IntoIterator<Item = (K, V)>,
) -> Vec<Pair<V>> {
    let before: Vec<(K, V)> = before.into_iter().collect();
    let after: Vec<(K, V)> = after.into_iter().collect();
    let mut found: BTreeMap<&K, &V> = BTreeMap::new();
    for (k, v) in &after {
        found.entry(k).or_insert(v);
    }
    let old: BTreeSet<&K> = before.iter().map(|(k, _)| k).collect();
    let mut out: Vec<Pair<V>> = before
        .iter()
        .map(|(k, v)| match found.get(k) {
            Some(a) => Pair::Both(v.clone(), (*a).clone()),
            None => Pair::Removed(v.clone()),
        })
        .collect();
    out.extend(
        after
            .iter()
            .filter(|(k, _)| !old.contains(k))
            .map(|(_, v)| Pair::Added(v.clone())),
    );
    out
}

/// [`pair_up`] of two lists whose items carry their key.
pub(super) fn pair_by<'a, T, K: Ord>(
    before: &'a [T],
    after: &'a [T],
    key: impl Fn(&T) -> K,
) -> Vec<Pair<&'a T>> {
    pair_up(
        before.iter().map(|x| (key(x), x)),
        after.iter().map(|x| (key(x), x)),
    )
}
