//! The pieces of a file read apart (a parallel load) put back together in file order into what one pass
//! over the whole file reads: one table, its dictionaries unified and its rows ordered by route; bad rows
//! counted over all pieces, the first of them numbered by the file's own lines; the readers' notes once.

use super::piece::Piece;
use super::{Format, Loaded, FIRST_ERRORS};
use crate::store::{merge, TableBuilder};
use crate::Error;

/// The pieces joined so far.
pub struct Joined {
    file: String,
    builder: TableBuilder,
    format: Option<Format>,
    /// Lines of the file before the next piece, its header among them.
    lines: u64,
    /// True when the last piece ended inside a quoted field.
    open: bool,
    bad_rows: u64,
    first_errors: Vec<super::RowError>,
    notes: Vec<String>,
    /// The CRC-32 of the bytes so far, the header's first.
    crc: crc32fast::Hasher,
    bytes: u64,
}

impl Joined {
    /// No piece yet of `file` (named in errors), whose first line is `header`.
    pub fn new(file: &str, header: &[u8]) -> Joined {
        let mut crc = crc32fast::Hasher::new();
        crc.update(header);
        Joined {
            crc,
            bytes: header.len() as u64,
            file: file.to_string(),
            builder: TableBuilder::new(file),
            format: None,
            lines: 1,
            open: false,
            bad_rows: 0,
            first_errors: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Adds the next piece in file order. `Ok(false)`: the piece before it ended inside a quoted field, so
    /// the cut was no row's end: the file must be read in one piece.
    pub fn add(&mut self, piece: Piece) -> Result<bool, Error> {
        if self.open {
            return Ok(false);
        }
        // Its line n (n > 1; its header stands for line 1) is the file's line n + offset.
        let offset = self.lines - 1;
        self.lines += piece.lines;
        self.open = piece.open;
        self.bytes += piece.crc.1;
        self.crc.combine(&crc32fast::Hasher::new_with_initial_len(
            piece.crc.0,
            piece.crc.1,
        ));
        self.format.get_or_insert(piece.format);
        self.bad_rows += piece.bad_rows;
        for mut e in piece.first_errors {
            if self.first_errors.len() < FIRST_ERRORS {
                e.line += offset;
                self.first_errors.push(e);
            }
        }
        for n in piece.notes {
            note(&mut self.notes, n);
        }
        merge::append(&mut self.builder, &piece.table)?;
        Ok(true)
    }

    /// The size and CRC-32 of every byte joined, the header's among them, as a zip's directory gives them.
    pub fn crc(&self) -> (u64, u32) {
        (self.bytes, self.crc.clone().finalize())
    }

    /// Every piece's rows as one table.
    pub fn finish(self) -> Result<Loaded, Error> {
        let Some(format) = self.format else {
            return Err(Error::Input(format!(
                "{}: no piece of the file was read",
                self.file
            )));
        };
        Ok(Loaded {
            table: self.builder.finish(),
            format,
            bad_rows: self.bad_rows,
            first_errors: self.first_errors,
            notes: self.notes,
        })
    }
}

/// Keeps a note once. A note listing items after its last colon, whose head a kept note has too (the codes
/// read from the built-in table, as each piece of a file lists those it met), gets its new items added to
/// that one, in the order one pass over the whole file would have listed them.
pub(crate) fn note(notes: &mut Vec<String>, note: String) {
    if notes.contains(&note) {
        return;
    }
    let Some((head, items)) = note.rsplit_once(": ") else {
        return notes.push(note);
    };
    let Some(kept) = notes
        .iter_mut()
        .find(|n| n.rsplit_once(": ").is_some_and(|(h, _)| h == head))
    else {
        return notes.push(note);
    };
    for item in items.split(", ") {
        let listed = kept
            .rsplit_once(": ")
            .is_some_and(|(_, list)| list.split(", ").any(|i| i == item));
        if !listed {
            kept.push_str(", ");
            kept.push_str(item);
        }
    }
}
