//! `scorecards`: validate, import, generate and preview station-scorecards data files.
//! Run `scorecards help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    // Not locked: the server's request threads print too.
    let code = scorecards_cli::run(args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}
