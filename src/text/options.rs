//! The options every entry point takes, their defaults and their validation.
//!
//! Parsing is kept here, on a small value type, rather than in the binding layer, so that the rules
//! (which keys exist, which types and ranges they take) live in one place, are tested natively, and
//! can be fuzzed. The binding layer only turns a JavaScript object into `(key, OptionValue)` pairs.

use std::fmt;

/// Settings for one analysis. Interface names: `collapse`, `highlight`, `minWords`, `similarity`,
/// `lang`.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Find and hide repeated paragraphs.
    pub collapse: bool,
    /// Find and mark quotations.
    pub highlight: bool,
    /// A paragraph with fewer words than this is not hidden when it repeats alone (structure, not a
    /// copy: an interview's recurring question, a "Read more" line).
    pub min_words: usize,
    /// The word-shingle similarity at or above which an edited paragraph is a near copy.
    pub similarity: f64,
    /// The page's language as a BCP 47 tag (`<html lang="de-AT">`), if the caller knows it: short
    /// paragraphs follow it, paragraphs with clear evidence of their own language keep theirs.
    /// Languages without a cue grammar are read as if unknown.
    pub lang: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            collapse: true,
            highlight: true,
            min_words: 8,
            similarity: 0.8,
            lang: None,
        }
    }
}

/// One option value as it arrived from the caller, reduced to what validation needs.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Bool(bool),
    Number(f64),
    Text(String),
    /// Anything else, named by its type ("string", "object", "null", …) for the error message.
    Other(&'static str),
}

/// A rejected option; the message names the key, as the interface requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub key: String,
    pub message: String,
}

impl OptionError {
    /// The message as thrown: "verbatim: option `KEY` MESSAGE" (built without `core::fmt`, which
    /// the WebAssembly build would otherwise carry for it).
    pub fn text(&self) -> String {
        crate::text::join(&["verbatim: option `", &self.key, "` ", &self.message], "")
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for OptionError {}

/// The largest `minWords` accepted: beyond it nothing could ever be hidden, so it is surely a mistake.
pub const MAX_MIN_WORDS: usize = 10_000;

impl Options {
    /// Sets one option by its interface name, checking type and range.
    pub fn set(&mut self, key: &str, value: OptionValue) -> Result<(), OptionError> {
        let fail = |message: &str| OptionError {
            key: truncate_key(key),
            message: message.to_owned(),
        };
        match (key, value) {
            ("collapse", OptionValue::Bool(b)) => self.collapse = b,
            ("highlight", OptionValue::Bool(b)) => self.highlight = b,
            ("minWords", OptionValue::Number(n)) => {
                if !(n.is_finite() && n.fract() == 0.0 && (1.0..=MAX_MIN_WORDS as f64).contains(&n))
                {
                    // The value is not echoed: formatting a float would add kilobytes to the .wasm.
                    // (The bound is written out for the same reason; a test checks it.)
                    return Err(fail("must be a whole number from 1 to 10000"));
                }
                self.min_words = n as usize;
            }
            ("similarity", OptionValue::Number(n)) => {
                if !(n.is_finite() && (0.5..=1.0).contains(&n)) {
                    return Err(fail("must be a number from 0.5 to 1"));
                }
                self.similarity = n;
            }
            ("lang", OptionValue::Text(t)) => {
                // a language tag: letters, digits and hyphens, as `<html lang>` holds it
                let ok = t.len() <= 35
                    && t.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if !ok {
                    return Err(fail("must be a language tag such as \"de\" or \"fr-CA\""));
                }
                self.lang = (!t.is_empty()).then_some(t);
            }
            ("lang", other) => {
                return Err(fail(&crate::text::join(
                    &["must be a string, got ", type_name(&other)],
                    "",
                )))
            }
            ("collapse" | "highlight", other) => {
                return Err(fail(&crate::text::join(
                    &["must be a boolean, got ", type_name(&other)],
                    "",
                )))
            }
            ("minWords" | "similarity", other) => {
                return Err(fail(&crate::text::join(
                    &["must be a number, got ", type_name(&other)],
                    "",
                )))
            }
            _ => {
                return Err(fail(
                    "is not an option (known: collapse, highlight, minWords, similarity, lang)",
                ))
            }
        }
        Ok(())
    }

    /// Options from `(key, value)` pairs, defaults for the rest.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, OptionValue)>,
    ) -> Result<Options, OptionError> {
        let mut options = Options::default();
        for (key, value) in pairs {
            options.set(key, value)?;
        }
        Ok(options)
    }
}

fn type_name(value: &OptionValue) -> &'static str {
    match value {
        OptionValue::Bool(_) => "boolean",
        OptionValue::Number(_) => "number",
        OptionValue::Text(_) => "string",
        OptionValue::Other(name) => name,
    }
}

/// Keys come from callers; an absurdly long one is cut so the error message stays readable.
fn truncate_key(key: &str) -> String {
    key.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_interface() {
        let o = Options::default();
        assert!(o.collapse && o.highlight);
        assert_eq!(o.min_words, 8);
        assert_eq!(o.similarity, 0.8);
        assert_eq!(o.lang, None);
    }

    #[test]
    fn lang_is_a_language_tag() {
        let o = Options::from_pairs([("lang", OptionValue::Text("de-AT".into()))]).unwrap();
        assert_eq!(o.lang.as_deref(), Some("de-AT"));
        let o = Options::from_pairs([("lang", OptionValue::Text(String::new()))]).unwrap();
        assert_eq!(o.lang, None);
        for bad in [
            OptionValue::Text("de AT".into()),
            OptionValue::Text("x".repeat(36)),
            OptionValue::Bool(true),
        ] {
            let err = Options::default().set("lang", bad).unwrap_err();
            assert_eq!(err.key, "lang");
        }
    }

    #[test]
    fn good_values_are_taken() {
        let o = Options::from_pairs([
            ("collapse", OptionValue::Bool(false)),
            ("minWords", OptionValue::Number(3.0)),
            ("similarity", OptionValue::Number(0.9)),
        ])
        .unwrap();
        assert!(!o.collapse);
        assert_eq!(o.min_words, 3);
        assert_eq!(o.similarity, 0.9);
    }

    #[test]
    fn errors_name_the_key() {
        let cases = [
            (
                "collapse",
                OptionValue::Number(1.0),
                "must be a boolean, got number",
            ),
            (
                "minWords",
                OptionValue::Number(0.0),
                &format!("must be a whole number from 1 to {MAX_MIN_WORDS}"),
            ),
            ("minWords", OptionValue::Number(2.5), "whole number"),
            ("minWords", OptionValue::Number(f64::NAN), "whole number"),
            ("similarity", OptionValue::Number(1.5), "from 0.5 to 1"),
            ("similarity", OptionValue::Other("string"), "got string"),
            ("similarity", OptionValue::Text("0.9".into()), "got string"),
            (
                "lang",
                OptionValue::Number(1.0),
                "must be a string, got number",
            ),
            ("colapse", OptionValue::Bool(true), "is not an option"),
        ];
        for (key, value, expected) in cases {
            let err = Options::default().set(key, value).unwrap_err();
            assert_eq!(err.key, key);
            let text = err.to_string();
            assert!(text.contains(&format!("`{key}`")), "{text}");
            assert!(text.contains(expected), "{text}");
        }
    }
}
