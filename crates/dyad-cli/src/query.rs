//! Query commands over the database: `dyad events`, `dyad quotes`,
//! `dyad actors`, `dyad relations`, `dyad export`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use dyad_store::export::ExportFormat;
use dyad_store::query::EventFilter;
use dyad_store::relations::{Period, RelationsQuery, RelationsReport};
use dyad_store::Store;

use crate::annotate::parse_iso_date;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
}

fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (create it with `dyad ingest PATH --db {}`)",
            db.display(),
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// Write `rows` as JSON lines or CSV; for a table, call `table` on the
/// locked stdout.
fn write_rows<T: serde::Serialize>(
    rows: &[T],
    output: OutputFormat,
    table: impl FnOnce(&[T], &mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match output {
        OutputFormat::Json => {
            for row in rows {
                writeln!(out, "{}", serde_json::to_string(row)?)?;
            }
        }
        OutputFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in rows {
                w.serialize(row)?;
            }
            w.flush()?;
        }
        OutputFormat::Table => table(rows, &mut out)?,
    }
    Ok(())
}

fn date_arg(s: &str) -> Result<String, String> {
    parse_iso_date(s).map(|d| d.to_string())
}

#[derive(clap::Args)]
pub struct EventsArgs {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Events with this actor (code prefix, e.g. RUS, USAGOV) on either side.
    #[arg(long)]
    actor: Option<String>,
    /// Events between two actors, both directions: --dyad RUS USA.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    dyad: Option<Vec<String>>,
    #[arg(long)]
    source: Option<String>,
    #[arg(long)]
    target: Option<String>,
    /// CAMEO code or root prefix ("04", "042").
    #[arg(long)]
    code: Option<String>,
    /// QuadClass 1–4.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    #[arg(long, value_parser = date_arg)]
    from: Option<String>,
    #[arg(long, value_parser = date_arg)]
    to: Option<String>,
    /// Words the sentence must contain.
    #[arg(long)]
    text: Option<String>,
    /// Include negated and hypothetical/future/intended events.
    #[arg(long)]
    all_modalities: bool,
    #[arg(long, default_value_t = 100)]
    limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    output: OutputFormat,
}

pub fn run_events(args: EventsArgs) -> anyhow::Result<()> {
    let store = open(&args.db)?;
    let filter = EventFilter {
        actor: args.actor,
        dyad: args.dyad.and_then(|v| match v.as_slice() {
            [a, b] => Some((a.clone(), b.clone())),
            _ => None,
        }),
        source: args.source,
        target: args.target,
        code: args.code,
        quad_class: args.quad,
        from: args.from,
        to: args.to,
        text: args.text,
        all_modalities: args.all_modalities,
        limit: Some(args.limit),
    };
    let rows = store.events(&filter)?;
    write_rows(&rows, args.output, |rows, out| {
        for r in rows {
            let flags = match (r.negated, r.modality.as_str()) {
                (true, _) => " [negated]".to_string(),
                (false, "asserted") => String::new(),
                (false, m) => format!(" [{m}]"),
            };
            writeln!(
                out,
                "{}  {} {:>5.1}  {} → {}{}\n    {}",
                r.date.as_deref().unwrap_or("????-??-??"),
                r.code,
                r.goldstein,
                r.source_actor.as_deref().unwrap_or("---"),
                r.target_actor.as_deref().unwrap_or("---"),
                flags,
                r.sentence
            )?;
        }
        writeln!(out, "{} events", rows.len())?;
        Ok(())
    })
}

#[derive(clap::Args)]
pub struct QuotesArgs {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Part of the speaker's name.
    #[arg(long)]
    speaker: String,
    #[arg(long, default_value_t = 100)]
    limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    output: OutputFormat,
}

pub fn run_quotes(args: QuotesArgs) -> anyhow::Result<()> {
    let store = open(&args.db)?;
    let rows = store.quotes_by_speaker(&args.speaker, args.limit)?;
    write_rows(&rows, args.output, |rows, out| {
        for r in rows {
            writeln!(
                out,
                "{}  {} ({}{}): {}",
                r.published.as_deref().unwrap_or("????-??-??"),
                r.speaker.as_deref().unwrap_or("?"),
                if r.direct { "direct" } else { "indirect" },
                r.cue
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default(),
                r.text
            )?;
        }
        writeln!(out, "{} quotes", rows.len())?;
        Ok(())
    })
}

#[derive(clap::Args)]
pub struct ActorsArgs {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, default_value_t = 30)]
    limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    output: OutputFormat,
}

pub fn run_actors(args: ActorsArgs) -> anyhow::Result<()> {
    let store = open(&args.db)?;
    let rows = store.top_actors(args.limit)?;
    write_rows(&rows, args.output, |rows, out| {
        writeln!(
            out,
            "{:<32} {:<12} {:<10} {:>8} {:>8}",
            "name", "kind", "code", "articles", "mentions"
        )?;
        for r in rows {
            writeln!(
                out,
                "{:<32} {:<12} {:<10} {:>8} {:>8}",
                r.name,
                r.kind,
                r.actor.as_deref().unwrap_or("-"),
                r.articles,
                r.mentions
            )?;
        }
        Ok(())
    })
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Week,
    Month,
    Quarter,
    Year,
}

