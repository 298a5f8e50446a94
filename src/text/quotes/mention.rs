//! The words a cue attaches to: a pronoun, a name, or a description.
//!
//! A mention is read off the tokens next to a cue, leftwards ("Kim Sang-ki said", "the expert
//! said") or rightwards ("said Kim Sang-ki, director of …"). Titles and appositions are kept out of
//! the span ("U.S. President Donald Trump" → "Donald Trump"), but remembered as roles, because they
//! tell a person from an organisation and let "the director" find its name later.

use super::lang::{Lang, Text};
use super::lexicon::{contains, Lower, Words};
use super::tokens::{tok, Kind, Token};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Pronoun,
    Name,
    Description,
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub kind: MentionKind,
    /// Byte range of the mention in its paragraph.
    pub start: usize,
    pub end: usize,
    /// The name (titles stripped), or the words of the pronoun or description.
    pub text: String,
    /// Lower case: the pronoun, the description's head noun, or the name's last word.
    pub head: String,
    /// A description opened by "the", "this", a possessive …: it points back at someone known.
    pub definite: bool,
    /// Lower-case words of titles and appositions ("president", "director", "outlet").
    pub roles: Vec<String>,
}

pub fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

fn lower(w: &str) -> Lower<'_> {
    Lower::new(w.trim_end_matches('.'))
}

/// Whether a word opens with a capital, as a name does; a compound that ends in a lower-case
/// participle is an adjective ("Lagos-based", "Mozilla-signed"), not a name (a romanised given
/// name is no participle: "Sang-ki", "Dong-hoon").
pub fn is_capitalized(w: &str) -> bool {
    // (the last hyphen found a byte at a time: `rsplit_once` set up a searcher for every word)
    w.chars().next().is_some_and(char::is_uppercase)
        && !w
            .bytes()
            .rposition(|b| b == b'-')
            .and_then(|h| w.get(h + 1..))
            .is_some_and(|last| {
                last.ends_with("ed") && last.chars().next().is_some_and(char::is_lowercase)
            })
}

/// Whether `l` (lower case) is in `list` or, where nouns are capitalised and compound (German),
/// ends with a word of it of four letters or more: "bundesinnenminister" → "minister",
/// "nachrichtenagentur" → "agentur".
/// A feminine in -in is found by its masculine: "ministerin" → "minister".
pub fn in_list(lang: &Lang, list: &Words, l: &str) -> bool {
    contains(list, l)
        || lang.capitalised_nouns
            && (l
                .char_indices()
                .skip(1)
                .any(|(i, _)| l.len() - i >= 4 && contains(list, l.get(i..).unwrap_or("")))
                || l.strip_suffix("in").is_some_and(|m| in_list(lang, list, m)))
}

/// Where a capitalised run `tokens[start..e]` ends when it names a body: it runs on through "of"
/// (or another of the language's role prepositions) after a word of a body ("Department of
/// Harbour Safety", "Centre for Coastal Change") and through "and" before one ("the Ferry and
/// Port Association"), and on through "and" after such an "of" ("Department of Health and Human
/// Services"). Names of people and every run in a language that capitalises its nouns end where
/// they stand.
#[inline(never)]
pub fn body_end(text: &Text, tokens: &[Token], start: usize, mut e: usize) -> usize {
    let lang = text.lang;
    let org_word = |k: usize| contains(lang.org_words, &lower(word(text, tok(tokens, k))));
    let mut of_body = false;
    for _ in 0..2 {
        let Some(joiner) = tokens.get(e).filter(|t| t.is_word() && e > start) else {
            break;
        };
        let jl = lower(word(text, joiner));
        let mut j = e + 1;
        // (a capitalised function word is no part of a name, "the Harbour Authority on Friday",
        // but a possessive is: "Alliance to Reclaim Our Schools")
        while j < e + 5
            && tokens.get(j).is_some_and(|t| {
                let w = word(text, t);
                let l = lower(w);
                t.is_word()
                    && is_capitalized(w)
                    && (!lang.is_function_word(&l) || contains(lang.possessives, &l))
            })
        {
            j += 1;
        }
        let of = contains(lang.role_stops, &jl) && org_word(e - 1);
        let joins = j > e + 1
            && !lang.capitalised_nouns
            && (of || contains(lang.coordinators, &jl) && (of_body || org_word(j - 1)));
        if !joins {
            break;
        }
        of_body = of;
        e = j;
    }
    e
}

/// A title or qualifier kept out of a name: "President", "Sen.", "U.S.".
fn is_title(lang: &Lang, w: &str) -> bool {
    let l = lower(w);
    in_list(lang, lang.titles, &l)
        || matches!(l.as_str(), "u.s" | "u.k" | "u.n" | "e.u")
        // a compound of a title: "Secretary-General", "Vice-President", "ex-Minister"
        || l.contains('-') && l.split('-').any(|p| in_list(lang, lang.titles, p))
}

/// A past participle, roughly: "asked", "taken", "heard" (a passive after "is", not an adjective).
pub fn is_participle(lang: &Lang, w: &str) -> bool {
    lang.participle_suffixes.iter().any(|s| w.ends_with(s)) || contains(lang.participles, w)
}

/// A contraction of a pronoun or verb ("We've", "You'll", "Don't", "What's"), which a capital at
/// the start of a sentence does not make a name (O'Brien is no contraction).
fn contraction(lang: &Lang, l: &str) -> bool {
    let Some((head, tail)) = l.split_once(['\'', '’']) else {
        return false;
    };
    lang.contraction_tails.contains(&tail)
        || (!lang.contraction_tails.is_empty()
            && tail == "s"
            && (lang.is_function_word(head) || contains(lang.pronouns, head)))
}

/// The pronoun a word is, alone or contracted with a verb: "he", "He’s" → "he", "they'll" →
/// "they".
fn pronoun<'a>(lang: &Lang, l: &'a str) -> Option<&'a str> {
    let head = if lang.contraction_tails.is_empty() {
        l
    } else {
        l.split_once(['\'', '’']).map_or(l, |(h, _)| h)
    };
    contains(lang.pronouns, head).then_some(head)
}

/// A word without its possessive ending ("Okafor's" → "Okafor").
pub fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

pub fn is_possessive(lang: &Lang, w: &str) -> bool {
    lang.possessive_suffixes.iter().any(|s| w.ends_with(s))
}

/// A possessive that is no contraction ("Okafor's", "the city's"; not "he's", "that's"): a noun
/// that shares its form with a cue verb after it is that noun ("Okafor's remark").
pub fn is_possessor(lang: &Lang, w: &str) -> bool {
    is_possessive(lang, w) && !contraction(lang, &lower(w))
}

/// Words the cue search skips between a subject and its verb: "also", "has", adverbs in -ly
/// (but not a head noun in -ly: "the daily wrote", "the weekly said").
pub fn is_between(lang: &Lang, w: &str) -> bool {
    let l = Lower::new(w);
    contains(lang.between, &l)
        || (!lang.adverb_suffix.is_empty()
            && l.len() > 4
            && l.ends_with(lang.adverb_suffix)
            && !is_capitalized(w)
            && head_class(lang, &l).is_none())
}

