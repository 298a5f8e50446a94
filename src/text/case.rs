//! Lower case without the standard library's case tables.
//!
//! `char::to_lowercase` looks characters up in a table of about 1,460 pairs (11.7 KB of
//! WebAssembly data, plus the code of `str::to_lowercase`). The same mapping is a few hundred
//! runs: a stretch of capitals that each map to the character `delta` away, every character
//! (`A`–`Z`, `À`–`Þ`) or every second one (`Ā ā Ă ă …`). [`lower`] gives exactly what
//! `char::to_lowercase` gives, for every character (a test checks all of them against the standard
//! library, so a toolchain with a newer Unicode table makes it fail rather than drift).
//! [`lower_str`] is `str::to_lowercase` with its one rule of context, Unicode's Final_Sigma (a `Σ`
//! that ends a word becomes `ς`, not `σ`), decided by letters: a `Σ` after a letter and before none,
//! looking past combining diacritics. The standard library decides it by the cased and
//! case-ignorable properties, a table of 2.5 KB in the module for a difference only in rare scripts
//! mixed with Greek; lower case here serves comparison (names, word lists), where both sides fold
//! alike.

/// Runs of capitals: `(first, delta << 8 | (stride - 1) << 7 | count)`, sorted by `first`.
#[rustfmt::skip]
static RUNS: [(u32, i32); 184] = [
    (0xc0, 32 << 8 | 23), (0xd8, 32 << 8 | 7), (0x100, 1 << 8 | 152), (0x132, 1 << 8 | 131),
    (0x139, 1 << 8 | 136), (0x14a, 1 << 8 | 151), (0x178, -121 << 8 | 1), (0x179, 1 << 8 | 131),
    (0x181, 210 << 8 | 1), (0x182, 1 << 8 | 130), (0x186, 206 << 8 | 1), (0x187, 1 << 8 | 1),
    (0x189, 205 << 8 | 2), (0x18b, 1 << 8 | 1), (0x18e, 79 << 8 | 1), (0x18f, 202 << 8 | 1),
    (0x190, 203 << 8 | 1), (0x191, 1 << 8 | 1), (0x193, 205 << 8 | 1), (0x194, 207 << 8 | 1),
    (0x196, 211 << 8 | 1), (0x197, 209 << 8 | 1), (0x198, 1 << 8 | 1), (0x19c, 211 << 8 | 1),
    (0x19d, 213 << 8 | 1), (0x19f, 214 << 8 | 1), (0x1a0, 1 << 8 | 131), (0x1a6, 218 << 8 | 1),
    (0x1a7, 1 << 8 | 1), (0x1a9, 218 << 8 | 1), (0x1ac, 1 << 8 | 1), (0x1ae, 218 << 8 | 1),
    (0x1af, 1 << 8 | 1), (0x1b1, 217 << 8 | 2), (0x1b3, 1 << 8 | 130), (0x1b7, 219 << 8 | 1),
    (0x1b8, 1 << 8 | 1), (0x1bc, 1 << 8 | 1), (0x1c4, 2 << 8 | 1), (0x1c5, 1 << 8 | 1),
    (0x1c7, 2 << 8 | 1), (0x1c8, 1 << 8 | 1), (0x1ca, 2 << 8 | 1), (0x1cb, 1 << 8 | 137),
    (0x1de, 1 << 8 | 137), (0x1f1, 2 << 8 | 1), (0x1f2, 1 << 8 | 130), (0x1f6, -97 << 8 | 1),
    (0x1f7, -56 << 8 | 1), (0x1f8, 1 << 8 | 148), (0x220, -130 << 8 | 1), (0x222, 1 << 8 | 137),
    (0x23a, 10795 << 8 | 1), (0x23b, 1 << 8 | 1), (0x23d, -163 << 8 | 1), (0x23e, 10792 << 8 | 1),
    (0x241, 1 << 8 | 1), (0x243, -195 << 8 | 1), (0x244, 69 << 8 | 1), (0x245, 71 << 8 | 1),
    (0x246, 1 << 8 | 133), (0x370, 1 << 8 | 130), (0x376, 1 << 8 | 1), (0x37f, 116 << 8 | 1),
    (0x386, 38 << 8 | 1), (0x388, 37 << 8 | 3), (0x38c, 64 << 8 | 1), (0x38e, 63 << 8 | 2),
    (0x391, 32 << 8 | 17), (0x3a3, 32 << 8 | 9), (0x3cf, 8 << 8 | 1), (0x3d8, 1 << 8 | 140),
    (0x3f4, -60 << 8 | 1), (0x3f7, 1 << 8 | 1), (0x3f9, -7 << 8 | 1), (0x3fa, 1 << 8 | 1),
    (0x3fd, -130 << 8 | 3), (0x400, 80 << 8 | 16), (0x410, 32 << 8 | 32), (0x460, 1 << 8 | 145),
    (0x48a, 1 << 8 | 155), (0x4c0, 15 << 8 | 1), (0x4c1, 1 << 8 | 135), (0x4d0, 1 << 8 | 176),
    (0x531, 48 << 8 | 38), (0x10a0, 7264 << 8 | 38), (0x10c7, 7264 << 8 | 1),
    (0x10cd, 7264 << 8 | 1), (0x13a0, 38864 << 8 | 80), (0x13f0, 8 << 8 | 6), (0x1c89, 1 << 8 | 1),
    (0x1c90, -3008 << 8 | 43), (0x1cbd, -3008 << 8 | 3), (0x1e00, 1 << 8 | 203),
    (0x1e9e, -7615 << 8 | 1), (0x1ea0, 1 << 8 | 176), (0x1f08, -8 << 8 | 8), (0x1f18, -8 << 8 | 6),
    (0x1f28, -8 << 8 | 8), (0x1f38, -8 << 8 | 8), (0x1f48, -8 << 8 | 6), (0x1f59, -8 << 8 | 132),
    (0x1f68, -8 << 8 | 8), (0x1f88, -8 << 8 | 8), (0x1f98, -8 << 8 | 8), (0x1fa8, -8 << 8 | 8),
    (0x1fb8, -8 << 8 | 2), (0x1fba, -74 << 8 | 2), (0x1fbc, -9 << 8 | 1), (0x1fc8, -86 << 8 | 4),
    (0x1fcc, -9 << 8 | 1), (0x1fd8, -8 << 8 | 2), (0x1fda, -100 << 8 | 2), (0x1fe8, -8 << 8 | 2),
    (0x1fea, -112 << 8 | 2), (0x1fec, -7 << 8 | 1), (0x1ff8, -128 << 8 | 2),
    (0x1ffa, -126 << 8 | 2), (0x1ffc, -9 << 8 | 1), (0x2126, -7517 << 8 | 1),
    (0x212a, -8383 << 8 | 1), (0x212b, -8262 << 8 | 1), (0x2132, 28 << 8 | 1),
    (0x2160, 16 << 8 | 16), (0x2183, 1 << 8 | 1), (0x24b6, 26 << 8 | 26), (0x2c00, 48 << 8 | 48),
    (0x2c60, 1 << 8 | 1), (0x2c62, -10743 << 8 | 1), (0x2c63, -3814 << 8 | 1),
    (0x2c64, -10727 << 8 | 1), (0x2c67, 1 << 8 | 131), (0x2c6d, -10780 << 8 | 1),
    (0x2c6e, -10749 << 8 | 1), (0x2c6f, -10783 << 8 | 1), (0x2c70, -10782 << 8 | 1),
    (0x2c72, 1 << 8 | 1), (0x2c75, 1 << 8 | 1), (0x2c7e, -10815 << 8 | 2), (0x2c80, 1 << 8 | 178),
    (0x2ceb, 1 << 8 | 130), (0x2cf2, 1 << 8 | 1), (0xa640, 1 << 8 | 151), (0xa680, 1 << 8 | 142),
    (0xa722, 1 << 8 | 135), (0xa732, 1 << 8 | 159), (0xa779, 1 << 8 | 130),
    (0xa77d, -35332 << 8 | 1), (0xa77e, 1 << 8 | 133), (0xa78b, 1 << 8 | 1),
    (0xa78d, -42280 << 8 | 1), (0xa790, 1 << 8 | 130), (0xa796, 1 << 8 | 138),
    (0xa7aa, -42308 << 8 | 1), (0xa7ab, -42319 << 8 | 1), (0xa7ac, -42315 << 8 | 1),
    (0xa7ad, -42305 << 8 | 1), (0xa7ae, -42308 << 8 | 1), (0xa7b0, -42258 << 8 | 1),
    (0xa7b1, -42282 << 8 | 1), (0xa7b2, -42261 << 8 | 1), (0xa7b3, 928 << 8 | 1),
    (0xa7b4, 1 << 8 | 136), (0xa7c4, -48 << 8 | 1), (0xa7c5, -42307 << 8 | 1),
    (0xa7c6, -35384 << 8 | 1), (0xa7c7, 1 << 8 | 130), (0xa7cb, -42343 << 8 | 1),
    (0xa7cc, 1 << 8 | 136), (0xa7dc, -42561 << 8 | 1), (0xa7f5, 1 << 8 | 1), (0xff21, 32 << 8 | 26),
    (0x10400, 40 << 8 | 40), (0x104b0, 40 << 8 | 36), (0x10570, 39 << 8 | 11),
    (0x1057c, 39 << 8 | 15), (0x1058c, 39 << 8 | 7), (0x10594, 39 << 8 | 2),
    (0x10c80, 64 << 8 | 51), (0x10d50, 32 << 8 | 22), (0x118a0, 32 << 8 | 32),
    (0x16e40, 32 << 8 | 32), (0x16ea0, 27 << 8 | 25), (0x1e900, 34 << 8 | 34),
];

