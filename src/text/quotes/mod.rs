//! Where the quotations are, what kind they are, and who speaks them.
//!
//! The engine runs paragraph by paragraph, in one forward pass:
//! 1. [`marks`] pairs quotation marks of every style into top-level quotations (nested ones stay
//!    inside, multi-paragraph quotations are carried, stray marks are bounded);
//! 2. [`tokens`] cuts the frame (the text outside quotations) into words and sentences;
//! 3. [`attribution`] finds each quotation's cue and the [`mention`] it attaches to;
//! 4. [`kind`] decides direct, partial or scare;
//! 5. [`entities`] resolves the mention to the fullest name ("the expert" → "Kim Sang-ki");
//! 6. a quotation with no cue of its own continues the previous quotation's speaker when nothing
//!    intervenes (the same paragraph, or the start of the next one when that one has no cue);
//! 7. at the end of a batch, a speaker that a headline or a label line gave before the text named
//!    anyone keeps its quotations only where the text names it (`QuoteFinder::vouch`).
//!
//! Every step looks at a bounded window around each quotation and the entity memory is bounded,
//! so the cost is linear in the text on any input.

mod attribution;
mod entities;
mod kind;
mod lang;
mod lexicon;
mod marks;
mod mention;
mod tokens;
mod written;

use std::ops::Range;

use super::options::Options;
use super::report::{Position, Quote, QuoteKind, Span, Speaker};
use super::sort::sort_by;
use super::utf16::Utf16Map;
use attribution::Attribution;
use lang::{Counts, Lang, Prior, Text};
use lexicon::{contains, Lower};
use marks::Pairer;
use tokens::{tok, word_char, Kind, Token};

pub use marks::{MAX_QUOTE_PARAGRAPHS, MAX_QUOTE_UNITS};

/// Whether a speaker's name says who speaks: not a pronoun the text left unresolved ("he", "I",
/// "We've", "il"), a document ("Constitution", "the statement") or a description of a thing ("the
/// brochure"). Such a quotation keeps its speaker (the hover shows who the sentence says), but
/// it is nobody to list among the page's speakers or to give a colour of their own: two
/// unresolved "he"s may be two people, and "I" is the writer.
pub fn names_someone(name: &str) -> bool {
    // the pronoun alone, or with a contraction or a full stop ("We've", "it’s", "I."); (`get`,
    // not slicing: a slice's panic path brings the formatting machinery into the module)
    let end = name
        .bytes()
        .position(|b| b == b'\'' || b == b'.' || b == 0xE2)
        .unwrap_or(name.len());
    let word = name.get(..end).unwrap_or(name);
    let rest = name.get(end..).unwrap_or("");
    let bare = rest.len() <= 5 && !rest.contains(' ');
    let pronoun = bare
        && lang::ALL
            .iter()
            .any(|l| contains(l.pronouns, &Lower::new(word)));
    !pronoun && !lang::ALL.iter().any(|l| names_a_thing(l, name))
}

/// Whether a description left as it stands in the text ("the report", "the salient", "his
/// obituary", "the button") names a thing: its head, the last word before a function word, is
/// neither a word for a person or a body of the lexicon nor one of the language's words for
/// one who does something ("the researchers", "a programmer", "one commenter"). (A name that
/// opens with a determiner, "All Might", "the Evolution market", is a name.) A word for a person
/// that is neither ("a turnkey", "the pilot") is missed from the list, not from the quotation.
fn names_a_thing(lang: &Lang, name: &str) -> bool {
    // a document holds words, but no one speaks them: a document's name alone ("The Constitution
    // demands “…”", "la Constitución manda «…»"), a description of one ("the statement read",
    // "Okafor's family statement")
    let document = |w: &str| contains(lang.document_heads, &Lower::new(w));
    let mut words = name.split(' ');
    let first = words.next().unwrap_or(name);
    let Some(second) = words.next() else {
        return document(first);
    };
    if lang.agent_suffixes.is_empty()
        || !(contains(lang.determiners, &Lower::new(first)) || mention::is_possessive(lang, first))
        || mention::is_capitalized(second)
    {
        return false;
    }
    let head = std::iter::once(second)
        .chain(words.take_while(|w| !lang.is_function_word(&Lower::new(w))))
        .last()
        .unwrap_or(second);
    document(head) || !mention::word_for_someone(lang, mention::without_possessive(head))
}

/// The owner of a thing a mention names, who speaks through it: "Ada Kerr's brief argues",
/// "the council's statement said", "Mira's tired shoulders shrugged" (not a person or a body
/// of someone's, "the board's chair", nor a name, "the Tribune's Ada Kerr").
fn owner(text: &Text, tokens: &[Token], m: &mention::Mention) -> Option<mention::Mention> {
    let at = tokens.partition_point(|t| t.start < m.start);
    let end = tokens.partition_point(|t| t.start < m.end);
    let head = mention::word(text.str, tokens.get(end.checked_sub(1)?)?);
    if end < at + 2
        || mention::is_capitalized(head)
        || mention::word_for_someone(text.lang, head)
        || contains(text.lang.titles, &Lower::new(head))
    {
        return None;
    }
    let mut j = end - 1;
    while j > at {
        j -= 1;
        if mention::is_possessor(text.lang, mention::word(text.str, tok(tokens, j))) {
            let mut o = mention::left(text, tokens, j + 1, at.saturating_sub(1))?;
            o.text = mention::without_possessive(&o.text).to_string();
            return Some(o);
        }
    }
    None
}

/// Headline speakers a batch keeps until it ends to learn whether the text names them.
const MAX_UNVOUCHED: usize = 64;

/// Words of frame text that may stand between a quotation and the next one it continues (an
/// attribution's trailing "Sunday (local time)"), beyond its own attribution.
const CONTINUATION_GAP: usize = 6;

/// Words of narration, with no cue, that a quoted sentence of the same paragraph may follow and
/// still continue the speaker of the quotation before them.
const SENTENCE_GAP: usize = 30;

/// The speaker of the last quotation, for the next one to continue.
#[derive(Clone, Debug)]
struct Last {
    paragraph: usize,
    speaker: Option<Speaker>,
    cue: Option<Span>,
    /// Token index just past the quotation and its attribution.
    end_token: usize,
    /// Frame words after it to the end of its paragraph.
    trailing_words: usize,
    /// Its index among the quotations of its paragraph.
    index_here: usize,
}

/// Where a continued quotation takes its speaker from.
#[derive(Clone, Debug)]
enum Carried {
    /// From an earlier paragraph, already converted.
    Utf16(Option<Speaker>, Option<Span>),
    /// From an earlier quotation of the same paragraph.
    Same(usize),
}

/// An attribution found in the first paragraph of a quotation that continues into the next ones.
#[derive(Clone, Debug)]
struct Pending {
    speaker: Speaker,
    cue: Span,
}

