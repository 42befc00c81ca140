//! Parquet export of stored events (cargo feature `parquet`).
//!
//! One row per event with the columns of [`crate::export::ExportRow`];
//! strings are UTF-8 byte arrays, optional fields are nullable. Written with
//! the `parquet` crate's column writers (no Arrow dependency), in row groups
//! of 65,536 events, uncompressed, so pandas, R (arrow) and DuckDB read it.

use std::sync::Arc;

use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::error::StoreError;
use crate::export::ExportRow;

/// The Parquet schema, documented in `docs/schema.md`.
pub const PARQUET_SCHEMA: &str = "message dyad_event {
    REQUIRED INT64 event_id;
    REQUIRED BYTE_ARRAY article_id (UTF8);
    OPTIONAL BYTE_ARRAY date (UTF8);
    REQUIRED BYTE_ARRAY code (UTF8);
    REQUIRED BYTE_ARRAY root (UTF8);
    REQUIRED INT64 quad_class;
    REQUIRED DOUBLE goldstein;
    OPTIONAL BYTE_ARRAY plover (UTF8);
    OPTIONAL BYTE_ARRAY plover_mode (UTF8);
    OPTIONAL BYTE_ARRAY source_actor (UTF8);
    OPTIONAL BYTE_ARRAY source_text (UTF8);
    OPTIONAL BYTE_ARRAY target_actor (UTF8);
    OPTIONAL BYTE_ARRAY target_text (UTF8);
    OPTIONAL BYTE_ARRAY location (UTF8);
    REQUIRED BOOLEAN negated;
    REQUIRED BYTE_ARRAY modality (UTF8);
    REQUIRED BOOLEAN lead;
    REQUIRED BYTE_ARRAY rule (UTF8);
    REQUIRED BYTE_ARRAY sentence (UTF8);
    OPTIONAL BYTE_ARRAY url (UTF8);
    REQUIRED BYTE_ARRAY ingested_at (UTF8);
}";

const ROW_GROUP: usize = 65_536;

fn perr(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Export(e.to_string())
}

/// Write `rows` as Parquet to `out`.
pub fn write_parquet<W: std::io::Write + Send>(
    rows: &[ExportRow],
    out: W,
) -> Result<(), StoreError> {
    let schema = Arc::new(parse_message_type(PARQUET_SCHEMA).map_err(perr)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(perr)?;
    for group in rows.chunks(ROW_GROUP) {
        let mut rg = writer.next_row_group().map_err(perr)?;
        let mut index = 0;
        while let Some(mut column) = rg.next_column().map_err(perr)? {
            write_column(index, group, &mut column)?;
            column.close().map_err(perr)?;
            index += 1;
        }
        rg.close().map_err(perr)?;
    }
    writer.close().map_err(perr)?;
    Ok(())
}

fn bytes(s: &str) -> ByteArray {
    ByteArray::from(s.as_bytes().to_vec())
}

fn required_str(
    col: &mut parquet::file::writer::SerializedColumnWriter<'_>,
    values: Vec<&str>,
) -> Result<(), StoreError> {
    let data: Vec<ByteArray> = values.into_iter().map(bytes).collect();
    col.typed::<ByteArrayType>()
        .write_batch(&data, None, None)
        .map_err(perr)?;
    Ok(())
}

fn optional_str(
    col: &mut parquet::file::writer::SerializedColumnWriter<'_>,
    values: Vec<Option<&str>>,
) -> Result<(), StoreError> {
    let defs: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
    let data: Vec<ByteArray> = values.into_iter().flatten().map(bytes).collect();
    col.typed::<ByteArrayType>()
        .write_batch(&data, Some(&defs), None)
        .map_err(perr)?;
    Ok(())
}

fn write_column(
    index: usize,
    rows: &[ExportRow],
    col: &mut parquet::file::writer::SerializedColumnWriter<'_>,
) -> Result<(), StoreError> {
    match index {
        0 => {
            let v: Vec<i64> = rows.iter().map(|r| r.event_id).collect();
            col.typed::<Int64Type>()
                .write_batch(&v, None, None)
                .map_err(perr)?;
        }
        1 => required_str(col, rows.iter().map(|r| r.article_id.as_str()).collect())?,
        2 => optional_str(col, rows.iter().map(|r| r.date.as_deref()).collect())?,
        3 => required_str(col, rows.iter().map(|r| r.code.as_str()).collect())?,
        4 => required_str(col, rows.iter().map(|r| r.root.as_str()).collect())?,
        5 => {
            let v: Vec<i64> = rows.iter().map(|r| r.quad_class).collect();
            col.typed::<Int64Type>()
                .write_batch(&v, None, None)
                .map_err(perr)?;
        }
        6 => {
            let v: Vec<f64> = rows.iter().map(|r| r.goldstein).collect();
            col.typed::<DoubleType>()
                .write_batch(&v, None, None)
                .map_err(perr)?;
        }
        7 => optional_str(col, rows.iter().map(|r| r.plover.as_deref()).collect())?,
        8 => optional_str(col, rows.iter().map(|r| r.plover_mode.as_deref()).collect())?,
        9 => optional_str(
            col,
            rows.iter().map(|r| r.source_actor.as_deref()).collect(),
        )?,
        10 => optional_str(col, rows.iter().map(|r| r.source_text.as_deref()).collect())?,
        11 => optional_str(
            col,
            rows.iter().map(|r| r.target_actor.as_deref()).collect(),
        )?,
        12 => optional_str(col, rows.iter().map(|r| r.target_text.as_deref()).collect())?,
        13 => optional_str(col, rows.iter().map(|r| r.location.as_deref()).collect())?,
        14 => {
            let v: Vec<bool> = rows.iter().map(|r| r.negated).collect();
            col.typed::<BoolType>()
                .write_batch(&v, None, None)
                .map_err(perr)?;
        }
        15 => required_str(col, rows.iter().map(|r| r.modality.as_str()).collect())?,
        16 => {
            let v: Vec<bool> = rows.iter().map(|r| r.lead).collect();
            col.typed::<BoolType>()
                .write_batch(&v, None, None)
                .map_err(perr)?;
        }
        17 => required_str(col, rows.iter().map(|r| r.rule.as_str()).collect())?,
        18 => required_str(col, rows.iter().map(|r| r.sentence.as_str()).collect())?,
        19 => optional_str(col, rows.iter().map(|r| r.url.as_deref()).collect())?,
        20 => required_str(col, rows.iter().map(|r| r.ingested_at.as_str()).collect())?,
        _ => {
            return Err(StoreError::Export(format!(
                "unexpected Parquet column {index}"
            )))
        }
    }
    Ok(())
}
