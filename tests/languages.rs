//! Cue grammars per language (src/text/quotes/lang): every cue pattern of German, French and
//! Spanish on sentences of our own, with the speaker's mention and the cue exact; titles and names
//! in quotation marks are no speech in any language; the language is told per paragraph, short
//! paragraphs follow their page, and the `lang` option gives the page's language.

use verbatim::text::{analyze, Options, QuoteKind, Span};

fn options(lang: Option<&str>) -> Options {
    Options {
        collapse: false,
        lang: lang.map(String::from),
        ..Options::default()
    }
}

fn cut(paragraphs: &[&str], p: usize, start: usize, end: usize) -> String {
    let units: Vec<u16> = paragraphs[p].encode_utf16().collect();
    String::from_utf16_lossy(&units[start..end.min(units.len())])
}

fn span(paragraphs: &[&str], s: &Span) -> String {
    cut(paragraphs, s.paragraph, s.start, s.end)
}

/// (quotation, kind, speaker name, mention, cue) of every quotation of a page.
type Got = (
    String,
    QuoteKind,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn quotes_with(paragraphs: &[&str], lang: Option<&str>) -> Vec<Got> {
    analyze(paragraphs, &options(lang))
        .quotes
        .iter()
        .map(|q| {
            (
                cut(paragraphs, q.start.paragraph, q.start.offset, q.end.offset),
                q.kind,
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.speaker.as_ref().map(|s| span(paragraphs, &s.mention)),
                q.cue.as_ref().map(|c| span(paragraphs, c)),
            )
        })
        .collect()
}

/// The speaker names of a page's quotations, in order.
fn names_of(got: &[Got]) -> Vec<Option<&str>> {
    got.iter().map(|g| g.2.as_deref()).collect()
}

fn quotes(paragraphs: &[&str]) -> Vec<Got> {
    quotes_with(paragraphs, None)
}

/// One expected quotation: its text, kind, mention and cue (the name equals the mention).
type Want<'a> = (&'a str, QuoteKind, Option<&'a str>, Option<&'a str>);

/// Each paragraph alone on its page: its one quotation is as expected.
fn check(cases: &[(&str, Want)]) {
    for (paragraph, (text, kind, mention, cue)) in cases {
        let got = quotes(&[paragraph]);
        assert_eq!(got.len(), 1, "{paragraph}: {got:?}");
        let g = &got[0];
        assert_eq!(
            (g.0.as_str(), g.1, g.3.as_deref(), g.4.as_deref()),
            (*text, *kind, *mention, *cue),
            "{paragraph}"
        );
    }
}

use QuoteKind::{Direct, Partial, Scare};

#[test]
fn german_cue_patterns() {
    check(&[
        // verb-first inversion after the quotation
        (
            "„Wir haben keine andere Wahl“, sagte der Minister.",
            ("„Wir haben keine andere Wahl“", Direct, Some("der Minister"), Some("sagte")),
        ),
        (
            "„Das war knapp“, sagte Innenminister Karl Brandt am Abend.",
            ("„Das war knapp“", Direct, Some("Karl Brandt"), Some("sagte")),
        ),
        // „…“, so X
        (
            "„Die Verhandlungen dauern an“, so die Agentur.",
            ("„Die Verhandlungen dauern an“", Direct, Some("die Agentur"), Some("so")),
        ),
        // verb-second after an adverbial: the subject follows the verb
        (
            "Zur Begründung erklärte die Vorsitzende Richterin, dass die Frist „eindeutig verstrichen“ sei.",
            ("„eindeutig verstrichen“", Partial, Some("die Vorsitzende Richterin"), Some("erklärte")),
        ),
        (
            "Unterdessen erklärte die Gewerkschaft: „Wir streiken ab Montag.“",
            ("„Wir streiken ab Montag.“", Direct, Some("die Gewerkschaft"), Some("erklärte")),
        ),
        // laut X, X zufolge
        (
            "Laut Polizei war der Fahrer „deutlich zu schnell unterwegs“.",
            ("„deutlich zu schnell unterwegs“", Partial, Some("Polizei"), Some("Laut")),
        ),
        (
            "Der Umweltbehörde zufolge ist das Wasser „ohne Bedenken trinkbar“.",
            ("„ohne Bedenken trinkbar“", Partial, Some("Der Umweltbehörde"), Some("zufolge")),
        ),
        // wie X sagte
        (
            "„Wir bauen die Brücke weiter“, wie der Bürgermeister sagte.",
            ("„Wir bauen die Brücke weiter“", Direct, Some("der Bürgermeister"), Some("sagte")),
        ),
        // heißt es in X
        (
            "„Die Lage bleibt angespannt“, heißt es in einer Mitteilung der Stadtwerke.",
            (
                "„Die Lage bleibt angespannt“",
                Direct,
                Some("einer Mitteilung der Stadtwerke"),
                Some("heißt es in"),
            ),
        ),
        // X sagte, dass …
        (
            "Die Ministerin sagte, dass die Schulen „ab Montag wieder öffnen“.",
            ("„ab Montag wieder öffnen“", Partial, Some("Die Ministerin"), Some("sagte")),
        ),
        // a leading adverb is not the speaker
        (
            "Auch Brandt warnte: „Der Winter wird teuer.“",
            ("„Der Winter wird teuer.“", Direct, Some("Brandt"), Some("warnte")),
        ),
        // other marks: »…« and straight quotes
        (
            "»Wir sind bereit«, sagte die Trainerin.",
            ("»Wir sind bereit«", Direct, Some("die Trainerin"), Some("sagte")),
        ),
        (
            "\"Es geht weiter\", sagte der Sprecher der Feuerwehr.",
            (
                "\"Es geht weiter\"",
                Direct,
                Some("der Sprecher der Feuerwehr"),
                Some("sagte"),
            ),
        ),
    ]);
}

#[test]
fn german_speaker_is_someone() {
    // no function word, adverbial, place or date as the speaker
    for paragraph in [
        "Damit sei die Sache erledigt, hieß es. „Wir warten ab.“",
        "Am Montag sagte er nichts dazu. „Das kommt später.“",
        "In Berlin begann am Abend die Sitzung des Ausschusses: „Wir beraten bis Mitternacht.“",
    ] {
        for q in quotes(&[paragraph]) {
            let name = q.2.unwrap_or_default();
            for wrong in [
                "Damit",
                "Montag",
                "Am Montag",
                "Berlin",
                "In Berlin",
                "Abend",
            ] {
                assert_ne!(name, wrong, "{paragraph}");
            }
        }
    }
    // a fragment in a sentence about someone is that someone's
    let got = quotes(&[
        "Die Gemeinderätin Lena Vogt begründete ihren Rücktritt mit einer „völlig veränderten Lage“.",
    ]);
    assert_eq!(got[0].1, Partial);
    assert_eq!(got[0].2.as_deref(), Some("Lena Vogt"));
}

#[test]
fn someone_of_a_body_is_named_whole_not_by_the_body() {
    // "die Sprecherin der Stadt" is someone; "der Stadt" alone is a place, no name
    for (paragraph, name) in [
        (
            "„Die Fähre bleibt im Hafen“, sagte die Sprecherin der Stadt.",
            "die Sprecherin der Stadt",
        ),
        (
            "„Das Angebot steht“, erklärte der Sprecher der Reederei am Abend.",
            "der Sprecher der Reederei",
        ),
    ] {
        let got = quotes(&[paragraph]);
        assert_eq!(got[0].2.as_deref(), Some(name), "{paragraph}: {got:?}");
    }
}

#[test]
fn german_titles_and_names_are_not_speech() {
    for (paragraph, quoted) in [
        (
            "Der Staatssekretär sagte der „Nordstadt Zeitung“, die Pläne seien fertig.",
            "„Nordstadt Zeitung“",
        ),
        (
            "Die Redaktion arbeitet seit Jahren mit dem Browser „Falkenauge“.",
            "„Falkenauge“",
        ),
        (
            "Ihr Roman „Die leisen Jahre“ erscheint im Mai bei einem kleinen Verlag.",
            "„Die leisen Jahre“",
        ),
        (
            "Die Demonstranten zogen unter dem Motto „Freie Ufer für alle“ durch die Stadt.",
            "„Freie Ufer für alle“",
        ),
        (
            "Nach Angaben des Magazins „Der Seebote“ wurde der Hafen gesperrt.",
            "„Der Seebote“",
        ),
    ] {
        let got = quotes(&[paragraph]);
        let q = got.iter().find(|q| q.0 == quoted).expect(paragraph);
        assert_eq!((q.1, q.2.as_deref()), (Scare, None), "{paragraph}");
    }
}

