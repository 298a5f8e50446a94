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
        let units: usize = self.text[self.last_byte..byte]
            .chars()
            .map(char::len_utf16)
            .sum();
        self.last_unit += units;
        self.last_byte = byte;
        self.last_unit
    }
}

/// The UTF-16 length of a string.
pub fn len_utf16(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
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
        assert_eq!(map.unit(2), 1, "inside a char rounds down, going back restarts");
        assert_eq!(len_utf16(text), 7);
    }
}
