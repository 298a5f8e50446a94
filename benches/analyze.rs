//! Speed of `verbatim::text::analyze` (not a test; no timing assertions): `cargo bench --bench analyze`.
//!
//! Prints paragraphs/s and MB/s on synthetic pages of 1k, 10k and 100k distinct paragraphs and the
//! 100k/10k time ratio (linear work gives about 10×; a quadratic step would show as 100×), on the
//! adversarial inputs of issue 3, and on real article text from ../shared when it is present.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use verbatim::text::{analyze, Options};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `n` distinct paragraphs of 20..60 words drawn from a 5,000-word vocabulary (Zipf-like: the
/// small words recur as in prose), with every 50th paragraph copied 10 paragraphs later and every
/// 70th lightly edited, so that exact and near paths run too.
fn synthetic(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let vocab: Vec<String> = (0..5000).map(|i| format!("w{i:x}o")).collect();
    let mut out: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        if i >= 10 && i % 50 == 0 {
            out.push(out[i - 10].clone());
            continue;
        }
        if i >= 10 && i % 70 == 0 {
            let edited = out[i - 10].replacen('o', "a", 1);
            out.push(edited);
            continue;
        }
        let words = 20 + (rng.next() % 41) as usize;
        let mut p = String::new();
        for w in 0..words {
            let r = rng.next();
            // squares bias towards small indices: frequent function-like words
            let idx = ((r % 5000) * (r % 5000) / 5000) as usize;
            if w > 0 {
                p.push(' ');
            }
            p.push_str(&vocab[idx]);
        }
        p.push('.');
        out.push(p);
    }
    out
}

/// Collapse only: this bench follows the repeats engine; quotations are measured elsewhere.
fn options() -> Options {
    Options {
        highlight: false,
        ..Options::default()
    }
}

fn measure(name: &str, paragraphs: &[String]) -> Duration {
    let options = options();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    // best of 3 (1 for the slow ones) to keep noise from a shared machine down
    let rounds = if bytes > 20_000_000 { 1 } else { 3 };
    let mut best = Duration::MAX;
    let mut repeats = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let report = analyze(black_box(paragraphs), &options);
        best = best.min(start.elapsed());
        repeats = report.repeats.len();
    }
    let secs = best.as_secs_f64().max(1e-9);
    println!(
        "{name:<34} {:>8} paragraphs {:>8.2} MB {:>9.1} ms {:>11.0} paragraphs/s {:>7.1} MB/s  ({repeats} repeats)",
        paragraphs.len(),
        bytes as f64 / 1e6,
        secs * 1e3,
        paragraphs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    best
}

fn main() {
    println!("options: highlight off (this bench follows the repeats engine)");
    println!("== synthetic pages");
    measure("1k distinct", &synthetic(1_000, 1));
    let t10 = measure("10k distinct", &synthetic(10_000, 2));
    let t100 = measure("100k distinct", &synthetic(100_000, 3));
    println!(
        "100k/10k time ratio: {:.1}x (must be <= 15x)",
        t100.as_secs_f64() / t10.as_secs_f64()
    );

    println!("== adversarial");
    let same =
        "The same paragraph, printed again and again by a broken content system.".to_string();
    measure("100k identical", &vec![same; 100_000]);
    let huge = "All work and no play makes a long paragraph. ".repeat(5_000_000 / 45 + 1);
    measure("one 5 MB paragraph", std::slice::from_ref(&huge));
    measure("5 MB paragraph twice", &[huge.clone(), huge]);
    let words = ["yes", "no", "maybe", "Advertisement", "Read more"];
    measure(
        "50k one-word (recurring)",
        &(0..50_000)
            .map(|i| words[i % 5].to_string())
            .collect::<Vec<_>>(),
    );
    measure(
        "50k one-word (distinct)",
        &(0..50_000).map(|i| format!("w{i}")).collect::<Vec<_>>(),
    );
    measure("100k empty strings", &vec![String::new(); 100_000]);
    measure(
        "100k U+FFFD lines",
        &(0..100_000)
            .map(|i| format!("\u{FFFD} {i} \u{FFFD}\u{FFFD}"))
            .collect::<Vec<_>>(),
    );
    let shuffled: Vec<String> = (0..2_000)
        .map(|i| {
            let mut rng = Rng(i + 7);
            (0..1_000)
                .map(|_| format!("w{}", rng.next() % 50))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    measure("2k x 1000-word, 50-word vocabulary", &shuffled);

    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    println!("== real article text (../shared)");
    let mut pages: Vec<Vec<String>> = Vec::new();
    for dir in [
        "seed",
        "corpus/quotes/polnear/dev/text",
        "corpus/quotes/polnear/train/text",
    ] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                pages.push(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect(),
                );
            }
        }
    }
    if pages.is_empty() {
        println!("skipped: {} is absent", shared.display());
        return;
    }
    let options = options();
    let (n, bytes): (usize, usize) = pages.iter().fold((0, 0), |(n, b), p| {
        (n + p.len(), b + p.iter().map(String::len).sum::<usize>())
    });
    let start = Instant::now();
    let mut slowest = Duration::ZERO;
    for page in &pages {
        let t = Instant::now();
        black_box(analyze(page, &options));
        slowest = slowest.max(t.elapsed());
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} pages, {n} paragraphs, {:.2} MB: {:.1} ms, {:.0} paragraphs/s, {:.1} MB/s, slowest page {:.2} ms",
        pages.len(),
        bytes as f64 / 1e6,
        secs * 1e3,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        slowest.as_secs_f64() * 1e3
    );
    let mut doubled: Vec<String> = pages.concat();
    doubled.extend(pages.concat());
    measure("all articles, printed twice", &doubled);
}
