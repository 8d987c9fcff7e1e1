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
}
