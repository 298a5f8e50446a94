//! Which cue a quotation hangs on, and the mention that cue attaches to.
//!
//! Patterns are tried in the order a reader would, nearest first:
//! 1. right after the quotation: `"…," X said`, `"…," said X, director of Y`, `"…," according to
//!    X`, a dash credit `"…" — X`. After a quotation that ends its sentence ("…." or "…?") only a
//!    short attribution that ends there counts (`"Why?" he asked.`), not the next sentence's subject;
//! 2. before it in the same sentence, nearest cue first: `X said: "…"`, `X told reporters "…"`,
//!    `X said he "indirectly speaks"`, `according to X, "…"`, `said X: "…"`;
//! 3. later in the same sentence: `… "real and verifiable" steps …, according to the expert.`
//!
//! A cue is a speech verb of the paragraph's language ([`super::lang`]; not after an article: "the
//! state"), a source preposition ("according to", "selon", "laut") or postposition ("zufolge").
//! No pattern, no attribution: the caller may then continue the previous speaker.

use super::lang::{Lang, Text};
use super::lexicon::{contains, hash, remembered, Lower};
use super::mention::{
    all_capitalised, description_of, document_of, head_class, is_between, is_capitalized,
    is_participle, is_possessor, is_relative, left, name_of, only_titles, right, someone_head,
    split_titles, verb_form, without_possessive, word, Mention, MentionKind,
};
use super::tokens::{tok, Kind, Token};

/// Token `k` in lower case: one function for the many look-ups, kept out of line (inlined at
/// each of them it cost the .wasm half a kilobyte).
#[inline(never)]
pub(super) fn lower_tok<'a>(text: &'a Text, tokens: &[Token], k: usize) -> Lower<'a> {
    Lower::new(word(text, tok(tokens, k)))
}

/// A cue and the mention it attaches to, in byte offsets of the quotation's paragraph.
#[derive(Clone, Debug)]
pub struct Attribution {
    pub cue: (usize, usize),
    pub mention: Mention,
    /// Token index just past the attribution when it follows the quotation (else the quotation's).
    pub after_end: usize,
}

/// How a token works as a cue.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A verb: its speaker stands left (or right, inverted); the cue spans `n` tokens.
    Verb(usize),
    /// "according to", "selon": the source stands right; the cue spans `n` tokens.
    Source(usize),
}

/// The source after "according to" (tokens `start..limit`): the author of a document named
/// there ("according to a report by the Harbour Institute", "… a statement from Okafor").
fn source(text: &Text, tokens: &[Token], start: usize, limit: usize) -> Option<Mention> {
    let m = right(text, tokens, start, limit)?;
    // (the description may run on over "by": "a report by"; a preposition inside it is its own:
    // "le ministère des Affaires étrangères")
    // (or over a participle: "a complaint filed by")
    let after = tokens.partition_point(|t| t.start < m.end);
    let participle = tokens
        .get(after)
        .is_some_and(|t| t.is_word() && is_participle(text.lang, word(text, t)));
    let next = (start..=after + usize::from(participle)).find(|&k| {
        tokens.get(k).is_some_and(|t| {
            t.is_word() && {
                let l = lower_tok(text, tokens, k);
                *l == *text.lang.agent || k == after && contains(text.lang.role_stops, &l)
            }
        })
    });
    // (not a person's: "according to a spokesman for the ministry" is the spokesman)
    if let Some(next) = next.filter(|_| {
        m.kind == MentionKind::Description && head_class(text.lang, &m.head) != Some(false)
    }) {
        if let Some(author) = right(text, tokens, next + 1, limit)
            .filter(|a| a.kind == MentionKind::Name || head_class(text.lang, &a.head).is_some())
        {
            return Some(author);
        }
    }
    Some(m)
}

/// A document's body in place of the document, where the body follows it (`"…", indique un
/// communiqué de la préfecture`, `"…," said a statement from the Harbour Board`): a document
/// speaks for the body that issued it. With the token after the mention chosen; `from` is where
/// the mention starts.
fn document_body(text: &Text, tokens: &[Token], m: Mention, from: usize) -> (Mention, usize) {
    let after = past(tokens, from, &m);
    let document = tokens.get(after).is_some_and(|t| {
        t.is_word() && document_of(text.lang, &m, &lower_tok(text, tokens, after))
    });
    if document {
        if let Some(body) = right(text, tokens, after + 1, tokens.len())
            .filter(|b| b.kind == MentionKind::Name || head_class(text.lang, &b.head).is_some())
        {
            let end = past(tokens, after + 1, &body);
            return (body, end);
        }
    }
    (m, after)
}

/// Whether the words of `phrase` stand at tokens `k..`, in any case.
/// (the last of two or more words also in a plural in -n or -en: "nach Angaben", "nach
/// Darstellungen")
fn phrase_at(text: &Text, tokens: &[Token], k: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(n, p)| {
        tokens.get(k + n).is_some_and(|t| {
            let l = Lower::new(word(text, t));
            let plural = n > 0
                && n + 1 == phrase.len()
                && l.strip_suffix('n')
                    .is_some_and(|s| s == *p || s.strip_suffix('e') == Some(p));
            t.is_word() && (*l == **p || plural)
        })
    })
}

/// Whether `w` (in lower case) can be a cue of any kind [`cue_at`] knows: the first word of a
/// source preposition or of a verb phrase, a source after a quotation, a postposition, a speech
/// verb. Remembered: most words of a sentence are none, and one look-up answers for all six
/// lists; the word as written, so that a remembered word is not lower-cased again.
fn may_cue(lang: &'static Lang, w: &str) -> bool {
    // (the question's key: the grammar's own address, which is no list's)
    remembered(
        std::ptr::from_ref(lang) as usize,
        w.as_bytes(),
        hash(w.as_bytes(), 0, w.len()),
        &|| {
            let l = &*Lower::new(w);
            let first = |ps: &[&[&str]]| ps.iter().any(|p| p.first() == Some(&l));
            u8::from(
                first(lang.source_preps)
                    || contains(lang.after_quote_sources, l)
                    || contains(lang.source_posts, l)
                    || first(lang.verb_phrases)
                    || lang.is_cue_verb(l),
            )
        },
    ) != 0
}

fn cue_at(text: &Text, tokens: &[Token], k: usize) -> Option<Cue> {
    let lang = text.lang;
    let t = tok(tokens, k);
    if !t.is_word() {
        return None;
    }
    let w = word(text, t);
    // "according to", "selon", "laut": the source stands right (capitalised too mid-sentence
    // after a quotation: `“…” Laut Polizei …`)
    if !may_cue(lang, w) {
        return None;
    }
    let l = Lower::new(w);
    let first = |p: &&&[&str]| p.first().is_some_and(|f| *f == &*l);
    if let Some(p) = lang
        .source_preps
        .iter()
        .find(|p| first(p) && phrase_at(text, tokens, k, p))
    {
        // (and the agent's preposition after a noun: "nach Ansicht von Experten"; or a speech
        // verb before the source: "según explicó la canciller")
        let agent = p.len() > 1 && phrase_at(text, tokens, k + p.len(), &[lang.agent]);
        let verb = lang.is_cue_verb(&lower_tok(text, tokens, k + p.len()));
        return Some(Cue::Source(
            p.len() + usize::from(agent) + usize::from(verb),
        ));
    }
    // a parenthetical "…, so die Agentur, …" / "– so der Minister –": set off and followed by
    // its source
    if contains(lang.after_quote_sources, &l)
        && k > 0
        && matches!(tok(tokens, k - 1).kind, Kind::Punct(',' | '–' | '—'))
        && tokens.get(k + 1).is_some_and(|n| {
            let l = Lower::new(word(text, n));
            n.is_word()
                && (is_capitalized(word(text, n))
                    || contains(lang.determiners, &l)
                    || contains(lang.pronouns, &l))
        })
    {
        return Some(Cue::Source(1));
    }
    if is_capitalized(w) && k > 0 && !tok(tokens, k - 1).is_punct('.') {
        // mid-sentence capitals are names ("Said", "Tell"), not verbs
        return None;
    }
    // "Claire Dubois zufolge": the source stands left, as a verb's speaker does
    if contains(lang.source_posts, &l) {
        return Some(Cue::Verb(1));
    }
    // "as Rosenthal put it, “…”", "…, as a memo put it"
    if let Some(p) = lang
        .verb_phrases
        .iter()
        .find(|p| first(p) && phrase_at(text, tokens, k, p))
    {
        return Some(Cue::Verb(p.len()));
    }
    // (nor a verb that names a thing: "nennt sich", "Der Film heißt „…“")
    if !lang.is_cue_verb(&l) || super::names_thing(text, tokens, k) {
        return None;
    }
    // a passive participle before its agent: "the divide highlighted by the shootings", "asked
    // by Baker" (not a means: "said by telephone")
    let agent = tokens
        .get(k + 1)
        .is_some_and(|n| n.is_word() && word(text, n) == lang.agent)
        && tokens.get(k + 2).is_some_and(|a| {
            a.is_word() && {
                let aw = word(text, a);
                is_capitalized(aw) || contains(lang.determiners, &Lower::new(aw))
            }
        });
    if agent && is_participle(lang, w) {
        return None;
    }
    // an infinitive after a predicate adjective is no speech: "is tough to maintain", "is hard
    // to tell" (but "was asked to explain")
    if k >= 3 && tok(tokens, k - 1).is_word() && word(text, tok(tokens, k - 1)) == lang.infinitive {
        let copula =
            tok(tokens, k - 3).is_word() && contains(lang.copulas, word(text, tok(tokens, k - 3)));
        if copula
            && tok(tokens, k - 2).is_word()
            && !is_participle(lang, word(text, tok(tokens, k - 2)))
        {
            return None;
        }
    }
    let determiner = |j: usize| {
        tok(tokens, j).is_word() && contains(lang.noun_determiners, &lower_tok(text, tokens, j))
    };
    // a gerund or adjective between a determiner and its noun: "her speaking fees", "his
    // post-war speaking tour" (not a participle after a noun: "a statement saying the …")
    let lower_at =
        |j: usize| tok(tokens, j).is_word() && !is_capitalized(word(text, tok(tokens, j)));
    let noun_after = tokens.get(k + 1).is_some_and(|n| {
        let nl = Lower::new(word(text, n));
        lower_at(k + 1) && !lang.is_function_word(&nl) && !contains(lang.determiners, &nl)
    });
    if is_progressive(text, t)
        && noun_after
        && (k > 0 && determiner(k - 1) || k > 1 && determiner(k - 2) && lower_at(k - 1))
    {
        return None;
    }
    if k > 0 && tok(tokens, k - 1).is_word() {
        let p = lower_tok(text, tokens, k - 1);
        // (or a plural noun after an adjective and a determiner or preposition: "in many Asian
        // states", "of Republican claims")
        let plural = k > 1
            && l.strip_suffix('s')
                .is_some_and(|n| contains(lang.noun_cues, n))
            && is_capitalized(word(text, tok(tokens, k - 1)))
            && tok(tokens, k - 2).is_word()
            && {
                let d = lower_tok(text, tokens, k - 2);
                contains(lang.determiners, &d) || contains(lang.role_stops, &d)
            };
        if plural {
            return None;
        }
        // (or a copula: a passive's subject is no speaker, "after the winner was declared"; nor
        // is a noun's before a form that is only a participle: "apps written using …", "the
        // words spoken at the pier")
        let only_participle =
            !lang.capitalised_nouns && w.ends_with("en") && is_participle(lang, w);
        if contains(lang.copulas, &p) && is_participle(lang, w)
            || only_participle
                && !is_capitalized(word(text, tok(tokens, k - 1)))
                && !lang.is_function_word(&p)
                && !contains(lang.auxiliaries, &p)
        {
            return None;
        }
        // (or a possessive: "Okafor's remark", "the city's claims"; its owner speaks in the clause
        // it opens: "Okafor's claim that …")
        let content = tokens.get(k + 1).is_some_and(|n| {
            let l = Lower::new(word(text, n));
            n.is_word() && contains(lang.clause_openers, &l) && contains(lang.relatives, &l)
        });
        if contains(lang.cue_blockers, &p)
            || is_possessor(lang, word(text, tok(tokens, k - 1))) && !content
        {
            return None;
        }
        // a noun after its determiner and an adjective: "an unprompted call"
        if contains(lang.noun_cues, &l)
            && k > 1
            && determiner(k - 2)
            && !is_capitalized(word(text, tok(tokens, k - 1)))
        {
            return None;
        }
    }
    Some(Cue::Verb(1))
}

/// Whether the word is a progressive or present participle ("arguing").
fn is_progressive(text: &Text, t: &Token) -> bool {
    let suffix = text.lang.progressive_suffix;
    !suffix.is_empty() && word(text, t).ends_with(suffix)
}

/// Whether token `k` is a cue.
pub fn is_cue(text: &Text, tokens: &[Token], k: usize) -> bool {
    cue_at(text, tokens, k).is_some()
}

/// Whether token `k` is a speech verb (`said "…"`).
pub fn is_verb_cue(text: &Text, tokens: &[Token], k: usize) -> bool {
    matches!(cue_at(text, tokens, k), Some(Cue::Verb(_)))
}

/// Whether the sentence of token `q` holds any cue outside quotations.
pub fn cue_in_sentence(text: &Text, tokens: &[Token], q: usize) -> bool {
    let s = tok(tokens, q).sentence;
    let from = (0..q)
        .rev()
        .take_while(|&k| tok(tokens, k).sentence == s && q - k <= 60)
        .last()
        .unwrap_or(q);
    (from..tokens.len())
        .take_while(|&k| tok(tokens, k).sentence == s && k <= q + 60)
        .any(|k| k != q && cue_at(text, tokens, k).is_some())
}

