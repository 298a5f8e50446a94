//! Fuzz target `options`: `cargo +nightly fuzz run options` (see README, "Benchmarks and fuzzing").
//!
//! Input: a sequence of (key, value) pairs for `Options::set`, the parser every entry point uses.
//! Each pair: one length byte, that many key bytes (UTF-8, invalid bytes replaced), one tag byte
//! (0 boolean, 1 number from the next 8 bytes, 2 a small integer, else another type) and the value.
//! Checked: no panic; an accepted value leaves the options in range; a refused one leaves them
//! unchanged and its message names the key (cut to 64 characters).
#![no_main]

use libfuzzer_sys::fuzz_target;
use verbatim::text::{OptionValue, Options};

const OTHER: [&str; 6] = ["string", "object", "null", "undefined", "array", "function"];

fuzz_target!(|data: &[u8]| {
    let mut options = Options::default();
    let mut at = 0;
    while at < data.len() {
        let len = data[at] as usize % 48;
        at += 1;
        let key_bytes = &data[at..(at + len).min(data.len())];
        at += key_bytes.len();
        let key = String::from_utf8_lossy(key_bytes);
        let Some(&tag) = data.get(at) else { break };
        at += 1;
        let value = match tag % 4 {
            0 => OptionValue::Bool(data.get(at).is_some_and(|b| b & 1 == 1)),
            1 => {
                let mut raw = [0u8; 8];
                for (i, b) in raw.iter_mut().enumerate() {
                    *b = data.get(at + i).copied().unwrap_or(0);
                }
                at += 7;
                OptionValue::Number(f64::from_le_bytes(raw))
            }
            2 => OptionValue::Number(data.get(at).copied().unwrap_or(0) as f64 / 8.0),
            _ => {
                OptionValue::Other(OTHER[data.get(at).copied().unwrap_or(0) as usize % OTHER.len()])
            }
        };
        at += 1;
        let before = options.clone();
        match options.set(&key, value) {
            Ok(()) => {
                assert!(matches!(
                    &*key,
                    "collapse" | "highlight" | "minWords" | "similarity" | "lang"
                ));
                assert!((1..=10_000).contains(&options.min_words), "{options:?}");
                assert!(options.similarity.is_finite(), "{options:?}");
                assert!((0.5..=1.0).contains(&options.similarity), "{options:?}");
            }
            Err(e) => {
                assert_eq!(options, before, "a refused value changed the options");
                let cut: String = key.chars().take(64).collect();
                assert_eq!(e.key, cut);
                assert!(e.to_string().contains(&format!("`{cut}`")), "{e}");
            }
        }
    }
});
