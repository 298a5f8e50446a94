//! The repeats engine through the public text API: each case of issue 3 with exact expectations.
//!
//! Every text here is invented for these tests (the article below imitates the *structure* of a
//! news page whose body was printed twice; none of its words come from a real page).

use verbatim::text::{analyze, Analyzer, Options, Repeat, RepeatKind};

fn opts() -> Options {
    Options::default()
}

fn run(paragraphs: &[&str]) -> Vec<Repeat> {
    analyze(paragraphs, &opts()).repeats
}

/// (index, of, kind, run) of every repeat, for compact exact expectations.
fn brief(repeats: &[Repeat]) -> Vec<(usize, usize, RepeatKind, usize)> {
    repeats
        .iter()
        .map(|r| (r.index, r.of, r.kind, r.run))
        .collect()
}

use RepeatKind::{Contained, Exact, Near};

/// A fictional article: byline, lead, body with quotations, a short subheading.
const ARTICLE: [&str; 12] = [
    "By Hana Sorensen",
    "The harbour authority of Port Ellery has confirmed that talks on a second ferry terminal are under way with two shipping companies.",
    "The terminal, if built, would end years of queues at the single pier, and the latest statement suggests the authority is ready to borrow to pay for it.",
    "“We are choosing a site,” chief executive Olu Brandt told reporters on Sunday. “It will be announced in the not too distant future.”",
    "Brandt did not say which of the three shortlisted sites was favoured by the board.",
    "Funding questions",
    "The council has in recent months failed to agree on how much of the cost the town should carry, and a vote planned for November was postponed twice.",
    "“If the harbour keeps growing without a plan, the town will pay for it in traffic,” said Marta Quill, who chairs the residents' association.",
    "Quill added that her members wanted “real and verifiable” limits on lorry traffic before any construction began on the new site.",
    "Regarding the possible locations, a transport researcher said the northern quay was cheapest but the old rail yard had better road links.",
    "“The rail yard comes with history, and the other options include the fish market, where the ground is weak,” the researcher said.",
    "The authority will publish its shortlist with cost estimates in the spring, a spokesman said.",
];

fn printed_twice() -> Vec<&'static str> {
    let mut page: Vec<&str> = ARTICLE.to_vec();
    page.push("![]() |"); // 12: an image with an empty caption
    page.push("Olu Brandt |"); // 13: a short caption
    page.extend_from_slice(&ARTICLE[2..8]); // 14..=19: the body again, from the second paragraph
    page.push("Advertisement"); // 20
    page.extend_from_slice(&ARTICLE[8..]); // 21..=24
    page
}

fn printed_twice_expected() -> Vec<(usize, usize, RepeatKind, usize)> {
    let mut out: Vec<_> = (14..=19).map(|i| (i, i - 12, Exact, 14)).collect();
    out.extend((21..=24).map(|i| (i, i - 13, Exact, 14)));
    out
}

#[test]
fn a_page_printed_twice_collapses_into_one_run() {
    let page = printed_twice();
    let repeats = run(&page);
    assert_eq!(brief(&repeats), printed_twice_expected());
    assert!(repeats.iter().all(|r| r.similarity == 1.0));
    // the short subheading in the second copy (index 17) is part of the copy
    assert!(repeats.iter().any(|r| r.index == 17 && r.of == 5));
}

#[test]
fn batches_give_the_same_answer_as_all_at_once() {
    let page = printed_twice();
    for size in [1, 2, 3, 5, 7, 13, 25] {
        let mut analyzer = Analyzer::new(opts());
        let mut repeats = Vec::new();
        for chunk in page.chunks(size) {
            let report = analyzer.push(chunk.iter().copied());
            repeats.extend(report.repeats);
        }
        // Only the subheading can differ: a short line is judged within its batch, so when it
        // arrives in a batch of its own after the run was broken off... it still lines up with the
        // repeat before it, which every batch size here keeps.
        assert_eq!(
            brief(&repeats),
            printed_twice_expected(),
            "batch size {size}"
        );
    }
}

