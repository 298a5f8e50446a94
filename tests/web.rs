//! Browser tests of the DOM layer and the JavaScript interface, run in real Chromium and Firefox by
//! `wasm-pack test --headless --chrome|--firefox`. Each builds a page fragment, processes it, checks
//! exactly what changed, and restores it byte for byte.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use verbatim::api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A new document for each test: Verbatim keeps its state per document, so tests stay independent
/// even when one fails before restoring.
fn document() -> Document {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .implementation()
        .unwrap()
        .create_html_document_with_title("fixture")
        .unwrap()
}

/// A container in a new document with `html` inside (fixture markup written by the test).
fn fixture(html: &str) -> Element {
    let doc = document();
    let root = doc.create_element("div").unwrap();
    root.set_inner_html(html);
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn process(root: &Element) -> JsValue {
    api::process(root.clone().into(), JsValue::UNDEFINED).unwrap()
}

fn restore(root: &Element) {
    api::restore(root.clone().into()).unwrap();
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// Distinct paragraphs of a fictional story: no two are near copies of each other.
const STORY: [&str; 8] = [
    "The harbour council met on Tuesday to weigh a new schedule for the ferries that cross the bay.",
    "Fishermen have complained for months that the night crossings disturb the nets near the breakwater.",
    "A spokesman for the ferry company declined to comment before the vote, citing ongoing negotiations.",
    "Tourism officials expect record numbers of visitors this summer despite the rising price of tickets.",
    "The mayor has promised to publish the full minutes of every council meeting from next month onwards.",
    "Engineers warned that the old pier would need expensive repairs within three years at the latest.",
    "Residents of the eastern district collected two thousand signatures against the proposed car park.",
    "Several schools in the region plan excursions to the lighthouse museum once it reopens in the spring.",
];

fn paragraph(i: usize) -> String {
    STORY[i % STORY.len()].to_owned()
}

fn article_twice(n: usize) -> String {
    let body: String = (0..n).map(|i| format!("<p>{}</p>", paragraph(i))).collect();
    format!("<h2>Headline</h2><div class=a>{body}</div><figure><figcaption>A photo</figcaption></figure><div class=b>{body}</div>")
}

fn cleanup(root: &Element) {
    restore(root);
    root.remove();
}

#[wasm_bindgen_test]
fn hides_the_second_copy_behind_one_toggle_and_restores_exactly() {
    let root = fixture(&article_twice(5));
    let before = root.inner_html();
    let summary = process(&root);
    assert_eq!(get(&summary, "repeats").as_f64(), Some(5.0));
    assert_eq!(get(&summary, "runs").as_f64(), Some(1.0));

    let hidden = root.query_selector_all("[data-verbatim-repeat]").unwrap();
    assert_eq!(hidden.length(), 5);
    for i in 0..5 {
        let el: Element = hidden.item(i).unwrap().unchecked_into();
        assert_eq!(el.parent_element().unwrap().class_name(), "b");
        assert_eq!(el.text_content().unwrap(), paragraph(i as usize));
        let style = el.unchecked_ref::<HtmlElement>().style();
        assert_eq!(style.get_property_value("display").unwrap(), "none");
    }
    assert_eq!(
        root.query_selector_all(".a [data-verbatim-repeat]")
            .unwrap()
            .length(),
        0,
        "the first copy stays visible"
    );
    let toggles = texts(&root, "button.verbatim-toggle");
    assert_eq!(toggles, ["5 repeated paragraphs · show"]);
    let toggle: HtmlElement = root
        .query_selector("button.verbatim-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        toggle
            .next_element_sibling()
            .unwrap()
            .text_content()
            .unwrap(),
        paragraph(0),
        "the toggle stands where the run starts"
    );

    toggle.click();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        toggle.text_content().unwrap(),
        "5 repeated paragraphs · hide"
    );
    let first: HtmlElement = hidden.item(0).unwrap().unchecked_into();
    assert_eq!(first.style().get_property_value("display").unwrap(), "");
    assert!(
        first.has_attribute("data-verbatim-repeat"),
        "stays marked while shown"
    );
    toggle.click();
    assert_eq!(first.style().get_property_value("display").unwrap(), "none");

    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn marks_quotations_and_restores_exactly() {
    let root = fixture(
        "<p>“We are choosing a place to meet,” Elston told reporters. “It will be announced soon.”</p>\
         <p>He called it \"a fair offer\" and left.</p>",
    );
    let before = root.inner_html();
    let summary = process(&root);
    assert_eq!(
        texts(&root, "mark[data-verbatim-quote]"),
        [
            "“We are choosing a place to meet,”",
            "“It will be announced soon.”",
            "\"a fair offer\""
        ]
    );
    assert_eq!(get(&summary, "quotes").as_f64(), Some(3.0));
    let ids: Vec<String> = {
        let list = root.query_selector_all("mark").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<Element>()
                    .get_attribute("data-verbatim-quote")
                    .unwrap()
            })
            .collect()
    };
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[1], ids[2]);
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn a_quotation_across_inline_elements_is_several_marks_with_one_id() {
    let root = fixture(
        "<p>“The <a href=\"#x\">port <em>deal</em></a> is done,” said Maria Elston, the president.</p>",
    );
    let before = root.inner_html();
    process(&root);
    let marks = root.query_selector_all("mark").unwrap();
    assert_eq!(
        texts(&root, "mark"),
        ["“The ", "port ", "deal", " is done,”"]
    );
    let id = |i| {
        marks
            .item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .get_attribute("data-verbatim-quote")
    };
    assert!((1..4).all(|i| id(i) == id(0)));
    assert!(
        root.query_selector("a mark").unwrap().is_some(),
        "marks go inside the link, the link stays"
    );
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn the_pages_own_listeners_keep_firing() {
    let root = fixture(&format!(
        "<p id=t>“Press here,” <button id=b>she said</button> to the crowd.</p>{}",
        article_twice(3)
    ));
    let counter = js_sys::Array::new();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new({
        let counter = counter.clone();
        move || {
            counter.push(&JsValue::TRUE);
        }
    });
    let button: HtmlElement = root.query_selector("#b").unwrap().unwrap().unchecked_into();
    button
        .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
        .unwrap();
    process(&root);
    button.click();
    let same: HtmlElement = root.query_selector("#b").unwrap().unwrap().unchecked_into();
    assert!(same == button, "the element is the page's own, not a copy");
    restore(&root);
    button.click();
    assert_eq!(counter.length(), 2);
    root.remove();
}

#[wasm_bindgen_test]
fn later_calls_handle_only_new_paragraphs() {
    let root = fixture(&format!("<p>{}</p><p>{}</p>", paragraph(1), paragraph(2)));
    let before = root.inner_html();
    let first = process(&root);
    assert_eq!(get(&first, "repeats").as_f64(), Some(0.0));
    // content arrives: one new paragraph, then copies of both earlier ones
    let more = root
        .owner_document()
        .unwrap()
        .create_element("div")
        .unwrap();
    more.set_inner_html(&format!(
        "<p>{}</p><p>{}</p><p>{}</p>",
        paragraph(3),
        paragraph(1),
        paragraph(2)
    ));
    root.append_child(&more).unwrap();
    let second = process(&root);
    assert_eq!(get(&second, "repeats").as_f64(), Some(2.0));
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        [paragraph(1), paragraph(2)]
    );
    let third = process(&root);
    assert_eq!(
        get(&third, "repeats").as_f64(),
        Some(2.0),
        "nothing is processed twice"
    );
    root.remove_child(&more).unwrap();
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn skipped_elements_are_left_untouched() {
    let html = "<pre>“Not a quote,” said the code.</pre>\
        <textarea>“Typed text,” she said.</textarea>\
        <div contenteditable=\"true\"><p>“Being edited,” she said.</p></div>\
        <div aria-hidden=\"true\"><p>“Hidden,” she said.</p></div>\
        <p hidden>“Hidden too,” she said.</p>\
        <p>Run <code>“quoted”</code> code and “this one,” she said.</p>";
    let root = fixture(html);
    let before = root.inner_html();
    process(&root);
    assert_eq!(texts(&root, "mark"), ["“this one,”"]);
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn text_runs_between_blocks_are_wrapped_to_hide_and_unwrapped_on_restore() {
    let long = paragraph(7);
    let root = fixture(&format!(
        "<div>{long}<br><br>Another line that is long enough to count as a paragraph here.<div>{long}</div></div>"
    ));
    let before = root.inner_html();
    process(&root);
    assert_eq!(texts(&root, "[data-verbatim-repeat]"), [long]);
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn options_are_validated_with_the_key_named() {
    let root = fixture("<p>text</p>");
    let bad = Object::new();
    Reflect::set(&bad, &"minWords".into(), &JsValue::from_str("eight")).unwrap();
    let err = api::process(root.clone().into(), bad.into()).unwrap_err();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("minWords"), "{message}");
    assert!(err.is_instance_of::<js_sys::Error>());

    let unknown = Object::new();
    Reflect::set(&unknown, &"colapse".into(), &JsValue::TRUE).unwrap();
    let err = api::analyze(js_sys::Array::new().into(), unknown.into()).unwrap_err();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("colapse"));

    let err = api::process(JsValue::from_str("body"), JsValue::UNDEFINED).unwrap_err();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("Element"));
    cleanup(&root);
}