/// Finds quotations batch by batch; state (entities, last speaker, an open quotation) carries over.
pub struct QuoteFinder {
    /// The page's language so far, for paragraphs too short to tell their own.
    prior: Prior,
    pairer: Pairer,
    memory: entities::Memory,
    last: Option<Last>,
    last_visible: Option<usize>,
    pending: Option<Pending>,
    /// The attribution ending the last paragraph ("…, Schiff said."), for a quotation opening the
    /// next one.
    closing: Option<(usize, Speaker, Span)>,
    /// Speakers a headline or a label line gives before the text names them ("Okafor: ‘…’",
    /// "Okafor Pins Delay On ‘Reckless’ Board", "Watch: …"), by where their mention stands: they
    /// speak only if the batch names them (see `QuoteFinder::vouch`).
    unvouched: Vec<((usize, usize), mention::Mention)>,
    /// The words the batch writes in lower case, read once a speaker needs them.
    written: written::Written,
}

/// Byte offsets → UTF-16 offsets for one paragraph, converted in one sorted pass.
struct Offsets {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Offsets {
    fn new(text: &str, mut bytes: Vec<usize>) -> Self {
        sort_by(&mut bytes, |a, b| a < b);
        bytes.dedup();
        let mut map = Utf16Map::new(text);
        let units = bytes.iter().map(|&b| map.unit(b)).collect();
        Offsets { bytes, units }
    }
    fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(_) => 0,
        }
    }
}

/// One quotation of a paragraph, before conversion to UTF-16.
struct Found {
    start_paragraph: usize,
    start: usize,
    end: usize,
    kind: QuoteKind,
    speaker: Option<(String, usize, usize)>,
    cue: Option<(usize, usize)>,
    /// Continued from an earlier quotation.
    carried: Option<Carried>,
    /// The speaker stands in a headline or a label line: it speaks if the text names it.
    unvouched: Option<mention::Mention>,
}

fn count_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