/// Whether `w` has the form of a finite verb in the past or present tense, a speech verb the
/// lexicon lacks when it stands right after a quotation and its subject ("…," the senator
/// implored / she quips / scoffed Mara Lindqvist): lower-case letters ending in -ed or in -s (not
/// -ss, -us, -is), and not a verb of another kind that follows a quotation and its subject.
pub fn verb_form(lang: &Lang, w: &str) -> bool {
    if !lang.guess_verb_forms || w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let tense = w.ends_with("ed")
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"));
    tense && !contains(lang.not_speech, &Lower::new(w))
}

/// Role words of an apposition: its lower-case words up to the first preposition.
fn roles_of(text: &Text, tokens: &[Token]) -> Vec<String> {
    let mut roles = Vec::new();
    for t in tokens.iter().take(12) {
        if !t.is_word() {
            break;
        }
        let l = lower(word(text, t));
        if contains(text.lang.role_stops, &l) {
            break;
        }
        if !contains(text.lang.determiners, &l) {
            roles.push(l.to_string());
        }
    }
    roles
}

/// The name that `run` spells.
pub fn name_of(text: &str, run: &[Token]) -> Mention {
    make(text, run, MentionKind::Name, true)
}

fn make(text: &str, tokens: &[Token], kind: MentionKind, definite: bool) -> Mention {
    let start = tokens.first().map_or(0, |t| t.start);
    let end = tokens.last().map_or(0, |t| t.end);
    let words: Vec<&str> = tokens.iter().map(|t| word(text, t)).collect();
    let head = words
        .last()
        .map(|w| lower(w).to_string())
        .unwrap_or_default();
    Mention {
        kind,
        start,
        end,
        text: crate::text::join(&words, " "),
        head,
        definite,
        roles: Vec::new(),
    }
}

/// A description over `run` (its last word the head).
pub fn description_of(text: &str, run: &[Token], definite: bool) -> Mention {
    make(text, run, MentionKind::Description, definite)
}

/// Splits a capitalised run into titles and the name: the name starts after the last title.
pub fn split_titles(text: &Text, run: &[Token]) -> (usize, Vec<String>) {
    let mut from = 0;
    // leading function words, sentence adverbs, the auxiliary of a question and an inverted cue:
    // "But Trump", "On Monday North Korea", "Accordingly Turkey", "Was Bartleby", "Said Anna Berg"
    while from < run.len() && {
        let l = lower(word(text, &run[from]));
        let suffix = text.lang.adverb_suffix;
        text.lang.is_function_word(&l)
            || (from + 1 < run.len()
                && (contains(text.lang.run_openers, &l)
                    || text.lang.is_cue_verb(&l)
                    || !suffix.is_empty() && l.len() > suffix.len() + 3 && l.ends_with(suffix)))
    } {
        from += 1;
    }
    let mut roles = Vec::new();
    let mut name_from = from;
    for (k, t) in run.iter().enumerate().skip(from) {
        let w = word(text, t);
        // (and a word for someone opening a name of two words or more, capitalised as a
        // sentence's first word or a title would be: "Organizer Ada Lind", "Bishop Desmond Tutu",
        // "Chief Executive Ada Lind")
        if k + 1 < run.len() && is_title(text.lang, w)
            || k == name_from
                && k + 2 < run.len()
                && head_class(text.lang, &lower(w)) == Some(false)
        {
            roles.push(lower(w).to_string());
            name_from = k + 1;
        } else if k + 1 < run.len() && is_possessor(text.lang, w) {
            // (a possessive is whose the person is: "Harbour Ledger's Ada Lind")
            name_from = k + 1;
        }
    }
    (name_from, roles)
}

/// Where the name of the capitalised run `tokens[start..end]` starts, its titles dropped up to
/// `from`: after a title in capitals and its "of" the office runs on into the name ("Secretary of
/// State John F. Kerry", "Minister of Harbour Affairs Lena Brik"), whose name is then its last two
/// words, with an initial between them (not after a role in lower case, where a body's name
/// follows: "co-director of MIT’s Lorenz Center").
pub fn office_name_from(
    text: &Text,
    tokens: &[Token],
    start: usize,
    end: usize,
    from: usize,
) -> usize {
    // (the office may have its article: "Director of the Harbour Board Tom Weber")
    let w = |k: usize| word(text, tok(tokens, k));
    let article = start >= 3 && contains(text.lang.definite, &lower(w(start - 1)));
    let of = start - usize::from(article);
    let office = of >= 2
        && end > start + 2
        && contains(text.lang.role_stops, &lower(w(of - 1)))
        && is_capitalized(w(of - 2))
        && is_title(text.lang, w(of - 2));
    if !office {
        return from;
    }
    let initial = w(end - 2).ends_with('.');
    from.max(end - 2 - usize::from(initial))
}

/// Whether `m` is a document ("a statement", "un communiqué") and `prep` (lower case) joins it to
/// its author ("from", "by", "de"): the body named after it speaks for it.
pub fn document_of(lang: &Lang, m: &Mention, prep: &str) -> bool {
    m.kind == MentionKind::Description
        && contains(lang.document_heads, &m.head)
        && contains(lang.document_preps, prep)
}

/// Whether every token of `run` is a capitalised word (titles, modifiers, a name).
pub fn all_capitalised(text: &str, run: &[Token]) -> bool {
    run.iter()
        .all(|t| t.is_word() && is_capitalized(word(text, t)))
}

/// Whether a description's head (lower case) can name someone who speaks (a person, a group, an
/// organisation, or a document that speaks for them: "the ad", "the editorial"): not a time, an
/// amount or a position ("the past", "this month", "the first"), and not a verb that the
/// description ran into ("the mega donor didn't", "the site surveyed").
pub fn someone_head(lang: &Lang, head: &str) -> bool {
    let verb = lang.guess_verb_forms
        && (head.ends_with("n't")
            || head.ends_with("n’t")
            || (head.ends_with("ed") && head_class(lang, head).is_none()));
    !verb && !contains(lang.not_someone, head) && !contains(lang.past_forms, head)
}

/// A mention that can be a speaker: a pronoun, a name, or a description whose head can name
/// someone ([`someone_head`]).
fn someone(lang: &Lang, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Description => someone_head(lang, &m.head),
        // the reader ("you") never speaks in the text: a first or second person that is no
        // sentence's subject of reported speech
        MentionKind::Pronoun => {
            !contains(lang.writer_pronouns, &m.head) || contains(lang.subject_pronouns, &m.head)
        }
        // a pronoun in Title Case inside the run makes it a work's title or a line bidding the
        // reader: "Get Me Out Of Here", "Catch Me If You Can", German "Lesen Sie auch:" (not a
        // letter: "World War I")
        MentionKind::Name => !m.text.split(' ').skip(1).any(|w| {
            let mut cs = w.chars();
            let title = cs.next().is_some_and(char::is_uppercase)
                && cs.clone().next().is_some()
                && cs.all(char::is_lowercase);
            title && {
                let l = lower(w);
                contains(lang.pronouns, &l) || contains(lang.object_pronouns, &l)
            }
        }),
    }
}

