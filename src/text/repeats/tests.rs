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
        .push(all, start..all.len())
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
    );
    assert_eq!(first[0].run, 3);
    all.push(LONG[1].into());
    let second = f.push(&all, 4..5);
    assert_eq!((second[0].index, second[0].run), (4, 3));
}

#[test]
fn a_range_already_judged_is_not_judged_again() {
    let mut f = RepeatFinder::new(&Options::default());
    let all: Vec<String> = [LONG[0], LONG[0]].iter().map(|s| s.to_string()).collect();
    assert_eq!(f.push(&all, 0..2).len(), 1);
    assert_eq!(f.push(&all, 0..2), []);
    assert_eq!(f.push(&all, 1..5), [], "out-of-range ends are clamped");
}

#[test]
fn a_copy_of_a_hidden_pull_quote_points_at_the_container() {
    let body = "Brandt said the board had looked at every option, adding that “we will not build on the fish market, whatever the cost savings,” before leaving the meeting early.";
    let pull = "“We will not build on the fish market, whatever the cost savings”";
    let mut f = RepeatFinder::new(&Options::default());
    let page = [LONG[0], pull, body, pull];
    let all: Vec<String> = page.iter().map(|s| s.to_string()).collect();
    let r = f.push(&all, 0..4);
    assert_eq!(
        r.iter()
            .map(|r| (r.index, r.of, r.kind))
            .collect::<Vec<_>>(),
        [(1, 2, RepeatKind::Contained), (3, 2, RepeatKind::Contained)]
    );
}