#[test]
fn folding_makes_exact_copies() {
    let a = "“It’s a fine day — for a walk,” she said to the two visitors at the gate.";
    let b = "\"it's a  fine day - for a walk,\"\u{00A0}she said to the two visitors at the\u{200B} gate";
    let c = "  \"IT'S A FINE DAY – FOR A WALK,\" SHE SAID TO THE TWO VISITORS AT THE GATE!!! ";
    assert_eq!(
        brief(&run(&[a, b, c])),
        [(1, 0, Exact, 1), (2, 0, Exact, 1)]
    );
}

#[test]
fn a_long_paragraph_repeated_alone_is_a_copy_and_a_third_copy_points_at_the_first() {
    let long = "The authority will publish its shortlist with cost estimates in the spring, a spokesman said.";
    let page = [
        long,
        "Something else entirely, written for this test only and long enough.",
        "A different paragraph that stands between the two copies of the long one.",
        "Yet another paragraph which is not a copy of anything on this page.",
        "One more new paragraph, so that the copy below stands alone, away from runs.",
        "And the last of the fillers, also new, also long enough to count as text.",
        long,
        long,
        "A closing paragraph that says nothing new but is not a copy either.",
    ];
    assert_eq!(brief(&run(&page)), [(6, 0, Exact, 6), (7, 0, Exact, 6)]);
}

/// A paragraph printed three times or more, each time followed by text of its own, is the shared
/// part of parallel records (the same prompt before several answers): every copy stays. Twice, it
/// is a copy.
#[test]
fn a_paragraph_recurring_between_texts_of_their_own_is_a_record_part() {
    let prompt = "Beschreiben Sie in wenigen Sätzen den Ort am Hafen, an dem Sie als Kind am liebsten gespielt haben, und warum.";
    let answers = [
        "Die alte Fischhalle, weil es dort im Winter warm war und niemand uns fortschickte.",
        "Der Steg hinter der Werft; mein Großvater reparierte dort Netze und erzählte Geschichten.",
        "Das Dach des Zollhauses, auf das man über eine Feuerleiter kam, was natürlich verboten war.",
        "Die Treppe zum Wasser, an der wir Krebse fingen und abends die Fähren zählten.",
    ];
    let names = ["Jana Ott", "Milo Brandt", "Ilse Varga", "Theo Quill"];
    let mut page = vec!["Vier Menschen aus Port Ellery, eine Frage."];
    for (name, answer) in names.iter().zip(answers) {
        page.extend([*name, prompt, answer]);
    }
    assert_eq!(brief(&run(&page)), []);
    // two people only: the text alone cannot tell the prompt from a repeated paragraph
    assert_eq!(brief(&run(&page[..7])), [(5, 2, Exact, 5)]);
}

#[test]
fn an_interview_keeps_its_recurring_short_question() {
    let page = [
        "We asked three chefs the same questions.",
        "Amal Reyes, Lisbon",
        "What did you eat today?",
        "Two boiled eggs and a slice of rye bread, standing at the counter at six.",
        "What would you never cook?",
        "Anything with truffle oil; it tastes of the laboratory rather than of the forest.",
        "Pim de Waal, Utrecht",
        "What did you eat today?",
        "Nothing until noon, then a bowl of pea soup my neighbour brought over.",
        "What would you never cook?",
        "Veal, for reasons I explain at length to anyone who asks me at dinner.",
        "Sun Ito, Osaka",
        "What did you eat today?",
        "Leftover rice fried with an egg, which is the best breakfast there is.",
        "What would you never cook?",
        "A dish I cannot taste first, so nothing for a client with an allergy I share.",
    ];
    assert_eq!(brief(&run(&page)), []);
}

#[test]
fn an_interview_printed_twice_collapses_its_questions_too() {
    let interview = [
        "Amal Reyes, Lisbon",
        "What did you eat today?",
        "Two boiled eggs and a slice of rye bread, standing at the counter at six.",
        "Pim de Waal, Utrecht",
        "What did you eat today?",
        "Nothing until noon, then a bowl of pea soup my neighbour brought over.",
    ];
    let mut page = interview.to_vec();
    page.extend_from_slice(&interview);
    let repeats = run(&page);
    // All six lines of the second copy, short ones included; `of` is the first copy of each text.
    assert_eq!(
        brief(&repeats),
        [
            (6, 0, Exact, 6),
            (7, 1, Exact, 6),
            (8, 2, Exact, 6),
            (9, 3, Exact, 6),
            (10, 1, Exact, 6),
            (11, 5, Exact, 6),
        ]
    );
}

