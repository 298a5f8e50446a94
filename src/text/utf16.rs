//! Converting between the core's byte offsets and the interface's UTF-16 offsets.
//!
//! The engines scan `&str` and think in byte offsets; JavaScript and the DOM index strings in UTF-16
//! code units. Text reaching Rust from JavaScript has had any lone surrogate replaced by U+FFFD, which
//! is one UTF-16 unit as the surrogate was, so offsets computed here still index the page's text.

/// Maps byte offsets of one string to UTF-16 offsets in a single forward pass per lookup batch.
pub struct Utf16Map<'a> {
    text: &'a str,
    /// The last conversion, so that increasing offsets cost only the distance between them.
    last_byte: usize,
    last_unit: usize,
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Map {
            text,
            last_byte: 0,
            last_unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text, rounded down to a char boundary).
    pub fn unit(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.last_byte {
            self.last_byte = 0;
            self.last_unit = 0;
        }
        // `get`, not indexing: both ends are char boundaries, and indexing links core's formatting
        // of slice errors (kilobytes, with the Unicode tables of `char`'s Debug)
        let units = units_of(self.text.get(self.last_byte..byte).unwrap_or(""));
        self.last_unit += units;
        self.last_byte = byte;
        self.last_unit
    }
}

/// The UTF-16 length of a string.
pub fn len_utf16(text: &str) -> usize {
    units_of(text)
}

/// The UTF-16 length of a string, counted on its bytes without decoding: one unit per byte that
/// starts a character, and one more for each that starts a four-byte one (two units).
fn units_of(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
        .sum()
}

/// The part of `text` between UTF-16 offsets `start..end` (clamped, rounded to characters).
pub fn slice_utf16(text: &str, start: usize, end: usize) -> &str {
    let mut unit = 0;
    let mut from = text.len();
    let mut to = text.len();
    for (byte, c) in text.char_indices() {
        if unit >= start && from == text.len() {
            from = byte;
        }
        if unit >= end {
            to = byte;
            break;
        }
        unit += c.len_utf16();
    }
    if from > to {
        return "";
    }
    text.get(from..to).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_astral_characters_as_two_units() {
        let text = "a😀b“c”";
        let mut map = Utf16Map::new(text);
        assert_eq!(map.unit(0), 0);
        assert_eq!(map.unit(1), 1);
        assert_eq!(map.unit(5), 3); // after the emoji
        assert_eq!(map.unit(6), 4);
        assert_eq!(map.unit(text.len()), 7);
        assert_eq!(
            map.unit(2),
            1,
            "inside a char rounds down, going back restarts"
        );
        assert_eq!(len_utf16(text), 7);
        for text in ["", "ascii", "é", "€", "😀", "a😀é€\u{10FFFF}\u{FFFD}"] {
            assert_eq!(len_utf16(text), text.encode_utf16().count(), "{text}");
        }
    }

    #[test]
    fn slices_by_utf16_offsets() {
        let text = "a😀b“c”";
        assert_eq!(slice_utf16(text, 1, 3), "😀");
        assert_eq!(slice_utf16(text, 3, 6), "b“c");
        assert_eq!(slice_utf16(text, 5, 99), "c”");
        assert_eq!(slice_utf16(text, 9, 12), "");
        assert_eq!(slice_utf16(text, 4, 2), "");
    }
}
