//! Hand-rolled argument parsing (a handful of flags does not need a crate).

use crate::util::{bail, Result};

pub const DEFAULT_PORT: u16 = 8080;

/// The arguments of one subcommand; options are taken out as they are read.
pub struct Args {
    command: String,
    items: Vec<String>,
}

impl Args {
    pub fn new(command: &str, items: &[String]) -> Args {
        Args {
            command: command.to_string(),
            items: items.to_vec(),
        }
    }

    /// Takes every occurrence of `--name`.
    pub fn flag(&mut self, name: &str) -> bool {
        let before = self.items.len();
        self.items.retain(|item| item != name);
        self.items.len() != before
    }

    /// Takes `--name VALUE` or `--name=VALUE` (the last one wins).
    pub fn value(&mut self, name: &str) -> Result<Option<String>> {
        let prefix = format!("{name}=");
        let mut found = None;
        let mut i = 0;
        while i < self.items.len() {
            if self.items[i] == name {
                if i + 1 >= self.items.len() || self.items[i + 1].starts_with("--") {
                    bail!("`cargo xtask {}`: {name} needs a value", self.command);
                }
                found = Some(self.items.remove(i + 1));
                self.items.remove(i);
            } else if let Some(v) = self.items[i].strip_prefix(&prefix) {
                found = Some(v.to_string());
                self.items.remove(i);
            } else {
                i += 1;
            }
        }
        Ok(found)
    }

    /// Fails on anything left over.
    pub fn finish(self) -> Result<()> {
        if let Some(extra) = self.items.first() {
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
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        Args::new("serve", &items)
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
        assert!(args(&["--port"]).value("--port").is_err());
        assert!(args(&["--port", "--dev"]).value("--port").is_err());
        let mut a = args(&["--bogus"]);
        assert!(!a.flag("--dev"));
        let err = a.finish().unwrap_err().to_string();
        assert!(err.contains("--bogus"), "{err}");
    }
}