/// The mention that ends right before token `end` (exclusive), not before token `floor`, when it
/// can be someone.
pub fn left(text: &Text, tokens: &[Token], end: usize, floor: usize) -> Option<Mention> {
    left_any(text, tokens, end, floor).filter(|m| someone(text.lang, m))
}

/// The mention that starts at token `start`, not past token `limit`, when it can be someone.
pub fn right(text: &Text, tokens: &[Token], start: usize, limit: usize) -> Option<Mention> {
    if text.lang.quoted_names && start < limit {
        if let Some(m) = quoted_name(text, tokens, start, limit) {
            return Some(m);
        }
    }
    right_any(text, tokens, start, limit).filter(|m| someone(text.lang, m))
}

/// A capitalised function word inside a sentence that is no pronoun: a day or a month ("on
/// Monday", "in March"), where English capitalises them.
fn time_word(text: &Text, tokens: &[Token], k: usize) -> bool {
    let w = word(text, tok(tokens, k));
    let l = lower(w);
    !text.lang.capitalised_nouns
        && k > 0
        && tok(tokens, k - 1).sentence == tok(tokens, k).sentence
        && is_capitalized(w)
        && text.lang.is_function_word(&l)
        && pronoun(text.lang, &l).is_none()
}

/// A relative pronoun ending at token `end` (exclusive) that is its clause's subject: "Lena Ruiz,
/// who said …", "critics who say …", "a sign that read …". The mention is the pronoun (where the
/// text names the speaker) standing for the words before it, which it takes its name from; none
/// when nothing stands before it that can be someone.
fn relative(text: &Text, tokens: &[Token], end: usize, floor: usize) -> Option<Mention> {
    let lang = text.lang;
    let r = end.checked_sub(1).filter(|&r| r > floor)?;
    if !tok(tokens, r).is_word() || !contains(lang.relatives, &lower(word(text, tok(tokens, r)))) {
        return None;
    }
    let before = if tok(tokens, r - 1).is_punct(',') {
        r - 1
    } else {
        r
    };
    // one level only: "who" before "who" is no antecedent
    let prev = tokens.get(before.checked_sub(1)?)?;
    if !prev.is_word() || contains(lang.relatives, &lower(word(text, prev))) {
        return None;
    }
    // someone named, or described by a person's or an organisation's head: not "a flaw that
    // allowed …", "a turn that called to mind …"
    let a = left_any(text, tokens, before, floor).filter(|m| match m.kind {
        MentionKind::Name => true,
        MentionKind::Pronoun => false,
        MentionKind::Description => head_class(lang, &m.head).is_some(),
    })?;
    let t = tok(tokens, r);
    Some(Mention {
        start: t.start,
        end: t.end,
        ..a
    })
}

/// Whether `run` holds only titles (or an article) before its last word: "Mr.", "Sen.",
/// "U.S. Sen." before a name, "The" before "Hill".
pub fn only_titles(text: &Text, run: &[Token]) -> bool {
    let (last, titles) = run.split_last().map_or((None, run), |(l, t)| (Some(l), t));
    last.is_some_and(|l| l.is_word())
        && titles.iter().all(|t| {
            let w = word(text, t);
            t.is_word() && (is_title(text.lang, w) || contains(text.lang.definite, &lower(w)))
        })
}

/// Whether a mention is a relative pronoun standing for the words before it ([`relative`]).
pub fn is_relative(text: &Text, m: &Mention) -> bool {
    text.get(m.start..m.end)
        .is_some_and(|w| contains(text.lang.relatives, &lower(w)))
}

