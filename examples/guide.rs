//! Prints the whole treatment guide, rendered from the compiled constants.
//!
//! ```text
//! cargo run --example guide
//! ```
fn main() {
    print!("{}", lems_treatments::guide());
}
