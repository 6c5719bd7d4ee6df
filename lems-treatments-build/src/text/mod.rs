//! Checks of one file's values: the checks the file reader runs on every
//! text ([`checks`]), built on Unicode normalisation and look-alike letters
//! ([`hygiene`]) and on the placeholders a writer leaves ([`placeholders`]);
//! the whole numbers ([`numbers`]); and how hard each text is to read
//! ([`readability`]: the Flesch–Kincaid grade) against the grade its readers
//! need ([`reading`]).

pub mod checks;
pub mod hygiene;
pub mod numbers;
pub mod placeholders;
pub mod readability;
pub mod reading;
