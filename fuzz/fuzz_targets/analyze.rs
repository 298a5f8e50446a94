//! Fuzz target `analyze`: `cargo +nightly fuzz run analyze` (see README, "Benchmarks and fuzzing").
//!
//! Input: byte 0 holds flags (collapse, highlight, batches), byte 1 `minWords`, byte 2 the
//! similarity; the rest, read as UTF-8 with invalid bytes replaced by U+FFFD (what a JavaScript
//! string with lone surrogates becomes on its way into Rust), is split into paragraphs on U+001E
//! (the record separator, so that paragraphs may hold newlines). With the batches flag set the
//! paragraphs go through `Analyzer::push` in batches cut where a paragraph starts with U+001D.
//!
//! Beyond not panicking, every report must keep the invariants of tests/properties.rs that are
//! cheap to check: offsets within bounds and on UTF-16 character boundaries, quotations sorted and
//! not overlapping, exact and near copies naming an earlier paragraph, no `of` hidden itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use verbatim::text::{analyze, Analyzer, Options, RepeatKind, Report};

fn utf16_boundary(text: &str, offset: usize) -> bool {
    let mut at = 0;
    for c in text.chars() {
        if at == offset {
            return true;
        }
        if at > offset {
            return false;
        }
        at += c.len_utf16();
    }
    at == offset
}

fn check(paragraphs: &[String], report: &Report) {
    let ok = |p: usize, o: usize| p < paragraphs.len() && utf16_boundary(&paragraphs[p], o);
    let mut hidden = vec![false; paragraphs.len()];
    let mut last = None;
    for r in &report.repeats {
        assert!(
            r.index < paragraphs.len() && r.of < paragraphs.len(),
            "{r:?}"
        );
        assert!(last < Some(r.index), "repeats unsorted at {r:?}");
        last = Some(r.index);
        if r.kind != RepeatKind::Contained {
            assert!(r.of < r.index, "first copy hidden: {r:?}");
        }
        hidden[r.index] = true;
    }
    for r in &report.repeats {
        assert!(!hidden[r.of], "`of` hidden itself: {r:?}");
    }
    let mut end = None;
    for q in &report.quotes {
        assert!(ok(q.start.paragraph, q.start.offset), "quote start {q:?}");
        assert!(ok(q.end.paragraph, q.end.offset), "quote end {q:?}");
        assert!(q.start < q.end, "empty quote {q:?}");
        assert!(end.is_none_or(|e| e <= q.start), "quotes overlap at {q:?}");
        assert!(
            !hidden[q.start.paragraph],
            "quote in a hidden paragraph {q:?}"
        );
        end = Some(q.end);
        for s in q.speaker.iter().map(|s| s.mention).chain(q.cue) {
            assert!(
                ok(s.paragraph, s.start) && ok(s.paragraph, s.end) && s.start <= s.end,
                "{q:?}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let options = Options {
        collapse: data[0] & 1 == 0,
        highlight: data[0] & 2 == 0,
        min_words: 1 + (data[1] as usize % 24),
        similarity: 0.5 + (data[2] as f64 / 255.0) * 0.5,
        lang: None,
    };
    let batches = data[0] & 4 != 0;
    let text = String::from_utf8_lossy(&data[3..]);
    let paragraphs: Vec<String> = text.split('\u{1E}').map(String::from).collect();
    if !batches {
        let report = analyze(&paragraphs, &options);
        check(&paragraphs, &report);
        return;
    }
    let mut analyzer = Analyzer::new(options);
    let mut all = Report::default();
    let mut start = 0;
    for i in 1..=paragraphs.len() {
        if i == paragraphs.len() || paragraphs[i].starts_with('\u{1D}') {
            let report = analyzer.push(paragraphs[start..i].iter().cloned());
            for r in &report.repeats {
                assert!(
                    (start..i).contains(&r.index),
                    "repeat outside its batch: {r:?}"
                );
            }
            all.repeats.extend(report.repeats);
            all.quotes.extend(report.quotes);
            start = i;
        }
    }
    check(&paragraphs, &all);
});