fn left_any(text: &Text, tokens: &[Token], end: usize, floor: usize) -> Option<Mention> {
    let lang = text.lang;
    let mut i = end;
    let mut skipped = 0;
    // (and a day or a month: "Okafor on Monday said", "Okafor later Thursday told")
    while i > floor && skipped < 4 && tok(tokens, i - 1).is_word() {
        let w = word(text, tok(tokens, i - 1));
        if is_between(lang, w) || time_word(text, tokens, i - 1) && tok(tokens, i - 2).is_word() {
            i -= 1;
        } else if i > floor + 2
            && (contains(lang.not_someone, &lower(w)) || w.bytes().all(|b| b.is_ascii_digit()))
        {
            // a phrase of time: "who has in the past described", "who in 2010 said"
            let p = i
                - 2
                - usize::from(contains(
                    lang.definite,
                    &lower(word(text, tok(tokens, i - 2))),
                ));
            if !(p > floor && contains(lang.role_stops, &lower(word(text, tok(tokens, p))))) {
                break;
            }
            i = p;
        } else {
            break;
        }
        skipped += 1;
    }
    if let Some(m) = relative(text, tokens, i, floor) {
        return Some(m);
    }
    // a parenthesis after the name: "Claire McCaskill (D-Mo.) said"
    if i > floor + 1 && tok(tokens, i - 1).is_punct(')') {
        let lowest = i.saturating_sub(12).max(floor);
        if let Some(j) = (lowest..i - 1)
            .rev()
            .find(|&j| tok(tokens, j).is_punct('('))
        {
            i = j;
        }
    }
    let mut roles = Vec::new();
    // an apposition between commas: "Kim, director of the division, said" (or between dashes,
    // where nouns are not capitalised: "Jason Sims — a teacher from Mount Pleasant — says"; in
    // German the verb after them takes its subject after it: "– sagte dieser")
    let mark = match tok(tokens, i.wrapping_sub(1)).kind {
        Kind::Punct(',') if i > floor => Some(','),
        Kind::Punct(c @ ('—' | '–')) if i > floor && !lang.capitalised_nouns => Some(c),
        _ => None,
    };
    if let Some(mark) = mark {
        let lowest = i.saturating_sub(30).max(floor);
        let j = (lowest..i - 1)
            .rev()
            .find(|&j| tok(tokens, j).is_punct(mark))?;
        if j <= floor || j + 1 >= i - 1 {
            return None;
        }
        // a name set off after a description is who it describes: "A spokeswoman for the
        // council, Ana Ruiz, said", "The operator, Kessel Lines, said"
        let app = &tokens[j + 1..i - 1];
        let before = tok(tokens, j - 1);
        if (2..=5).contains(&app.len())
            && app.iter().all(|t| {
                t.is_word() && {
                    let w = word(text, t);
                    is_capitalized(w) && !lang.is_function_word(&lower(w))
                }
            })
            && before.is_word()
            && {
                let b = word(text, before);
                // (or a body's name after its head's preposition, within eight words, whatever
                // the name holds: "VP of Business Development, Ana Ruiz, said", "el codirector
                // de Semillas del Puerto, Pablo Soto, dijo", "the head of the Bank of the
                // Harbour, Ana Ruiz, said")
                let mut s = j - 1;
                let mut of_body = false;
                while s > floor + 1 && j - s < 8 && tok(tokens, s - 1).is_word() {
                    s -= 1;
                    of_body |= contains(lang.role_stops, &lower(word(text, tok(tokens, s))))
                        && !lang.is_function_word(&lower(word(text, tok(tokens, s - 1))));
                }
                of_body || !is_capitalized(b) && !lang.is_function_word(&lower(b))
            }
        {
            let (name_from, mut titles) = split_titles(text, app);
            if app.len() - name_from >= 2 {
                let mut m = make(text, &app[name_from..], MentionKind::Name, true);
                let head = lower(word(text, before));
                if head_class(lang, &head).is_some() {
                    titles.push(head.to_string());
                }
                m.roles = titles;
                return Some(m);
            }
        }
        roles = roles_of(text, app);
        i = j;
        // (and an age before it: "Ruiz, 54, a former skipper, said")
        if i > floor + 2
            && tok(tokens, i - 2).is_punct(',')
            && tok(tokens, i - 1).is_word()
            && word(text, tok(tokens, i - 1))
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            i -= 2;
        }
        // "Jim Jordan (R-Ohio), an oversight panel member, said"
        if i > floor + 1 && tok(tokens, i - 1).is_punct(')') {
            let lowest = i.saturating_sub(12).max(floor);
            if let Some(j) = (lowest..i - 1)
                .rev()
                .find(|&j| tok(tokens, j).is_punct('('))
            {
                i = j;
            }
        }
    }
    if i <= floor || !tok(tokens, i - 1).is_word() {
        return None;
    }
    let w = word(text, tok(tokens, i - 1));
    let l = lower(w);
    if let Some(p) = pronoun(lang, &l) {
        let mut m = make(text, &tokens[i - 1..i], MentionKind::Pronoun, true);
        m.head = p.to_string();
        m.roles = roles;
        return Some(m);
    }
    // (a capitalised function word right before its verb is a name: "“…,” Will wrote")
    let named =
        i == end && time_word(text, tokens, i - 1) && tokens.get(end).is_some_and(Token::is_word);
    if is_capitalized(w) && (named || !lang.is_function_word(&l)) && !contraction(lang, &l) {
        let mut j = i - 1;
        while j > floor && i - j < 8 {
            let p = tok(tokens, j - 1);
            if !p.is_word() {
                break;
            }
            let pw = word(text, p);
            // (not after a sentence's first word, which may be any capitalised word: "Even de
            // Vries", nor after a lower-case word: "le maire de Lyon")
            let particle = contains(lang.name_particles, pw)
                && j > floor + 1
                && j > 2
                && tok(tokens, j - 2).sentence == tok(tokens, j - 3).sentence
                && is_capitalized(word(text, tok(tokens, j - 2)));
            if !(is_capitalized(pw) || particle) || is_possessive(lang, pw) {
                break;
            }
            j -= 1;
        }
        if lang.capitalised_nouns {
            let lw = |k: usize| lower(word(text, tok(tokens, k)));
            // leading adverbs of the first constituent: "Auch Merkel sagte"
            while j + 1 < i && contains(lang.sentence_adverbs, &lw(j)) {
                j += 1;
            }
            // a preposition makes the run an adverbial, not a subject: "Zur Begründung
            // erklärte …", "Am Montag sagte …", "in Berlin sagte …"
            if contains(lang.prepositions, &lw(j))
                || j > floor
                    && tok(tokens, j - 1).is_word()
                    && contains(lang.prepositions, &lw(j - 1))
            {
                return None;
            }
            // a determiner makes the run a description ("der Minister sagte", "Die Vorsitzende
            // Richterin erklärte"), unless a title stands before a name ("der Innenminister
            // Karl Brandt")
            let det = |k: usize| tok(tokens, k).is_word() && contains(lang.determiners, &lw(k));
            let at = if det(j) && j + 1 < i {
                Some(j)
            } else if j > floor && det(j - 1) {
                Some(j - 1)
            } else {
                None
            };
            if let Some(d) = at {
                // "vor dem Düsseldorfer Konzert sagte …": a preposition before the article
                if d > floor
                    && tok(tokens, d - 1).is_word()
                    && contains(lang.prepositions, &lw(d - 1))
                {
                    return None;
                }
                let from = if d == j { j + 1 } else { j };
                let (mut name_from, mut title_roles) = split_titles(text, &tokens[from..i]);
                // an article, a noun and a name of two words or more: "der Sänger Tom Berger"
                if name_from == 0 && i - from >= 3 {
                    title_roles.push(lw(from).to_string());
                    name_from = 1;
                }
                if name_from > 0
                    && from + name_from < i
                    && !is_title(lang, word(text, tok(tokens, i - 1)))
                {
                    let mut m = make(text, &tokens[from + name_from..i], MentionKind::Name, true);
                    m.roles = title_roles;
                    m.roles.extend(roles);
                    return Some(m);
                }
                let definite = contains(lang.definite, &lw(d));
                let mut m = make(text, &tokens[d..i], MentionKind::Description, definite);
                m.roles = roles;
                return Some(m);
            }
            // a month, a weekday, a place word is no one
            if i - j == 1 && contains(lang.not_someone, &l) {
                return None;
            }
        }
        // a person of a place or a body before the cue: "Ada Okafor of Riverland said", "Kim
        // Sang-ki from Seoul told" (the earlier run is a name of two words or more, not a title:
        // "Secretary of State …"); a body's name with its place: "the Bank of Riverland said"
        // (back over "and" to the body's "of": "the Department of Health and Human Services
        // said", whose "Human Services" alone is no one)
        let mut of_at = j;
        if j >= floor + 3 && contains(lang.coordinators, &lower(word(text, tok(tokens, j - 1)))) {
            let mut h = j - 1;
            while h > floor + 2 && is_capitalized(word(text, tok(tokens, h - 1))) {
                h -= 1;
            }
            if h + 1 < j {
                of_at = h;
            }
        }
        // (a chain of them, read from its first run: "Ana Ruiz of the Harbour Church of
        // Portvale said", "Professor Lena Brik of the University of Eastport said")
        let mut links = [(0, 0); 3];
        let mut n = 0;
        let mut at = of_at;
        while n < links.len() && !lang.capitalised_nouns {
            // (the body may have its article: "of the Harbour Church")
            let article = at >= floor + 3
                && tok(tokens, at - 1).is_word()
                && contains(lang.definite, &lower(word(text, tok(tokens, at - 1))));
            let prep = at.saturating_sub(usize::from(article) + 1);
            // (on past a run only where it had its article: no further in a headline's Title
            // Case, "Nurse Diagnosed with Cancer Writes Letter to Patients")
            if at < floor + 2
                || n > 0 && !article
                || !tok(tokens, prep).is_word()
                || !contains(lang.role_stops, &lower(word(text, tok(tokens, prep))))
            {
                break;
            }
            let mut s = prep;
            while s > floor
                && prep - s < 6
                && tok(tokens, s - 1).is_word()
                && is_capitalized(word(text, tok(tokens, s - 1)))
            {
                s -= 1;
            }
            if s == prep {
                // someone described, of a place or a body: "the mayor of Portvale said", "le
                // parquet de Versailles a indiqué" (looked for in the twelve words before, so
                // that the recursion stays shallow)
                let near = floor.max(prep.saturating_sub(12));
                // (a document's body speaks for it: "a statement from the Ferry Company said")
                let by = lower(word(text, tok(tokens, prep)));
                if let Some(d) = left_any(text, tokens, prep, near).filter(|d| {
                    d.kind == MentionKind::Description
                        && head_class(lang, &d.head).is_some()
                        && !document_of(lang, d, &by)
                }) {
                    let s = tokens.partition_point(|t| t.start < d.start);
                    let mut m = make(text, &tokens[s..i], MentionKind::Description, d.definite);
                    m.head = d.head;
                    m.roles = roles;
                    return Some(m);
                }
                break;
            }
            links[n] = (s, prep);
            n += 1;
            at = s;
        }
        for (k, &(s, end)) in links[..n].iter().enumerate().rev() {
            let earlier = &tokens[s..end];
            let (from, roles_before) = split_titles(text, earlier);
            let last = word(text, tok(tokens, end - 1));
            // (a run further back after an article or "and" is a body's: "the Science and
            // Technology Directorate of the Department of …")
            let joined = k > 0 && s > floor && {
                let before = lower(word(text, tok(tokens, s - 1)));
                contains(lang.determiners, &before) || contains(lang.coordinators, &before)
            };
            if of_at == j
                && !joined
                && from < earlier.len()
                && earlier.len() - from >= 2
                && head_class(lang, &lower(last)).is_none()
                && !is_title(lang, last)
            {
                let mut m = make(text, &earlier[from..], MentionKind::Name, true);
                m.roles = roles_before;
                m.roles.extend(roles);
                return Some(m);
            }
            // a body's name runs on: "the Bank of Riverland said"; a plural for people opening
            // the sentence is theirs: "Residents of the Old Town said" (not a title: "Secretary
            // of State …")
            let class = head_class(lang, &lower(last));
            let people = class.is_some() && end == s + 1 && last.ends_with('s');
            if from < earlier.len() && (class == Some(true) || people) {
                let body = class == Some(true);
                let kind = [MentionKind::Description, MentionKind::Name][usize::from(body)];
                let mut m = make(text, &tokens[s + from..i], kind, true);
                if !body {
                    m.head = lower(last).to_string();
                }
                m.roles = roles;
                return Some(m);
            }
        }
        let run = &tokens[j..i];
        let (mut name_from, mut title_roles) = split_titles(text, run);
        if name_from >= run.len() {
            if !named {
                return None;
            }
            name_from = run.len() - 1;
        }
        let name_from = office_name_from(text, tokens, j, i, j + name_from) - j;
        let mut m = make(text, &run[name_from..], MentionKind::Name, true);
        title_roles.extend(roles);
        m.roles = title_roles;
        return Some(m);
    }
    // a noun that is also a verb, after its determiner and perhaps an adjective: "the note
    // says", "the new report said"
    let det = |k: usize| {
        tok(tokens, k).is_word() && {
            let w = word(text, tok(tokens, k));
            contains(lang.noun_before_verb, &lower(w)) || is_possessor(lang, w)
        }
    };
    let noun = i >= 2 && det(i - 2)
        || i >= 3
            && det(i - 3)
            && tok(tokens, i - 2).is_word()
            && !is_capitalized(word(text, tok(tokens, i - 2)))
            && !lang.is_function_word(&lower(word(text, tok(tokens, i - 2))));
    if lang.is_function_word(&l)
        || (lang.is_cue_verb(&l) && !noun)
        || is_between(lang, w)
        || l.chars().any(|c| c.is_numeric()) && head_class(lang, &l).is_none()
    {
        return None;
    }
    // a description: back to its determiner or possessive
    let lowest = (i - 1).saturating_sub(6).max(floor);
    let mut k = i - 1;
    while k > lowest {
        let p = tok(tokens, k - 1);
        if !p.is_word() {
            break;
        }
        let pw = word(text, p);
        let pl = lower(pw);
        if contains(lang.determiners, &pl) {
            // someone of a body: "a spokesman for the ministry said", "officials at the port
            // said", "Ada Okafor of the port authority said" (the body alone is not who spoke;
            // looked for in the ten words before, so that the recursion stays shallow on any
            // text: "of the … of the … of the …")
            if k >= floor + 3 && contains(lang.role_stops, &lower(word(text, tok(tokens, k - 2)))) {
                let near = floor.max(k.saturating_sub(12));
                if let Some(mut m) = left_any(text, tokens, k - 2, near)
                    .filter(|o| o.kind == MentionKind::Name || head_class(lang, &o.head).is_some())
                {
                    // (a document's body speaks for it: "a statement from the company said")
                    if document_of(lang, &m, &lower(word(text, tok(tokens, k - 2)))) {
                        let definite = contains(lang.definite, &pl);
                        let mut body =
                            make(text, &tokens[k - 1..i], MentionKind::Description, definite);
                        body.roles = roles;
                        return Some(body);
                    }
                    if m.kind == MentionKind::Description {
                        let head = m.head;
                        let s = tokens.partition_point(|t| t.start < m.start);
                        m = make(text, &tokens[s..i], MentionKind::Description, m.definite);
                        m.head = head;
                    }
                    m.roles.extend(roles);
                    return Some(m);
                }
            }
            let definite = contains(lang.definite, &pl);
            let mut m = make(text, &tokens[k - 1..i], MentionKind::Description, definite);
            m.roles = roles;
            return Some(m);
        }
        if is_possessive(lang, pw) {
            // "Donald Trump's campaign": include the possessor's name
            let mut s = k - 1;
            while s > floor
                && tok(tokens, s - 1).is_word()
                && is_capitalized(word(text, tok(tokens, s - 1)))
            {
                s -= 1;
            }
            let mut m = make(text, &tokens[s..i], MentionKind::Description, true);
            m.roles = roles;
            return Some(m);
        }
        if lang.is_function_word(&pl) || lang.is_cue_verb(&pl) {
            break;
        }
        // a copula before an adjective ends the noun phrase: "the infrastructure is tough to
        // maintain" (not a passive: "a reporter can be heard asking")
        if contains(lang.copulas, &pl) && !is_participle(lang, word(text, tok(tokens, k))) {
            break;
        }
        k -= 1;
    }
    // a bare plural or role noun: "officials said", "U.S. officials said", "63 percent said";
    // or a plural of the language's words for those who do something, where its phrase opens
    // the sentence or the attribution: "Harbour traders said", "Local papers reported" (not
    // "cheaper than rivals said", "secretary for population, refugees, and migration, said")
    let known = head_class(lang, &l).is_some();
    if known || !lang.capitalised_nouns && l.ends_with('s') && word_for_someone(lang, &l) {
        let mut s = i - 1;
        while s > floor && tok(tokens, s - 1).is_word() && {
            let w = word(text, tok(tokens, s - 1));
            is_capitalized(w) && !lang.is_function_word(&lower(w))
                || w.bytes().any(|b| b.is_ascii_digit())
        } {
            s -= 1;
        }
        // and a noun that modifies it where the phrase opens its clause, as a headline's does:
        // "…, health chief says", "Harbour union boss said"
        if s > floor && s + 1 == i && tok(tokens, s - 1).is_word() && {
            let w = word(text, tok(tokens, s - 1));
            let open = s - 1 == floor || !tok(tokens, s - 2).is_word();
            open && !is_capitalized(w) && !lang.is_function_word(&lower(w))
        } {
            s -= 1;
        }
        if !known && s > floor && matches!(tok(tokens, s - 1).kind, Kind::Word | Kind::Punct(',')) {
            return None;
        }
        let mut m = make(text, &tokens[s..i], MentionKind::Description, false);
        m.roles = roles;
        return Some(m);
    }
    None
}