fn ends_sentence(inner: &str) -> bool {
    inner
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

impl QuoteFinder {
    pub fn new(options: &Options) -> Self {
        QuoteFinder {
            prior: options
                .lang
                .as_deref()
                .map(Prior::fixed)
                .unwrap_or_default(),
            pairer: Pairer::new(),
            memory: entities::Memory::default(),
            last: None,
            last_visible: None,
            pending: None,
            closing: None,
            unvouched: Vec::new(),
            written: written::Written::default(),
        }
    }

    /// Finds the quotations in the visible paragraphs of `all[new]`; `hidden[i]` marks paragraphs
    /// hidden as repeats (no quotes are reported in them and they are not used as context). Returns
    /// quotes sorted by start. Speakers resolve from earlier paragraphs, with bounded look-back.
    pub fn push(&mut self, all: &[String], new: Range<usize>, hidden: &[bool]) -> Vec<Quote> {
        let mut out = Vec::new();
        // the batch's language evidence first, so that its short paragraphs follow its majority
        let visible = |p: &usize| !hidden.get(*p).copied().unwrap_or(false);
        let counts: Vec<Counts> = new
            .clone()
            .filter(visible)
            .filter_map(|p| all.get(p))
            .map(|t| lang::counts(t))
            .collect();
        for c in &counts {
            self.prior.add(c);
        }
        let mut counts = counts.iter();
        for p in new {
            let Some(text) = all.get(p) else { break };
            if hidden.get(p).copied().unwrap_or(false) {
                self.pairer.break_carry();
                self.pending = None;
                continue;
            }
            let lang = counts.next().map_or(lang::ALL[0], |c| self.prior.choose(c));
            self.paragraph(all, p, &Text { str: text, lang }, &mut out);
            self.last_visible = Some(p);
        }
        self.vouch(&mut out);
        // stable by start: ties keep their order of discovery
        let mut keyed: Vec<(Position, usize, Quote)> = out
            .into_iter()
            .enumerate()
            .map(|(i, q)| (q.start, i, q))
            .collect();
        sort_by(&mut keyed, |a, b| (a.0, a.1) < (b.0, b.1));
        keyed.into_iter().map(|(_, _, q)| q).collect()
    }

    fn paragraph(&mut self, all: &[String], p: usize, text: &Text, out: &mut Vec<Quote>) {
        let mut pairs = self.pairer.scan(p, text);
        if text.lang.dialogue_dash {
            dialogue(p, text, &mut pairs);
        }
        if text.lang.incises {
            split_incises(p, text, &mut pairs);
        }
        let open_from = self.pairer.open_in(p);
        let mut regions: Vec<(usize, usize)> = pairs
            .iter()
            .map(|q| (if q.start_paragraph == p { q.start } else { 0 }, q.end))
            .collect();
        let mut ends: Vec<bool> = pairs
            .iter()
            .map(|q| {
                let from = if q.start_paragraph == p {
                    q.start + q.open_len
                } else {
                    0
                };
                ends_sentence(text.get(from.min(q.close)..q.close).unwrap_or(""))
            })
            .collect();
        if let Some(from) = open_from {
            regions.push((from, text.len()));
            ends.push(false);
        }
        let tokens = tokens::tokenize(text, &regions, &ends);
        let headline = text.lang.title_case_headlines && is_headline(text);
        // a title-case headline runs names into verbs ("Okafor Says Rival Port Is"): its names
        // are not remembered
        let names: &[Token] = if headline { &[] } else { &tokens };
        self.memory.observe(p, text, names);
        let quote_tokens: Vec<usize> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, Kind::Quote(_)))
            .map(|(i, _)| i)
            .collect();

        let mut found = Vec::with_capacity(pairs.len());
        for (i, pair) in pairs.iter().enumerate() {
            let Some(&q) = quote_tokens.get(i) else { break };
            let multi = pair.start_paragraph != p;
            let attr = attribution::find(text, &tokens, q, ends[i]);
            let carried = if attr.is_some() {
                None
            } else if multi {
                self.pending
                    .take()
                    .filter(|pd| pd.speaker.mention.paragraph + 1 >= pair.start_paragraph)
                    .map(|pd| Carried::Utf16(Some(pd.speaker), Some(pd.cue)))
            } else {
                self.continuation(text, &tokens, p, q)
            };
            let (start, _) = regions[i];
            let from = if multi { 0 } else { start + pair.open_len };
            let inner = text.get(from.min(pair.close)..pair.close).unwrap_or("");
            let words = count_words(inner) + if multi { 100 } else { 0 };
            let opens = multi || opens_sentence(text, &tokens, q);
            // where names and titles are quoted as often as words, a fragment inside a sentence
            // is speech when the sentence is about someone ("Stoiber begründete seinen Rückzug
            // mit einer „veränderten Lage“"), who says it
            // (a capitalised fragment of a few words is a name or a title: „Berliner Zeitung“)
            // where a name stands: after a definite article, a preposition, a noun or a verb
            // („Nachrichtenagentur „Xinhua“", "schrieb „Die Zeit“"), not after "als" or "eine",
            // which introduce a characterisation ("bezeichnete die Pläne als „Wortbruch“")
            let name_like = words <= 5
                && inner
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| !c.is_lowercase())
                && name_position(text, &tokens, q);
            let cue_here = attribution::cue_in_sentence(text, &tokens, q);
            let fragment = text.lang.quoted_names && !opens && !name_like;
            // a capitalised fragment is a name or a title even beside a cue or after another
            // quotation ("nennt die Modelle „Touareg“ und „Phaeton“"): speech only as
            // [`fragment_is_speech`] finds it
            let capital = inner
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase);
            let own = attr.is_some() || carried.is_some();
            let speech = fragment
                && (capital || !own)
                && fragment_is_speech(text, &tokens, q, inner, words, ends[i], cue_here);
            // a short quotation opening its sentence is a name when a word follows it with no
            // punctuation („Ärzte ohne Grenzen“ sowie das Rote Kreuz kündigten an); it is speech by
            // its own attribution, not by continuing the one before („Le Grand Macabre“ after a
            // colon)
            let short_open = text.lang.quoted_names && opens && !multi && words < 4;
            let bare = short_open
                && tokens.get(q + 1).is_some_and(|t| t.is_word())
                && !inner
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_punctuation());
            let attributed = if fragment && capital {
                speech
            } else if short_open {
                // by a cue of the lexicon, not a clause that merely introduces it, or by a name
                // alone before its colon ("Merkel: „Kein großer Wurf“")
                let cued = attr.as_ref().is_some_and(|a| {
                    let k = tokens.partition_point(|t| t.start < a.cue.0);
                    let label = a.mention.kind == mention::MentionKind::Name
                        && text.get(a.mention.end..a.cue.1).map(str::trim) == Some(":");
                    label || attribution::is_cue(text, &tokens, k)
                });
                !bare && (cued || !capital && own)
            } else {
                own || speech
            };
            let evidence = kind::Evidence {
                quoted_names: text.lang.quoted_names,
                words,
                opens_sentence: opens,
                attributed,
                cue_in_sentence: cue_here,
                term_marker: term_marker(text, &tokens, q),
                headline,
                modifier: modifier(text, &tokens, q),
                // (every word capitalised, or where nouns are not, a name's or a title's shape:
                // "Night of the Long Tide")
                title_case: words <= 5
                    && (inner
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w.len() > 1)
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                        || !text.lang.capitalised_nouns && kind::title_like(inner)),
            };
            let mut kind = kind::decide(&evidence);
            // a work's name after its owner is no one's words, whoever speaks in the sentence:
            // "he told Eastport TV's “Morning Tide”"
            let owned = evidence.title_case
                && q > 0
                && mention::is_possessor(text.lang, mention::word(text, tok(&tokens, q - 1)));
            // a web address is a site's name, in any language: „nordwelle.de“, "news.example.org"
            // (one pass over the bytes: a dot after something, then two lower-case letters or
            // more to the end, and no space)
            let (mut dot, mut tld) = (false, 0);
            for (n, &c) in inner.as_bytes().iter().enumerate() {
                if c == b' ' {
                    dot = false;
                    break;
                }
                if c == b'.' {
                    (dot, tld) = (n > 0, 0);
                } else if c.is_ascii_lowercase() && tld != usize::MAX {
                    tld += 1;
                } else {
                    tld = usize::MAX;
                }
            }
            let site = dot && (2..usize::MAX).contains(&tld);
            // a title standing as its clause's subject, its verb right after it with no mark
            // between (a form of "be" or "have", a modal, a past), is a name, whoever announced
            // it: "Netflix said “Harbour Lights” will return" (not speech set off: "“Go Home,”
            // says Okafor")
            let subject = evidence.title_case
                && !headline
                && !text.lang.capitalised_nouns
                && inner.trim_end().ends_with(char::is_alphanumeric)
                && tokens.get(q + 1).is_some_and(|t| {
                    let w = mention::word(text, t);
                    let l = Lower::new(w);
                    t.is_word()
                        && (contains(text.lang.copulas, &l)
                            || contains(text.lang.auxiliaries, &l)
                            || contains(text.lang.modals, &l)
                            // (a past; a form in -s may be a plural noun the title modifies:
                            // "“Leave” supporters")
                            || mention::verb_form(text.lang, w) && w.ends_with("ed"))
                });
            if short_open && capital && !attributed
                || text.lang.quoted_names && !opens && name_like
                || owned
                || site
                || subject
            {
                // „Berliner Zeitung“, „Der Spiegel“: a name or title standing in the sentence
                kind = QuoteKind::Scare;
            }
            let mut item = Found {
                start_paragraph: pair.start_paragraph,
                start: pair.start,
                end: pair.end,
                kind,
                speaker: None,
                cue: None,
                carried: None,
                unvouched: None,
            };
            if kind != QuoteKind::Scare {
                let end_token = match &attr {
                    Some(a) => a.after_end.max(q + 1),
                    None => q + 1,
                };
                if let Some(Attribution { cue, mention, .. }) = &attr {
                    // a label line ("Disclaimer: …", "Watch: …", "ALERT: …") is no transcript line:
                    // one word before the colon speaks where the text names it ("Okafor: …" and
                    // "Ada Okafor"; a headline's "Okafor: ‘…’" comes before the text does, so it
                    // is known at the batch's end) or in capitals ("PENCE:", "UN:"); (a story's
                    // first line is no label: "Ortega has since apologised: “…”")
                    // (in a headline, a body's word modifying a word for no one names what the
                    // story is about, "Tribune Outrage: …", which speaks only where the text
                    // names it as well)
                    let label = text.get(cue.0..cue.1) == Some(":")
                        && mention.kind == mention::MentionKind::Name
                        && (!mention.text.contains(' ')
                            || headline && mention::names_a_topic(text.lang, mention))
                        && (headline || p != 0);
                    // an adverb first ("Passend dazu warnte die Moderatorin"): the subject
                    // follows the verb
                    let m = Some(mention.clone())
                        .filter(|m| {
                            !text.lang.capitalised_nouns || self.plausible(text, &tokens, m)
                        })
                        .or_else(|| attribution::after_first(text, &tokens, mention))
                        // else a name right before its speech verb ("Putin sagte dazu: „…“")
                        .or_else(|| {
                            let next = text.get(mention.end..cue.0).map(str::trim);
                            (next == Some("")).then(|| mention.clone())
                        });
                    // a dash's credit of one word is someone's where the text says so ("—
                    // Okafor" after "Ada Okafor"), not a rating ("— False")
                    let unknown_credit = matches!(text.get(cue.0..cue.1), Some("—" | "–" | "―"))
                        && !mention.text.contains(' ')
                        && !self.memory.vouches(&mention.text, false);
                    let common = unknown_credit
                        || m.as_ref()
                            .is_some_and(|m| self.common_word(all, text, &tokens, m));
                    if let Some(m) = m.filter(|_| !common) {
                        // (outside a headline, a word in capitals speaks as it stands where its
                        // words follow the colon, "PENCE: “…”", or as an acronym, "UN: …"; before
                        // a line that quotes a fragment it heads the line: "MORE: Why the “…” …")
                        let next = q > 0 && tok(&tokens, q - 1).start == cue.0;
                        let name = if label
                            && m.start == mention.start
                            && (headline || !in_capitals(&m.text) || !next && m.text.len() > 3)
                        {
                            item.unvouched = Some(m.clone());
                            m.text.clone()
                        } else {
                            self.resolve(text, &tokens, &m, p)
                        };
                        item.speaker = Some((name, m.start, m.end));
                    }
                    item.cue = Some(*cue);
                } else if carried.is_none() && !multi {
                    // (where the verb stands second, a comma sets off a quoted clause as a
                    // colon does: "Das Gericht kam zu dem Ergebnis, „dass …“")
                    let colon = q > 0
                        && (tok(&tokens, q - 1).is_punct(':')
                            || text.lang.verb_second && tok(&tokens, q - 1).is_punct(','));
                    let opens = q > 0 && tok(&tokens, q - 1).sentence != tok(&tokens, q).sentence;
                    if headline {
                        // `Obama Says Museum Will Tell of ‘…’`: the name the headline opens with
                        if let Some(m) = attribution::headline_subject(text, &tokens, q) {
                            // (a source set off at its end speaks: "…, Harbour Board Says")
                            if m.start > tok(&tokens, q).start {
                                let name = self.memory.resolve(&m, p);
                                item.speaker = Some((name, m.start, m.end));
                            } else {
                                item.speaker = Some((m.text.clone(), m.start, m.end));
                                item.unvouched = Some(m);
                            }
                        }
                    } else if kind == QuoteKind::Partial || colon {
                        // a fragment quoted in a sentence about its speaker, or `X is sure: "…"`
                        // a sentence in the mood of reported speech: its speaker is named before
                        let before = attribution::subjunctive_only(text, &tokens, q)
                            .then(|| attribution::earlier_subject(text, &tokens, q))
                            .flatten()
                            .filter(|m| self.plausible(text, &tokens, m));
                        if let Some(m) = before
                            .or_else(|| attribution::sentence_subject(text, &tokens, q))
                            .and_then(|m| {
                                if self.plausible(text, &tokens, &m) {
                                    Some(m)
                                } else {
                                    attribution::after_first(text, &tokens, &m)
                                }
                            })
                            .or_else(|| attribution::earlier_subject(text, &tokens, q))
                            .filter(|m| self.plausible(text, &tokens, m))
                            .filter(|m| !self.common_word(all, text, &tokens, m))
                            // ("it" with no cue is a thing as often as a body: "It could be
                            // read as “…”")
                            .filter(|m| {
                                m.kind != mention::MentionKind::Pronoun
                                    || !contains(text.lang.org_pronouns, &m.head)
                            })
                            // a name the text has not vouched for is someone where it acts: not
                            // a place or a product modifying a noun ("US cinema gunman 'had …'")
                            .and_then(|m| {
                                if colon
                                    || m.kind != mention::MentionKind::Name
                                    || !text.lang.guess_verb_forms
                                    || self.memory.vouches(&m.text, false)
                                {
                                    return Some(m);
                                }
                                attribution::speaker_in_clause(text, &tokens, m)
                            })
                        {
                            let name = self.resolve(text, &tokens, &m, p);
                            item.speaker = Some((name, m.start, m.end));
                        }
                    } else if opens {
                        // reported speech in the subjunctive goes on in the quotation: the
                        // paragraph's last speaker ("Kim sagte: „…“ Die Lage sei ernst. „…“"),
                        // not the subject of what was reported ("Das wolle er prüfen. „…“")
                        let reported = attribution::subjunctive_in_sentence(text, &tokens, q - 1)
                            .then(|| self.last.as_ref().filter(|l| l.paragraph == p))
                            .flatten()
                            .map(|l| Carried::Same(l.index_here));
                        // `Schiff said. "…"`: the sentence before attributes this one
                        if let Some(a) = attribution::previous_sentence(text, &tokens, q) {
                            let name = self.resolve(text, &tokens, &a.mention, p);
                            item.speaker = Some((name, a.mention.start, a.mention.end));
                            item.cue = Some(a.cue);
                        } else if reported.is_some() {
                            item.carried = reported;
                        } else if let Some(m) = attribution::previous_subject(text, &tokens, q)
                            .filter(|m| self.plausible(text, &tokens, m))
                        {
                            // "Khan verurteilte die Haltung der Regierung. „…“"
                            let name = self.memory.resolve(&m, p);
                            item.speaker = Some((name, m.start, m.end));
                        }
                    } else if q == 0 {
                        // a paragraph that opens with a quotation after one that ends `X said.`
                        item.carried = self
                            .closing
                            .take()
                            .filter(|c| self.last_visible == Some(c.0))
                            .map(|c| Carried::Utf16(Some(c.1), Some(c.2)));
                    }
                } else {
                    item.carried = carried;
                }
                self.last = Some(Last {
                    paragraph: p,
                    speaker: None,
                    cue: None,
                    end_token,
                    trailing_words: 0,
                    index_here: found.len(),
                });
            }
            // (a speaker carried into this paragraph speaks in it: "he" in the next one is them)
            if let Some(Carried::Utf16(Some(s), _)) = &item.carried {
                self.memory.spoke(&s.name, p);
            }
            found.push(item);
        }

        // an attribution before a quotation that continues into the next paragraph
        if let (Some(from), Some(&q)) = (open_from, quote_tokens.last()) {
            // (one that opens the paragraph continues the attribution ending the last one:
            // `The Ledger reports:`)
            if self.pairer.open_started_in(p) && from == 0 {
                self.pending = self
                    .closing
                    .take()
                    .filter(|c| self.last_visible == Some(c.0))
                    .map(|c| Pending {
                        speaker: c.1,
                        cue: c.2,
                    });
            } else if self.pairer.open_started_in(p) {
                // (or the sentence before it: `"…," Okafor said. "… ¶ …"`)
                if let Some(a) = attribution::find(text, &tokens, q, false)
                    .or_else(|| attribution::previous_sentence(text, &tokens, q))
                {
                    let name = self.memory.resolve(&a.mention, p);
                    let off =
                        Offsets::new(text, vec![a.mention.start, a.mention.end, a.cue.0, a.cue.1]);
                    self.pending = Some(Pending {
                        speaker: Speaker {
                            name,
                            mention: Span {
                                paragraph: p,
                                start: off.get(a.mention.start),
                                end: off.get(a.mention.end),
                            },
                        },
                        cue: Span {
                            paragraph: p,
                            start: off.get(a.cue.0),
                            end: off.get(a.cue.1),
                        },
                    });
                }
            }
        }

        // the attribution that ends this paragraph, for a quotation opening the next one
        self.closing = attribution::last_sentence(text, &tokens).map(|a| {
            let name = self.memory.name_of(&a.mention, p);
            let off = Offsets::new(text, vec![a.mention.start, a.mention.end, a.cue.0, a.cue.1]);
            let span = |s: usize, e: usize| Span {
                paragraph: p,
                start: off.get(s),
                end: off.get(e),
            };
            (
                p,
                Speaker {
                    name,
                    mention: span(a.mention.start, a.mention.end),
                },
                span(a.cue.0, a.cue.1),
            )
        });
        // a credit line after a paragraph that is a quotation nobody was given ("“…” / Ada
        // Lind, coach of Harbour FC"): the quotation is theirs, and the line labels nothing
        // after it (a label before a quotation follows a paragraph that is none)
        // (one opening with a dash, "— Ada Lind, coach of Harbour FC", is the quotation's
        // whatever it was given from outside its paragraph, and labels nothing after it either way)
        let before = self.last_visible;
        let dashed = matches!(tok(&tokens, 0).kind, Kind::Punct('—' | '–'));
        let from_outside = |s: &Option<Speaker>| {
            s.as_ref()
                .map_or(true, |s| dashed && Some(s.mention.paragraph) != before)
        };
        let unspoken = self.last.as_ref().is_some_and(|l| {
            before == Some(l.paragraph) && from_outside(&l.speaker) && l.trailing_words == 0
        });
        // (the line is asked last: most paragraphs are neither after a quotation nor dashed)
        if (unspoken || dashed)
            && found.is_empty()
            && attribution::label_line(text, &tokens).is_some()
        {
            if let Some((_, speaker, cue)) = self.closing.take().filter(|_| unspoken) {
                for q in out
                    .iter_mut()
                    .rev()
                    .take_while(|q| Some(q.end.paragraph) == before)
                {
                    if from_outside(&q.speaker) && q.kind != QuoteKind::Scare {
                        (q.speaker, q.cue) = (Some(speaker.clone()), Some(cue));
                    }
                }
            }
        }

        // convert to UTF-16
        let mut bytes = Vec::with_capacity(found.len() * 6);
        for f in &found {
            if f.start_paragraph == p {
                bytes.push(f.start);
            }
            bytes.push(f.end);
            if let Some((_, s, e)) = &f.speaker {
                bytes.extend([*s, *e]);
            }
            if let Some((s, e)) = f.cue {
                bytes.extend([s, e]);
            }
        }
        let off = Offsets::new(text, bytes);
        let mut last_speaker = None;
        let mut done: Vec<(Option<Speaker>, Option<Span>)> = Vec::with_capacity(found.len());
        for f in found {
            let start_offset = if f.start_paragraph == p {
                off.get(f.start)
            } else {
                all.get(f.start_paragraph)
                    .map_or(0, |t| Utf16Map::new(t).unit(f.start))
            };
            if let (Some(u), Some((_, s, _))) = (f.unvouched, &f.speaker) {
                // (a bounded number: a page's list of a thousand headlines keeps its cost linear)
                if self.unvouched.len() < MAX_UNVOUCHED {
                    self.unvouched.push(((p, off.get(*s)), u));
                }
            }
            let (speaker, cue) = match (f.speaker, f.carried) {
                (Some((name, s, e)), _) => (
                    Some(Speaker {
                        name,
                        mention: Span {
                            paragraph: p,
                            start: off.get(s),
                            end: off.get(e),
                        },
                    }),
                    f.cue.map(|(s, e)| Span {
                        paragraph: p,
                        start: off.get(s),
                        end: off.get(e),
                    }),
                ),
                (None, Some(Carried::Utf16(speaker, cue))) => (speaker, cue),
                (None, Some(Carried::Same(j))) => done.get(j).cloned().unwrap_or((None, None)),
                (None, None) => (None, None),
            };
            done.push((speaker.clone(), cue));
            if f.kind != QuoteKind::Scare {
                last_speaker = Some((speaker.clone(), cue));
            }
            out.push(Quote {
                start: Position {
                    paragraph: f.start_paragraph,
                    offset: start_offset,
                },
                end: Position {
                    paragraph: p,
                    offset: off.get(f.end),
                },
                kind: f.kind,
                speaker,
                cue,
            });
        }
        if let Some(last) = self.last.as_mut().filter(|l| l.paragraph == p) {
            if let Some((speaker, cue)) = last_speaker {
                last.speaker = speaker;
                last.cue = cue;
            }
            last.trailing_words = tokens[last.end_token.min(tokens.len())..]
                .iter()
                .filter(|t| t.is_word())
                .count();
        }
    }

    /// Gives the speakers of headlines and label lines their names where the batch names them
    /// (in full: "Okafor" → "Ada Okafor"), and takes them from their quotations where it does not:
    /// a label ("Watch:", "ALERT:"), a verb bidding the reader ("See Batman and …") or a word for
    /// a person ("Law Student Denied …") in a list of other articles' headlines speaks nowhere
    /// else. (Quotations that continued one carry its mention, so they follow it.) A speaker
    /// resolved to no name (a thing made, a dropped subject that found no one) is none.
    fn vouch(&mut self, out: &mut [Quote]) {
        let unvouched = std::mem::take(&mut self.unvouched);
        for q in out.iter_mut() {
            let Some(s) = &mut q.speaker else { continue };
            // (a speaker resolved to no name speaks for no one: a thing made, "Webmaker aims
            // “…”", or a dropped subject that found no one)
            if s.name.is_empty() {
                q.speaker = None;
                q.cue = None;
                continue;
            }
            let at = (s.mention.paragraph, s.mention.start);
            let Some(((p, _), m)) = unvouched.iter().find(|u| u.0 == at) else {
                continue;
            };
            // a word for someone speaks as it stands ("Harbour Chief: ‘…’"), and so does a
            // plural, a group ("Angry Dockers Rally …")
            let described = mention::head_class(self.memory.lang(), &m.head).is_some()
                || m.text.contains(' ') && m.head.ends_with('s') && !m.head.ends_with("ss");
            if described || self.memory.vouches(&m.text, true) {
                s.name = self.memory.resolve(m, *p);
            } else {
                q.speaker = None;
                q.cue = None;
            }
        }
    }

    /// Whether a speaker found with no cue (the subject of a sentence that quotes a fragment) can be
    /// someone: a one-word name that opens its sentence before a comma ("Furthermore, …",
    /// "Otherwise, …": a sentence adverb) must be known as a name from elsewhere ("Okafor, who …").
    ///
    /// Where every noun is capitalised, any one-word name that opens its sentence must be known
    /// so: "Aktuell bestehe diese Gefahr", "Passend dazu warnte die Moderatorin" open with an
    /// adverb or an adjective, and a person or a body is named in full before a sentence opens
    /// with the name alone (an acronym, "WWF", is a name as it stands).
    fn plausible(&self, text: &Text, tokens: &[Token], m: &mention::Mention) -> bool {
        if m.kind != mention::MentionKind::Name {
            return true;
        }
        // a name that opens with a preposition ("Von der Leyen", not "Von der Stadt") is one
        // the text named before
        let b = m.text.as_bytes();
        if let (Some(i), Some(j)) = (
            b.iter().position(|&c| c == b' '),
            b.iter().rposition(|&c| c == b' '),
        ) {
            let (first, last) = (m.text.get(..i), m.text.get(j + 1..));
            return !contains(text.lang.prepositions, &Lower::new(first.unwrap_or("")))
                || self.memory.knows(last.unwrap_or(""));
        }
        let at = tokens.partition_point(|t| t.start < m.start);
        let initial = at == 0 || tok(tokens, at - 1).sentence != tok(tokens, at).sentence;
        let comma = tokens.get(at + 1).is_some_and(|t| t.is_punct(','));
        // (a name coordinated with another is one: "Anna und Paul Weber teilten mit")
        let paired = tokens.get(at + 1).is_some_and(|t| {
            t.is_word() && contains(text.lang.coordinators, mention::word(text, t))
        }) && tokens
            .get(at + 3)
            .is_some_and(|t| t.is_word() && mention::is_capitalized(mention::word(text, t)));
        let acronym =
            in_capitals(&m.text) || mention::head_class(text.lang, &Lower::new(&m.text)).is_some();
        let doubtful = comma || text.lang.capitalised_nouns && !acronym;
        !(initial && doubtful) || paired || self.memory.knows(&m.text)
    }

    /// Whether a speaker is a capitalised word that opens its sentence and is a common word there:
    /// the batch writes it in lower case (before or after) and never as a name inside a sentence
    /// ([`written::Written::common`]: "Science tells us
    /// …" beside "the science of tides", "Fishing has always been …"). Only a word that is the
    /// whole subject, its verb next: "Nuclear proliferation experts" and "Former prosecutor Ana
    /// Ruiz" open with a common word that is not the speaker's head. A word for someone
    /// ("Residents say", "Critics called"), a body's word ("Police say"), a determiner ("One
    /// tweet said"), an acronym, and a language that capitalises every noun
    /// ([`Self::plausible`] reads those) keep their speaker.
    #[inline(never)]
    fn common_word(
        &mut self,
        all: &[String],
        text: &Text,
        tokens: &[Token],
        m: &mention::Mention,
    ) -> bool {
        let lang = text.lang;
        // (the cheap tests first: most speakers are no one-word name)
        if m.kind != mention::MentionKind::Name || lang.capitalised_nouns || m.text.contains(' ') {
            return false;
        }
        let at = tokens.partition_point(|t| t.start < m.start);
        let l = Lower::new(&m.text);
        // (its verb next, or a noun it modifies that is no one: "New signs spell out …", not
        // "Nuclear proliferation experts say …")
        let lower = |k: usize| {
            tokens
                .get(k)
                .filter(|t| t.is_word())
                .map(|t| mention::word(text.str, t))
        };
        let verb = lower(at + 1).is_some_and(|w| {
            let l = Lower::new(w);
            lang.is_cue_verb(&l)
                || contains(lang.copulas, &l)
                || contains(lang.run_openers, &l)
                || w.starts_with(|c: char| c.is_lowercase())
                    && [w, lower(at + 2).unwrap_or("")]
                        .iter()
                        .all(|w| !mention::word_for_someone(lang, w))
        });
        verb && (at == 0 || tok(tokens, at - 1).sentence != tok(tokens, at).sentence)
            && !in_capitals(&m.text)
            && !mention::word_for_someone(lang, &m.text)
            && !contains(lang.org_words, &l)
            && !contains(lang.determiners, &l)
            && self.written.common(all, &l)
    }

    /// The name of a speaker's mention ([`entities::Memory::resolve`]); a pronoun for a body
    /// ("it") that names nobody the memory knows stands for the last description of a body
    /// before it in its paragraph: "The harbour board met on Monday. “…,” it said." is the
    /// harbour board's (a reader's antecedent; the memory keeps names only).
    fn resolve(&mut self, text: &Text, tokens: &[Token], m: &mention::Mention, p: usize) -> String {
        if let Some(o) = owner(text, tokens, m) {
            return self.resolve(text, tokens, &o, p);
        }
        let name = self.memory.resolve(m, p);
        let lang = text.lang;
        if m.kind != mention::MentionKind::Pronoun
            || name != m.text
            || !contains(lang.org_pronouns, &m.head)
        {
            return name;
        }
        let at = tokens.partition_point(|t| t.start < m.start);
        // (sixty words back at most: a paragraph of many such quotations stays linear; a loop,
        // not an iterator chain, whose adapters cost the .wasm half a kilobyte)
        let mut k = at;
        while k > at.saturating_sub(60) {
            k -= 1;
            let t = tok(tokens, k);
            if !t.is_word() || mention::is_capitalized(mention::word(text, t)) {
                continue;
            }
            let l = attribution::lower_tok(text, tokens, k);
            if mention::head_class(lang, &l) != Some(true) {
                continue;
            }
            // its determiner, with at most two words between ("the harbour board")
            let mut d = k;
            while d > 0 && k - d < 3 {
                d -= 1;
                let w = tok(tokens, d);
                let dl = attribution::lower_tok(text, tokens, d);
                if !w.is_word() || lang.is_function_word(&dl) && !contains(lang.definite, &dl) {
                    break;
                }
                if contains(lang.definite, &dl) {
                    return mention::description_of(text.str, &tokens[d..=k], true).text;
                }
            }
        }
        name
    }

    /// The speaker a quotation with no cue continues, when nothing intervenes since the last one.
    fn continuation(&self, text: &Text, tokens: &[Token], p: usize, q: usize) -> Option<Carried> {
        let last = self.last.as_ref()?;
        if last.paragraph == p {
            let from = last.end_token.min(q);
            let between = &tokens[from..q];
            let words = between.iter().filter(|t| t.is_word()).count();
            let cue = (from..q).any(|k| attribution::is_cue(text, tokens, k));
            // (a quoted sentence goes on with its speaker past a sentence of narration: `"…,"
            // Okafor said. The town lies far from the coast. "…"`; not past one whose subject is
            // a name, someone else's doing: "Ruiz, who runs the ferry, disagreed.")
            let opens = q > 0 && tok(tokens, q - 1).sentence != tok(tokens, q).sentence;
            let named = opens
                && attribution::sentence_subject(text, tokens, q - 1)
                    .is_some_and(|m| m.kind == mention::MentionKind::Name);
            let narration = opens && !named && words <= SENTENCE_GAP;
            if (words <= CONTINUATION_GAP || narration) && !cue {
                return Some(Carried::Same(last.index_here));
            }
            return None;
        }
        let previous = self.last_visible? == last.paragraph && last.paragraph < p;
        let first = tokens[..q].iter().all(|t| !t.is_word());
        // a paragraph with a cue of its own names its own speakers (looked at once at most: only
        // a quotation with no word before it gets here)
        if previous
            && first
            && last.trailing_words <= CONTINUATION_GAP
            && !(0..tokens.len()).any(|k| attribution::is_cue(text, tokens, k))
        {
            let speaker = last.speaker.clone()?;
            return Some(Carried::Utf16(Some(speaker), last.cue));
        }
        None
    }
}

