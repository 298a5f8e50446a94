//! Evaluates the repeats engine on real text (not a test: it needs ../shared, and prints figures).
//!
//! Run: `cargo run --release --example eval_repeats`
//!
//! 1. A labelled set built from real article bodies (../shared/corpus/quotes/polnear/{dev,train}),
//!    first made repetition-free (a paragraph repeating an earlier one of its article, by folded
//!    text or half its word pairs, is dropped: see `without_repetition`); then
//!    each article yields five pages whose right answers are known by construction: the body
//!    printed twice after a caption; the same with the copy edited (straight quotes for curly,
//!    doubled spaces, one word changed in every third long paragraph, "Advertisement" lines); a
//!    sentence lifted into a pull quote; an interview whose short question recurs; the article
//!    untouched. Prints precision, recall, originals hidden and interview questions hidden.
//! 2. The 130 pages of ../shared/corpus/pages/readability: paragraph texts from `<p>`, `<li>`,
//!    `<blockquote>`, `<figcaption>` and headings (a small tolerant tag scanner below), analysed,
//!    and every repeat printed so that a person can judge each one.
//!
//! Skips cleanly (prints why, exits 0) when ../shared is absent.

use std::fs;
use std::path::{Path, PathBuf};

use verbatim::text::{analyze, Options, RepeatKind};

#[path = "eval_common/mod.rs"]
#[allow(dead_code)] // the scoring half serves the quotation evaluations
mod eval_common;
#[path = "eval_common/pages.rs"]
mod pages;
use pages::extract_paragraphs;

fn main() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.is_dir() {
        println!("skipped: {} is absent", shared.display());
        return;
    }
    labelled(&shared);
    real_pages(&shared);
}

// ---------------------------------------------------------------- part 1: the labelled set

/// What a paragraph of a constructed page is, by construction.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Label {
    /// Must stay visible: an original, a caption, an ad line, an answer.
    Keep,
    /// Must stay visible, and is the first copy of something repeated later.
    Original,
    /// A recurring interview question: must stay.
    Question,
    /// The shared part of a parallel record (a prompt put to several people, a bullet under
    /// several products, a line under several days, a label in several rows, a photo credit):
    /// must stay.
    Record,
    /// Must be hidden.
    Copy,
    /// A copied line without words ("___", "* * *"): the engine never hides such lines, and
    /// whether it does is invisible to a reader; not counted.
    Junk,
}

struct Page {
    name: String,
    /// The variant, for per-class figures.
    class: &'static str,
    paragraphs: Vec<String>,
    labels: Vec<Label>,
}

/// A tiny deterministic generator (xorshift), so the set is the same on every run.
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

fn word_count(s: &str) -> usize {
    verbatim::text::normalise::words(s).count()
}

fn articles(shared: &Path) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for split in ["dev", "train"] {
        let dir = shared
            .join("corpus/quotes/polnear")
            .join(split)
            .join("text");
        for path in eval_common::sorted_files(&dir, "txt") {
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let paragraphs: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            let (paragraphs, dropped) = without_repetition(paragraphs);
            DROPPED.with(|d| d.set(d.get() + dropped));
            if paragraphs.len() >= 4 {
                let name = format!("{split}/{}", path.file_stem().unwrap().to_string_lossy());
                out.push((name, paragraphs));
            }
        }
    }
    out
}