fn span(tokens: &[Token], k: usize, n: usize) -> (usize, usize) {
    (
        tok(tokens, k).start,
        tok(tokens, (k + n - 1).min(tokens.len() - 1)).end,
    )
}

fn is_sentence_end(tokens: &[Token], k: usize) -> bool {
    match tokens.get(k) {
        None => true,
        Some(t) => {
            matches!(
                t.kind,
                Kind::Punct('.' | '!' | '?' | '…' | ';' | ',' | ')' | '—' | '–')
            ) || matches!(t.kind, Kind::Quote(_))
        }
    }
}

/// The token index just past a mention that starts at or after token `from`.
fn past(tokens: &[Token], from: usize, m: &Mention) -> usize {
    (from..tokens.len())
        .find(|&k| tok(tokens, k).start >= m.end)
        .unwrap_or(tokens.len())
}

/// Where the subject after an inverted verb starts: in a verb-second language a reflexive and
/// sentence adverbs may stand between the finite verb and its subject ("äußerte sich jedoch der
/// Minister", "sagte dazu Merkel"); elsewhere right at `k`.
fn after_verb(text: &Text, tokens: &[Token], mut k: usize, limit: usize) -> usize {
    if !text.lang.verb_second {
        // (a day between an inverted verb and its subject, where days are written in lower
        // case: "a assuré mardi le ministre", "dijo ayer la alcaldesa"; a comma after it, or a
        // determiner before it: "a commenté lundi, X", "expliquait ce matin X")
        let from = k;
        let time = |k: usize| {
            k < limit
                && tok(tokens, k).is_word()
                && !is_capitalized(word(text, tok(tokens, k)))
                && {
                    let l = lower_tok(text, tokens, k);
                    contains(text.lang.not_someone, &l)
                        && !contains(text.lang.right_determiners, &l)
                }
        };
        while text.lang.lower_case_days
            && k < from + 3
            && (time(k)
                || k > from && tok(tokens, k).is_punct(',')
                || time(k + 1) && contains(text.lang.determiners, &lower_tok(text, tokens, k)))
        {
            k += 1;
        }
        return k;
    }
    let lang = text.lang;
    let lw = |k: usize| lower_tok(text, tokens, k);
    let skippable = |k: usize| {
        k < limit
            && tok(tokens, k).is_word()
            && !is_capitalized(word(text, tok(tokens, k)))
            && (is_between(lang, word(text, tok(tokens, k)))
                || contains(lang.sentence_adverbs, &lw(k)))
    };
    let from = k;
    while k < from + 4 && skippable(k) {
        k += 1;
    }
    // an impersonal subject and the source's preposition: "heißt es dazu in einer Erklärung",
    // "hieß es aus Paris"
    let impersonal = k < limit
        && tok(tokens, k).is_word()
        && lang.is_function_word(&lw(k))
        && !contains(lang.determiners, &lw(k))
        && !contains(lang.pronouns, &lw(k))
        && !contains(lang.prepositions, &lw(k));
    if impersonal {
        let mut j = k + 1;
        while j < k + 4 && skippable(j) {
            j += 1;
        }
        if j + 1 < limit && tok(tokens, j).is_word() && contains(lang.prepositions, &lw(j)) {
            return j + 1;
        }
    }
    k
}

/// Finds the attribution of the quotation that is token `q`; `ends_sentence` says whether the
/// quotation's own text ends with sentence-final punctuation.
pub fn find(text: &Text, tokens: &[Token], q: usize, ends_sentence: bool) -> Option<Attribution> {
    // a quotation that ends a sentence begun before it (`Clinton says Trump's “…” She says …`)
    // belongs to that sentence's cue, not to the next sentence's subject
    if let Some(a) = japanese(text, tokens, q) {
        return Some(a);
    }
    let inside = q > 0 && tok(tokens, q - 1).sentence == tok(tokens, q).sentence;
    // a quotation inside a leading subordinate clause belongs to that clause's cue, not to the
    // main clause after it ("When Kim pointed out that Lee calls it “…,” Ruiz laughed", "When
    // someone shouted, “…,” Ruiz smiled")
    let floor = sentence_floor(tokens, q);
    let leading = inside
        && tok(tokens, floor).is_word()
        && contains(text.lang.intro_openers, &lower_tok(text, tokens, floor))
        && !(floor..q - 1).any(|k| tok(tokens, k).is_punct(','));
    let early = if ends_sentence && inside || leading {
        before(text, tokens, q)
    } else {
        None
    };
    early
        .or_else(|| {
            after_immediate(text, tokens, q, ends_sentence).map(|mut a| {
                a.after_end = to_sentence_end(tokens, a.after_end);
                a
            })
        })
        .or_else(|| before(text, tokens, q))
        .or_else(|| after_in_sentence(text, tokens, q))
        .map(|mut a| {
            if let Some(s) = antecedent_subject(text, tokens, &a.mention) {
                a.mention = s;
            }
            a
        })
}

/// Speech verbs of Japanese reported speech, as they stand after the quotative と and the
/// speaker: 述べた, 語った, 話した, 言った, 説明した …
const JA_VERBS: &[&str] = &[
    "述べ",
    "語",
    "話",
    "言",
    "説明",
    "強調",
    "指摘",
    "主張",
    "訴え",
    "答え",
    "明らかに",
    "発表",
];

/// Titles after a Japanese name, kept out of it: 佐藤健一代表 → 佐藤健一.
const JA_TITLES: &[&str] = &[
    "代表",
    "氏",
    "首相",
    "大臣",
    "社長",
    "会長",
    "知事",
    "市長",
    "議員",
    "長官",
    "大統領",
    "委員長",
    "教授",
    "総裁",
    "報道官",
    "さん",
];

/// The byte offset in `w` where a speech verb of [`JA_VERBS`] starts, if one does.
fn ja_verb(w: &str) -> Option<usize> {
    w.char_indices()
        .find(|&(i, _)| {
            JA_VERBS
                .iter()
                .any(|v| w.get(i..).unwrap_or("").starts_with(v))
        })
        .map(|(i, _)| i)
}

/// A Japanese speaker `w` (a name, then perhaps a title) at byte `at`, as a mention.
fn ja_mention(w: &str, at: usize) -> Option<Mention> {
    let mut name = w;
    let mut roles = Vec::new();
    if let Some(t) = JA_TITLES
        .iter()
        .find(|t| w.ends_with(**t) && w.len() > t.len())
    {
        name = w.get(..w.len() - t.len()).unwrap_or("");
        roles.push(t.to_string());
    }
    (!name.is_empty() && name.chars().nth(12).is_none()).then(|| Mention {
        kind: MentionKind::Name,
        start: at,
        end: at + name.len(),
        text: name.to_string(),
        head: name.to_string(),
        definite: true,
        roles,
    })
}

/// Japanese reported speech: 「…」と佐藤代表は述べた (the speaker after the quotative と) or
/// 佐藤代表は「…」と述べた (before the quotation), the speaker marked by は or が.
fn japanese(text: &Text, tokens: &[Token], q: usize) -> Option<Attribution> {
    let t = tokens.get(q + 1).filter(|t| t.is_word())?;
    let w = word(text, t).strip_prefix('と')?;
    let at = t.end - w.len();
    let found = |mention: Mention, verb: usize, v: usize| Attribution {
        cue: (verb, tok(tokens, v).end),
        mention,
        after_end: to_sentence_end(tokens, v + 1),
    };
    if ja_verb(w) == Some(0) {
        // the speaker before the quotation: 佐藤代表は「…」と述べた
        let p = tokens[..q].last().filter(|p| p.is_word())?;
        let pw = word(text, p);
        let name = pw.strip_suffix('は').or_else(|| pw.strip_suffix('が'))?;
        return Some(found(ja_mention(name, p.start)?, at, q + 1));
    }
    // the speaker after と, then は or が and the verb, perhaps after a comma
    let (before, rest) = w.split_once(['は', 'が'])?;
    let m = ja_mention(before, at)?;
    if let Some(v) = ja_verb(rest) {
        return Some(found(m, t.end - rest.len() + v, q + 1));
    }
    let n = q + 2 + usize::from(tokens.get(q + 2).is_some_and(|c| c.is_punct('、')));
    let next = tokens.get(n).filter(|n| rest.is_empty() && n.is_word())?;
    let v = ja_verb(word(text, next))?;
    Some(found(m, next.start + v, n))
}

/// The subject a pronoun inside its own sentence stands for: in "Trump accused her of being
/// “duped” by what he called “a con”" or "Ban condemned what he called a “breach”", the
/// sentence is about its subject and the embedded "he" is that subject again, so the subject is
/// the mention (as a reader, and PolNeAR's annotators, take it). The subject must agree: a
/// person for he/she, an organisation for it, any group for they, or the same pronoun.
fn antecedent_subject(text: &Text, tokens: &[Token], m: &Mention) -> Option<Mention> {
    let lang = text.lang;
    let person = contains(lang.person_pronouns, &m.head);
    let org = contains(lang.org_pronouns, &m.head);
    if m.kind != MentionKind::Pronoun || !(person || org || contains(lang.plural_pronouns, &m.head))
    {
        return None;
    }
    // tokens are sorted by offset: a binary search keeps this constant per quotation
    let at = tokens.partition_point(|t| t.start < m.start);
    if !tokens.get(at).is_some_and(|t| t.start == m.start) {
        return None;
    }
    // only a pronoun that opens an embedded clause: "what he called", "in which she said"
    let opener = at > 0
        && tok(tokens, at - 1).is_word()
        && contains(lang.clause_openers, &lower_tok(text, tokens, at - 1));
    if !opener {
        return None;
    }
    let floor = sentence_floor(tokens, at);
    let s = clause_subject(text, tokens, floor, at)?;
    let agrees = match s.kind {
        MentionKind::Name => true,
        MentionKind::Pronoun => s.head == m.head,
        MentionKind::Description if person => head_class(lang, &s.head) == Some(false),
        MentionKind::Description if org => head_class(lang, &s.head) == Some(true),
        MentionKind::Description => true,
    };
    (agrees && s.end <= m.start).then_some(s)
}

