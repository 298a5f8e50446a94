//! Cue grammars per language, as data, and which language a paragraph is written in.
//!
//! Each language is one file of word lists and pattern flags ([`Lang`]): its speech verbs in all
//! their forms, the prepositions and postpositions that introduce a source ("according to",
//! "selon", "laut", "zufolge", "según"), its determiners, pronouns, titles, function words and the
//! heads that tell a person from an organisation, and flags such as whether every noun is
//! capitalised. The engine ([`super::attribution`], [`super::mention`], [`super::entities`]) reads
//! only this data; adding a language is adding a file here, listing it in [`ALL`], and tests.
//!
//! The language is told per paragraph, cheaply: [`counts`] counts the language's marker words
//! (frequent function words no other listed language shares) and speech verbs among the first
//! [`SAMPLE_WORDS`] words of a paragraph; a paragraph with clear evidence gets its language, a short
//! or mixed one follows its page (the caller's `lang` option, else the majority over the batch and
//! the paragraphs before it: see [`Prior`]).

pub mod de;
pub mod en;
pub mod es;
pub mod fr;

use super::lexicon::{contains, contains_hashed, hash, remembered, Lower, Words};

/// One language's cue grammar: the words and patterns the engine decides with.
pub struct Lang {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Frequent function words of this language and of no other listed one, for detection.
    pub markers: &'static Words,