#[test]
fn list_lines_read_more_bylines_and_datelines_are_structure() {
    let page = [
        "By Hana Sorensen",
        "PORT ELLERY, March 3",
        "Three recipes from the harbour market, each for four people, each under an hour.",
        "Fish stew",
        "1 tsp salt",
        "2 cups water",
        "Simmer the fish gently in the stock for twelve minutes, then add the herbs.",
        "Read more",
        "Pea soup",
        "1 tsp salt",
        "2 cups water",
        "Cook the peas until soft and blend half of them before adding the cream.",
        "Read more",
        "Rice cakes",
        "1 tsp salt",
        "Press the cooked rice into a tray and cut it once it has cooled completely.",
        "Read more",
        "By Hana Sorensen",
        "PORT ELLERY, March 3",
    ];
    assert_eq!(brief(&run(&page)), []);
}

#[test]
fn an_edited_copy_is_a_near_copy_with_its_similarity() {
    // 20 words; one changed: LCS 19, ratio 2·19/40.
    let a =
        "The council voted on Monday to postpone the decision on the new ferry terminal until the spring of next year.";
    let b =
        "The council voted on Monday to delay the decision on the new ferry terminal until the spring of next year.";
    // a clause added: 20 + 3 words, LCS 20, ratio 40/43
    let c = "The council voted on Monday to postpone the decision on the new ferry terminal until the spring of next year, officials said today.";
    let filler = "An unrelated paragraph about the weather on the coast, which was mild for March.";
    let repeats = run(&[a, filler, b, c]);
    // side by side, one toggle
    assert_eq!(brief(&repeats), [(2, 0, Near, 2), (3, 0, Near, 2)]);
    assert!((repeats[0].similarity - 38.0 / 40.0).abs() < 1e-9);
    assert!((repeats[1].similarity - 40.0 / 43.0).abs() < 1e-9);
}

/// Away from a run, a paragraph that differs from an earlier one in a number or a name says
/// something else (an updated toll, another film on the same service, another chapter cited), so it
/// stays; inside a run of copies the same change is an edit and hides (see the page printed twice).
#[test]
fn a_lone_paragraph_with_another_number_or_name_is_not_a_copy() {
    let a =
        "The council voted on Monday to postpone the decision on the new ferry terminal until the spring of next year.";
    let day = a.replace("Monday", "Tuesday");
    let number = "The storm has now left 12 people without power along the northern coast, the regional utility said on its website.";
    let updated = number.replace("12", "14");
    let filler = "An unrelated paragraph about the weather on the coast, which was mild for March.";
    assert_eq!(brief(&run(&[a, filler, &day])), []);
    assert_eq!(brief(&run(&[number, filler, &updated])), []);
    let streaming = [
        "The Quiet Harbour is currently streaming on Netflix and available to rent on Google Play and YouTube.",
        "Salt and Iron is currently streaming on Netflix and available to rent on Google Play and YouTube.",
    ];
    assert_eq!(brief(&run(&streaming)), []);
}

#[test]
fn different_paragraphs_on_the_same_subject_are_not_near_copies() {
    let page = [
        "The council voted on Monday to postpone the decision on the new ferry terminal until the spring of next year.",
        "The council voted on Monday to approve the budget for the old terminal's repairs this year.",
        "On Monday the council postponed, until spring, its decision about the new terminal.",
    ];
    assert_eq!(brief(&run(&page)), []);
}

#[test]
fn a_similarity_option_changes_the_bar() {
    let a =
        "The council voted on Monday to postpone the decision on the new ferry terminal until the spring of next year.";
    let b =
        "The council voted on Tuesday to postpone the decision on the new ferry terminal until the spring of next year.";
    let mut strict = opts();
    strict.similarity = 0.96;
    assert_eq!(analyze(&[a, b], &strict).repeats, []);
    let mut short = opts();
    short.min_words = 20;
    assert_eq!(
        analyze(&[a, b], &short).repeats,
        [],
        "under minWords alone: structure"
    );
}