fn after_immediate(
    text: &Text,
    tokens: &[Token],
    q: usize,
    ends_sentence: bool,
) -> Option<Attribution> {
    let mut n = q + 1;
    if n < tokens.len() && tok(tokens, n).is_punct(',') {
        n += 1;
    }
    // "…," as a memo put it
    let comma = n > q + 1 || quote_tail(text, tok(tokens, q)) == Some(',');
    let opened = comma
        && n + 1 < tokens.len()
        && tok(tokens, n).is_word()
        && contains(text.lang.inverted_openers, word(text, tok(tokens, n)));
    if opened {
        n += 1;
    }
    // a line of dialogue and the narrator's verb: "—Vamos a ganar —dijo el entrenador—"
    if text.lang.dialogue_dash
        && n == q + 1
        && tokens.get(n).is_some_and(|t| t.is_punct('—'))
        && tokens.get(n + 1).is_some()
        && matches!(cue_at(text, tokens, n + 1), Some(Cue::Verb(_)))
    {
        n += 1;
    }
    let t = tokens.get(n)?;
    // a dash credit: "…" — X (a name, ending the sentence)
    if matches!(t.kind, Kind::Punct('—' | '–' | '-' | '―' | '−')) && n == q + 1 {
        let m = right(text, tokens, n + 1, tokens.len())?;
        let after_end = past(tokens, n + 1, &m);
        // (or a handle in brackets after it: a tweet's credit line "— Ada Okafor (@adaokafor)
        // March 3, 2026"; the name right after the dash, not after a word it skipped: "— Mostly
        // False" rates a claim)
        let handle = tokens.get(after_end).is_some_and(|t| t.is_punct('('));
        if m.kind != MentionKind::Name
            || m.start != tok(tokens, n + 1).start
            || !is_sentence_end(tokens, after_end) && !handle
        {
            return None;
        }
        return Some(Attribution {
            cue: (t.start, t.end),
            mention: m,
            after_end,
        });
    }
    // a quotation followed right away by a verb is that verb's subject ("“American Skin” was
    // written by …"); speech is set off by punctuation: `"…," said X`, `"…?" she asked`
    let set_off = n > q + 1
        || quote_tail(text, tok(tokens, q)).is_some_and(|c| {
            matches!(c, ',' | '.' | '?' | '!' | '…' | '—' | '–' | '-' | ':' | ';')
        });
    if !set_off {
        // only an inverted cue with its speaker: `"…" said Nick Merrill`
        if !matches!(cue_at(text, tokens, n), Some(Cue::Verb(1))) {
            return None;
        }
        let m = right(text, tokens, n + 1, tokens.len())?;
        // (where the verb stands second, a quotation first and the cue after it is inverted
        // whatever its subject: "Als „großen Fehler“ bezeichnete die Ministerin den Plan")
        if m.kind == MentionKind::Description && !(text.lang.verb_second && m.definite) {
            return None;
        }
        let after_end = past(tokens, n + 1, &m);
        return Some(Attribution {
            cue: span(tokens, n, 1),
            mention: m,
            after_end,
        });
    }
    // a verb and its pronoun in one word: "…», affirme-t-elle", "…», a-t-il ajouté"
    if let Some(a) = inverted_pronoun(text, tokens, n) {
        return Some(a);
    }
    // an auxiliary before an inverted participle: "…", a déclaré X / "…", hat X gesagt
    if tok(tokens, n).is_word()
        && contains(text.lang.auxiliaries, word(text, tok(tokens, n)))
        && n + 1 < tokens.len()
        && cue_at(text, tokens, n + 1).is_some()
    {
        let from = after_verb(text, tokens, n + 2, tokens.len());
        let m = right(text, tokens, from, tokens.len())?;
        let after_end = past(tokens, from, &m);
        return Some(Attribution {
            cue: span(tokens, n + 1, 1),
            mention: m,
            after_end,
        });
    }
    // "„…“, so die Agentur": a source word that only a quotation set off makes a cue ("„…“ so
    // das Fazit des Vereins"), perhaps before its verb ("„…“, so urteilte Kim")
    if tok(tokens, n).is_word()
        && contains(text.lang.after_quote_sources, &lower_tok(text, tokens, n))
    {
        if let Some(m) = right(text, tokens, n + 1, tokens.len()) {
            let after_end = past(tokens, n + 1, &m);
            return Some(Attribution {
                cue: span(tokens, n, 1),
                mention: m,
                after_end,
            });
        }
        // (not a name's introduction: "„…“, so heißt ein neues Projekt")
        return v2_inverted(text, tokens, n + 1, true)
            .filter(|a| a.mention.kind != MentionKind::Description || a.mention.definite);
    }
    if let Some(cue) = cue_at(text, tokens, n) {
        // inverted: "…," said X / "…," according to X
        let len = match cue {
            Cue::Verb(l) | Cue::Source(l) => l,
        };
        let from = after_verb(text, tokens, n + len, tokens.len());
        let v2 = text.lang.verb_second;
        // (a participle's subject never follows it: "…," saying the town embodied …)
        let participle = matches!(cue, Cue::Verb(_)) && is_progressive(text, tok(tokens, n));
        // (nor is a description with a verb of its own after it the speaker: "…, said the book
        // was personal" reports what the book was)
        let clause = |m: &Mention| {
            let next = past(tokens, from, m);
            m.kind == MentionKind::Description
                && !text.lang.verb_second
                && tokens.get(next).is_some_and(|t| {
                    let l = lower_tok(text, tokens, next);
                    t.is_word()
                        && (contains(text.lang.copulas, &l)
                            || contains(text.lang.auxiliaries, &l)
                            || contains(text.lang.modals, &l))
                })
        };
        let Some(m) = right(text, tokens, from, tokens.len()).filter(|m| !participle && !clause(m))
        else {
            // a subject the verb carries, where the language drops it: "«…», dijo."
            if let Some(m) = dropped_subject(text, tokens, n + len - 1).filter(|_| {
                !participle
                    && matches!(cue, Cue::Verb(_))
                    && !tokens.get(from).is_some_and(Token::is_word)
            }) {
                return Some(Attribution {
                    cue: span(tokens, n, len),
                    mention: m,
                    after_end: from,
                });
            }
            return v2_inverted(text, tokens, n, comma);
        };
        let (m, after_end) = document_body(text, tokens, m, from);
        // (a phrase of where the speaker stands may end the sentence, "“…?” shouted a man in a
        // yellow vest.", or a clause of what they did meanwhile follow: "… shouted a man as he
        // stood up")
        let end = past_place(text, tokens, after_end);
        let meanwhile = end == after_end
            && tokens.get(end).is_some_and(|t| {
                t.is_word() && contains(text.lang.intro_openers, &lower_tok(text, tokens, end))
            });
        // where the verb stands second, a verb right after a quotation and its comma is its
        // attribution however the sentence goes on („…“, sagte Kim am Montag in Berlin.)
        if ends_sentence
            && !v2
            && (!(meanwhile || is_sentence_end(tokens, end)) || introduces(text, tokens, after_end))
        {
            return None;
        }
        return Some(Attribution {
            cue: span(tokens, n, len),
            mention: m,
            after_end,
        });
    }
    if let Some(a) = v2_inverted(text, tokens, n, comma) {
        return Some(a);
    }
    // a verb the lexicon lacks, read from its form: "…," the senator implored / "…," scoffed X
    if let Some(a) = form_cue_after(text, tokens, n, ends_sentence) {
        return Some(a);
    }
    // "…," X said / "…," X, director of Y, said
    let limit = (n + 30).min(tokens.len());
    for c in n + 1..limit {
        if matches!(
            tok(tokens, c).kind,
            Kind::Quote(_) | Kind::Punct('.' | '!' | '?' | ';' | ':')
        ) {
            break;
        }
        if let Some(Cue::Verb(len)) = cue_at(text, tokens, c) {
            // (where the verb stands second, a subject and its verb after a quotation open a
            // clause of their own: "nannte ihn „überzogen“, Trainer Löw bezeichnete …"; not a
            // "wie X sagte" or an "X zufolge")
            if text.lang.verb_second
                && !opened
                && !contains(text.lang.source_posts, &lower_tok(text, tokens, c))
            {
                break;
            }
            // (a cue inside an apposition, "…," a source, who was not authorized to speak,
            // told Fox News: the next cue)
            let Some(m) = left_from(text, tokens, c, n) else {
                continue;
            };
            let after_end = c + len;
            // after a full sentence, only a name or pronoun right before its verb: `"…?" Trump
            // said of Apple`, not the subject of a new sentence with more to say
            // (not after a fragment that ends a sentence begun before it: "Japan called it an
            // “outlaw state.” Russia insisted that …" opens a sentence of its own)
            let fragment = q > 0
                && tok(tokens, q - 1).is_word()
                && tok(tokens, q - 1).sentence == tok(tokens, q).sentence;
            // (a name with its titles before it: `"…!" US Senator Jeff Sessions said as …`,
            // "State Senator Ana Ruiz")
            let at = tokens.partition_point(|t| t.start < m.start);
            // (the sentence ends there or goes on with a clause of time, not with what was
            // said: "… John Kasich said he would have …" is a sentence of its own)
            let titled = m.kind == MentionKind::Name
                && at > n
                && past(tokens, n, &m) == c
                && all_capitalised(text, &tokens[n..at])
                && (is_sentence_end(tokens, c + len)
                    || tokens.get(c + len).is_some_and(|t| {
                        t.is_word()
                            && contains(text.lang.intro_openers, &lower_tok(text, tokens, c + len))
                    }));
            let tight = !fragment
                && (c == n + 1 && m.kind != MentionKind::Description
                    || c == n + 2 && m.kind == MentionKind::Name
                    || m.kind == MentionKind::Name && tok(tokens, c - 1).is_punct(',')
                    || titled);
            // (a capitalised pronoun after a finished quotation opens a sentence of its own
            // unless the attribution ends there: `"…." He said, twice, that …`)
            let opens = m.kind == MentionKind::Pronoun
                && is_capitalized(&m.text)
                && !matches!(
                    tokens.get(after_end).map(|t| t.kind),
                    None | Some(Kind::Punct('.' | '!' | '?'))
                );
            if ends_sentence && (!is_sentence_end(tokens, after_end) && !tight || opens)
                || ends_sentence && introduces(text, tokens, after_end)
            {
                return None;
            }
            return Some(Attribution {
                cue: span(tokens, c, len),
                mention: m,
                after_end,
            });
        }
    }
    None
}

/// Where the verb stands second, a quotation and its comma followed by a lower-case word that is
/// no function word, determiner or preposition: that word is the finite verb of the attribution,
/// known or not, and its subject follows ("„…“, strich Kim in Bonn heraus", "„…“, ließ ein
/// Sprecher verlauten", "„…“, heißt es in einer Erklärung").
fn v2_inverted(text: &Text, tokens: &[Token], n: usize, comma: bool) -> Option<Attribution> {
    let lang = text.lang;
    // (so too where attributions invert after a quotation, inside the marks or out: "«…»,
    // atizó el entrenador", "« … », a tonné Paul Girard", past an auxiliary)
    let aux = tokens
        .get(n)
        .is_some_and(|t| lang.incises && contains(lang.auxiliaries, word(text, t)));
    let n = n + usize::from(aux);
    let t = tokens.get(n).filter(|t| t.is_word())?;
    let w = word(text, t);
    let l = Lower::new(w);
    if !(lang.verb_second || lang.incises)
        || !comma
        || is_capitalized(w)
        || lang.is_function_word(&l)
        || contains(lang.determiners, &l)
        || l.chars().any(char::is_numeric)
        // (a verb there in the third person, not a copula: "…, fue la respuesta", nor a word in
        // -s, "…, pas les Français, a estimé X")
        || lang.incises && (l.ends_with('s') || contains(lang.copulas, &l))
    {
        return None;
    }
    let from = after_verb(text, tokens, n + 1, tokens.len());
    let m = right(text, tokens, from, tokens.len()).filter(|m| match m.kind {
        MentionKind::Name => true,
        MentionKind::Pronoun => contains(lang.subject_pronouns, &m.head),
        MentionKind::Description if lang.incises => head_class(lang, &m.head).is_some(),
        MentionKind::Description => someone_head(lang, &m.head),
    })?;
    let after_end = past(tokens, from, &m);
    Some(Attribution {
        cue: span(tokens, n, 1),
        mention: m,
        after_end,
    })
}

/// The mention before the verb at token `c` that starts at token `n`, right after a quotation:
/// the subject of an attribution (`"…," the senator said`), with a phrase after its head (`"…,"
/// a voice-over in the ad says`).
fn left_from(text: &Text, tokens: &[Token], c: usize, n: usize) -> Option<Mention> {
    let m = left(text, tokens, c, n)?;
    let at = tokens.partition_point(|t| t.start < m.start);
    // (titles before the name are the mention's: `"…," Sen. Kim said`, `"…," State Senator Ana
    // Ruiz said`)
    if m.start == tokens.get(n)?.start
        || at > n && only_titles(text, &tokens[n..=at])
        || at > n && m.kind == MentionKind::Name && all_capitalised(text, &tokens[n..at])
        // (or an article and adjectives: `"…," an angry Hollande retaliated`)
        || at > n + 1
            && m.kind == MentionKind::Name
            && !text.lang.capitalised_nouns
            && contains(text.lang.determiners, &lower_tok(text, tokens, n))
            && tokens[n + 1..at].iter().all(|t| {
                let w = word(text, t);
                t.is_word()
                    && !is_capitalized(w)
                    && !text.lang.is_function_word(&Lower::new(w))
                    && !verb_form(text.lang, w)
            })
    {
        return Some(m);
    }
    // (past the name's article: "… from the Harbour Board said"; "by" as well as the role
    // prepositions: "the report by …")
    let mut p = at.checked_sub(1).filter(|&p| p > n)?;
    if p > n + 1
        && tok(tokens, p).is_word()
        && contains(text.lang.determiners, &lower_tok(text, tokens, p))
        && tok(tokens, p - 1).is_word()
    {
        p -= 1;
    }
    let l = lower_tok(text, tokens, p);
    if !tok(tokens, p).is_word() || !(contains(text.lang.role_stops, &l) || *l == *text.lang.agent)
    {
        return None;
    }
    // (a document's body speaks for it: "…," a statement from the Harbour Board said)
    left(text, tokens, p, n)
        .filter(|h| h.start == tok(tokens, n).start)
        .map(|h| if document_of(text.lang, &h, &l) { m } else { h })
}

/// Where a phrase of where the speaker stands or wrote ends, after the speaker's mention ends
/// at token `k` ("… shouted a man in a yellow vest.", "… begins Tom Reyes in the Harbour
/// Times."): at most twelve words from a preposition in lower case (a capitalised one runs on a
/// name: "drawled All For One"); `k` where none stands.
fn past_place(text: &Text, tokens: &[Token], k: usize) -> usize {
    let mut end = k;
    if tokens.get(k).is_some_and(|t| {
        t.is_word()
            && !is_capitalized(word(text, t))
            && contains(text.lang.role_stops, &lower_tok(text, tokens, k))
    }) {
        while end < k + 12 && tokens.get(end).is_some_and(Token::is_word) {
            end += 1;
        }
    }
    end
}

/// A cue read from its form right after a quotation set off by punctuation (token `n` is the
/// first after it): `<subject> <verb>` or `<verb> <name or description>`, where the subject is a
/// name, a pronoun or a description of a person or organisation, and no lexicon cue stands first.
fn form_cue_after(
    text: &Text,
    tokens: &[Token],
    n: usize,
    ends_sentence: bool,
) -> Option<Attribution> {
    let first = tokens.get(n).filter(|t| t.is_word())?;
    let someone = |m: &Mention| match m.kind {
        MentionKind::Name | MentionKind::Pronoun => true,
        MentionKind::Description => head_class(text.lang, &m.head).is_some(),
    };
    // inverted: "…," scoffed Mara Lindqvist, a shop owner; "…," finds Tom Reyes (a present
    // only before a name: "…," reads the sign), perhaps with where they wrote it ("…," begins
    // Tom Reyes in the Harbour Times)
    let past_tense = word(text, first).ends_with("ed");
    if verb_form(text.lang, word(text, first)) {
        let m = right(text, tokens, n + 1, tokens.len()).filter(|m| {
            // (a name, perhaps after its owner: "the Tribune's Dana Ruiz")
            let last = m.text.bytes().rposition(|b| b == b' ').map_or(0, |s| s + 1);
            let named = is_capitalized(m.text.get(last..).unwrap_or(""));
            m.kind != MentionKind::Pronoun && (someone(m) || named) && (past_tense || named)
        })?;
        let after_end = past(tokens, n + 1, &m);
        if !is_sentence_end(tokens, past_place(text, tokens, after_end))
            || ends_sentence && introduces(text, tokens, after_end)
        {
            return None;
        }
        return Some(Attribution {
            cue: span(tokens, n, 1),
            mention: m,
            after_end,
        });
    }
    for c in n + 1..(n + 7).min(tokens.len()) {
        if !tok(tokens, c).is_word() || cue_at(text, tokens, c).is_some() {
            return None;
        }
        // (a word for people in -s is their noun: "…," Eastland officials said; so is any word
        // in -s right before a verb of the lexicon: "…," Harbour traders said)
        let w = word(text, tok(tokens, c));
        if !verb_form(text.lang, w)
            || head_class(text.lang, &Lower::new(w)).is_some()
            || w.ends_with('s') && cue_at(text, tokens, c + 1).is_some()
        {
            continue;
        }
        let m = left_from(text, tokens, c, n).filter(someone)?;
        let after_end = c + 1;
        let tight = c == n + 1 || c == n + 2 && m.kind == MentionKind::Name;
        let ends = is_sentence_end(tokens, after_end);
        if ends_sentence && (!ends && !tight || introduces(text, tokens, after_end)) {
            return None;
        }
        return Some(Attribution {
            cue: span(tokens, c, 1),
            mention: m,
            after_end,
        });
    }
    None
}