/// The mention that starts at token `start`, not past token `limit` (exclusive), with any
/// apposition after it read as roles: "said Kim Sang-ki, director of …".
fn right_any(text: &Text, tokens: &[Token], start: usize, limit: usize) -> Option<Mention> {
    let lang = text.lang;
    let t = tokens.get(start).filter(|_| start < limit)?;
    if !t.is_word() {
        return None;
    }
    let w = word(text, t);
    let l = lower(w);
    let mut m;
    let mut next;
    if let Some(p) = pronoun(lang, &l) {
        m = make(text, &tokens[start..start + 1], MentionKind::Pronoun, true);
        m.head = p.to_string();
        next = start + 1;
    } else if let Some((name_at, e)) = modified_name(text, tokens, start, limit) {
        // modifiers before a name: "said former Obama adviser David Axelrod", "said
        // Lagos-based strategist Jane Okafor"
        let run = &tokens[name_at..e];
        let (name_from, mut roles) = split_titles(text, run);
        if name_from >= run.len() {
            return None;
        }
        m = make(text, &run[name_from..], MentionKind::Name, true);
        roles.extend(roles_of(text, &tokens[start..name_at]));
        m.roles = roles;
        next = e;
    } else if contains(lang.right_determiners, &l)
        || (is_capitalized(w) && !lang.is_function_word(&l) && !contraction(lang, &l))
    {
        let mut det = contains(lang.right_determiners, &l);
        let mut e = start + usize::from(det);
        let mut all_caps = true;
        // the first capitalised word (past adjectives: "der stellvertretende Vorsitzende")
        let mut lead = usize::MAX;
        while e < limit && e - start < 8 && tok(tokens, e).is_word() {
            let ew = word(text, tok(tokens, e));
            let el = lower(ew);
            let stop = contains(lang.mention_stops, &el) || contains(lang.between, &el);
            // "the Harbour Union issued …": a lower-case word after a capitalised run ends it,
            // unless it is the head ("the North Korea expert")
            let after_caps = det
                && all_caps
                && e > start + 1
                && !is_capitalized(ew)
                && head_class(lang, &el).is_none()
                && !(lang.capitalised_nouns && contains(lang.determiners, &el));
            // a verb in -ed or -s after the head ends the description: "the port's director
            // rallied …", "the union projects that …" (not a second head: "the party officials")
            // (or after any noun, a past: "the committee meeting began", "The performance
            // prompted"; not after a word that modifies one, "the newly elected", "the two
            // armed", "the party's appointed")
            let noun_before = || {
                let pw = word(text, tok(tokens, e - 1));
                let pl = lower(pw);
                !is_capitalized(pw)
                    && !lang.is_function_word(&pl)
                    && !contains(lang.right_determiners, &pl)
                    && !is_possessive(lang, pw)
                    && !pw.ends_with(lang.adverb_suffix)
                    && !pw.bytes().any(|b| b.is_ascii_digit())
            };
            let verb = e > start + 1
                && lang.guess_verb_forms
                && head_class(lang, &el).is_none()
                && ((el.ends_with("ed") || verb_form(lang, ew))
                    && head_class(lang, &lower(word(text, tok(tokens, e - 1)))).is_some()
                    || (el.ends_with("ed") || contains(lang.past_forms, &el)) && noun_before());
            // where nouns are capitalised, a lower-case word after the noun ends the phrase (a
            // verb or an adverb: "Der Sportler gab bekannt"), unless it opens a genitive
            let after_noun = lang.capitalised_nouns
                && det
                && e > start + 1
                && is_capitalized(word(text, tok(tokens, e - 1)))
                && (!is_capitalized(ew) && !contains(lang.determiners, &el)
                    // (or an object's article: "die Ministerin Eva Lind den Plan"; a genitive's
                    // ends in -s: "des", "eines")
                    || contains(lang.oblique_determiners, &el) && !el.ends_with('s'));
            // (so does a determiner after it: "saying the city embodied the …"; not one that
            // joins a complement, French "le ministère des Affaires étrangères")
            let clause = det
                && e > start + 1
                && !lang.capitalised_nouns
                && contains(lang.determiners, &el)
                && !contains(lang.role_stops, &el);
            // a sentence's first word before a word for someone modifies it: "Small groups of
            // protesters", "Corporate lobbyists" (not where nouns are capitalised)
            if !det
                && e == start + 1
                && !lang.capitalised_nouns
                && !is_possessive(lang, w)
                && (start == 0 || tok(tokens, start - 1).sentence != tok(tokens, start).sentence)
                && !is_capitalized(ew)
                && (head_class(lang, &el).is_some()
                    || el
                        .strip_suffix('s')
                        .is_some_and(|h| head_class(lang, h).is_some()))
            {
                det = true;
            }
            if stop
                || clause
                || after_caps
                || after_noun
                || verb
                // (a cue word right after the determiner is the head: "noted a report")
                || lang.is_cue_verb(&el) && !(det && e == start + 1)
                || (!det && !is_capitalized(ew) && !contains(lang.name_particles, &el))
            {
                break;
            }
            // (an adjective between the article and its noun keeps a title and name one run:
            // "der stellvertretende Vorsitzende Kai Brandt")
            let cap = is_capitalized(ew);
            if cap && lead == usize::MAX {
                lead = e;
            }
            all_caps &= cap || lang.capitalised_nouns && lead == usize::MAX;
            e += 1;
            if is_possessive(lang, ew) {
                all_caps = false;
            }
        }
        // a name does not end with its particle: "Ana Lind de son côté" is Ana Lind
        while e > start + 1
            && !is_capitalized(word(text, tok(tokens, e - 1)))
            && contains(lang.name_particles, &lower(word(text, tok(tokens, e - 1))))
        {
            e -= 1;
        }
        e = body_end(text, tokens, start, e);
        if e == start + usize::from(det) {
            return None;
        }
        // one capitalised word before a lower-case head of a person is no name: "Sixty percent
        // see …", "Okafor aides said" (the head's own phrase, not the name, is the subject; but
        // "Harbour president Ada Okafor" is a title and a name)
        if !det
            && !lang.capitalised_nouns
            && e == start + 1
            && !is_title(lang, w)
            && tokens
                .get(e)
                .is_some_and(|t| head_class(lang, &lower(word(text, t))) == Some(false))
            && !tokens
                .get(e + 1)
                .is_some_and(|t| t.is_word() && is_capitalized(word(text, t)))
        {
            return None;
        }
        next = e;
        // where nouns are capitalised, a determiner makes a description ("sagte der Minister")
        // unless a title stands before a name ("der Innenminister Karl Brandt")
        // (or a noun before a name of two words or more: "der Sänger Tom Berger")
        // (past adjectives before the first noun: "der stellvertretende Vorsitzende Kai Brandt")
        let lead = lead.min(e);
        let titled_name = lang.capitalised_nouns && det && all_caps && lead < e && {
            let (name_from, _) = split_titles(text, &tokens[lead..e]);
            (name_from > 0 || e - lead > 2)
                && name_from < e - lead - 1
                && !is_title(lang, word(text, tok(tokens, e - 1)))
        };
        // adjectives before a name: "an angry Hollande", "a defiant Ana Ruiz" name the person
        // (where nouns are not capitalised; "a Trump supporter" ends with its noun)
        // (not a body after its head's preposition: "el codirector de Semillas Colombia")
        let adjectives_name = (det
            && !lang.capitalised_nouns
            && lead > start + 1
            && lead < e
            && all_capitalised(text, &tokens[lead..e])
            && !contains(lang.role_stops, &lower(word(text, tok(tokens, lead - 1))))
            && !is_possessive(lang, word(text, tok(tokens, e - 1))))
        .then(|| split_titles(text, &tokens[lead..e]))
        .filter(|(name_from, _)| *name_from < e - lead);
        if let Some((name_from, roles)) = adjectives_name {
            m = make(text, &tokens[lead + name_from..e], MentionKind::Name, true);
            m.roles = roles;
        } else if det && (!all_caps || lang.capitalised_nouns && !titled_name) {
            let definite = contains(lang.definite, &l);
            m = make(text, &tokens[start..e], MentionKind::Description, definite);
            // the head is the noun before the body it belongs to, where a particle ran the
            // description on: "el codirector de Semillas del Puerto" is a codirector
            if let Some(h) = (start + 2..e)
                .find(|&k| contains(lang.role_stops, &lower(word(text, tok(tokens, k)))))
            {
                m.head = lower(word(text, tok(tokens, h - 1))).to_string();
            }
            // where nouns are capitalised, the head is the last noun before any genitive ("der
            // Sprecher der Fraktion", "das Auswärtige Amt der Republik")
            if lang.capitalised_nouns {
                let mut h = start + 1;
                while h < e && !is_capitalized(word(text, tok(tokens, h))) {
                    h += 1;
                }
                while h + 1 < e && is_capitalized(word(text, tok(tokens, h + 1))) {
                    h += 1;
                }
                if h < e {
                    m.head = lower(word(text, tok(tokens, h))).to_string();
                }
            }
        } else {
            let from = if lang.capitalised_nouns {
                lead
            } else {
                start + usize::from(det)
            };
            let run = &tokens[from.min(e)..e];
            let (mut name_from, mut roles) = split_titles(text, run);
            if lang.capitalised_nouns && det && name_from == 0 && run.len() >= 3 {
                roles.push(lower(word(text, &run[0])).to_string());
                name_from = 1;
            }
            if name_from >= run.len() {
                return None;
            }
            m = make(text, &run[name_from..], MentionKind::Name, true);
            m.roles = roles;
        }
    } else if in_list(lang, lang.person_heads, &l) {
        m = make(
            text,
            &tokens[start..start + 1],
            MentionKind::Description,
            false,
        );
        next = start + 1;
    } else {
        return None;
    }
    // (past the body a description belongs to: "said the co-director of Harbour Seeds, Ana
    // Ruiz.", "dijo el codirector de Semillas del Puerto, Carlos Naranjo")
    let of = m.kind == MentionKind::Description
        && tokens
            .get(next)
            .is_some_and(|t| contains(lang.role_stops, &lower(word(text, t))));
    if of {
        if let Some(c) = (next + 1..limit.min(next + 7)).find(|&k| !tok(tokens, k).is_word()) {
            if tok(tokens, c).is_punct(',') {
                next = c;
            }
        }
    }
    if next < limit && tok(tokens, next).is_punct(',') {
        next += 1;
        // a description named in apposition is the name: "said the company's chief executive,
        // Ana Ruiz." (not a name with its role after it: "said Ana Ruiz, the chief executive";
        // only a capitalised word that is no determiner opens the name, so the look-up never
        // reads another description and recurses once at most)
        let named = next < limit && {
            let w = word(text, tok(tokens, next));
            is_capitalized(w) && !contains(lang.right_determiners, &lower(w))
        };
        if m.kind == MentionKind::Description && m.definite && named {
            if let Some(mut name) =
                right_any(text, tokens, next, limit).filter(|n| n.kind == MentionKind::Name)
            {
                let after = tokens.partition_point(|t| t.start < name.end);
                if after >= limit || !tok(tokens, after).is_word() {
                    name.roles.push(m.head);
                    return Some(name);
                }
            }
        }
        let end = (next..limit.min(next + 20))
            .find(|&k| !tok(tokens, k).is_word())
            .unwrap_or(limit.min(next + 20));
        m.roles.extend(roles_of(text, &tokens[next..end]));
    } else if next < limit
        && tok(tokens, next).is_word()
        && word(text, tok(tokens, next)).ends_with(',')
    {
        // unreachable with this tokenizer; kept simple
    }
    Some(m)
}

