//! The one palette of every chart: Okabe–Ito colours, which stay distinct under the common
//! forms of colour-blindness, each paired with its own dash pattern so that series stay
//! distinct in black-and-white print too.

/// An opaque colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, for CSS (legends, the table's swatches) and for the canvas.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Reads a CSS colour as `getComputedStyle` gives a custom property: `#rgb`, `#rrggbb`
    /// or `rgb(r, g, b)` (spaces around it allowed). `None` for anything else (a named
    /// colour, a gradient), so that the caller keeps its default.
    pub fn parse(css: &str) -> Option<Rgb> {
        let t = css.trim();
        if let Some(hex) = t.strip_prefix('#') {
            let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
            return match hex.len() {
                3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
                6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
                _ => None,
            };
        }
        let inner = t
            .strip_prefix("rgb(")
            .or_else(|| t.strip_prefix("rgba("))?
            .strip_suffix(')')?;
        let mut parts = inner
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<u8>().ok());
        Some(Rgb(parts.next()??, parts.next()??, parts.next()??))
    }
}

/// The colours a chart is drawn in, following the page's theme. The browser reads them from
/// the component's CSS custom properties (`--_chart-*`, see style/main.css), so the dark and
/// high-contrast themes and a portal's own `--ssc-chart-*` colours reach the canvas; native
/// code and tests use [`ChartTheme::LIGHT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartTheme {
    /// The chart's background, also the inside of hollow (estimated) markers.
    pub background: Rgb,
    /// Text and axis lines.
    pub ink: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// The band behind a month that is not reported.
    pub missing: Rgb,
    /// The baseline rule.
    pub baseline: Rgb,
    /// The first two series (the main line, and the year before), each keeping its dash.
    pub lines: [Rgb; 2],
}

impl ChartTheme {
    /// The light theme: the palette's constants.
    pub const LIGHT: ChartTheme = ChartTheme {
        background: BACKGROUND,
        ink: INK,
        grid: GRID,
        missing: MISSING,
        baseline: BASELINE,
        lines: [BLUE, VERMILLION],
    };

    /// The style of the `i`-th series in this theme: the theme's colour for the first two,
    /// the palette's for the rest; the dash pattern is the palette's.
    pub fn series(&self, i: usize) -> SeriesStyle {
        let base = series_style(i);
        match self.lines.get(i % SERIES.len()) {
            Some(&color) => SeriesStyle { color, ..base },
            None => base,
        }
    }

    /// This theme with each colour that `read` gives for its name (`bg`, `ink`, `grid`,
    /// `missing`, `baseline`, `line`, `line-2`) and that [`Rgb::parse`] understands.
    pub fn with(self, read: impl Fn(&str) -> Option<String>) -> ChartTheme {
        let get = |name: &str, default: Rgb| {
            read(name)
                .as_deref()
                .and_then(Rgb::parse)
                .unwrap_or(default)
        };
        ChartTheme {
            background: get("bg", self.background),
            ink: get("ink", self.ink),
            grid: get("grid", self.grid),
            missing: get("missing", self.missing),
            baseline: get("baseline", self.baseline),
            lines: [get("line", self.lines[0]), get("line-2", self.lines[1])],
        }
    }
}

impl Default for ChartTheme {
    fn default() -> Self {
        ChartTheme::LIGHT
    }
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    /// A continuous line.
    Solid,
    /// Dashes of `on` pixels separated by `off` pixels (at a pixel ratio of 1).
    Dashed {
        /// Length of a dash.
        on: u32,
        /// Length of a gap between dashes.
        off: u32,
    },
}

/// The look of one series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesStyle {
    /// Line and marker colour.
    pub color: Rgb,
    /// Line pattern.
    pub dash: Dash,
}

/// Okabe–Ito blue.
pub const BLUE: Rgb = Rgb(0, 114, 178);
/// Okabe–Ito vermillion.
pub const VERMILLION: Rgb = Rgb(213, 94, 0);
/// Okabe–Ito bluish green.
pub const BLUISH_GREEN: Rgb = Rgb(0, 158, 115);
/// Okabe–Ito reddish purple.
pub const REDDISH_PURPLE: Rgb = Rgb(204, 121, 167);
/// Okabe–Ito orange.
pub const ORANGE: Rgb = Rgb(230, 159, 0);
/// Okabe–Ito sky blue.
pub const SKY_BLUE: Rgb = Rgb(86, 180, 233);