/// Whether the attribution ending before token `k` introduces the next quotation, a new sentence
/// (`"…." He added, "…"`, `He added: "…"`): after a quotation that ended its sentence, such a cue
/// is the next one's, and the finished quotation continues the speaker before it. (A next
/// quotation in lower case continues one sentence: `"Why?" he asked, "would anyone …"`.)
fn introduces(text: &Text, tokens: &[Token], k: usize) -> bool {
    let k = k + usize::from(
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | ':'))),
    );
    let Some(t) = tokens.get(k).filter(|t| matches!(t.kind, Kind::Quote(_))) else {
        return false;
    };
    text.get(t.start..t.end)
        .and_then(|q| q.chars().find(|c| c.is_alphanumeric()))
        .is_some_and(char::is_uppercase)
}

/// A verb inverted with its subject pronoun in one hyphenated word at token `n` (French
/// "affirme-t-elle", or an auxiliary before the participle: "a-t-il ajouté"): the cue is the verb
/// (or the participle after the auxiliary), the mention the pronoun inside the word.
pub(super) fn inverted_pronoun(text: &Text, tokens: &[Token], n: usize) -> Option<Attribution> {
    let lang = text.lang;
    let t = tokens.get(n).filter(|t| t.is_word())?;
    let w = word(text, t);
    let suffix = lang
        .inverted_pronouns
        .iter()
        .find(|s| w.len() > s.len() && w.ends_with(**s))?;
    let stem = Lower::new(w.get(..w.len() - suffix.len())?);
    // (after the last hyphen, found a byte at a time: `rsplit_once` brings in core's searcher)
    let hyphen = suffix.bytes().rposition(|b| b == b'-').map_or(0, |h| h + 1);
    let pronoun = suffix.get(hyphen..).unwrap_or(suffix);
    let (cue, after_end) = if lang.is_cue_verb(&stem) {
        ((t.start, t.end - suffix.len()), n + 1)
    } else if contains(lang.auxiliaries, &stem) {
        let c = tokens
            .get(n + 1)
            .filter(|c| c.is_word() && lang.is_cue_verb(&Lower::new(word(text, c))))?;
        ((c.start, c.end), n + 2)
    } else {
        return None;
    };
    Some(Attribution {
        cue,
        mention: Mention {
            kind: MentionKind::Pronoun,
            start: t.end - pronoun.len(),
            end: t.end,
            text: pronoun.to_string(),
            head: pronoun.to_string(),
            definite: true,
            roles: Vec::new(),
        },
        after_end,
    })
}

/// The last character inside a quotation token, before its closing mark.
fn quote_tail(text: &Text, t: &Token) -> Option<char> {
    let inner = text.get(t.start..t.end)?;
    let mut it = inner.chars().rev();
    // the closing mark (none where a quotation was split at an attribution inside its marks:
    // it ends with its comma)
    if it.next()? == ',' {
        return Some(',');
    }
    it.find(|c| !c.is_whitespace() && *c != '\'' && *c != '’')
}

fn sentence_floor(tokens: &[Token], q: usize) -> usize {
    let s = tok(tokens, q).sentence;
    let mut k = q;
    while k > 0 && tok(tokens, k - 1).sentence == s && q - k < 60 {
        k -= 1;
    }
    k
}

fn before(text: &Text, tokens: &[Token], q: usize) -> Option<Attribution> {
    let mut floor = sentence_floor(tokens, q);
    // where the verb stands second, a colon before a main clause opens a sentence of its own:
    // "Auch die Kommission kritisierte das Gesetz: So sagte Kommissar Olli Rehn: „…“"
    // (so does a quotation and its comma before a capitalised subject: "nannte ihn „überzogen“,
    // Trainer Löw bezeichnete es als „…“")
    if text.lang.verb_second {
        if let Some(c) = (floor..q.saturating_sub(2)).rev().find(|&c| {
            (tok(tokens, c).is_punct(':')
                || tok(tokens, c).is_punct(',')
                    && c > 0
                    && matches!(tok(tokens, c - 1).kind, Kind::Quote(_)))
                && tok(tokens, c + 1).is_word()
                && is_capitalized(word(text, tok(tokens, c + 1)))
        }) {
            floor = c + 1;
        }
    }
    // a caption's label opens its line: "Media caption Ana Ruiz: “…”"
    if floor + 2 < q
        && tok(tokens, floor + 1).is_word()
        && contains(text.lang.label_words, &lower_tok(text, tokens, floor + 1))
    {
        floor += 2;
    }
    let found = |cue: (usize, usize), mention: Mention| Attribution {
        cue,
        mention,
        after_end: q + 1,
    };
    // a speaker and verb right before the quotation (`…, Trump boasted, “…”`) is its attribution,
    // whatever a clause before says ("When Clinton noted that …")
    let adjacent = if q > floor + 1 && matches!(tok(tokens, q - 1).kind, Kind::Punct(',' | ':')) {
        q - 2
    } else {
        q.saturating_sub(1)
    };
    if adjacent > floor
        && matches!(cue_at(text, tokens, adjacent), Some(Cue::Verb(1)))
        && !is_progressive(text, tok(tokens, adjacent))
    {
        // a participle after its clause's finite verb and subject: "Stoiber hatte die Rolle der
        // Vorsitzenden betont: „…“"
        if let Some(m) = v2_speaker(text, tokens, floor, adjacent, q) {
            return Some(found(span(tokens, adjacent, 1), m));
        }
        if let Some(m) =
            left(text, tokens, adjacent, floor).filter(|m| m.kind != MentionKind::Description)
        {
            return Some(found(span(tokens, adjacent, 1), m));
        }
        // a second verb of the nearest clause's subject: "…, I laughed and said, “…”"
        if tok(tokens, adjacent - 1).is_word()
            && contains(
                text.lang.coordinators,
                &lower_tok(text, tokens, adjacent - 1),
            )
        {
            if let Some(m) = nearest_clause_subject(text, tokens, floor, adjacent - 1) {
                return Some(found(span(tokens, adjacent, 1), m));
            }
        }
    }
    // the first cue of the sentence that yields a mention (the main clause's speaker: "Trump said
    // Clinton once described it as “…”" is Trump's claim); a cue in a leading adverbial ("In a
    // statement posted Friday, Cruz said …") only when the main clause has none ("As Rosenthal
    // put it, the question is “…”")
    let intro = intro_end(text, tokens, floor, q);
    let main = first_cue(text, tokens, floor, intro..q, q, false);
    // a main clause with no cue that introduces the quoted sentence speaks, not a cue of the
    // leading adverbial: "When Okafor suggested …, Ruiz fired back: “…”"
    let introduced = q > intro + 1
        && intro > floor
        && !text.lang.verb_second
        && matches!(tok(tokens, q - 1).kind, Kind::Punct(',' | ':'))
        && introduces(text, tokens, q - 1);
    if main.is_none() && introduced {
        if let Some(m) = clause_subject(text, tokens, intro, q - 1) {
            return Some(found((tok(tokens, q - 1).start, tok(tokens, q - 1).end), m));
        }
    }
    let cued = main.or_else(|| first_cue(text, tokens, floor, floor..intro, q, false));
    // a later clause of the sentence with its own subject is nearer the quotation and its
    // speaker's mention: "Comey cleared her, but he called her actions “…”"
    let near = first_cue(text, tokens, floor, intro..q, q, true).filter(|n| {
        // (a clause of its own, after "but", "and" or a comma; not a reported one: "Lynch said
        // she recalled …")
        let at = tokens.partition_point(|t| t.start < n.mention.start);
        let joined = at > floor
            && (tok(tokens, at - 1).is_punct(',')
                || tok(tokens, at - 1).is_word()
                    && contains(text.lang.coordinators, word(text, tok(tokens, at - 1))));
        // (a name or a definite description there too: "…, but the mayor called it “…”")
        let someone = match n.mention.kind {
            MentionKind::Pronoun => contains(text.lang.subject_pronouns, &n.mention.head),
            MentionKind::Name => true,
            MentionKind::Description => n.mention.definite,
        };
        joined
            && someone
            && cued
                .as_ref()
                .is_some_and(|c| c.mention.start < n.mention.start)
    });
    let cued = near.or(cued);
    // a relative clause's cue ("Kim, who said last week …, issued a statement saying, “…”") only
    // when the main clause gives no speaker
    let relative = match cued {
        Some(a) if is_relative(text, &a.mention) => Some(a),
        Some(a) => return Some(a),
        None => None,
    };
    // a sentence stating someone's view, where the verb does not stand second (there the
    // fragment's own rule reads it): "Pour Anne Morel, maire de Nordville, « … »", "Para la
    // alcaldesa, el plan es «…»"
    if !text.lang.verb_second {
        if let Some(m) = view_of(text, tokens, floor, q) {
            return Some(found(span(tokens, floor, 1), m));
        }
    }
    // a clause that introduces a quoted sentence with a comma or a colon, whatever its verb: the
    // clause's subject speaks ("Ortega went even further: “…”", "But she wanted to know, “…”",
    // "the board was firm in its ruling: “…”")
    // (a name or a title is no one's words by its introduction, outside a headline: "the station
    // launched a new show: “Tides of the North”")
    let title = || {
        !text.lang.capitalised_nouns
            && super::kind::title_like(word(text, tok(tokens, q)))
            && !(text.lang.title_case_headlines && super::is_headline(text))
    };
    if q > floor + 1
        && matches!(tok(tokens, q - 1).kind, Kind::Punct(',' | ':'))
        && introduces(text, tokens, q - 1)
        && !title()
    {
        // a headline's capitalised verbs run into names ("Nurse Diagnosed with Cancer Writes to
        // Patients: ‘…’"): the headline's own rule reads it
        let headline = text.lang.title_case_headlines && super::is_headline(text);
        if let Some(m) = clause_subject_of(text, tokens, floor, q - 1, true).filter(|_| !headline) {
            // the finite verb, before its subject or after it
            let v = if text.lang.verb_second {
                finite_verb(text, tokens, floor, q - 1).unwrap_or(q)
            } else {
                past(tokens, floor, &m)
            };
            let cue = if v + 1 < q && tok(tokens, v).is_word() {
                span(tokens, v, 1)
            } else {
                (tok(tokens, q - 1).start, tok(tokens, q - 1).end)
            };
            // (an adverb alone before the colon makes no clause: "Lire aussi :", "Lea también:"
            // bid the reader to a link)
            let adverb_only = v + 2 == q
                && tok(tokens, v).is_word()
                && is_between(text.lang, word(text, tok(tokens, v)));
            if !adverb_only {
                return Some(found(cue, m));
            }
        }
        // a colon after a clause about someone, whatever stands between ("Clinton has since
        // apologized for what happened: “…”"), or after a name it ends with ("… - Pew Research:
        // “…”", "explained moderator Nancy Cordes: “…”")
        // (where nouns are capitalised, a capital word before the colon is no name)
        if tok(tokens, q - 1).is_punct(':') && !text.lang.capitalised_nouns {
            let colon = (tok(tokens, q - 1).start, tok(tokens, q - 1).end);
            let named = left(text, tokens, q - 1, floor).filter(|m| m.kind == MentionKind::Name);
            // a credit after a dash: "… - Pew Research:"
            let credit = named.as_ref().is_some_and(|m| {
                let at = tokens.partition_point(|t| t.start < m.start);
                at > floor && matches!(tok(tokens, at - 1).kind, Kind::Punct('-' | '—' | '–'))
            });
            if credit {
                return named.map(|m| found(colon, m));
            }
            let subject = subject(text, tokens, floor, q - 1).filter(|m| {
                let next = past(tokens, floor, m);
                // not a headline in capitals, nor a capitalised word before a function word
                // ("Signs of …", "Ever since …")
                let shouting = m.text.contains(' ') && !m.text.chars().any(char::is_lowercase);
                let function = tokens.get(next).is_some_and(|t| {
                    t.is_word()
                        && (text.lang.is_function_word(&Lower::new(word(text, t)))
                            && !is_between(text.lang, word(text, t))
                            || numeric(word(text, t)))
                });
                is_someone(text, m) && !shouting && !function
            });
            if let Some(m) = subject.or(named).filter(|_| !headline) {
                return Some(found(colon, m));
            }
        }
    }
    // a transcript line or a headline: `PENCE: "…"`, `Pat Caddell: Voters … ‘in Their Heads’`
    // (one colon: a second one after it makes the first a form's label, "Search: tip: …")
    if let Some(colon) = (floor + 1..q)
        .find(|&k| tok(tokens, k).is_punct(':'))
        .filter(|&c| !(c + 1..q).any(|k| tok(tokens, k).is_punct(':')))
    {
        // where nouns are capitalised, a line with no verb before its colon names the speaker
        // first ("Bundesinnenminister Kern: „…“", "Ein Beamter der Polizei nach der Festnahme:
        // „…“")
        if text.lang.capitalised_nouns && finite_verb(text, tokens, floor, colon).is_none() {
            if let Some(m) = right(text, tokens, floor, colon)
                .filter(|m| m.kind != MentionKind::Description || someone_head(text.lang, &m.head))
            {
                return Some(found((tok(tokens, colon).start, tok(tokens, colon).end), m));
            }
        } else if let Some(m) = left(text, tokens, colon, floor) {
            if m.start == tok(tokens, floor).start && m.kind != MentionKind::Description {
                return Some(found((tok(tokens, colon).start, tok(tokens, colon).end), m));
            }
        }
    }
    relative
}

