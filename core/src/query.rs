//! The standalone page's query string: `?station=<id>&lang=zh|en&src=<same-origin path>`,
//! and the view state it carries (`view=compare&compare=a,b`, `view=rank&metric=…`).

use crate::compare::{Measure, Normalisation, PopulationBand};
use crate::lang::Lang;
pub use crate::path::{display_name, is_same_origin_path};
use strum::{EnumString, IntoStaticStr, VariantArray};

/// The views of the dashboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, IntoStaticStr, EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum View {
    /// All stations with headline figures (or a station's scorecard when one is open).
    #[default]
    #[strum(to_string = "directory", serialize = "scorecard")]
    Directory,
    /// Two to six stations side by side.
    Compare,
    /// All stations ranked on one metric.
    Rank,
    /// The provinces as tiles, shaded by one metric (`view=map&metric=…&measure=…`).
    Map,
}

impl View {
    /// Name used in URLs and `data-view`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Parses [`View::code`] (`scorecard` is the directory view with a station open).
    pub fn from_code(s: &str) -> Option<View> {
        s.parse().ok()
    }
}

/// Columns a league table can be sorted on.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, IntoStaticStr, EnumString, VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum SortKey {
    /// By standing (best first).
    #[default]
    Rank,
    /// By name.
    Name,
    /// By region.
    Region,
    /// By value.
    Value,
}

impl SortKey {
    /// All keys.
    pub const ALL: [SortKey; 4] = [
        SortKey::Rank,
        SortKey::Name,
        SortKey::Region,
        SortKey::Value,
    ];

    /// Name used in URLs.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Parses [`SortKey::code`].
    pub fn from_code(s: &str) -> Option<SortKey> {
        s.parse().ok()
    }
}

/// How the map view shows the provinces: `map=tiles|geo`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, IntoStaticStr, EnumString, VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum MapMode {
    /// The 34 provincial-level units as equal tiles.
    #[default]
    Tiles,
    /// The publisher's boundary file (when the data names one; else the tiles).
    Geo,
}

impl MapMode {
    /// Name used in URLs and `data-map`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Parses [`MapMode::code`].
    pub fn from_code(s: &str) -> Option<MapMode> {
        s.trim().to_ascii_lowercase().parse().ok()
    }
}

/// The league table's choices (the map view shares its metric and measure).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankQuery {
    /// `metric=<id>`.
    pub metric: Option<String>,
    /// `measure=level|change`.
    pub measure: Option<Measure>,
    /// `norm=per10k|per-officer|per-auxiliary|per-km2`.
    pub norm: Normalisation,
    /// `province=<Chinese name>`: only stations of that province.
    pub province: Option<String>,
    /// `band=<population band>`: only stations of that peer group.
    pub band: Option<PopulationBand>,
    /// `q=<text>`: search by name or id.
    pub search: String,
    /// `sort=rank|name|region|value`.
    pub sort: SortKey,
    /// `dir=desc`: reverse the sort.
    pub descending: bool,
    /// `map=geo`: the map view's mode.
    pub map: MapMode,
}

/// The default data file, relative to the page.
pub const DEFAULT_SRC: &str = "data/seeds.json";

/// Colour themes; a host page can also set the `--ssc-*` custom properties itself.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, IntoStaticStr, EnumString, VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Theme {
    /// Follows the reader's system setting (light or dark).
    #[default]
    Auto,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
    /// Black and white with strong borders and focus rings.
    HighContrast,
}

impl Theme {
    /// All themes.
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::HighContrast];

    /// Parses `auto`, `light`, `dark` or `high-contrast`.
    pub fn from_code(code: &str) -> Option<Theme> {
        code.trim().to_ascii_lowercase().parse().ok()
    }

    /// The name used in attributes, URLs and the CSS class `ssc--theme-<code>`.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// What the query string (or an embedding's options) asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// `station=<id>`: open that station's scorecard.
    pub station: Option<String>,
    /// `lang=zh|en`; anything else is ignored.
    pub lang: Option<Lang>,
    /// `src=<path>`: the data file to load, as written.
    pub src: Option<String>,
    /// `theme=light|dark|high-contrast|auto`.
    pub theme: Option<Theme>,
    /// `display=big`: large type for command-centre screens.
    pub big: bool,
    /// `embed=1`: shown inside an iframe; the page chrome is hidden.
    pub embed: bool,
    /// `view=directory|compare|rank|map`.
    pub view: View,
    /// `compare=a,b,c`: the stations side by side.
    pub compare: Vec<String>,
    /// The league table's choices.
    pub rank: RankQuery,
}

