use scorecards_core::chart::ChartTheme;
use web_sys::Element;

/// The chart colours of the theme `el` is drawn in: the component's `--_chart-*` custom
/// properties (style/main.css sets them per theme, a portal through `--ssc-chart-*`), each
/// falling back to the light palette when absent or not a colour the core reads. Call it
/// only while drawing (never while rendering markup: there is no page when prerendering).
pub fn chart_theme(el: &Element) -> ChartTheme {
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten())
    else {
        return ChartTheme::LIGHT;
    };
    ChartTheme::LIGHT.with(|name| {
        style
            .get_property_value(&format!("--_chart-{name}"))
            .ok()
            .filter(|v| !v.trim().is_empty())
    })
}