/// Where names are quoted ([`Lang::quoted_names`]), a quoted name at token `start`, perhaps
/// after its article, is the source of the cue before it: "schrieb „Die Zeit“", "laut
/// „Reuters“", "schreibt die „Rundschau“". A quotation of at most four words that is no sentence;
/// its name is its text between the marks (and its own head: a name has no head noun).
#[inline(never)]
fn quoted_name(text: &Text, tokens: &[Token], start: usize, limit: usize) -> Option<Mention> {
    // (an article mid-sentence is in lower case)
    let det = contains(text.lang.right_determiners, word(text, tok(tokens, start)));
    let k = start + usize::from(det);
    let t = tokens
        .get(k)
        .filter(|t| k < limit && matches!(t.kind, Kind::Quote(_)))?;
    let w = word(text, t);
    let mut chars = w.char_indices();
    chars.next();
    let (from, to) = (chars.next()?.0, chars.next_back()?.0);
    let inner = w.get(from..to)?;
    let b = inner.as_bytes();
    if b.iter().filter(|&&c| c == b' ').count() > 3 || b.iter().any(|c| b",.!?:".contains(c)) {
        return None;
    }
    Some(Mention {
        kind: MentionKind::Name,
        start: tok(tokens, start).start,
        end: t.end,
        text: inner.to_string(),
        head: inner.to_string(),
        definite: true,
        roles: Vec::new(),
    })
}