const BODY: &str = "Brandt said the board had looked at every option, adding that “we will not build on the fish market, whatever the cost savings,” before leaving the meeting early.";
const PULL: &str = "“We will not build on the fish market, whatever the cost savings”";

#[test]
fn a_pull_quote_after_its_paragraph_is_contained() {
    let page = [ARTICLE[1], BODY, PULL, ARTICLE[6]];
    let repeats = run(&page);
    assert_eq!(brief(&repeats), [(2, 1, Contained, 2)]);
    assert_eq!(repeats[0].similarity, 1.0);
}

#[test]
fn a_pull_quote_before_its_paragraph_is_contained_in_the_same_batch_only() {
    let page = [ARTICLE[1], PULL, ARTICLE[6], BODY];
    assert_eq!(brief(&run(&page)), [(1, 3, Contained, 1)]);
    // In two batches the pull quote was already shown: it is never hidden later, and the longer
    // paragraph is never the one hidden.
    let mut analyzer = Analyzer::new(opts());
    assert_eq!(analyzer.push(page[..2].iter().copied()).repeats, []);
    assert_eq!(analyzer.push(page[2..].iter().copied()).repeats, []);
}

#[test]
fn a_caption_and_a_standfirst_inside_the_text_are_contained() {
    let caption =
        "Chief executive Olu Brandt told reporters on Sunday that a site was being chosen";
    let lead = "Chief executive Olu Brandt told reporters on Sunday that a site was being chosen for the second ferry terminal, with an announcement expected soon.";
    let standfirst =
        "A site was being chosen for the second ferry terminal, with an announcement expected soon.";
    let page = [ARTICLE[0], standfirst, lead, caption, ARTICLE[6]];
    let repeats = run(&page);
    assert_eq!(
        brief(&repeats),
        [(1, 2, Contained, 1), (3, 2, Contained, 3)]
    );
    assert_eq!(repeats[0].similarity, 1.0);
    assert_eq!(repeats[1].similarity, 1.0);
}

#[test]
fn a_short_caption_sharing_words_is_left_alone() {
    let page = [ARTICLE[3], "Olu Brandt", "Olu Brandt, chief executive"];
    assert_eq!(brief(&run(&page)), []);
}

#[test]
fn junk_between_copies_does_not_break_a_run_but_new_text_far_away_does() {
    let mut page: Vec<&str> = ARTICLE[1..5].to_vec(); // 0..=3
    page.push("Advertisement"); // 4
    page.push(ARTICLE[1]); // 5
    page.push(""); // 6
    page.push(ARTICLE[2]); // 7
    page.push("![]()"); // 8
    page.push("\u{FFFD}"); // 9
    page.push(ARTICLE[3]); // 10
    page.extend_from_slice(&ARTICLE[6..10]); // 11..=14: new text
    page.push(ARTICLE[4]); // 15: a copy again, but far from the run: a new run
    assert_eq!(
        brief(&run(&page)),
        [
            (5, 0, Exact, 5),
            (7, 1, Exact, 5),
            (10, 2, Exact, 5),
            (15, 3, Exact, 15)
        ]
    );
}

#[test]
fn a_run_needs_consecutive_originals_or_copies_side_by_side() {
    // Copies of paragraphs 3 and 0 next to each other: they stand together, so one toggle holds
    // both (a toggle stands where its paragraphs stood).
    let mut page: Vec<&str> = ARTICLE[1..7].to_vec(); // 0..=5
    page.push(ARTICLE[4]); // 6 copies 3
    page.push(ARTICLE[1]); // 7 copies 0
    assert_eq!(brief(&run(&page)), [(6, 3, Exact, 6), (7, 0, Exact, 6)]);
    // With a paragraph of their own between them, two runs: they copy far-apart originals.
    page.insert(
        7,
        "A new paragraph written for this page, standing between the two copies.",
    );
    assert_eq!(brief(&run(&page)), [(6, 3, Exact, 6), (8, 0, Exact, 8)]);
}

