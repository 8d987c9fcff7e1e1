//! The two conversions every drawing function makes: a palette colour to plotters' colour,
//! and a layout coordinate (CSS or backend pixels, `f64`) to the backend's whole pixels.

use plotters::style::RGBColor;

use super::palette::Rgb;

/// A palette colour as plotters' colour.
pub(crate) fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// A coordinate rounded to the nearest whole pixel.
pub(crate) fn px(v: f64) -> i32 {
    v.round() as i32
}
