//! Who a mention stands for: the names seen so far and how pronouns, descriptions and short names
//! resolve to them.
//!
//! - A name resolves to the fullest form given earlier that ends or starts with it ("Trump" →
//!   "Donald Trump", "Kim" → "Kim Sang-ki").
//! - "he", "she" resolve to the first person named earlier in the same paragraph (the subject of
//!   the paragraph, usually), else to the most recent person who spoke.
//! - "it", "they" resolve likewise to an organisation, outlet or country.
//! - A definite description ("the expert", "the daily") resolves to the most recent entity that
//!   carried that role (a title or apposition: "director", "outlet"), else to the most recent speaker
//!   of its class (a person for "the expert", an organisation for "the newspaper").
//! - "I", "we" and "you" outside a quotation are the writer and the reader: not resolved to a
//!   name of the text.
//! - Anything else keeps its own words as the name: no guess from an unrelated sentence.
//!
//! Memory is bounded: at most [`MAX_ENTITIES`] entities, and speakers older than
//! [`LOOK_BACK`] paragraphs are not candidates for pronouns and descriptions. Each lookup is
//! therefore constant time, and the whole analysis stays linear.

use super::lang::{Lang, Text, ALL};
use super::lexicon::{contains, Lower};
use super::mention::{
    body_end, head_class, in_list, is_capitalized, is_possessor, office_name_from, split_titles,
    without_possessive, word, Mention, MentionKind,
};
use super::tokens::{tok, Token};

pub const MAX_ENTITIES: usize = 256;
pub const LOOK_BACK: usize = 12;
/// How many of a paragraph's names its pronouns and descriptions look among (its first): a bound
/// that keeps a paragraph naming thousands linear in its length. No paragraph of prose names so
/// many.
const NEAR: usize = 64;
/// The chains of [`Memory::heads`]: twice the entities, so that most are one entity long.
const BUCKETS: usize = 2 * MAX_ENTITIES;

#[derive(Clone, Debug)]
struct Entity {
    name: String,
    words: Vec<String>,
    /// Some(true) an organisation, Some(false) a person, None unknown.
    org: Option<bool>,
    roles: Vec<String>,
    /// Words for someone that stood right before the name ("rapper Kanye West"): a description
    /// with one as its head finds the entity by it, but they say nothing of its class ("23
    /// percent Levamisole" is no person).
    known_as: Vec<String>,
    /// Named after a preposition of place ("in South Harbour"): no person, and no body that a
    /// description of one ("the company") stands for.
    place: bool,
    /// Described after it as a thing made ([`Lang::works`]: "Harbour Learn is the port's
    /// educational initiative", "Harbour Nights, a documentary about the port,"): no one,
    /// though it may seem to speak.
    thing: bool,
    /// Bits: 1 a man, 2 a woman (3 both: a family's surname), 0 not known; from a title or a
    /// word for someone given to the name ("Mrs", "his wife Suzanne"), or from "he" or "she"
    /// after the name in its sentence ([`Memory::learn_genders`]). A pronoun of the other does
    /// not go to it. (Not from the pronouns resolved to it: one wrong resolution would turn
    /// every later one.)
    gender: u8,
    /// The paragraph where it last spoke, if it spoke.
    spoke: Option<usize>,
    /// Named as the subject of a speech verb outside a quotation ("Lucy Brandt said it was her
    /// first vigil"): someone the text reports on, as a role or a quotation would tell.
    reported: bool,
    /// The paragraph where it was last named.
    seen: usize,
}

#[derive(Default)]
pub struct Memory {
    /// Oldest first, each in a box of its own: a full memory forgets its oldest entity by
    /// `remove(0)`, which moves pointers, not 256 entities (that was a quarter of the analysis
    /// of a page full of names).
    #[allow(clippy::vec_box)]
    entities: Vec<Box<Entity>>,
    /// Names in the current paragraph's frame, by byte offset: (offset, entity index +
    /// `forgotten` when it was named), read through [`Memory::here`]; once the paragraph is
    /// observed, its first [`NEAR`] only.
    here: Vec<(usize, usize)>,
    /// The previous paragraph's `here`, in the order its names stood; or an earlier one's,
    /// carried over the paragraphs that go on about its people without naming one ("Mr Kofi
    /// Mensah told reporters … / He argued that … / “…,” he stated").
    last: Vec<(usize, usize)>,
    /// How many paragraphs `last` has been carried over (0: it is the previous paragraph's).
    carried: usize,
    /// Whether the paragraph just read carries `last` over: it opens with a pronoun for someone
    /// or a description of one ("He argued", "The official explained") and names no person.
    carries: bool,
    /// How many entities the memory has forgotten: an entity's index falls by one with each (a
    /// count rather than a pass over `here` each time, which made a paragraph quadratic in its
    /// names).
    forgotten: usize,
    /// A buffer for the name being read.
    name: String,
    /// The entities' keys, in their order, each with the link of its chain: (key, the previous
    /// entity of its bucket as in [`Memory::heads`]).
    keys: Vec<(u64, usize)>,
    /// [`BUCKETS`] chains of the entities by a key's top bits: the latest entity of each bucket,
    /// as its index + `forgotten` + 1 (0: none), each entity linking to the previous one of its
    /// bucket. A chain runs newest to oldest, so a look-up meets the latest of a key first, as the
    /// scan of all keys it replaces did, and stops at the first entity forgotten (all after it are
    /// older): forgetting needs no unlinking. (The scan compared each name with up to 256 keys:
    /// a quarter of the analysis of a page of fiction.)
    heads: Vec<usize>,
    /// The language of the paragraph being read.
    lang: Option<&'static Lang>,
}

fn lower_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| crate::text::case::lower_str(w.trim_end_matches('.')))
        .collect()
}