/// Series colours in the order they are given out (the Okabe–Ito yellow is left out: it
/// disappears on white paper).
// One entry per series, each of the same shape (the `duplicates` tool pairs the entries).
pub const SERIES: [SeriesStyle; 6] = [
    SeriesStyle {
        color: BLUE,
        dash: Dash::Solid,
    },
    SeriesStyle {
        color: VERMILLION,
        dash: Dash::Dashed { on: 6, off: 4 },
    },
    SeriesStyle {
        color: BLUISH_GREEN,
        dash: Dash::Dashed { on: 2, off: 3 },
    },
    SeriesStyle {
        color: REDDISH_PURPLE,
        dash: Dash::Dashed { on: 10, off: 3 },
    },
    SeriesStyle {
        color: ORANGE,
        dash: Dash::Dashed { on: 4, off: 2 },
    },
    SeriesStyle {
        color: SKY_BLUE,
        dash: Dash::Dashed { on: 1, off: 2 },
    },
];

/// The style of the `i`-th series (cycling after six).
pub fn series_style(i: usize) -> SeriesStyle {
    SERIES[i % SERIES.len()]
}

/// Text and axis lines.
pub const INK: Rgb = Rgb(51, 51, 51);
/// Grid lines: light enough to recede, dark enough to print.
pub const GRID: Rgb = Rgb(217, 217, 217);
/// The band behind a month that is not reported (visible on screen and in grey print, and
/// lighter than any series).
pub const MISSING: Rgb = Rgb(238, 238, 238);
/// The baseline rule (black, dashed: distinct from every series colour).
pub const BASELINE: Rgb = Rgb(0, 0, 0);
/// The baseline's dash pattern.
pub const BASELINE_DASH: Dash = Dash::Dashed { on: 3, off: 3 };
/// The chart background, also the inside of hollow (estimated) markers.
pub const BACKGROUND: Rgb = Rgb(255, 255, 255);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_distinct_in_colour_and_in_print() {
        for (i, a) in SERIES.iter().enumerate() {
            for b in &SERIES[i + 1..] {
                assert_ne!(a.color, b.color);
                assert_ne!(a.dash, b.dash, "patterns tell series apart in grey print");
            }
            assert_ne!(a.color, BASELINE);
            assert_ne!(a.color, GRID);
            assert_ne!(a.color, INK);
        }
        assert_eq!(series_style(6), SERIES[0]);
        assert_eq!(BLUE.hex(), "#0072B2");
    }

    #[test]
    fn css_colours_parse_and_anything_else_keeps_the_default() {
        assert_eq!(Rgb::parse(" #14181f"), Some(Rgb(20, 24, 31)));
        assert_eq!(Rgb::parse("#FFF"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("rgb(0, 114, 178)"), Some(BLUE));
        assert_eq!(Rgb::parse("rgb(0 114 178 / 1)"), Some(BLUE));
        for bad in [
            "",
            "blue",
            "#12345",
            "#gggggg",
            "rgb(300, 0, 0)",
            "var(--x)",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        let dark = ChartTheme::LIGHT.with(|name| match name {
            "bg" => Some("#14181f".into()),
            "line" => Some("#56b4e9".into()),
            "ink" => Some("rebeccapurple".into()),
            _ => None,
        });
        assert_eq!(dark.background, Rgb(20, 24, 31));
        assert_eq!(dark.series(0).color, SKY_BLUE);
        assert_eq!(dark.series(0).dash, SERIES[0].dash);
        assert_eq!(dark.ink, INK, "an unreadable colour keeps the default");
        assert_eq!(ChartTheme::LIGHT.series(1), SERIES[1]);
        assert_eq!(ChartTheme::LIGHT.series(2), SERIES[2]);
    }
}