#[derive(clap::Args)]
pub struct RelationsArgs {
    /// First actor (CAMEO code prefix: RUS, USAGOV, IGOUNO…).
    a: String,
    /// Second actor.
    b: String,
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, value_enum, default_value = "month")]
    by: PeriodArg,
    #[arg(long, value_parser = date_arg)]
    from: Option<String>,
    #[arg(long, value_parser = date_arg)]
    to: Option<String>,
    /// Evidence events shown per period.
    #[arg(long, default_value_t = 3)]
    top: usize,
    #[arg(long, value_enum, default_value = "table")]
    output: OutputFormat,
}

pub fn run_relations(args: RelationsArgs) -> anyhow::Result<()> {
    let store = open(&args.db)?;
    let report = store.relations(&RelationsQuery {
        a: args.a.to_uppercase(),
        b: args.b.to_uppercase(),
        by: match args.by {
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::Year => Period::Year,
        },
        from: args.from,
        to: args.to,
        top: args.top,
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.output {
        OutputFormat::Json => writeln!(out, "{}", serde_json::to_string(&report)?)?,
        OutputFormat::Csv => relations_csv(&report, &mut out)?,
        OutputFormat::Table => relations_table(&report, &mut out)?,
    }
    Ok(())
}

fn mean(m: Option<f64>) -> String {
    m.map_or("-".to_string(), |v| format!("{v:+.2}"))
}

pub fn relations_table(r: &RelationsReport, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "Relations {} ↔ {} by {}", r.a, r.b, r.by)?;
    writeln!(
        out,
        "{:<9} {:>6} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8} {:>8} {:>8}",
        "period",
        "events",
        "vcoop",
        "mcoop",
        "vconf",
        "mconf",
        "gs_mean",
        "gs_total",
        format!("{}→{}", r.a, r.b),
        format!("{}→{}", r.b, r.a)
    )?;
    for p in &r.periods {
        let c = &p.combined;
        writeln!(
            out,
            "{:<9} {:>6} {:>5} {:>5} {:>5} {:>5} {:>8} {:>8.1} {:>8} {:>8}",
            p.period,
            c.events,
            c.quad[0],
            c.quad[1],
            c.quad[2],
            c.quad[3],
            mean(c.goldstein_mean),
            c.goldstein_total,
            mean(p.a_to_b.goldstein_mean),
            mean(p.b_to_a.goldstein_mean)
        )?;
        for e in &p.top_events {
            writeln!(
                out,
                "          {} {} {:+.1} {}→{}: {}",
                e.date.as_deref().unwrap_or(""),
                e.code,
                e.goldstein,
                e.source.as_deref().unwrap_or("-"),
                e.target.as_deref().unwrap_or("-"),
                e.sentence
            )?;
        }
    }
    writeln!(
        out,
        "total: {} events, mean Goldstein {}; trend {} ({} per {})",
        r.total.events,
        mean(r.total.goldstein_mean),
        r.trend,
        r.trend_per_period
            .map_or("-".to_string(), |s| format!("{s:+.2}")),
        r.by
    )?;
    Ok(())
}

fn relations_csv(r: &RelationsReport, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "period",
        "direction",
        "events",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "goldstein_total",
        "goldstein_mean",
    ])?;
    for p in &r.periods {
        for (dir, s) in [
            (format!("{}->{}", r.a, r.b), &p.a_to_b),
            (format!("{}->{}", r.b, r.a), &p.b_to_a),
            ("both".to_string(), &p.combined),
        ] {
            w.write_record([
                p.period.clone(),
                dir,
                s.events.to_string(),
                s.quad[0].to_string(),
                s.quad[1].to_string(),
                s.quad[2].to_string(),
                s.quad[3].to_string(),
                format!("{:.2}", s.goldstein_total),
                s.goldstein_mean
                    .map(|m| format!("{m:.3}"))
                    .unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportArg {
    Jsonl,
    Csv,
    Gdelt,
    /// Needs --out; built with the `parquet` feature (on by default).
    Parquet,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportArg,
    /// Output file [default: stdout].
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run_export(args: ExportArgs) -> anyhow::Result<()> {
    let store = open(&args.db)?;
    let format = match args.format {
        ExportArg::Jsonl => ExportFormat::Jsonl,
        ExportArg::Csv => ExportFormat::Csv,
        ExportArg::Gdelt => ExportFormat::Gdelt,
        ExportArg::Parquet => return export_parquet(&store, args.out.as_deref()),
    };
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let n = store.export_events(format, &mut out)?;
    out.flush()?;
    eprintln!("dyad export: {n} events");
    Ok(())
}

#[cfg(feature = "parquet")]
fn export_parquet(store: &Store, out: Option<&Path>) -> anyhow::Result<()> {
    let path = out.context("--format parquet writes a file: give --out FILE")?;
    let rows = store.export_rows()?;
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    dyad_store::parquet_export::write_parquet(&rows, file)?;
    eprintln!("dyad export: {} events to {}", rows.len(), path.display());
    Ok(())
}

#[cfg(not(feature = "parquet"))]
fn export_parquet(_store: &Store, _out: Option<&Path>) -> anyhow::Result<()> {
    anyhow::bail!("this dyad was built without Parquet support (cargo feature `parquet`)")
}
