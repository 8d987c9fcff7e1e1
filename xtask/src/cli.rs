//! The subcommands' arguments, read with `lexopt` (as the `scorecards` tool reads its own):
//! every option is `--name`, a flag or `--name VALUE` / `--name=VALUE`.

use std::collections::VecDeque;

use lexopt::prelude::*;

use crate::util::{bail, Result};

pub const DEFAULT_PORT: u16 = 8080;

/// The options that take a value, across the subcommands (the rest are flags).
const TAKES_VALUE: &[&str] = &[
    "port",
    "data",
    "target",
    "seconds",
    "sanitizer",
    "scenario",
    "runs",
    "lighthouse-runs",
    "stations",
    "months",
    "seed",
    "timeout",
    "src",
    "ref-src",
    "station",
    "search",
    "province",
    "app-scorecard-url",
    "app-table-url",
    "op-budget",
    "portal-station",
    "portal-page",
];

/// The arguments of one subcommand, read by lexopt; options are taken out as the command
/// asks for them, and [`Args::finish`] refuses what no one asked for.
pub struct Args {
    command: String,
    /// `--name` and its value, in order.
    options: VecDeque<(String, Option<String>)>,
}

impl Args {
    /// Reads `items` (the arguments after the subcommand's name).
    pub fn parse(command: &str, items: &[String]) -> Result<Args> {
        let fail = |e: lexopt::Error| anyhow::anyhow!("`cargo xtask {command}`: {e}");
        let mut parser = lexopt::Parser::from_args(items);
        let mut options = VecDeque::new();
        while let Some(arg) = parser.next().map_err(fail)? {
            match arg {
                Long(name) if TAKES_VALUE.contains(&name) => {
                    let name = format!("--{name}");
                    let value = parser.value().map_err(fail)?.string().map_err(fail)?;
                    if value.starts_with("--") {
                        bail!("`cargo xtask {command}`: {name} needs a value");
                    }
                    options.push_back((name, Some(value)));
                }
                Long(name) => {
                    let name = format!("--{name}");
                    if parser.optional_value().is_some() {
                        bail!("`cargo xtask {command}`: {name} takes no value");
                    }
                    options.push_back((name, None));
                }
                other => bail!(
                    "`cargo xtask {command}`: unexpected argument {:?}. See `cargo xtask help`.",
                    other.unexpected().to_string()
                ),
            }
        }
        Ok(Args {
            command: command.to_string(),
            options,
        })
    }

    /// Takes every occurrence of the flag `--name`.
    pub fn flag(&mut self, name: &str) -> bool {
        let before = self.options.len();
        self.options.retain(|(n, v)| !(n == name && v.is_none()));
        self.options.len() != before
    }

    /// Takes `--name VALUE` or `--name=VALUE` (the last one wins).
    pub fn value(&mut self, name: &str) -> Result<Option<String>> {
        let mut found = None;
        let mut bare = false;
        self.options.retain(|(n, v)| {
            let take = n == name;
            if take {
                bare |= v.is_none();
                found = v.clone();
            }
            !take
        });
        if bare {
            // Read as a flag: `TAKES_VALUE` does not list it.
            bail!("`cargo xtask {}`: {name} needs a value", self.command);
        }
        Ok(found)
    }

    /// Fails on anything left over.
    pub fn finish(self) -> Result<()> {
        if let Some((extra, _)) = self.options.front() {
            bail!(
                "`cargo xtask {}`: unexpected argument {extra:?}. See `cargo xtask help`.",
                self.command
            );
        }
        Ok(())
    }
}

/// The port from `--port`, else from `$PORT`, else 8080. 0 means "any free port".
pub fn select_port(arg: Option<&str>, env: Option<&str>) -> Result<u16> {
    let (value, source) = match (arg, env.filter(|e| !e.trim().is_empty())) {
        (Some(a), _) => (a, "--port"),
        (None, Some(e)) => (e, "the PORT environment variable"),
        (None, None) => return Ok(DEFAULT_PORT),
    };
    match value.trim().parse::<u16>() {
        Ok(port) => Ok(port),
        Err(_) => bail!("{source} is {value:?}, which is not a port number (0-65535)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(items: &[&str]) -> Args {
        try_args(items).unwrap()
    }

    fn try_args(items: &[&str]) -> Result<Args> {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        Args::parse("serve", &items)
    }

    #[test]
    fn port_precedence() {
        assert_eq!(select_port(None, None).unwrap(), 8080);
        assert_eq!(select_port(None, Some("")).unwrap(), 8080);
        assert_eq!(select_port(None, Some("3000")).unwrap(), 3000);
        assert_eq!(select_port(Some("9000"), Some("3000")).unwrap(), 9000);
        assert_eq!(select_port(Some("0"), None).unwrap(), 0);
        let err = select_port(None, Some("http")).unwrap_err().to_string();
        assert!(err.contains("PORT environment variable"), "{err}");
        assert!(select_port(Some("70000"), None).is_err());
        assert!(select_port(Some("-1"), None).is_err());
    }

    #[test]
    fn flags_and_values() {
        let mut a = args(&["--no-build", "--port", "9000", "--data=x.json"]);
        assert!(a.flag("--no-build"));
        assert!(!a.flag("--dev"));
        assert_eq!(a.value("--port").unwrap().as_deref(), Some("9000"));
        assert_eq!(a.value("--data").unwrap().as_deref(), Some("x.json"));
        assert_eq!(a.value("--missing").unwrap(), None);
        a.finish().unwrap();
    }

    #[test]
    fn missing_value_and_leftovers_are_errors() {
        let err = try_args(&["--port"]).err().unwrap().to_string();
        assert!(err.contains("--port"), "{err}");
        assert!(try_args(&["--port", "--dev"]).is_err());
        assert!(try_args(&["--dev=yes"]).is_err());
        let err = try_args(&["stray"]).err().unwrap().to_string();
        assert!(err.contains("stray"), "{err}");
        let mut a = args(&["--bogus"]);
        assert!(!a.flag("--dev"));
        let err = a.finish().unwrap_err().to_string();
        assert!(err.contains("--bogus"), "{err}");
    }
}