/// The most incises split in one paragraph (see `split_incises`).
const MAX_INCISES: usize = 16;

/// Quotations with an attribution inside their marks, between a comma and the end of its clause
/// (« Nous sommes prêts, a-t-il expliqué. Mais … », «Estamos listos, dijo la ministra. Pero …»),
/// split in two around it, so that it is read as one after a quotation and the words after it
/// go on with that speaker. The attribution: a verb and its pronoun in one word ("explique-t-il",
/// "a-t-il expliqué"), or a speech verb (after an auxiliary or not) before its subject, an
/// article or a name ("affirme la ministre", "a déclaré Claire Dubois", "dijo Ruiz").
#[inline(never)]
fn split_incises(p: usize, text: &Text, pairs: &mut Vec<marks::Pair>) {
    let lang = text.lang;
    let mut k = 0;
    // (each split reads the rest of its quotation again and moves the pairs after it: at most
    // MAX_INCISES of them keep a paragraph's cost linear in its length; news sets one or two in a
    // quotation, and a longer run is left as one quotation)
    let last = pairs.len() + MAX_INCISES;
    while let Some(&pair) = pairs.get(k) {
        if pairs.len() >= last {
            break;
        }
        k += 1;
        let from = pair.start + pair.open_len;
        if pair.start_paragraph != p || pair.end_paragraph != p || from >= pair.close {
            continue;
        }
        // (the quotation's words alone, their offsets from `from`)
        let inner = Text {
            str: text.get(from..pair.close).unwrap_or(""),
            lang,
        };
        let tokens = tokens::tokenize(&inner, &[], &[]);
        // (a subject after the verb: an article or a name)
        let subject = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                let w = mention::word(&inner, t);
                t.is_word()
                    && (contains(lang.determiners, &Lower::new(w)) || mention::is_capitalized(w))
            })
        };
        let Some((comma, verb)) = (0..tokens.len())
            .filter(|&c| tokens[c].is_punct(','))
            .find_map(|c| {
                if attribution::inverted_pronoun(&inner, &tokens, c + 1).is_some() {
                    return Some((c, c + 1));
                }
                let aux = tokens.get(c + 1).is_some_and(|t| {
                    t.is_word() && contains(lang.auxiliaries, mention::word(&inner, t))
                });
                let v = c + 1 + usize::from(aux);
                (v < tokens.len() && attribution::is_cue(&inner, &tokens, v) && subject(v + 1))
                    .then_some((c, v))
            })
        else {
            continue;
        };
        // the attribution ends with its clause, before more of the quotation
        let Some(end) = (verb..tokens.len().min(verb + 16))
            .find(|&j| matches!(tokens[j].kind, Kind::Punct('.' | ',' | ';' | '!' | '?')))
        else {
            continue;
        };
        let Some(resume) = tokens.get(end + 1).map(|t| from + t.start) else {
            continue;
        };
        let cut = from + tokens[comma].end;
        if let Some(q) = pairs.get_mut(k - 1) {
            (q.close, q.end) = (cut, cut);
        }
        pairs.insert(
            k,
            marks::Pair {
                start: resume,
                open_len: 0,
                ..pair
            },
        );
    }
}

