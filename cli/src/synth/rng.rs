//! The seeded random numbers and the made-up names built from them.

use super::*;

pub(super) struct Rng(pub(super) ChaCha8Rng);

impl Rng {
    /// Uniform in [0, 1).
    pub(super) fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    pub(super) fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in [0, n).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.0.next_u64()) * n as u128) >> 64) as usize
    }

    /// Roughly standard normal (Irwin–Hall with four terms, scaled to variance 1).
    pub(super) fn normal(&mut self) -> f64 {
        let s = self.unit() + self.unit() + self.unit() + self.unit();
        (s - 2.0) * 1.732_050_807_568_877_2
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub(super) fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

pub(super) fn text(zh: String, en: String) -> Text {
    Text { zh, en: Some(en) }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A made-up two-character place name: (Chinese, pinyin).
pub(super) fn place_name(rng: &mut Rng) -> (String, String) {
    let (a, pa) = *rng.pick(&SYLLABLES);
    let (b, pb) = *rng.pick(&SYLLABLES);
    (format!("{a}{b}"), capitalise(&format!("{pa}{pb}")))
}
