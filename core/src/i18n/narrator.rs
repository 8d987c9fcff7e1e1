//! [`Narrator`]: the narration of the language chosen at run time, for the language-free code
//! of `errors.rs`, `issues.rs` and `serde_text.rs`.
//!
//! Each method calls the language's own with a `match` (static dispatch). So the language-free
//! code is compiled once, not once per language, and only the texts a caller reaches are in
//! the wasm: behind a `&dyn`, every text of the vtable would reach the first module, also the
//! ones only the command-line tools use (measured: +4 KiB brotli, +13 KiB raw).

use std::borrow::Cow;

use super::{en::En, zh::Zh, Lang};
use super::{Detail, ErrorTexts, Found, IssueTexts, SerdeTexts};
use super::{SerdeKind, StructureError, SyntaxError, Unreadable, VersionFound};
use crate::error::{IssueKind, LoadError};

/// The narration of a language (see the module's documentation).
#[derive(Debug, Clone, Copy)]
pub(super) struct Narrator(pub(super) Lang);

/// `self.0`'s implementation of `$method`, called with `$arg`s.
macro_rules! in_lang {
    ($self:ident . $method:ident ($($arg:expr),*)) => {
        match $self.0 {
            Lang::Zh => Zh.$method($($arg),*),
            Lang::En => En.$method($($arg),*),
        }
    };
}

impl ErrorTexts for Narrator {
    fn fetch_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)> {
        in_lang!(self.fetch_error(e))
    }

    fn file_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)> {
        in_lang!(self.file_error(e))
    }

    fn unreadable(&self, u: &Unreadable<'_>) -> Detail {
        in_lang!(self.unreadable(u))
    }

    fn version(&self, v: &VersionFound<'_>) -> String {
        in_lang!(self.version(v))
    }

    fn no_such_field(&self) -> &'static str {
        in_lang!(self.no_such_field())
    }
}

impl IssueTexts for Narrator {
    fn warning(&self, k: &IssueKind) -> Option<String> {
        in_lang!(self.warning(k))
    }

    fn problem(&self, k: &IssueKind) -> Option<String> {
        in_lang!(self.problem(k))
    }

    fn expected(&self, k: &IssueKind) -> String {
        in_lang!(self.expected(k))
    }

    fn found(&self, f: Found) -> Option<String> {
        in_lang!(self.found(f))
    }
}

impl SerdeTexts for Narrator {
    fn syntax(&self, e: SyntaxError) -> (&'static str, Option<&'static str>) {
        in_lang!(self.syntax(e))
    }

    fn structure(&self, e: &StructureError<'_>) -> Detail {
        in_lang!(self.structure(e))
    }

    fn kind(&self, k: &SerdeKind<'_>) -> String {
        in_lang!(self.kind(k))
    }
}
