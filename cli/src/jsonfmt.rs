//! JSON output as people write it: whole numbers without a trailing `.0` (`1800`, not
//! `1800.0`), as in the published seed data. The model stores numbers as `f64`.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Wraps a formatter and writes integral floats as integers.
struct Integral<F>(F);

macro_rules! delegate {
    ($($name:ident),*) => {
        $(
            fn $name<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
                self.0.$name(w)
            }
        )*
    };
}

// The methods with more arguments than `delegate!` takes are written out; each only hands
// the call to the wrapped formatter (the `duplicates` tool pairs them).
impl<F: Formatter> Formatter for Integral<F> {
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, v: f64) -> io::Result<()> {
        // Below 2^53 every integer is exact, so nothing is lost.
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            write!(w, "{}", v as i64)
        } else {
            self.0.write_f64(w, v)
        }
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    delegate!(
        begin_array,
        end_array,
        end_array_value,
        begin_object,
        end_object,
        begin_object_value,
        end_object_value
    );
}

/// Writes `value` as JSON (pretty with two-space indents, or compact), then a newline.
pub fn write<T: Serialize>(value: &T, pretty: bool, w: &mut dyn io::Write) -> io::Result<()> {
    if pretty {
        let mut ser =
            serde_json::Serializer::with_formatter(&mut *w, Integral(PrettyFormatter::new()));
        value.serialize(&mut ser).map_err(io::Error::other)?;
    } else {
        let mut ser = serde_json::Serializer::with_formatter(&mut *w, Integral(CompactFormatter));
        value.serialize(&mut ser).map_err(io::Error::other)?;
    }
    w.write_all(b"\n")
}

/// [`write`] into a string.
pub fn to_string<T: Serialize>(value: &T, pretty: bool) -> String {
    let mut out = Vec::new();
    let _ = write(value, pretty, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn whole_numbers_lose_their_point() {
        let v = serde_json::json!({"a": [1800.0, -12.9, 0.5, -0.0, 1e300, 3], "b": {"c": null}});
        assert_eq!(
            super::to_string(&v, false),
            "{\"a\":[1800,-12.9,0.5,0,1e+300,3],\"b\":{\"c\":null}}\n"
        );
        assert_eq!(
            super::to_string(&serde_json::json!({"a": [2.0]}), true),
            "{\n  \"a\": [\n    2\n  ]\n}\n"
        );
    }
}