    // ---- cues
    /// Speech and attribution verbs: their stems where [`Lang::verb_endings`] is not empty.
    pub cue_verbs: &'static Words,
    /// Speech verb forms that take no ending, where the endings would make other words of them.
    pub cue_words: &'static Words,
    /// Endings of a verb's forms after its stem (German "sag" + "t", "te", "ten"): a stem in
    /// [`Lang::cue_verbs`] stands for all its forms. Empty where every form is listed.
    pub verb_endings: &'static [&'static str],
    /// Cue verbs whose bare form is also a common noun ("an unprompted call").
    pub noun_cues: &'static Words,
    /// Whether a speech verb the lexicon lacks is read from its form after a quotation ("…," the
    /// senator implored: lower case, -ed or -s; English), and a head in -ed is a verb.
    pub guess_verb_forms: bool,
    /// Verbs of that form that follow a quotation and its subject without being speech.
    pub not_speech: &'static Words,
    /// Speech verbs of asking ("asked"): their subject is not who speaks next, the one asked is
    /// ("Hannity asked Trump … / “…,” he said").
    pub asking: &'static Words,
    /// Words right before a cue verb that make it a noun ("the state", "of report").
    pub cue_blockers: &'static Words,
    /// Determiners that, with an adjective between, make a [`Lang::noun_cues`] word a noun.
    pub noun_determiners: &'static Words,
    /// Prepositions (one or two words, lower case) after which the source stands: "according to".
    pub source_preps: &'static [&'static [&'static str]],
    /// Postpositions after the source: "Claire Dubois zufolge".
    pub source_posts: &'static Words,
    /// Cues of two words whose speaker stands left: "as Rosenthal put it".
    pub verb_phrases: &'static [&'static [&'static str]],
    /// Words before a quotation's inverted attribution that are not part of it: "…," as a memo
    /// put it.
    pub inverted_openers: &'static Words,
    /// The perfect's auxiliaries: before an inverted participle ("…", a déclaré X), and before a
    /// participle that is then no noun's modifier ("has written that …").
    pub auxiliaries: &'static Words,
    /// Words after which the source of "so X" / "selon X" style inversions follows a quotation
    /// only: "„…“, so die Agentur".
    pub after_quote_sources: &'static Words,
    /// Prepositions that open a sentence with the one whose view it states, perhaps of a quoted
    /// fragment with no cue: "Für den Historiker Jan Ebert ist der Plan „…“".
    pub view_openers: &'static Words,

    /// Pronoun endings of an inverted verb after a quotation ("a-t-il ajouté", "affirme-t-elle"):
    /// the verb and its speaker in one hyphenated word.
    pub inverted_pronouns: &'static [&'static str],
    /// A paragraph that opens with an em dash is a line of dialogue ("—Vamos a ganar —dijo X—").
    pub dialogue_dash: bool,
    /// The attribution may stand inside the marks, between commas, where the quotation goes on
    /// after it: « Nous sommes prêts, a-t-il expliqué. Mais … », «Estamos listos, dijo Ruiz.
    /// Pero …».
    pub incises: bool,

    // ---- morphology and syntax
    /// The infinitive marker ("to") and the copulas ("is", "was") of "is hard to tell".
    pub infinitive: &'static str,
    /// The preposition of a passive's agent ("by"): a participle before it is no cue
    /// ("the divide highlighted by the shootings"). Empty when none.
    pub agent: &'static str,
    /// Where the agent stands before the participle (German): the passive's auxiliaries, and the
    /// agent's prepositions ("wird von Kritikern als „…“ bezeichnet", "vom Amt").
    pub passive_auxiliaries: &'static Words,
    pub passive_agents: &'static Words,
    pub copulas: &'static Words,
    /// The suffix of a progressive or present participle ("-ing"), empty when none.
    pub progressive_suffix: &'static str,
    /// The suffix of manner adverbs ("-ly"), empty when none.
    pub adverb_suffix: &'static str,
    /// Suffixes and irregular forms of past participles ("asked", "taken", "told").
    pub participle_suffixes: &'static [&'static str],
    pub participles: &'static Words,
    /// Irregular simple pasts that are no speech verb ("began", "sent"): after a noun they end
    /// its phrase, as a verb in -ed does ("the committee meeting began …").
    pub past_forms: &'static Words,
    /// Words after which a line's first word is a label, not its subject ("Media caption",
    /// "Image caption" before the words of whoever the picture shows).
    pub label_words: &'static Words,
    /// Possessive determiners ("his", "their"): a thing they open belongs to someone else, who
    /// speaks ("… over his shoulder said").
    pub possessives: &'static Words,
    /// Object pronouns ("me", "them"): with the subject ones, a capitalised one inside a run of
    /// capitalised words makes it a work's title ("Get Me Out Of Here"), no one's name.
    pub object_pronouns: &'static Words,
    /// Modal verbs ("will", "could"): after a quoted title, as a copula or a verb in -s, they make
    /// it the subject of its clause ("“Harbour Lights” will return").
    pub modals: &'static Words,
    /// Words for a document ("statement", "report"): one "from", "by" or "of" a body speaks for
    /// it, so the body is who speaks ("a statement from the ministry said").
    pub document_heads: &'static Words,
    /// The prepositions that join a document to its author ("from", "by", "of"; not "for": "a
    /// report for the board" is the board's to read).
    pub document_preps: &'static Words,
    /// Possessive endings ("'s").
    pub possessive_suffixes: &'static [&'static str],
    /// Endings of words for one who does something ("-er", "-ist": "the researcher", "a
    /// programmer"), which name someone without being listed among `person_heads`. Empty where
    /// the language's lists of heads decide alone whether a description names someone.
    pub agent_suffixes: &'static [&'static str],
    /// Prepositions of place ("in", "at"): a name right after one is a place or a body, not a
    /// person ("killed in South Carolina", "at Harbour View Hospital").
    pub place_prepositions: &'static Words,
    /// Words that may stand between a speaker and the cue ("also", "has").
    pub between: &'static Words,
    /// Pronouns a cue can attach to.
    pub pronouns: &'static Words,
    /// The first and second person: outside a quotation the writer and the reader, never
    /// resolved to a name of the text ("I", "we", "you").
    pub writer_pronouns: &'static Words,
    /// The endings of contractions after an apostrophe ("ve", "ll", "t": "We've", "Don't"): such a
    /// word is no name, and a pronoun contracted with a verb is that pronoun ("He’s"). Empty
    /// where apostrophes do not contract so.
    pub contraction_tails: &'static [&'static str],
    /// Pronouns that stand for an organisation or a group, not a person ("it", "they").
    pub group_pronouns: &'static Words,
    /// Personal pronouns that may be a sentence's subject of a partial quotation.
    pub subject_pronouns: &'static Words,
    /// Pronouns that need a person antecedent ("he", "she") and one that needs an organisation
    /// ("it"), for an embedded pronoun that stands for its sentence's subject.
    pub person_pronouns: &'static Words,
    /// Words that tell a man or a woman: the pronoun, titles and words for someone standing
    /// before a name or given to it as a role ("Mrs", "his wife Suzanne", "die Ministerin").
    pub male: &'static Words,
    pub female: &'static Words,
    pub org_pronouns: &'static Words,
    pub plural_pronouns: &'static Words,
    /// Words that open an embedded clause ("what he called").
    pub clause_openers: &'static Words,
    /// Relative pronouns that stand as the subject of their clause ("Kim, who said …", "a
    /// statement that read …"): the speaker of its cue, standing for the words before it.
    pub relatives: &'static Words,
    /// Conjunctions joining a second verb of one subject ("and said").
    pub coordinators: &'static Words,
    /// Sentence-initial words skipped before a subject, as written ("But", "And"; in lower case
    /// after one: "And then").
    pub sentence_openers: &'static Words,
    /// Words that open a leading adverbial ending with a comma ("In a statement, …").
    pub intro_openers: &'static Words,

    // ---- mentions
    /// Words that open a description ("the expert", "some analysts").
    pub determiners: &'static Words,
    /// Determiners that make a description definite (it points back at someone known).
    pub definite: &'static Words,
    /// Determiners that open a description right after a cue ("said the official").
    pub right_determiners: &'static Words,
    /// Determiners before a noun that is also a verb ("the note says").
    pub noun_before_verb: &'static Words,
    /// Words that end a mention read rightwards ("of", "who").
    pub mention_stops: &'static Words,
    /// Prepositions that end the role words of an apposition ("director of …").
    pub role_stops: &'static Words,
    /// Titles and qualifiers kept out of a name.
    pub titles: &'static Words,
    /// Capitalised words that are not part of a name when they open a run.
    pub function_words: &'static Words,
    /// Words that open a capitalised run without being part of a name before another capitalised
    /// word: the auxiliary of a question ("Was Bartleby …", "Had Okafor …"), a verb bidding the
    /// reader ("Meet Ana Ruiz, …").
    pub run_openers: &'static Words,
    /// Words that make a name an organisation, outlet or country.
    pub org_words: &'static Words,
    /// Heads of descriptions that stand for a person, and for an organisation.
    pub person_heads: &'static Words,
    pub org_heads: &'static Words,
    /// Heads of descriptions that cannot be a speaker: times, amounts, positions ("the past").
    pub not_someone: &'static Words,
    /// Heads of descriptions of things made ("film", "initiative"): a name that an apposition or a
    /// copula describes by one ("Harbour Nights is a film by …") is no one, whatever it seems to
    /// do.
    pub works: &'static Words,
    /// Words before a quotation that say it is a term, not speech ("so-called").
    pub scare_markers: &'static Words,
    /// Participles that name a thing ("a technique called", "is named"): right before a quotation
    /// and after a noun or a form of "be", what follows is the thing's name, not anyone's words.
    pub naming_participles: &'static Words,
    /// Speech verbs that also name a thing (German "nennen", "bezeichnen"): no cue where the
    /// clause names, with one of [`Lang::naming_objects`] or a passive auxiliary with no agent
    /// after it ("nennt sich", "nennt man", "wie er genannt wurde", "als „…“ bezeichnet wird").
    pub naming_verbs: &'static Words,
    pub naming_objects: &'static Words,
    /// Speech verbs only beside the impersonal pronoun ("heißt es", "wie es hieß"); else they
    /// name ("Der Film heißt „…“").
    pub impersonal_cues: &'static Words,
    pub impersonal: &'static Words,
    /// Lower-case particles inside names ("von", "de").
    pub name_particles: &'static Words,
    /// Abbreviations whose period does not end a sentence.
    pub abbreviations: &'static Words,

    /// Prepositions: a noun phrase after one is no subject ("a representative in Allentown
    /// said": Allentown does not speak; in German a capitalised run after one is an adverbial,
    /// "Am Montag").
    pub prepositions: &'static Words,

    // ---- verb-second languages (German)
    /// Adverbs that may open a sentence before its verb or its subject ("Auch", "Dabei").
    pub sentence_adverbs: &'static Words,
    /// Determiners of a case no subject takes ("dem", "den", "einem"): a first constituent opened
    /// by one is an object or an adverbial, and the subject follows the verb.
    pub oblique_determiners: &'static Words,
    /// Verb forms that mark reported speech (German Konjunktiv I: "sei", "habe", "werde"): a
    /// sentence with one reports someone's words.
    pub subjunctive: &'static Words,
    /// Words after which a quoted phrase characterises something in someone's words ("als", "ein":
    /// "bezeichnete die Pläne als „Wortbruch“").
    pub quote_predicates: &'static Words,

    // ---- flags
    /// The finite verb stands second in a main clause: when the first constituent is not the
    /// subject ("Zur Begründung erklärte die Richterin", "Dann sagte er"), the subject follows
    /// the verb.
    pub verb_second: bool,
    /// Every noun is capitalised (German): a capitalised word is a name only when no determiner
    /// or preposition makes it a noun.
    pub capitalised_nouns: bool,
    /// Days and words of time are written in lower case ("mardi", "ayer"): one may stand between
    /// an inverted verb and its subject ("a assuré mardi le ministre").
    pub lower_case_days: bool,
    /// Names, titles and terms are quoted inside sentences as often as words are (German „Berliner
    /// Zeitung“, „Firefox“): a quotation inside a sentence is speech only when someone says it.
    pub quoted_names: bool,
    /// Headlines are set in Title Case (English): a short paragraph of capitalised words is one.
    pub title_case_headlines: bool,
    /// The language drops a subject the verb carries (Spanish "«…», dijo."): the speaker is then
    /// the one the text was about, found as a pronoun's antecedent is, of either gender ("dijo"
    /// is said by her as well as by him); no one where the text names no one to find.
    pub dropped_subject: bool,
    /// The ending of a plural verb (Spanish "consideran"), which carries no one the singular
    /// [`Lang::dropped_subject`] finds; empty where no subject is dropped.
    pub plural_verb_ending: &'static str,
}

