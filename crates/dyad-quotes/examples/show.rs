//! Print the attributions dyad finds in plain-text files (paragraphs
//! separated by blank lines): `cargo run -p dyad-quotes --example show FILE…`.
//! With `--json`, one JSON line per file with byte spans.

use dyad_core::{Document, Span};
use dyad_quotes::QuoteTagger;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let tagger = QuoteTagger::new();
    for path in args.iter().filter(|a| *a != "--json") {
        let doc = Document::from_body(path.clone(), std::fs::read_to_string(path)?);
        let attrs = tagger.attributions(&doc);
        if json {
            let pair = |s: Option<Span>| {
                s.map_or("null".to_string(), |s| format!("[{},{}]", s.start, s.end))
            };
            let items: Vec<String> = attrs
                .iter()
                .map(|a| {
                    let content: Vec<String> =
                        a.content.iter().map(|c| format!("[{},{}]", c.start, c.end)).collect();
                    format!(
                        "{{\"source\":{},\"cue\":{},\"content\":[{}],\"direct\":{},\"inherited\":{}}}",
                        pair(a.source),
                        pair(a.cue),
                        content.join(","),
                        a.direct,
                        a.inherited
                    )
                })
                .collect();
            println!("{{\"file\":{:?},\"attrs\":[{}]}}", path, items.join(","));
            continue;
        }
        for a in attrs {
            let part = |s: Option<Span>| s.map_or(String::new(), |s| doc.span_text(s).to_string());
            let content: Vec<&str> = a.content.iter().map(|c| doc.span_text(*c)).collect();
            println!(
                "[{}] <{}> {{{}}} direct={} speaker={:?}",
                part(a.source),
                part(a.cue),
                content.join(" ‖ "),
                a.direct,
                a.speaker
            );
        }
    }
    Ok(())
}