impl PageQuery {
    /// Parses `?a=b&c=d` pairs already split and percent-decoded by the caller.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = PageQuery::default();
        for (k, v) in pairs {
            match k {
                "station" if !v.is_empty() => q.station = Some(v.to_string()),
                "lang" => q.lang = Lang::from_code(v),
                "src" if !v.is_empty() => q.src = Some(v.to_string()),
                "theme" => q.theme = Theme::from_code(v),
                "display" => q.big = v == "big",
                "embed" => q.embed = matches!(v, "1" | "true"),
                "view" => q.view = View::from_code(v).unwrap_or_default(),
                "compare" => {
                    q.compare = v
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                "metric" if !v.is_empty() => q.rank.metric = Some(v.to_string()),
                "measure" => q.rank.measure = Measure::from_code(v),
                "norm" => q.rank.norm = Normalisation::from_code(v).unwrap_or_default(),
                "province" if !v.is_empty() => q.rank.province = Some(v.to_string()),
                "band" => q.rank.band = PopulationBand::from_code(v),
                "q" => q.rank.search = v.to_string(),
                "sort" => q.rank.sort = SortKey::from_code(v).unwrap_or_default(),
                "dir" => q.rank.descending = v == "desc",
                "map" => q.rank.map = MapMode::from_code(v).unwrap_or_default(),
                _ => {}
            }
        }
        q
    }

