//! Per-station search strings and sort keys, computed once per data set (tables of many
//! stations search and sort on them).

use crate::lang::Lang;
use crate::model::Station;

/// Separates the fields of a search string, so that a search never matches across two fields.
const FIELD_SEP: char = '\u{1f}';

/// Per-station keys for searching and sorting, in station (file) order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StationKeys {
    /// Lowercase `id␟中文名␟english name`.
    search: Vec<Box<str>>,
    /// Per language ([`lang_slot`]): each station's place in name order.
    name_order: [Vec<u32>; 2],
    /// Per language: each station's place in region order.
    region_order: [Vec<u32>; 2],
}

fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

/// Where each item of `keys` comes in their sorted order (a stable sort: equal keys keep
/// file order).
fn places<K: Ord>(keys: Vec<K>) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..keys.len() as u32).collect();
    idx.sort_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
    let mut place = vec![0u32; keys.len()];
    for (p, &i) in idx.iter().enumerate() {
        place[i as usize] = p as u32;
    }
    place
}

impl StationKeys {
    /// Computes the keys of `stations` (once per data set).
    pub fn new(stations: &[Station]) -> StationKeys {
        let search = stations
            .iter()
            .map(|st| {
                let mut s = String::with_capacity(
                    st.id.len() + st.name.zh.len() + st.name.en.as_ref().map_or(0, String::len) + 2,
                );
                s.push_str(&st.id.to_lowercase());
                s.push(FIELD_SEP);
                s.push_str(&st.name.zh.to_lowercase());
                if let Some(en) = &st.name.en {
                    s.push(FIELD_SEP);
                    s.push_str(&en.to_lowercase());
                }
                s.into_boxed_str()
            })
            .collect();
        let by_lang = |f: &dyn Fn(&Station, Lang) -> String| {
            Lang::ALL.map(|lang| places(stations.iter().map(|st| f(st, lang)).collect()))
        };
        StationKeys {
            search,
            name_order: by_lang(&|st, lang| lang.pick(&st.name).to_string()),
            region_order: by_lang(&|st, lang| region_text(st, lang)),
        }
    }

    /// How many stations.
    pub fn len(&self) -> usize {
        self.search.len()
    }

    /// Whether there are no stations.
    pub fn is_empty(&self) -> bool {
        self.search.is_empty()
    }

    /// Whether station `i` matches a needle made by [`needle`].
    pub fn matches(&self, i: usize, needle: &str) -> bool {
        needle.is_empty() || self.search.get(i).is_some_and(|s| s.contains(needle))
    }

    /// The positions of the stations whose name (Chinese or English) or id contains `text`,
    /// ignoring case and surrounding spaces; all stations for an empty text.
    pub fn search(&self, text: &str) -> Vec<u32> {
        let needle = needle(text);
        (0..self.search.len() as u32)
            .filter(|&i| self.matches(i as usize, &needle))
            .collect()
    }

    /// Sorts station positions by name in `lang` (ties in file order).
    pub fn sort_by_name(&self, rows: &mut [u32], lang: Lang) {
        let key = &self.name_order[lang_slot(lang)];
        rows.sort_unstable_by_key(|&i| key[i as usize]);
    }

    /// Sorts station positions by region in `lang` (ties in file order).
    pub fn sort_by_region(&self, rows: &mut [u32], lang: Lang) {
        let key = &self.region_order[lang_slot(lang)];
        rows.sort_unstable_by_key(|&i| key[i as usize]);
    }

    /// A station's place in name order.
    pub fn name_place(&self, i: u32, lang: Lang) -> u32 {
        self.name_order[lang_slot(lang)][i as usize]
    }

    /// A station's place in region order.
    pub fn region_place(&self, i: u32, lang: Lang) -> u32 {
        self.region_order[lang_slot(lang)][i as usize]
    }
}

/// A search text as [`StationKeys::matches`] wants it: trimmed and lowercase.
pub fn needle(text: &str) -> String {
    text.trim().to_lowercase()
}

/// `天津市 河西区` / `Hexi District, Tianjin`.
pub fn region_text(st: &Station, lang: Lang) -> String {
    let r = &st.region;
    let parts: Vec<&str> = [Some(&r.province), r.city.as_ref(), r.district.as_ref()]
        .into_iter()
        .flatten()
        .map(|t| lang.pick(t))
        .collect();
    match lang {
        Lang::Zh => parts.join(" "),
        Lang::En => parts.into_iter().rev().collect::<Vec<_>>().join(", "),
    }
}
