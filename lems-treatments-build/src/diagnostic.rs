//! Problems found in content, as values with a location and a hint.

use std::fmt;

/// A position in a file: 1-based line and 1-based column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, column: 1 };

    /// Converts one of saphyr's markers (1-based line, 0-based column).
    pub fn from_marker(marker: &saphyr::Marker) -> Position {
        Position {
            line: marker.line().max(1),
            column: marker.col() + 1,
        }
    }
}

/// A stable code per kind of problem, so editors can look it up in `EDITING.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A file could not be read, or is not valid UTF-8.
    Unreadable,
    /// The YAML could not be parsed.
    YamlSyntax,
    /// A key appears twice in one mapping.
    DuplicateKey,
    /// YAML that is valid but not allowed in content (tags, several documents, non-text keys, an empty file).
    UnsupportedYaml,
    /// Invisible or direction-changing characters, or a byte order mark.
    InvisibleCharacter,
    /// A field that the schema does not know.
    UnknownField,
    /// A field the schema requires is missing.
    MissingField,
    /// A value of the wrong type (text expected but a number given, …).
    WrongType,
    /// A value of the right type that the schema does not allow.
    InvalidValue,
    /// Two files declare the same id, or an id does not match its file name.
    DuplicateId,
    /// A reference to an id that does not exist.
    UnknownReference,
    /// An id that cannot become a Rust identifier.
    BadIdentifier,
    /// A treatment or other entity without any source.
    MissingSource,
    /// A file that does not belong where it is, or a schema that is missing.
    Layout,
    /// Text nobody can use: empty, whitespace only, or a leftover placeholder.
    UnusableText,
    /// A symbolic link, FIFO, device or socket where a content file or folder belongs.
    SpecialFile,
    /// Content larger than a limit (after alias expansion, or the whole tree).
    TooLarge,
    /// More problems in one file than are listed one by one.
    TooManyProblems,
    /// Text that is not in Unicode normalisation form C.
    NotNormalized,
    /// A character that is not text: a noncharacter, a private-use character, U+FFFC or U+FFFD.
    NotText,
    /// A name that looks like another one, or mixes scripts within a word.
    Confusable,
    /// A citation's place (`at:`) or a code that its source's `outline:` does not declare.
    UndeclaredLocator,
    /// A warning, not an error: a file whose review against its sources is missing or overdue.
    ReviewDue,
    /// A warning, not an error: a file that changed since its last recorded review.
    ReviewStale,
    /// A warning, not an error: a text harder to read than its target grade.
    ReadingLevel,
}

impl Code {
    /// Every code, in order.
    pub const ALL: [Code; 25] = [
        Code::Unreadable,
        Code::YamlSyntax,
        Code::DuplicateKey,
        Code::UnsupportedYaml,
        Code::InvisibleCharacter,
        Code::SpecialFile,
        Code::TooLarge,
        Code::TooManyProblems,
        Code::NotNormalized,
        Code::NotText,
        Code::UnknownField,
        Code::MissingField,
        Code::WrongType,
        Code::InvalidValue,
        Code::DuplicateId,
        Code::UnknownReference,
        Code::BadIdentifier,
        Code::MissingSource,
        Code::Layout,
        Code::UnusableText,
        Code::Confusable,
        Code::UndeclaredLocator,
        Code::ReviewDue,
        Code::ReviewStale,
        Code::ReadingLevel,
    ];

