//! What `process` reports back: counts for the popup and the demo's speaker list.

use serde::Serialize;

/// Totals for a document since its first `process`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Paragraphs hidden as repeats.
    pub repeats: usize,
    /// Toggles shown (one per run of repeats).
    pub runs: usize,
    /// Quotations marked.
    pub quotes: usize,
    /// Speakers in order of their first quotation.
    pub speakers: Vec<SpeakerCount>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerCount {
    pub name: String,
    pub count: usize,
    /// The `data-verbatim-quote` id of the speaker's first quotation.
    pub first_quote: String,
}