impl Lang {
    /// A speech verb: listed, or a listed stem and one of [`Lang::verb_endings`].
    pub fn is_cue_verb(&self, l: &str) -> bool {
        contains(self.cue_verbs, l) || contains(self.cue_words, l) || self.stem_cue(l)
    }

    /// A listed stem and one of [`Lang::verb_endings`].
    /// (Stems have at least [`MIN_STEM`] bytes: a test of the lists keeps it so.)
    fn stem_cue(&self, l: &str) -> bool {
        // (bytes compared, not `strip_suffix`'s pattern: this runs for most words of a page; no
        // stem is shorter than three bytes, so "the", "she", "has" look up nothing)
        let b = l.as_bytes();
        self.verb_endings.iter().any(|e| {
            b.len() >= e.len() + MIN_STEM
                && b.ends_with(e.as_bytes())
                && l.get(..b.len() - e.len())
                    .is_some_and(|s| contains(self.cue_verbs, s))
        })
    }

    /// A function word: listed, or one of the language's prepositions and sentence adverbs
    /// (kept in lists of their own, not repeated here).
    pub fn is_function_word(&self, l: &str) -> bool {
        let h = hash(l.as_bytes(), 0, l.len());
        contains_hashed(self.function_words, l, h)
            || (contains_hashed(self.prepositions, l, h)
                || contains_hashed(self.sentence_adverbs, l, h))
    }

