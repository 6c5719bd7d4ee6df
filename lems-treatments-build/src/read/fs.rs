//! Reading the content tree without trusting it: only regular files are
//! opened, never through a symbolic link, never a FIFO or a device, and never
//! more than a byte limit.
//!
//! Every entry's kind is taken with `symlink_metadata` (which does not follow
//! links) **before** anything is opened, so reading never blocks on a FIFO and
//! never leaves the tree through a link. After opening, the open file is checked
//! again (a regular file, and on Unix the same inode), so a file swapped for a
//! link between the two steps is refused as well.

use std::ffi::OsStr;
use std::fs::Metadata;
use std::io::Read;
use std::path::Path;

/// What a directory entry is, without following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file: the only kind of entry that is read.
    File,
    /// A folder.
    Dir,
    /// A symbolic link (never followed).
    Symlink,
    /// A named pipe: opening it would block.
    Fifo,
    /// A character or block device: reading it may never end.
    Device,
    /// A Unix socket.
    Socket,
    /// Anything else the platform knows.
    Other,
}

impl EntryKind {
    /// The kind of the entry described by `meta` (from `symlink_metadata`).
    pub fn of(meta: &Metadata) -> EntryKind {
        let t = meta.file_type();
        if t.is_symlink() {
            return EntryKind::Symlink;
        }
        if t.is_file() {
            return EntryKind::File;
        }
        if t.is_dir() {
            return EntryKind::Dir;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return EntryKind::Fifo;
            }
            if t.is_char_device() || t.is_block_device() {
                return EntryKind::Device;
            }
            if t.is_socket() {
                return EntryKind::Socket;
            }
        }
        EntryKind::Other
    }

    /// The entry's kind in words, for messages: "a symbolic link", …
    pub fn describe(self) -> &'static str {
        match self {
            EntryKind::File => "a regular file",
            EntryKind::Dir => "a folder",
            EntryKind::Symlink => "a symbolic link",
            EntryKind::Fifo => "a named pipe (FIFO)",
            EntryKind::Device => "a device file",
            EntryKind::Socket => "a socket",
            EntryKind::Other => "a special file",
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The entry is not a regular file; nothing was opened.
    NotRegular(EntryKind),
    /// The file holds more than the limit; its size in bytes.
    TooLarge(u64),
    /// The operating system refused (permission, vanished, …).
    Io(std::io::Error),
}

/// The kind of `path` itself (a link is not followed).
pub fn kind_of(path: &Path) -> std::io::Result<EntryKind> {
    std::fs::symlink_metadata(path).map(|m| EntryKind::of(&m))
}

/// Reads a regular file of at most `limit` bytes. Anything else (a link, a
/// FIFO, a device, a folder) is refused before it is opened.
pub fn read_regular(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let before = std::fs::symlink_metadata(path).map_err(ReadError::Io)?;
    let kind = EntryKind::of(&before);
    if kind != EntryKind::File {
        return Err(ReadError::NotRegular(kind));
    }
    if before.len() > limit as u64 {
        return Err(ReadError::TooLarge(before.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let after = file.metadata().map_err(ReadError::Io)?;
    if !after.is_file() || !same_file(&before, &after) {
        // Swapped between the check and the open.
        return Err(ReadError::NotRegular(EntryKind::of(&after)));
    }
    let mut bytes = Vec::new();
    // `take`: a file that grows while it is read still stops at the limit.
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

/// A file name for messages: valid UTF-8 is kept, every byte that is not
/// UTF-8 is shown as `\xNN`, so two names never look alike when they differ
/// (a lossy `�` would hide the difference). Control and invisible characters
/// are made visible by the renderers.
pub fn display_name(name: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let a = display_name(OsStr::from_bytes(b"a\xff.yaml"));
            let b = display_name(OsStr::from_bytes(b"a\xfe.yaml"));
            assert_eq!(a, "a\\xFF.yaml");
            assert_ne!(a, b);
        }
        assert_eq!(display_name(OsStr::new("é.yaml")), "é.yaml");
    }
}
