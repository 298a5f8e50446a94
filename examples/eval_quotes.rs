//! Scores quotations and speakers against PolNeAR (../shared/corpus/quotes/polnear).
//!
//! `cargo run --release --example eval_quotes -- [dev|train] [--errors]`: with no split, both are
//! scored. `-- --show FILE` prints the quotations found in a text file (one paragraph a line). Gold is derived exactly as ../shared/corpus/README.md says:
//! - one annotation file per article, the first in sorted order;
//! - paragraphs are the non-blank lines, trimmed; `<tweet …>` tags are blanked with spaces;
//! - quoted segments: double marks “ ” " and `''`; single marks ‘ ’ ' only outside a double quote,
//!   opening before a word (after a non-word) and closing before a non-word; a paragraph that ends
//!   inside a double quote continues into the next when that one opens with a double mark, otherwise
//!   the unclosed segment is dropped;
//! - a gold quotation is a segment at least half of whose words lie inside one attribution's Content
//!   (with Content2); its speaker is that attribution's Source.
//!
//! A prediction (direct or partial; scare quotes are left out) matches a gold quotation when
//! overlap / union ≥ 0.8, one to one. Speaker accuracy counts matched gold quotations that have a
//! Source: right when the predicted mention overlaps a Source span (hence in the same paragraph).
//! Skips cleanly when ../shared is absent.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use verbatim::text::{analyze, Options, QuoteKind};

#[path = "eval_common/mod.rs"]
mod eval_common;
use eval_common::{cp_of_unit, iou, paragraphs, show, splits, Outcome, Range, Rates, Tally};

struct Attribution {
    content: Vec<Range>,
    source: Vec<Range>,
}

struct Gold {
    span: Range,
    source: Vec<Range>,
}

#[derive(Default)]
struct Score {
    tally: Tally,
    /// Scare predictions that overlap a gold quotation (≥ 0.8) and that do not.
    scare_gold: usize,
    scare_other: usize,
}

fn parse_spans(s: &str) -> Vec<Range> {
    s.split(';')
        .filter_map(|part| {
            let mut it = part.split_whitespace();
            let a = it.next()?.parse().ok()?;
            let b = it.next()?.parse().ok()?;
            Some((a, b))
        })
        .collect()
}

fn parse_ann(text: &str) -> Vec<Attribution> {
    let mut spans: BTreeMap<&str, (&str, Vec<Range>)> = BTreeMap::new();
    let mut events = Vec::new();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (kind, rest) = body.split_once(' ').unwrap_or((body, ""));
            spans.insert(id, (kind, parse_spans(rest)));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    events
        .iter()
        .map(|body| {
            let mut a = Attribution {
                content: Vec::new(),
                source: Vec::new(),
            };
            for arg in body.split_whitespace() {
                let Some((role, t)) = arg.split_once(':') else {
                    continue;
                };
                let Some((_, ranges)) = spans.get(t) else {
                    continue;
                };
                if role.starts_with("Content") {
                    a.content.extend(ranges.iter().copied());
                } else if role == "Source" {
                    a.source.extend(ranges.iter().copied());
                }
            }
            a
        })
        .collect()
}