/// The dialogue of Spanish (and other) news: a paragraph that opens with an em dash is a spoken
/// line up to the next em dash after a space (the narrator's "—dijo X—") or to its end. The line
/// becomes a quotation, first among the paragraph's; marks inside it are nested in it.
fn dialogue(p: usize, text: &str, pairs: &mut Vec<marks::Pair>) {
    let lead = text.len() - text.trim_start().len();
    let rest = text.get(lead..).unwrap_or("");
    if !rest.starts_with('—') || pairs.iter().any(|q| q.start_paragraph != p) {
        return;
    }
    let from = lead + '—'.len_utf8();
    // the next " —" (a byte search: no substring searcher in the .wasm)
    let b = text.as_bytes();
    let close = (from..b.len().saturating_sub(3))
        .find(|&i| b[i] == b' ' && b.get(i + 1..i + 4) == Some("—".as_bytes()))
        .unwrap_or(text.trim_end().len());
    if close <= from {
        return;
    }
    pairs.retain(|q| q.start >= close);
    pairs.insert(
        0,
        marks::Pair {
            start_paragraph: p,
            start: lead,
            end_paragraph: p,
            end: close,
            close,
            open_len: '—'.len_utf8(),
        },
    );
}

/// Where names and titles are quoted as often as words (German), whether a quotation inside a
/// sentence with no attribution of its own is someone's words rather than a name, a title or a
/// term. Measured on German news: a fragment in lower case is speech when the sentence reports
/// speech (a cue, or a verb form of reported speech: "sei", "habe") or when it runs to three
/// words; a fragment opening with a capital is nearly always a name or a title („Der Fänger im
/// Roggen“, „Ärzte ohne Grenzen“), speech only as a characterisation in reported speech ("nannte
/// den Bericht eine „Zeitungsente“", "bezeichnete sie als „Wortbruch“"), a long phrase in
/// reported speech, or a sentence of its own.
fn fragment_is_speech(
    text: &Text,
    tokens: &[Token],
    q: usize,
    inner: &str,
    words: usize,
    ends_sentence: bool,
    cue_here: bool,
) -> bool {
    let lang = text.lang;
    let reported = cue_here || attribution::subjunctive_in_sentence(text, tokens, q);
    let characterised = q > 0
        && tok(tokens, q - 1).is_word()
        && contains(
            lang.quote_predicates,
            &Lower::new(mention::word(text, tok(tokens, q - 1))),
        );
    // (a number first reads as a capital: „175 Jahre Hafenbahn“, „100 Prozent Frucht“ name an
    // event or a product)
    let capital = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    if capital {
        // a sentence of its own: it ends so, or it opens with a personal pronoun („Wir kommen
        // wieder“), or it is a cry („Weg mit der Mauer!“)
        let first = inner
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let sentence = ends_sentence && words >= 4
            || words >= 3 && contains(lang.pronouns, &Lower::new(first))
            || inner.trim_end().ends_with('!');
        reported && (characterised || words >= 6) || sentence
    } else {
        reported || words >= 3 || characterised
    }
}