thread_local! {
    /// Paragraphs dropped from the base articles by [`without_repetition`].
    static DROPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The article with every paragraph dropped that repeats an earlier one of the same article, and
/// how many were dropped. Some source articles already repeat themselves (live blogs that reprint
/// an entry, an abstract that repeats the lead): such a paragraph is neither an original nor a copy
/// by construction, so it must not be in the labelled set. Decided here with a check independent
/// of the engine: equal text after lower-casing and keeping letters and digits only, or at least
/// half of the shorter paragraph's word pairs standing in the other (a near or contained repeat;
/// from 5 words on, so that recurring short lines such as "6 p.m." / "6:05 p.m." stay in the set).
fn without_repetition(paragraphs: Vec<String>) -> (Vec<String>, usize) {
    fn plain(s: &str) -> String {
        verbatim::text::normalise::words(s)
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn pairs(s: &str) -> std::collections::HashSet<(String, String)> {
        let w: Vec<String> = verbatim::text::normalise::words(s).collect();
        w.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect()
    }
    type Pairs = std::collections::HashSet<(String, String)>;
    let mut kept: Vec<(String, String, Pairs)> = Vec::new();
    let mut dropped = 0;
    for p in paragraphs {
        let (text, pairs) = (plain(&p), pairs(&p));
        let repeats = kept.iter().any(|(_, t, q)| {
            *t == text || {
                let shorter = pairs.len().min(q.len());
                shorter >= 4 && 2 * pairs.intersection(q).count() >= shorter
            }
        });
        if repeats {
            dropped += 1;
        } else {
            kept.push((p, text, pairs));
        }
    }
    (kept.into_iter().map(|(p, _, _)| p).collect(), dropped)
}

fn variants(name: &str, body: &[String], rng: &mut Rng, rng2: &mut Rng) -> Vec<Page> {
    let mut pages = Vec::new();
    let caption = "Photo: a file image of the scene described in this report |".to_string();

    // body printed twice after a caption (the copy starts at the second paragraph, as CMSes do)
    {
        let mut p = Page::new(format!("{name} doubled"));
        p.extend(body.iter().cloned(), Label::Original);
        p.push(caption.clone(), Label::Keep);
        p.extend(body[1..].iter().cloned(), Label::Copy);
        pages.push(p);
    }
    // the copy edited
    {
        let mut p = Page::new(format!("{name} edited"));
        p.extend(body.iter().cloned(), Label::Original);
        p.push(caption.clone(), Label::Keep);
        let mut long_seen = 0;
        for (n, para) in body.iter().enumerate() {
            let mut copy = para
                .replace(['\u{201C}', '\u{201D}'], "\"")
                .replace(['\u{2018}', '\u{2019}'], "'")
                .replacen(", ", ",  ", 1);
            if word_count(para) >= 8 {
                long_seen += 1;
                if long_seen % 3 == 0 {
                    copy = change_one_word(&copy, rng);
                }
            }
            p.push(copy, Label::Copy);
            if n % 4 == 3 {
                p.push("Advertisement".into(), Label::Keep);
            }
        }
        pages.push(p);
    }
    // a sentence lifted into a pull quote, placed after the next paragraph
    if let Some((at, sentence)) = pull_quote(body) {
        let mut p = Page::new(format!("{name} pull quote"));
        for (n, para) in body.iter().enumerate() {
            p.push(
                para.clone(),
                if n == at {
                    Label::Original
                } else {
                    Label::Keep
                },
            );
            if n == (at + 1).min(body.len() - 1) {
                p.push(format!("\u{201C}{sentence}\u{201D}"), Label::Copy);
            }
        }
        pages.push(p);
    }
    // an interview whose short question recurs before every other paragraph
    {
        let mut p = Page::new(format!("{name} interview"));
        for (n, para) in body.iter().enumerate() {
            if n % 2 == 0 {
                p.push(format!("Guest {}", n / 2 + 1), Label::Keep);
                p.push("What did you eat today?".into(), Label::Question);
            }
            p.push(para.clone(), Label::Keep);
        }
        pages.push(p);
    }
    // untouched
    {
        let mut p = Page::new(format!("{name} untouched"));
        p.extend(body.iter().cloned(), Label::Keep);
        pages.push(p);
    }
    // (a generator of their own, so that the classes of issue 3 stay exactly as they were)
    pages.extend(records::variants(name, body, rng2));
    pages
}

/// The classes of constructed pages, in the order they are reported.
const CLASSES: [&str; 12] = [
    "doubled",
    "edited",
    "pull quote",
    "interview",
    "untouched",
    "long prompt",
    "products",
    "plan",
    "related twice",
    "form rows",
    "credits",
    "edited heavily",
];

/// Pages of parallel records and of repeated boilerplate, whose shared text is fictional and made
/// here (never corpus text); the corpus article only supplies the surrounding prose and the
/// answers.
mod records {
    use super::{Label, Page, Rng};

    const PROMPTS: [&str; 4] = [
        "Describa con sus propias palabras el lugar del puerto donde pasaba las tardes de niño y lo que hacía allí con sus amigos cuando el tiempo lo permitía",
        "Beschreiben Sie bitte in einigen Sätzen den Weg, den Sie jeden Morgen zur Arbeit nehmen, und was Sie unterwegs sehen, hören und manchmal auch vermissen",
        "Racontez-nous le dernier repas que vous avez partagé avec des inconnus, ce que vous avez mangé et ce dont vous avez parlé jusqu'à la fin de la soirée",
        "Vertel ons over het eerste gereedschap dat u ooit zelf hebt gekocht, waar u het kocht, wat het kostte en of u het vandaag nog steeds gebruikt",
    ];
    const NAMES: [&str; 8] = [
        "Jana Ott, harbour pilot",
        "Milo Brandt, net maker",
        "Ilse Varga, ferry cook",
        "Theo Quill, lock keeper",
        "Rosa Lindqvist, baker",
        "Amal Reyes, tide clerk",
        "Pim de Waal, rope seller",
        "Sun Ito, boat painter",
    ];
    const BULLETS: [&str; 6] = [
        "Stainless steel body that keeps water hot for up to six hours",
        "Free delivery within three working days to any address in the region",
        "Two year warranty with repairs carried out at the harbour workshop",
        "Dishwasher safe lid and filter that lift out without any tools",
        "Ships in recycled packaging printed with plant based inks only",
        "Available in four colours chosen by the readers of the gazette",
    ];
    const PRODUCTS: [&str; 6] = [
        "The Ellery kettle, 1.7 litres",
        "The Quayside teapot, six cups",
        "The Pilot flask, 750 ml",
        "The Lantern jug, two litres",
        "The Tideway mug set, four pieces",
        "The Harbour carafe, one litre",
    ];
    const OWN: [&str; 8] = [
        "Its handle folds flat so that it fits into a small cupboard beside the stove",
        "The spout was redesigned after readers complained that the old one dripped",
        "A small window on the side shows how much water is left inside it",
        "Comes with a cork stopper cut from trees on the northern hills",
        "The base is weighted so the jug does not tip over on a rolling boat",
        "Each mug carries a different tide table printed around its rim",
        "A lid with a whistle that can be switched off for quiet mornings",
        "Holds enough for a whole shift on the quay without a refill",
    ];
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const BREAKFASTS: [&str; 2] = [
        "Breakfast: porridge with grated apple, cinnamon and a spoon of walnuts",
        "Breakfast: rye toast with soft cheese, cucumber and a boiled egg",
    ];
    const SNACK: &str = "Snack: a handful of almonds and a pear, eaten slowly mid afternoon";
    const DISHES: [&str; 9] = [
        "lentil soup with smoked paprika and bread",
        "baked cod with potatoes and green beans",
        "barley salad with roasted beetroot and feta",
        "chickpea stew with spinach and lemon",
        "mushroom risotto with parsley",
        "grilled mackerel with a tomato salad",
        "pea and mint soup with a cheese scone",
        "vegetable curry with brown rice",
        "omelette with herbs and a green salad",
    ];
    const TITLES: [&str; 6] = [
        "Harbour council delays its vote on the second ferry terminal again",
        "Fishermen and ferry crews agree on new rules for the night berths",
        "The old rail yard could become a park, planners tell residents",
        "Why the tide tables printed this spring were wrong by an hour",
        "Lock keepers ask for a pay rise after a record summer of traffic",
        "A bakery on the quay turns sixty and bakes the same rye loaf",
    ];
    const CONSENT: &str =
        "Yes, send me this newsletter by email; I can unsubscribe at any time with one click";
    const LETTERS: [(&str, &str); 4] = [
        (
            "Morning Tide",
            "The day's harbour news at seven, with the ferry timetable and the weather",
        ),
        (
            "Quay Kitchen",
            "Recipes from the market stalls every Friday, tested in our own kitchen",
        ),
        (
            "Council Watch",
            "What the council decided this week and what it postponed once more",
        ),
        (
            "Weekend Walks",
            "A walk along the coast for every Saturday, with a map and a cafe at the end",
        ),
    ];
    const CREDIT: &str = "Photograph: Lena Ostrova for the Port Ellery Gazette";

    fn pick<'a>(list: &[&'a str], rng: &mut Rng) -> &'a str {
        list[rng.below(list.len())]
    }

    pub fn variants(name: &str, body: &[String], rng: &mut Rng) -> Vec<Page> {
        let mut pages = Vec::new();
        let para = |n: usize| body[n % body.len()].clone();

        // an interview series: the same long prompt, not a question, not English, put to 5 people
        if body.len() >= 4 {
            let mut p = Page::new(format!("{name} long prompt"));
            let prompt = pick(&PROMPTS, rng);
            p.push(para(0), Label::Keep);
            let first = rng.below(NAMES.len());
            // five people, or as many as the article has paragraphs to answer with (3 at least)
            for k in 0..5.min(body.len() - 1) {
                p.push(NAMES[(first + k) % NAMES.len()].to_string(), Label::Keep);
                p.push(prompt.to_string(), Label::Record);
                p.push(para(k + 1), Label::Keep);
            }
            pages.push(p);
        }
        // products sharing three bullets, each with one or two of its own
        {
            let mut p = Page::new(format!("{name} products"));
            p.push(para(0), Label::Keep);
            let shared: Vec<&str> = (0..3)
                .map(|k| BULLETS[(rng.below(2) + 2 * k) % 6])
                .collect();
            let n = 3 + rng.below(2);
            for k in 0..n {
                p.push(PRODUCTS[k].to_string(), Label::Keep);
                for b in &shared {
                    p.push(b.to_string(), Label::Record);
                }
                for j in 0..1 + rng.below(2) {
                    p.push(OWN[(2 * k + j) % OWN.len()].to_string(), Label::Keep);
                }
            }
            p.push(para(1), Label::Keep);
            pages.push(p);
        }
        // a weekly plan: the same breakfast on some days, the same snack on every day
        {
            let mut p = Page::new(format!("{name} plan"));
            p.push(para(0), Label::Keep);
            let first = rng.below(DISHES.len());
            for (d, day) in DAYS.iter().enumerate() {
                p.push(day.to_string(), Label::Keep);
                p.push(BREAKFASTS[d % 2].to_string(), Label::Record);
                p.push(
                    format!("Lunch: {}", DISHES[(first + d) % DISHES.len()]),
                    Label::Keep,
                );
                p.push(
                    format!(
                        "Dinner: {}, then fruit",
                        DISHES[(first + d + 4) % DISHES.len()]
                    ),
                    Label::Keep,
                );
                p.push(SNACK.to_string(), Label::Record);
            }
            pages.push(p);
        }
        // a related-stories list printed twice (a grid and a carousel): the second list goes
        {
            let mut p = Page::new(format!("{name} related twice"));
            p.extend(body.iter().cloned(), Label::Keep);
            p.push("Related stories".into(), Label::Keep);
            let first = rng.below(TITLES.len());
            let list: Vec<(String, String)> = (0..5)
                .map(|k| {
                    (
                        TITLES[(first + k) % TITLES.len()].to_string(),
                        format!("March {}, 2026", 3 + k),
                    )
                })
                .collect();
            for (title, date) in &list {
                p.push(title.clone(), Label::Original);
                p.push(date.clone(), Label::Original);
            }
            p.push("More from the harbour".into(), Label::Keep);
            for (title, date) in &list {
                p.push(title.clone(), Label::Copy);
                p.push(date.clone(), Label::Copy);
            }
            pages.push(p);
        }
        // a form with rows sharing a consent label
        {
            let mut p = Page::new(format!("{name} form rows"));
            p.extend(body.iter().take(3).cloned(), Label::Keep);
            p.push("Choose your newsletters".into(), Label::Keep);
            for (title, about) in LETTERS {
                p.push(title.to_string(), Label::Keep);
                p.push(about.to_string(), Label::Keep);
                p.push(CONSENT.to_string(), Label::Record);
            }
            p.push("Subscribe".into(), Label::Keep);
            pages.push(p);
        }
        // photo credits under every picture
        {
            let mut p = Page::new(format!("{name} credits"));
            for (n, text) in body.iter().enumerate() {
                p.push(text.clone(), Label::Keep);
                if n % 2 == 1 {
                    p.push(
                        format!(
                            "Picture {} of the harbour on the day of the report",
                            n / 2 + 1
                        ),
                        Label::Keep,
                    );
                    p.push(CREDIT.to_string(), Label::Record);
                }
            }
            pages.push(p);
        }
        // the body printed twice, edited more: a word changed in every long paragraph, and two
        // in every short one, ads between
        {
            let mut p = Page::new(format!("{name} edited heavily"));
            p.extend(body.iter().cloned(), Label::Original);
            p.push("Photo: a file image of the harbour |".into(), Label::Keep);
            for (n, text) in body.iter().enumerate() {
                let words = super::word_count(text);
                let mut copy = text
                    .replace(['\u{201C}', '\u{201D}'], "\"")
                    .replace(['\u{2018}', '\u{2019}'], "'")
                    .replace(". ", ".  ");
                copy = super::change_one_word(&copy, rng);
                if words < 16 {
                    copy = super::change_one_word(&copy, rng);
                }
                p.push(copy, Label::Copy);
                if n % 3 == 2 {
                    p.push("Advertisement".into(), Label::Keep);
                }
            }
            pages.push(p);
        }
        pages
    }
}