#[test]
fn german_names_given_by_a_verb_of_naming_are_not_speech() {
    // "nennt sich", "nennt man", a passive of naming with no agent, "heißt" with no "es": the
    // quotation is a thing's name, not anyone's words
    for (paragraph, quoted) in [
        (
            "Nach dem Umzug nennt sich der Ruderclub „Möwe Süd“ und trainiert am Kanal.",
            "„Möwe Süd“",
        ),
        (
            "Einen solchen Tausch von Anteilen nennt man einen „Ringtausch“.",
            "„Ringtausch“",
        ),
        (
            "„Kapitän Ede“, wie der Fährmann im Dorf genannt wurde, fuhr vierzig Jahre lang.",
            "„Kapitän Ede“",
        ),
        (
            "Der Strom, der von den Bergen herabfällt und als „Kaltluftsee“ bezeichnet wird, kühlt das Tal.",
            "„Kaltluftsee“",
        ),
        (
            "Der zweite Roman der Autorin heißt „Ein Winter am Deich“ und erscheint im Herbst.",
            "„Ein Winter am Deich“",
        ),
    ] {
        let got = quotes(&[paragraph]);
        let q = got.iter().find(|q| q.0 == quoted).expect(paragraph);
        assert_eq!((q.1, q.2.as_deref()), (Scare, None), "{paragraph}");
    }
    // with someone naming it, it is their words: an agent of the passive, a subject
    let got = quotes(&["Die Brücke wird von Anwohnern als „Schandfleck der Stadt“ bezeichnet."]);
    assert_eq!(
        (got[0].1, got[0].3.as_deref()),
        (Partial, Some("Anwohnern"))
    );
    let got = quotes(&["Die Bürgermeisterin nannte den Neubau „einen Gewinn für alle“."]);
    assert_eq!(
        (got[0].1, got[0].3.as_deref()),
        (Partial, Some("Die Bürgermeisterin"))
    );
    // and "heißt es" still reports
    let got = quotes(&["In dem Schreiben der Stadt heißt es: „Die Halle bleibt geschlossen.“"]);
    assert_eq!(got[0].3.as_deref(), Some("dem Schreiben der Stadt"));
}

#[test]
fn german_fragment_opening_with_a_number_is_a_name() {
    // „175 Jahre Hafenbahn“, „100 Prozent Frucht“: an event's or a product's name, read as a
    // capitalised fragment (speech only as a sentence or a characterisation someone reports)
    for (paragraph, quoted) in [
        (
            "Das Museum zeigt ab Mai die Ausstellung „175 Jahre Hafenbahn“ im Lokschuppen.",
            "„175 Jahre Hafenbahn“",
        ),
        (
            "Statt der versprochenen „100 Prozent Frucht“ enthielt der Saft vor allem Zucker.",
            "„100 Prozent Frucht“",
        ),
    ] {
        let got = quotes(&[paragraph]);
        let q = got.iter().find(|q| q.0 == quoted).expect(paragraph);
        assert_eq!((q.1, q.2.as_deref()), (Scare, None), "{paragraph}");
    }
}

#[test]
fn a_quoted_web_address_is_a_name_in_every_language() {
    // a site's address in quotation marks names the site, whoever speaks in the sentence
    for (text, lang, quoted) in [
        (
            "Die Daten stammen von „hafenblick.de“, erklärte die Sprecherin der Reederei.",
            "de",
            "„hafenblick.de“",
        ),
        (
            "The figures came from \"harbourwatch.org\", the port's spokeswoman said on Monday.",
            "en",
            "\"harbourwatch.org\"",
        ),
    ] {
        let got = quotes_with(&[text], Some(lang));
        let q = got.iter().find(|q| q.0 == quoted).expect(text);
        assert_eq!((q.1, q.2.as_deref()), (Scare, None), "{text}");
    }
}

#[test]
fn french_cue_patterns() {
    check(&[
        (
            // "des" joins the ministry's complement: the description runs on
            "« La frontière reste ouverte », a affirmé le ministère des Affaires maritimes.",
            (
                "« La frontière reste ouverte »",
                Direct,
                Some("le ministère des Affaires maritimes"),
                Some("affirmé"),
            ),
        ),
        (
            "« Nous ne reculerons pas », a déclaré Paul Martin, maire de Villebourg.",
            (
                "« Nous ne reculerons pas »",
                Direct,
                Some("Paul Martin"),
                Some("déclaré"),
            ),
        ),
        (
            "« Le budget sera voté en mars », selon Claire Dubois.",
            (
                "« Le budget sera voté en mars »",
                Direct,
                Some("Claire Dubois"),
                Some("selon"),
            ),
        ),
        (
            "Selon le ministère, « les travaux reprendront lundi ».",
            (
                "« les travaux reprendront lundi »",
                Direct,
                Some("le ministère"),
                Some("Selon"),
            ),
        ),
        (
            "« Nous avons besoin de temps », a-t-il ajouté.",
            (
                "« Nous avons besoin de temps »",
                Direct,
                Some("il"),
                Some("ajouté"),
            ),
        ),
        (
            "« La décision est prise », affirme-t-elle.",
            (
                "« La décision est prise »",
                Direct,
                Some("elle"),
                Some("affirme"),
            ),
        ),
        // « … » with no-break spaces inside its marks
        (
            "«\u{a0}Rien n'est joué\u{a0}», a estimé la présidente du conseil.",
            (
                "«\u{a0}Rien n'est joué\u{a0}»",
                Direct,
                Some("la présidente du conseil"),
                Some("estimé"),
            ),
        ),
        (
            "Le maire a déclaré : « Nous ne céderons pas aux menaces. »",
            (
                "« Nous ne céderons pas aux menaces. »",
                Direct,
                Some("Le maire"),
                Some("déclaré"),
            ),
        ),
    ]);
    // a pronoun inside the verb resolves to the person named before
    let got = quotes(&[
        "La ministre Hélène Roux a visité le chantier mardi.",
        "« Nous avons besoin de temps », a-t-elle ajouté.",
    ]);
    assert_eq!(got[0].2.as_deref(), Some("Hélène Roux"));
    assert_eq!(got[0].3.as_deref(), Some("elle"));
}

#[test]
fn spanish_cue_patterns() {
    check(&[
        (
            "«Vamos a ganar el partido», dijo Ana López, entrenadora del club.",
            (
                "«Vamos a ganar el partido»",
                Direct,
                Some("Ana López"),
                Some("dijo"),
            ),
        ),
        (
            "«El puente estará listo en junio», según el alcalde.",
            (
                "«El puente estará listo en junio»",
                Direct,
                Some("el alcalde"),
                Some("según"),
            ),
        ),
        (
            "Según Ana López, «el equipo está preparado».",
            (
                "«el equipo está preparado»",
                Direct,
                Some("Ana López"),
                Some("Según"),
            ),
        ),
        (
            "«No hay marcha atrás», afirmó la ministra.",
            (
                "«No hay marcha atrás»",
                Direct,
                Some("la ministra"),
                Some("afirmó"),
            ),
        ),
        (
            "El alcalde dijo: «Las obras terminarán pronto».",
            (
                "«Las obras terminarán pronto»",
                Direct,
                Some("El alcalde"),
                Some("dijo"),
            ),
        ),
        // the em dash of dialogue: the line runs to the narrator's dash
        (
            "—Vamos a ganar —dijo el entrenador—. Lo sabemos todos.",
            (
                "—Vamos a ganar",
                Direct,
                Some("el entrenador"),
                Some("dijo"),
            ),
        ),
    ]);
}

#[test]
fn french_and_spanish_titles_are_not_speech() {
    for (paragraph, quoted) in [
        (
            "Il lit le journal « Le Courrier du Lac » chaque matin.",
            "« Le Courrier du Lac »",
        ),
        (
            "Leyó el diario «La Voz del Puerto» en el tren de vuelta.",
            "«La Voz del Puerto»",
        ),
        (
            "Los manifestantes llevaban pancartas con el lema «Playas libres» por la avenida.",
            "«Playas libres»",
        ),
    ] {
        let got = quotes(&[paragraph]);
        let q = got.iter().find(|q| q.0 == quoted).expect(paragraph);
        assert_eq!((q.1, q.2.as_deref()), (Scare, None), "{paragraph}");
    }
}

#[test]
fn short_paragraphs_follow_their_page_or_the_lang_option() {
    // a German page: the short line's verb-first inversion is read as German
    let page = [
        "Die Stadt hat am Montag die neuen Regeln für den Verkehr in der Innenstadt vorgestellt.",
        "„Nein“, sagte der Sprecher.",
    ];
    let got = quotes(&page);
    assert_eq!(got[0].3.as_deref(), Some("der Sprecher"));
    // alone, the line has too few words to tell; the lang option says it
    let alone = ["„Nein“, sagte der Sprecher."];
    let got = quotes_with(&alone, Some("de-DE"));
    assert_eq!(got[0].3.as_deref(), Some("der Sprecher"));
    assert_eq!(got[0].4.as_deref(), Some("sagte"));
    // English pages are untouched by the other grammars
    let got = quotes(&["\"No,\" the spokesman said."]);
    assert_eq!(got[0].3.as_deref(), Some("the spokesman"));
}