/// Nothing but a cue, colon, comma or dash stands before the quotation in its sentence.
fn opens_sentence(text: &Text, tokens: &[Token], q: usize) -> bool {
    if q == 0 || tok(tokens, q - 1).sentence != tok(tokens, q).sentence {
        return true;
    }
    let prev = tok(tokens, q - 1);
    // where names are quoted, a list of quoted items („A“, „B“ oder „C“) and a quotation in
    // brackets name things
    let named = text.lang.quoted_names
        && match prev.kind {
            Kind::Punct('(') => true,
            Kind::Punct(',') => q > 1 && matches!(tok(tokens, q - 2).kind, Kind::Quote(_)),
            _ => false,
        };
    if named {
        return false;
    }
    match prev.kind {
        Kind::Punct(':' | '—' | '–' | '(' | '-' | ',') => true,
        Kind::Word => attribution::is_verb_cue(text, tokens, q - 1),
        _ => false,
    }
}

/// Whether the word before quotation token `q` lets it be a name: none, a definite determiner, a
/// preposition, a capitalised word or a cue verb (not "als", an indefinite article or an
/// adjective, which introduce a quoted characterisation).
fn name_position(text: &Text, tokens: &[Token], q: usize) -> bool {
    let Some(prev) = q
        .checked_sub(1)
        .map(|p| tok(tokens, p))
        .filter(|t| t.is_word())
    else {
        return true;
    };
    let w = mention::word(text, prev);
    let l = Lower::new(w);
    if contains(text.lang.quote_predicates, &l) {
        return false;
    }
    mention::is_capitalized(w)
        || contains(text.lang.definite, &l)
        || contains(text.lang.prepositions, &l)
        || text.lang.is_cue_verb(&l)
}