/// Whether a word is a number: it goes with a name ("Flight 370", "Apollo 11"), it is no verb.
fn numeric(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// The first of at most three cues in `range` (within the sentence from `floor`) that yields a
/// mention, for the quotation at token `q`.
fn first_cue(
    text: &Text,
    tokens: &[Token],
    floor: usize,
    range: std::ops::Range<usize>,
    q: usize,
    nearest: bool,
) -> Option<Attribution> {
    let found = |cue: (usize, usize), mention: Mention| Attribution {
        cue,
        mention,
        after_end: q + 1,
    };
    let mut tried = 0;
    // a cue of a relative clause ("Kim, who called …, told reporters") only when no later cue
    // of the sentence has a speaker
    let mut relative_cue = None;
    // the speaker of an inverted cue before ("“…,” said Burr, adding that …"), for a participle
    let mut inverted: Option<Mention> = None;
    let nearest = usize::from(nearest);
    // (nearest first: the range backwards, without collecting it)
    for n in 0..range.len() {
        let k = if nearest == 1 {
            range.end - 1 - n
        } else {
            range.start + n
        };
        let Some(cue) = cue_at(text, tokens, k) else {
            continue;
        };
        tried += 1;
        if tried > 3 {
            break;
        }
        match cue {
            Cue::Source(len) => {
                if let Some(m) = source(text, tokens, k + len, q) {
                    return Some(found(span(tokens, k, len), m));
                }
            }
            Cue::Verb(len) => {
                // (the comma may close a quotation before it: `address “that person,” telling`)
                let comma = k > floor
                    && (tok(tokens, k - 1).is_punct(',')
                        || matches!(tok(tokens, k - 1).kind, Kind::Quote(_))
                            && quote_tail(text, tok(tokens, k - 1)) == Some(','));
                // (or a preposition: "they published it by announcing that …", "after saying")
                let prep = k > floor + 1 && tok(tokens, k - 1).is_word() && {
                    let p = lower_tok(text, tokens, k - 1);
                    *p == *text.lang.agent
                        || contains(text.lang.intro_openers, &p)
                        || contains(text.lang.role_stops, &p)
                };
                let participle = (comma || prep) && is_progressive(text, tok(tokens, k));
                if participle {
                    // "Clinton spoke out, arguing that …": the sentence's subject speaks
                    if let Some(m) = subject(text, tokens, floor, k).or(inverted.take()) {
                        return Some(found(span(tokens, k, len), m));
                    }
                    continue;
                }
                if let Some(m) = v2_speaker(text, tokens, floor, k, q) {
                    return Some(found(span(tokens, k, len), m));
                }
                // an infinitive's speaker is its clause's subject, not a thing or a name its verb
                // takes as object right before it: "Baird quit the show to defend himself
                // against …" (but "drove the candidate to say", "Obama was to speak")
                let m = left(text, tokens, k, floor);
                let object = k > floor + 2
                    && tok(tokens, k - 1).is_word()
                    && word(text, tok(tokens, k - 1)) == text.lang.infinitive
                    && m.as_ref().map_or(true, |m| {
                        // (a verb of its own after it makes it a subject: "Obama was to speak")
                        let next = tokens.partition_point(|t| t.start < m.end);
                        let verb = tokens.get(next).is_some_and(|t| {
                            let l = Lower::new(word(text, t));
                            t.is_word()
                                && (contains(text.lang.copulas, &l)
                                    || contains(text.lang.auxiliaries, &l)
                                    || verb_form(text.lang, word(text, t)))
                        });
                        !verb
                            && m.kind != MentionKind::Pronoun
                            && head_class(text.lang, &m.head) != Some(false)
                    });
                let m = if object {
                    subject(text, tokens, floor, k).or(m)
                } else {
                    m
                };
                // (someone's thing after a preposition is no subject: "… jerking his thumb over
                // his shoulder said")
                let m = m.and_then(|m| {
                    let owned = !is_speaker_like(text, &m)
                        && text.str.get(m.start..).is_some_and(|s| {
                            let first = s.split(' ').next().unwrap_or("");
                            contains(text.lang.possessives, &Lower::new(first))
                        });
                    if owned {
                        subject_not_object(text, tokens, m, floor)
                    } else {
                        Some(m)
                    }
                });
                if let Some(m) = m {
                    if is_relative(text, &m) {
                        relative_cue = relative_cue.or(Some(found(span(tokens, k, len), m)));
                        continue;
                    }
                    // "X issued a statement saying …": the statement is X's
                    let document = m.kind == MentionKind::Description
                        && !m.definite
                        && is_progressive(text, tok(tokens, k));
                    if document {
                        if let Some(s) = subject(text, tokens, floor, k)
                            .filter(|s| s.kind != MentionKind::Description || s.definite)
                        {
                            return Some(found(span(tokens, k, len), s));
                        }
                    }
                    return Some(found(span(tokens, k, len), m));
                }
                // a second verb of the subject: "McConnell embraced him and said …"
                let coordinated = k > floor
                    && tok(tokens, k - 1).is_word()
                    && contains(text.lang.coordinators, word(text, tok(tokens, k - 1)));
                if coordinated {
                    if let Some(m) = subject(text, tokens, floor, k) {
                        return Some(found(span(tokens, k, len), m));
                    }
                }
                // inverted before the quotation: said Trump: "…"
                let from = after_verb(text, tokens, k + len, q);
                if let Some(m) = right(text, tokens, from, q) {
                    let e = past(tokens, from, &m);
                    // (a thing right before the quotation is the verb's object: "called the plan
                    // “a disgrace”")
                    if e == q && is_speaker_like(text, &m)
                        || (e + 1 == q && matches!(tok(tokens, e).kind, Kind::Punct(':' | ',')))
                    {
                        return Some(found(span(tokens, k, len), m));
                    }
                    if nearest == 0 {
                        inverted = Some(m.clone());
                    }
                    // verb-second: "Zur Begründung erklärte die Richterin, dass „…“"
                    if text.lang.verb_second {
                        return Some(found(span(tokens, k, len), m));
                    }
                } else if let Some(m) =
                    dropped_subject(text, tokens, k + len - 1).filter(|_| !coordinated)
                {
                    // no subject on either side, where the language drops it: "Luego indicó:
                    // «…»", "Señaló que «…»" (not a second verb whose subject was not found:
                    // "el informe ubicó …, y aseguraba que «…»" is the report's)
                    return Some(found(span(tokens, k, len), m));
                }
            }
        }
    }
    relative_cue
}

/// The subject a verb ending at token `end` carries, where the language drops it (Spanish
/// "«…», dijo.", [`Lang::dropped_subject`]): a pronoun resolved as any other, whose mention and
/// head are empty (nothing of the text names the speaker, nor a gender), just after the verb.
fn dropped_subject(text: &Text, tokens: &[Token], end: usize) -> Option<Mention> {
    let at = tok(tokens, end).end;
    // (a plural verb carries no one the singular pronoun finds: "consideran que «…»")
    if !text.lang.dropped_subject
        || word(text, tok(tokens, end)).ends_with(text.lang.plural_verb_ending)
    {
        return None;
    }
    // the subject of the sentence before, in the same paragraph, where it is someone: "En un
    // mensaje en la red X, Trump se refirió a Petro … Además, amenazó con que «…»" (the first
    // named of the paragraph is the network)
    let floor = sentence_floor(tokens, end);
    if floor > 0 {
        // (not where a quotation opens that sentence: "“Fue un error”, señala Ruiz. «…»,
        // resaltó" is Ruiz's, by the pronoun)
        let before = sentence_floor(tokens, floor - 1);
        if let Some(m) =
            clause_subject(text, tokens, before, floor).filter(|_| tok(tokens, before).is_word())
        {
            return Some(m);
        }
    }
    Some(Mention {
        kind: MentionKind::Pronoun,
        start: at,
        end: at,
        text: String::new(),
        head: String::new(),
        definite: true,
        roles: Vec::new(),
    })
}

/// Where the verb stands second, the speaker of cue verb `k` by the clause it heads (the sentence
/// from `floor`, before quotation token `q`): the subject of a verb-final subordinate clause that
/// opens the sentence stands right after its conjunction ("Wie der Minister am Montag in Berlin
/// erklärte, …"); the subject of the main clause's finite verb is its first constituent or stands
/// right after the verb ("Theo Kern vom Bankhaus Vogt sagte dazu: „…“", "Am Montag sagte dazu die
/// Ministerin: „…“").
fn v2_speaker(text: &Text, tokens: &[Token], floor: usize, k: usize, q: usize) -> Option<Mention> {
    let lang = text.lang;
    if !lang.verb_second || k <= floor {
        return None;
    }
    if let Some(m) = clause_final_speaker(text, tokens, floor, k) {
        return Some(m);
    }
    // a pronoun that is only ever a subject right after the cue ("bezeichnete er …", "sagte
    // ich"), whatever stands first
    let a = after_verb(text, tokens, k + 1, q);
    if a < q && {
        let l = lower_tok(text, tokens, a);
        contains(lang.person_pronouns, &l) || contains(lang.writer_pronouns, &l)
    } {
        return right(text, tokens, a, q);
    }
    let first = lower_tok(text, tokens, floor);
    let subordinate = tok(tokens, floor).is_word()
        && (contains(lang.intro_openers, &first) || contains(lang.clause_openers, &first));
    // its verb stands last, before the comma ("Als Antwort sagte ein Sprecher" is a main clause)
    if subordinate && tokens.get(k + 1).is_some_and(|t| t.is_punct(',')) {
        // (a main clause after it with a subject of its own introduces the quotation with a
        // colon: "Wie der Sender berichtet, gab ihm Kim eine Antwort: „…“" is Kim's)
        let main = tok(tokens, q.wrapping_sub(1))
            .is_punct(':')
            .then(|| v2_subject(text, tokens, k + 2, q - 1))
            .flatten()
            .filter(|m| is_someone(text, m));
        return main.or_else(|| right(text, tokens, floor + 1, k));
    }
    // the cue in the main clause, as its finite verb or a participle after it ("Der Sprecher
    // hatte am Mittwoch erklärt, …"): no comma between them (an apposition before the verb is
    // the subject's: "Die Leiterin, Eva Lind, sagte")
    let v = finite_verb(text, tokens, floor, q).filter(|&v| v <= k)?;
    if (v..k).any(|c| tok(tokens, c).is_punct(',')) {
        return None;
    }
    subject(text, tokens, floor, q)
}

/// Where the verb stands last in a subordinate or relative clause inside the sentence (from
/// `floor`), the speaker of cue verb `k` that ends one: the subject right after its conjunction
/// ("…, zumal Anwalt Kern betont hatte, …", "…, weil die Regierung ihn als „…“ bezeichnet hat"),
/// or the phrase a relative pronoun stands for ("ein Kommentar, der den Plan als „…“
/// bezeichnet"). A main clause's verb stands second, never last before its comma.
#[inline(never)]
fn clause_final_speaker(text: &Text, tokens: &[Token], floor: usize, k: usize) -> Option<Mention> {
    let lang = text.lang;
    // the cue and perhaps its auxiliary end the clause ("betont hatte,", "bezeichnet hat.")
    let mut e = k + 1;
    while e < k + 3
        && tokens
            .get(e)
            .is_some_and(|t| is_between(lang, word(text, t)))
    {
        e += 1;
    }
    // (or a colon, though not after a passive: "Kim wird von der Zeitung so zitiert:")
    let colon = tokens.get(e).is_some_and(|t| t.is_punct(':'));
    if !is_sentence_end(tokens, e) && !colon {
        return None;
    }
    // the clause opens after the nearest comma before the cue
    let c = (floor.max(k.saturating_sub(30))..k)
        .rev()
        .find(|&c| tok(tokens, c).is_punct(','));
    // a passive's agent in the clause ("Seine Werke werden von Kritikern als „…“ bezeichnet",
    // "Es wurde vom Sohn die Vermutung geäußert, …"), the nearest ("die Gefahr von Bränden vom
    // Wetteramt")
    let clause = c.map_or(floor, |c| c + 1)..k;
    if !colon
        && clause
            .clone()
            .any(|a| contains(lang.passive_auxiliaries, &lower_tok(text, tokens, a)))
    {
        if let Some(g) = clause
            .clone()
            .rev()
            .find(|&g| contains(lang.passive_agents, &lower_tok(text, tokens, g)))
        {
            return right(text, tokens, g + 1, k);
        }
    }
    let c = c?;
    let j = c + 1;
    if j + 1 >= k {
        return None;
    }
    let opener = lower_tok(text, tokens, j);
    let next = lower_tok(text, tokens, j + 1);
    // (a pronoun after a relative pronoun is the subject: "die er als „…“ bezeichnet")
    if contains(lang.clause_openers, &opener)
        || contains(lang.intro_openers, &opener)
        || contains(lang.subject_pronouns, &next)
    {
        return right(text, tokens, j + 1, k).filter(|m| {
            m.kind != MentionKind::Description || m.definite || head_class(lang, &m.head).is_some()
        });
    }
    // a relative pronoun of a subject's case before a word that is no noun ("der die Pläne",
    // "die zunächst", "welche die …")
    let relative = matches!(&*opener, "der" | "die" | "das" | "welche" | "welcher")
        && !is_capitalized(word(text, tok(tokens, j + 1)))
        && (contains(lang.determiners, &next) || lang.is_function_word(&next));
    if relative {
        return left(text, tokens, c, floor).filter(|m| someone_head(lang, &m.head));
    }
    // else the clause's first phrase, an object's relative pronoun before it ("die Kim Ahrens
    // zum Maßstab erklärt hatte: „…“")
    right(text, tokens, j, k)
        .filter(|m| is_speaker_like(text, m))
        .or_else(|| {
            (contains(lang.determiners, &opener) && is_capitalized(word(text, tok(tokens, j + 1))))
                .then(|| right(text, tokens, j + 1, k))
                .flatten()
        })
}

/// Where a leading adverbial ends: "In a statement posted Friday, …", "As Kim put it, …",
/// "Following the vote, …" (a preposition or subordinator, then a comma within 20 tokens); else
/// `floor`.
fn intro_end(text: &Text, tokens: &[Token], floor: usize, q: usize) -> usize {
    let opens = tokens.get(floor).is_some_and(|t| {
        t.is_word() && contains(text.lang.intro_openers, &Lower::new(word(text, t)))
    });
    if !opens {
        return floor;
    }
    (floor + 1..q.min(floor + 20))
        .find(|&k| tok(tokens, k).is_punct(','))
        .map_or(floor, |c| c + 1)
}

/// The subject of the sentence of a partial quotation that has no cue: "Rubio bemoaned a climate
/// in which people “literally hate each other”", "She signed an agreement barring her from
/// publishing a “diary, memoir, letter”". News prose quotes a fragment inside a sentence about
/// the one whose words they are. Only a name, a personal pronoun or a description with a person or
/// organisation head, followed by its (lower-case) verb.
pub fn sentence_subject(text: &Text, tokens: &[Token], q: usize) -> Option<Mention> {
    let floor = sentence_floor(tokens, q);
    // (not the writer or "it" of a clause in between: "even if we accept a “…”", "a dialog that
    // it pops up saying “…”": those quote a term or a thing, not their own words)
    let lang = text.lang;
    nearest_clause_subject(text, tokens, floor, q)
        .filter(|m| {
            m.kind != MentionKind::Pronoun
                || !contains(lang.writer_pronouns, &m.head) && !contains(lang.org_pronouns, &m.head)
        })
        .or_else(|| clause_subject(text, tokens, floor, q))
}

/// "Für den Historiker Jan Ebert ist der Plan „…“", "Pour Anne Morel, maire de Nordville,
/// « … »": the one whose view the sentence starting at `floor` states, named first after one of
/// the language's view openers (someone named in full or described as a person or a body).
fn view_of(text: &Text, tokens: &[Token], floor: usize, q: usize) -> Option<Mention> {
    let lang = text.lang;
    // (most languages list none: no lower-case copy of the first word for them)
    (!lang.view_openers.bytes.is_empty()
        && tok(tokens, floor).is_word()
        && contains(lang.view_openers, &lower_tok(text, tokens, floor)))
    .then(|| right(text, tokens, floor + 1, q))
    .flatten()
    .filter(|m| match m.kind {
        MentionKind::Name => m.text.contains(' '),
        MentionKind::Pronoun => false,
        MentionKind::Description => head_class(lang, &m.head).is_some(),
    })
}

/// The subject of the clause a fragment stands in, when a clause of its own (after a comma, a
/// coordinator or a conjunction) precedes it in the sentence: "Kim spoke first, and she warned of
/// a “long winter”", "On the night when the last votes came in from the north, Ruiz called for a
/// “pause”" (a reader takes the nearest subject, not the sentence's first words).
fn nearest_clause_subject(
    text: &Text,
    tokens: &[Token],
    floor: usize,
    q: usize,
) -> Option<Mention> {
    let lang = text.lang;
    if lang.verb_second {
        return view_of(text, tokens, floor, q);
    }
    (floor + 1..q)
        .rev()
        .take(40)
        .filter(|&k| match tok(tokens, k).kind {
            Kind::Punct(c) => matches!(c, ',' | ';' | '—' | '–'),
            Kind::Word => {
                let l = lower_tok(text, tokens, k);
                contains(lang.coordinators, &l)
                    || contains(lang.intro_openers, &l) && !contains(lang.role_stops, &l)
            }
            _ => false,
        })
        .find_map(|k| {
            // (right after the boundary, not an object after a verb; a verb or a parenthesis
            // right after it: not a name in a list, "Europe and Africa, and …")
            clause_subject(text, tokens, k + 1, q).filter(|m| {
                let mut v = past(tokens, k + 1, m);
                while v < q
                    && tok(tokens, v).is_word()
                    && is_between(lang, word(text, tok(tokens, v)))
                {
                    v += 1;
                }
                (m.start == tok(tokens, k + 1).start
                    || is_capitalized(word(text, tok(tokens, k + 1))))
                    && tokens.get(v).is_some_and(|t| {
                        let w = word(text, t);
                        t.is_punct('(')
                            || t.is_word()
                                && !is_capitalized(w)
                                && !lang.is_function_word(&Lower::new(w))
                    })
            })
        })
}

/// Who speaks for a name with no cue, by how it stands in its clause: the name itself where a
/// verb follows it (past the words that may stand between: "Alibaba has hit out at …", "Kessel
/// Lines filed …"), the noun phrase it modifies when that phrase names someone ("the Harbour Board
/// chairman" in "The Harbour Board chairman warned of a “…”"), else nobody: a place, a product or
/// an adjective that modifies a noun ("US cinema gunman 'had …'", "the Sydney experience", "Dutch
/// explorer") or stands before a parenthesis ("Aotearoa (often translated as …)").
pub fn speaker_in_clause(text: &Text, tokens: &[Token], m: Mention) -> Option<Mention> {
    let lang = text.lang;
    let from = past(tokens, 0, &m);
    let verb = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            let w = word(text, t);
            let l = Lower::new(w);
            t.is_word()
                && !is_capitalized(w)
                && (verb_form(lang, w) || *l == *lang.infinitive || lang.is_cue_verb(&l))
        })
    };
    // the phrase's head: a word for a person or a body among its next three lower-case words,
    // before any verb ("Norvian officials have …", "The Rove campaign's adviser wrote …")
    let mut head = None;
    for j in from..from + 3 {
        let Some(t) = tokens.get(j) else { break };
        let w = word(text, t);
        if !t.is_word() || is_capitalized(w) || lang.is_function_word(&Lower::new(w)) {
            break;
        }
        if head_class(lang, &Lower::new(without_possessive(w))).is_some() {
            head = Some(j);
            break;
        }
        if verb(j) || is_between(lang, w) {
            break;
        }
    }
    // (or a word that may stand before one, "has", "also", or a verb the form does not tell,
    // by its object: "Pew found that …", "Lund sent a …")
    let Some(end) = head.map(|j| j + 1) else {
        let acts = verb(from)
            || tokens.get(from).is_some_and(|t| {
                t.is_word() && is_between(lang, word(text, t))
                    || !t.is_punct(',')
                        && tokens.get(from + 1).is_some_and(|o| {
                            let l = lower_tok(text, tokens, from + 1);
                            o.is_word()
                                && (contains(lang.determiners, &l) || contains(lang.relatives, &l))
                        })
            });
        return acts.then_some(m);
    };
    let start = tokens.partition_point(|t| t.start < m.start);
    let det = start > 0
        && tok(tokens, start - 1).sentence == tok(tokens, start).sentence
        && contains(lang.definite, &lower_tok(text, tokens, start - 1));
    let from = start - usize::from(det);
    Some(description_of(
        text.str,
        tokens.get(from..end).unwrap_or(&[]),
        true,
    ))
}

