//! Unit tests of the finder's batch behaviour (the cases of issue 3 are in `tests/repeats.rs`).

use super::*;

const LONG: [&str; 3] = [
    "The harbour authority has confirmed that talks on a second ferry terminal are under way.",
    "The council has in recent months failed to agree on how much of the cost the town should carry.",
    "The authority will publish its shortlist with cost estimates in the spring, a spokesman said.",
];

fn push(finder: &mut RepeatFinder, all: &mut Vec<String>, batch: &[&str]) -> Vec<(usize, usize)> {
    let start = all.len();
    all.extend(batch.iter().map(|s| s.to_string()));
    finder
        .push(all, start..all.len(), &[])
        .iter()
        .map(|r| (r.index, r.of))
        .collect()
}

#[test]
fn a_short_line_is_judged_on_its_batch() {
    // original: L0, "Subhead", L1; copy: L0, "Subhead" | (next batch) L1
    let page = [LONG[0], "Subhead", LONG[1], LONG[0], "Subhead", LONG[1]];
    let all_at_once = {
        let mut f = RepeatFinder::new(&Options::default());
        push(&mut f, &mut Vec::new(), &page)
    };
    assert_eq!(all_at_once, [(3, 0), (4, 1), (5, 2)]);

    // The short line ends its batch right after one copy: one long copy on one side only is not
    // enough to tell a copied subheading from a recurring line, and the next batch cannot change
    // that decision (it was shown).
    let mut f = RepeatFinder::new(&Options::default());
    let mut all = Vec::new();
    assert_eq!(push(&mut f, &mut all, &page[..5]), [(3, 0)]);
    assert_eq!(push(&mut f, &mut all, &page[5..]), [(5, 2)]);
    // With the copy going on in its batch, it is hidden.
    let mut f = RepeatFinder::new(&Options::default());
    let mut all = Vec::new();
    assert_eq!(push(&mut f, &mut all, &page[..3]), []);
    assert_eq!(push(&mut f, &mut all, &page[3..]), [(3, 0), (4, 1), (5, 2)]);

    // A short line opening a copy is judged by what follows it in its own batch only.
    let page = ["Subhead", LONG[0], LONG[1], "Subhead", LONG[0], LONG[1]];
    let mut f = RepeatFinder::new(&Options::default());
    let mut all = Vec::new();
    assert_eq!(push(&mut f, &mut all, &page[..4]), []);
    assert_eq!(push(&mut f, &mut all, &page[4..]), [(4, 1), (5, 2)]);
    let mut f = RepeatFinder::new(&Options::default());
    assert_eq!(
        push(&mut f, &mut Vec::new(), &page),
        [(3, 0), (4, 1), (5, 2)]
    );
}

#[test]
fn runs_continue_across_batches() {
    let mut f = RepeatFinder::new(&Options::default());
    let mut all = Vec::new();
    push(&mut f, &mut all, &LONG);
    let first = f.push(
        &{
            all.push(LONG[0].into());
            all.clone()
        },
        3..4,
        &[],
    );
    assert_eq!(first[0].run, 3);
    all.push(LONG[1].into());
    let second = f.push(&all, 4..5, &[]);
    assert_eq!((second[0].index, second[0].run), (4, 3));
}

#[test]
fn a_range_already_judged_is_not_judged_again() {
    let mut f = RepeatFinder::new(&Options::default());
    let all: Vec<String> = [LONG[0], LONG[0]].iter().map(|s| s.to_string()).collect();
    assert_eq!(f.push(&all, 0..2, &[]).len(), 1);
    assert_eq!(f.push(&all, 0..2, &[]), []);
    assert_eq!(f.push(&all, 1..5, &[]), [], "out-of-range ends are clamped");
}

#[test]
fn a_copy_of_a_hidden_pull_quote_points_at_the_container() {
    let body = "Brandt said the board had looked at every option, adding that “we will not build on the fish market, whatever the cost savings,” before leaving the meeting early.";
    let pull = "“We will not build on the fish market, whatever the cost savings”";
    let mut f = RepeatFinder::new(&Options::default());
    let page = [LONG[0], pull, body, pull];
    let all: Vec<String> = page.iter().map(|s| s.to_string()).collect();
    let r = f.push(&all, 0..4, &[]);
    assert_eq!(
        r.iter()
            .map(|r| (r.index, r.of, r.kind))
            .collect::<Vec<_>>(),
        [(1, 2, RepeatKind::Contained), (3, 2, RepeatKind::Contained)]
    );
}

// ---- records, runs and edited copies (issue 10): each rule on sentences of our own

fn brief_all(page: &[&str], records: &[u32]) -> Vec<(usize, usize, usize, Option<usize>)> {
    let mut f = RepeatFinder::new(&Options::default());
    let all: Vec<String> = page.iter().map(|s| s.to_string()).collect();
    f.push(&all, 0..all.len(), records)
        .iter()
        .map(|r| (r.index, r.of, r.run, r.unit))
        .collect()
}

#[test]
fn bullets_shared_by_three_products_stay() {
    let shared = [
        "Free delivery within three working days to any address in the region",
        "Two year warranty with repairs carried out at the harbour workshop",
    ];
    let mut page = vec![LONG[0]];
    for (name, own) in [
        (
            "The Ellery kettle",
            "Its handle folds flat so that it fits into a small cupboard",
        ),
        (
            "The Quayside teapot",
            "The spout was redesigned after readers said the old one dripped",
        ),
        (
            "The Pilot flask",
            "A small window on the side shows how much water is left inside",
        ),
    ] {
        page.extend([name, shared[0], shared[1], own]);
    }
    assert_eq!(brief_all(&page, &[]), []);
    // two products only: from the text alone, the second product's bullets are a copy
    assert_eq!(
        brief_all(&page[..9], &[]),
        [(6, 2, 6, None), (7, 3, 6, None)]
    );
}