/// The lower case of `c`: one character, or two for `İ` (U+0130: `i` and a combining dot),
/// exactly as `char::to_lowercase`.
pub fn lower(c: char) -> impl Iterator<Item = char> + Clone {
    let (first, second) = if c == '\u{130}' {
        ('i', Some('\u{307}'))
    } else {
        (lower_one(c), None)
    };
    core::iter::once(first).chain(second)
}

/// The lower case of `c` where it is one character (every character but `İ`, which gives `i`).
pub fn lower_one(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = u32::from(c);
    // (no capitals between the runs of U+2CF2 and U+A640, nor of U+A7F5 and U+FF21: CJK, kana
    // and Hangul, whole sentences of which are one word, need no search)
    if (0x2cf3..0xa640).contains(&u) || (0xa7f6..0xff21).contains(&u) {
        return c;
    }
    let at = RUNS.partition_point(|&(first, _)| first <= u);
    let Some(&(first, packed)) = at.checked_sub(1).and_then(|at| RUNS.get(at)) else {
        return c;
    };
    let (count, stride) = ((packed & 0x7f) as u32, 1 + ((packed >> 7) & 1) as u32);
    let off = u - first;
    if off % stride != 0 || off / stride >= count {
        return c;
    }
    char::from_u32(u.wrapping_add_signed(packed >> 8)).unwrap_or(c)
}