    /// Every word list, for checks over all of them.
    #[cfg(test)]
    pub fn lists(&self) -> Vec<&'static Words> {
        vec![
            self.markers,
            self.cue_verbs,
            self.cue_words,
            self.noun_cues,
            self.not_speech,
            self.not_someone,
            self.works,
            self.cue_blockers,
            self.noun_determiners,
            self.source_posts,
            self.inverted_openers,
            self.auxiliaries,
            self.after_quote_sources,
            self.view_openers,
            self.passive_auxiliaries,
            self.passive_agents,
            self.copulas,
            self.participles,
            self.past_forms,
            self.object_pronouns,
            self.modals,
            self.document_heads,
            self.document_preps,
            self.between,
            self.pronouns,
            self.writer_pronouns,
            self.run_openers,
            self.group_pronouns,
            self.subject_pronouns,
            self.person_pronouns,
            self.org_pronouns,
            self.plural_pronouns,
            self.clause_openers,
            self.relatives,
            self.coordinators,
            self.oblique_determiners,
            self.subjunctive,
            self.quote_predicates,
            self.sentence_openers,
            self.intro_openers,
            self.determiners,
            self.definite,
            self.right_determiners,
            self.noun_before_verb,
            self.mention_stops,
            self.role_stops,
            self.titles,
            self.function_words,
            self.org_words,
            self.person_heads,
            self.org_heads,
            self.scare_markers,
            self.naming_verbs,
            self.naming_objects,
            self.impersonal_cues,
            self.impersonal,
            self.name_particles,
            self.abbreviations,
            self.prepositions,
            self.sentence_adverbs,
        ]
    }
}

