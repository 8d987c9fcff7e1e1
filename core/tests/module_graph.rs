//! Keeps the core's module graph acyclic (issue 15): every `crate::…` path in
//! `core/src/**/*.rs` (outside comments) is an edge from the top-level module of the file to
//! the top-level module it names; a name re-exported at the crate root (`crate::Lang`,
//! `crate::parse`) counts as an edge to the module that defines it. The test fails with the
//! cycle spelt out, so a new one shows up in `cargo test -p scorecards-core`.
//!
//! Dependencies point one way: leaf types (`lang`, `path`, `date`, `model`, `error`) at the
//! bottom, the data set and its look-ups above them, tables, charts and messages on top.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read core/src") {
        let p = entry.expect("dir entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Code without `//` comments (doc links name modules without depending on them).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| match l.find("//") {
        Some(i) if !l[..i].contains('"') => &l[..i],
        _ => l,
    })
}

/// The crate's top-level modules and the module behind each root re-export.
fn modules_and_reexports(lib: &str) -> (BTreeSet<String>, BTreeMap<String, String>, Vec<String>) {
    let mut modules = BTreeSet::new();
    let mut names = BTreeMap::new();
    let mut globs = Vec::new();
    for l in code_lines(lib) {
        let l = l.trim();
        let rest = l.strip_prefix("pub ").unwrap_or(l);
        if let Some(m) = rest.strip_prefix("mod ") {
            modules.insert(ident(m).to_string());
        } else if let Some(u) = rest.strip_prefix("use ") {
            let (module, items) = u.trim_end_matches(';').split_once("::").expect("use path");
            let items = items.trim_matches(|c| c == '{' || c == '}');
            for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                if item == "*" {
                    globs.push(module.to_string());
                } else {
                    let name = item.rsplit(" as ").next().unwrap_or(item);
                    names.insert(
                        ident(name.rsplit("::").next().unwrap()).to_string(),
                        module.to_string(),
                    );
                }
            }
        }
    }
    (modules, names, globs)
}

fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = src();
    let lib = fs::read_to_string(root.join("lib.rs")).expect("lib.rs");
    let (modules, reexports, globs) = modules_and_reexports(&lib);
    let resolve = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_string())
        } else if let Some(m) = reexports.get(name) {
            Some(m.clone())
        } else if name.starts_with(char::is_uppercase) && globs.len() == 1 {
            Some(globs[0].clone())
        } else {
            None
        }
    };
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let owner = first.trim_end_matches(".rs").to_string();
        if owner == "lib" {
            continue;
        }
        let text = fs::read_to_string(&file).expect("source file");
        let edges = graph.entry(owner.clone()).or_default();
        for line in code_lines(&text) {
            for (i, _) in line.match_indices("crate::") {
                let after = &line[i + "crate::".len()..];
                let targets: Vec<&str> = match after.strip_prefix('{') {
                    Some(group) => group.split([',', '}']).map(|s| ident(s.trim())).collect(),
                    None => vec![ident(after)],
                };
                for t in targets {
                    if let Some(m) = resolve(t) {
                        if m != owner {
                            edges.insert(m);
                        }
                    }
                }
            }
        }
    }
    graph
}

/// A cycle through `node`, if there is one (depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(pos) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[pos..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_core_module_graph_has_no_cycle() {
    let graph = module_graph();
    // The scan sees the edges it must see (else the check could pass by reading nothing).
    assert!(graph["dataset"].contains("model"), "{graph:?}");
    assert!(graph["format"].contains("lang"), "{graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("module cycle in core/src: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(find_cycle(&g).unwrap().join(" "), "a b c a");
}
