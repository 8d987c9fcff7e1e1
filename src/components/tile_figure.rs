use leptos::prelude::*;
use scorecards_core::headline::{Key, Verdict};
use scorecards_core::{format, Lang};

/// The tile language shared by the headline band, the directory and the comparison: the
/// value emphasised and coloured by its verdict, the change beside a level, what the direction
/// means in words (never colour alone), and period · baseline in one caption line.
///
/// `compact` (a table cell) names the verdict alone and keeps the cell's own value class; a
/// tile also names the polarity, and its value is an `ssc__value`.
pub fn tile_figure(key: &Key, lang: Lang, compact: bool) -> impl IntoView {
    let tone = key.tone();
    let meaning = if compact {
        verdict_word(key.trend.map(|t| t.verdict), lang).to_string()
    } else {
        key.meaning(lang)
    };
    let value_class = if compact {
        format!("ssc__cell-value {tone}")
    } else {
        format!("ssc__value ssc__tile-value {tone}")
    };
    let change = key.change_text(lang);
    view! {
        <span class="ssc__tile-figure">
            <strong class=value_class>{format::figure_value(lang, key.figure)}</strong>
            {change.map(|c| view! { <span class=format!("ssc__tile-change {tone}")>{c}</span> })}
        </span>
        {(!meaning.is_empty())
            .then(|| view! { <span class=format!("ssc__tile-meaning {tone}")>{meaning}</span> })}
        <span class="ssc__tile-caption">{key.caption(lang)}</span>
    }
}

/// `向好`, `worse`, or nothing.
pub fn verdict_word(v: Option<Verdict>, lang: Lang) -> &'static str {
    let s = lang.strings();
    match v {
        Some(Verdict::Better) => s.trend_better,
        Some(Verdict::Worse) => s.trend_worse,
        Some(Verdict::Neutral) | None => "",
    }
}