/// The languages detection chooses from; the first is the fallback.
pub const ALL: [&Lang; 4] = [&en::EN, &de::DE, &fr::FR, &es::ES];

/// Words of a paragraph sampled for detection: enough for clear evidence, and a fixed cost per
/// paragraph however long it is.
pub const SAMPLE_WORDS: usize = 40;

/// Marker words found for each language of [`ALL`].
pub type Counts = [u32; ALL.len()];

/// Counts each language's marker words and speech verbs among the first [`SAMPLE_WORDS`] words of
/// `text`.
pub fn counts(text: &str) -> Counts {
    let mut c = [0; ALL.len()];
    let b = text.as_bytes();
    // words as runs of ASCII letters and non-ASCII bytes (a byte loop: no character decoding)
    let letter = |x: u8| x.is_ascii_alphabetic() || x >= 0x80;
    let mut i = 0;
    let mut seen = 0;
    while i < b.len() && seen < SAMPLE_WORDS {
        if !letter(b[i]) {
            i += 1;
            continue;
        }
        let from = i;
        while i < b.len() && letter(b[i]) {
            i += 1;
        }
        seen += 1;
        // marker words are short, and speech verbs not much longer: longer words cost no lookup
        if i - from > 12 {
            continue;
        }
        let Some(w) = text.get(from..i) else { continue };
        let langs = langs(w);
        for (n, count) in c.iter_mut().enumerate() {
            *count += u32::from(langs >> n & 1);
        }
        // enough evidence: the rest of the sample would not change the answer (a word that is
        // evidence for nothing changes no count, and the counts were not clear before it)
        if langs != 0 && clear(&c, 6).is_some() {
            break;
        }
    }
    c
}

/// The shortest stem of a speech verb ("ask", "sag", "dit").
pub const MIN_STEM: usize = 3;

/// The languages (bit `n` for `ALL[n]`) whose markers or speech verbs hold `l` (hash `h`),
/// remembered (see [`remembered`]): pages sample the same few hundred function words again and
/// again, and each costs a dozen list look-ups (markers, speech verbs, and a verb stem per
/// ending, in every language).
fn langs(w: &str) -> u8 {
    // (the question's key: 1, which is no list's address; the word as written, so that a word
    // remembered is not lower-cased again)
    remembered(1, w.as_bytes(), hash(w.as_bytes(), 0, w.len()), &|| {
        let l = &Lower::new(w);
        let h = hash(l.as_bytes(), 0, l.len());
        let mut langs = 0;
        for (n, lang) in ALL.iter().enumerate() {
            if contains_hashed(lang.markers, l, h)
                || contains_hashed(lang.cue_verbs, l, h)
                || contains_hashed(lang.cue_words, l, h)
                || lang.stem_cue(l)
            {
                langs |= 1 << n;
            }
        }
        langs
    })
}

/// The index of the largest count, if it is clearly ahead: at least `min` and twice the next.
fn clear(c: &Counts, min: u32) -> Option<usize> {
    let mut best = 0;
    for n in 1..c.len() {
        if c[n] > c[best] {
            best = n;
        }
    }
    let second = (0..c.len())
        .filter(|&n| n != best)
        .map(|n| c[n])
        .max()
        .unwrap_or(0);
    (c[best] >= min && c[best] >= 2 * second).then_some(best)
}

/// The index of the only language with any evidence, if it has at least `min` words.
fn only(c: &Counts, min: u32) -> Option<usize> {
    let mut found = None;
    for (n, &k) in c.iter().enumerate() {
        if k > 0 {
            if found.is_some() {
                return None;
            }
            found = Some(n);
        }
    }
    found.filter(|&n| c[n] >= min)
}

