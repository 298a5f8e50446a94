//! Browser tests of `processStep`: a huge page processed in steps, one task each, ends as one
//! `process` call would leave it (for paragraphs of `minWords` words or more), every paragraph is
//! read whole and once, and `restore` gives the page back byte for byte.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use verbatim::api;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A container with `html` inside, in a new document of its own (state is kept per document).
fn fixture(html: &str) -> Element {
    let doc = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .implementation()
        .unwrap()
        .create_html_document_with_title("steps")
        .unwrap();
    let root = doc.create_element("div").unwrap();
    root.set_inner_html(html);
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// A fictional article printed twice, with quotations (one running over two paragraphs), text
/// standing between blocks, and nested sections.
fn page() -> String {
    let body = r#"
<section>
  <p>The ferry council met on Tuesday to weigh a new timetable for the crossings of the bay.</p>
  <p>“We cannot run night crossings through the fishing grounds,” said Ines Halloran, the harbour master.</p>
  <p>“The nets are out until dawn.</p>
  <p>“And the boats need the channel clear,” she said.</p>
</section>
<div>Loose text standing in the block before the list of decisions, long enough to count.
  <ul><li>The council will publish the minutes of every meeting from next month onwards.</li>
  <li>Engineers will inspect the old pier before the summer season begins in earnest.</li></ul>
  More loose text after the list, which the walker reads as a paragraph of its own as well.</div>
<section><div><p>Residents of the eastern district collected two thousand signatures against the car park.</p>
  <p>Several schools plan visits to the lighthouse museum once it opens again in the spring.</p></div></section>"#;
    format!("<h1>Ferry timetable</h1><article>{body}</article><p>Advertisement</p><article>{body}</article>")
}

#[wasm_bindgen_test]
fn a_page_processed_in_steps_ends_as_one_process_call_leaves_it() {
    let whole = fixture(&page());
    api::process(whole.clone().into(), JsValue::UNDEFINED).unwrap();

    let stepped = fixture(&page());
    let before = stepped.inner_html();
    let mut steps = 0;
    loop {
        steps += 1;
        let summary = api::process_step(stepped.clone().into(), 3, JsValue::UNDEFINED).unwrap();
        let more = Reflect::get(&summary, &JsValue::from_str("more")).unwrap();
        if more != JsValue::TRUE {
            assert_eq!(more, JsValue::FALSE);
            break;
        }
        assert!(steps < 100, "processStep never finished");
    }
    assert!(steps >= 5, "only {steps} steps for 20 paragraphs by 3");

    // every long copy hidden either way; the first copy never
    let hidden = |root: &Element| {
        let mut t = texts(root, "[data-verbatim-repeat]");
        t.retain(|t| t.split_whitespace().count() >= 8);
        t
    };
    assert_eq!(hidden(&stepped), hidden(&whole));
    assert_eq!(hidden(&whole).len(), 9);
    assert_eq!(
        texts(&stepped, "article:first-of-type [data-verbatim-repeat]"),
        Vec::<String>::new()
    );
    // the same quotations marked, the one over two paragraphs included
    assert_eq!(
        texts(&stepped, "mark[data-verbatim-quote]"),
        texts(&whole, "mark[data-verbatim-quote]")
    );
    assert_eq!(texts(&stepped, "mark[data-verbatim-quote]").len(), 3);

    api::restore(stepped.clone().into()).unwrap();
    assert_eq!(stepped.inner_html(), before);
    api::restore(whole.clone().into()).unwrap();
}

#[wasm_bindgen_test]
fn a_step_never_returns_part_of_a_paragraph() {
    let root = fixture("<p>One <em>long paragraph</em> with <a href=\"#x\">a link</a> in it, read whole by the first step.</p><p>A second paragraph that comes in the second step, written out in full here.</p>");
    let first = api::process_step(root.clone().into(), 1, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        Reflect::get(&first, &JsValue::from_str("more")).unwrap(),
        JsValue::TRUE
    );
    let second = api::process_step(root.clone().into(), 1, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        Reflect::get(&second, &JsValue::from_str("more")).unwrap(),
        JsValue::FALSE
    );
    let again = api::process_step(root.clone().into(), 1, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        Reflect::get(&again, &JsValue::from_str("more")).unwrap(),
        JsValue::FALSE
    );
    api::restore(root.clone().into()).unwrap();
}

#[wasm_bindgen_test]
fn a_block_of_many_paragraphs_is_cut_between_them() {
    // one block, paragraphs separated by two <br>s, as many story archives print them
    let runs: Vec<String> = (0..6)
        .map(|i| {
            format!("Paragraph {i} of the story, long enough to be read as a paragraph of its own.")
        })
        .collect();
    let root = fixture(&format!("<div>{}</div>", runs.join("<br><br>")));
    let before = root.inner_html();
    let mut steps = 0;
    loop {
        steps += 1;
        let summary = api::process_step(root.clone().into(), 2, JsValue::UNDEFINED).unwrap();
        if Reflect::get(&summary, &JsValue::from_str("more")).unwrap() != JsValue::TRUE {
            break;
        }
        assert!(steps < 20);
    }
    assert_eq!(steps, 3);
    api::restore(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before);
}

#[wasm_bindgen_test]
fn a_step_resumes_where_the_last_stopped_and_reads_what_came_before_it_meanwhile() {
    let ps: Vec<String> = (0..8)
        .map(|i| format!("<p>Paragraph {i} of the ferry story, long enough to be read as one.</p>"))
        .collect();
    let root = fixture(&ps.concat());
    let before = root.inner_html();
    let step = || api::process_step(root.clone().into(), 3, JsValue::UNDEFINED).unwrap();
    let more = |s: &JsValue| Reflect::get(s, &JsValue::from_str("more")).unwrap() == JsValue::TRUE;
    assert!(more(&step()));
    // the page adds a paragraph before the point where the first step stopped, and one after it
    let early = root.owner_document().unwrap().create_element("p").unwrap();
    early.set_text_content(Some(
        "“The first crossing leaves at dawn,” said Ines Halloran on the quay.",
    ));
    root.insert_before(&early, root.first_child().as_ref())
        .unwrap();
    let late = root.owner_document().unwrap().create_element("p").unwrap();
    late.set_text_content(Some(
        "“The last crossing leaves at dusk,” said Ines Halloran later that day.",
    ));
    root.append_child(&late).unwrap();
    let mut steps = 1;
    while more(&step()) {
        steps += 1;
        assert!(steps < 20);
    }
    assert_eq!(
        texts(&root, "mark"),
        [
            "“The first crossing leaves at dawn,”",
            "“The last crossing leaves at dusk,”"
        ]
    );
    api::restore(root.clone().into()).unwrap();
    early.remove();
    late.remove();
    assert_eq!(root.inner_html(), before);
}

#[wasm_bindgen_test]
fn content_before_the_resume_point_is_read_among_thousands_of_additions_after_it() {
    // a page growing at its end while it is stepped through (1,500 records, one per added node),
    // and one paragraph put before the point where the first step stopped
    let ps: Vec<String> = (0..6)
        .map(|i| {
            format!("<p>Paragraph {i} of the harbour story, long enough to be read as one.</p>")
        })
        .collect();
    let root = fixture(&ps.concat());
    let before = root.inner_html();
    let document = root.owner_document().unwrap();
    let step = || api::process_step(root.clone().into(), 2, JsValue::UNDEFINED).unwrap();
    let more = |s: &JsValue| Reflect::get(s, &JsValue::from_str("more")).unwrap() == JsValue::TRUE;
    assert!(more(&step()));
    let mut added = Vec::new();
    for _ in 0..1500 {
        let filler = document.create_element("div").unwrap();
        root.append_child(&filler).unwrap();
        added.push(filler);
    }
    let early = document.create_element("p").unwrap();
    early.set_text_content(Some(
        "“The pier reopens on Friday,” said Marit Oyelaran by the crane.",
    ));
    root.insert_before(&early, root.first_child().as_ref())
        .unwrap();
    let mut steps = 1;
    while more(&step()) {
        steps += 1;
        assert!(steps < 20);
    }
    assert_eq!(texts(&root, "mark"), ["“The pier reopens on Friday,”"]);
    api::restore(root.clone().into()).unwrap();
    early.remove();
    for filler in added {
        filler.remove();
    }
    assert_eq!(root.inner_html(), before);
}
