//! Schema validation of one parsed file against the committed JSON Schema,
//! with every error turned into a located, plain-language diagnostic.

#[cfg(feature = "schema-validation")]
pub use imp::CompiledSchema;

/// Without the `schema-validation` feature there is no schema to compile:
/// this type has no values, and content is checked by the model types alone.
#[cfg(not(feature = "schema-validation"))]
pub enum CompiledSchema {}

#[cfg(not(feature = "schema-validation"))]
impl CompiledSchema {
    /// Always fails: built without the `schema-validation` feature.
    pub fn new(_: serde_json::Value) -> Result<Self, String> {
        Err("built without the `schema-validation` feature".into())
    }

    /// Unreachable: there are no values of this type.
    pub fn check(
        &self,
        _: &str,
        _: &crate::read::yaml::Document,
    ) -> Vec<crate::diagnostic::Diagnostic> {
        match *self {}
    }
}

/// A readable name for the field at `pointer`: `brands[0].regions[1]`.
pub fn field_label(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the file".to_string();
    }
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    format!("`{out}`")
}

/// The first item of the list at `pointer` that repeats an earlier one, as
/// an error at the repeated item naming its value and where the first one is.
pub fn repeated_item(
    file: &str,
    doc: &crate::read::yaml::Document,
    pointer: &str,
) -> Option<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Code, Diagnostic};
    let items = doc.value.pointer(pointer)?.as_array()?;
    let (first, again) = items
        .iter()
        .enumerate()
        .find_map(|(j, x)| items[..j].iter().position(|y| y == x).map(|i| (i, j)))?;
    let value = match &items[again] {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let at = format!("{pointer}/{again}");
    let span = doc.locate(&at);
    let first_at = doc.locate(&format!("{pointer}/{first}")).value.0;
    Some(
        Diagnostic::new(
            file,
            span.value.0,
            Code::InvalidValue,
            format!(
                "{} repeats `{}`, already listed at line {} as {}",
                field_label(&at),
                crate::escape::terminal(&value),
                first_at.line,
                field_label(&format!("{pointer}/{first}"))
            ),
        )
        .until(span.value.1)
        .at_pointer(at)
        .with_help(format!(
            "remove this item: each item of {} is listed once",
            field_label(pointer)
        )),
    )
}

#[cfg(feature = "schema-validation")]
mod imp {
    use std::collections::BTreeSet;

    use jsonschema::error::{TypeKind, ValidationErrorKind};
    use jsonschema::ValidationError;
    use jsonschema::Validator;
    use serde_json::Value;

    use super::field_label;
    use crate::diagnostic::{Code, Diagnostic};
    use crate::model::{
        ClosedSet, CodeSystem, DATE_PATTERN, ID_PATTERN, PARTIAL_DATE_PATTERN, WEB_ADDRESS_PATTERN,
    };
    use crate::names::suggest_id;
    use crate::read::yaml::{escape_pointer, Document};
    use crate::suggest::did_you_mean;

    /// A compiled schema, with the schema's JSON kept to look up descriptions.
    pub struct CompiledSchema {
        validator: Validator,
        schema: Value,
    }

    impl CompiledSchema {
        /// Compiles a draft 2020-12 schema. The error says why it is not a usable schema.
        pub fn new(schema: Value) -> Result<Self, String> {
            let validator = jsonschema::draft202012::options()
                .build(&schema)
                .map_err(|e| e.to_string())?;
            Ok(CompiledSchema { validator, schema })
        }

        /// Validates a document; returns one diagnostic per problem, deduplicated.
        pub fn check(&self, file: &str, doc: &Document) -> Vec<Diagnostic> {
            let errors: Vec<ValidationError<'_>> = self.validator.iter_errors(&doc.value).collect();
            let mut seen_values: BTreeSet<String> = BTreeSet::new();
            self.check_errors(file, doc, &errors, &mut seen_values)
        }

