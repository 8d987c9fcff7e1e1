//! A native timing of the loading stages on a large file, for profiling (not a speed test:
//! ignored by default). `SSC_PARSE_FILE=path cargo test --release -p scorecards-core
//! --test parse_timing -- --ignored --nocapture`; `SSC_PARSE_ONLY=1` times the loading stages alone.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)]
// SAFETY: every call goes to `System` unchanged; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn stage<T>(name: &str, bytes: usize, f: impl FnOnce() -> T) -> T {
    let (c0, l0) = (COUNT.load(Ordering::Relaxed), LIVE.load(Ordering::Relaxed));
    PEAK.store(l0, Ordering::Relaxed);
    let t = Instant::now();
    let out = f();
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{name:<16} {ms:8.1} ms {:7.1} MB/s  allocs {:>9}  live +{:6.1} MB  peak +{:6.1} MB",
        bytes as f64 / 1e6 / (ms / 1000.0),
        COUNT.load(Ordering::Relaxed) - c0,
        (LIVE.load(Ordering::Relaxed) as f64 - l0 as f64) / 1e6,
        (PEAK.load(Ordering::Relaxed) - l0) as f64 / 1e6,
    );
    out
}

#[test]
#[ignore = "profiling aid: needs SSC_PARSE_FILE"]
fn time_the_stages() {
    let path = std::env::var("SSC_PARSE_FILE").expect("SSC_PARSE_FILE");
    let bytes = std::fs::read(path).unwrap();
    let n = bytes.len();
    println!("{n} bytes");
    // For comparison (left out with SSC_PARSE_ONLY, e.g. under a profiler): a generic tree
    // (what `JSON.parse` builds), and the syntax alone.
    if std::env::var_os("SSC_PARSE_ONLY").is_none() {
        stage("serde_json Value", n, || {
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()
        });
        stage("IgnoredAny", n, || {
            serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).unwrap()
        });
    }
    let doc = stage("decode_quick", n, || {
        scorecards_core::decode_quick(&bytes, "f").unwrap().unwrap()
    });
    let issues = stage("validate", n, || scorecards_core::validate(&doc));
    assert!(issues.is_empty());
    drop(doc);
    let ds = stage("parse (all)", n, || {
        scorecards_core::parse(&bytes, "f").unwrap()
    });
    drop(ds);
}