#[test]
fn an_edited_copy_of_the_whole_body_is_one_run_of_near_and_exact_copies() {
    let mut page: Vec<String> = ARTICLE[1..].iter().map(|s| s.to_string()).collect(); // 0..=10
    page.push("Advertisement".into()); // 11
    let mut copy: Vec<String> = ARTICLE[1..].iter().map(|s| s.to_string()).collect();
    copy[1] = copy[1].replace("single pier", "only pier"); // one word changed
    copy[2] = copy[2].replace(['“', '”'], "\""); // straight quotes: still exact
    copy[5] = copy[5].replace("November", "October"); // a different month
    copy[8] = copy[8].replace("cheapest", "cheapest by far"); // words added
    copy.insert(4, "Advertisement".into()); // 16: between the 4th and 5th copied paragraph
    page.extend(copy); // 12..=23
    let repeats = analyze(&page, &opts()).repeats;
    let expected: Vec<(usize, usize, RepeatKind, usize)> = (12..=23)
        .filter(|&i| i != 16)
        .map(|i| {
            let of = if i < 16 { i - 12 } else { i - 13 };
            let kind = if [13, 18, 21].contains(&i) {
                Near
            } else {
                Exact
            };
            (i, of, kind, 12)
        })
        .collect();
    assert_eq!(brief(&repeats), expected);
}

#[test]
fn the_first_copy_is_never_hidden_whatever_the_order() {
    let a =
        "The council voted on Monday to postpone the decision on the new ferry terminal until the spring of next year.";
    let b =
        "The council voted on Monday to delay the decision on the new ferry terminal until the spring of next year.";
    for page in [[a, b, a], [b, a, b], [a, a, b]] {
        let repeats = run(&page);
        assert!(
            repeats.iter().all(|r| r.index != 0 && r.of == 0),
            "{page:?}"
        );
        assert_eq!(repeats.len(), 2);
    }
}

// ---- adversarial input: no panic, and (by construction) linear work; sizes kept small enough for
// a debug `cargo test`; the full sizes run in `benches/analyze.rs`.

#[test]
fn many_identical_paragraphs_are_one_run() {
    let p = "The same paragraph, printed again and again by a broken content system.";
    let page = vec![p; 20_000];
    let repeats = run(&page);
    assert_eq!(repeats.len(), 19_999);
    assert!(repeats
        .iter()
        .all(|r| r.of == 0 && r.run == 1 && r.kind == Exact));
}

#[test]
fn many_one_word_paragraphs_are_left_alone() {
    let words = ["yes", "no", "maybe", "Advertisement"];
    let page: Vec<&str> = (0..20_000).map(|i| words[i % 4]).collect();
    assert_eq!(run(&page), []);
    let distinct: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
    assert_eq!(analyze(&distinct, &opts()).repeats, []);
}

#[test]
fn one_huge_paragraph_is_compared_by_exact_key_only() {
    let huge = "All work and no play makes a long paragraph. ".repeat(40_000); // ~1.8 MB
    let edited = huge.replacen("play", "rest", 1);
    let page = [huge.as_str(), ARTICLE[1], huge.as_str(), edited.as_str()];
    assert_eq!(brief(&run(&page)), [(2, 0, Exact, 2)]);
}

#[test]
fn empty_strings_and_replacement_characters_are_never_repeats() {
    let page = [
        "",
        "",
        " ",
        "\u{FFFD}",
        "\u{FFFD}",
        "\u{FFFD}\u{FFFD} \u{FFFD}",
        "",
        "…",
        "…",
    ];
    assert_eq!(run(&page), []);
    let with_text =
        ["\u{FFFD} a lone surrogate came through here \u{FFFD} and was replaced by the browser.";
            2];
    assert_eq!(brief(&run(&with_text)), [(1, 0, Exact, 1)]);
}

#[test]
fn collapse_false_finds_nothing() {
    let mut o = opts();
    o.collapse = false;
    assert_eq!(analyze(&printed_twice(), &o).repeats, []);
}

#[test]
fn a_headline_is_not_hidden_for_the_lead_that_repeats_it() {
    let page = [
        "Menu",
        "Harbour authority confirms talks on a second ferry terminal",
        "The harbour authority confirms talks on a second ferry terminal with two shipping companies, its chief executive said on Sunday.",
        "Port Ellery to choose a site for its second ferry terminal soon.",
        "The town of Port Ellery expects to choose a site for its second ferry terminal soon, the council said.",
    ];
    // The headline (no closing punctuation) stays; the standfirst-like sentence before its
    // container is hidden as a contained copy.
    assert_eq!(brief(&run(&page)), [(3, 4, Contained, 3)]);
}

