//! Built from the packaged tarballs: prints one treatment and checks the data.
use lems_treatments::Treatment;

fn main() {
    let t: Treatment = match "Firdapse".parse() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lookup failed: {e}");
            std::process::exit(1);
        }
    };
    assert_eq!(t, Treatment::Amifampridine);
    assert_eq!(Treatment::COUNT, 13);
    print!("{}", t.card());
}
