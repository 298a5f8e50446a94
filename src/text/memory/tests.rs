use super::*;

/// A deterministic word generator: syllables make a vocabulary of a few thousand made-up words.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn word(&mut self) -> String {
        const SYL: [&str; 16] = [
            "ka", "lo", "mi", "ren", "su", "ta", "vo", "pel", "dri", "on", "ba", "ush", "ne", "fi",
            "gor", "ly",
        ];
        let n = 2 + (self.next() % 3) as usize;
        (0..n).map(|_| SYL[(self.next() % 16) as usize]).collect()
    }

    fn paragraph(&mut self, words: usize) -> Vec<String> {
        (0..words).map(|_| self.word()).collect()
    }
}

fn text(words: &[String]) -> String {
    let mut t = words.join(" ");
    t.push('.');
    t
}

fn set_of(paragraphs: &[String], here: bool) -> ReadSet {
    let bytes: Vec<u8> = paragraphs
        .iter()
        .flat_map(|p| fingerprint(p).to_bytes())
        .collect();
    let source = Source {
        read: "example.com 2026-11-29T10:00Z".into(),
        place: "yesterday on example.com".into(),
        pages: vec!["page-a".into()],
    };
    let here: Vec<String> = if here {
        vec!["page-a".into()]
    } else {
        vec!["page-b".into()]
    };
    ReadSet::new(
        &bytes,
        &[paragraphs.len()],
        vec![source],
        &here,
        Labels::default(),
    )
}

fn find(set: &ReadSet, text: &str) -> Option<Match> {
    let mut scratch = Scratch::default();
    let (fp, _) = fingerprint_with(text, &mut scratch);
    set.find(&fp, &mut scratch, 0.8, None)
}

/// The repeats engine after reading `page` (the reading memory fingerprints from its words).
fn scanned(page: &[String]) -> RepeatFinder {
    let mut repeats = RepeatFinder::new(&crate::text::Options::default());
    repeats.push(page, 0..page.len(), &[]);
    repeats
}

const READ: &str =
    "The harbour authority said on Tuesday that the northern pier would stay closed \
    for repairs until the end of the spring season, after storms cracked two of its supports.";

#[test]
fn a_fingerprint_is_26_bytes_and_reads_back() {
    assert_eq!(BYTES, 26);
    let fp = fingerprint(READ);
    assert_eq!(Fingerprint::from_bytes(&fp.to_bytes()), fp);
    assert_eq!(fp.filled(), SKETCH);
    // short bytes read as zero, never panic
    let _ = Fingerprint::from_bytes(&[1, 2, 3]);
}

#[test]
fn stable_across_the_folding_rules() {
    let a = fingerprint("“It’s over,” said the mayor  of Brindlemouth, who had opposed the plan.");
    let b = fingerprint(
        "\"it's OVER,\" said the Mayor of\u{00A0}brindlemouth, who had opposed the plan",
    );
    let c = fingerprint(
        " \u{200B}“It’s over,”\tsaid the mayor of Brindlemouth — who had opposed the plan!",
    );
    assert_eq!(a, b);
    assert_eq!(
        a.sketch, c.sketch,
        "a dash between words changes no word pair"
    );
    assert_ne!(
        a.key,
        fingerprint("“It’s over,” said the mayor of Brindlemouth.").key
    );
}

#[test]
fn exact_copies_match_and_unrelated_text_does_not() {
    let set = set_of(&[READ.to_owned()], false);
    let m = find(&set, &READ.to_uppercase()).unwrap();
    assert_eq!(
        (m.entry, m.source, m.kind, m.similarity, m.here),
        (0, 0, RepeatKind::Exact, 1.0, false)
    );
    assert_eq!(
        find(&set, "A new bakery opened on the corner of Elm Street, selling rye bread and small plum cakes."),
        None
    );
}

#[test]
fn a_copy_read_on_this_page_is_marked_here() {
    let set = set_of(&[READ.to_owned()], true);
    assert!(find(&set, READ).unwrap().here);
}

