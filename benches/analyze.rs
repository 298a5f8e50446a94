//! Speed of `verbatim::text::analyze` (not a test; no timing assertions): `cargo bench --bench analyze`.
//!
//! Prints paragraphs/s and MB/s on synthetic pages of 1k, 10k and 100k distinct paragraphs of made-up
//! prose (deterministic, realistic word lengths and frequencies; see `Vocabulary`) and the
//! 100k/10k time ratio (linear work gives about 10×; a quadratic step would show as 100×), on the
//! adversarial inputs of issue 3, and on real article text from ../shared when it is present. Each
//! figure is the best of 3 runs after an untimed warm-up, in CPU time of the process (wall time in
//! brackets): the machines are shared, and wall time there measures the other jobs too.

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
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The commonest English words, in about their order of frequency: they make up half of prose.
const FUNCTION_WORDS: &str = "the of and to a in that is was he for it with as his on be at by i \
    this had not are but from or have an they which one you were her all she there would their we \
    him been has when who will more no if out so said what up its about into than them can only \
    other new some could time these two may then do first any my now such like our over man me \
    even most made after also did many before must through back years where much your way well \
    down should because each just those people how too little state good very make world still own \
    see men work long get here between both life being under never day same another know while \
    last might us great old year off come since against go came right used take three";

/// A realistic vocabulary and word frequencies, generated deterministically: the function words
/// above, then 30,000 content words built from syllables (2–9 letters, some capitalised as names,
/// some numbers), drawn with Zipf's law (the word of rank r with weight 1/r), as in prose.
struct Vocabulary {
    words: Vec<String>,
    /// Cumulative Zipf weights, for drawing by binary search.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        const ONSETS: [&str; 20] = [
            "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr",
            "ch", "pl", "gr",
        ];
        const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "ea", "ou", "io"];
        const CODAS: [&str; 10] = ["", "", "", "n", "r", "s", "t", "nd", "ng", "ll"];
        let mut rng = Rng(0x5eed);
        let mut words: Vec<String> = FUNCTION_WORDS
            .split_whitespace()
            .map(String::from)
            .collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < FUNCTION_WORDS.split_whitespace().count() + 30_000 {
            let rank = words.len();
            let word = if rank % 97 == 0 {
                format!("{}", rng.below(2030))
            } else {
                let syllables = 1 + rng.below(3);
                let mut w = String::new();
                for _ in 0..syllables {
                    w.push_str(ONSETS[rng.below(ONSETS.len())]);
                    w.push_str(VOWELS[rng.below(VOWELS.len())]);
                    w.push_str(CODAS[rng.below(CODAS.len())]);
                }
                if rank % 7 == 0 {
                    // a name
                    let mut c = w.chars();
                    let first = c.next().unwrap().to_ascii_uppercase();
                    w = std::iter::once(first).chain(c).collect();
                }
                w
            };
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap();
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let at = self.cumulative.partition_point(|&c| c < x);
        &self.words[at.min(self.words.len() - 1)]
    }

    /// A sentence of 8..30 words, capitalised, with a comma now and then, ending with a full stop.
    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let n = 8 + rng.below(23);
        for w in 0..n {
            let word = self.draw(rng);
            if w == 0 {
                let mut c = word.chars();
                out.extend(c.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(c.as_str());
            } else {
                out.push(' ');
                out.push_str(word);
            }
            if w + 1 < n && w > 2 && rng.below(12) == 0 {
                out.push(',');
            }
        }
        out.push('.');
    }
}

/// `n` distinct paragraphs of 1–4 sentences of realistic made-up prose (see [`Vocabulary`]),
/// generated deterministically from `seed`, with every 50th paragraph copied 10 paragraphs later
/// and every 70th lightly edited, so that exact and near paths run too.
fn synthetic(vocabulary: &Vocabulary, n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let mut out: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        if i >= 10 && i % 50 == 0 {
            out.push(out[i - 10].clone());
            continue;
        }
        if i >= 10 && i % 70 == 0 {
            let edited = out[i - 10].replacen(' ', " very ", 1);
            out.push(edited);
            continue;
        }
        let mut p = String::new();
        for s in 0..1 + rng.below(4) {
            if s > 0 {
                p.push(' ');
            }
            vocabulary.sentence(&mut rng, &mut p);
        }
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

/// CPU time of this process: on a machine shared with other jobs, wall time measures the load of
/// the others as much as ours; CPU time measures our work. (Linux; elsewhere wall time is used.)
#[cfg(target_os = "linux")]
fn cpu_time() -> Option<Duration> {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec (two i64 on 64-bit Linux) to the pointer given.
    let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    (rc == 0 && cfg!(target_pointer_width = "64"))
        .then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(target_os = "linux"))]
