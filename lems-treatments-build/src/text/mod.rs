//! Checks of the texts a file holds: the checks the file reader runs on every
//! text ([`checks`]), built on Unicode normalisation and look-alike letters ([`hygiene`]).

pub mod checks;
pub mod hygiene;
