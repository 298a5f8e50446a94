//! What `process` reports back: counts for the popup and the demo's speaker list.

/// Totals for a document since its first `process`.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Paragraphs hidden as repeats.
    pub repeats: usize,
    /// Toggles shown (one per run of repeats).
    pub runs: usize,
    /// Quotations marked.
    pub quotes: usize,
    /// Paragraphs hidden because they were read on another page (reading memory).
    pub read: usize,
    /// Where the paragraphs of this page that were read before were read, in order of first match.
    pub read_from: Vec<ReadFrom>,
    /// Speakers in order of their first quotation.
    pub speakers: Vec<SpeakerCount>,
}

#[derive(Clone, Debug)]
pub struct SpeakerCount {
    pub name: String,
    pub count: usize,
    /// The `data-verbatim-quote` id of the speaker's first quotation.
    pub first_quote: String,
}

/// Paragraphs of this page read before at one source (a page visit).
#[derive(Clone, Debug)]
pub struct ReadFrom {
    /// The source's index in the reading memory.
    pub source: usize,
    /// Its `data-verbatim-read` value (site and time).
    pub read: String,
    /// How the toggle names it ("yesterday on example.com").
    pub place: String,
    /// Paragraphs of this page read there.
    pub count: usize,
    /// Of those, hidden (the rest were read on this very page).
    pub hidden: usize,
}

/// Adds the paragraphs of a report that were read before to the document's summary.
pub fn count_read(doc: &mut super::state::DocState, read: &[crate::text::Read]) {
    for r in read {
        let at = match doc
            .summary
            .read_from
            .iter()
            .position(|f| f.source == r.source)
        {
            Some(at) => at,
            None => {
                let source = doc.analyzer.memory().and_then(|m| m.source(r.source));
                doc.summary.read_from.push(ReadFrom {
                    source: r.source,
                    read: source.map_or_else(String::new, |s| s.read.to_owned()),
                    place: source.map_or_else(String::new, |s| s.place.to_owned()),
                    count: 0,
                    hidden: 0,
                });
                doc.summary.read_from.len() - 1
            }
        };
        if let Some(entry) = doc.summary.read_from.get_mut(at) {
            entry.count += 1;
            entry.hidden += usize::from(r.hidden);
        }
    }
}