/// Whether a subject can be a speaker with no cue: a name, a personal pronoun or a definite
/// description with a person's or an organisation's head.
fn is_someone(text: &Text, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Name => true,
        MentionKind::Pronoun => contains(text.lang.subject_pronouns, &m.head),
        MentionKind::Description => m.definite && head_class(text.lang, &m.head).is_some(),
    }
}

/// The subject of the sentence starting at token `floor`, before token `q`, as
/// [`sentence_subject`] accepts it.
fn clause_subject(text: &Text, tokens: &[Token], floor: usize, q: usize) -> Option<Mention> {
    clause_subject_of(text, tokens, floor, q, false)
}

/// [`clause_subject`]; `loose` where the clause introduces a quoted sentence (`X …: „…“`) and
/// verb-second grammar finds its subject: any description that can name someone ("Die Firma
/// sieht das anders: „…“", "Der Leiter der Studie, Kim, sieht …: „…“"), as a reader takes it.
fn clause_subject_of(
    text: &Text,
    tokens: &[Token],
    floor: usize,
    q: usize,
    loose: bool,
) -> Option<Mention> {
    let loose = loose && text.lang.verb_second;
    let m = subject(text, tokens, floor, q)?;
    let ok = is_someone(text, &m)
        || loose && m.kind == MentionKind::Description && someone_head(text.lang, &m.head);
    if !ok {
        return None;
    }
    let mut k = past(tokens, floor, &m);
    // a thing's owner speaks when the clause introduces a quoted sentence ("Das Fazit von Eva
    // Lind lautete: „…“")
    let class = head_class(text.lang, &m.head);
    let owner = (loose
        && m.kind == MentionKind::Description
        && class.is_none()
        && tokens.get(k).is_some_and(|t| word(text, t) == "von"))
    .then(|| right(text, tokens, k + 1, q))
    .flatten()
    .filter(|o| o.kind == MentionKind::Name);
    // after the verb ("Dann sagte er: „…“"), or right before it ("Die Regierung hatte …"), or
    // a person or organisation anywhere before it ("Der Sprecher von Ökofront wandte sich …")
    let someone = loose && owner.is_some() || class.is_some();
    if text.lang.verb_second
        && finite_verb(text, tokens, floor, q)
            .is_some_and(|v| tok(tokens, v).start < m.start || v == k || someone)
    {
        return owner.or(Some(m));
    }
    // a name's number goes with it ("Article 33 affirms:", "Isaiah 45:1 reads:"), and a
    // numbered name set off by a comma is a thing's ("Flight 370, a year on:")
    let numbered = k < q && numeric(word(text, tok(tokens, k)));
    while k < q
        && (numeric(word(text, tok(tokens, k)))
            || tok(tokens, k).is_punct(':')
                && tokens.get(k + 1).is_some_and(|t| numeric(word(text, t))))
    {
        k += 1;
    }
    // an apposition or parenthesis after the subject: "Trump, who …, pledged"
    if k < q && matches!(tok(tokens, k).kind, Kind::Punct(',' | '(')) {
        return (!numbered && (m.kind == MentionKind::Name || loose)).then_some(m);
    }
    let from = k;
    while k < q && tok(tokens, k).is_word() && is_between(text.lang, word(text, tok(tokens, k))) {
        k += 1;
    }
    // only words of the verb group before the end: "Ortega went even further: “…”"
    if k > from && (k >= q || !tok(tokens, k).is_word()) {
        return Some(m);
    }
    let verb = tokens.get(k).filter(|_| k < q)?;
    let w = word(text, verb);
    let l = Lower::new(w);
    if verb.is_word() && !is_capitalized(w) && !text.lang.is_function_word(&l) {
        return Some(m);
    }
    // a phrase of the subject before its verb: "the secretary of state talked", "Attorneys for
    // Clinton appeared" (the verb read from its form, a cue or an auxiliary, within five words)
    if !contains(text.lang.role_stops, &l) || text.lang.capitalised_nouns {
        return None;
    }
    (k + 2..q.min(k + 7))
        .take_while(|&v| tok(tokens, v).is_word())
        .any(|v| {
            let w = word(text, tok(tokens, v));
            !is_capitalized(w)
                && (verb_form(text.lang, w)
                    || w.ends_with("ed")
                    || is_between(text.lang, w)
                    || text.lang.is_cue_verb(&Lower::new(w)))
        })
        .then_some(m)
}

/// The speaker of a quotation in a headline, which drops its cue or sets it in title case:
/// the name the headline opens with ("Obama Says Museum Will Tell of ‘…’", "Port Chief on
/// Strike: ‘…’"). The leading capitalised run stops at a cue verb, a function word or any other
/// token; after its titles at most two words are kept, since the verb is capitalised too.
pub fn headline_subject(text: &Text, tokens: &[Token], q: usize) -> Option<Mention> {
    // the source set off at the end: "Pier Closes for ‘Good,’ Harbour Board Says"
    if let Some(v) = tokens
        .iter()
        .rposition(Token::is_word)
        .filter(|&v| v > q + 1)
    {
        let mut s = v;
        while s > q + 1
            && tok(tokens, s - 1).is_word()
            && is_capitalized(word(text, tok(tokens, s - 1)))
            && !text.lang.is_function_word(&lower_tok(text, tokens, s - 1))
        {
            s -= 1;
        }
        let set_off = s == q + 1 || tok(tokens, s - 1).is_punct(',');
        // (a present tense: "Date Revealed" is a passive, its subject is no speaker)
        let verb = lower_tok(text, tokens, v);
        if s < v && set_off && text.lang.is_cue_verb(&verb) && !is_participle(text.lang, &verb) {
            if let Some(m) = right(text, tokens, s, v) {
                return Some(m);
            }
        }
    }
    let mut e = 0;
    while e < q.min(6) && tok(tokens, e).is_word() {
        let w = word(text, tok(tokens, e));
        let l = Lower::new(w);
        if !is_capitalized(w) || text.lang.is_function_word(&l) || text.lang.is_cue_verb(&l) {
            break;
        }
        e += 1;
    }
    // the first verb in title case: after a head noun it ends the description ("Student Dies
    // After …", "Woman Shares ‘…’"; not a surname: "Bernie Sanders ‘…’")
    let verb = (1..e)
        .find(|&k| {
            let w = lower_tok(text, tokens, k);
            verb_form(text.lang, &w) && !contains(text.lang.org_words, &w)
        })
        .unwrap_or(e);
    if verb < e && head_class(text.lang, &lower_tok(text, tokens, verb - 1)).is_some() {
        e = verb;
    }
    let (name_from, _) = split_titles(text, &tokens[..e]);
    // one word right before the quotation is a label or an imperative ("Watch ‘…’", "Review:
    // ‘…’"), not a name with its verb
    if name_from >= e || e == name_from + 1 && e + 1 >= q {
        return None;
    }
    // with no speech verb and no colon in the headline, the quotation is the words of whoever
    // acts in it ("Okafor Pins Delay On ‘Reckless’ Board"): a name, not a word for a person
    // ("Student Dies After …"), not one things happen to ("Ada Okafor Rescued From River ‘…’"),
    // nor a verb bidding the reader ("Watch the Trailer for ‘…’": a determiner follows no name)
    let cued = tokens.iter().enumerate().any(|(k, t)| {
        t.is_punct(':') || t.is_word() && text.lang.is_cue_verb(&lower_tok(text, tokens, k))
    });
    // "Prince Okafor's New Adviser Has …": the run names what someone has, not who acts
    let possessed = (name_from..e).any(|k| is_possessor(text.lang, word(text, tok(tokens, k))));
    let imperative = e == name_from + 1
        && tok(tokens, e).is_word()
        && contains(text.lang.determiners, &lower_tok(text, tokens, e));
    // the name is two words, or runs to the verb after them ("Harbour Tech Lab Releases …",
    // "Harbour Tech Lab Says …")
    let end = if verb > name_from + 3 || verb < name_from + 2 {
        name_from + 2
    } else {
        verb
    };
    let m = right(text, tokens, 0, e.min(end))?;
    let next = tokens.partition_point(|t| t.start < m.end);
    let passive = tokens
        .get(next)
        .is_some_and(|t| t.is_word() && is_participle(text.lang, &lower_tok(text, tokens, next)));
    if !cued && (imperative || passive || possessed || head_class(text.lang, &m.head).is_some()) {
        return None;
    }
    Some(m)
}