impl Page {
    fn new(name: String) -> Page {
        let class = CLASSES
            .iter()
            .find(|c| name.ends_with(*c))
            .copied()
            .unwrap_or("other");
        Page {
            name,
            class,
            paragraphs: Vec::new(),
            labels: Vec::new(),
        }
    }
    fn push(&mut self, text: String, label: Label) {
        let label = if label == Label::Copy && word_count(&text) == 0 {
            Label::Junk
        } else {
            label
        };
        self.paragraphs.push(text);
        self.labels.push(label);
    }
    fn extend(&mut self, texts: impl Iterator<Item = String>, label: Label) {
        for t in texts {
            self.push(t, label);
        }
    }
}

/// Replaces one word (of 3+ letters) by another.
fn change_one_word(text: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let choices: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    if choices.is_empty() {
        return text.to_string();
    }
    let pick = choices[rng.below(choices.len())];
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[pick] = "zebra".into();
    out.join(" ")
}

/// A sentence of 10..40 words from the longest paragraph that has one, and that paragraph's index.
fn pull_quote(body: &[String]) -> Option<(usize, String)> {
    let mut best: Option<(usize, String)> = None;
    for (n, para) in body.iter().enumerate() {
        for sentence in para.split_inclusive(['.', '?', '!']) {
            let s = sentence.trim().trim_matches(['\u{201C}', '\u{201D}', '"']);
            let w = word_count(s);
            if (10..=40).contains(&w)
                && word_count(para) > w + 5
                && best
                    .as_ref()
                    .map_or(true, |(b, _)| word_count(&body[*b]) < word_count(para))
            {
                best = Some((n, s.to_string()));
            }
        }
    }
    best
}