/// The language of a page so far: a fixed one the caller gave, else the marker counts of the
/// paragraphs seen.
#[derive(Clone, Debug, Default)]
pub struct Prior {
    fixed: Option<usize>,
    totals: Counts,
}

impl Prior {
    /// A prior fixed to the language `code` ("de", "de-AT", "fr_CA"), if it is one we know.
    pub fn fixed(code: &str) -> Prior {
        let base = code.split(['-', '_']).next().unwrap_or("");
        Prior {
            fixed: ALL.iter().position(|l| l.code.eq_ignore_ascii_case(base)),
            totals: [0; ALL.len()],
        }
    }

    /// Adds a batch's counts to the page's, before its paragraphs are decided.
    pub fn add(&mut self, c: &Counts) {
        for (t, n) in self.totals.iter_mut().zip(c) {
            *t = t.saturating_add(*n);
        }
    }

    /// The language of a paragraph with marker counts `c`: its own when clear, else the page's.
    /// A short paragraph is clear with two words of one language and none of any other ("« … »,
    /// a déclaré X" on an English page): its page's language is only a prior, never a verdict.
    pub fn choose(&self, c: &Counts) -> &'static Lang {
        if let Some(n) = clear(c, 3).or_else(|| only(c, 2)) {
            return ALL[n];
        }
        if let Some(n) = self.fixed.or_else(|| clear(&self.totals, 1)) {
            return ALL[n];
        }
        ALL[0]
    }
}

/// A paragraph's text and the grammar it is read with; it reads as the `str` itself.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    pub str: &'a str,
    pub lang: &'static Lang,
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.str
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::contains;
    use super::*;

    fn detect(text: &str) -> &'static str {
        Prior::default().choose(&counts(text)).code
    }

    #[test]
    fn paragraphs_by_their_function_words() {
        assert_eq!(
            detect("The mayor said that the bridge was closed for the winter."),
            "en"
        );
        assert_eq!(
            detect("Der Bürgermeister sagte, dass die Brücke im Winter nicht geöffnet wird."),
            "de"
        );
        assert_eq!(
            detect("Le maire a déclaré que le pont est fermé pour les travaux de l'hiver."),
            "fr"
        );
        assert_eq!(
            detect("El alcalde dijo que el puente está cerrado por las obras del invierno."),
            "es"
        );
        // a short line whose only German words are a possessive and a contraction
        assert_eq!(detect("Ihr zweiter Roman erschien im Herbst."), "de");
    }

    #[test]
    fn markers_belong_to_one_language() {
        for (n, a) in ALL.iter().enumerate() {
            for b in &ALL[n + 1..] {
                for w in a.markers.text().lines() {
                    assert!(!contains(b.markers, w), "{w}: {} and {}", a.code, b.code);
                }
            }
        }
    }

    #[test]
    fn short_paragraphs_follow_their_page() {
        let mut page = Prior::default();
        page.add(&counts(
            "Die Regierung hat am Montag die neuen Regeln für den Verkehr vorgestellt.",
        ));
        assert_eq!(page.choose(&counts("Berlin, 3. Mai")).code, "de");
        assert_eq!(page.choose(&counts("„Nein.“")).code, "de");
        // a clear paragraph keeps its own language on a page of another
        assert_eq!(
            page.choose(&counts("The minister said that the rules were not final."))
                .code,
            "en"
        );
        // the caller's language wins over the page's counts for unclear paragraphs
        let fixed = Prior::fixed("fr-CA");
        assert_eq!(fixed.choose(&counts("Montréal")).code, "fr");
        assert_eq!(Prior::fixed("xx").choose(&counts("Lagos")).code, "en");
        // a page's declared language does not override a short paragraph's own clear evidence
        let english = Prior::fixed("en");
        let fr = "« Nous partirons demain sans regret », a déclaré Léa Martin, la porte-parole.";
        assert_eq!(english.choose(&counts(fr)).code, "fr");
        let fr = "Selon Léa Martin, « le port rouvrira au printemps ».";
        assert_eq!(english.choose(&counts(fr)).code, "fr");
        // one stray word is no evidence
        assert_eq!(english.choose(&counts("Le Havre, 3 mai")).code, "en");
    }
}
