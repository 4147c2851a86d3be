//! The pieces of a file read apart (a parallel load) followed in file order: the lines before each piece,
//! so that its bad rows are numbered by the file's own lines; whether the piece before ended inside a
//! quoted field (the cut was no row's end); the CRC-32 of the bytes so far. Their rows, bad rows and notes
//! go into [`super::gather::Gather`] as a file's read in one piece do.

use super::piece::Piece;

/// The pieces of one file followed so far.
pub struct Joined {
    /// Lines of the file before the next piece, its header among them.
    lines: u64,
    /// True when the last piece ended inside a quoted field.
    open: bool,
    /// The CRC-32 of the bytes so far, the header's first.
    crc: crc32fast::Hasher,
    bytes: u64,
}

impl Joined {
    /// No piece yet of a file whose first line is `header`.
    pub fn new(header: &[u8]) -> Joined {
        let mut crc = crc32fast::Hasher::new();
        crc.update(header);
        Joined {
            crc,
            bytes: header.len() as u64,
            lines: 1,
            open: false,
        }
    }

    /// Follows the next piece in file order: how many lines its own numbers are behind the file's (its
    /// line n, n > 1, is the file's line n + offset; its header stands for line 1). `None`: the piece
    /// before it ended inside a quoted field, so the cut was no row's end: the file must be read in one
    /// piece.
    pub fn next(&mut self, piece: &Piece) -> Option<u64> {
        if self.open {
            return None;
        }
        let offset = self.lines - 1;
        self.lines += piece.lines;
        self.open = piece.open;
        self.bytes += piece.crc.1;
        self.crc.combine(&crc32fast::Hasher::new_with_initial_len(
            piece.crc.0,
            piece.crc.1,
        ));
        Some(offset)
    }

    /// The size and CRC-32 of every byte joined, the header's among them, as a zip's directory gives them.
    pub fn crc(&self) -> (u64, u32) {
        (self.bytes, self.crc.clone().finalize())
    }
}