/// A hash of a name's [`lower_words`].
fn key(words: &[String]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for w in words {
        for b in w.bytes().chain([0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

fn class_of(lang: &Lang, words: &[String], roles: &[String]) -> Option<bool> {
    // (or whose last word is a body's or a document's: "Harbour Freight Report")
    if body_role(lang, roles)
        || words.iter().any(|w| contains(lang.org_words, w))
        || words.len() > 1 && words.last().is_some_and(|w| contains(lang.org_heads, w))
    {
        return Some(true);
    }
    if roles
        .iter()
        .any(|r| contains(lang.person_heads, r) || contains(lang.titles, r))
        || words.len() >= 2
    {
        return Some(false);
    }
    None
}

/// Whether the name run `tokens[start..k]` is the subject of a speech verb: one right after it,
/// or after a word that stands between a subject and its verb ("Ada Lind said", "Lind also
/// told", not "from Harbour Point to recounting"), or its participle after a comma ("Lind,
/// writing in …", where a finite verb may be another's: "…, an officer of the Harbour Board,
/// said"). Not where a verb or "that" opens the name's clause: "said Lind believes", "that Lind
/// had reported"; nor a possessive: "Lind's email".
#[inline(never)]
fn reports(text: &Text, tokens: &[Token], start: usize, k: usize) -> bool {
    // (words as written: a verb after a name is in lower case; the cheap tests first, as this
    // runs for every name: a verb is a lower-case word of three letters or more)
    let lang = text.lang;
    let at = |j: usize| tokens.get(j).filter(|t| t.is_word()).map(|t| word(text, t));
    // (not a verb of asking: who speaks next is the one asked)
    let verb = |j: usize| {
        at(j).is_some_and(|w| {
            w.len() > 2
                && w.starts_with(|c: char| c.is_lowercase())
                && lang.is_cue_verb(w)
                && !contains(lang.asking, w)
        })
    };
    let ing = |j: usize| {
        !lang.progressive_suffix.is_empty()
            && at(j).is_some_and(|w| w.ends_with(lang.progressive_suffix))
    };
    (verb(k)
        || if tokens.get(k).is_some_and(|t| t.is_punct(',')) {
            ing(k + 1) && verb(k + 1)
        } else {
            !ing(k + 1) && at(k).is_some_and(|w| contains(lang.between, w)) && verb(k + 1)
        })
        && !is_possessor(lang, word(text, tok(tokens, k - 1)))
        && !at(start.wrapping_sub(1))
            .is_some_and(|w| lang.is_cue_verb(w) || contains(lang.clause_openers, w))
}

/// Whether roles name a body: a word for one that no word for someone follows, which it would
/// modify ("the port's campaign manager", "a union leader" are people; the role words of an
/// apposition are kept in their order).
fn body_role(lang: &Lang, roles: &[String]) -> bool {
    roles.iter().enumerate().any(|(i, r)| {
        contains(lang.org_heads, r)
            && !roles
                .get(i + 1)
                .is_some_and(|n| head_class(lang, n) == Some(false))
    })
}

/// The document a name is the author of, where the text introduces one by it ("a new report
/// released on Monday by the Harbour Institute"): the name takes the document's word as a role,
/// so that "the report" later is the institute's, as "the institute" would be. Only a document
/// introduced with an indefinite determiner, within seven words before the agent's preposition:
/// "the ministry was criticised by Amnesty" gives Amnesty no role.
#[inline(never)]
fn authored(text: &Text, tokens: &[Token], start: usize) -> Option<String> {
    let lang = text.lang;
    let lower = |k: usize| super::attribution::lower_tok(text, tokens, k);
    let mut by = start.checked_sub(1)?;
    if contains(lang.definite, &lower(by)) {
        by = by.checked_sub(1)?;
    }
    if *lower(by) != *lang.agent {
        return None;
    }
    let sentence = tok(tokens, by).sentence;
    let indefinite = |k: usize| {
        let l = lower(k);
        tok(tokens, k).is_word() && contains(lang.determiners, &l) && !contains(lang.definite, &l)
    };
    // (a loop, not an iterator chain: its adapters cost the .wasm half a kilobyte)
    let mut k = by;
    while k > by.saturating_sub(7) {
        k -= 1;
        let t = tok(tokens, k);
        if t.sentence != sentence || !t.is_word() {
            break;
        }
        let l = lower(k);
        if contains(lang.org_heads, &l) && (k.saturating_sub(2)..k).any(indefinite) {
            return Some(l.to_string());
        }
    }
    None
}

/// The head of a description the name run `tokens[start..end]` stands in apposition to, as a
/// role: "The operator, Kessel Lines, said", "Kessel Lines, the ferry operator, said" or "Kessel
/// Lines is the ferry operator." give "operator". The description is a determiner and at most
/// three lower-case words, set off by commas (or after a copula).
#[inline(never)]
fn apposition_head(text: &Text, tokens: &[Token], start: usize, end: usize) -> Option<String> {
    let lower_word = |k: usize| {
        let t = tokens.get(k).filter(|t| t.is_word())?;
        let w = word(text, t);
        (!is_capitalized(w) || k == 0 || tok(tokens, k - 1).sentence != t.sentence)
            .then(|| Lower::new(w).to_string())
    };
    let comma = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct(','));
    // before: `<det> … <head> , <name> ,`
    if start >= 2 && comma(start - 1) && comma(end) {
        let head = lower_word(start - 2).filter(|h| !contains(text.lang.determiners, h));
        let det = (start.saturating_sub(5)..start - 2)
            .rev()
            .take_while(|&k| lower_word(k).is_some())
            .any(|k| lower_word(k).is_some_and(|w| contains(text.lang.determiners, &w)));
        if det && head.is_some() {
            return head;
        }
    }
    // after: `<name> , <det> … <head> ,`, or a copula for the comma: "Harbour Learn is the
    // port's educational initiative."
    let copula = lower_word(end).is_some_and(|w| contains(text.lang.copulas, &w));
    // (after a copula a possessive is a determiner too: "is Mozilla's")
    if (copula || comma(end))
        && (lower_word(end + 1).is_some_and(|w| contains(text.lang.determiners, &w))
            || copula && is_possessor(text.lang, word(text, tok(tokens, end + 1))))
    {
        let close = (end + 2..(end + 14).min(tokens.len())).find(|&k| !tok(tokens, k).is_word())?;
        if close > end + 2 && close <= end + 5 && (comma(close) || tok(tokens, close).is_punct('.'))
        {
            return lower_word(close - 1);
        }
        // a longer description that a phrase follows ("The Northern Ledger, a newspaper close
        // to the government, …"): its first noun of a known class, right after the determiner
        // or one adjective
        if comma(close) || tok(tokens, close).is_punct('.') {
            return (end + 2..(end + 4).min(close))
                .filter_map(lower_word)
                .find(|w| {
                    contains(text.lang.org_heads, w)
                        || contains(text.lang.person_heads, w)
                        || contains(text.lang.works, w)
                });
        }
    }
    None
}

/// Whether the text knows the entity as someone by more than its name: it spoke, was reported
/// speaking, or has a role.
fn known(e: &Entity) -> bool {
    e.spoke.is_some() || e.reported || !e.roles.is_empty()
}

fn person_like(e: &Entity) -> bool {
    e.org != Some(true)
}

fn org_like(e: &Entity) -> bool {
    e.org != Some(false)
}

/// What word `l` tells of a person's gender ([`Entity::gender`]).
fn gender_of(lang: &Lang, l: &str) -> u8 {
    if contains(lang.male, l) {
        1
    } else {
        // (and a word for someone in its feminine -in where nouns are capitalised: "die
        // Ministerin", "Sprecherin")
        2 * u8::from(
            contains(lang.female, l)
                || lang.capitalised_nouns
                    && l.strip_suffix("in")
                        .is_some_and(|m| in_list(lang, lang.person_heads, m)),
        )
    }
}

impl Memory {
    /// The names of the current paragraph's frame: (byte offset, entity index; an entity
    /// forgotten since reads as the oldest one, as it always has).
    fn here(&self) -> impl DoubleEndedIterator<Item = (usize, usize)> + '_ {
        self.here
            .iter()
            .map(|&(at, n)| (at, n.saturating_sub(self.forgotten)))
    }

    /// The names of `last` as [`Memory::here`] reads its own, in the order they stood.
    fn last(&self) -> impl Iterator<Item = usize> + '_ {
        self.last
            .iter()
            .map(|&(_, n)| n.saturating_sub(self.forgotten))
    }

    pub fn lang(&self) -> &'static Lang {
        self.lang.unwrap_or(ALL[0])
    }

    /// Notes the names standing in a paragraph's frame (outside quotations) so that later short
    /// forms and pronouns can find them.
    #[inline(never)]
    pub fn observe(&mut self, paragraph: usize, text: &Text, tokens: &[Token]) {
        self.lang = Some(text.lang);
        if self.carries {
            self.carried += 1;
        } else {
            std::mem::swap(&mut self.here, &mut self.last);
            self.carried = 0;
        }
        self.here.clear();
        // (a word in lower case, or none where token `j` is no word)
        let lower_at = |j: usize| {
            Some(tok(tokens, j))
                .filter(|t| t.is_word())
                .map(|t| Lower::new(word(text, t)))
        };
        let mut k = 0;
        while k < tokens.len() {
            if !tok(tokens, k).is_word() || !is_capitalized(word(text, tok(tokens, k))) {
                k += 1;
                continue;
            }
            // a run of at most six capitalised words; a capitalised function word or pronoun ends
            // it: "Turkey I dined" (only a capitalised word is asked whether it is one); a
            // particle between two of them that is no article runs it on ("Asociación Bienestar y
            // Desarrollo"), not after a sentence's first word ("Even de Vries") nor where every
            // noun is capitalised ("Meinung von Mike Brown")
            let start = k;
            k += 1;
            let sentence_initial =
                start == 0 || tok(tokens, start - 1).sentence != tok(tokens, start).sentence;
            let capital = |k: usize| {
                tokens.get(k).is_some_and(|t| {
                    t.is_word()
                        && is_capitalized(word(text, t))
                        && !text.lang.is_function_word(&Lower::new(word(text, t)))
                })
            };
            let mut bridged = false;
            while k - start < 8 {
                // (a possessive ends it: "the Harbour League's Ada Lind" is someone of a body)
                if is_possessor(text.lang, word(text, tok(tokens, k - 1))) {
                    break;
                }
                if capital(k) {
                    k += 1;
                } else if !(text.lang.capitalised_nouns || sentence_initial && k - start == 1)
                    // (the cheap tests first: a particle is a short lower-case word)
                    && tokens.get(k).is_some_and(|t| {
                        let w = word(text, t);
                        w.len() <= 3
                            && w.starts_with(|c: char| c.is_ascii_lowercase())
                            && contains(text.lang.name_particles, w)
                            && !contains(text.lang.determiners, w)
                    })
                    && capital(k + 1)
                {
                    k += 2;
                    bridged = true;
                } else {
                    break;
                }
            }
            // (unless a body's name runs on from it: "Centre for Coastal Change said")
            let body = |k: usize| {
                if tokens.get(k).is_some_and(|t| {
                    t.is_word() && contains(text.lang.role_stops, &Lower::new(word(text, t)))
                }) {
                    body_end(text, tokens, start, k)
                } else {
                    k
                }
            };
            // (after a capitalised function word opening the sentence, the name is not first
            // in it: "While Trump affirmed …", "But Bryant said …")
            let one = start + usize::from(k - start == 2 && sentence_initial && !capital(start));
            let initial = sentence_initial && one == start;
            if k - one == 1 && body(k) == k {
                // "Washington" as a first word may be any capitalised word (before the titles are
                // looked for: a run of one word has none to drop but a function word, and is
                // skipped then too); but the surname of the one person named in full before is
                // that person, first in its sentence or not ("Jacques Nienaber … / Nienaber also
                // pointed to …", "a confident Nienaber said"), where a pronoun after it goes
                // ("James Gleick's Chaos" is a book of his). Not where two share it ("Donald
                // Trump", "Melania Trump").
                let t = tok(tokens, one);
                let w = Lower::new(without_possessive(word(text, t)));
                let mut found = None;
                for (i, e) in self.entities.iter().enumerate() {
                    if e.words.len() > 1 && e.words.last().is_some_and(|l| **l == *w) {
                        found = if found.is_none()
                            && e.org == Some(false)
                            && !is_possessor(text.lang, &e.words[e.words.len() - 2])
                        {
                            Some(i)
                        } else {
                            Some(usize::MAX)
                        };
                    }
                }
                // Nor where it modifies a word for someone or a body after it ("McConnell
                // spokesman Don Stewart", "Rubio's campaign"; looked at last, as this runs for
                // every sentence's first word). It is noted where it stands, not as seen: a
                // pronoun before it in the paragraph still finds the person by the paragraphs
                // before.
                // Within a sentence, only where it may be the subject: not someone's, nor after a
                // preposition ("the good news for Cruz, Woolson said, …": a pronoun after it goes
                // to the first person named in its paragraph), and with a verb or a comma next
                // ("will back Trump because …"); and only a person the text knows as one, who
                // spoke or has a role or a gender, or whose full name is letters alone (a name
                // of two words with digits may be a machine's: "the LGP-30" after "the Royal
                // McBee LGP-30").
                let subject = |e: &Entity| {
                    let next = tok(tokens, k);
                    // (or right after "And" or "But" opening the sentence: "But Lind's plan …"
                    // is about the same person; not after a word that opens a clause of its
                    // own, "While Lind …", nor an article or a preposition)
                    initial
                        || one > start
                            && sentence_initial
                            && lower_at(start).is_some_and(|w| contains(text.lang.coordinators, &w))
                        || (e.spoke.is_some()
                            || !e.roles.is_empty()
                            || e.gender != 0
                            || e.words
                                .iter()
                                .flat_map(|w| w.chars())
                                .all(char::is_alphabetic))
                            && !is_possessor(text.lang, word(text, t))
                            && !lower_at(one.wrapping_sub(1))
                                .is_some_and(|w| contains(text.lang.prepositions, &w))
                            && (next.is_punct(',')
                                || !is_capitalized(word(text, next))
                                    && lower_at(k).is_some_and(|w| {
                                        !contains(text.lang.prepositions, &w)
                                            && !contains(text.lang.clause_openers, &w)
                                    }))
                };
                if let Some(i) = found.filter(|&i| {
                    i < usize::MAX
                        && !tokens.get(k).is_some_and(|n| {
                            n.is_word()
                                && head_class(text.lang, &Lower::new(word(text, n))).is_some()
                        })
                        && subject(&self.entities[i])
                }) {
                    self.entities[i].reported |= reports(text, tokens, start, k);
                    self.here.push((t.start, i + self.forgotten));
                    continue;
                }
                if initial {
                    continue;
                }
            }
            // drop leading function words and titles
            let (name_from, roles) = split_titles(text, &tokens[start..k]);
            let from = office_name_from(text, tokens, start, k, start + name_from);
            if from >= k {
                continue;
            }
            // a body's name runs on through its "of" ("Centre for Coastal Change"), not through
            // "and" before it: countries are bodies ("the U.S. and North Korea")
            k = body(k);
            let mut name = std::mem::take(&mut self.name);
            name.clear();
            for (n, t) in tokens[from..k].iter().enumerate() {
                if n > 0 {
                    name.push(' ');
                }
                name.push_str(word(text, t));
            }
            let trimmed = without_possessive(&name);
            let mut roles = roles;
            // (a head of a description after the name, not before it: "The author of the book,
            // Mitchell Zuckoff," reads its head at its end)
            let head = apposition_head(text, tokens, start, k);
            let thing = head
                .as_deref()
                .is_some_and(|h| contains(text.lang.works, h))
                && !tokens
                    .get(start.wrapping_sub(1))
                    .is_some_and(|t| t.is_punct(','));
            roles.extend(head);
            roles.extend(authored(text, tokens, start));
            // a name after a preposition of place is no person ("killed in South Carolina"),
            // unless it owns what stands there ("in Okafor's view")
            let lang = text.lang;
            let place_prep =
                |j: usize| lower_at(j).is_some_and(|w| contains(lang.place_prepositions, &w));
            // (or after one and "the", when no noun follows that the name modifies: "in the
            // Northern Isles it is …", not "in the Okafor administration")
            let the_place = start > 1
                && place_prep(start - 2)
                && lower_at(start - 1).is_some_and(|w| contains(lang.definite, &w))
                && lower_at(k).map_or(true, |w| lang.is_function_word(&w));
            let place = from == start
                && trimmed.len() == name.len()
                && start > 0
                && (place_prep(start - 1) || the_place);
            let idx = self.note(trimmed, roles, paragraph);
            let e = &mut self.entities[idx];
            e.reported |= reports(text, tokens, start, k);
            // a word for someone right before the name is one that "the expert" finds it by
            // ("rapper Kanye West", "security expert Kim Sang-ki"), though not its role: its
            // class, and so where a pronoun goes, stay as they were
            // (where nouns are capitalised, a lower-case word is none; the cheap tests first:
            // most words before a name are short function words, "by", "and", "said")
            if let Some(before) = tokens
                .get(from.wrapping_sub(1))
                .filter(|t| t.is_word() && t.end - t.start > 4 && !lang.capitalised_nouns)
                .filter(|t| !is_capitalized(word(text, t)))
            {
                let l = Lower::new(word(text, before));
                if head_class(lang, &l).is_some() && !e.known_as.iter().any(|r| **r == *l) {
                    e.known_as.push(l.to_string());
                }
            }
            e.thing |= thing;
            if place && e.roles.is_empty() {
                e.org = Some(true);
                e.place = true;
            }
            // (what its titles and the word before it tell of a person: "Mrs", "Sir", "his wife
            // Suzanne", "die Ministerin")
            let word_before = tokens
                .get(from.wrapping_sub(1))
                .map(|t| Lower::new(word(text, t)));
            let g = e
                .roles
                .iter()
                .map(|r| r.as_str())
                .chain(word_before.as_deref())
                .fold(0, |g, l| g | gender_of(lang, l));
            // (or both: "Mr. and Mrs. Trump", a family's surname; then any pronoun goes to it)
            e.gender |= g;
            // a name opening its clause that goes on with the body's possessive within two words
            // is a body's ("Harbour Code published its survey", "…, Harbour Code said in its
            // report"), where nothing else tells its class: "the site" later finds it. (The
            // possessive is the body's pronoun with its "s": "its"; none where it would be a
            // person's as well. It is read as written: a lower-case word mid-sentence.)
            let its = |j: usize| {
                let w = word(text, tok(tokens, j));
                contains(lang.possessives, w)
                    && w.strip_suffix('s')
                        .is_some_and(|p| contains(lang.org_pronouns, p))
            };
            if (from == 0 || !tok(tokens, from - 1).is_word())
                && e.roles.is_empty()
                && e.gender == 0
                && e.org == Some(false)
                && (its(k + 1) || its(k + 2))
            {
                e.org = Some(true);
            }
            // (a name run on through a particle is no person by its length alone: "Cinco de
            // Mayo", a body's "Bienestar y Desarrollo"; its roles may still say)
            // (nor is a run between a determiner and a word for a person, which it modifies: "the
            // Independent Vermont senator", "the Harbour Union boss")
            // (the cheap tests first: a short word before, a lower-case word after)
            let modifier = || {
                from > 0
                    && tokens
                        .get(from - 1)
                        .is_some_and(|t| t.is_word() && t.end - t.start <= 5)
                    && tokens
                        .get(k)
                        .is_some_and(|t| t.is_word() && !is_capitalized(word(text, t)))
                    && lower_at(from - 1).is_some_and(|w| contains(lang.determiners, &w))
                    && lower_at(k).is_some_and(|w| head_class(lang, &w) == Some(false))
            };
            // (nor one whose possessive stands before a full name: "Florida's Rick Wilson",
            // "HuffPost Live's Alyona Minkovski" are someone of a place or a body)
            let owns_a_name = || {
                is_possessor(lang, word(text, tok(tokens, k - 1))) && capital(k) && capital(k + 1)
            };
            if e.roles.is_empty()
                && e.org == Some(false)
                && (bridged || modifier() || owns_a_name())
            {
                e.org = None;
            }
            self.name = name;
            self.here
                .push((tok(tokens, from).start, idx + self.forgotten));
        }
        self.learn_genders(text, tokens);
        // (a few paragraphs at most: a long stretch without a name has left them behind)
        let lang = text.lang;
        // (the cheap tests first: a pronoun or an article is a short word)
        let opens_on_someone = || {
            tokens.first().is_some_and(|t| t.end - t.start <= 6)
                && lower_at(0).is_some_and(|w| {
                    contains(lang.subject_pronouns, &w) && !contains(lang.writer_pronouns, &w)
                        || contains(lang.definite, &w)
                            && lower_at(1).is_some_and(|h| head_class(lang, &h) == Some(false))
                })
        };
        self.carries = self.carried < 2
            && !self
                .here()
                .any(|(_, i)| self.entities.get(i).is_some_and(|e| e.org == Some(false)))
            && opens_on_someone();
        // (the paragraph's first names are those its pronouns and descriptions look among: each
        // look-up reads them all, which a paragraph naming thousands made quadratic)
        self.here.truncate(NEAR);
    }

    /// What a sentence tells of the gender of the one person it names: "he" or "she" after the
    /// name ("Hillary Clinton turned to a subject that she …"), where no "his" or "her" before it
    /// says otherwise ("Chuck Lind was asleep when his dog began barking, indicating she …"),
    /// outside the
    /// quotations. Not where someone else stands between them: another name, or a word for a
    /// person ("Lind criticised the mayor because he …").
    fn learn_genders(&mut self, text: &Text, tokens: &[Token]) {
        let lang = text.lang;
        // whether a word for a person stands between the name at token `from` and token `to`,
        // outside an apposition right after the name, whose word is the named one's ("Tom Berg,
        // the port's director, said he …"); looked up only once a pronoun is found
        let someone_between = |from: usize, to: usize| {
            let mut within = 1;
            tokens.get(from + 1..to).unwrap_or(&[]).iter().any(|t| {
                let w = word(text, t);
                within = match within {
                    1 if t.is_word() && is_capitalized(w) => 1,
                    1 | 2 if t.is_punct(',') => within + 1,
                    2 => 2,
                    _ => 0,
                };
                within != 2
                    && t.is_word()
                    && !is_capitalized(w)
                    && head_class(lang, &Lower::new(w)) == Some(false)
            })
        };
        // (the paragraph's names in order, each read on from where it stands to the end of its
        // sentence or the next person named: the words after names, not every word)
        let mut last: Option<(usize, usize)> = None;
        for (n, &(at, i)) in self.here.iter().enumerate() {
            let i = i.wrapping_sub(self.forgotten);
            // (a person whose gender is known already is read no further)
            let Some(e) = self.entities.get(i).filter(|e| e.org == Some(false)) else {
                continue;
            };
            let known = e.gender != 0;
            let from = tokens.partition_point(|t| t.start < at);
            let Some(sentence) = tokens.get(from).map(|t| t.sentence) else {
                continue;
            };
            // (one person in the sentence: none other before, and the same one read once)
            if last
                .replace((sentence, i))
                .is_some_and(|(s, _)| s == sentence)
                || known
            {
                continue;
            }
            // (the next person named after it, among the next 16 names: a bound that keeps a
            // paragraph of many sentences and names linear in its length; a sentence that names
            // 16 others first is read only to its end)
            let stop = self.here[n + 1..]
                .iter()
                .take(16)
                .find(|&&(_, j)| {
                    self.entities
                        .get(j.wrapping_sub(self.forgotten))
                        .is_some_and(|e| e.org != Some(true))
                        && j.wrapping_sub(self.forgotten) != i
                })
                .map_or(usize::MAX, |&(a, _)| a);
            let mut owner = 0;
            for (k, t) in tokens.iter().enumerate().skip(from + 1) {
                if t.sentence != sentence || t.start >= stop {
                    break;
                }
                // (a pronoun is a word of four letters at most, in lower case within its
                // sentence, looked up as written; "his" or "her" before it must agree, as either
                // may be another's: "Lind was asleep when his dog began barking, indicating
                // she …")
                if !t.is_word() || t.end - t.start > 4 {
                    continue;
                }
                let w = word(text, t);
                let g = gender_of(lang, w);
                if g == 0 {
                    continue;
                }
                if contains(lang.possessives, w) {
                    owner |= g;
                } else if contains(lang.subject_pronouns, w) {
                    if owner & !g == 0 && !someone_between(from, k) {
                        if let Some(e) = self.entities.get_mut(i).filter(|e| e.gender == 0) {
                            e.gender = g;
                        }
                    }
                    break;
                }
            }
        }
    }

    /// Adds or refreshes a named entity; returns its index.
    #[inline(never)]
    fn note(&mut self, name: &str, roles: Vec<String>, paragraph: usize) -> usize {
        // (the name's words in lower case, once: they find it, and a new entity keeps them)
        let words = lower_words(name);
        let key = key(&words);
        // the latest of that key and those words (two names of one hash were never seen in
        // practice; the words tell them apart)
        if self.heads.is_empty() {
            self.heads = vec![0; BUCKETS];
        }
        // (the top bits: FNV's low bits mix only the bytes' low bits)
        let bucket = (key >> (64 - BUCKETS.trailing_zeros())) as usize;
        let mut link = self.heads[bucket];
        let mut found = None;
        while link > self.forgotten {
            let i = link - 1 - self.forgotten;
            let (k, previous) = self.keys[i];
            if k == key && self.entities[i].words == words {
                found = Some(i);
                break;
            }
            link = previous;
        }
        if let Some(i) = found {
            let lang = self.lang();
            let e = &mut self.entities[i];
            e.seen = paragraph;
            for r in roles {
                if !e.roles.contains(&r) {
                    e.roles.push(r);
                }
            }
            if e.org.is_none() {
                e.org = class_of(lang, &e.words, &e.roles);
            }
            return i;
        }
        if self.entities.len() >= MAX_ENTITIES {
            self.entities.remove(0);
            self.keys.remove(0);
            self.forgotten += 1;
        }
        let org = class_of(self.lang(), &words, &roles);
        self.keys.push((key, self.heads[bucket]));
        self.heads[bucket] = self.keys.len() + self.forgotten;
        self.entities.push(Box::new(Entity {
            name: name.to_string(),
            words,
            org,
            roles,
            known_as: Vec::new(),
            place: false,
            thing: false,
            gender: 0,
            spoke: None,
            reported: false,
            seen: paragraph,
        }));
        self.entities.len() - 1
    }

    fn recent_speaker(&self, paragraph: usize, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.spoke.is_some_and(|p| p + LOOK_BACK >= paragraph) && fits(e))
            .max_by_key(|(i, e)| (e.spoke, *i))
            .map(|(i, _)| i)
    }

    /// The most recent named person (or organisation) of this paragraph and the last, when
    /// nobody has spoken yet: "Port director Jane Okafor spoke. “…,” she said." In the pronoun's
    /// own paragraph only one named before byte `before` (not the one it speaks to: "she told Ben
    /// Lind"). Of the previous paragraph's, the first that the text knows as someone by a role or
    /// by speaking comes first, its subject as a rule ("Ada Okafor, chief of the port, said she
    /// could not believe Ben Lind's plan. / “…,” she said"; the latest named would be Lind);
    /// then the first it names at all ("Tom Ridley, one of Harbour Valley's bosses, said …");
    /// then the latest seen there by a mention.
    fn recent_seen(&self, paragraph: usize, person: bool, g: u8, before: usize) -> Option<usize> {
        let fits =
            |e: &Entity| e.org == Some(!person) && !e.place && (e.gender == 0 || e.gender & g == g);
        // (one pass over the paragraph's names, not one per entity)
        self.here()
            .filter(|&(at, i)| at < before && self.entities.get(i).is_some_and(|e| fits(e)))
            .map(|(_, i)| i)
            .max()
            .or_else(|| {
                self.last()
                    .find(|&i| self.entities.get(i).is_some_and(|e| fits(e) && known(e)))
            })
            .or_else(|| {
                self.last()
                    .find(|&i| self.entities.get(i).is_some_and(|e| fits(e)))
            })
            .or_else(|| {
                self.entities
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, e)| {
                        e.seen + 2 + self.carried > paragraph && e.seen < paragraph && fits(e)
                    })
                    .max_by_key(|(i, e)| (e.seen, *i))
                    .map(|(i, _)| i)
            })
    }

    /// Records that the entity called `name` spoke in `paragraph`.
    pub fn spoke(&mut self, name: &str, paragraph: usize) {
        if let Some(e) = self.entities.iter_mut().rev().find(|e| e.name == name) {
            e.spoke = Some(paragraph);
        }
    }

    /// The resolved name of a speaker mention at `paragraph`; records the entity as a speaker.
    pub fn resolve(&mut self, m: &Mention, paragraph: usize) -> String {
        self.resolve_as(m, paragraph, true)
    }

    /// The resolved name of a mention that may speak (an attribution ending a paragraph, for a
    /// quotation that may open the next one): not recorded as a speaker, so that "The pier
    /// opened on Monday." does not make its subject one that later pronouns go back to.
    pub fn name_of(&mut self, m: &Mention, paragraph: usize) -> String {
        self.resolve_as(m, paragraph, false)
    }

    fn resolve_as(&mut self, m: &Mention, paragraph: usize, speaks: bool) -> String {
        let found = match m.kind {
            MentionKind::Name => Some(self.resolve_name(m, paragraph)),
            // the first and second person outside a quotation are the writer and the reader
            // ("I asked him", "you'll see"), nobody the text names
            MentionKind::Pronoun if contains(self.lang().writer_pronouns, &m.head) => None,
            MentionKind::Pronoun => {
                let person = !contains(self.lang().group_pronouns, &m.head);
                // ("she" is no one known as a man)
                let g = gender_of(self.lang(), &m.head);
                let fits = |e: &Entity| {
                    (if person { person_like(e) } else { org_like(e) })
                        && (e.gender == 0 || e.gender & g == g)
                };
                let first_here = self
                    .here()
                    .filter(|&(at, i)| at < m.start && i < self.entities.len())
                    .map(|(_, i)| i)
                    .find(|&i| {
                        let e = &self.entities[i];
                        fits(e)
                            && (if person {
                                e.org == Some(false)
                            } else {
                                e.org == Some(true)
                            })
                    });
                // (one who spoke earlier in the paragraph goes on: "Ben Lind's plan is “a
                // mistake,” said Ada Okafor. “…,” she said", though another was named first)
                let speaker = self.recent_speaker(paragraph, fits);
                // (and one who spoke before the paragraph before gives way to the person that
                // paragraph is about: "Cllr Ada Okafor said: “…” / Cllr Ben Lind felt that … / He
                // said: “…”", the first person it names in full that the text knows by a role or
                // as a speaker; a surname alone may be another's of that name)
                let about = || {
                    speaker.filter(|&s| {
                        self.entities[s]
                            .spoke
                            .is_some_and(|p| p + 1 + self.carried < paragraph)
                    })?;
                    self.last().find(|&i| {
                        self.entities.get(i).is_some_and(|e| {
                            fits(e) && e.org == Some(false) && e.words.len() > 1 && known(e)
                        })
                    })
                };
                (if speaker.is_some_and(|i| self.entities[i].spoke == Some(paragraph)) {
                    speaker
                } else {
                    first_here.or_else(about).or(speaker)
                })
                .or_else(|| self.recent_seen(paragraph, person, g, m.start))
            }
            MentionKind::Description if m.definite => {
                let by_role = self
                    .entities
                    .iter()
                    .enumerate()
                    // (or whose name of two words or more holds it: "the court" is the Harbour
                    // Court named before)
                    .filter(|(_, e)| {
                        e.seen + LOOK_BACK >= paragraph
                            && (e.roles.contains(&m.head)
                                || e.known_as.contains(&m.head)
                                || e.words.len() > 1 && e.words.contains(&m.head))
                    })
                    .max_by_key(|(i, e)| (e.spoke.unwrap_or(e.seen), *i))
                    .map(|(i, _)| i);
                // "the daily", "the board": an organisation named before it in its paragraph,
                // else one that spoke, else one named in the last two paragraphs (not a person
                // of unknown class); "the expert": a person; no body when the description
                // names its own ("the Not1More campaign", "the Harbour union"; where nouns are
                // not capitalised)
                let named =
                    !self.lang().capitalised_nouns && m.text.split(' ').skip(1).any(is_capitalized);
                by_role.or_else(|| match head_class(self.lang(), &m.head) {
                    Some(true) if named => None,
                    Some(true) => self
                        .here()
                        .rev()
                        .filter(|&(at, i)| at < m.start && i < self.entities.len())
                        .map(|(_, i)| i)
                        .find(|&i| self.entities[i].org == Some(true) && !self.entities[i].place)
                        .or_else(|| self.recent_speaker(paragraph, |e| e.org == Some(true)))
                        .or_else(|| self.recent_seen(paragraph, false, 0, m.start)),
                    // (not someone of someone else's: "the mayor's spokesman", "his partner",
                    // nor of a body it names, "the leader of the Harbour League", nor people:
                    // "the officials")
                    Some(false)
                        if !of_a_body(self.lang(), &m.text)
                            && (!m.head.ends_with('s') || m.head.ends_with("ss"))
                            && !m.text.split(' ').enumerate().any(|(n, w)| {
                                is_possessor(self.lang(), w)
                                    || n == 0 && contains(self.lang().possessives, &Lower::new(w))
                            }) =>
                    {
                        self.recent_speaker(paragraph, person_like)
                    }
                    _ => None,
                })
            }
            MentionKind::Description => None,
        };
        let lang = self.lang();
        match found {
            Some(i) => {
                let e = &mut self.entities[i];
                if speaks {
                    e.spoke = Some(paragraph);
                }
                for r in m
                    .roles
                    .iter()
                    .chain((m.kind == MentionKind::Description).then_some(&m.head))
                {
                    if !e.roles.contains(r) {
                        e.roles.push(r.clone());
                    }
                }
                if let Some(c) = class_of(lang, &e.words, &e.roles) {
                    if e.org.is_none() || body_role(lang, &m.roles) {
                        e.org = Some(c);
                    }
                }
                // (a thing made is no one: no name, so no speaker)
                if e.thing {
                    String::new()
                } else {
                    e.name.clone()
                }
            }
            None => m.text.clone(),
        }
    }

    /// Whether a one-word name standing first in its sentence is known as a name: named
    /// elsewhere in the text where a capital tells (mid-sentence, or in a longer name). A
    /// sentence's first word is capitalised whatever it is ("Unless", "Furthermore", "Feel").
    pub fn knows(&self, name: &str) -> bool {
        let w = Lower::new(name);
        self.entities
            .iter()
            .any(|e| e.words.iter().any(|x| *x == *w))
    }

    /// Whether the text vouches for a name as someone's: under its own words or a longer form
    /// it shortens ("Okafor" after "Ada Okafor"), it spoke before, carries a role (a title or an
    /// apposition) or was given in full.
    ///
    /// For a headline's name (`headline`), whether the text names it anywhere as someone's, not
    /// a place's: as it stands, in a longer form, or by its last word where titles or a given
    /// name stand before the name the text uses ("Harbour Chief Okafor", "Ada Okafor" for
    /// "Okafor", "François Hollande" for "Francois Hollande"). A headline's speaker speaks only
    /// then.
    pub fn vouches(&self, name: &str, headline: bool) -> bool {
        let words = lower_words(without_possessive(name));
        !words.is_empty()
            && self.entities.iter().any(|e| {
                (if headline {
                    !e.place
                } else {
                    e.spoke.is_some() || !e.roles.is_empty() || e.words.len() > 1
                }) && (e.words.ends_with(&words)
                    || e.words.starts_with(&words)
                    || headline && e.words.last() == words.last())
            })
    }

    fn resolve_name(&mut self, m: &Mention, paragraph: usize) -> usize {
        // "Elston's remarks suggest …": the possessive is the person's, not part of the name
        let text = without_possessive(&m.text);
        let words = lower_words(text);
        let longer = self
            .entities
            .iter()
            .enumerate()
            // (a name that opens a longer one is its short form where that one is someone's: a
            // given name of two words, "Ada Okafor", or a name that spoke or has a title, "Yoon
            // Suk-min"; else the longer one may be a product of the maker named: "Apple Vision";
            // nor is a place named after someone theirs: "Okafor" is no "Okafor Tower"); one it
            // ends comes first, a surname's person before a body named after them ("Trump" is
            // "Donald Trump", not "Trump University")
            .filter(|(_, e)| {
                e.words.len() > words.len()
                    && (e.words.ends_with(&words)
                        || e.words.starts_with(&words)
                            && !e.place
                            && (e.words.len() == 2 || e.spoke.is_some() || !e.roles.is_empty()))
            })
            .max_by_key(|(i, e)| {
                (
                    e.words.ends_with(&words),
                    e.spoke.unwrap_or(0).max(e.seen),
                    *i,
                )
            })
            .map(|(i, _)| i);
        match longer {
            Some(i) => {
                self.entities[i].seen = paragraph;
                i
            }
            None => self.note(text, m.roles.clone(), paragraph),
        }
    }
}