#[test]
fn a_lone_prompt_stays_and_a_lone_heading_gets_no_toggle() {
    let prompt = "Tell us about the first tool you ever bought yourself, where you bought it and what it cost:";
    let heading = "Harbour council delays its vote on the ferry terminal";
    let page = [
        prompt,
        LONG[0],
        heading,
        LONG[1],
        prompt,
        LONG[2],
        heading,
        "An answer of its own, written for this test and long enough to count.",
    ];
    assert_eq!(brief_all(&page, &[]), []);
}

#[test]
fn a_menu_printed_twice_is_not_a_set_of_records() {
    // a long line inside a copy of short lines: its neighbours repeat its original's neighbours
    let menu = [
        "Home",
        "Sections",
        "Get the most out of the Gazette with our newsletter:",
        "Sign in",
        "Read stories written by our own team of harbour reporters every day.",
    ];
    let mut page = menu.to_vec();
    page.extend([LONG[0], LONG[1]]);
    page.extend(menu);
    let hidden: Vec<usize> = brief_all(&page, &[]).iter().map(|r| r.0).collect();
    assert_eq!(hidden, [7, 8, 9, 10, 11]);
}

#[test]
fn an_edited_short_paragraph_between_copies_is_part_of_the_run() {
    let page = [
        LONG[0],
        "Brandt did not say which site the board favoured.",
        LONG[1],
        "Advertisement",
        LONG[0],
        // two of nine words changed: 0.78, under `similarity`, over the bar inside a run
        "Brandt would not say which site the board preferred.",
        LONG[1],
    ];
    assert_eq!(
        brief_all(&page, &[]),
        [(4, 0, 4, None), (5, 1, 4, None), (6, 2, 4, None)]
    );
    // alone, the same edit is another statement
    assert_eq!(brief_all(&[page[1], LONG[2], page[5]], &[]), []);
}

#[test]
fn new_text_between_two_copies_gives_each_its_own_toggle() {
    let page = [
        LONG[0],
        LONG[1],
        LONG[2],
        LONG[0],
        "A paragraph of its own between the two copies, long enough to be text.",
        LONG[1],
    ];
    assert_eq!(brief_all(&page, &[]), [(3, 0, 3, None), (5, 1, 5, None)]);
}

#[test]
fn a_record_copied_whole_goes_as_one_unit() {
    // a story tile (title, date) in a grid, then the same tiles in a carousel
    let title = "Fishermen and ferry crews agree on new rules for the night berths";
    let title2 = "The old rail yard could become a park, planners tell residents";
    let page = [
        LONG[0], title, "March 3", title2, "March 4", LONG[1], title, "March 3", title2, "March 4",
    ];
    let none = NO_RECORD;
    let records = [none, 0, 0, 1, 1, none, 2, 2, 3, 3];
    assert_eq!(
        brief_all(&page, &records),
        [
            (6, 1, 6, Some(2)),
            (7, 2, 6, Some(2)),
            (8, 3, 6, Some(3)),
            (9, 4, 6, Some(3))
        ]
    );
}

#[test]
fn a_record_with_parts_of_its_own_keeps_its_copies() {
    // two guests, one long prompt (not a question): the page says each is a record
    let prompt = "Beschreiben Sie bitte den Weg, den Sie jeden Morgen zur Arbeit nehmen, und was Sie unterwegs sehen.";
    let page = [
        "Jana Ott",
        prompt,
        "Über die Brücke, dann am Fischmarkt vorbei, wo schon um sechs die ersten Boote anlegen.",
        "Milo Brandt",
        prompt,
        "Mit der Fähre; ich lese die Zeitung und sehe den Möwen zu, die dem Schiff folgen.",
    ];
    assert_eq!(brief_all(&page, &[]), [(4, 1, 4, None)]);
    assert_eq!(brief_all(&page, &[0, 0, 0, 1, 1, 1]), []);
    // a copied body with a caption of its own inside the same kind of block still goes
    let body = [LONG[0], LONG[1], LONG[2], "Photo: the quay"];
    let mut page: Vec<&str> = body[..3].to_vec();
    page.extend(body);
    assert_eq!(brief_all(&page, &[0, 0, 0, 1, 1, 1, 1]).len(), 3);
}

#[test]
fn copies_side_by_side_are_not_records() {
    // the same paragraph again and again, with a short line of its own once between: copies
    let page = [LONG[0], LONG[0], "Like this:", LONG[0], LONG[0], LONG[0]];
    let hidden: Vec<usize> = brief_all(&page, &[]).iter().map(|r| r.0).collect();
    assert_eq!(hidden, [1, 3, 4, 5]);
}

#[test]
fn a_longer_paragraph_is_not_hidden_as_an_edited_copy_of_a_shorter_one() {
    // the later paragraph adds a sentence to an earlier one (0.81): beside a copy it would pass
    // the lowered bar, but hiding it would take the added sentence away
    let short =
        "The council voted on Monday to postpone the decision on the ferry terminal until spring.";
    let longer = "Tempers ran high in the chamber. The council voted on Monday to postpone the decision on the ferry terminal until spring.";
    let page = [LONG[0], short, LONG[1], LONG[2], longer, LONG[1]];
    let hidden: Vec<usize> = brief_all(&page, &[]).iter().map(|r| r.0).collect();
    eprintln!("{:?}", {
        let mut f = RepeatFinder::new(&Options::default());
        let all: Vec<String> = page.iter().map(|s| s.to_string()).collect();
        f.push(&all, 0..all.len(), &[])
    });
    // the shorter one goes instead, as contained in the longer (nothing is lost)
    assert_eq!(hidden, [1, 5]);
}