/// The attribution of a sentence of reported speech (tokens `from..to`): "Schiff said.", "X said
/// at a briefing Monday.", "said Jane Okafor, director of …". The first of at most three cues
/// that yields a name, a pronoun or a definite description.
pub fn of_sentence(text: &Text, tokens: &[Token], from: usize, to: usize) -> Option<Attribution> {
    let to = to.min(tokens.len());
    let mut tried = 0;
    for k in from..to {
        let Some(cue) = cue_at(text, tokens, k) else {
            continue;
        };
        tried += 1;
        if tried > 3 {
            break;
        }
        let (len, m) = match cue {
            Cue::Source(len) => (len, source(text, tokens, k + len, to)),
            Cue::Verb(len) => (
                len,
                v2_speaker(text, tokens, from, k, to)
                    .or_else(|| left(text, tokens, k, from))
                    .or_else(|| {
                        // inverted after a quotation (`"…," said X.`) or opening its sentence
                        // (`Said X:`)
                        // (past a reflexive: "„…“, äußerte sich Kim")
                        (k == from
                            || matches!(tok(tokens, k - 1).kind, Kind::Quote(_) | Kind::Punct(',')))
                        .then(|| right(text, tokens, after_verb(text, tokens, k + len, to), to))
                        .flatten()
                    }),
            ),
        };
        let Some(m) = m else { continue };
        if m.kind == MentionKind::Description && !m.definite {
            return None;
        }
        return Some(Attribution {
            cue: span(tokens, k, len),
            mention: m,
            after_end: to,
        });
    }
    None
}

/// The attribution of the sentence before the one that token `q` opens, in the same paragraph.
pub fn previous_sentence(text: &Text, tokens: &[Token], q: usize) -> Option<Attribution> {
    let s = tok(tokens, q).sentence;
    if q == 0 || tok(tokens, q - 1).sentence == s {
        return None;
    }
    let from = sentence_floor(tokens, q - 1);
    of_sentence(text, tokens, from, q)
}

/// Where the verb stands second, a quoted sentence with no cue after a sentence about someone is
/// that someone's: "Khan verurteilte die Haltung der Regierung. „…“". The subject of the sentence
/// before quotation token `q`, when it is a name, a personal pronoun or a definite description
/// of a person or an organisation.
pub fn previous_subject(text: &Text, tokens: &[Token], q: usize) -> Option<Mention> {
    if q == 0 || tok(tokens, q - 1).sentence == tok(tokens, q).sentence {
        return None;
    }
    let from = sentence_floor(tokens, q - 1);
    // (not in English: on real pages the "sentence" before is as often a reference's author,
    // "Holm, Pia (2019). “Ferries of the North”", and the quotation a title: 75 such names on
    // two encyclopedia pages against 3 speakers more on PolNeAR train)
    if !text.lang.verb_second {
        return None;
    }
    clause_subject(text, tokens, from, q)
}

/// Where the verb stands second (German), reported speech goes on in the subjunctive after the
/// sentence that names its speaker: a fragment with no speaker of its own belongs to the nearest
/// earlier sentence of the paragraph (at most three back) whose subject is someone ("Hajduk
/// kritisierte die Pläne. Hier seien die Mittel „völlig unrealistisch“").
pub fn earlier_subject(text: &Text, tokens: &[Token], q: usize) -> Option<Mention> {
    if !text.lang.verb_second {
        return None;
    }
    let mut end = sentence_floor(tokens, q);
    // a clause before a colon in the same sentence first ("Kai Lorenz bezweifelte die Pläne: Er
    // habe „…“")
    if let Some(c) = (end..q).rev().find(|&c| tok(tokens, c).is_punct(':')) {
        end = c;
    }
    for _ in 0..3 {
        let last = end.checked_sub(1)?;
        let from = sentence_floor(tokens, last);
        // a sentence of reported speech with its cue ("Er bezeichnete die Pläne als …"), or
        // one about someone; not one in the subjunctive, whose subject is what was said about
        // ("Johnson erklärte … Er werde … Drei Jahre „…“ seien vorbei": Johnson's)
        if let Some(m) = of_sentence(text, tokens, from, end)
            .map(|a| a.mention)
            .or_else(|| {
                (!subjunctive_in(text, tokens, from, end))
                    .then(|| clause_subject(text, tokens, from, end))
                    .flatten()
            })
        {
            return Some(m);
        }
        end = from;
    }
    None
}

/// Whether the sentence of quotation token `q` reports speech with no cue of its own, by the mood
/// of its verb outside quotations (German Konjunktiv I: "Bisher habe die Regierung …"): its subject
/// is what was said about, and its speaker is the one named before.
pub fn subjunctive_only(text: &Text, tokens: &[Token], q: usize) -> bool {
    subjunctive_in_sentence(text, tokens, q) && !cue_in_sentence(text, tokens, q)
}

/// Whether a verb form of reported speech stands in the sentence of token `q`, outside quotations.
pub fn subjunctive_in_sentence(text: &Text, tokens: &[Token], q: usize) -> bool {
    let s = tok(tokens, q).sentence;
    let from = (q.saturating_sub(60)..q)
        .find(|&k| tok(tokens, k).sentence == s)
        .unwrap_or(q);
    let to = (q..(q + 60).min(tokens.len()))
        .find(|&k| tok(tokens, k).sentence != s)
        .unwrap_or((q + 60).min(tokens.len()));
    subjunctive_in(text, tokens, from, to)
}

/// Whether a verb form of reported speech stands among tokens `from..to`.
fn subjunctive_in(text: &Text, tokens: &[Token], from: usize, to: usize) -> bool {
    // (finite verbs mid-sentence are in lower case and short: most words need no look-up)
    tokens[from..to.min(tokens.len())].iter().any(|t| {
        let w = word(text, t);
        t.is_word() && w.len() <= 8 && !is_capitalized(w) && contains(text.lang.subjunctive, w)
    })
}

/// The attribution of the last sentence of a paragraph.
pub fn last_sentence(text: &Text, tokens: &[Token]) -> Option<Attribution> {
    let last = tokens.len().checked_sub(1)?;
    let from = sentence_floor(tokens, last);
    of_sentence(text, tokens, from, tokens.len())
        .or_else(|| {
            // a clause about someone that ends with a colon introduces what follows: "The
            // council released the following statement:"
            let m = tok(tokens, last)
                .is_punct(':')
                .then(|| subject(text, tokens, from, last))??;
            is_someone(text, &m).then(|| Attribution {
                cue: span(tokens, last, 1),
                mention: m,
                after_end: tokens.len(),
            })
        })
        .or_else(|| label_line(text, tokens))
}

/// A line of its own that names someone in full and then says who they are or where they spoke,
/// with no sentence ("Ada Lind, coach of Harbour FC", "Tom Berg (at the press conference)"): a
/// press conference's layout, which labels the quotations after it. (A name alone may be a
/// heading's words: "Most Read".)
#[inline(never)]
pub(super) fn label_line(text: &Text, tokens: &[Token]) -> Option<Attribution> {
    // (the cheap tests first, as this asks every paragraph that no attribution ends: two
    // capitalised words or more, then a comma, a parenthesis or a dash)
    if tokens.len() > 16 {
        return None;
    }
    // (a credit may open with its dash, and then needs nothing after the name: "— Ada Lind,
    // coach of Harbour FC", "– Tom Berg")
    let dash = usize::from(matches!(tok(tokens, 0).kind, Kind::Punct('—' | '–')));
    let words = &tokens[dash..];
    let cap = |t: &Token| t.is_word() && is_capitalized(word(text, t));
    let k = words.iter().position(|t| !cap(t)).unwrap_or(words.len());
    if k < 2
        || !(dash == 1 && k == words.len()
            || matches!(tok(words, k).kind, Kind::Punct(',' | '(' | '—' | '–'))
                && words.get(k + 1).is_some_and(Token::is_word))
        // (no quotation in it, and no sentence or label ending it: a time may hold a colon,
        // "Ada Lind, 1st, 1:23.778")
        || tokens.iter().any(|t| matches!(t.kind, Kind::Quote(_)))
        || matches!(
            tokens.last().map(|t| t.kind),
            Some(Kind::Punct('.' | '!' | '?' | ':'))
        )
    {
        return None;
    }
    // (not a headline in capitals: "ADA LIND, HARBOUR PIONEER, DEAD AT 86")
    let m = right(text, words, 0, k).filter(|m| {
        m.kind == MentionKind::Name
            && m.start == tok(words, 0).start
            && m.end == tok(words, k - 1).end
            && !m.text.chars().nth(1).is_some_and(char::is_uppercase)
    })?;
    Some(Attribution {
        cue: span(tokens, if dash == 1 { 0 } else { k }, 1),
        mention: m,
        after_end: tokens.len(),
    })
}

/// Past a dateline opening a story ("WASHINGTON —", "LONDON (Reuters) -", "PARIS, May 3 —"): a
/// word in capitals first, then at most ten tokens with no lower-case word before a dash. A
/// dateline is a place, never the subject.
fn past_dateline(text: &Text, tokens: &[Token], floor: usize, limit: usize) -> usize {
    let caps = |t: &Token| {
        let w = word(text, t);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && w.chars().all(|c| !c.is_lowercase())
    };
    // (or a capitalised place before its agency: "Lagos (AFP) –")
    let agency = tokens.get(1).is_some_and(|t| t.is_punct('('))
        && tokens
            .first()
            .is_some_and(|t| t.is_word() && is_capitalized(word(text, t)));
    if floor != 0 || !tokens.first().is_some_and(|t| t.is_word() && caps(t)) && !agency {
        return floor;
    }
    for (k, t) in tokens.iter().enumerate().take(limit.min(11)).skip(1) {
        if matches!(t.kind, Kind::Punct('—' | '–' | '-')) {
            return k + 1;
        }
        if t.is_word() && word(text, t).chars().next().is_some_and(char::is_lowercase) {
            break;
        }
    }
    floor
}

/// Whether a mention read at token `k`, where a sentence starts, can be a name there: not one
/// capitalised word that a function word or a number follows ("Early in his campaign, …",
/// "Between 2001 and 2007, …") or that has the form of a participle or an adverb ("Continuing to
/// explain, …").
fn opens_as_name(text: &Text, tokens: &[Token], k: usize, m: &Mention) -> bool {
    let lang = text.lang;
    if m.kind != MentionKind::Name || m.text.contains(' ') || lang.capitalised_nouns {
        return true;
    }
    let l = Lower::new(&m.text);
    let form = [lang.progressive_suffix, lang.adverb_suffix]
        .iter()
        .any(|s| !s.is_empty() && l.len() > s.len() + 2 && l.ends_with(s));
    let next = tokens
        .get(k + 1)
        .filter(|t| t.is_word())
        .map(|t| word(text, t));
    let function = next.is_some_and(|w| {
        let nl = Lower::new(w);
        (lang.is_function_word(&nl) && !is_between(lang, w) && !contains(lang.relatives, &nl))
            || numeric(w)
    });
    // (a bare plural of a person's or an organisation's head is a subject: "Attorneys for …")
    let head = head_class(lang, &l).is_some()
        || l.strip_suffix('s')
            .is_some_and(|h| head_class(lang, h).is_some());
    head || !form && !function
}

