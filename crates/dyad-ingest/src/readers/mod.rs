//! Input readers: plain-text files (one file = one article), directories of
//! them (recursive), JSONL files (one article per line) and stdin.
//!
//! [`read_inputs`] yields one `Result` per record, in a stable order
//! (directory entries sorted by name), so callers can count and report every
//! record and carry on after a bad one.

mod bounded;
mod jsonl;
mod text;
mod walk;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::IngestError;
use crate::record::{Origin, RawArticle};

pub use bounded::{BoundedLine, BoundedLines};
pub use jsonl::parse_jsonl_record;

/// How to read inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By extension (`.jsonl`, `.ndjson` → JSONL, anything else → text); on
    /// stdin, JSONL when the first non-blank byte is `{`.
    #[default]
    Auto,
    Text,
    Jsonl,
}

/// Reader settings.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub format: InputFormat,
    /// Largest record accepted, in bytes (a text file, or one JSONL line).
    pub max_record_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            max_record_bytes: 16 * 1024 * 1024,
        }
    }
}

/// The records of all `paths` (files, directories, or `-` for stdin).
pub fn read_inputs(paths: &[PathBuf], options: &ReadOptions) -> Records {
    Records {
        pending: paths.iter().cloned().collect(),
        current: None,
        options: options.clone(),
    }
}

/// Iterator over the records of a list of inputs.
pub struct Records {
    pending: VecDeque<PathBuf>,
    current: Option<LineSource>,
    options: ReadOptions,
}

/// An open JSONL source being read line by line.
struct LineSource {
    path: PathBuf,
    lines: BoundedLines<Box<dyn BufRead>>,
}

impl Iterator for Records {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(source) = self.current.as_mut() {
                match source.lines.next() {
                    Some(line) => {
                        if let Some(record) =
                            jsonl::record_from_line(&source.path, line, &self.options)
                        {
                            return Some(record);
                        }
                        continue;
                    }
                    None => self.current = None,
                }
            }
            let path = self.pending.pop_front()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

impl Records {
    /// Open one input. Returns a record (or error) for single-record inputs;
    /// for JSONL and directories it sets up state and returns `None`.
    fn open(&mut self, path: PathBuf) -> Option<Result<RawArticle, IngestError>> {
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        if path.is_dir() {
            match walk::files_under(&path) {
                Ok(files) => {
                    for file in files.into_iter().rev() {
                        self.pending.push_front(file);
                    }
                    return None;
                }
                Err(source) => {
                    return Some(Err(IngestError::Io {
                        origin: Origin::file(path),
                        source,
                    }))
                }
            }
        }
        if self.is_jsonl(&path) {
            match std::fs::File::open(&path) {
                Ok(file) => {
                    let reader: Box<dyn BufRead> = Box::new(BufReader::new(file));
                    self.current = Some(LineSource {
                        path,
                        lines: BoundedLines::new(reader, self.options.max_record_bytes),
                    });
                    None
                }
                Err(source) => Some(Err(IngestError::Io {
                    origin: Origin::file(path),
                    source,
                })),
            }
        } else {
            Some(text::read_text_file(&path, &self.options))
        }
    }

    fn open_stdin(&mut self) -> Option<Result<RawArticle, IngestError>> {
        let mut reader: Box<dyn BufRead> = Box::new(BufReader::new(std::io::stdin()));
        let jsonl = match self.options.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => match reader.fill_buf() {
                Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
                Err(source) => {
                    return Some(Err(IngestError::Io {
                        origin: Origin::file("-"),
                        source,
                    }))
                }
            },
        };
        if jsonl {
            self.current = Some(LineSource {
                path: PathBuf::from("-"),
                lines: BoundedLines::new(reader, self.options.max_record_bytes),
            });
            return None;
        }
        let limit = self.options.max_record_bytes;
        let mut bytes = Vec::new();
        let origin = Origin::file("-");
        match reader
            .by_ref()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
        {
            Ok(_) if bytes.len() > limit => {
                let rest = std::io::copy(&mut reader, &mut std::io::sink()).unwrap_or(0);
                Some(Err(IngestError::TooLarge {
                    origin,
                    size: bytes.len() + rest as usize,
                    limit,
                }))
            }
            Ok(_) => Some(text::article_from_bytes(origin, bytes)),
            Err(source) => Some(Err(IngestError::Io { origin, source })),
        }
    }

    fn is_jsonl(&self, path: &Path) -> bool {
        match self.options.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")
            }),
        }
    }
}
