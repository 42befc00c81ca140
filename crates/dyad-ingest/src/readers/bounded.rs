//! Line reading with a length limit, so one 100 MB line costs neither
//! 100 MB of memory nor the rest of the file.

use std::io::BufRead;

/// One line, or the size of a line that was too long (and was skipped).
#[derive(Debug)]
pub enum BoundedLine {
    /// The line's bytes without its `\n` (or `\r\n`).
    Line {
        number: usize,
        bytes: Vec<u8>,
    },
    TooLong {
        number: usize,
        size: usize,
    },
    Error {
        number: usize,
        error: std::io::Error,
    },
}

/// Iterator over the lines of a reader, none longer than `limit` bytes.
pub struct BoundedLines<R> {
    reader: R,
    limit: usize,
    number: usize,
    done: bool,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(reader: R, limit: usize) -> Self {
        BoundedLines {
            reader,
            limit,
            number: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for BoundedLines<R> {
    type Item = BoundedLine;

    fn next(&mut self) -> Option<BoundedLine> {
        if self.done {
            return None;
        }
        self.number += 1;
        let number = self.number;
        let mut line = Vec::new();
        let mut size = 0usize;
        let mut saw_any = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.done = true;
                    return Some(BoundedLine::Error { number, error });
                }
            };
            if buf.is_empty() {
                self.done = true;
                if !saw_any {
                    return None;
                }
                break;
            }
            saw_any = true;
            let (chunk, found_newline) = match buf.iter().position(|&b| b == b'\n') {
                Some(pos) => (&buf[..pos], true),
                None => (buf, false),
            };
            size += chunk.len();
            if size <= self.limit {
                line.extend_from_slice(chunk);
            } else if !line.is_empty() {
                line = Vec::new();
            }
            let consumed = chunk.len() + usize::from(found_newline);
            self.reader.consume(consumed);
            if found_newline {
                break;
            }
        }
        if size > self.limit {
            return Some(BoundedLine::TooLong { number, size });
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Some(BoundedLine::Line {
            number,
            bytes: line,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_line_is_reported_and_reading_goes_on() {
        let mut data = b"short\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', 5000));
        data.extend_from_slice(b"\nafter\r\n");
        let lines: Vec<BoundedLine> =
            BoundedLines::new(std::io::BufReader::with_capacity(64, &data[..]), 100).collect();
        assert_eq!(lines.len(), 3);
        assert!(matches!(&lines[0], BoundedLine::Line { number: 1, bytes } if bytes == b"short"));
        assert!(matches!(
            lines[1],
            BoundedLine::TooLong {
                number: 2,
                size: 5000
            }
        ));
        assert!(matches!(&lines[2], BoundedLine::Line { number: 3, bytes } if bytes == b"after"));
    }
}