        /// One diagnostic per error of `errors`; a value already reported
        /// (in `seen_values`) is reported once. Where an `anyOf`/`oneOf`
        /// fails but one alternative has the value's type (a mapping where a
        /// mapping or nothing is allowed), that alternative's own errors are
        /// reported, at the value they are about.
        fn check_errors(
            &self,
            file: &str,
            doc: &Document,
            errors: &[ValidationError<'_>],
            seen_values: &mut BTreeSet<String>,
        ) -> Vec<Diagnostic> {
            let mut out: Vec<Diagnostic> = Vec::new();
            for error in errors {
                let site = self.site(error.instance_path().as_str());
                match error.kind() {
                    ValidationErrorKind::AdditionalProperties { unexpected }
                    | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                        out.extend(self.unknown_fields(file, doc, &site, unexpected));
                    }
                    ValidationErrorKind::Required { property } => {
                        out.push(self.missing_field(file, doc, &site, property));
                    }
                    ValidationErrorKind::UniqueItems
                        if super::repeated_item(file, doc, &site.pointer).is_some() =>
                    {
                        out.extend(super::repeated_item(file, doc, &site.pointer));
                    }
                    ValidationErrorKind::AnyOf { context }
                    | ValidationErrorKind::OneOfNotValid { context }
                        if fitting_alternative(context, &site.pointer).is_some() =>
                    {
                        if let Some(inner) = fitting_alternative(context, &site.pointer) {
                            out.extend(self.check_errors(file, doc, inner, seen_values));
                        }
                    }
                    kind => {
                        if !seen_values.insert(site.pointer.clone()) {
                            // One problem, reported once (schemars puts `type` and `enum` on one node).
                            continue;
                        }
                        out.push(self.wrong_value(file, doc, &site, kind));
                    }
                }
            }
            out
        }

        /// Where an error is: its pointer and what the schema says there.
        fn site(&self, pointer: &str) -> Site<'_> {
            let field_schema = schema_at(&self.schema, &self.schema, pointer);
            Site {
                pointer: pointer.to_string(),
                field_schema,
                field_desc: field_schema
                    .and_then(|s| s.get("description"))
                    .and_then(Value::as_str),
                field_name: field_label(pointer),
            }
        }

        /// `additionalProperties` / `unevaluatedProperties`: one diagnostic
        /// per unknown key, at the key, with the nearest allowed field.
        fn unknown_fields(
            &self,
            file: &str,
            doc: &Document,
            site: &Site<'_>,
            unexpected: &[String],
        ) -> Vec<Diagnostic> {
            let known = property_names(&self.schema, site.field_schema);
            let mut out = Vec::new();
            for key in unexpected {
                let p = format!("{}/{}", site.pointer, escape_pointer(key));
                let span = doc.locate(&p);
                let (start, end) = span.key.unwrap_or(span.value);
                let help = match did_you_mean(key, known.iter().map(String::as_str)) {
                    Some(s) => format!(
                        "did you mean `{s}`? The fields allowed here are: {}",
                        known.join(", ")
                    ),
                    None => format!(
                        "remove it; the fields allowed here are: {}",
                        known.join(", ")
                    ),
                };
                out.push(
                    Diagnostic::new(
                        file,
                        start,
                        Code::UnknownField,
                        format!("unknown field `{key}`"),
                    )
                    .until(end)
                    .at_pointer(p)
                    .with_help(help),
                );
            }
            out
        }

        /// `required`: the missing field, at the mapping that lacks it, with
        /// what the field is for.
        fn missing_field(
            &self,
            file: &str,
            doc: &Document,
            site: &Site<'_>,
            property: &Value,
        ) -> Diagnostic {
            let pointer = &site.pointer;
            let name = property.as_str().unwrap_or("?");
            let span = doc.locate(pointer);
            let prop_schema = site
                .field_schema
                .and_then(|s| resolve(&self.schema, s).get("properties"))
                .and_then(|p| p.get(name));
            let desc = prop_schema
                .and_then(|s| s.get("description"))
                .and_then(Value::as_str);
            let mut d = Diagnostic::new(
                file,
                span.value.0,
                Code::MissingField,
                format!(
                    "missing field `{name}`{}",
                    if pointer.is_empty() {
                        String::new()
                    } else {
                        format!(" in {}", site.field_name)
                    }
                ),
            )
            .at_pointer(pointer.clone());
            d = d.with_help(match desc {
                Some(desc) => format!("add `{name}:` ({})", first_sentence(desc)),
                None => format!("add `{name}:`"),
            });
            d
        }