    /// The pairs to write back into the URL, in a stable order, leaving out defaults.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(src) = &self.src {
            out.push(("src", src.clone()));
        }
        if let Some(st) = &self.station {
            out.push(("station", st.clone()));
        }
        if let Some(lang) = self.lang {
            if lang != Lang::default() {
                out.push(("lang", lang.code().to_string()));
            }
        }
        if let Some(theme) = self.theme {
            if theme != Theme::default() {
                out.push(("theme", theme.code().to_string()));
            }
        }
        if self.view != View::Directory {
            out.push(("view", self.view.code().to_string()));
        }
        if self.view == View::Compare && !self.compare.is_empty() {
            out.push(("compare", self.compare.join(",")));
        }
        if self.view == View::Map {
            if let Some(m) = &self.rank.metric {
                out.push(("metric", m.clone()));
            }
            if let Some(m) = self.rank.measure {
                out.push(("measure", m.code().to_string()));
            }
            if self.rank.map != MapMode::Tiles {
                out.push(("map", self.rank.map.code().to_string()));
            }
        }
        if self.view == View::Rank {
            let r = &self.rank;
            if let Some(m) = &r.metric {
                out.push(("metric", m.clone()));
            }
            if let Some(m) = r.measure {
                out.push(("measure", m.code().to_string()));
            }
            if r.norm != Normalisation::None {
                out.push(("norm", r.norm.code().to_string()));
            }
            if let Some(p) = &r.province {
                out.push(("province", p.clone()));
            }
            if let Some(b) = r.band {
                out.push(("band", b.code().to_string()));
            }
            if !r.search.is_empty() {
                out.push(("q", r.search.clone()));
            }
            if r.sort != SortKey::Rank {
                out.push(("sort", r.sort.code().to_string()));
            }
            if r.descending {
                out.push(("dir", "desc".to_string()));
            }
        }
        if self.big {
            out.push(("display", "big".to_string()));
        }
        if self.embed {
            out.push(("embed", "1".to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `ALL` lists every variant, and every code reads back as its value.
    #[test]
    fn all_lists_and_codes_round_trip() {
        use crate::model::Family;
        assert_eq!(SortKey::ALL.as_slice(), SortKey::VARIANTS);
        assert_eq!(Theme::ALL.as_slice(), Theme::VARIANTS);
        assert_eq!(Normalisation::ALL.as_slice(), Normalisation::VARIANTS);
        assert_eq!(PopulationBand::ALL.as_slice(), PopulationBand::VARIANTS);
        assert_eq!(Family::ALL.as_slice(), Family::VARIANTS);
        assert_eq!(
            Theme::ALL.map(Theme::code),
            ["auto", "light", "dark", "high-contrast"]
        );
        assert_eq!(
            Normalisation::ALL.map(Normalisation::code),
            ["none", "per10k", "per-officer", "per-auxiliary", "per-km2"]
        );
        assert_eq!(
            PopulationBand::ALL.map(PopulationBand::code),
            ["lt50k", "50k-100k", "100k-200k", "ge200k"]
        );
        assert_eq!(
            SortKey::ALL.map(SortKey::code),
            ["rank", "name", "region", "value"]
        );
        assert_eq!(
            [View::Directory, View::Compare, View::Rank, View::Map].map(View::code),
            ["directory", "compare", "rank", "map"]
        );
        let map = PageQuery::from_pairs([
            ("view", "map"),
            ("metric", "incidents"),
            ("measure", "change"),
            ("province", "浙江省"),
        ]);
        assert_eq!(map.view, View::Map);
        // The map keeps its metric and measure in the address, nothing of the league's filters.
        assert_eq!(
            map.to_pairs(),
            [
                ("view", "map".to_string()),
                ("metric", "incidents".to_string()),
                ("measure", "change".to_string())
            ]
        );
        assert_eq!(View::from_code("scorecard"), Some(View::Directory));
        assert_eq!(Measure::Change.code(), "change");
        // The map's mode: `map=geo` is read and written back with the map view only;
        // the default (tiles) and anything unknown are left out.
        let geo = PageQuery::from_pairs([("view", "map"), ("map", "GEO")]);
        assert_eq!(geo.rank.map, MapMode::Geo);
        assert_eq!(
            geo.to_pairs(),
            [("view", "map".to_string()), ("map", "geo".to_string())]
        );
        let tiles = PageQuery::from_pairs([("view", "map"), ("map", "tiles")]);
        assert_eq!(tiles.to_pairs(), [("view", "map".to_string())]);
        let unknown = PageQuery::from_pairs([("view", "map"), ("map", "satellite")]);
        assert_eq!(unknown.rank.map, MapMode::Tiles);
        let rank = PageQuery::from_pairs([("view", "rank"), ("map", "geo")]);
        assert!(rank.to_pairs().iter().all(|(k, _)| *k != "map"));
        assert_eq!(
            MapMode::VARIANTS
                .iter()
                .map(|m| m.code())
                .collect::<Vec<_>>(),
            ["tiles", "geo"]
        );
        for t in Theme::ALL {
            assert_eq!(
                Theme::from_code(&format!(" {} ", t.code().to_uppercase())),
                Some(t)
            );
        }
        for n in Normalisation::ALL {
            assert_eq!(Normalisation::from_code(n.code()), Some(n));
        }
        for b in PopulationBand::ALL {
            assert_eq!(PopulationBand::from_code(b.code()), Some(b));
        }
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_code(k.code()), Some(k));
        }
        for m in [Measure::Level, Measure::Change] {
            assert_eq!(Measure::from_code(m.code()), Some(m));
        }
        assert_eq!(Normalisation::from_code("Per10k"), None);
    }

    #[test]
    fn reads_known_keys_and_ignores_others() {
        let q = PageQuery::from_pairs([("station", "meijiang"), ("lang", "en"), ("x", "1")]);
        assert_eq!(q.station.as_deref(), Some("meijiang"));
        assert_eq!(q.lang, Some(Lang::En));
        assert_eq!(q.src, None);
        assert_eq!(PageQuery::from_pairs([("lang", "fr")]).lang, None);
    }

    #[test]
    fn writes_back_without_defaults() {
        let q = PageQuery {
            station: Some("xishan".into()),
            lang: Some(Lang::Zh),
            ..PageQuery::default()
        };
        assert_eq!(q.to_pairs(), vec![("station", "xishan".to_string())]);
        let q = PageQuery {
            lang: Some(Lang::En),
            ..q
        };
        assert_eq!(q.to_pairs().last(), Some(&("lang", "en".to_string())));
    }

    #[test]
    fn theme_display_and_embed_round_trip() {
        let q = PageQuery::from_pairs([
            ("theme", "High-Contrast"),
            ("display", "big"),
            ("embed", "1"),
        ]);
        assert_eq!(q.theme, Some(Theme::HighContrast));
        assert!(q.big && q.embed);
        let pairs = q.to_pairs();
        assert_eq!(
            pairs,
            vec![
                ("theme", "high-contrast".to_string()),
                ("display", "big".to_string()),
                ("embed", "1".to_string())
            ]
        );
        assert_eq!(PageQuery::from_pairs([("theme", "neon")]).theme, None);
    }

    #[test]
    fn compare_and_rank_state_round_trips() {
        let pairs = [
            ("view", "rank"),
            ("metric", "incidents"),
            ("measure", "change"),
            ("norm", "per10k"),
            ("province", "浙江省"),
            ("band", "50k-100k"),
            ("q", "梅"),
            ("sort", "value"),
            ("dir", "desc"),
        ];
        let q = PageQuery::from_pairs(pairs);
        assert_eq!(q.view, View::Rank);
        assert_eq!(q.rank.norm, Normalisation::Per10kResidents);
        assert_eq!(q.rank.band, Some(PopulationBand::From50kTo100k));
        let back: Vec<(&str, String)> = q.to_pairs();
        let back_ref: Vec<(&str, &str)> = back.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(PageQuery::from_pairs(back_ref), q);
        let c = PageQuery::from_pairs([("view", "compare"), ("compare", "meijiang, xishan,,")]);
        assert_eq!(c.compare, ["meijiang", "xishan"]);
        assert_eq!(
            c.to_pairs(),
            vec![
                ("view", "compare".to_string()),
                ("compare", "meijiang,xishan".to_string())
            ]
        );
        assert_eq!(
            PageQuery::from_pairs([("view", "nonsense")]).view,
            View::Directory
        );
    }
}