/// A name written with two capitals or more: an acronym ("WWF", "UN") or a transcript's speaker
/// ("PENCE"), a name as it stands.
fn in_capitals(name: &str) -> bool {
    name.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A headline: at most 30 words, no final period, and most longer words capitalised.
fn is_headline(text: &str) -> bool {
    // (the markup's trailing white space a byte at a time first, as `is_question` does)
    let trimmed = text.trim_ascii_end().trim_end();
    if trimmed.len() > 400
        || trimmed.ends_with('.') && !trimmed.ends_with(".'") && !trimmed.ends_with(".’")
    {
        return false;
    }
    // (counted as the characters stream by, in one pass: no list of words, no splitter; a word
    // is a run of letters, digits and apostrophes, counted from its fourth character; ASCII a
    // byte at a time, and a space after the end)
    let (mut words, mut caps, mut run, mut upper) = (0usize, 0usize, 0usize, false);
    let mut i = 0;
    while i <= trimmed.len() {
        let c = match trimmed.as_bytes().get(i) {
            Some(&b) if b.is_ascii() => char::from(b),
            _ => trimmed
                .get(i..)
                .and_then(|r| r.chars().next())
                .unwrap_or(' '),
        };
        i += c.len_utf8();
        if word_char(c) || c == '\'' || c == '’' {
            upper = if run == 0 { c.is_uppercase() } else { upper };
            run += 1;
        } else {
            if run > 3 {
                words += 1;
                caps += usize::from(upper);
                // (ten words in lower case are more than 30% of the 30 words a headline has at
                // most: no need to read on)
                if words - caps >= 10 {
                    return false;
                }
            }
            run = 0;
        }
    }
    if !(2..=30).contains(&words) {
        return false;
    }
    caps * 10 >= words * 7
}

/// A term marker stands right before the quotation: so-called "…", dubbed "…", known as "…".
/// Whether the quotation token `q` stands as a modifier of a noun: a determiner or a possessive
/// right before it, a lower-case word right after it that is no function word or cue ("the
/// “maximum pressure” strategy", "Valdoria's “managed calm” approach").
fn modifier(text: &Text, tokens: &[Token], q: usize) -> bool {
    let lang = text.lang;
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_word())
            .map(|t| mention::word(text, t))
    };
    let before = q.checked_sub(1).and_then(word).is_some_and(|w| {
        lang.possessive_suffixes.iter().any(|s| w.ends_with(s))
            || contains(lang.determiners, &Lower::new(w))
    });
    let after = word(q + 1).is_some_and(|w| {
        let lower = Lower::new(w);
        w.chars().next().is_some_and(char::is_lowercase)
            && !contains(lang.determiners, &lower)
            && !lang.is_cue_verb(&lower)
            && !lang.is_function_word(&lower)
    });
    before && after
}