/// A name after lower-case modifiers, starting at token `start`: "former Obama adviser David
/// Axelrod", "Florida-based strategist Al Cardenas", "campaign manager Jeff Weaver". Returns the
/// token where the final capitalised run starts and the token past it; the run must end the phrase
/// (a comma, a period, a preposition…) and a lower-case word must stand right before it.
fn modified_name(
    text: &Text,
    tokens: &[Token],
    start: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let mut e = start;
    let mut name_at = None;
    while e < limit && e - start < 8 && tok(tokens, e).is_word() {
        let w = word(text, tok(tokens, e));
        let l = lower(w);
        let lang = text.lang;
        // a preposition inside a role before the name: "master of ceremonies Asab Al-Tabchi",
        // "chief of staff Denis Okafor"
        let of = e > start
            && contains(lang.role_stops, &l)
            && tokens.get(e + 1).is_some_and(|n| {
                let nw = word(text, n);
                n.is_word()
                    && !is_capitalized(nw)
                    && !contains(lang.determiners, &lower(nw))
                    && !lang.is_function_word(&lower(nw))
            });
        if of {
            e += 1;
            continue;
        }
        if lang.is_function_word(&l)
            || lang.is_cue_verb(&l)
            || contains(lang.between, &l)
            || contains(lang.pronouns, &l)
            || is_possessive(lang, w)
            || l.chars().any(|c| c.is_numeric())
        {
            break;
        }
        if is_capitalized(w) {
            if name_at.is_none() {
                name_at = Some(e);
            }
        } else {
            if e == start && contains(lang.determiners, &l) {
                return None;
            }
            name_at = None;
        }
        e += 1;
    }
    let at = name_at?;
    if at == start || is_capitalized(word(text, tok(tokens, at - 1))) {
        return None;
    }
    // after a capitalised first word ("Florida-based", "Obama"), only with a role before the name
    // or opening it ("Oversight ranking Democrat Elijah Cummings")
    let role = tokens[start..=at].iter().any(|t| {
        let l = lower(word(text, t));
        in_list(text.lang, text.lang.person_heads, &l) || in_list(text.lang, text.lang.titles, &l)
    });
    if is_capitalized(word(text, tok(tokens, start))) && !role {
        return None;
    }
    Some((at, e))
}

