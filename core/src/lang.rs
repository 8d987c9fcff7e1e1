//! The display language: a leaf type (it depends on the data model's `Text` only), so every
//! module can take a `Lang` without depending on the message tables
//! ([`crate::i18n`] adds `Lang::strings` and `Lang::messages`).

use crate::model::Text;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// A display language.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, IntoStaticStr, EnumString, VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, default first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`, also accepting `zh-CN`, `zh-Hans`, `en-US` and the like.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        primary.parse().ok()
    }

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language; English falls back to Chinese.
    pub fn pick(self, t: &Text) -> &str {
        match (self, &t.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &t.zh,
        }
    }

    /// The text in the other language, if there is one: the English for Chinese (which a
    /// file may not give), the Chinese for English.
    pub fn pick_other(self, t: &Text) -> Option<&str> {
        match self {
            Lang::Zh => t.en.as_deref(),
            Lang::En => Some(&t.zh),
        }
    }

    /// Whether [`Lang::pick`] had to fall back to Chinese for English.
    pub fn falls_back(self, t: &Text) -> bool {
        self == Lang::En && t.en.as_deref().is_none_or(|e| e.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_languages_and_their_codes() {
        assert_eq!(Lang::ALL.as_slice(), Lang::VARIANTS);
        assert_eq!(Lang::ALL.map(Lang::code), ["zh", "en"]);
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn english_falls_back_to_chinese() {
        let t = Text {
            zh: "梅江".into(),
            en: None,
        };
        assert_eq!(Lang::En.pick(&t), "梅江");
        assert!(Lang::En.falls_back(&t));
        assert!(!Lang::Zh.falls_back(&t));
        assert_eq!(Lang::Zh.pick_other(&t), None);
        assert_eq!(Lang::En.pick_other(&t), Some("梅江"));
    }
}
