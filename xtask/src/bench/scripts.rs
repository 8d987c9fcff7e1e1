//! The scripts the bench runs in the browser. Each lives in `js/` as one function expression
//! (a file a JavaScript editor and linter can read); this module turns them into what CDP
//! and WebDriver take: a call with its arguments as JSON, or a function body that applies
//! WebDriver's `arguments`.

use serde_json::Value;

const OBSERVER: &str = include_str!("js/observer.js");
const COLLECT: &str = include_str!("js/collect.js");
const ACT: &str = include_str!("js/act.js");
const READY: &str = include_str!("js/ready.js");
const COUNT: &str = include_str!("js/count.js");
const PORTAL_OBSERVER: &str = include_str!("js/portal_observer.js");
const PORTAL_COLLECT: &str = include_str!("js/portal_collect.js");

/// `(function …)(arg, …);` with the arguments as JSON literals (so any selector is quoted
/// safely): the source for `Page.addScriptToEvaluateOnNewDocument`.
fn call_with(function: &str, args: &[Value]) -> String {
    let args: Vec<String> = args.iter().map(Value::to_string).collect();
    format!("({})({});", function.trim_end(), args.join(", "))
}

/// A WebDriver script body that calls the function with WebDriver's `arguments`.
fn body_of(function: &str) -> String {
    format!("return ({}).apply(null, arguments);", function.trim_end())
}

/// National scenario: records when `sel` (or `error_sel`) first matches; keeps wasm memories.
pub fn observer(sel: &str, error_sel: &str) -> String {
    call_with(OBSERVER, &[Value::from(sel), Value::from(error_sel)])
}

/// National scenario: whether the observer is done (true / false).
pub fn ready() -> String {
    body_of(READY)
}

/// How many elements match the selector given as the one argument.
pub fn count() -> String {
    body_of(COUNT)
}

/// National scenario: what one load measured.
pub fn collect() -> String {
    body_of(COLLECT)
}

/// National scenario: times one interaction (asynchronous: action, selector, value, rows
/// selector, then WebDriver's callback).
pub fn act() -> String {
    body_of(ACT)
}

/// Portal scenario: records first figure, live takeover, layout shifts and wasm modules.
pub fn portal_observer(live: bool, error_sel: &str, settle_ms: u64) -> String {
    call_with(
        PORTAL_OBSERVER,
        &[serde_json::json!({ "live": live, "error": error_sel, "settleMs": settle_ms })],
    )
}

/// Portal scenario: waits until the observer is done (asynchronous: timeout in ms, then the
/// callback) and returns its record with the Resource Timing entries.
pub fn portal_collect() -> String {
    body_of(PORTAL_COLLECT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observer_script_quotes_selectors() {
        let s = observer(".a \"b\"", ".err");
        assert!(s.contains(r#"".a \"b\"""#), "{s}");
        assert!(s.starts_with("(// National scenario"), "{s}");
        assert!(s.ends_with(r#")(".a \"b\"", ".err");"#), "{s}");
    }

    #[test]
    fn bodies_apply_webdriver_arguments() {
        for body in [ready(), count(), collect(), act(), portal_collect()] {
            assert!(body.starts_with("return (//"), "{body}");
            assert!(body.ends_with(").apply(null, arguments);"), "{body}");
        }
        let p = portal_observer(true, ".x", 1500);
        assert!(
            p.contains(r#""live":true"#) && p.contains(r#""settleMs":1500"#),
            "{p}"
        );
    }
}
