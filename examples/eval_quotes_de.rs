//! Scores German quotations and speakers against German WikiNews
//! (../shared/corpus/quotes/german/{train,dev}/*.json).
//!
//! `cargo run --release --example eval_quotes_de -- [dev|train] [--errors]`: with no split, both
//! are scored. Gold is derived exactly as ../shared/corpus/README.md says:
//! - paragraphs are the non-blank lines of `originalText`, trimmed (offsets in code points; the
//!   engine's UTF-16 offsets are converted back);
//! - a gold quotation is a `quote` span of an annotation of type `Direct` (one annotated twice, in
//!   nested frames, counts once, with either speaker); its speaker is that annotation's `speaker`;
//! - a predicted direct or partial quotation that lies inside the `quote` span of an annotation of
//!   another type (partial quotations in indirect speech, titles cited in it) is neither required
//!   nor penalised; every other unmatched prediction is a false positive;
//! - a prediction matches a gold quotation when overlap / union ≥ 0.8, one to one; the speaker is
//!   right when the predicted `speaker.mention` overlaps a gold `speaker` span.
//!
//! Skips cleanly when ../shared is absent.

use std::fs;
use std::path::Path;

use serde_json::Value;
use verbatim::text::{analyze, Options, QuoteKind};

#[path = "eval_common/mod.rs"]
mod eval_common;
use eval_common::{cp_of_unit, iou, paragraphs, show, splits, Outcome, Range, Rates, Tally};

struct Gold {
    span: Range,
    speakers: Vec<Range>,
}

#[derive(Default)]
struct Score {
    tally: Tally,
    ignored: usize,
}

fn spans(v: &Value) -> Vec<Range> {
    v.get("spans")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| {
                    let b = s.get("charBegin")?.as_u64()? as usize;
                    let e = s.get("charEnd")?.as_u64()? as usize;
                    (e > b).then_some((b, e))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn score_article(path: &Path, score: &mut Score, errors: bool) {
    let Ok(raw) = fs::read_to_string(path) else {
        return;
    };
    let Ok(json) = serde_json::from_str::<Value>(&raw) else {
        return;
    };
    let Some(original) = json.get("originalText").and_then(Value::as_str) else {
        return;
    };
    let text: Vec<char> = original.chars().collect();
    let paras = paragraphs(&text);
    let empty = Vec::new();
    let annotations = json
        .get("annotations")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut golds: Vec<Gold> = Vec::new();
    let mut other: Vec<Range> = Vec::new();
    for a in annotations {
        let quote = a.get("quote").map(spans).unwrap_or_default();
        if a.get("type").and_then(Value::as_str) == Some("Direct") {
            let speakers = a.get("speaker").map(spans).unwrap_or_default();
            for q in quote {
                match golds.iter_mut().find(|g| g.span == q) {
                    Some(g) => g.speakers.extend(speakers.iter().copied()),
                    None => golds.push(Gold {
                        span: q,
                        speakers: speakers.clone(),
                    }),
                }
            }
        } else {
            other.extend(quote);
        }
    }

    let strings: Vec<String> = paras.iter().map(|(_, p)| p.iter().collect()).collect();
    let options = Options {
        collapse: false,
        ..Options::default()
    };
    let report = analyze(&strings, &options);
    let to_file = |para: usize, unit: usize| paras[para].0 + cp_of_unit(&paras[para].1, unit);
    let mut predicted: Vec<(Range, Option<Range>)> = Vec::new();
    for q in report.quotes.iter().filter(|q| q.kind != QuoteKind::Scare) {
        let span = (
            to_file(q.start.paragraph, q.start.offset),
            to_file(q.end.paragraph, q.end.offset),
        );
        let mention = q.speaker.as_ref().map(|s| {
            (
                to_file(s.mention.paragraph, s.mention.start),
                to_file(s.mention.paragraph, s.mention.end),
            )
        });
        // inside another type's quote span and matching no gold: neither required nor penalised
        let inside_other = other.iter().any(|&o| span.0 >= o.0 && span.1 <= o.1);
        if inside_other && !golds.iter().any(|g| iou(g.span, span) >= 0.8) {
            score.ignored += 1;
            continue;
        }
        predicted.push((span, mention));
    }

    let sources: Vec<(Range, &[Range])> = golds.iter().map(|g| (g.span, &g.speakers[..])).collect();
    let (outcomes, pred_used) = score.tally.add(&sources, &predicted);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(40).collect::<String>())
        .unwrap_or_default();
    let para_of = |at: usize| paras.partition_point(|(b, _)| *b <= at).saturating_sub(1);
    for (g, outcome) in golds.iter().zip(&outcomes) {
        match *outcome {
            Outcome::Matched {
                predicted: pi,
                right: Some(false),
            } if errors => {
                let sources: Vec<String> = g.speakers.iter().map(|&s| show(&text, s)).collect();
                println!(
                    "SPEAKER {name}: {} | predicted {:?} | gold {:?}\n    in: {}",
                    show(&text, g.span),
                    predicted[pi].1.map(|m| show(&text, m)),
                    sources,
                    strings[para_of(g.span.0)]
                );
            }
            Outcome::Missed if errors => {
                println!(
                    "MISS {name}: {}\n    in: {}",
                    show(&text, g.span),
                    strings[para_of(g.span.0)]
                );
            }
            _ => {}
        }
    }
    if errors {
        for (pi, (p, _)) in predicted.iter().enumerate() {
            if !pred_used[pi] {
                println!(
                    "EXTRA {name}: {}\n    in: {}",
                    show(&text, *p),
                    strings[para_of(p.0)]
                );
            }
        }
    }
}

fn run(dir: &Path, split: &str, errors: bool) {
    if !dir.is_dir() {
        println!("{split}: {} not found, skipped", dir.display());
        return;
    }
    let files = eval_common::sorted_files(dir, "json");
    let mut score = Score::default();
    for f in &files {
        score_article(f, &mut score, errors);
    }
    let Rates {
        p,
        r,
        f,
        acc,
        share,
    } = score.tally.rates();
    println!(
        "{split}: {} articles, {} gold quotes ({} with a speaker), {} predicted ({} inside other annotations, not counted)",
        files.len(),
        score.tally.gold,
        score.tally.with_source,
        score.tally.predicted,
        score.ignored
    );
    println!("  quotes   P {p:.3}  R {r:.3}  F1 {f:.3}");
    println!(
        "  speakers accuracy {acc:.3} ({}/{} matched with a speaker); right over all gold with a speaker {share:.3}",
        score.tally.speaker_right, score.tally.matched_with_source
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let splits = splits(&args);
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/quotes/german");
    if !base.exists() {
        println!(
            "eval_quotes_de: {} is absent; nothing to score (skipped)",
            base.display()
        );
        return;
    }
    for split in splits {
        run(&base.join(split), split, errors);
    }
}
