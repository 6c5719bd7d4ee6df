fn main() {
    for kind in lems_treatments_build::FileKind::ALL {
        std::fs::write(format!("schema/{}", kind.schema_file()), kind.schema_text()).unwrap();
    }
}
