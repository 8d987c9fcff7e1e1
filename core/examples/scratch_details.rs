fn main() {
    let seeds = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/data/seeds.json"
    ))
    .unwrap();
    let cases = [
        seeds.replacen("\"value\": 5.02", "\"value\": \"5.02\"", 1),
        seeds.replacen("\"value\": 5.02", "\"valeu\": 5.02", 1),
        seeds.replacen("\"unit\": \"percent\"", "\"unit\": \"percnt\"", 1),
        seeds.replacen("\"date\": \"2025-07-23\"", "\"date\": \"2023-02-30\"", 1),
        seeds.replacen("\"source\": \"src-meijiang\"", "\"source\": null", 1),
        seeds.replacen("\"kind\": \"year_on_year\"", "\"kind\": \"yoy\"", 1),
        seeds.replacen("\"years\": 6", "\"years\": -6", 1),
        seeds.replacen("\"stations\": [", "\"stations\": {", 1),
        seeds[..500].to_string(),
        "{\"a\" 1}".into(),
        "[1,]".into(),
        "{\"schema_version\":1}x".into(),
        "".into(),
        "{\"schema_version\": 1, \"x\": tru}".into(),
        "{\"schema_version\": 1, \"x\": \"a\u{1}\"}".into(),
    ];
    for c in cases {
        match scorecards_core::decode(c.as_bytes(), "f") {
            Err(e) => println!("{e:?}"),
            Ok(_) => println!("ok"),
        }
    }
    let gbk = b"{\"schema_version\": 1, \"x\": \"\xc5\xc9\xb3\xf6\xcb\xf9\"}";
    println!("{:?}", scorecards_core::decode(gbk, "f").unwrap_err());
}