/// Rates over many generated paragraphs: near copies (one or two words changed in 20 to 60),
/// contained copies (a half of a read paragraph, a long excerpt), and unrelated paragraphs.
#[test]
fn near_and_contained_copies_match_unrelated_never() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    let read: Vec<Vec<String>> = (0..2000).map(|i| g.paragraph(20 + i % 41)).collect();
    let set = set_of(&read.iter().map(|p| text(p)).collect::<Vec<_>>(), false);
    let (mut one, mut two, mut half, mut unrelated, mut partly_new) = (0, 0, 0, 0, 0);
    let mut partly_new_near = 0;
    for p in &read[..1000] {
        let mut edited = p.clone();
        let at = (g.next() % p.len() as u64) as usize;
        edited[at] = "zzquorble".into();
        if find(&set, &text(&edited)).is_some_and(|m| m.kind == RepeatKind::Near) {
            one += 1;
        }
        let at2 = (g.next() % p.len() as u64) as usize;
        edited[at2] = "zzflarn".into();
        if find(&set, &text(&edited)).is_some() {
            two += 1;
        }
        let first = &p[..p.len() / 2];
        if find(&set, &text(first)).is_some() {
            half += 1;
        }
        if find(&set, &text(&g.paragraph(p.len()))).is_some() {
            unrelated += 1;
        }
        // half read, half new: must stay
        let mut mixed = first.to_vec();
        mixed.extend(g.paragraph(p.len() - first.len()));
        if let Some(m) = find(&set, &text(&mixed)) {
            partly_new += 1;
            if m.kind == RepeatKind::Near {
                partly_new_near += 1;
            }
        }
    }
    eprintln!("of 1000: one word changed {one}, two words {two}, a half {half}, unrelated {unrelated}, half new {partly_new} ({partly_new_near} as near copies)");
    assert!(one >= 930, "one word changed: {one}");
    assert!(two >= 820, "two words changed: {two}");
    assert!(half >= 560, "a half: {half}");
    assert_eq!(unrelated, 0);
    assert!(partly_new <= 80, "half new text hidden: {partly_new}");
}

#[test]
fn runs_group_what_was_read_at_one_source() {
    let mut g = Gen(42);
    let read: Vec<String> = (0..6).map(|_| text(&g.paragraph(30))).collect();
    let set = Rc::new(set_of(&read, false));
    let fresh = |g: &mut Gen| text(&g.paragraph(30));
    let page = vec![
        fresh(&mut g),          // 0 new
        read[0].clone(),        // 1 read: run 1
        "Advertisement".into(), // 2 junk
        read[1].clone(),        // 3 read: run 1
        read[2].clone(),        // 4 read: run 1
        fresh(&mut g),          // 5 new: ends the run
        read[3].clone(),        // 6 read: run 6
        read[4].to_uppercase(), // 7 read: run 6
    ];
    let mut reading = Reading::new(set);
    let mut hidden = vec![false; page.len()];
    let out = reading.judge(&scanned(&page), 0..page.len(), &mut hidden, 8, 0.8);
    let got: Vec<(usize, usize, bool)> = out.iter().map(|r| (r.index, r.run, r.hidden)).collect();
    assert_eq!(
        got,
        [
            (1, 1, true),
            (3, 1, true),
            (4, 1, true),
            (6, 6, true),
            (7, 6, true)
        ]
    );
    assert_eq!(hidden, [false, true, false, true, true, false, true, true]);
}

#[test]
fn nothing_is_hidden_on_the_page_where_it_was_read() {
    let set = Rc::new(set_of(&[READ.to_owned()], true));
    let mut reading = Reading::new(set);
    let page = vec![READ.to_owned()];
    let mut hidden = vec![false];
    let out = reading.judge(&scanned(&page), 0..1, &mut hidden, 8, 0.8);
    assert_eq!(out.len(), 1);
    assert!(!out[0].hidden);
    assert_eq!(hidden, [false]);
}

#[test]
fn the_analyzer_hides_read_paragraphs_and_their_quotes_only_with_a_memory() {
    use crate::text::{Analyzer, Options};
    let quoted = "“We will rebuild the pier before summer,” the harbour master Ilse Varga told reporters on the quay.";
    let set = Rc::new(set_of(&[quoted.to_owned()], false));
    let page = [
        "The town council met on Monday evening to discuss the harbour budget for next year.",
        quoted,
    ];
    let mut without = Analyzer::new(Options::default());
    let report = without.push(page);
    assert!(report.read.is_empty());
    assert_eq!(report.quotes.len(), 1);

    let mut with = Analyzer::new(Options::default());
    with.set_memory(Some(set.clone()));
    let report = with.push(page);
    assert_eq!(report.read.len(), 1);
    assert_eq!((report.read[0].index, report.read[0].hidden), (1, true));
    assert!(
        report.quotes.is_empty(),
        "quotes inside hidden read paragraphs are not reported"
    );

    let off = Options {
        collapse: false,
        ..Options::default()
    };
    let mut collapse_off = Analyzer::new(off);
    collapse_off.set_memory(Some(set));
    assert!(collapse_off.push(page).read.is_empty());
}

#[test]
fn embedders_match_a_list() {
    let set = set_of(&[READ.to_owned()], false);
    let found = match_paragraphs(
        &[
            "Short line.",
            READ,
            "Something else entirely, about apples and a very old orchard.",
        ],
        &set,
        8,
        0.8,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, 1);
}