    /// What the code means, with a typical example, for `EDITING.md`.
    pub fn meaning(self) -> &'static str {
        match self {
            Code::Unreadable => "The file could not be read: not UTF-8, or larger than 1 MiB. Example: a file saved as Latin-1 with an `é` in it.",
            Code::YamlSyntax => "The YAML is malformed. Example: a tab used for indentation, or a missing space after `:`.",
            Code::DuplicateKey => "A key appears twice in one mapping. Example: two `name:` lines in one file; the message says where the first one is.",
            Code::UnsupportedYaml => "Valid YAML that content may not use: an empty file, a second document after `---`, a tag such as `!include` (or `!!int` on quoted text, which YAML would drop), a `%YAML` directive other than `%YAML 1.2`, a key that is not text or is longer than 128 bytes, nesting deeper than 64 levels, or aliases that expand to more than 10,000 values.",
            Code::InvisibleCharacter => "An invisible or direction-changing character (zero-width space, bidi override, byte order mark, Unicode tag character, a filler that renders blank such as U+3164, an interlinear annotation character) that would hide what the text says from a reviewer. A zero-width joiner is allowed only between two emoji.",
            Code::SpecialFile => "Not a regular file: a symbolic link, named pipe (FIFO), device or socket where a content file or folder belongs. Nothing is opened or followed, and nothing of the target is shown.",
            Code::TooLarge => "Content larger than a limit: a file that grows past 8 MiB once its values, anchors and aliases are expanded, or a content tree past 64 MiB or 50,000 files.",
            Code::TooManyProblems => "More than 100 problems in one file: the first 100 are listed and the rest are counted in one line. Fix those and check again.",
            Code::NotNormalized => "Text that is not in Unicode normalisation form C (NFC), for example an `é` written as `e` plus a combining accent. It looks the same but compares differently; the help shows the NFC form.",
            Code::NotText => "A character that is not text a reader can be shown: a Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0 to U+FDEF, and the last two of every plane), a private-use character (U+E000 to U+F8FF, and planes 15 and 16: no agreed picture, each font draws its own), or U+FFFC / U+FFFD, which stand for something lost. XML, and so the FHIR export, refuses noncharacters. The help names the character (U+XXXX).",
            Code::UnknownField => "A field the schema does not know, usually a typo. Example: `brand:` instead of `brands:`; the help suggests the closest field.",
            Code::MissingField => "A required field is missing or a required list is empty. Example: a treatment without `kind:`.",
            Code::WrongType => "A value of the wrong type. Example: `name: 1e3` (YAML reads a number; quote it) or a list where one text is expected.",
            Code::InvalidValue => "A value the schema or the rules do not allow. Example: `kind: medecine` (did you mean `medicine`?), an id with capitals, a date that does not exist, a whole number that is negative, written `6.0` or too large, or an item listed twice in a list (the message names it and where the first one is).",
            Code::DuplicateId => "Two things claim the same id or name. Example: an `id:` that differs from the file name, or a brand listed on two treatments.",
            Code::UnknownReference => "A reference to an id that does not exist, or a mechanism or caution that nothing uses. Example: `mechanisms: [cholinesterase_inhibiton]`.",
            Code::BadIdentifier => "An id that cannot become a Rust name, whose Rust name the generated code already uses (`ALL`, `COUNT`, …), or that Windows reserves as a file name (`con`, `prn`, `aux`, `nul`, `com0`–`com9`, `lpt0`–`lpt9`). Example: a mechanism with `id: self`, or a treatment with `id: a_l_l` or `id: con`. `lems-content new` refuses the same ids.",
            Code::MissingSource => "Something that cites no source. Every statement must come from a file in `data/sources/`.",
            Code::Layout => "A file or folder in the wrong place, or one that is not read: a `.yml` file, a hidden file (its name starts with `.`), a backup, a folder where a file belongs, or a missing schema. Example: `data/treatment/` instead of `data/treatments/`.",
            Code::ReviewDue => "A warning, not an error (the build still succeeds): a file was never reviewed (no record in `data/reviews.yaml`), or its last check against its sources is older than the review period (`load::review::REVIEW_PERIOD_DAYS` in lems-treatments-build, one year), or the record is dated after today. Review the file, then run `lems-content record`.",
            Code::ReviewStale => "A warning, not an error: the file changed since its last recorded review (its SHA-256 differs from the one the record keeps), so no recorded review covers what it says now. The message names who reviewed it and when. Review the change, then run `lems-content record`.",
            Code::ReadingLevel => "A warning, not an error (the build still succeeds): a text is harder to read than its target, measured as a Flesch–Kincaid US school grade (syllables from the US English hyphenation patterns). Texts patients read (summaries, usage, indication notes, mechanism explanations, a caution's `for_the_patient`, reasons a caution is not applied, the condition, the disclaimer, class descriptions) aim at grade 8 at most; a caution's `explanation`, for clinicians, at grade 12. The message gives the grade and the target and highlights the longest sentence. Split long sentences and use everyday words, keeping every fact; a medical term the reader must learn can go in `data/glossary.yaml` with a plain explanation.",
            Code::UnusableText => "Text a reader cannot use: empty, only spaces, a control character, a placeholder (`TODO` as left by `lems-content new`, or `TBD`, `FIXME`, `XXX` as a word in any case), filler such as `Lorem ipsum`, or a text that is only `N/A`, `n.a.`, `TBA` or punctuation (`.`, `-`, `?`).",
            Code::UndeclaredLocator => "A place in a source that the source does not declare: an `at:` (beside `source:`, or in a `sources:` item `{source: id, at: place}`) that is not in the `outline:` of that source's file in `data/sources/`, or a code cited from a code table whose `outline:` does not list it. Example: `at: \"Immune therapies\"` where the article's heading is `Immune therapy`; the help lists the declared places and the closest one.",
            Code::Confusable => "A name, brand, synonym or id that looks like another one (Unicode TR39 confusable skeletons, for example a Cyrillic `а` in a Latin name) or mixes scripts within one word.",
        }
    }

    /// The code as printed: `E0001` …
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "E0001",
            Code::YamlSyntax => "E0002",
            Code::DuplicateKey => "E0003",
            Code::UnsupportedYaml => "E0004",
            Code::InvisibleCharacter => "E0005",
            Code::SpecialFile => "E0006",
            Code::TooLarge => "E0007",
            Code::TooManyProblems => "E0008",
            Code::NotNormalized => "E0009",
            Code::NotText => "E0010",
            Code::UnknownField => "E0101",
            Code::MissingField => "E0102",
            Code::WrongType => "E0103",
            Code::InvalidValue => "E0104",
            Code::DuplicateId => "E0201",
            Code::UnknownReference => "E0202",
            Code::BadIdentifier => "E0203",
            Code::MissingSource => "E0204",
            Code::Layout => "E0205",
            Code::UnusableText => "E0206",
            Code::Confusable => "E0207",
            Code::UndeclaredLocator => "E0208",
            Code::ReviewDue => "W0301",
            Code::ReviewStale => "W0302",
            Code::ReadingLevel => "W0401",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Code {
    /// Whether the code is a warning (reported, but not failing a check or build).
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Code::ReviewDue | Code::ReviewStale | Code::ReadingLevel
        )
    }
}

