//! Quotations and speakers through the public entry points (`verbatim::text::analyze`, `Analyzer`).
//!
//! Fixtures are the project's own sentences; the check against the real seed article runs only
//! when ../shared is present.

use verbatim::text::{analyze, Analyzer, Options, Quote, QuoteKind};

fn quotes_only() -> Options {
    Options {
        collapse: false,
        ..Options::default()
    }
}

/// The text of a quotation (single-paragraph), by UTF-16 offsets.
fn slice(paragraphs: &[&str], q: &Quote) -> String {
    let units: Vec<u16> = paragraphs[q.start.paragraph].encode_utf16().collect();
    if q.start.paragraph == q.end.paragraph {
        String::from_utf16_lossy(&units[q.start.offset..q.end.offset])
    } else {
        String::from_utf16_lossy(&units[q.start.offset..])
    }
}

fn span_text(paragraphs: &[&str], s: &verbatim::text::Span) -> String {
    let units: Vec<u16> = paragraphs[s.paragraph].encode_utf16().collect();
    String::from_utf16_lossy(&units[s.start..s.end])
}

/// (quoted text, kind, speaker name, mention text, cue text) for each quote.
fn describe(
    paragraphs: &[&str],
) -> Vec<(
    String,
    QuoteKind,
    Option<String>,
    Option<String>,
    Option<String>,
)> {
    analyze(paragraphs, &quotes_only())
        .quotes
        .iter()
        .map(|q| {
            (
                slice(paragraphs, q),
                q.kind,
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.speaker
                    .as_ref()
                    .map(|s| span_text(paragraphs, &s.mention)),
                q.cue.as_ref().map(|c| span_text(paragraphs, c)),
            )
        })
        .collect()
}

fn print(paragraphs: &[&str]) {
    for d in describe(paragraphs) {
        println!("{d:?}");
    }
}

#[test]
fn seed_like_fixture() {
    // The project's own article, built like the seed: a wire story about a second summit.
    let p = [
        "By Ana Ferreira",
        "Federal Chancellor Maria Lindqvist has confirmed that the two governments are discussing the venue for her second meeting with Premier Oskar Valdren.",
        "\"We are choosing a city,\" Lindqvist told journalists on Friday. \"It will be made public quite soon.\"",
        "Lindqvist added that she talks regularly with Valdren, and that both share a \"very warm rapport.\" Lindqvist also said she \"sometimes writes\" to the premier.",
        "On Tuesday, Norland demanded that the federation take \"matching measures\" in exchange for its concessions on the border.",
        "\"If the federation keeps testing our resolve, it will face consequences it cannot control,\" said Vesti Nord, the northern government's official broadcaster.",
        "\"We have shown patience and good faith, and now it is the federation's turn. It should answer with real concessions of its own,\" it said.",
        "The federation still wants to keep its \"steady squeeze\" policy on the northern ports.",
        "Lindqvist said: \"The tariffs stay fully in place and they will stay until we see concrete, checkable progress\" on the border question.",
        "\"Without some relief on tariffs, it is very hard for the two governments to move forward on the border,\" said Pia Halvorsen, head of the border studies unit at the Institute for Northern Affairs.",
        "The federation knows Norland will take \"genuine and testable\" measures only when tariffs are eased, according to the analyst.",
        "\"A border town has symbolic value, and a neutral capital would suit both delegations,\" the analyst said.",
    ];
    print(&p);
    let got = describe(&p);
    let want: &[(&str, QuoteKind, Option<&str>)] = &[
        ("\"We are choosing a city,\"", QuoteKind::Direct, Some("Maria Lindqvist")),
        ("\"It will be made public quite soon.\"", QuoteKind::Direct, Some("Maria Lindqvist")),
        ("\"very warm rapport.\"", QuoteKind::Partial, Some("Maria Lindqvist")),
        ("\"sometimes writes\"", QuoteKind::Partial, Some("Maria Lindqvist")),
        ("\"matching measures\"", QuoteKind::Partial, Some("Norland")),
        ("\"If the federation keeps testing our resolve, it will face consequences it cannot control,\"", QuoteKind::Direct, Some("Vesti Nord")),
        ("\"We have shown patience and good faith, and now it is the federation's turn. It should answer with real concessions of its own,\"", QuoteKind::Direct, Some("Vesti Nord")),
        ("\"steady squeeze\"", QuoteKind::Scare, None),
        ("\"The tariffs stay fully in place and they will stay until we see concrete, checkable progress\"", QuoteKind::Direct, Some("Maria Lindqvist")),
        ("\"Without some relief on tariffs, it is very hard for the two governments to move forward on the border,\"", QuoteKind::Direct, Some("Pia Halvorsen")),
        ("\"genuine and testable\"", QuoteKind::Partial, Some("Pia Halvorsen")),
        ("\"A border town has symbolic value, and a neutral capital would suit both delegations,\"", QuoteKind::Direct, Some("Pia Halvorsen")),
    ];
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1, g.2.as_deref()), (w.0, w.1, w.2));
    }
}