#[wasm_bindgen_test]
fn analyze_returns_the_report_shape() {
    let paragraphs = js_sys::Array::new();
    for i in 0..3 {
        paragraphs.push(&JsValue::from_str(&paragraph(i)));
    }
    paragraphs.push(&JsValue::from_str(&paragraph(0)));
    paragraphs.push(&JsValue::from_str("“Yes,” she said."));
    let report = api::analyze(paragraphs.into(), JsValue::UNDEFINED).unwrap();
    let repeats: js_sys::Array = get(&report, "repeats").unchecked_into();
    assert_eq!(repeats.length(), 1);
    let r = repeats.get(0);
    assert_eq!(get(&r, "index").as_f64(), Some(3.0));
    assert_eq!(get(&r, "of").as_f64(), Some(0.0));
    assert_eq!(get(&r, "kind").as_string().as_deref(), Some("exact"));
    assert_eq!(get(&r, "similarity").as_f64(), Some(1.0));
    let quotes: js_sys::Array = get(&report, "quotes").unchecked_into();
    assert_eq!(quotes.length(), 1);
    let q = quotes.get(0);
    assert_eq!(get(&get(&q, "start"), "paragraph").as_f64(), Some(4.0));
    assert_eq!(get(&get(&q, "start"), "offset").as_f64(), Some(0.0));
    assert_eq!(get(&get(&q, "end"), "offset").as_f64(), Some(6.0));
}