/// The subject at the start of a sentence (after leading adverbials like "But", "In July,").
fn subject(text: &Text, tokens: &[Token], floor: usize, limit: usize) -> Option<Mention> {
    let floor = past_dateline(text, tokens, floor, limit);
    let mut k = floor;
    // skip a leading adverbial clause ending with a comma, at most 12 tokens ("During a speech
    // earlier in the day, Trump …"), or a sentence adverb ("Specifically, he …")
    if let Some(c) = (floor..limit.min(floor + 12)).find(|&c| tok(tokens, c).is_punct(',')) {
        let suffix = text.lang.adverb_suffix;
        let adverb = c == floor + 1
            && !suffix.is_empty()
            && word(text, tok(tokens, floor)).ends_with(suffix);
        // where the verb stands second, only a subordinate clause is set off so ("Wie der Minister
        // erklärte, sieht …"); "Zu dem Skandal führte Kim aus, dass …" has its subject before the
        // comma
        let skip = if text.lang.verb_second {
            let l = lower_tok(text, tokens, floor);
            contains(text.lang.intro_openers, &l) || contains(text.lang.clause_openers, &l)
        } else {
            // (a sentence opener first: "Then he cut into Bush, calling …")
            let mut o = k;
            while o < c && contains(text.lang.sentence_openers, word(text, tok(tokens, o))) {
                o += 1;
            }
            // (or an adverbial ending in a function word: "Hours later, she …", "Two years ago,
            // he …")
            adverb
                || c > o + 1 && {
                    let w = word(text, tok(tokens, c - 1));
                    let l = Lower::new(w);
                    !is_capitalized(w)
                        && text.lang.is_function_word(&l)
                        && !contains(text.lang.relatives, &l)
                }
                || right(text, tokens, o, limit)
                    .map_or(true, |m| !opens_as_name(text, tokens, o, &m))
        };
        if skip {
            k = c + 1;
            // a place's state or country after its city: "In Aspen, Colo., the singer …"
            // (an abbreviation and its period, then a comma)
            let period = usize::from(tokens.get(k + 1).is_some_and(|t| t.is_punct('.')));
            let abbreviation = tokens.get(k + 1 + period).is_some_and(|t| t.is_punct(','))
                && tokens.get(k).is_some_and(|t| t.is_word())
                && (period == 1 || word(text, tok(tokens, k)).ends_with('.'));
            if abbreviation && k + 2 + period < limit {
                k += 2 + period;
            }
        }
    }
    while k < limit
        && tok(tokens, k).is_word()
        && contains(text.lang.sentence_openers, word(text, tok(tokens, k)))
    {
        k += 1;
    }
    if text.lang.verb_second {
        return v2_subject(text, tokens, k, limit);
    }
    let m = right(text, tokens, k, limit)?;
    Some(m)
}

/// The subject of a verb-second clause starting at token `k`: its first constituent when that is
/// a noun phrase ("Der Minister sagte", "Auch Merkel warnte"), else the words after the finite
/// verb ("Dabei griff sie …", "Zur Begründung erklärte die Richterin …", "Den Unmut brachte die
/// Sprecherin …", "Damit seien …": no subject). A pronoun that is only ever a subject ("er",
/// "ich", "wir") right after the verb is the subject whatever stands first ("Ursprünglich wollte
/// er …").
fn v2_subject(text: &Text, tokens: &[Token], mut k: usize, limit: usize) -> Option<Mention> {
    let lang = text.lang;
    let lw = |k: usize| lower_tok(text, tokens, k);
    while k < limit && tok(tokens, k).is_word() && contains(lang.sentence_adverbs, &lw(k)) {
        k += 1;
        // "Dann sagte er": an adverb alone before the verb
        if k < limit && tok(tokens, k).is_word() && !is_capitalized(word(text, tok(tokens, k))) {
            break;
        }
    }
    let t = tokens.get(k).filter(|t| k < limit && t.is_word())?;
    let first = Lower::new(word(text, t));
    let verb = finite_verb(text, tokens, k, limit);
    let after = verb.map(|v| after_verb(text, tokens, v + 1, limit));
    if let Some(a) = after.filter(|&a| a < limit && tok(tokens, a).is_word()) {
        // "er", "ich", "wir" (the pronouns needing a person, and the writer's) take no other case
        let l = lw(a);
        if contains(lang.person_pronouns, &l) || contains(lang.writer_pronouns, &l) {
            return right(text, tokens, a, limit);
        }
    }
    // "In dem Antrag heißt es: „…“", "Aus Paris hieß es, …": an impersonal subject after the verb,
    // and the document or place the leading phrase names speaks
    if let (Some(a), Some(v)) = (after, verb) {
        let l = lw(a.min(limit - 1));
        if a < limit
            && contains(lang.prepositions, &first)
            && lang.is_function_word(&l)
            && !contains(lang.determiners, &l)
            && !contains(lang.pronouns, &l)
            && !contains(lang.prepositions, &l)
        {
            let m =
                right(text, tokens, k + 1, v).filter(|m| !contains(lang.not_someone, &m.head))?;
            // (an indefinite document is its owner's: "In einem Papier des Ministeriums heißt es")
            let end = past(tokens, k + 1, &m);
            let owner = (m.kind == MentionKind::Description && !m.definite)
                .then(|| (k + 2..end).find(|&j| contains(lang.definite, &lw(j))))
                .flatten();
            return owner.map_or(Some(m), |o| right(text, tokens, o, v));
        }
    }
    let adverbial = contains(lang.prepositions, &first)
        || contains(lang.sentence_adverbs, &first)
        || contains(lang.oblique_determiners, &first)
        // "der" or "das" before an adjective in -en is no subject's: "Der örtlichen Zeitung sagte
        // Kim" (a nominative singular takes -e: "der örtliche Verein")
        || matches!(&*first, "der" | "das")
            && tokens.get(k + 1).is_some_and(|t| {
                let w = word(text, t);
                w.ends_with("en") && !is_capitalized(w)
            });
    if let Some(m) = right(text, tokens, k, limit).filter(|_| !adverbial) {
        // a thing first is an object when "der", which opens no object, follows the verb ("Die
        // neue Regel stellte der Vorsitzende in Frage")
        let object = m.kind == MentionKind::Description
            && head_class(lang, &m.head).is_none()
            && after.is_some_and(|a| a < limit && &*lw(a) == "der");
        if !object {
            return Some(m);
        }
    }
    let after = after?;
    let subject = right(text, tokens, after, limit);
    // a name whose particle is also a preposition opens the sentence ("Von der Leyen betonte",
    // "Zu Lindau sagte"): capitalised words up to the verb, and no subject after it
    if subject.is_none() && contains(lang.name_particles, &first) {
        let v = verb?;
        let named = (k + 1..v).all(|j| {
            tok(tokens, j).is_word() && {
                let w = word(text, tok(tokens, j));
                is_capitalized(w) || contains(lang.name_particles, w)
            }
        }) && is_capitalized(word(text, tok(tokens, v - 1)));
        return named.then(|| name_of(text, &tokens[k..v]));
    }
    subject
}

/// Where the verb stands second and mention `m` opens its sentence but is no subject (an adverb
/// or adjective in first place: "Passend dazu warnte die Moderatorin"), the subject after the
/// finite verb that follows it.
pub fn after_first(text: &Text, tokens: &[Token], m: &Mention) -> Option<Mention> {
    if !text.lang.verb_second {
        return None;
    }
    let at = tokens.partition_point(|t| t.start < m.end);
    let s = tokens.get(at)?.sentence;
    let limit = (at..tokens.len().min(at + 40))
        .find(|&k| tok(tokens, k).sentence != s || matches!(tok(tokens, k).kind, Kind::Quote(_)))
        .unwrap_or(tokens.len().min(at + 40));
    let verb = finite_verb(text, tokens, at, limit)?;
    let a = after_verb(text, tokens, verb + 1, limit);
    // (an object's article is no subject's: "Weber nannte den Plan „…“")
    let oblique = tokens.get(a).is_some_and(|t| {
        t.is_word() && contains(text.lang.oblique_determiners, &lower_tok(text, tokens, a))
    });
    right(text, tokens, a, limit)
        .filter(|m| m.kind != MentionKind::Description || someone_head(text.lang, &m.head))
        .filter(|_| !oblique)
}

/// The finite verb of a verb-second clause starting at token `k`: the first lower-case word that is
/// no determiner, preposition, function word or number, nor an adjective between a determiner and
/// its noun ("der stellvertretende Vorsitzende"): nouns and names are capitalised.
fn finite_verb(text: &Text, tokens: &[Token], k: usize, limit: usize) -> Option<usize> {
    let lang = text.lang;
    let lw = |k: usize| lower_tok(text, tokens, k);
    (k..limit.min(k + 16)).find(|&v| {
        let t = tok(tokens, v);
        if !t.is_word() {
            return false;
        }
        let w = word(text, t);
        let l = Lower::new(w);
        if is_capitalized(w)
            || contains(lang.determiners, &l)
            || contains(lang.prepositions, &l)
            || lang.is_function_word(&l)
            || l.chars().any(char::is_numeric)
        {
            return false;
        }
        // before its noun, perhaps after another adjective: "zum geplanten neuen Gesetz"
        let mut n = v + 1;
        while n < limit.min(v + 4)
            && tok(tokens, n).is_word()
            && !is_capitalized(word(text, tok(tokens, n)))
        {
            n += 1;
        }
        let noun =
            n < limit && tok(tokens, n).is_word() && is_capitalized(word(text, tok(tokens, n)));
        let attributive = v > k
            && tok(tokens, v - 1).is_word()
            && (contains(lang.determiners, &lw(v - 1))
                || contains(lang.prepositions, &lw(v - 1))
                || !is_capitalized(word(text, tok(tokens, v - 1))))
            && noun;
        !attributive
    })
}

/// The token index where the sentence of token `k - 1` ends (the attribution's trailing words,
/// "Sunday (local time)", belong to it).
fn to_sentence_end(tokens: &[Token], k: usize) -> usize {
    if k == 0 || k > tokens.len() {
        return k;
    }
    let s = tok(tokens, k - 1).sentence;
    let mut e = k;
    while e < tokens.len()
        && tok(tokens, e).sentence == s
        && !matches!(tok(tokens, e).kind, Kind::Quote(_))
    {
        e += 1;
    }
    e
}

fn after_in_sentence(text: &Text, tokens: &[Token], q: usize) -> Option<Attribution> {
    let s = tok(tokens, q).sentence;
    let mut k = q + 1;
    while k < tokens.len() && tok(tokens, k).sentence == s && k - q < 60 {
        if let Some(cue) = cue_at(text, tokens, k) {
            return match cue {
                Cue::Source(len) => {
                    let m = source(text, tokens, k + len, tokens.len())?;
                    Some(Attribution {
                        cue: span(tokens, k, len),
                        mention: m,
                        after_end: k + len,
                    })
                }
                Cue::Verb(len) => {
                    // a verb after "to" or a form of "be" is not its subject's speech: "… asks
                    // your browser to tell", "is not allowed", "was told"
                    if !finite_cue(text, tokens, k, q) {
                        k += 1;
                        continue;
                    }
                    // `"…" that Sanders can win, said Dana Okafor, an analyst.`: inverted after
                    // a comma
                    // (where the verb stands last, a clause's subject stands before the
                    // quotation: "…, weil die Regierung ihn als „…“ bezeichnet hat")
                    let m = clause_final_speaker(text, tokens, sentence_floor(tokens, q), k)
                        .filter(|m| text.lang.verb_second && m.end <= tok(tokens, q).start)
                        .or_else(|| left(text, tokens, k, q + 1))
                        .and_then(|m| subject_not_object(text, tokens, m, q + 1))
                        .or_else(|| {
                            (k > q + 1 && tok(tokens, k - 1).is_punct(','))
                                .then(|| right(text, tokens, k + len, tokens.len()))
                                .flatten()
                        })?;
                    Some(Attribution {
                        cue: span(tokens, k, len),
                        mention: m,
                        after_end: k + len,
                    })
                }
            };
        }
        k += 1;
    }
    None
}

/// Whether the verb at token `k` (after the quotation at `q`) is a finite verb with a subject
/// before it: not an infinitive ("to tell") and not a participle after a form of "be", perhaps
/// negated ("is not allowed", "was told": its subject is the one spoken to, or nobody), and not
/// a progressive.
fn finite_cue(text: &Text, tokens: &[Token], k: usize, q: usize) -> bool {
    // (nor a progressive with no auxiliary: "the Promise rejecting with …" is a participle
    // describing a noun; with one, "is rejecting", it is read as a participle after "be")
    if is_progressive(text, tok(tokens, k)) {
        return false;
    }
    let mut p = k - 1;
    if p > q && tok(tokens, p).is_word() && &*lower_tok(text, tokens, p) == "not" {
        p -= 1;
    }
    if p <= q || !tok(tokens, p).is_word() {
        return true;
    }
    let l = lower_tok(text, tokens, p);
    &*l != text.lang.infinitive && !contains(text.lang.copulas, &l)
}

/// The mention `m` before a verb, when it is the verb's subject: not the object of a preposition
/// ("a representative in Allentown said", "inserting “…” into a header is allowed", "he looked
/// over his shoulder and said"), where the subject is the phrase before the preposition, when one
/// stands there from token `lo` on.
fn subject_not_object(text: &Text, tokens: &[Token], m: Mention, lo: usize) -> Option<Mention> {
    let mut p = tokens.partition_point(|t| t.start < m.start);
    if p > lo
        && tok(tokens, p - 1).is_word()
        && contains(text.lang.determiners, &lower_tok(text, tokens, p - 1))
    {
        p -= 1;
    }
    if p <= lo
        || !tok(tokens, p - 1).is_word()
        || !contains(text.lang.prepositions, &lower_tok(text, tokens, p - 1))
    {
        return Some(m);
    }
    // (a thing may stand there: "a lawsuit in New York alleging", so a description needs a
    // person's or a body's head)
    left(text, tokens, p - 1, lo).filter(|m| is_speaker_like(text, m))
}

/// A name, a pronoun, or a description with a person's or an organisation's head.
fn is_speaker_like(text: &Text, m: &Mention) -> bool {
    m.kind != MentionKind::Description || head_class(text.lang, &m.head).is_some()
}
