//! Whether the views are being rendered to HTML (natively, by [`crate::prerender`]) rather than
//! mounted in a browser. The few views that differ read [`prerendering`]: a chart is drawn
//! as inline SVG instead of on a canvas, and a long table's spacer rows carry no inline style
//! (a strict Content-Security-Policy refuses `style` attributes in markup).

#[cfg(feature = "ssr")]
thread_local! {
    static ON: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True while [`crate::prerender`] renders on this thread; always false in the browser.
pub fn prerendering() -> bool {
    #[cfg(feature = "ssr")]
    {
        ON.with(std::cell::Cell::get)
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// Runs `f` with [`prerendering`] true on this thread (restored afterwards, also on a panic).
#[cfg(feature = "ssr")]
pub fn with<T>(f: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            let before = self.0;
            ON.with(|on| on.set(before));
        }
    }
    let _reset = Reset(ON.with(|on| on.replace(true)));
    f()
}