/// One problem in the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the crate root, with `/` separators (for example `data/treatments/x.yaml`).
    pub file: String,
    /// Where the problem starts.
    pub start: Position,
    /// Where the offending node ends, when known.
    pub end: Option<Position>,
    /// The kind of problem.
    pub code: Code,
    /// What is wrong, in plain words.
    pub message: String,
    /// The JSON pointer of the offending value inside the file (`""` for the whole file).
    pub pointer: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem at `start` in `file`.
    pub fn new(
        file: impl Into<String>,
        start: Position,
        code: Code,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.into(),
            start,
            end: None,
            code,
            message: message.into(),
            pointer: String::new(),
            help: None,
        }
    }

    /// Sets the JSON pointer.
    #[must_use]
    pub fn at_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = pointer.into();
        self
    }

    /// Sets the end of the span.
    #[must_use]
    pub fn until(mut self, end: Position) -> Self {
        self.end = Some(end);
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Where in the file the problem is, as an editor sees it, from the JSON
    /// pointer: `/usage/1` is "`usage`, item 2"; `/codes/0/source` is
    /// "`codes`, item 1, `source`". `None` for the whole file. (The pointer
    /// itself is kept for tools: `check --format json`.)
    pub fn place(&self) -> Option<String> {
        let parts: Vec<String> = self
            .pointer
            .split('/')
            .skip(1)
            .filter(|p| !p.is_empty())
            .map(|p| match p.parse::<usize>() {
                Ok(i) => format!("item {}", i + 1),
                Err(_) => format!("`{}`", p.replace("~1", "/").replace("~0", "~")),
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The one-line form used by the build script:
    /// `data/…/file.yaml:LINE:COL: message [CODE] (in `field`, item 2)`, with the help appended.
    pub fn one_line(&self) -> String {
        let mut line = format!(
            "{}:{}:{}: {} [{}]",
            self.file, self.start.line, self.start.column, self.message, self.code,
        );
        if let Some(place) = self.place() {
            line.push_str(&format!(" (in {place})"));
        }
        if let Some(help) = &self.help {
            line.push_str("; help: ");
            line.push_str(help);
        }
        // Cargo's output is line-based, and a terminal shows it: every control,
        // escape or direction-changing character is made visible.
        crate::escape::terminal(&line).into_owned()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.one_line())
    }
}

/// Sorts diagnostics by file and position so that output is deterministic.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.start, a.code, &a.message).cmp(&(&b.file, b.start, b.code, &b.message))
    });
}