/// Whether the lower-case word names a kind of person ("expert") or of organisation ("daily").
pub fn head_class(lang: &Lang, head: &str) -> Option<bool> {
    // (an age is a person's head without its number: "the 34-year-old" is a "year-old")
    let head = head.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
    if in_list(lang, lang.org_heads, head) {
        Some(true)
    } else if in_list(lang, lang.person_heads, head) {
        Some(false)
    } else {
        None
    }
}

/// Whether a name of several words has a body's word before a last word that is no one's
/// ("Tribune Outrage", "Harbour Board Row"): the body modifies a topic, as headlines and kickers
/// put it. A body's own name ends with its head ("Harbour Council") or has none ("Ada Okafor").
pub fn names_a_topic(lang: &Lang, m: &Mention) -> bool {
    let body = |w: &str| {
        let l = lower(w);
        contains(lang.org_words, &l) || head_class(lang, &l) == Some(true)
    };
    let mut words = m.text.split_whitespace().rev();
    words
        .next()
        .is_some_and(|last| !body(last) && head_class(lang, &lower(last)).is_none())
        && words.any(body)
}

/// Whether a word (in any case) is one for a person or a body of the lexicon or one of the
/// language's words for one who does something, singular or plural ("researchers", "Leaders").
pub fn word_for_someone(lang: &Lang, word: &str) -> bool {
    let head = Lower::new(word);
    let one = head.strip_suffix('s').filter(|_| !head.ends_with("ss"));
    // (a body's part is no one who does something: "shoulder", "finger")
    let someone = |h: &str| {
        head_class(lang, h).is_some()
            || !contains(lang.not_someone, h) && lang.agent_suffixes.iter().any(|s| h.ends_with(s))
    };
    someone(&head) || one.is_some_and(someone)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn left_of(text: &str, cue: &str) -> Option<(String, MentionKind, Vec<String>)> {
        let text = &Text {
            str: text,
            lang: super::super::lang::ALL[0],
        };
        let tokens = tokenize(text, &[], &[]);
        let at = tokens.iter().position(|t| word(text, t) == cue)?;
        left(text, &tokens, at, 0).map(|m| (m.text, m.kind, m.roles))
    }

    fn right_of(text: &str, cue: &str) -> Option<(String, MentionKind, Vec<String>)> {
        let text = &Text {
            str: text,
            lang: super::super::lang::ALL[0],
        };
        let tokens = tokenize(text, &[], &[]);
        let at = tokens.iter().position(|t| word(text, t) == cue)?;
        right(text, &tokens, at + 1, tokens.len()).map(|m| (m.text, m.kind, m.roles))
    }

    #[test]
    fn names_without_titles() {
        let (name, kind, roles) = left_of("U.S. President Donald Trump said it.", "said").unwrap();
        assert_eq!((name.as_str(), kind), ("Donald Trump", MentionKind::Name));
        assert_eq!(roles, ["u.s", "president"]);
        assert_eq!(
            left_of("But Trump also said so.", "said").unwrap().0,
            "Trump"
        );
        assert_eq!(
            left_of("Kim Sang-ki, director of the division, said so.", "said")
                .unwrap()
                .2,
            ["director"]
        );
    }

    #[test]
    fn pronouns_and_descriptions() {
        assert_eq!(
            left_of("Then he said so.", "said").unwrap().1,
            MentionKind::Pronoun
        );
        let (d, kind, _) = left_of("Then the North Korea expert said so.", "said").unwrap();
        assert_eq!(
            (d.as_str(), kind),
            ("the North Korea expert", MentionKind::Description)
        );
        assert_eq!(
            left_of("U.S. officials said so.", "said").unwrap().0,
            "U.S. officials"
        );
        assert!(left_of("The law that said so.", "said").is_none());
    }

    #[test]
    fn right_side() {
        let (n, _, roles) = right_of(
            "said Kim Sang-ki, director of the unification division.",
            "said",
        )
        .unwrap();
        assert_eq!(n, "Kim Sang-ki");
        assert_eq!(roles, ["director"]);
        let (n, kind, roles) =
            right_of("said Maeari, the North's propaganda outlet.", "said").unwrap();
        assert_eq!((n.as_str(), kind), ("Maeari", MentionKind::Name));
        assert!(roles.contains(&"outlet".to_string()), "{roles:?}");
        assert_eq!(
            right_of("said the official.", "said").unwrap().1,
            MentionKind::Description
        );
    }
}
