//! Bytes to text: binary detection and lossy UTF-8 decoding.

/// How much of the input is inspected for binary content.
const SNIFF_BYTES: usize = 8192;

/// Outcome of decoding a byte buffer as text.
#[derive(Debug)]
pub enum Decoded {
    /// Text; `lossy` is true when invalid UTF-8 sequences were replaced.
    Text { text: String, lossy: bool },
    /// The bytes look binary; `detail` says why.
    Binary { detail: String },
}

/// Decode `bytes` as UTF-8 text (a UTF-8 BOM is dropped), replacing invalid
/// sequences, unless the start of the data looks binary (NUL bytes, or more
/// than 10 % control characters other than whitespace).
pub fn decode_text(bytes: Vec<u8>) -> Decoded {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Decoded::Binary {
            detail: format!("NUL byte at offset {pos}"),
        };
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !head.is_empty() && controls * 10 > head.len() {
        return Decoded::Binary {
            detail: format!("{controls} control bytes in the first {}", head.len()),
        };
    }
    let body = bytes
        .strip_prefix(&[0xEF, 0xBB, 0xBF])
        .map(|b| b.to_vec())
        .unwrap_or(bytes);
    match String::from_utf8(body) {
        Ok(text) => Decoded::Text { text, lossy: false },
        Err(err) => Decoded::Text {
            text: String::from_utf8_lossy(err.as_bytes()).into_owned(),
            lossy: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        match decode_text(b"Caf\xe9 talks".to_vec()) {
            Decoded::Text { text, lossy } => {
                assert!(lossy);
                assert_eq!(text, "Caf\u{FFFD} talks");
            }
            Decoded::Binary { .. } => panic!("text taken for binary"),
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode_text(b"PK\x03\x04\x00\x00zip".to_vec()),
            Decoded::Binary { .. }
        ));
    }

    #[test]
    fn bom_is_dropped() {
        match decode_text(b"\xef\xbb\xbfHeadline".to_vec()) {
            Decoded::Text { text, lossy } => {
                assert!(!lossy);
                assert_eq!(text, "Headline");
            }
            Decoded::Binary { .. } => panic!("text taken for binary"),
        }
    }
}
