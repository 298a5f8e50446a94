//! The text core: pure Rust, no DOM and no JavaScript types.
//!
//! It takes paragraphs as strings and decides everything Verbatim does: which paragraphs repeat
//! earlier ones ([`repeats`]), where the quotations are and who speaks them ([`quotes`]). Its answer
//! is a [`Report`] of plain data. It compiles and is tested natively.

mod analyzer;
pub mod case;
pub mod memory;
pub mod normalise;
pub mod options;
pub mod quotes;
pub mod repeats;
pub mod report;
pub mod sort;
pub mod utf16;

pub use analyzer::{analyze, Analyzer};

/// `parts` joined by `sep`: the standard library's `concat` and `join` go through one generic
/// routine of more than a kilobyte of WebAssembly, for the module's dozen short messages and names.
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}
pub use options::{OptionError, OptionValue, Options};
pub use report::{Position, Quote, QuoteKind, Read, Repeat, RepeatKind, Report, Span, Speaker};
