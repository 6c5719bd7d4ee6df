//! Checks of a single text, wherever it sits: Unicode normalisation and
//! look-alike letters ([`hygiene`]).

pub mod hygiene;
