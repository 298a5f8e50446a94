//! The speaker names the popup would list on real pages, natively, for fast iteration.
//!
//! `node scripts/eval-pages.mjs --texts=FILE --speakers=LIST` (after `npm run build`) writes the
//! walker's paragraphs of the 130 pages of ../shared/corpus/pages/readability and the names the
//! browser's `process` summary lists. `cargo run --release --example page_speakers -- FILE` runs
//! `analyze` on those same paragraphs and prints `page<TAB>name<TAB>count` lines in order of first
//! quotation, as the summary does (direct and partial quotations with a speaker): the same list as
//! the browser's while the walker is unchanged. `--quotes` also prints each quotation under its
//! speaker, to read why a name was given; `--context` also the text around each mention. Skips cleanly when FILE is absent.

use std::fs;

use verbatim::text::{analyze, Options, QuoteKind};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let context = args.iter().any(|a| a == "--context");
    let show = context || args.iter().any(|a| a == "--quotes");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: page_speakers FILE [--quotes]");
        return;
    };
    let Ok(all) = fs::read_to_string(path) else {
        println!("page_speakers: {path} not found, skipped");
        return;
    };
    let mut pages: Vec<(String, Vec<String>)> = Vec::new();
    for line in all.lines() {
        if let Some(slug) = line.strip_prefix("## ") {
            pages.push((slug.to_string(), Vec::new()));
        } else if let Some((_, texts)) = pages.last_mut() {
            texts.push(line.to_string());
        }
    }
    let options = Options::default();
    for (slug, texts) in &pages {
        let report = analyze(texts, &options);
        let mut names: Vec<(String, usize)> = Vec::new();
        for q in &report.quotes {
            if q.kind == QuoteKind::Scare {
                continue;
            }
            let Some(s) = &q.speaker else { continue };
            // (as the summary lists them: no unresolved pronoun)
            if s.name.is_empty() || !verbatim::text::quotes::names_someone(&s.name) {
                continue;
            }
            if show {
                let text = &texts[q.start.paragraph];
                let units: Vec<u16> = text.encode_utf16().collect();
                let end = if q.end.paragraph == q.start.paragraph {
                    q.end.offset
                } else {
                    units.len()
                };
                let quote = String::from_utf16_lossy(&units[q.start.offset.min(end)..end]);
                let m = &texts[s.mention.paragraph]
                    .encode_utf16()
                    .collect::<Vec<u16>>();
                let mention = String::from_utf16_lossy(
                    &m[s.mention.start.min(m.len())..s.mention.end.min(m.len())],
                );
                let cue = q.cue.as_ref().map_or(String::new(), |c| {
                    let u: Vec<u16> = texts[c.paragraph].encode_utf16().collect();
                    String::from_utf16_lossy(&u[c.start.min(u.len())..c.end.min(u.len())])
                });
                println!(
                    "  {slug}\t{}\t[{mention}]\t{quote}\t{:?} cue <{cue}>",
                    s.name, q.kind
                );
                if context {
                    // the mention's paragraph, 120 UTF-16 units either side of it
                    let from = s.mention.start.saturating_sub(120).min(m.len());
                    let to = (s.mention.end + 120).min(m.len()).max(from);
                    println!("    … {} …", String::from_utf16_lossy(&m[from..to]));
                }
            }
            match names.iter_mut().find(|(n, _)| *n == s.name) {
                Some(e) => e.1 += 1,
                None => names.push((s.name.clone(), 1)),
            }
        }
        for (n, c) in names {
            println!("{slug}\t{n}\t{c}");
        }
    }
}
