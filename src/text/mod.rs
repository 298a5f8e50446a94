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
pub use options::{OptionError, OptionValue, Options};
pub use report::{Position, Quote, QuoteKind, Read, Repeat, RepeatKind, Report, Span, Speaker};
