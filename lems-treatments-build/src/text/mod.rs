//! Checks of one file's values: the checks the file reader runs on every
//! text ([`checks`]), built on Unicode normalisation and look-alike letters
//! ([`hygiene`]) and on the placeholders a writer leaves ([`placeholders`]);
//! and the whole numbers ([`numbers`]).

pub mod checks;
pub mod hygiene;
pub mod numbers;
pub mod placeholders;