/// Blanks `<tweet …>` and `</tweet>` tags with spaces, keeping code-point offsets.
fn blank_tweets(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '<' {
            let rest: String = chars[i..chars.len().min(i + 7)].iter().collect();
            if rest.starts_with("<tweet") || rest.starts_with("</tweet") {
                let mut j = i;
                while j < chars.len() && chars[j] != '>' {
                    chars[j] = ' ';
                    j += 1;
                }
                if j < chars.len() {
                    chars[j] = ' ';
                }
                i = j;
            }
        }
        i += 1;
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_double_at(p: &[char], i: usize) -> Option<usize> {
    match p[i] {
        '“' | '”' | '"' => Some(1),
        '\'' if p.get(i + 1) == Some(&'\'') => Some(2),
        _ => None,
    }
}

/// Quoted segments by the README's rules, as file code-point ranges (marks included).
fn segments(paras: &[(usize, Vec<char>)]) -> Vec<Range> {
    let mut out = Vec::new();
    let mut open_double: Option<usize> = None; // file offset of the opening mark
    for (pi, (base, p)) in paras.iter().enumerate() {
        let mut i = 0;
        if let Some(start) = open_double {
            // continues only when this paragraph opens with a double mark
            match is_double_at(p, 0) {
                Some(len) if p[0] != '”' => i = len,
                _ => open_double = None,
            }
            let _ = start;
        }
        let mut open_single: Option<usize> = None;
        while i < p.len() {
            let c = p[i];
            if let Some(len) = is_double_at(p, i) {
                match (open_double, c) {
                    (None, '”') => {}
                    (None, _) => {
                        open_double = Some(base + i);
                        open_single = None;
                    }
                    (Some(_), '“') => {}
                    (Some(s), _) => {
                        out.push((s, base + i + len));
                        open_double = None;
                    }
                }
                i += len;
                continue;
            }
            if open_double.is_none() && matches!(c, '‘' | '’' | '\'') {
                let prev = if i > 0 { Some(p[i - 1]) } else { None };
                let next = p.get(i + 1).copied();
                let opens = c != '’' && next.is_some_and(is_word) && !prev.is_some_and(is_word);
                let closes = c != '‘'
                    && !next.is_some_and(is_word)
                    && prev.is_some_and(|c| !c.is_whitespace());
                match open_single {
                    Some(s) if closes => {
                        out.push((s, base + i + 1));
                        open_single = None;
                    }
                    None if opens => open_single = Some(base + i),
                    _ => {}
                }
            }
            i += 1;
        }
        let _ = pi;
    }
    out.sort();
    out
}

fn gold(text: &[char], segs: &[Range], attributions: &[Attribution]) -> Vec<Gold> {
    let mut out = Vec::new();
    for &(s, e) in segs {
        // words of the segment
        let mut words = Vec::new();
        let mut i = s;
        while i < e {
            if is_word(text[i]) {
                let start = i;
                while i < e && is_word(text[i]) {
                    i += 1;
                }
                words.push((start, i));
            } else {
                i += 1;
            }
        }
        if words.is_empty() {
            continue;
        }
        let mut best: Option<(usize, usize, &Attribution)> = None;
        for a in attributions {
            let inside = words
                .iter()
                .filter(|&&(ws, we)| a.content.iter().any(|&(cs, ce)| ws >= cs && we <= ce))
                .count();
            if inside * 2 >= words.len() && inside > 0 {
                let size: usize = a.content.iter().map(|(a, b)| b - a).sum();
                if best.map_or(true, |(bi, bs, _)| {
                    inside > bi || (inside == bi && size < bs)
                }) {
                    best = Some((inside, size, a));
                }
            }
        }
        if let Some((_, _, a)) = best {
            out.push(Gold {
                span: (s, e),
                source: a.source.clone(),
            });
        }
    }
    out
}

fn score_article(text_path: &Path, ann_path: &Path, score: &mut Score, errors: bool) {
    let Ok(raw) = fs::read_to_string(text_path) else {
        return;
    };
    let Ok(ann) = fs::read_to_string(ann_path) else {
        return;
    };
    let mut text: Vec<char> = raw.chars().collect();
    blank_tweets(&mut text);
    let paras = paragraphs(&text);
    let attributions = parse_ann(&ann);
    let segs = segments(&paras);
    let golds = gold(&text, &segs, &attributions);

    let strings: Vec<String> = paras.iter().map(|(_, p)| p.iter().collect()).collect();
    let options = Options {
        collapse: false,
        ..Options::default()
    };
    let report = analyze(&strings, &options);
    let to_file = |para: usize, unit: usize| paras[para].0 + cp_of_unit(&paras[para].1, unit);
    let predicted: Vec<(Range, Option<Range>)> = report
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(|q| {
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
            (span, mention)
        })
        .collect();

    for q in report.quotes.iter().filter(|q| q.kind == QuoteKind::Scare) {
        let span = (
            to_file(q.start.paragraph, q.start.offset),
            to_file(q.end.paragraph, q.end.offset),
        );
        if golds.iter().any(|g| iou(g.span, span) >= 0.8) {
            score.scare_gold += 1;
            if errors {
                println!("SCARE-GOLD {}: {}", text_path.display(), show(&text, span));
            }
        } else {
            score.scare_other += 1;
            if errors {
                println!("SCARE-OK {}: {}", text_path.display(), show(&text, span));
            }
        }
    }
    let sources: Vec<(Range, &[Range])> = golds.iter().map(|g| (g.span, &g.source[..])).collect();
    let (outcomes, pred_used) = score.tally.add(&sources, &predicted);
    let name = text_path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    for (g, outcome) in golds.iter().zip(&outcomes) {
        match *outcome {
            Outcome::Matched {
                predicted: pi,
                right: Some(true),
            } if std::env::var_os("EVAL_QUOTES_RIGHT").is_some() => {
                println!(
                    "RIGHT {name}: {} | predicted {:?}",
                    show(&text, g.span),
                    predicted[pi].1.map(|m| show(&text, m))
                );
            }
            Outcome::Matched {
                predicted: pi,
                right: Some(false),
            } if errors => {
                let sources: Vec<String> = g.source.iter().map(|&s| show(&text, s)).collect();
                let para = paras
                    .partition_point(|(b, _)| *b <= g.span.0)
                    .saturating_sub(1);
                println!(
                    "SPEAKER {name}: {} | predicted {:?} | gold {:?}\n    in: {}",
                    show(&text, g.span),
                    predicted[pi].1.map(|m| show(&text, m)),
                    sources,
                    strings[para]
                );
            }
            Outcome::Missed if errors => println!("MISS {name}: {}", show(&text, g.span)),
            _ => {}
        }
    }
    if errors {
        for (pi, (p, _)) in predicted.iter().enumerate() {
            if !pred_used[pi] {
                println!("EXTRA {name}: {}", show(&text, *p));
            }
        }
    }
}

fn run(dir: &Path, split: &str, errors: bool) {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let (true, Ok(anns)) = (text_dir.is_dir(), fs::read_dir(&ann_dir)) else {
        println!("{split}: {} not found, skipped", dir.display());
        return;
    };
    let texts = eval_common::sorted_files(&text_dir, "txt");
    let mut anns: Vec<String> = anns
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .collect();
    anns.sort();
    let mut score = Score::default();
    let mut articles = 0;
    for t in &texts {
        let Some(stem) = t.file_stem().map(|s| s.to_string_lossy().to_string()) else {
            continue;
        };
        // the first annotation file in sorted order: STEM_xxxx.ann
        let Some(ann) = anns.iter().find(|a| {
            a.strip_suffix(".ann")
                .and_then(|a| a.rsplit_once('_'))
                .is_some_and(|(s, _)| s == stem)
        }) else {
            continue;
        };
        articles += 1;
        score_article(t, &ann_dir.join(ann), &mut score, errors);
    }
    let Rates {
        p,
        r,
        f,
        acc,
        share,
    } = score.tally.rates();
    println!(
        "{split}: {articles} articles, {} gold quotes ({} with a source), {} predicted",
        score.tally.gold, score.tally.with_source, score.tally.predicted
    );
    println!("  quotes   P {p:.3}  R {r:.3}  F1 {f:.3}");
    println!(
        "  scare predictions: {} on a gold quotation, {} not",
        score.scare_gold, score.scare_other
    );
    println!(
        "  speakers accuracy {acc:.3} ({}/{} matched with a source); right over all gold with a source {share:.3}",
        score.tally.speaker_right, score.tally.matched_with_source
    );
}

/// Prints every quotation found in a text file (paragraphs are its non-blank lines), for debugging.
fn show_file(path: &str) {
    let Ok(raw) = fs::read_to_string(path) else {
        println!("{path}: not readable");
        return;
    };
    let paras: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let options = Options {
        collapse: false,
        ..Options::default()
    };
    let units: Vec<Vec<u16>> = paras.iter().map(|p| p.encode_utf16().collect()).collect();
    let cut = |p: usize, s: usize, e: usize| {
        String::from_utf16_lossy(&units[p][s..e.min(units[p].len())])
    };
    for q in analyze(&paras, &options).quotes {
        let end = if q.start.paragraph == q.end.paragraph {
            q.end.offset
        } else {
            units[q.start.paragraph].len()
        };
        let speaker = q.speaker.as_ref().map(|s| {
            format!(
                "{} [{}#{}]",
                s.name,
                cut(s.mention.paragraph, s.mention.start, s.mention.end),
                s.mention.paragraph
            )
        });
        let cue = q.cue.map(|c| cut(c.paragraph, c.start, c.end));
        println!(
            "{}: {:?} {} | {:?} | cue {:?}",
            q.start.paragraph,
            q.kind,
            cut(q.start.paragraph, q.start.offset, end),
            speaker,
            cue
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--show") {
        if let Some(path) = args.get(i + 1) {
            show_file(path);
        }
        return;
    }
    let errors = args.iter().any(|a| a == "--errors");
    let splits = splits(&args);
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/quotes/polnear");
    if !base.exists() {
        println!(
            "eval_quotes: {} is absent; nothing to score (skipped)",
            base.display()
        );
        return;
    }
    for split in splits {
        run(&base.join(split), split, errors);
    }
}