/// `text` in lower case, as `str::to_lowercase` (see the module's note on `Σ`).
pub fn lower_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == 'Σ' {
            let before_letter = chars
                .clone()
                .find(|&n| !combining(n))
                .is_some_and(char::is_alphabetic);
            out.push(if after_letter && !before_letter {
                'ς'
            } else {
                'σ'
            });
        } else {
            out.extend(lower(c));
        }
        if !combining(c) {
            after_letter = c.is_alphabetic();
        }
    }
    out
}

/// A combining diacritic (U+0300–U+036F), which Final_Sigma looks past.
fn combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "{:#x}", u32::from(c));
        }
    }

    #[test]
    fn strings_lower_as_the_standard_library_does() {
        for text in [
            "Kim Sang-ki SAID",
            "İSTANBUL",
            "ÉTÉ À PARIS",
            "Ǆemal",
            "ΑΘΗΝΑ",
            "",
        ] {
            assert_eq!(lower_str(text), text.to_lowercase());
        }
        assert_eq!(lower_str("ΟΔΟΣ ΣΑΣ"), "οδος σας");
        assert_eq!(
            lower_str("Σ ΑΣΑ Α\u{301}Σ\u{301}"),
            "σ ασα α\u{301}ς\u{301}"
        );
        // a final Σ after a letter of another script: ς, as the standard library gives
        assert_eq!(lower_str("ABΣ. Σ1 1Σ"), "abς. σ1 1σ");
        assert_eq!(lower_str("ABΣ. Σ1 1Σ"), "ABΣ. Σ1 1Σ".to_lowercase());
    }
}
