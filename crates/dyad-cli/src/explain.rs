//! `dyad explain`: for one sentence (or short text), the entities found,
//! the quotes and time expressions, every event pattern tried and why an
//! event was or was not coded, then the coded events as JSON.

use chrono::NaiveDate;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_code::EventCoder;
use dyad_core::Document;

use crate::annotate::parse_iso_date;

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The sentence (or short text) to explain.
    text: String,
    /// Publication date to resolve time expressions against.
    #[arg(long)]
    published: Option<String>,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<()> {
    let published: Option<NaiveDate> = match args.published.as_deref() {
        Some(s) => Some(parse_iso_date(s).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let mut doc = Document::from_body("explain", args.text);
    doc.published = published;
    let pipeline = Pipeline::new(PipelineOptions {
        events: false,
        fallback_published: published,
        ..PipelineOptions::default()
    });
    pipeline.annotate(&mut doc);
    let coder = EventCoder::new();
    let trace = coder.explain(&mut doc);
    println!(
        "reference date: {}",
        doc.reference_date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "none".into())
    );
    println!("entities:");
    for e in &doc.entities {
        let mentions: Vec<&str> = e.mentions.iter().map(|m| doc.span_text(m.span())).collect();
        println!(
            "  {} {:?} {:?} actor={} mentions={:?}",
            e.id,
            e.name,
            e.kind,
            e.actor.as_deref().unwrap_or("-"),
            mentions
        );
    }
    for q in &doc.quotes {
        println!(
            "quote: {:?} speaker={}",
            q.text,
            q.speaker.as_deref().unwrap_or("-")
        );
    }
    for t in &doc.timexes {
        println!("timex: {:?} {:?} {}", t.text, t.kind, t.value);
    }
    println!("patterns:");
    for line in &trace {
        println!("{line}");
    }
    println!("events: {}", doc.events.len());
    for ev in &doc.events {
        println!("{}", serde_json::to_string(ev)?);
    }
    Ok(())
}