fn cpu_time() -> Option<Duration> {
    None
}

/// Best (wall, CPU) times of `rounds` runs after one untimed warm-up run.
fn time(rounds: usize, mut run: impl FnMut()) -> (Duration, Duration) {
    run();
    let (mut wall, mut cpu) = (Duration::MAX, Duration::MAX);
    for _ in 0..rounds {
        let (w0, c0) = (Instant::now(), cpu_time());
        run();
        wall = wall.min(w0.elapsed());
        cpu = cpu.min(match (c0, cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => wall,
        });
    }
    (wall, cpu)
}

/// Measures `analyze` on one page: best of 3 after a warm-up; prints and returns the CPU time.
fn measure(name: &str, paragraphs: &[String]) -> Duration {
    measure_with(name, paragraphs, &options())
}

/// [`measure`] with other options; with quotations on, their count is printed too.
fn measure_with(name: &str, paragraphs: &[String], options: &Options) -> Duration {
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let (mut repeats, mut quotes) = (0, 0);
    let (wall, cpu) = time(3, || {
        let report = black_box(analyze(black_box(paragraphs), options));
        (repeats, quotes) = (report.repeats.len(), report.quotes.len());
    });
    let secs = cpu.as_secs_f64().max(1e-9);
    let found = if options.highlight {
        format!("{repeats} repeats, {quotes} quotations")
    } else {
        format!("{repeats} repeats")
    };
    println!(
        "{name:<34} {:>7} paras {:>6.2} MB  cpu {:>8.1} ms (wall {:>8.1})  {:>9.0} paras/s {:>6.1} MB/s  ({found})",
        paragraphs.len(),
        bytes as f64 / 1e6,
        secs * 1e3,
        wall.as_secs_f64() * 1e3,
        paragraphs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    cpu
}

fn main() {
    println!("options: highlight off (this bench follows the repeats engine)");
    println!(
        "each figure: best of 3 runs after a warm-up; CPU time of the process (wall time in brackets)"
    );
    println!("== synthetic pages (made-up prose, Zipf-distributed 30k-word vocabulary)");
    let vocabulary = Vocabulary::new();
    let sample = synthetic(&vocabulary, 3, 9);
    println!("sample paragraph: {}", sample[0]);
    measure("1k distinct", &synthetic(&vocabulary, 1_000, 1));
    let t10 = measure("10k distinct", &synthetic(&vocabulary, 10_000, 2));
    let t100 = measure("100k distinct", &synthetic(&vocabulary, 100_000, 3));
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
    // one paragraph that names people and quotes them by pronoun and description again and again
    // (each look-up reads a bounded number of the paragraph's names): 4x the text, about 4x the time
    let talk = |n: usize| {
        vec![(0..n)
            .map(|i| {
                format!(
                    "Ada Lind{} arrived. “Fine,” she said. The expert said “ok.” It said “no.” ",
                    i % 3
                )
            })
            .collect::<String>()]
    };
    // (with quotations on: the look-ups are theirs)
    let quotes_on = Options::default();
    measure_with(
        "5k names, 15k quotations, one para",
        &talk(5_000),
        &quotes_on,
    );
    measure_with(
        "20k names, 60k quotations, one para",
        &talk(20_000),
        &quotes_on,
    );

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
    let (n, bytes): (usize, usize) = pages.iter().fold((0, 0), |(n, b), p| {
        (n + p.len(), b + p.iter().map(String::len).sum::<usize>())
    });
    // what a page pays: repeats alone, then the whole of `analyze` (repeats and quotations)
    for (what, options) in [
        ("repeats only", options()),
        ("repeats and quotations", Options::default()),
    ] {
        let mut slowest = Duration::ZERO;
        let (wall, cpu) = time(3, || {
            for page in &pages {
                let t = Instant::now();
                black_box(analyze(black_box(page), &options));
                slowest = slowest.max(t.elapsed());
            }
        });
        let secs = cpu.as_secs_f64().max(1e-9);
        println!(
            "{} pages one by one ({what}), {n} paragraphs, {:.2} MB: cpu {:.1} ms (wall {:.1}), {:.0} paragraphs/s, {:.1} MB/s, slowest page {:.2} ms wall",
            pages.len(),
            bytes as f64 / 1e6,
            secs * 1e3,
            wall.as_secs_f64() * 1e3,
            n as f64 / secs,
            bytes as f64 / 1e6 / secs,
            slowest.as_secs_f64() * 1e3
        );
    }
    let mut doubled: Vec<String> = pages.concat();
    doubled.extend(pages.concat());
    measure("all articles, printed twice", &doubled);
}