/// Token `j` is a word of `list` (kept out of line: one copy for the many look-ups).
#[inline(never)]
fn word_in(text: &Text, tokens: &[Token], j: usize, list: &lexicon::Words) -> bool {
    tokens.get(j).is_some_and(|t| t.is_word())
        && contains(list, &attribution::lower_tok(text, tokens, j))
}

/// Whether the verb at token `k` names a thing rather than reports speech: a naming verb
/// ([`Lang::naming_verbs`]) before "sich" or "man" ("nennt sich", "nennt man", "nennt sie sich")
/// or as the participle of a passive with no agent before it in its clause (since a comma or
/// "und": "der von der Sonne ausgeht und als „…“ bezeichnet wird"; "wie er genannt
/// wurde", "als „…“ bezeichnet wird"; "die von Kritikern als „…“ bezeichnet wird" is the
/// critics' words); an impersonal cue ("heißt") with no impersonal pronoun beside it ("Der Film
/// heißt „…“", not "heißt es", "wie es hieß").
#[inline(never)]
fn names_thing(text: &Text, tokens: &[Token], k: usize) -> bool {
    let lang = text.lang;
    let is = |j: usize, list: &lexicon::Words| word_in(text, tokens, j, list);
    if is(k, lang.impersonal_cues) {
        return !is(k + 1, lang.impersonal) && !is(k.wrapping_sub(1), lang.impersonal);
    }
    if !is(k, lang.naming_verbs) {
        return false;
    }
    if is(k + 1, lang.naming_objects) || is(k + 2, lang.naming_objects) {
        return true;
    }
    if !is(k + 1, lang.passive_auxiliaries) {
        return false;
    }
    // (back to its clause's comma or "und", an agent of the passive)
    let mut j = k;
    while j > k.saturating_sub(8) {
        j -= 1;
        if tok(tokens, j).is_punct(',') || is(j, lang.coordinators) {
            break;
        }
        if is(j, lang.passive_agents) {
            return false;
        }
    }
    true
}

fn term_marker(text: &Text, tokens: &[Token], q: usize) -> bool {
    let lang = text.lang;
    let lw = |k: usize| Lower::new(mention::word(text, tok(tokens, k)));
    // "a technique called “…”", "items that are named “…”": a participle of naming after a noun
    // or a form of "be" (not after a name or a pronoun: "what Okafor called “…”" is speech)
    let naming = q >= 2
        && tok(tokens, q - 1).is_word()
        && contains(lang.naming_participles, &lw(q - 1))
        && tok(tokens, q - 2).is_word()
        && {
            let before = mention::word(text, tok(tokens, q - 2));
            !mention::is_capitalized(before) && !contains(lang.pronouns, &lw(q - 2))
        };
    // a one-word source preposition names its source ("laut „tagesschau.de“", "selon « Le
    // Monde »")
    let source = q >= 1 && tokens[q - 1].is_word() && {
        let l = lw(q - 1);
        lang.source_preps
            .iter()
            .any(|p| matches!(p, [w] if *w == &*l))
    };
    naming
        || source
        || (1..=2).any(|back| {
            q >= back
                && tok(tokens, q - back).is_word()
                && contains(
                    text.lang.scare_markers,
                    &Lower::new(mention::word(text, tok(tokens, q - back))),
                )
        })
}

#[cfg(test)]
mod tests {
    use super::is_headline;

    #[test]
    fn headlines_by_their_capitals() {
        assert!(is_headline("Harbour Board Says Ferry Fares Will Rise"));
        assert!(is_headline("Okafor’s Ferry Plan Wins Council Vote "));
        // a sentence: a final period, or too few capitalised words of four letters or more
        assert!(!is_headline("Harbour Board Says Ferry Fares Will Rise."));
        assert!(!is_headline(
            "The harbour board says that ferry fares will rise"
        ));
        // short words do not count; one long word is no headline
        assert!(!is_headline("Up In It"));
        assert!(!is_headline("Harbour"));
        // a final period inside closing quotation marks is allowed
        assert!(is_headline("Mayor Calls Plan ‘Sensible.’"));
    }
}