#[test]
fn huge_and_odd_paragraphs_are_exact_only_and_never_panic() {
    let huge = "word ".repeat(200_000);
    let fp = fingerprint(&huge);
    assert_eq!(fp.filled(), 0);
    let set = set_of(
        &[
            huge.clone(),
            "\u{D7FF}\u{FFFD} \u{202E}abc".into(),
            String::new(),
        ],
        false,
    );
    assert_eq!(find(&set, &huge).map(|m| m.kind), Some(RepeatKind::Exact));
    assert_eq!(
        ReadSet::new(&[1, 2, 3], &[5], vec![], &[], Labels::default()).len(),
        0
    );
    // counts beyond the bytes, bytes beyond the counts
    let bytes = fingerprint(READ).to_bytes();
    assert_eq!(
        ReadSet::new(
            &bytes,
            &[7],
            vec![Source::default()],
            &[],
            Labels::default()
        )
        .len(),
        1
    );
    assert_eq!(
        ReadSet::new(&bytes, &[], vec![], &[], Labels::default()).len(),
        0
    );
}

#[test]
fn a_layout_holds_its_entries_and_reads_as_it_is() {
    let a = fingerprint(READ);
    let b = fingerprint("Two read words.");
    let bytes: Vec<u8> = [a, b, a].iter().flat_map(|f| f.to_bytes()).collect();
    // three sources: one empty, then one paragraph, then two
    let words = pack(&bytes, &[0, 1, 2]);
    let layout = Layout::new(words.clone());
    assert_eq!(layout.n, 3);
    assert_eq!(&words[..6], &[MAGIC, 3, 3, 0, 1, 3]);
    assert_eq!(
        (0..3).map(|e| layout.source_of(e)).collect::<Vec<_>>(),
        [1, 2, 2]
    );
    assert_eq!(layout.key(0), a.key);
    assert_eq!(layout.key(1), b.key);
    assert_eq!(layout.meta(0), (SKETCH, a.sketch[SKETCH - 1]));
    assert_eq!(layout.meta(1), (2, b.sketch[1]));
    assert_eq!(layout.key_bucket(a.key), [0, 2]);
    let v = a.sketch[3];
    let top = v >> VALUE_BITS;
    let postings: Vec<u32> = layout
        .value_bucket(v)
        .iter()
        .filter(|&&p| p >> 24 == top)
        .map(|&p| p & 0xFF_FFFF)
        .collect();
    assert_eq!(postings, [0, 2]);
    // every layout has the same size for the same counts: header, ends, 3 words per entry, the
    // two tables' starts, one word per entry and one per sketch value
    assert_eq!(
        words.len(),
        3 + 3 + 9 + (1 << KEY_BITS) + 1 + 3 + (1 << VALUE_BITS) + 1 + 14
    );
    // the sources' names, one line each; lines missing read as empty
    let set = ReadSet::with_lines(
        Layout::new(words.clone()),
        "a.example 1\nb.example 2\nc.example 3".into(),
        "on a\n\non c\nextra".into(),
        vec![false, false, true],
        Labels::default(),
    );
    let named = |i| set.source(i).map(|s| (s.read, s.place));
    assert_eq!(named(0), Some(("a.example 1", "on a")));
    assert_eq!(named(1), Some(("b.example 2", "")));
    assert_eq!(named(2), Some(("c.example 3", "on c")));
    assert_eq!(named(3), None);
    // read at sources 1 and 2, here at 2: the other one wins
    let m = find(&set, READ).unwrap();
    assert_eq!((m.source, m.here), (1, false));
    let m = find(&set, "Two read words.").unwrap();
    assert_eq!((m.source, m.here, m.kind), (2, true, RepeatKind::Exact));
    // anything that is not a whole layout reads as empty, and finds nothing
    for broken in [
        vec![],
        vec![MAGIC],
        words[..words.len() - 1].to_vec(),
        [&words[..], &[0]].concat(),
        [&[MAGIC + 1], &words[1..]].concat(),
    ] {
        assert_eq!(Layout::new(broken).n, 0);
        let set = ReadSet::from_layout(Layout::default(), vec![], &[], Labels::default());
        assert_eq!(set.len(), 0);
        assert_eq!(find(&set, READ), None);
    }
    // postings that point past the entries are harmless
    let mut wild = words.clone();
    let last = wild.len() - 1;
    wild[last] = 0xFF_FFFF;
    let set = ReadSet::from_layout(Layout::new(wild), vec![], &[], Labels::default());
    assert_eq!(find(&set, READ).map(|m| m.kind), Some(RepeatKind::Exact));
}