#[test]
fn a_repeated_answer_does_not_drag_the_recurring_question_along() {
    let answer = "Two boiled eggs and a slice of rye bread, standing at the counter at six.";
    let page = [
        "What did you eat today?",
        answer,
        "What would you never cook?",
        "Anything with truffle oil; it tastes of the laboratory rather than of the forest.",
        "What did you eat today?",
        answer, // the same answer, genuinely repeated: a copy
        "What would you never cook?",
        "Veal, for reasons I explain at length to anyone who asks me at dinner.",
    ];
    assert_eq!(brief(&run(&page)), [(5, 1, Exact, 5)]);
}

#[test]
fn list_items_differing_by_one_word_are_not_near_copies() {
    let page = [
        "Follow the Port Ellery Gazette on Twitter for the latest harbour news",
        "Follow the Port Ellery Gazette on Instagram for the latest harbour news",
        "Harbour Weekly Edition for April 16, 2015, with all the ferry timetables",
        "Harbour Weekly Edition for April 23, 2015, with all the ferry timetables",
    ];
    assert_eq!(brief(&run(&page)), []);
}

/// A caption that repeats a body paragraph's quotation without its attribution comes after the
/// paragraph: the paragraph is the original and stays (the caption is not hidden either: it holds
/// words of its own and is shorter than nothing it copies).
#[test]
fn a_later_caption_quoting_a_body_paragraph_does_not_hide_it() {
    let body = "“When the river freezes and thaws, the banks move and the old pipes crack under the weight,” Ms. Varga said.";
    let caption = "Workers at the flooded pumping station in 2019. “When the river freezes and thaws, the banks move and the old pipes crack under the weight.” Photo by Lena Ostrova for the Ledger";
    let filler = "An unrelated paragraph about the weather on the coast, which was mild for March.";
    let headline = "Old pipes give way as the thaw comes early";
    assert_eq!(brief(&run(&[headline, body, filler, caption])), []);
}

/// Alone, a paragraph that keeps four fifths of another's words but ends differently is another
/// statement on the same frame; a title that differs only in a capitalised word opening a later
/// sentence is another entry of a list.
#[test]
fn a_lone_paragraph_on_the_same_frame_is_not_a_near_copy() {
    // 20 shared words, then 3 and 4 of their own: ratio 2·20/47 ≈ 0.85
    let a = "A harbour permit issued by the northern port authority is valid for one season if and only if it is signed and stamped.";
    let b = "A harbour permit issued by the northern port authority is valid for one season if and only if it is renewed with tide tables.";
    let filler = "An unrelated paragraph about the weather on the coast, which was mild for March.";
    assert_eq!(brief(&run(&[a, filler, b])), []);
    let c = "^ Marlow, Edith, ed. (May 2011) [first printed in 1958]. Paintings . A Guide to the Northern Coast . Retrieved 3 March 2014 .";
    let d = "^ Marlow, Edith, ed. (May 2011) [first printed in 1958]. Weaving . A Guide to the Northern Coast . Retrieved 3 March 2014 .";
    assert_eq!(brief(&run(&[c, d])), []);
}

/// The same question put to each guest of an interview stays, even at `minWords` words or more;
/// printed twice with its answers, the copy goes.
#[test]
fn an_interview_question_of_eight_words_stays() {
    let q = "What was the first thing you ever sold?";
    let page = [
        "Three bakers on the first loaf they ever sold",
        "Rosa Lindqvist",
        q,
        "A rye loaf with caraway, to my neighbour, who paid me in eggs because she had no coins.",
        "Tomasz Wierny",
        q,
        "Poppy seed rolls at a football match. Half of them came back because it rained all day.",
        "Amara Osei",
        q,
        "Sweet bread for a wedding. The couple still come every Saturday, now with their children.",
    ];
    assert_eq!(brief(&run(&page)), []);
    let mut twice: Vec<&str> = page.to_vec();
    twice.extend_from_slice(&page[1..]);
    let repeats = run(&twice);
    assert_eq!(
        repeats.iter().map(|r| r.index).collect::<Vec<_>>(),
        (10..19).collect::<Vec<_>>()
    );
}