        /// Any other error: the value is wrong (see [`describe_value_error`]),
        /// with what the field is for after the help.
        fn wrong_value(
            &self,
            file: &str,
            doc: &Document,
            site: &Site<'_>,
            kind: &ValidationErrorKind,
        ) -> Diagnostic {
            let pointer = &site.pointer;
            let field_name = &site.field_name;
            let instance = doc.value.pointer(pointer).unwrap_or(&Value::Null);
            let span = doc.locate(pointer);
            let raw = doc.source_of(pointer);
            let (code, message, help) = describe_value_error(
                kind,
                instance,
                raw,
                field_name,
                site.field_schema.map(|s| resolve(&self.schema, s)),
            );
            let help = match (help, site.field_desc) {
                (Some(h), Some(desc)) => {
                    Some(format!("{h}. {field_name}: {}", first_sentence(desc)))
                }
                (Some(h), None) => Some(h),
                (None, Some(desc)) => Some(format!("{field_name}: {}", first_sentence(desc))),
                (None, None) => None,
            };
            let mut d = Diagnostic::new(file, span.value.0, code, message)
                .until(span.value.1)
                .at_pointer(pointer.clone());
            if let Some(h) = help {
                d = d.with_help(h);
            }
            d
        }
    }

    /// Where in a document an error is, and what the schema says of it.
    struct Site<'s> {
        /// The JSON pointer of the instance.
        pointer: String,
        /// The subschema that describes it, if found.
        field_schema: Option<&'s Value>,
        /// That subschema's description.
        field_desc: Option<&'s str>,
        /// The field as a reader names it (see [`field_label`]).
        field_name: String,
    }

    /// The one alternative of a failed `anyOf`/`oneOf` that the value at
    /// `pointer` has the type of (its errors are about what is inside the
    /// value), when there is exactly one.
    fn fitting_alternative<'e>(
        context: &'e [Vec<ValidationError<'static>>],
        pointer: &str,
    ) -> Option<&'e [ValidationError<'static>]> {
        let mut fitting = context.iter().filter(|errors| {
            !errors.is_empty()
                && !errors.iter().any(|e| {
                    e.instance_path().as_str() == pointer
                        && matches!(
                            e.kind(),
                            ValidationErrorKind::Type { .. }
                                | ValidationErrorKind::Constant { .. }
                                | ValidationErrorKind::Enum { .. }
                        )
                })
        });
        let one = fitting.next()?;
        match fitting.next() {
            None => Some(one.as_slice()),
            Some(_) => None,
        }
    }

    fn first_sentence(desc: &str) -> &str {
        desc.split_inclusive(". ").next().unwrap_or(desc).trim_end()
    }

    fn kind_word(v: &Value) -> &'static str {
        match v {
            Value::Null => "nothing (an empty value)",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "a mapping",
        }
    }

    fn type_word(t: &str) -> &'static str {
        match t {
            "string" => "text",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "array" => "a list",
            "object" => "a mapping (`key: value` lines)",
            "null" => "nothing",
            _ => "a value of another type",
        }
    }

    /// The code, message and help for a wrong value, one function per kind
    /// of JSON Schema error (the short ones inline).
    fn describe_value_error(
        kind: &ValidationErrorKind,
        instance: &Value,
        raw: Option<&str>,
        field: &str,
        schema: Option<&Value>,
    ) -> (Code, String, Option<String>) {
        match kind {
            ValidationErrorKind::Type { kind } => wrong_type(kind, instance, raw, field),
            ValidationErrorKind::Enum { options } => not_an_option(options, instance, field),
            ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
                no_alternative_fits(schema, instance, field)
            }
            ValidationErrorKind::Pattern { pattern } => pattern_mismatch(pattern, instance, field),
            ValidationErrorKind::MinLength { .. } => (
                Code::UnusableText,
                format!("{field} is empty"),
                Some("write the text, or remove the field if it is optional".into()),
            ),
            ValidationErrorKind::MaxLength { limit } => (
                Code::InvalidValue,
                format!("{field} is longer than {limit} characters"),
                None,
            ),
            ValidationErrorKind::MinItems { limit } => (
                Code::MissingField,
                format!(
                    "{field} needs at least {limit} item{}",
                    if *limit == 1 { "" } else { "s" }
                ),
                None,
            ),
            ValidationErrorKind::UniqueItems => (
                Code::InvalidValue,
                format!("{field} lists the same item twice"),
                Some("remove the repeated item".into()),
            ),
            ValidationErrorKind::Minimum { limit } => (
                Code::InvalidValue,
                format!(
                    "{field} is `{}`, but it must be at least {limit}",
                    scalar_text(instance)
                ),
                Some(allowed_range(schema)),
            ),
            ValidationErrorKind::Maximum { limit } => (
                Code::InvalidValue,
                format!(
                    "{field} is `{}`, but it must be at most {limit}",
                    scalar_text(instance)
                ),
                Some(allowed_range(schema)),
            ),
            other => (
                Code::InvalidValue,
                format!("{field} is not valid: {other:?}"),
                None,
            ),
        }
    }

    /// The numbers a field allows, from its schema's `minimum`, `maximum`
    /// and `format`, as a help.
    fn allowed_range(schema: Option<&Value>) -> String {
        let get = |k: &str| schema.and_then(|s| s.get(k));
        let whole = get("type").is_some_and(|t| t.to_string().contains("integer"));
        let min = get("minimum").map(ToString::to_string);
        let max = get("maximum").map(ToString::to_string).or_else(|| {
            (get("format").and_then(Value::as_str) == Some("uint32")).then(|| u32::MAX.to_string())
        });
        let what = if whole { "a whole number" } else { "a number" };
        match (min, max) {
            (Some(lo), Some(hi)) => format!("write {what} from {lo} to {hi}"),
            (Some(lo), None) => format!("write {what} of at least {lo}"),
            (None, Some(hi)) => format!("write {what} of at most {hi}"),
            (None, None) => format!("write {what}"),
        }
    }

    /// `type`: what the field must be and what YAML read instead, with how
    /// to write it when quoting (or unquoting) fixes it.
    fn wrong_type(
        kind: &TypeKind,
        instance: &Value,
        raw: Option<&str>,
        field: &str,
    ) -> (Code, String, Option<String>) {
        let expected: Vec<&str> = match kind {
            TypeKind::Single(t) => vec![type_word(&t.to_string())],
            TypeKind::Multiple(ts) => ts.iter().map(|t| type_word(&t.to_string())).collect(),
        };
        let expected = expected.join(" or ");
        let as_written = raw.map_or_else(|| scalar_text(instance), str::to_string);
        let help = match instance {
            Value::Bool(_) | Value::Number(_) | Value::Null if expected.starts_with("text") => {
                Some(format!(
                    "YAML read `{as_written}` as {}; put it in quotes to keep it as text: \"{}\"",
                    kind_word(instance),
                    as_written.trim_matches(|c| c == '"' || c == '\'')
                ))
            }
            Value::String(s) if expected.starts_with("true") => Some(format!(
                "write `true` or `false`; YAML 1.2 reads `{s}` as text, not as yes/no"
            )),
            Value::Array(_) if expected.starts_with("text") => {
                Some("write one piece of text here, not a list".to_string())
            }
            _ => None,
        };
        (
            Code::WrongType,
            format!(
                "{field} must be {expected}, but it is {}",
                kind_word(instance)
            ),
            help,
        )
    }

    /// `enum`: the value is none of the allowed ones.
    fn not_an_option(
        options: &Value,
        instance: &Value,
        field: &str,
    ) -> (Code, String, Option<String>) {
        let allowed: Vec<String> = options
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        not_allowed(&scalar_text(instance), &allowed, field)
    }

    /// `oneOf` / `anyOf`: no alternative fits; the allowed values when the
    /// alternatives are constants or enums, else the shape is wrong.
    fn no_alternative_fits(
        schema: Option<&Value>,
        instance: &Value,
        field: &str,
    ) -> (Code, String, Option<String>) {
        let mut allowed = Vec::new();
        if let Some(s) = schema {
            for key in ["oneOf", "anyOf"] {
                for alt in s.get(key).and_then(Value::as_array).into_iter().flatten() {
                    if let Some(c) = alt.get("const").and_then(Value::as_str) {
                        allowed.push(c.to_string());
                    }
                    for e in alt
                        .get("enum")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        if let Some(e) = e.as_str() {
                            allowed.push(e.to_string());
                        }
                    }
                }
            }
        }
        if allowed.is_empty() {
            return (
                Code::InvalidValue,
                format!(
                    "{field} does not have an allowed shape ({})",
                    kind_word(instance)
                ),
                None,
            );
        }
        not_allowed(&scalar_text(instance), &allowed, field)
    }

    /// `got` is not among `allowed`: the nearest allowed value, and the list.
    fn not_allowed(got: &str, allowed: &[String], field: &str) -> (Code, String, Option<String>) {
        let help = match did_you_mean(got, allowed.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`? Allowed values: {}", allowed.join(", ")),
            None => format!("allowed values: {}", allowed.join(", ")),
        };
        (
            Code::InvalidValue,
            format!("`{got}` is not an allowed value for {field}"),
            Some(help),
        )
    }

    /// `pattern`: named by what the pattern is for (an id, non-blank text, a
    /// code of a system, a date), else quoted.
    fn pattern_mismatch(
        pattern: &str,
        instance: &Value,
        field: &str,
    ) -> (Code, String, Option<String>) {
        let got = scalar_text(instance);
        // The markers `lems-content new` leaves where an id goes (the same
        // words `text::placeholders` refuses in texts, E0206).
        let marker = ["todo", "tbd", "fixme", "xxx"]
            .iter()
            .any(|m| got.trim().eq_ignore_ascii_case(m));
        if pattern == ID_PATTERN && marker {
            return (
                Code::UnusableText,
                format!("{field} still holds the placeholder `{got}`"),
                Some(
                    "replace it with the id of the file it refers to (that file's name without `.yaml`)"
                        .into(),
                ),
            );
        }
        if pattern == ID_PATTERN {
            return (
                Code::InvalidValue,
                format!("`{got}` is not a valid id"),
                Some(format!(
                    "ids are lowercase words joined by single underscores, for example `{}`",
                    suggest_id(&got)
                )),
            );
        }
        if pattern == "\\S" {
            return (
                Code::UnusableText,
                format!("{field} is blank (only spaces)"),
                Some("write the text, or remove the field if it is optional".into()),
            );
        }
        if let Some(system) = CodeSystem::ALL.iter().find(|s| s.pattern().0 == pattern) {
            let (_, example) = system.pattern();
            let label = system.label();
            return (
                Code::InvalidValue,
                format!("`{got}` is not a valid {label} code"),
                Some(format!(
                    "a {label} code looks like `{example}`; copy it from the source exactly"
                )),
            );
        }
        if pattern == PARTIAL_DATE_PATTERN {
            return (
                Code::InvalidValue,
                format!("`{got}` is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
                Some(
                    "write it as precisely as the source does, in quotes, for example \"2009-12\""
                        .into(),
                ),
            );
        }
        if pattern == WEB_ADDRESS_PATTERN {
            return (
                Code::InvalidValue,
                format!("`{got}` is not a web address this content can show"),
                Some(
                    "copy the address from the source: https://, the site's name, then the path, with no spaces, quotes, angle brackets or backslashes (write them %-encoded)"
                        .into(),
                ),
            );
        }
        if pattern == DATE_PATTERN {
            return (
                Code::InvalidValue,
                format!("`{got}` is not a date written YYYY-MM-DD"),
                Some("write the date as YYYY-MM-DD, in quotes, for example \"2019-07-18\"".into()),
            );
        }
        (
            Code::InvalidValue,
            format!("`{got}` does not have the form {field} needs (pattern {pattern})"),
            None,
        )
    }

    fn scalar_text(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Null => "null".into(),
            other => other.to_string(),
        }
    }

    /// Follows a local `$ref` (`#/$defs/Name`).
    fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
        for _ in 0..16 {
            match node.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
                    Some(target) => node = target,
                    None => return node,
                },
                None => return node,
            }
        }
        node
    }

    /// The subschema that describes the instance at `pointer`.
    fn schema_at<'a>(root: &'a Value, start: &'a Value, pointer: &str) -> Option<&'a Value> {
        let mut node = start;
        for seg in pointer.split('/').skip(1) {
            let seg = seg.replace("~1", "/").replace("~0", "~");
            let here = resolve(root, node);
            let here = match here
                .get("anyOf")
                .or_else(|| here.get("oneOf"))
                .and_then(Value::as_array)
            {
                Some(alts) => alts
                    .iter()
                    .map(|a| resolve(root, a))
                    .find(|a| a.get("properties").is_some() || a.get("items").is_some())
                    .unwrap_or(here),
                None => here,
            };
            node = if let Some(p) = here.get("properties").and_then(|p| p.get(&seg)) {
                p
            } else {
                here.get("items")?
            };
        }
        Some(node)
    }

    fn property_names(root: &Value, node: Option<&Value>) -> Vec<String> {
        node.map(|n| resolve(root, n))
            .and_then(|n| n.get("properties"))
            .and_then(Value::as_object)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_like_field_paths() {
        assert_eq!(field_label("/brands/0/regions/1"), "`brands[0].regions[1]`");
        assert_eq!(field_label(""), "the file");
    }
}
