//! A fingerprint of every judgement the text core makes on the real material: one digest per set
//! of texts, to check that a change of mechanics (speed, memory) changes no decision.
//!
//! `cargo run --release --example report_digest`: runs `analyze` over
//! - `polnear`: the PolNeAR articles (../shared/corpus/quotes/polnear/{dev,train}/text), paragraphs
//!   as `eval_quotes` cuts them, with its options (quotations only);
//! - `german`: the German WikiNews articles (../shared/corpus/quotes/german/{dev,train}), as
//!   `eval_quotes_de` reads them, same options;
//! - `pages`: the paragraph texts of the 130 pages of ../shared/corpus/pages/readability, as
//!   `eval_repeats` extracts them, with the default options (repeats and quotations);
//! - `doubled`: each PolNeAR article printed twice (its second half lightly edited: straight quotes,
//!   one word dropped from every third paragraph), default options, so that the exact, near and
//!   contained repeat paths run too;
//! - `walker` (only with `--texts=FILE`): the walker's paragraphs of the 130 pages as
//!   `node scripts/eval-pages.mjs --texts=FILE` writes them (`## page` lines, then one paragraph a
//!   line), default options: what the browser's `process` analyses;
//!
//! and prints per set the number of pages, paragraphs, repeats, quotations and speakers, and a
//! 64-bit FNV-1a hash of the `Debug` form of every report in order. Identical digests before and
//! after a change mean identical reports. `--time` also prints the CPU-bound analysis time per set;
//! `--repeat=N` analyses every set N times (for profiling; the digest is of the first pass).
//! Skips cleanly when ../shared is absent.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;
use verbatim::text::{analyze, Options, Report};

#[path = "eval_common/mod.rs"]
#[allow(dead_code)] // the scoring half serves the evaluations, not this
mod eval_common;
#[path = "eval_common/pages.rs"]
mod pages;

/// FNV-1a, 64 bits: stable across toolchains (std's hasher is not promised to be).
struct Fnv(u64);
impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

struct Set {
    name: &'static str,
    options: Options,
    pages: Vec<Vec<String>>,
}

/// The paragraphs of a text as the quotation evaluations cut them (non-blank lines, trimmed).
fn cut(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    eval_common::paragraphs(&chars)
        .into_iter()
        .map(|(_, p)| p.into_iter().collect())
        .collect()
}

fn quotes_only() -> Options {
    Options {
        collapse: false,
        ..Options::default()
    }
}

fn polnear(shared: &Path) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for split in ["dev", "train"] {
        let dir = shared
            .join("corpus/quotes/polnear")
            .join(split)
            .join("text");
        for path in eval_common::sorted_files(&dir, "txt") {
            if let Ok(text) = fs::read_to_string(&path) {
                out.push(cut(&text));
            }
        }
    }
    out
}

fn german(shared: &Path) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for split in ["dev", "train"] {
        let dir = shared.join("corpus/quotes/german").join(split);
        for path in eval_common::sorted_files(&dir, "json") {
            let Ok(raw) = fs::read_to_string(&path) else {
                continue;
            };
            let Ok(json) = serde_json::from_str::<Value>(&raw) else {
                continue;
            };
            if let Some(text) = json.get("originalText").and_then(Value::as_str) {
                out.push(cut(text));
            }
        }
    }
    out
}

fn real_pages(shared: &Path) -> Vec<Vec<String>> {
    let Ok(entries) = fs::read_dir(shared.join("corpus/pages/readability")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| fs::read(p).ok())
        .map(|bytes| pages::extract_paragraphs(&String::from_utf8_lossy(&bytes)))
        .collect()
}

/// The walker's paragraphs per page, from the file `eval-pages.mjs --texts=FILE` writes.
fn walker(path: &str) -> Vec<Vec<String>> {
    let mut pages: Vec<Vec<String>> = Vec::new();
    for line in fs::read_to_string(path).unwrap_or_default().lines() {
        if line.starts_with("## ") {
            pages.push(Vec::new());
        } else if let Some(page) = pages.last_mut() {
            page.push(line.to_string());
        }
    }
    pages
}

/// Each article, then its copy, lightly edited.
fn doubled(articles: &[Vec<String>]) -> Vec<Vec<String>> {
    articles
        .iter()
        .map(|a| {
            let mut page = a.clone();
            page.extend(a.iter().enumerate().map(|(i, p)| {
                let p = p.replace(['“', '”'], "\"");
                if i % 3 == 2 {
                    // drop the fourth word
                    let words: Vec<&str> = p.split(' ').collect();
                    if words.len() > 8 {
                        return [&words[..3], &words[4..]].concat().join(" ");
                    }
                }
                p
            }));
            page
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let timed = args.iter().any(|a| a == "--time");
    let rounds: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("--repeat="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
        .max(1);
    let texts: Option<&str> = args.iter().find_map(|a| a.strip_prefix("--texts="));
    let only: Option<&str> = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(String::as_str);
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.is_dir() {
        println!("report_digest: {} is absent; skipped", shared.display());
        return;
    }
    let wanted = |name: &str| only.map_or(true, |o| o == name);
    let articles = if wanted("polnear") || wanted("doubled") {
        polnear(&shared)
    } else {
        Vec::new()
    };
    let mut sets = Vec::new();
    if wanted("polnear") {
        sets.push(Set {
            name: "polnear",
            options: quotes_only(),
            pages: articles.clone(),
        });
    }
    if wanted("german") {
        sets.push(Set {
            name: "german",
            options: quotes_only(),
            pages: german(&shared),
        });
    }
    if wanted("pages") {
        sets.push(Set {
            name: "pages",
            options: Options::default(),
            pages: real_pages(&shared),
        });
    }
    if wanted("doubled") {
        sets.push(Set {
            name: "doubled",
            options: Options::default(),
            pages: doubled(&articles),
        });
    }
    if let Some(path) = texts.filter(|_| wanted("walker")) {
        sets.push(Set {
            name: "walker",
            options: Options::default(),
            pages: walker(path),
        });
    }
    for set in &sets {
        let t = Instant::now();
        let reports: Vec<Report> = set.pages.iter().map(|p| analyze(p, &set.options)).collect();
        for _ in 1..rounds {
            for p in &set.pages {
                std::hint::black_box(analyze(std::hint::black_box(p), &set.options));
            }
        }
        let elapsed = t.elapsed();
        let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
        let (mut paragraphs, mut repeats, mut quotes, mut speakers) = (0, 0, 0, 0);
        for (page, report) in set.pages.iter().zip(&reports) {
            paragraphs += page.len();
            repeats += report.repeats.len();
            quotes += report.quotes.len();
            speakers += report.quotes.iter().filter(|q| q.speaker.is_some()).count();
            hash.write(format!("{report:?}\n").as_bytes());
        }
        print!(
            "{:<8} {:>4} pages {:>6} paragraphs {:>5} repeats {:>6} quotes {:>6} speakers  digest {:016x}",
            set.name,
            set.pages.len(),
            paragraphs,
            repeats,
            quotes,
            speakers,
            hash.0
        );
        if timed {
            print!("  {:.1} ms", elapsed.as_secs_f64() * 1e3);
        }
        println!();
    }
}
