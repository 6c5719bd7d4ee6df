//! `lems-content lsp`: the language server on stdio, until the editor says exit.
//! Exit 0 after a clean shutdown, 2 when the connection failed or no content was found.

use std::path::Path;
use std::process::ExitCode;

use lsp_server::Connection;

/// Serves the editor on stdin/stdout; messages about the server go to stderr.
pub(crate) fn run(root: Option<&Path>) -> ExitCode {
    let (conn, io) = Connection::stdio();
    let served = crate::lsp::serve(&conn, root, &super::check::today());
    drop(conn);
    let joined = io.join();
    match (served, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("error: lems-content lsp: {e}");
            ExitCode::from(2)
        }
        (_, Err(e)) => {
            eprintln!("error: lems-content lsp: the connection failed: {e}");
            ExitCode::from(2)
        }
    }
}