fn labelled(shared: &Path) {
    let articles = articles(shared);
    if articles.is_empty() {
        println!("part 1 skipped: no article texts under corpus/quotes/polnear");
        return;
    }
    let options = Options::default();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut rng2 = Rng(0x2545_f491_4f6c_dd1d);
    // per class: hidden right, hidden wrongly, copies missed, record parts hidden of record parts
    let mut by_class: std::collections::BTreeMap<&str, [usize; 5]> = Default::default();
    let (mut records, mut records_hidden) = (0usize, 0usize);
    let mut by_split: std::collections::BTreeMap<&str, [usize; 5]> = Default::default();
    let (mut tp, mut fp, mut fne) = (0usize, 0usize, 0usize);
    let (mut originals, mut originals_hidden) = (0usize, 0usize);
    let (mut questions, mut questions_hidden) = (0usize, 0usize);
    let mut wrong_of = 0usize;
    let mut pages_n = 0usize;
    let mut fp_by = std::collections::BTreeMap::new();
    for (name, body) in &articles {
        for page in variants(name, body, &mut rng, &mut rng2) {
            pages_n += 1;
            let report = analyze(&page.paragraphs, &options);
            let mut hidden = vec![None; page.paragraphs.len()];
            for r in &report.repeats {
                hidden[r.index] = Some(r);
            }
            let split = if page.name.starts_with("dev/") {
                "dev"
            } else {
                "train"
            };
            let split_all = by_split.entry(split).or_default();
            for (i, label) in page.labels.iter().enumerate() {
                match (label, hidden[i].is_some()) {
                    (Label::Copy, true) => split_all[0] += 1,
                    (Label::Copy, false) => split_all[2] += 1,
                    (Label::Junk, _) => {}
                    (_, true) => split_all[1] += 1,
                    _ => {}
                }
                if *label == Label::Record {
                    split_all[4] += 1;
                    split_all[3] += usize::from(hidden[i].is_some());
                }
            }
            let class = by_class.entry(page.class).or_default();
            let issue3 = CLASSES[..5].contains(&page.class);
            for (i, label) in page.labels.iter().enumerate() {
                let h = hidden[i];
                let show = !issue3 && std::env::var("SHOW").is_ok_and(|v| page.name.ends_with(&v));
                match (label, h) {
                    (Label::Copy, Some(_)) => class[0] += 1,
                    (Label::Copy, None) => {
                        class[2] += 1;
                        if show {
                            println!(
                                "MISSED  {}: #{i} {}",
                                page.name,
                                abbreviate(&page.paragraphs[i], 100)
                            );
                        }
                    }
                    (Label::Junk, _) => {}
                    (_, Some(r)) => {
                        class[1] += 1;
                        if show {
                            println!(
                                "WRONG   {}: #{i} {label:?} {:?} of #{} {:.2} run {}: {} | {}",
                                page.name,
                                r.kind,
                                r.of,
                                r.similarity,
                                r.run,
                                abbreviate(&page.paragraphs[i], 60),
                                abbreviate(&page.paragraphs[r.of], 60)
                            );
                        }
                    }
                    _ => {}
                }
                if *label == Label::Record {
                    class[4] += 1;
                    class[3] += usize::from(h.is_some());
                    records += 1;
                    records_hidden += usize::from(h.is_some());
                }
                if !issue3 {
                    continue;
                }
                match (label, h) {
                    (Label::Copy, Some(r)) => {
                        tp += 1;
                        if page.labels[r.of] == Label::Copy {
                            wrong_of += 1;
                        }
                    }
                    (Label::Copy, None) => {
                        fne += 1;
                        if std::env::var("SHOW").is_ok_and(|v| page.name.ends_with(&v)) {
                            println!(
                                "MISSED  {}: #{i} {}",
                                page.name,
                                abbreviate(&page.paragraphs[i], 100)
                            );
                        }
                    }
                    (Label::Junk, _) => {}
                    (_, Some(r)) => {
                        fp += 1;
                        *fp_by
                            .entry(format!(
                                "{} {:?} {:?}",
                                page.name.rsplit(' ').next().unwrap(),
                                label,
                                r.kind
                            ))
                            .or_insert(0usize) += 1;
                        if std::env::var("SHOW").is_ok_and(|v| page.name.ends_with(&v)) {
                            println!(
                                "WRONG   {}: #{i} {:?} of #{} {:.2}: {} | {}",
                                page.name,
                                r.kind,
                                r.of,
                                r.similarity,
                                abbreviate(&page.paragraphs[i], 60),
                                abbreviate(&page.paragraphs[r.of], 60)
                            );
                        }
                    }
                    _ => {}
                }
                if *label == Label::Original {
                    originals += 1;
                    originals_hidden += usize::from(h.is_some());
                }
                if *label == Label::Question {
                    questions += 1;
                    questions_hidden += usize::from(h.is_some());
                }
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fne).max(1) as f64;
    println!(
        "== labelled set: {} articles, {pages_n} pages",
        articles.len()
    );
    println!(
        "(base articles made repetition-free first: {} paragraphs repeating an earlier one of their \
         article, by folded text or half their word pairs (5+ words), were dropped before building variants)",
        DROPPED.with(|d| d.get())
    );
    println!("-- the classes of issue 3 (doubled, edited, pull quote, interview, untouched):");
    println!("precision {precision:.4} ({tp} hidden right, {fp} hidden wrongly)");
    println!("recall    {recall:.4} ({fne} copies missed)");
    println!("originals hidden {originals_hidden} of {originals}");
    println!("interview questions hidden {questions_hidden} of {questions}");
    println!("hidden wrongly, by variant, label and kind: {fp_by:?}");
    println!("copies pointing at another copy instead of an original: {wrong_of}");
    println!(
        "-- per class: precision, recall (hidden right / wrongly / missed), record parts hidden"
    );
    let mut all = [0usize; 5];
    for c in CLASSES {
        let Some(v) = by_class.get(c) else { continue };
        for k in 0..5 {
            all[k] += v[k];
        }
        let p = if v[0] + v[1] == 0 {
            1.0
        } else {
            v[0] as f64 / (v[0] + v[1]) as f64
        };
        let r = if v[0] + v[2] == 0 {
            1.0
        } else {
            v[0] as f64 / (v[0] + v[2]) as f64
        };
        println!(
            "{c:>15}: precision {p:.4} recall {r:.4} ({} / {} / {}), record parts hidden {} of {}",
            v[0], v[1], v[2], v[3], v[4]
        );
    }
    for (split, v) in &by_split {
        let p = v[0] as f64 / (v[0] + v[1]).max(1) as f64;
        let r = v[0] as f64 / (v[0] + v[2]).max(1) as f64;
        println!(
            "{:>15}: precision {p:.4} recall {r:.4} ({} / {} / {}), record parts hidden {} of {}",
            format!("all, {split}"),
            v[0],
            v[1],
            v[2],
            v[3],
            v[4]
        );
    }
    let p = all[0] as f64 / (all[0] + all[1]).max(1) as f64;
    let r = all[0] as f64 / (all[0] + all[2]).max(1) as f64;
    println!(
        "{:>15}: precision {p:.4} recall {r:.4} ({} / {} / {}), record parts hidden {records_hidden} of {records}",
        "all", all[0], all[1], all[2]
    );
}

// ---------------------------------------------------------------- part 2: real pages

fn real_pages(shared: &Path) {
    let dir = shared.join("corpus/pages/readability");
    let Ok(entries) = fs::read_dir(&dir) else {
        println!("part 2 skipped: {} is absent", dir.display());
        return;
    };
    let mut pages: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    let options = Options::default();
    let (mut total, mut paragraphs_n) = (0usize, 0usize);
    let mut by_kind = [0usize; 3];
    println!("== real pages: {}", pages.len());
    for path in &pages {
        let Ok(bytes) = fs::read(path) else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let paragraphs = extract_paragraphs(&html);
        paragraphs_n += paragraphs.len();
        let report = analyze(&paragraphs, &options);
        let slug = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // PAGE=slug prints that page's paragraphs, numbered, to read a repeat in its context
        if let Ok(wanted) = std::env::var("PAGE") {
            if wanted != slug {
                continue;
            }
            for (i, p) in paragraphs.iter().enumerate() {
                println!("  [{i}] {}", abbreviate(p, 160));
            }
        }
        for r in &report.repeats {
            total += 1;
            by_kind[r.kind as usize] += 1;
            println!(
                "{slug} #{} {:?} of #{} sim {:.2} run {}\n    hidden: {}\n    shown:  {}",
                r.index,
                r.kind,
                r.of,
                r.similarity,
                r.run,
                abbreviate(&paragraphs[r.index], 110),
                abbreviate(&paragraphs[r.of], 110)
            );
        }
    }
    println!(
        "== {total} repeats on {} pages ({paragraphs_n} paragraphs): exact {}, near {}, contained {}",
        pages.len(),
        by_kind[RepeatKind::Exact as usize],
        by_kind[RepeatKind::Near as usize],
        by_kind[RepeatKind::Contained as usize]
    );
}

fn abbreviate(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let head: String = chars[..max * 2 / 3].iter().collect();
    let tail: String = chars[chars.len() - max / 3..].iter().collect();
    format!("{head} … {tail}")
}