#[test]
fn german_speaker_from_the_sentences_before() {
    // a quoted sentence with no cue after a sentence about someone
    let got = quotes(&[
        "Die Abgeordnete Jana Roth kritisierte den Haushalt scharf. „Das ist ein Rechentrick.“",
    ]);
    assert_eq!(got[0].2.as_deref(), Some("Jana Roth"));
    // reported speech goes on in the subjunctive: its fragment is the subject's before
    let got = quotes(&[
        "Die Abgeordnete Jana Roth kritisierte den Haushalt. Hier seien die Mittel „völlig unrealistisch berechnet“.",
    ]);
    assert_eq!(
        (got[0].1, got[0].2.as_deref()),
        (Partial, Some("Jana Roth"))
    );
    // a prepositional phrase before the verb is not the subject, its article notwithstanding
    let got = quotes(&[
        "Vor dem Konzert in der Halle sagte der Sänger Tom Berger: „Wir spielen zwei Stunden.“",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Tom Berger"));
}

#[test]
fn german_verb_second_speakers() {
    check(&[
        // the subject after an inverted verb, past a reflexive and an adverb
        (
            "In einem Gespräch äußerte sich die Stadträtin Ida Brenner jedoch gelassen: „Wir finden eine Lösung.“",
            ("„Wir finden eine Lösung.“", Direct, Some("Ida Brenner"), Some("äußerte")),
        ),
        // an object first: the subject follows the verb
        (
            "Den Ärger der Anwohner brachte die Sprecherin des Vereins zum Ausdruck: „So geht es nicht weiter.“",
            ("„So geht es nicht weiter.“", Direct, Some("die Sprecherin des Vereins"), Some("brachte")),
        ),
        // a pronoun that is only ever a subject, after an adverb first
        (
            "Ursprünglich wollte er „einen Plan mit drei Stufen vorlegen“.",
            ("„einen Plan mit drei Stufen vorlegen“", Partial, Some("er"), None),
        ),
        // after the quotation and its comma, any verb: its subject follows, however the sentence goes on
        (
            "„Wir bleiben bei unserem Kurs“, strich Mara Lenz am Abend in Kassel heraus.",
            ("„Wir bleiben bei unserem Kurs“", Direct, Some("Mara Lenz"), Some("strich")),
        ),
        (
            "„Die Fähre fährt wieder ab Montag“, ließ ein Sprecher der Reederei verlauten.",
            ("„Die Fähre fährt wieder ab Montag“", Direct, Some("ein Sprecher der Reederei"), Some("ließ")),
        ),
        (
            "„Die Schleuse bleibt bis zum Sommer gesperrt“, heißt es dazu in einer Mitteilung des Amtes.",
            ("„Die Schleuse bleibt bis zum Sommer gesperrt“", Direct, Some("einer Mitteilung des Amtes"), Some("heißt")),
        ),
        // a line with no verb before its colon names its speaker first
        (
            "Landrätin Vera Kühn: „Wir haben keine Zeit zu verlieren.“",
            ("„Wir haben keine Zeit zu verlieren.“", Direct, Some("Vera Kühn"), Some(":")),
        ),
        (
            "Ein Beamter der Wasserschutzpolizei nach dem Einsatz: „Das Boot war nicht mehr zu retten.“",
            ("„Das Boot war nicht mehr zu retten.“", Direct, Some("Ein Beamter der Wasserschutzpolizei"), Some(":")),
        ),
        // a clause whose verb is no cue introduces the quoted sentence: its subject speaks
        (
            "Die Bewohner des Viertels sehen den Umbau gelassen: „Wir haben schon Schlimmeres erlebt.“",
            ("„Wir haben schon Schlimmeres erlebt.“", Direct, Some("Die Bewohner des Viertels"), Some("sehen")),
        ),
        (
            "Der Leiter der Untersuchung, Tomas Reiter, sieht die Schuld bei der Bauaufsicht: „Die Pläne wurden nie geprüft.“",
            // (the name set off after its description speaks: the description is its role)
            ("„Die Pläne wurden nie geprüft.“", Direct, Some("Tomas Reiter"), Some("sieht")),
        ),
        // the cue is the main clause's finite verb: its subject, a prepositional phrase inside it
        (
            "Jens Albers vom Bankhaus Stein sagte dazu: „Solche Zinsen hat es lange nicht gegeben.“",
            ("„Solche Zinsen hat es lange nicht gegeben.“", Direct, Some("Jens Albers"), Some("sagte")),
        ),
        // a subordinate clause first, its verb last: its subject stands after the conjunction
        (
            "Wie der Finanzminister Paul Weber am Dienstag in Kiel erklärte, ist das Gesetz „kein Hindernis für den Handel“.",
            ("„kein Hindernis für den Handel“", Partial, Some("Paul Weber"), Some("erklärte")),
        ),
        // "Als" with no verb before the main verb is no subordinate clause
        (
            "Als Antwort auf den Brief sagte eine Sprecherin der Regierung: „Wir prüfen das Schreiben.“",
            ("„Wir prüfen das Schreiben.“", Direct, Some("eine Sprecherin der Regierung"), Some("sagte")),
        ),
        // a parenthetical „so X“ within the sentence
        (
            "Die Kosten seien „völlig aus dem Ruder gelaufen“, da der Boden nachgab, so der Bauleiter.",
            ("„völlig aus dem Ruder gelaufen“", Partial, Some("der Bauleiter"), Some("so")),
        ),
        // nach Auffassung X
        (
            "Nach Auffassung des Fraktionschefs Uwe Brandl sei der Plan „nicht finanzierbar“.",
            ("„nicht finanzierbar“", Partial, Some("Uwe Brandl"), Some("Nach Auffassung")),
        ),
    ]);
    // a quoted name after the verb is itself a name, no speech
    let got = quotes(&["„Der Hafen hat seine beste Zeit hinter sich“, schreibt die „Küstenpost“."]);
    assert_eq!((got[0].1, got[1].1), (Direct, Scare));
    // an adverb or adjective first is no name: the subject follows the verb
    let got = quotes(&[
        "Passend zum Wetter warnte die Moderatorin des Senders: „Auf dem Steg wird es glatt.“",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("die Moderatorin des Senders"));
}

#[test]
fn german_fragments_named_or_said() {
    // a capitalised fragment nobody says is a name or a title: a list of talks, a book and its author
    for (paragraph, quoted) in [
        (
            "Die Besucher hörten Vorträge wie „Die Geschichte der Fähren am Rhein“ oder „Brücken aus Holz“.",
            "„Die Geschichte der Fähren am Rhein“",
        ),
        (
            "Auf der Liste stehen Klassiker wie „Der Sommer am See“ von Hanna Grau.",
            "„Der Sommer am See“",
        ),
    ] {
        let got = quotes(&[paragraph]);
        let q = got.iter().find(|q| q.0 == quoted).expect(paragraph);
        assert_eq!(q.1, Scare, "{paragraph}");
    }
    // a list of quoted names, a name in brackets, a short name opening its sentence as its
    // subject, a short title after a colon: names, not speech
    for (paragraph, quoted) in [
        (
            "Gewertet wurde in den Klassen „Kinder“, „Junge Erwachsene“ und „Senioren ab 70“.",
            "„Junge Erwachsene“",
        ),
        (
            "Die Studie erschien am Montag im Fachblatt „Küste und Meer“ („KuM“) und wurde von vielen gelesen.",
            "„KuM“",
        ),
        (
            "„Helfer ohne Grenzen“ sowie das Rote Kreuz schickten weitere Teams.",
            "„Helfer ohne Grenzen“",
        ),
        (
            "Das erste Album der Gruppe erschien dann im Jahr 1998: „Stille Wasser“.",
            "„Stille Wasser“",
        ),
    ] {
        let got = quotes(&[paragraph]);
        let q = got.iter().find(|q| q.0 == quoted).expect(paragraph);
        assert_eq!(q.1, Scare, "{paragraph}");
    }
    // a characterisation in reported speech is speech, capital or not
    let got = quotes(&["Der Abgeordnete Jan Wolff bezeichnete die Pläne als „Wortbruch“."]);
    assert_eq!(
        (got[0].1, got[0].2.as_deref()),
        (Partial, Some("Jan Wolff"))
    );
    // a lower-case fragment in reported speech (a subjunctive) is speech
    let got = quotes(&["Die Sanierung sei „dringend nötig“, hieß es aus dem Rathaus."]);
    assert_eq!(got[0].1, Partial);
}

#[test]
fn german_reported_speech_and_clause_cues() {
    // a sentence in the subjunctive with no cue is the words of the one named before, not of
    // its own subject
    let got = quotes(&[
        "Der Datenschützer Ole Brandt bezeichnete die Pläne als Fehler. Bisher habe die Regierung eine „zentrale Datei“ stets ausgeschlossen.",
    ]);
    assert_eq!(
        (got[0].1, got[0].3.as_deref()),
        (Partial, Some("Ole Brandt"))
    );
    // a participle cue after the clause's finite verb and subject
    let got = quotes(&[
        "Die Sprecherin Eva Lind hatte am Mittwoch erklärt, für die Stadt sei entscheidend, „ob die Brücke bis Mai hält“.",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Eva Lind"));
    let got = quotes(&[
        "Lea Kern hatte besonders die Rolle der Ortsvorsteher betont: „Die Entscheidungen fallen in den Dörfern.“",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Lea Kern"));
    // adjectives before their noun are no verb: the cue is the finite verb, its subject after it
    let got = quotes(&[
        "Zum geplanten neuen Hafengesetz schreibt Nora Wendt: „Der Entwurf ist zu vage.“",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Nora Wendt"));
    // a comma sets off a quoted clause as a colon does: the clause's subject speaks
    let got = quotes(&[
        "Das Landgericht kam damit zu dem Ergebnis, „dass die Beweise für eine Verurteilung nicht reichen“.",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Das Landgericht"));
}

#[test]
fn german_descriptions_and_clauses() {
    // an adjective before the title keeps title and name one run; reported speech after a colon
    // is the clause's subject's
    let got = quotes(&[
        "Die niedersächsische Kultusministerin Elke Brandt kündigte eine „flexiblere Handhabe der Regeln“ an. Der stellvertretende Fraktionsvorsitzende Kai Lorenz bezweifelte die Pläne: Er habe „nicht den Eindruck, dass das reicht“.",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Elke Brandt"));
    assert_eq!(got[1].3.as_deref(), Some("Kai Lorenz"));
    // a description's head is its first noun, before the genitive: an office speaks
    let got = quotes(&[
        "Das Auswärtige Amt der Republik empfiehlt allen Reisenden einen „konsequenten Schutz vor Mücken“.",
    ]);
    assert_eq!(
        (got[0].1, got[0].3.as_deref()),
        (Partial, Some("Das Auswärtige Amt der Republik"))
    );
}

#[test]
fn german_inflection_and_word_order() {
    check(&[
        // "der" or "das" before an adjective in -en opens no subject: the subject follows the verb
        (
            "Der örtlichen Presse sagte Jana Falk: „Wir bleiben in der Stadt.“",
            ("„Wir bleiben in der Stadt.“", Direct, Some("Jana Falk"), Some("sagte")),
        ),
        // a quotation first and its cue verb right after it: the subject follows the verb, and
        // the object's article ends the mention
        (
            "Als „großen Fehler“ bezeichnete die Ministerin Eva Lind den Beschluss des Rates.",
            ("„großen Fehler“", Partial, Some("Eva Lind"), Some("bezeichnete")),
        ),
        // „so X“ after a quotation that ends its sentence, without a comma
        (
            "„Die Halle bleibt bis zum Frühjahr geschlossen.“ so das Fazit des Hallenwarts.",
            ("„Die Halle bleibt bis zum Frühjahr geschlossen.“", Direct, Some("das Fazit des Hallenwarts"), Some("so")),
        ),
        // „so“ and a verb before the subject
        (
            "Ein „klarer Auftrag“, so urteilte Lisa Brenner über das Ergebnis der Wahl.",
            ("„klarer Auftrag“", Partial, Some("Lisa Brenner"), Some("urteilte")),
        ),
        // a thing first, "der" after the verb: the thing is the object
        (
            "Die neue Regel für die Märkte stellte der Vorsitzende des Verbands in Frage: „Das trifft die Kleinen.“",
            ("„Das trifft die Kleinen.“", Direct, Some("der Vorsitzende des Verbands"), Some("stellte")),
        ),
        // a thing's owner introduces a quoted sentence with any verb
        (
            "Das Fazit von Ina Moll, der Leiterin der Schule, lautete dazu: „Wir sind mit dem Jahr zufrieden.“",
            ("„Wir sind mit dem Jahr zufrieden.“", Direct, Some("Ina Moll"), Some("lautete")),
        ),
        // a person or organisation with a phrase after its head, then any verb and a colon
        (
            "Der Sprecher von Grünwacht wandte sich gegen die Pläne: „Das schadet den Böden.“",
            ("„Das schadet den Böden.“", Direct, Some("Der Sprecher"), Some("wandte")),
        ),
        // every form of a speech verb by its stem: "antwort" + "ete"
        (
            "Auf die Frage nach den Kosten antwortete der Kämmerer Paul Rieger: „Das zahlt das Land.“",
            ("„Das zahlt das Land.“", Direct, Some("Paul Rieger"), Some("antwortete")),
        ),
    ]);
    // a feminine title in -in is found by its masculine ("Stadtdirektorin" → "direktor"): a title
    // kept out of the name, and the description that finds the name later
    let got = quotes(&[
        "Stadtdirektorin Eva Lind eröffnete am Montag die neue Brücke.",
        "„Wir prüfen das“, sagte die Stadtdirektorin.",
    ]);
    assert_eq!(got[0].2.as_deref(), Some("Eva Lind"));
    // but a participle before its noun is no speech verb: "die so genannten „…“" stay a term
    let got = quotes(&["Die Ämter verteilten die so genannten „Notfallpakete“ an alle Haushalte."]);
    assert_eq!(got[0].1, Scare);
    // an interrogative clause first is no name: the subject follows the main clause's verb
    let got = quotes(&[
        "Warum die Stadt den Fehler so lange nicht bemerkte, erklärte die Bürgermeisterin so: „Die Prüfer haben damals keine Hinweise gefunden.“",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("die Bürgermeisterin"));
    // reported speech in the subjunctive goes on in a quoted sentence: the last speaker's, not
    // an adverb's that opens the sentence before
    let got = quotes(&[
        "Der Leiter des Amtes, Tom Weber, sagte: „Wir müssen uns vorbereiten.“ Die Lage sei ernst. Bisher gebe es zwar noch keine Fälle, weil die Grenzen geschlossen seien. „Aber das kann sich jeden Tag ändern.“",
    ]);
    assert_eq!(got[1].3, got[0].3);
    assert_eq!(got[1].3.as_deref(), Some("Tom Weber"));
    // a person first, a phrase after its head, the finite verb later: the subject of a fragment
    let got = quotes(&[
        "Auch der Sprecher der Fraktion im Landtag, Jonas Feld, will den Plan „noch einmal sorgfältig prüfen“.",
    ]);
    assert_eq!(
        (got[0].1, got[0].3.as_deref()),
        (Partial, Some("Jonas Feld"))
    );
    // a one-word name opening the sentence is a name when another is coordinated with it
    let got = quotes(&[
        "Anna und Paul Weber teilten daraufhin mit: „Das trifft uns sehr. Wir bitten darum, allein bleiben zu können.“",
    ]);
    assert_eq!(
        (got[0].3.as_deref(), got[0].4.as_deref()),
        (Some("Anna"), Some("teilten"))
    );
}

#[test]
fn german_reported_speech_keeps_its_speaker() {
    // a sentence in the subjunctive reports what was said about its subject: a fragment after it
    // is the speaker's named with the cue before, not that subject's
    let got = quotes(&[
        "In seiner Rede erklärte Kanzler Ben Ahlers, die Renten blieben sicher. Er werde „keine Kürzungen“ zulassen. Alle Rentner im Land könnten sich darauf verlassen, zwei Jahre „unnötiger Streit“ seien genug.",
    ]);
    assert_eq!(got[1].3.as_deref(), Some("Ben Ahlers"));
    // and a quoted sentence after it goes on with the paragraph's last speaker
    let got = quotes(&[
        "„Wir helfen, wo wir können“, wird Minister Jan Roth zitiert. Die Entscheidung wolle er dem Rat überlassen. „Wir warten auf den Bericht.“",
    ]);
    assert_eq!(got[1].3.as_deref(), Some("Jan Roth"));
}

#[test]
fn german_quoted_names_as_sources() {
    // a newspaper's quoted name after the cue, with or without its article, is the source (the
    // name itself a scare quotation)
    for (paragraph, mention, name) in [
        (
            "„Das Ergebnis ist ein Signal an alle Parteien“, schreibt die „Nordpost“.",
            "die „Nordpost“",
            "Nordpost",
        ),
        (
            "„Sie war eine Stimme ihrer Stadt“, schrieb „Die Woche“ in einem Nachruf.",
            "„Die Woche“",
            "Die Woche",
        ),
    ] {
        let got = quotes(&[paragraph]);
        assert_eq!(
            (got[0].1, got[0].2.as_deref(), got[0].3.as_deref(), got[1].1),
            (Direct, Some(name), Some(mention), Scare),
            "{paragraph}"
        );
    }
    let got = quotes(&["Laut „Westblick“ will der Konzern „bis zu 300 Stellen“ streichen."]);
    assert_eq!(
        (got[1].0.as_str(), got[1].3.as_deref(), got[1].2.as_deref()),
        (
            "„bis zu 300 Stellen“",
            Some("„Westblick“"),
            Some("Westblick")
        )
    );
}

#[test]
fn german_speaker_of_an_earlier_sentence() {
    // a fragment with no speaker of its own goes back to the nearest sentence with a cue, whose
    // inverted verb may have a reflexive before its subject
    let got = quotes(&[
        "Ministerin Lea Brandt verteidigte den Plan. „Wir halten daran fest“, äußerte sich Brandt gegenüber der Presse. Die neue Studie aus dem Institut für Verkehr in Kassel zeige, „dass der Plan wirkt“.",
    ]);
    assert_eq!(
        (got[1].0.as_str(), got[1].3.as_deref()),
        ("„dass der Plan wirkt“", Some("Brandt"))
    );
}

#[test]
fn german_one_word_name_before_its_verb() {
    // a surname alone, named nowhere before, right before its speech verb is the speaker (a word
    // that opens a sentence is a name only with such evidence)
    check(&[(
        "Okonjo sagte dazu am Abend: „Wir sind zufrieden.“",
        (
            "„Wir sind zufrieden.“",
            Direct,
            Some("Okonjo"),
            Some("sagte"),
        ),
    )]);
}

#[test]
fn german_infinitive_clause_first() {
    // an infinitive clause set off by a comma opens the sentence ("Um … zu …,"): the subject
    // follows the verb after it, and a quoted sentence after that sentence is the subject's
    let got = quotes(&[
        "Um den Plan zu retten, will Kerstin Oberle die Steuern senken. „Das ist unser Weg.“",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Kerstin Oberle"));
    // (and "um" as a preposition of time is no clause: "Um 10 Uhr sagte die Ministerin, …")
    check(&[(
        "Um 10 Uhr sagte die Ministerin, dass die Schulen „ab Montag wieder öffnen“.",
        (
            "„ab Montag wieder öffnen“",
            Partial,
            Some("die Ministerin"),
            Some("sagte"),
        ),
    )]);
}

#[test]
fn german_colon_opens_a_main_clause() {
    // a colon before a main clause of its own: the cue after it speaks, not the sentence's first
    check(&[(
        "Auch die Kommission kritisierte das Verfahren scharf: So sagte Kommissar Aldo Brenner dazu: „Man kann ein Gesetz nicht ohne Debatte beschließen.“",
        (
            "„Man kann ein Gesetz nicht ohne Debatte beschließen.“",
            Direct,
            Some("Aldo Brenner"),
            Some("sagte"),
        ),
    )]);
}

#[test]
fn german_two_main_clauses_in_one_sentence() {
    // a subject and its verb after a quotation and its comma open a clause of their own: no
    // attribution of the quotation before ("„…“, Trainer Brem bezeichnete …"), and the speaker
    // of the quotation in it
    let got = quotes(&[
        "Der Stürmer Jan Oskamp, der früh vom Platz musste, nannte seinen Platzverweis „überzogen“, Trainer Paul Brem bezeichnete die vielen Karten als „übertrieben“.",
    ]);
    assert_eq!(
        (got[0].3.as_deref(), got[1].3.as_deref()),
        (Some("Jan Oskamp"), Some("Paul Brem"))
    );
}

#[test]
fn a_spanish_sentence_opened_by_a_preposition_does_not_name_it() {
    // "Entre", "Sobre", "Tras" open an adverbial, "Consultada" a participle: no speaker
    let q = quotes_with(
        &[
            "Entre ellos figuraba Ruiz, a quien el informe situó \"con casa en el puerto y en el centro de la ciudad\", y a otros dos pescadores del barrio.",
            "Consultada sobre esta demora, una fuente del puerto nos la resumió así: \"La obra del muelle no terminará antes del invierno y todos lo saben.\"",
        ],
        Some("es"),
    );
    let names = names_of(&q);
    assert!(
        names
            .iter()
            .all(|n| !matches!(n, Some("Entre" | "Consultada"))),
        "{q:?}"
    );
}

#[test]
fn german_name_particle_opens_the_sentence() {
    // a name whose particle is also a preposition, named in full before, opens its sentence
    let got = quotes(&[
        "Ministerin Ursula von der Brelen besuchte am Montag die Werft.",
        "Von der Brelen betonte, die Werft sei „für die ganze Region unverzichtbar“.",
    ]);
    assert_eq!(got[0].3.as_deref(), Some("Von der Brelen"));
    // a preposition before a noun stays one: no one named so
    let got = quotes(&["Von der Stadt hieß es dazu am Abend: „Wir prüfen den Fall.“"]);
    assert_ne!(got[0].3.as_deref(), Some("Von der Stadt"));
}

#[test]
fn a_name_given_by_a_participle_of_naming_is_no_speech() {
    // "a ferry called “…”", "ein Boot, genannt „…“", "un barco llamado «…»": the thing's name
    for (text, lang) in [
        ("The harbour board bought a second ferry called \"Northern Light of the Bay\" last spring.", "en"),
        ("The town keeps old rules for fishing, and some of them are named \"the dawn and dusk laws\" by the crews.", "en"),
        ("El puerto compró un barco llamado «Luz del Norte de la Bahía» la primavera pasada.", "es"),
        ("Le port a acheté un bateau baptisé « Lumière du Nord de la Baie » au printemps.", "fr"),
    ] {
        let q = quotes_with(&[text], Some(lang));
        assert_eq!(q[0].1, QuoteKind::Scare, "{text}: {q:?}");
        assert_eq!(q[0].2, None, "{text}: {q:?}");
    }
    // after a name or a pronoun it is what someone called it: speech
    let q = quotes_with(
        &["The pier is what Okafor called \"a danger to every boat in the bay\" on Monday."],
        Some("en"),
    );
    assert_ne!(q[0].1, QuoteKind::Scare, "{q:?}");
}

#[test]
fn german_more_speech_verbs() {
    // würdigen, anprangern, rechtfertigen, skandieren: speech verbs of every form by their stem
    check(&[
        (
            "Die Trainerin Mira Holt würdigte den Spieler als „großen Kämpfer“.",
            ("„großen Kämpfer“", Partial, Some("Mira Holt"), Some("würdigte")),
        ),
        (
            "Die Abgeordneten Ole Marx und Ida Berg prangerten an, dass die Lehrer „als Hilfspolizisten“ dienten.",
            ("„als Hilfspolizisten“", Partial, Some("Ole Marx"), Some("prangerten")),
        ),
    ]);
}

#[test]
fn german_cue_at_the_end_of_a_subordinate_or_relative_clause() {
    // the verb stands last in a subordinate clause: its subject follows the conjunction, and a
    // relative pronoun stands for the phrase before it (not the sentence's first words)
    check(&[
        (
            "Der Rat lehnte den Antrag ab, zumal Anwalt Paul Brenner mehrfach betont hatte, der Bau sei „unnötig“.",
            ("„unnötig“", Partial, Some("Paul Brenner"), Some("betont")),
        ),
        (
            "Der Bericht ist heikel, weil die Landesregierung den Damm im Mai als „Vorzeigeprojekt“ bezeichnet hat.",
            ("„Vorzeigeprojekt“", Partial, Some("die Landesregierung"), Some("bezeichnet")),
        ),
        (
            "Im Tageblatt erschien ein Kommentar, der die Wahl als „große Verirrung“ bezeichnet.",
            ("„große Verirrung“", Partial, Some("ein Kommentar"), Some("bezeichnet")),
        ),
        // (a pronoun after the relative pronoun is the subject, not the phrase before it)
        (
            "Die Pläne, die er im Herbst als „Zumutung“ bezeichnet hatte, liegen vor.",
            ("„Zumutung“", Partial, Some("er"), Some("bezeichnet")),
        ),
    ]);
}

#[test]
fn german_sources_of_a_view() {
    check(&[
        // "so letztere": the latter of the ones just named
        (
            "Die Sängerin Mira Holt stand vor dem Tor. „Wir müssen jetzt alle zusammen handeln“, so letztere.",
            ("„Wir müssen jetzt alle zusammen handeln“", Direct, Some("letztere"), Some("so")),
        ),
        // "für X ist …" opening the sentence: X's view of a quoted fragment
        (
            "Für den Historiker Jan Ebert sei die Entscheidung „längst überfällig“.",
            ("„längst überfällig“", Partial, Some("Jan Ebert"), None),
        ),
        // "nach Ansicht von X", a plural noun ("nach Darstellungen des Verlags")
        (
            "Nach Einschätzung von Experten ist der Plan „nicht tragfähig“.",
            ("„nicht tragfähig“", Partial, Some("Experten"), Some("Nach Einschätzung von")),
        ),
        (
            "Nach Darstellungen des Verlags bietet das Buch eine „ganz neue Sicht auf die alten Fragen“.",
            ("„ganz neue Sicht auf die alten Fragen“", Partial, Some("des Verlags"), Some("Nach Darstellungen")),
        ),
    ]);
}

#[test]
fn german_document_or_place_before_an_impersonal_verb() {
    // "In X heißt es: „…“": the impersonal "es" after the verb is no one, the document or place
    // the leading phrase names speaks (an indefinite document is its owner's); a time does not
    check(&[
        (
            "In dem Antrag der Fraktion heißt es wörtlich: „Die Stadt muss handeln.“",
            ("„Die Stadt muss handeln.“", Direct, Some("dem Antrag der Fraktion"), Some("heißt")),
        ),
        (
            "In einer Erklärung der Minister vom Montag hatte es geheißen: „Es gibt keine andere Lösung.“",
            ("„Es gibt keine andere Lösung.“", Direct, Some("der Minister"), Some("geheißen")),
        ),
        (
            "Aus Tornau hieß es, der Plan sei „nicht umsetzbar“.",
            ("„nicht umsetzbar“", Partial, Some("Tornau"), Some("hieß")),
        ),
    ]);
    let got = quotes(&["Am Montag hieß es dann: „Wir warten ab, was die Stadt entscheidet.“"]);
    assert_eq!(got[0].3, None);
}

#[test]
fn german_passive_agent_speaks() {
    // a passive's agent ("von", "vom") before its participle speaks, the nearest in the clause;
    // an agent in another clause does not
    check(&[
        (
            "Seine Bilder werden von Kennern als „Meilensteine der Malerei“ bezeichnet.",
            (
                "„Meilensteine der Malerei“",
                Partial,
                Some("Kennern"),
                Some("bezeichnet"),
            ),
        ),
        (
            "Im Norden wird die Gefahr von Bränden vom Wetteramt als „sehr hoch“ eingestuft.",
            (
                "„sehr hoch“",
                Partial,
                Some("Wetteramt"),
                Some("eingestuft"),
            ),
        ),
        (
            "Es wurde von Lenas Bruder die Vermutung geäußert, die Stadt wolle „nur sparen“.",
            (
                "„nur sparen“",
                Partial,
                Some("Lenas Bruder"),
                Some("geäußert"),
            ),
        ),
        (
            "Der Deich wird von der Stadt bezahlt, sagte Kim Ahrens, er sei „gut durchdacht“.",
            (
                "„gut durchdacht“",
                Partial,
                Some("Kim Ahrens"),
                Some("sagte"),
            ),
        ),
    ]);
}

#[test]
fn german_clause_after_a_comma_names_its_speaker_first() {
    // a cue that ends a clause after a comma, before a colon too: the clause's first phrase
    // speaks, past an object's relative pronoun; a passive before a colon is no agent's speech
    // ("wird … zitiert": its subject speaks)
    check(&[
        (
            "Die Quote sank unter die Marke, die Kim Ahrens im Mai zum Maßstab erklärt hatte: „Wir schaffen das bis zum Herbst.“",
            ("„Wir schaffen das bis zum Herbst.“", Direct, Some("Kim Ahrens"), Some("erklärt")),
        ),
        (
            "Der Bau stockt, der Bürgermeister sagte, er sei „enttäuscht“.",
            ("„enttäuscht“", Partial, Some("der Bürgermeister"), Some("sagte")),
        ),
        (
            "Zur Lage wird Ole Brandt auf der Seite von Nordhafen so zitiert: „Wir bleiben dran.“",
            ("„Wir bleiben dran.“", Direct, Some("Ole Brandt"), Some("zitiert")),
        ),
    ]);
}

#[test]
fn a_quoted_name_after_a_source_preposition_is_no_speech() {
    // "laut „tagesschau.de“": the quotation names the source (in lower case too)
    let got = quotes(&["Der Hafen bleibt laut „nordwelle.de“ bis Mai geschlossen."]);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Scare);
}

#[test]
fn german_subject_pronoun_right_after_the_cue() {
    // "er", "ich", "wir" right after a cue verb are its subject, however long the first
    // constituent before it (an infinitive clause set off by commas, a clause with no comma)
    check(&[
        (
            "Die Pläne der Regierung, die Steuern bis Mai zu senken, bezeichnete er als „reine Kosmetik“.",
            ("„reine Kosmetik“", Partial, Some("er"), Some("bezeichnete")),
        ),
        (
            "Als ihm nach der Sitzung der Bescheid zugestellt worden war sagte er: „Ich gehe dagegen vor.“",
            ("„Ich gehe dagegen vor.“", Direct, Some("er"), Some("sagte")),
        ),
    ]);
}

#[test]
fn german_main_clause_after_a_reporting_clause_introduces_the_quotation() {
    // "Wie X berichtet, …": X reports; a main clause with a subject of its own that introduces
    // the quotation with a colon names its speaker
    check(&[
        (
            "Wie der Sender NRB berichtet, gab Sprecher Jonas Kreil dem Blatt eine kurze Antwort: „Wir prüfen das noch.“",
            ("„Wir prüfen das noch.“", Direct, Some("Jonas Kreil"), Some("berichtet")),
        ),
        (
            "Wie der Sender NRB berichtet, sei der Damm „seit Wochen undicht“.",
            ("„seit Wochen undicht“", Partial, Some("der Sender NRB"), Some("berichtet")),
        ),
    ]);
}

#[test]
fn a_name_does_not_end_with_its_particle() {
    check(&[
        (
            "« Nous rouvrirons le port », a déclaré Claire Dubois de son côté.",
            (
                "« Nous rouvrirons le port »",
                Direct,
                Some("Claire Dubois"),
                Some("déclaré"),
            ),
        ),
        (
            "«Abriremos el puerto», dijo Ana Ruiz de nuevo.",
            (
                "«Abriremos el puerto»",
                Direct,
                Some("Ana Ruiz"),
                Some("dijo"),
            ),
        ),
    ]);
}

#[test]
fn german_an_object_after_the_verb_is_no_subject_and_sie_bids_the_reader() {
    // "Weber nannte den Plan „…“": "den Plan" is the verb's object, so Weber speaks; "Lesen Sie
    // auch:" bids the reader, it names no one
    let q = quotes_with(
        &[
            "Der Hafen von Nordstadt wurde am Montag wieder geöffnet.",
            "Weber nannte den Plan „eine Katastrophe“.",
            "Lesen Sie auch: „Der Hafen bleibt geschlossen“",
        ],
        Some("de"),
    );
    let names = names_of(&q);
    assert_eq!(names, [Some("Weber"), None], "{q:?}");
}

#[test]
fn a_link_s_label_bids_the_reader_in_french_and_spanish() {
    // "Lire aussi :", "Lea también:" open a link to another story: an adverb alone before the
    // colon makes no clause, so no one speaks; a clause with its verb still does
    let fr = quotes_with(
        &[
            "Le port de Nordville a rouvert lundi.",
            "Lire aussi : « Le port reste fermé »",
            "Anne Morel est allée plus loin : « Nous reconstruirons la jetée. »",
        ],
        Some("fr"),
    );
    let names = names_of(&fr);
    assert_eq!(names, [None, Some("Anne Morel")], "{fr:?}");
    let es = quotes_with(
        &[
            "El puerto de Villanorte reabrió el lunes.",
            "Lea también: «El puerto sigue cerrado»",
        ],
        Some("es"),
    );
    assert_eq!(es[0].2, None, "{es:?}");
}

#[test]
fn french_days_reflexive_cues_views_and_documents() {
    // "a assuré mardi le ministre": a day between the verb and its subject; "s'est indignée":
    // a reflexive perfect, its participle agreeing; "Pour Anne Morel, …, « … »": the one whose
    // view the sentence states; "indique un communiqué de la préfecture": the body speaks
    let q = quotes_with(
        &[
            "Le port de Nordville a rouvert lundi après une semaine de tempêtes.",
            "« Nous n'abandonnerons pas », a assuré mardi le ministre de l'Intérieur, Gérald Morin.",
            "« C’est une honte », s’est indignée la députée Claire Dubois sur Twitter.",
            "Pour Anne Morel, maire de Nordville, « le port doit rouvrir au plus vite ».",
            "« Nous sommes prêts », indique un communiqué de la préfecture.",
        ],
        Some("fr"),
    );
    let names = names_of(&q);
    assert_eq!(
        names,
        [
            Some("Gérald Morin"),
            Some("Claire Dubois"),
            Some("Anne Morel"),
            Some("la préfecture")
        ],
        "{q:?}"
    );
}

#[test]
fn spanish_days_views_and_more_cues() {
    // "dijo ayer la alcaldesa": a day between the verb and its subject; "Para la alcaldesa, el
    // plan es «…»": her view; "lamentó": a speech verb of the lexicon
    let q = quotes_with(
        &[
            "El puerto de Villanorte reabrió el lunes tras una semana de tormentas.",
            "«No cederemos», dijo ayer la alcaldesa Ana Ruiz.",
            "Para la portavoz Marta Gil, el plan es «un desastre».",
            "«No hay dinero», lamentó el concejal Luis Vega.",
        ],
        Some("es"),
    );
    let names = names_of(&q);
    assert_eq!(
        names,
        [Some("Ana Ruiz"), Some("Marta Gil"), Some("Luis Vega")],
        "{q:?}"
    );
}

#[test]
fn someone_of_a_place_speaks_in_french_and_spanish() {
    // "le parquet de Nordville a indiqué", "el alcalde de Villanorte dijo": the place is whose
    // the speaker is, not who speaks
    let fr = quotes_with(
        &["Le parquet de Nordville a indiqué qu'« une garde à vue est en cours »."],
        Some("fr"),
    );
    let es = quotes_with(
        &["El alcalde de Villanorte dijo que la ciudad estaba «preparada»."],
        Some("es"),
    );
    assert_eq!(
        (fr[0].2.as_deref(), es[0].2.as_deref()),
        (
            Some("Le parquet de Nordville"),
            Some("El alcalde de Villanorte")
        ),
        "{fr:?} {es:?}"
    );
    // and the name set off after such a description speaks
    let es = quotes_with(
        &["El secretario de Seguridad Portuaria, Pablo Soto Vega, expresó: «Ya hay líneas de investigación»."],
        Some("es"),
    );
    assert_eq!(es[0].2.as_deref(), Some("Pablo Soto Vega"), "{es:?}");
}

#[test]
fn spanish_verb_with_its_subject_dropped_speaks_for_the_last_speaker() {
    // "«…», dijo.": Spanish drops a subject the verb carries; the speaker is the one the text was
    // about (the name stays unresolved, as a pronoun would, when there is none)
    let q = quotes_with(
        &[
            "La alcaldesa Ana Ruiz habló con la prensa el lunes.",
            "«Deben de existir otras rutas», dijo.",
            "«No hay dinero», lamentó, antes de irse.",
        ],
        Some("es"),
    );
    let names = names_of(&q);
    assert_eq!(names, [Some("Ana Ruiz"), Some("Ana Ruiz")], "{q:?}");
    // the cue is the verb, and nothing of the text is marked as the speaker's words
    assert_eq!(
        (q[0].3.as_deref(), q[0].4.as_deref()),
        (Some(""), Some("dijo")),
        "{q:?}"
    );
    // before the quotation too, after an adverb that is no name: "Luego indicó: «…»"
    let before = quotes_with(
        &[
            "La alcaldesa Ana Ruiz habló con la prensa el lunes.",
            "Luego indicó: «Este caso nos interesa mucho».",
            "Al final, señaló que «el puerto seguirá abierto».",
        ],
        Some("es"),
    );
    let names = names_of(&before);
    assert_eq!(names, [Some("Ana Ruiz"), Some("Ana Ruiz")], "{before:?}");
}

#[test]
fn german_headline_label_quotes_its_speaker() {
    // "Merkel: „Kein großer Wurf“": a name alone before the colon is who speaks, however short
    // the words (not a title after a clause: "stellte die CD vor: „Lange Nacht“")
    let q = quotes_with(
        &[
            "Brandt: „Kein großer Wurf“",
            "Auf dem Konzert stellte die Band ihre neue Platte vor: „Lange Nacht“.",
        ],
        Some("de"),
    );
    assert_eq!(
        (q[0].1, q[0].2.as_deref(), q[1].1, q[1].2.as_deref()),
        (Direct, Some("Brandt"), Scare, None),
        "{q:?}"
    );
}

#[test]
fn german_verbs_of_admitting_and_a_captain() {
    // "wie Kapitän X gesteht: „…“", "„…“, gestand der Trainer": verbs of admitting are cues, and
    // a captain's title is no part of the name
    let q = quotes_with(
        &["Die Abwehr stand schlecht, wie Kapitän Jonas Weber gesteht: „Wir waren zu langsam.“"],
        Some("de"),
    );
    assert_eq!(q[0].2.as_deref(), Some("Jonas Weber"), "{q:?}");
    let q = quotes_with(
        &["„Wir haben Fehler gemacht“, gestand der Trainer."],
        Some("de"),
    );
    assert_eq!(q[0].4.as_deref(), Some("gestand"), "{q:?}");
}

#[test]
fn spanish_cue_verbs_in_every_tense() {
    // a regular verb is its stem and an ending: the imperfect ("expresaba", "indicaba"), the
    // present ("critica") and the preterite of verbs not listed whole ("argumentó", "aseveró")
    let q = quotes_with(
        &[
            "«El equipo no puede más», argumentó Luis Ortega, entrenador del club.",
            "«Ya no hay dinero», expresaba el alcalde.",
            "«Nos trata de todo menos de vecinos», critica Marta Gil.",
            "La concejala indicaba que «no hay plazos».",
            "«No hay plazos», aseveró la concejala.",
        ],
        Some("es"),
    );
    let got: Vec<_> = q.iter().map(|g| (g.3.as_deref(), g.4.as_deref())).collect();
    assert_eq!(
        got,
        [
            (Some("Luis Ortega"), Some("argumentó")),
            (Some("el alcalde"), Some("expresaba")),
            (Some("Marta Gil"), Some("critica")),
            (Some("La concejala"), Some("indicaba")),
            (Some("la concejala"), Some("aseveró")),
        ],
        "{q:?}"
    );
    // a noun of the same stem after its article is no verb
    let q = quotes_with(
        &["La pregunta «¿quién paga?» sigue en el aire."],
        Some("es"),
    );
    assert_eq!(q[0].2, None, "{q:?}");
    // a plural verb without its subject is not the last person named ("consideran"); "apuntan"
    // points at things ("apuntó" alone is listed)
    let q = quotes_with(
        &[
            "Ana Ruiz habló ayer con la prensa.",
            "Desde hace meses consideran que el gobierno les está «tomando el pelo».",
            "Desconfían de las intenciones que apuntan a una «venta encubierta» del campo.",
        ],
        Some("es"),
    );
    assert_eq!(names_of(&q), [None, None], "{q:?}");
}

#[test]
fn spanish_second_verb_without_its_subject_is_not_the_last_speaker() {
    // "a quien el informe situó …, y aseguraba que «…»": the second verb's subject is the
    // first's (a report), not the last person named
    let q = quotes_with(
        &[
            "Marta Gil leyó el documento en voz alta.",
            "Entre ellos aparecía Tomás Berg, a quien el informe situó \"en el puerto\", y \
             aseguraba incluso que había estado \"en Vigo y en Lugo durante el juicio\".",
        ],
        Some("es"),
    );
    assert_eq!(names_of(&q), [None, None], "{q:?}");
}

#[test]
fn a_curly_opening_mark_after_a_word_closes_german_typed_with_english_marks() {
    // “…“: German typed with English marks closes with the opening mark, after a word or a stop
    // and before no word; a “ after a space still opens
    let q = quotes_with(
        &[
            "Jonas Brandt schaut auf sein Handy und sagt: “Das war die Kanzlerin.“",
            "“Wir sind noch nicht fertig“, sagte die Ministerin am Abend.",
        ],
        Some("de"),
    );
    let got: Vec<_> = q.iter().map(|g| (g.0.as_str(), g.3.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("“Das war die Kanzlerin.“", Some("Jonas Brandt")),
            ("“Wir sind noch nicht fertig“", Some("die Ministerin")),
        ],
        "{q:?}"
    );
    // (nor after another mark: a run of them is no quotation)
    let q = quotes_with(
        &["“We are done“, she said, and then “goodbye.”", "““““ ““"],
        Some("en"),
    );
    let got: Vec<_> = q.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(got, ["“We are done“", "“goodbye.”"], "{q:?}");
}

#[test]
fn a_spanish_coach_of_a_club_speaks() {
    // "El entrenador de la UD Portvale señaló": the coach of the club, not the club
    let q = quotes_with(
        &["El entrenador de la UD Portvale señaló tras el partido: «Sería un drama»."],
        Some("es"),
    );
    assert_eq!(
        q[0].2.as_deref(),
        Some("El entrenador de la UD Portvale"),
        "{q:?}"
    );
}

#[test]
fn french_cue_verbs_in_the_imperfect_and_a_time_before_the_speaker() {
    // -er verbs are stems with endings: the imperfect of narration ("expliquait", "ajoutaient")
    // and the participle that agrees ("détaillée"); a time between an inverted verb and its
    // subject, with a determiner or a comma ("ce matin", "lundi,"), is passed over
    let q = quotes_with(
        &[
            "« Le port restera ouvert tout l'hiver », expliquait ce matin Claire Dumont.",
            "« Nous n'avons rien reçu », ajoutaient les pêcheurs.",
            "« Le quai est trop court », a commenté lundi, Paul Martin.",
            "« Nous attendrons le printemps », détaille Anne Roux, présidente du syndicat.",
        ],
        Some("fr"),
    );
    let got: Vec<_> = q.iter().map(|g| (g.3.as_deref(), g.4.as_deref())).collect();
    assert_eq!(
        got,
        [
            (Some("Claire Dumont"), Some("expliquait")),
            (Some("les pêcheurs"), Some("ajoutaient")),
            (Some("Paul Martin"), Some("commenté")),
            (Some("Anne Roux"), Some("détaille")),
        ]
    );
}

#[test]
fn spanish_verbs_of_mention_and_warning() {
    let q = quotes_with(
        &[
            "“El puerto sigue siendo nuestro”, mencionó Rosa Vidal.",
            "El alcalde amenazó con que «no habrá más licencias».",
            // a dropped subject is the subject of the sentence before, not the first named
            "En un mensaje en la red Puerto Abierto, Marta Gil se refirió al plan. Además, \
             amenazó con que «no habrá más licencias».",
            // "quien" is the subject of its clause: the name before it speaks
            "Ana Ruiz se reunió con Luis Ortega, quien calificó el plan como «un desastre».",
        ],
        Some("es"),
    );
    let got: Vec<_> = q.iter().map(|g| (g.3.as_deref(), g.4.as_deref())).collect();
    assert_eq!(
        got,
        [
            (Some("Rosa Vidal"), Some("mencionó")),
            (Some("El alcalde"), Some("amenazó")),
            (Some("Marta Gil"), Some("amenazó")),
            (Some("quien"), Some("calificó")),
        ]
    );
    assert_eq!(q[3].2.as_deref(), Some("Luis Ortega"));
}

#[test]
fn a_source_typed_without_its_accent_and_verbs_of_messages() {
    // "segun" as pages type it, "según explicó X"; "messaged", "texted" (their bare forms are
    // nouns first)
    let es = quotes_with(&["Segun la alcaldesa, «no hay plazos»."], Some("es"));
    assert_eq!(
        (es[0].3.as_deref(), es[0].4.as_deref()),
        (Some("la alcaldesa"), Some("Segun"))
    );
    // a speech verb between the source's preposition and the source
    let es = quotes_with(
        &["Según explicó la concejala, el pleno tratará las «amenazas» contra el puerto."],
        Some("es"),
    );
    assert_eq!(
        (es[0].3.as_deref(), es[0].4.as_deref()),
        (Some("la concejala"), Some("Según explicó"))
    );
    let en = quotes_with(
        &[
            "Ada Okafor messaged: “We will not close the pier.”",
            "Ben Lind texted: “The ferry is late again.”",
        ],
        Some("en"),
    );
    let got: Vec<_> = en
        .iter()
        .map(|g| (g.3.as_deref(), g.4.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Ada Okafor"), Some("messaged")),
            (Some("Ben Lind"), Some("texted")),
        ]
    );
}

#[test]
fn a_name_set_off_after_a_description_of_a_body_speaks_in_every_language() {
    // the person named after "the head of <a body>", not the body, whatever its name holds (a
    // particle, an article) and on either side of the verb
    let es = quotes_with(
        &[
            "El codirector de Semillas del Puerto, Carlos Naranjo, dijo que «los precios se han \
             duplicado».",
            "«No habrá cierre», lamentó el codirector de Semillas Pacífico, Carlos Naranjo.",
        ],
        Some("es"),
    );
    let got: Vec<_> = es.iter().map(|g| g.3.as_deref()).collect();
    assert_eq!(got, [Some("Carlos Naranjo"), Some("Carlos Naranjo")]);
    // without the name, the description is its head's (a codirector), not the body it names
    let es = quotes_with(
        &["«No habrá cierre», lamentó el codirector de Semillas Pacífico."],
        Some("es"),
    );
    assert_eq!(
        (es[0].2.as_deref(), es[0].3.as_deref()),
        (
            Some("el codirector de Semillas Pacífico"),
            Some("el codirector de Semillas Pacífico")
        )
    );
    let fr = quotes_with(
        &["Le directeur de la Banque du Port, Carlos Naranjo, a déclaré : « Les prix ont doublé »."],
        Some("fr"),
    );
    assert_eq!(fr[0].3.as_deref(), Some("Carlos Naranjo"));
    let en = quotes_with(
        &[
            "“Seed prices have doubled,” said the co-director of Harbour Seeds, Carlos Naranjo.",
            "The head of the Bank of the Harbour, Ana Ruiz, said “prices have doubled”.",
        ],
        Some("en"),
    );
    let got: Vec<_> = en.iter().map(|g| g.3.as_deref()).collect();
    assert_eq!(got, [Some("Carlos Naranjo"), Some("Ana Ruiz")]);
}

#[test]
fn an_adverb_between_the_auxiliary_and_its_speech_verb() {
    // "a cependant précisé", "a toutefois indiqué": the subject before them speaks
    let fr = quotes_with(
        &["Le parquet de Nantes a cependant précisé qu'il n'y avait \"pas de changement\"."],
        Some("fr"),
    );
    assert_eq!(
        (fr[0].3.as_deref(), fr[0].4.as_deref()),
        (Some("Le parquet de Nantes"), Some("précisé"))
    );
}

#[test]
fn someone_of_a_body_is_not_the_last_who_spoke() {
    // "the army's spokesman", "the residents of the village" are their own people, not the
    // speaker of the paragraph before
    let fr = quotes_with(
        &[
            "« Le pont restera fermé », a déclaré la maire, Ana Ruiz.",
            "« Nous avons compté les blessés », affirme le porte-parole de l'armée de terre.",
        ],
        Some("fr"),
    );
    assert_eq!(
        fr[1].2.as_deref(),
        Some("le porte-parole de l'armée de terre")
    );
    let de = quotes_with(
        &[
            "„Wir ziehen im Frühling um“, sagte die Sängerin Mara Lind.",
            "Die Bewohner des Dorfes sehen alles gelassen: „Das sind Leute wie wir.“",
        ],
        Some("de"),
    );
    assert_eq!(de[1].2.as_deref(), Some("Die Bewohner des Dorfes"));
}

#[test]
fn more_spanish_and_french_speech_verbs() {
    let es = quotes_with(
        &[
            "«No habrá cierre», acotó Rosa Vidal.",
            "«El puerto es de todos», recalcó el alcalde.",
            "«Hay que esperar», opinó Luis Ortega.",
            "«El plan no sirve», cuestionó Marta Gil.",
            "«Es una deuda con el barrio», reflexionó el vecino.",
            "«Nadie se queda fuera», enfatizó Ana Ruiz.",
            "«Lo logramos juntos», remarcó Pablo Soto.",
            "«Fue un año duro», resaltó la ministra.",
        ],
        Some("es"),
    );
    let got: Vec<_> = es.iter().map(|g| g.4.as_deref()).collect();
    assert_eq!(
        got,
        [
            Some("acotó"),
            Some("recalcó"),
            Some("opinó"),
            Some("cuestionó"),
            Some("reflexionó"),
            Some("enfatizó"),
            Some("remarcó"),
            Some("resaltó"),
        ]
    );
    let fr = quotes_with(
        &[
            "« Le pont restera ouvert », a renchéri la maire.",
            "« Ce n'est pas notre faute », rétorque Paul Martin.",
            "« Il faut du temps », plaide le ministre.",
        ],
        Some("fr"),
    );
    let got: Vec<_> = fr
        .iter()
        .map(|g| (g.3.as_deref(), g.4.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("la maire"), Some("renchéri")),
            (Some("Paul Martin"), Some("rétorque")),
            (Some("le ministre"), Some("plaide")),
        ]
    );
}

#[test]
fn a_chief_of_a_body_is_described_not_named_by_the_body() {
    // "la jefa de Estado": someone described by what she heads, not "Estado"
    let es = quotes_with(
        &["La jefa de Gobierno aseguró que «no habrá cierre»."],
        Some("es"),
    );
    assert_eq!(es[0].3.as_deref(), Some("La jefa de Gobierno"));
}

#[test]
fn er_is_no_one_named_with_a_feminine_role() {
    // "die Ministerin", "Sprecherin": a woman, whom "er" passes by
    let de = quotes_with(
        &[
            "Die Ministerin Eva Lind traf Karl Brandt am Hafen.",
            "„Die Brücke kommt im Frühling“, sagte er.",
        ],
        Some("de"),
    );
    assert_eq!(de[0].2.as_deref(), Some("Karl Brandt"));
}

#[test]
fn a_name_after_a_description_speaks_whatever_follows_it() {
    // the description's name speaks, though a phrase of its own follows the name
    let en = quotes_with(
        &[
            "“Seed prices have doubled,” said the co-director of Harbour Seeds, Carlos Naranjo, \
           outside a market in Portvale.",
        ],
        Some("en"),
    );
    assert_eq!(en[0].3.as_deref(), Some("Carlos Naranjo"));
    let de = quotes_with(
        &["„Die Brücke kommt“, sagte der Sprecher des Hafenamts, Karl Brandt, am Montag in Kiel."],
        Some("de"),
    );
    assert_eq!(de[0].3.as_deref(), Some("Karl Brandt"));
}

#[test]
fn a_dropped_subject_is_someone_found_or_no_one() {
    // "«…», dijo.": the one the text was about, of either gender; where the text names no one,
    // no speaker (not an invented "él")
    let found = quotes_with(
        &[
            "La señora Ana Ruiz, presidenta del puerto, visitó el muelle el lunes.",
            "«No bajemos la guardia», dijo.",
        ],
        Some("es"),
    );
    assert_eq!(names_of(&found), [Some("Ana Ruiz")]);
    let none = quotes_with(
        &[
            "El puerto abrió el lunes.",
            "«No bajemos la guardia», dijo.",
        ],
        Some("es"),
    );
    assert_eq!(names_of(&none), [None]);
}

#[test]
fn a_dropped_subject_is_never_a_quotation_opening_the_sentence_before() {
    // "“…”, señala Ramírez. “…”, resaltó.": the sentence before opens with a quotation, whose
    // subject stands after its verb; the dropped subject is the one who spoke, not the quotation
    let q = quotes_with(
        &["\"Fue un error\", señala Ramírez. \"Lo sentimos mucho\", resaltó."],
        Some("es"),
    );
    assert_eq!(names_of(&q), [Some("Ramírez"), Some("Ramírez")], "{q:?}");
}

#[test]
fn a_spanish_sentence_opening_with_a_conjunction_names_no_one_by_it() {
    // "Si", "Tras", "Además" open a sentence, capitalised, and are nobody's name
    for text in [
        "Si bien se definió como un científico «para nada brillante», sus trabajos cambiaron todo.",
        "Tras la votación, la ley quedó «en suspenso» hasta marzo.",
    ] {
        let q = quotes_with(&[text], Some("es"));
        assert_eq!(names_of(&q), [None], "{text}: {q:?}");
    }
}

#[test]
fn an_attribution_inside_the_marks_splits_the_quotation() {
    // French and Spanish set the attribution inside the marks, between commas: the quotation is
    // read as two, the attribution between them, and the words after it are the same speaker's
    let page = [
        "Le maire Paul Girard a présenté le budget du port.",
        "« Nous sommes prêts, a-t-il expliqué. Mais il faudra du temps pour tout réparer. »",
        "« Les travaux commencent lundi, affirme la ministre Claire Dubois. Le chantier durera un an. »",
        "«Estamos listos, dijo la ministra Clara Ruiz. Pero llevará mucho tiempo.»",
    ];
    let got = quotes(&page);
    let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "« Nous sommes prêts,",
            "Mais il faudra du temps pour tout réparer. »",
            "« Les travaux commencent lundi,",
            "Le chantier durera un an. »",
            "«Estamos listos,",
            "Pero llevará mucho tiempo.»",
        ],
        "{got:?}"
    );
    assert_eq!(
        names_of(&got),
        [
            Some("Paul Girard"),
            Some("Paul Girard"),
            Some("Claire Dubois"),
            Some("Claire Dubois"),
            Some("Clara Ruiz"),
            Some("Clara Ruiz"),
        ],
        "{got:?}"
    );
    // an impersonal "dit-on" is no one's attribution: the quotation stays whole
    let got = quotes(&["« Je pense, dit-on souvent, que tout ira bien. »"]);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn each_attribution_inside_one_quotation_splits_it_again() {
    // a speaker may be told twice inside one quotation: three parts, all theirs
    let page = [
        "Le maire Paul Girard a présenté le budget.",
        "« Nous sommes prêts, a-t-il expliqué. Les travaux commencent lundi, a-t-il ajouté. Le chantier durera un an. »",
    ];
    let got = quotes(&page);
    let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "« Nous sommes prêts,",
            "Les travaux commencent lundi,",
            "Le chantier durera un an. »",
        ],
        "{got:?}"
    );
    assert_eq!(names_of(&got), [Some("Paul Girard"); 3], "{got:?}");
    // a paragraph splits at most 16 times (each split reads the rest of its quotation again): past
    // that, the rest is one quotation, and the cost stays linear in the paragraph's length
    let long = format!("« {}Fin. »", "Oui, a-t-il dit. ".repeat(400));
    let got = quotes(&["Le maire Paul Girard a parlé.", long.as_str()]);
    assert_eq!(got.len(), 17, "{got:?}");
    assert_eq!(got[15].0, "Oui,");
    assert!(got[16].0.starts_with("Oui, a-t-il dit. Oui,") && got[16].0.ends_with("Fin. »"));
}

#[test]
fn a_verb_right_after_a_quotation_and_its_comma_is_its_cue_in_french_and_spanish() {
    // the attribution inverts after the quotation, whatever the verb: the lexicon need not
    // know it ("tonne", "a tonné", "atizó")
    let page = [
        "« Le match était fou », tonne Paul Girard.",
        "« Nous avons manqué de tout », a tonné l’entraîneur Paul Girard.",
    ];
    assert_eq!(
        names_of(&quotes_with(&page, Some("fr"))),
        [Some("Paul Girard"); 2]
    );
    let page = ["«Se habló fuerte en el vestidor», atizó el entrenador Miguel Herrera."];
    assert_eq!(
        names_of(&quotes_with(&page, Some("es"))),
        [Some("Miguel Herrera")]
    );
    // not a word in -s ("pas les Français") nor a thing's description ("fue la respuesta")
    let page = ["« Le vrai problème, ce sont les partis », pas les Français, estime Léa Roux."];
    assert_eq!(
        names_of(&quotes_with(&page, Some("fr"))),
        [Some("Léa Roux")]
    );
    let page = ["«No nos van a parar», fue la respuesta del alcalde."];
    assert_eq!(names_of(&quotes_with(&page, Some("es"))), [None]);
}
