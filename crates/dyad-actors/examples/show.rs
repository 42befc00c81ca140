//! Print the entities dyad finds in a text file (body = whole file, or the
//! part between two marker strings): `cargo run -p dyad-actors --example
//! show -- FILE [DATE] [START] [END]`.

use dyad_actors::ActorTagger;
use dyad_core::Document;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: show FILE [YYYY-MM-DD] [START] [END]");
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let start = args.get(3).and_then(|m| text.find(m.as_str())).unwrap_or(0);
    let end = args
        .get(4)
        .and_then(|m| text.find(m.as_str()))
        .unwrap_or(text.len());
    let body = text.get(start..end).unwrap_or(&text).trim().to_string();
    let mut doc = Document::from_body("show", body);
    doc.published = args.get(2).and_then(|d| d.parse().ok());
    ActorTagger::new().annotate(&mut doc);
    for e in &doc.entities {
        let ms: Vec<&str> = e
            .mentions
            .iter()
            .map(|m| doc.text.get(m.start..m.end).unwrap_or(""))
            .collect();
        println!(
            "{} {:?} {:?} title={:?} actor={:?} mentions={:?}",
            e.id, e.kind, e.name, e.title, e.actor, ms
        );
    }
}
