//! `lems-content lsp`: a language server over a [`lsp_server::Connection`]
//! (stdio for editors, memory for tests) that runs the same loader and rules
//! as `check` on the editor's unsaved buffers over the files on disk.
//!
//! - `server`: the loop (initialize, text sync, requests, shutdown) and what
//!   it publishes; every request answers or errors.
//! - `documents`: the buffers over the disk, UTF-16 positions, the id under the cursor.
//! - `diagnostics`: `check`'s problems as LSP diagnostics, per file.
//! - `completion`, `hover`, `definition`, `references`, `rename`, `actions`: one feature each.
//!
//! It never writes a file: a rename is a workspace edit the editor applies.

mod actions;
mod completion;
mod definition;
mod diagnostics;
mod documents;
mod hover;
mod references;
mod rename;
mod server;

pub use server::{capabilities, serve};