#[test]
fn the_smallest_values_are_kept_in_one_pass_as_a_sort_would_give_them() {
    let mut g = Gen(99);
    let mut scratch = Scratch::default();
    for words in [0, 1, 2, 5, 13, 14, 15, 40, 300] {
        // repeated word pairs too: the same two words again and again
        let mut p = g.paragraph(words);
        p.extend(["tor", "vel", "tor", "vel", "tor", "vel"].map(String::from));
        let t = text(&p);
        let (fp, _) = fingerprint_with(&t, &mut scratch);
        let mut words = tokens::Words::default();
        tokens::scan(&t, &mut words);
        let mut all: Vec<u32> = words
            .hashes
            .windows(2)
            .map(|w| ((pair(w[0], w[1]) >> 40) as u32).min(EMPTY - 1))
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(scratch.values, all[..all.len().min(LOOKUPS)]);
        assert_eq!(scratch.shingles, words.hashes.len() - 1);
        assert_eq!(fp.filled(), all.len().min(SKETCH));
        assert_eq!(&fp.sketch[..fp.filled()], &all[..fp.filled()]);
    }
}

#[test]
fn what_is_recorded_is_what_is_looked_up() {
    use crate::text::{Analyzer, Options};
    let page = vec![
        READ.to_owned(),
        "Short line".to_owned(),
        "word ".repeat(1500),
    ];
    for collapse in [true, false] {
        let options = Options {
            collapse,
            ..Options::default()
        };
        let mut a = Analyzer::new(options);
        a.push(page.clone());
        let mut scratch = Scratch::default();
        for (i, text) in page.iter().enumerate() {
            let (fp, words) = a.fingerprint(i, &mut scratch).unwrap();
            assert_eq!((fp, words), fingerprint_with(text, &mut Scratch::default()));
        }
        assert_eq!(a.fingerprint(3, &mut scratch), None);
    }
}

#[test]
fn toggle_labels() {
    let l = Labels::default();
    assert_eq!(
        l.toggle(4, "yesterday on example.com", "4", false),
        "4 paragraphs you read yesterday on example.com · show"
    );
    assert_eq!(
        l.toggle(1, "today on example.org", "1", true),
        "1 paragraph you read today on example.org · hide"
    );
}

/// Timing, not a check: `cargo test --release --lib memory::tests::cost -- --ignored --nocapture`.
#[test]
#[ignore]
fn cost() {
    use std::time::Instant;
    let mut g = Gen(7);
    let t = Instant::now();
    let texts: Vec<String> = (0..100_000)
        .map(|i| text(&g.paragraph(20 + i % 41)))
        .collect();
    eprintln!("generate {:?}", t.elapsed());
    let t = Instant::now();
    let mut scratch = Scratch::default();
    let bytes: Vec<u8> = texts
        .iter()
        .flat_map(|p| fingerprint_with(p, &mut scratch).0.to_bytes())
        .collect();
    eprintln!("fingerprint 100k {:?}", t.elapsed());
    let t = Instant::now();
    let set = ReadSet::new(
        &bytes,
        &[100_000],
        vec![Source::default()],
        &[],
        Labels::default(),
    );
    eprintln!("build {:?}", t.elapsed());
    let page: Vec<String> = (0..1000).map(|_| text(&g.paragraph(40))).collect();
    let t = Instant::now();
    let found = match_paragraphs(&page, &set, 8, 0.8);
    eprintln!("match 1000 {:?} ({} found)", t.elapsed(), found.len());
}

#[test]
#[ignore]
fn build_cost() {
    use std::time::Instant;
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = (0..100_000 * BYTES)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    let t = Instant::now();
    let decoded: Vec<Fingerprint> = bytes
        .chunks_exact(BYTES)
        .map(Fingerprint::from_bytes)
        .collect();
    eprintln!("decode {} {:?}", decoded.len(), t.elapsed());
    let t = Instant::now();
    let _s = ReadSet::new(
        &bytes,
        &[100_000],
        vec![Source::default()],
        &[],
        Labels::default(),
    );
    eprintln!("all {:?}", t.elapsed());
}

/// Fingerprint bytes of no text, for pinning the layout: `count` pseudo-random fingerprints, every
/// fifth with its sketch cut short. `tests/memory-pack.test.mjs` makes the same bytes.
fn fixture_bytes(count: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    let mut bytes = Vec::new();
    for e in 0..count {
        for _ in 0..BYTES {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            bytes.push((x >> 8) as u8);
        }
        if e % 5 == 0 {
            let from = 8 + 3 * ((e / 5) % 7);
            let at = e * BYTES;
            for b in &mut bytes[at + from.min(BYTES)..at + BYTES] {
                *b = 0xFF;
            }
        }
    }
    bytes
}

#[test]
fn the_layout_is_the_one_the_extension_builds() {
    let words = pack(&fixture_bytes(40), &[3, 0, 10, 27, 5]);
    let checksum = words
        .iter()
        .fold(0u32, |h, &w| h.wrapping_mul(31).wrapping_add(w));
    // tests/memory-pack.test.mjs expects the same of extension/memory-pack.js
    assert_eq!((words.len(), checksum), (82_303, 2_538_311_812));
}