/// Whether a description names what its person belongs to or comes from: "the leader of the
/// Harbour League", "a spokesman for the ferry company", "le porte-parole de l'armée", "der
/// Sprecher der Fraktion", "the senator from Vermont". Someone of a body or a place is a person of
/// their own, not whoever spoke last (a role named before still finds them).
fn of_a_body(lang: &Lang, text: &str) -> bool {
    text.split(' ')
        .skip(2)
        .any(|w| contains(lang.role_stops, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chains find a name as the scan of all keys did: the same entity while it is
    /// remembered, whatever its case, and a new one once it is forgotten.
    #[test]
    fn note_finds_the_remembered_and_forgets_the_oldest() {
        let mut m = Memory::default();
        let first = m.note("Ada Okafor", Vec::new(), 0);
        assert_eq!(m.note("ADA OKAFOR", Vec::new(), 1), first);
        for n in 0..MAX_ENTITIES - 1 {
            m.note(&format!("Person Number{n}"), Vec::new(), 2);
        }
        assert_eq!(m.entities.len(), MAX_ENTITIES);
        assert_eq!(m.note("Ada Okafor", Vec::new(), 3), 0);
        assert_eq!(m.note("Person Number5", Vec::new(), 3), 6);
        // one more forgets Ada Okafor: her name is then a new entity, the latest (forgetting the
        // next oldest)
        m.note("Ben Lind", Vec::new(), 4);
        assert_eq!(m.forgotten, 1);
        assert_eq!(m.note("Ada Okafor", Vec::new(), 5), MAX_ENTITIES - 1);
        assert_eq!(m.entities[MAX_ENTITIES - 1].seen, 5);
        assert_eq!(m.note("Ben Lind", Vec::new(), 6), MAX_ENTITIES - 2);
        assert_eq!(m.forgotten, 2);
        assert_eq!(m.note("Person Number5", Vec::new(), 6), 4);
    }
}
