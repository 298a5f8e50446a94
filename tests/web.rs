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
    paragraphs.push(&JsValue::from_str("The so-called “plan” stalled."));
    let report = api::analyze(paragraphs.into(), JsValue::UNDEFINED).unwrap();
    let repeats: js_sys::Array = get(&report, "repeats").unchecked_into();
    assert_eq!(repeats.length(), 1);
    let r = repeats.get(0);
    assert_eq!(get(&r, "index").as_f64(), Some(3.0));
    assert_eq!(get(&r, "of").as_f64(), Some(0.0));
    assert_eq!(get(&r, "kind").as_string().as_deref(), Some("exact"));
    assert_eq!(get(&r, "similarity").as_f64(), Some(1.0));
    let quotes: js_sys::Array = get(&report, "quotes").unchecked_into();
    assert_eq!(quotes.length(), 2);
    let q = quotes.get(0);
    assert_eq!(get(&get(&q, "start"), "paragraph").as_f64(), Some(4.0));
    assert_eq!(get(&get(&q, "start"), "offset").as_f64(), Some(0.0));
    assert_eq!(get(&get(&q, "end"), "offset").as_f64(), Some(6.0));
    // the whole shape, key order included: an absent speaker or cue is null, `unit` never appears
    let json = js_sys::JSON::stringify(&report)
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"repeats":[{"index":3,"of":0,"kind":"exact","similarity":1,"run":3}],"#,
            r#""quotes":[{"start":{"paragraph":4,"offset":0},"end":{"paragraph":4,"offset":6},"#,
            // ("she" stays a pronoun: "Fishermen have complained …" ends a paragraph, but no
            // quotation took it, so it is no speaker a later "she" goes back to)
            r#""kind":"direct","speaker":{"name":"she","mention":{"paragraph":4,"start":7,"end":10}},"#,
            r#""cue":{"paragraph":4,"start":11,"end":15}},"#,
            r#"{"start":{"paragraph":5,"offset":14},"end":{"paragraph":5,"offset":20},"#,
            r#""kind":"scare","speaker":null,"cue":null}]}"#
        )
    );
}

/// A container in the test runner's own document, which is rendered: for what depends on layout
/// and focus. Each test restores it before it ends.
fn live_fixture(html: &str) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    root.set_inner_html(html);
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn attrs(root: &Element, selector: &str, name: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute(name)
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
fn paragraphs_the_reader_cannot_see_are_not_read() {
    // A page that keeps a copy of its text in a hidden panel (a mobile menu, a collapsed teaser):
    // hiding the visible copy because an invisible one came first would take it from the reader.
    let (p0, p1, p2) = (paragraph(0), paragraph(1), paragraph(2));
    let root = live_fixture(&format!(
        "<div style=\"display:none\"><p>{p0}</p></div>\
         <div style=\"visibility:hidden\"><p>{p1}</p></div>\
         <p>{p0}</p><p>{p1}</p>\
         <div style=\"display:contents\"><p>{p2}</p></div><p>{p2}</p>\
         <div style=\"display:none\"><p>“Hidden words,” she said.</p></div>"
    ));
    let before = root.inner_html();
    process(&root);
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        [p2],
        "only the copy after a visible original is hidden"
    );
    assert!(texts(&root, "mark").is_empty());
    cleanup(&root);
    assert!(!before.is_empty());
}

/// Runs `body` as a JavaScript function of no arguments (test set-up the DOM bindings lack).
fn run_js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
fn blocks_a_closed_details_a_locked_subtree_or_a_shadow_root_keep_from_the_reader_are_not_read() {
    // The walk reads visibility from computed style (walk.js, `verbatim_boxed`), not from
    // `checkVisibility`; a block it checks is unread all the same when the browser does not render
    // it: inside a closed <details> (its summary shows), under content-visibility: hidden, inside an
    // inline element with display: none, a child that a shadow root leaves out of its slots.
    // (A plain <p> without attributes is not checked on its own: its container is.)
    let p: Vec<String> = (0..7).map(paragraph).collect();
    let root = live_fixture(&format!(
        "<details><summary>{}</summary><div class=\"inner\"><p>{}</p></div></details>\
         <details open><summary>More</summary><div class=\"inner\"><p>{}</p></div></details>\
         <div style=\"content-visibility:hidden\"><div class=\"inner\"><p>{}</p></div></div>\
         <span style=\"display:none\"><div class=\"inner\"><p>{}</p></div></span>\
         <div id=\"verbatim-test-host\"><div class=\"inner\"><p>{}</p></div></div>\
         <div style=\"content-visibility:auto\"><div class=\"inner\"><p>{}</p></div></div>\
         <p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p>",
        p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[0], p[1], p[2], p[3], p[4], p[5], p[6]
    ));
    run_js("document.getElementById('verbatim-test-host').attachShadow({ mode: 'open' }).innerHTML = '<b>shadow</b>'");
    process(&root);
    let hidden = texts(&root, "[data-verbatim-repeat]");
    cleanup(&root);
    assert_eq!(
        hidden,
        [p[0].clone(), p[2].clone(), p[6].clone()],
        "only the copies of what the reader sees (a summary, an open <details>, content-visibility: auto) are hidden"
    );
}

#[wasm_bindgen_test]
fn the_walk_asks_for_style_not_layout() {
    // Chromium's checkVisibility lays the page out (not only styles it) on a page with a form
    // control or a media element: the first check of a pass laid out the whole page inside
    // Verbatim's task. The walk reads computed style instead; the browser's own check is left for
    // what style cannot tell (shadow hosts, fallback content).
    let (p0, p1) = (paragraph(0), paragraph(1));
    let root = live_fixture(&format!(
        "<form class=\"search\"><input type=\"search\"></form>\
         <div class=\"story\"><p>{p0}</p><p>{p1}</p></div>\
         <div class=\"panel\" style=\"display:none\"><p>“Hidden words,” she said.</p></div>\
         <div class=\"story\"><p>{p0}</p></div>"
    ));
    run_js(
        "const own = Element.prototype.checkVisibility; globalThis.verbatimTestChecks = 0; \
         globalThis.verbatimTestOwn = own; \
         Element.prototype.checkVisibility = function (o) { globalThis.verbatimTestChecks++; return own.call(this, o); };",
    );
    process(&root);
    let checks = run_js(
        "Element.prototype.checkVisibility = globalThis.verbatimTestOwn; return globalThis.verbatimTestChecks;",
    );
    assert_eq!(checks.as_f64(), Some(0.0), "no checkVisibility call");
    assert_eq!(texts(&root, "[data-verbatim-repeat]"), [p0]);
    assert!(
        texts(&root, "mark").is_empty(),
        "the hidden panel is not read"
    );
    cleanup(&root);
}

#[wasm_bindgen_test]
fn only_elements_that_can_host_a_shadow_root_are_asked_for_a_closed_one() {
    // An extension asks the browser for an element's closed shadow root by an API call, for each
    // ancestor a visibility check climbs; the DOM lets only custom elements and 18 tags (div,
    // span, p, section, …) host one, so a list, a table or <html> is never asked. (In a page the
    // walk asks `openOrClosedShadowRoot`, Firefox's name for it: counted here by a getter.)
    let (p0, p1) = (paragraph(0), paragraph(1));
    let root = live_fixture(&format!(
        "<ul class=\"list\"><li class=\"item\"><p>{p0}</p></li></ul>\
         <table class=\"grid\"><tbody><tr><td class=\"cell\"><p>{p1}</p></td></tr></tbody></table>\
         <section class=\"story\"><div class=\"inner\"><p>{p0}</p></div></section>"
    ));
    run_js(
        "globalThis.verbatimTestAsked = []; \
         Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', { configurable: true, \
           get() { globalThis.verbatimTestAsked.push(this.localName); return null; } });",
    );
    process(&root);
    let asked = run_js(
        "delete Element.prototype.openOrClosedShadowRoot; return globalThis.verbatimTestAsked.join(' ');",
    )
    .as_string()
    .unwrap_or_default();
    cleanup(&root);
    let asked: Vec<&str> = asked.split(' ').collect();
    assert!(
        asked.contains(&"div") && asked.contains(&"section"),
        "{asked:?}"
    );
    for never in ["html", "ul", "li", "table", "tbody", "tr", "td"] {
        assert!(!asked.contains(&never), "{never} asked: {asked:?}");
    }
}

#[wasm_bindgen_test]
fn a_hidden_block_inside_a_paragraph_leaves_the_text_around_it_as_it_was() {
    // The walk checks a block's visibility only when a paragraph inside it is about to be read
    // (walk.js, `visible`): a hidden block met in the middle of a block's text, with text of its
    // own before its first paragraph, must leave the paragraphs around it exactly as passing it
    // over on entry did. Also: a hidden block whose child sets `visibility: visible` again stays
    // unread as a whole, and a block with nothing but hidden content costs no paragraph.
    let root = live_fixture(
        "<div>“The ferries keep their hours,” said Ann Reyes, the harbour master.\
           <div class=\"panel\" style=\"display:none\">\n   leading words “Hidden at first,” she said.\
             <p>“Hidden inside,” he said.</p> trailing words</div>\
           “The night crossings end in March,” said Tom Hale, the mayor.\
         </div>\
         <div style=\"visibility:hidden\"><div style=\"visibility:visible\">\
           <p>“Shown inside a hidden block,” said Ann Reyes.</p></div></div>\
         <section class=\"wrap\"><div style=\"display:none\"><p>“Only hidden here,” he said.</p></div></section>\
         <p>“The pier needs repairs,” said Tom Hale.</p>",
    );
    let before = root.inner_html();
    process(&root);
    assert_eq!(
        texts(&root, "mark"),
        [
            "“The ferries keep their hours,”",
            "“The night crossings end in March,”",
            "“The pier needs repairs,”"
        ]
    );
    assert_eq!(
        texts(&root, "[data-verbatim-mention]"),
        ["Ann Reyes", "Tom Hale", "Tom Hale"]
    );
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn frame_and_media_fallback_text_is_not_read() {
    let root = fixture(
        "<p>Watch it here <video>“Your browser cannot play this,” the player said.</video> now.</p>\
         <iframe>“Frames are not supported,” the page said.</iframe>\
         <audio><p>“No audio either,” the page said.</p></audio>\
         <canvas>“A chart,” the page said.</canvas>",
    );
    let before = root.inner_html();
    process(&root);
    assert!(
        texts(&root, "mark").is_empty(),
        "{:?}",
        texts(&root, "mark")
    );
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn svg_math_forms_and_editable_regions_are_left_untouched() {
    let html = "<p>Before <svg><text>“Drawn words,” she said.</text></svg> after.</p>\
        <svg><text>“A block of drawing,” she said.</text></svg>\
        <math><mtext>“Math text,” she said.</mtext></math>\
        <select><option>“An option,” she said.</option></select>\
        <input value=\"“A value,” she said.\">\
        <div contenteditable><p>“Being edited,” she said.</p></div>\
        <div contenteditable=\"plaintext-only\"><p>“Plain editing,” she said.</p></div>\
        <p contenteditable=\"true\">“Editable paragraph,” <b>she</b> said.</p>\
        <p>“Only this,” she said.</p>";
    let root = fixture(html);
    let before = root.inner_html();
    process(&root);
    assert_eq!(texts(&root, "mark"), ["“Only this,”"]);
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn a_quotation_across_paragraphs_shares_one_id() {
    let root = fixture(
        "<p>“The harbour will stay open through the winter, and the ferries will keep their hours,</p>\
         <p>“but the night crossings end in March,” said Maria Elston, the mayor.</p>",
    );
    let before = root.inner_html();
    let summary = process(&root);
    let ids = attrs(&root, "mark", "data-verbatim-quote");
    assert_eq!(ids.len(), 2, "{:?}", texts(&root, "mark"));
    assert_eq!(ids[0], ids[1]);
    assert_eq!(
        attrs(&root, "mark", "data-verbatim-speaker"),
        ["Maria Elston", "Maria Elston"]
    );
    assert_eq!(get(&summary, "quotes").as_f64(), Some(1.0));
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn a_quotation_continued_in_a_later_batch_is_marked_where_it_stands() {
    // The first paragraph is marked (and its text node split) before its last quotation is known
    // to run on into the paragraph that arrives next.
    let root = fixture(
        "<p>“We waited long enough,” she said. “The harbour will stay open through the winter,</p>",
    );
    let before = root.inner_html();
    process(&root);
    let more = root.owner_document().unwrap().create_element("p").unwrap();
    more.set_text_content(Some(
        "“and the night crossings end in March,” said Maria Elston, the mayor.",
    ));
    root.append_child(&more).unwrap();
    process(&root);
    let marks = texts(&root, "mark");
    assert_eq!(
        marks,
        [
            "“We waited long enough,”",
            "“The harbour will stay open through the winter,",
            "“and the night crossings end in March,”"
        ]
    );
    let ids = attrs(&root, "mark", "data-verbatim-quote");
    assert_eq!(ids[1], ids[2]);
    assert_ne!(ids[0], ids[1]);
    more.remove();
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn a_messy_page_is_restored_byte_for_byte() {
    let p = |i| paragraph(i);
    let html = format!(
        "\n  <!-- header -->\n<div class=\"x\"  id=a data-n='1'>Text straight in a div, “with a quote,” she said.<br><br>\
         And a second run &amp; an entity&nbsp;here, 😀 “after an emoji,” he said.<br>one line<br>\
         <span>“Split <i>across</i></span> <b>tags</b>,” said Maria Elston.</div>\
         <p style=\"color: red;  \">{}</p><p style=\"display:block\">{}</p><p>{}</p>\
         <section><p>{}</p><p style=\"color: red;  \">{}</p><p style=\"display:block\">{}</p>{}</section>\
         <ul><li>“A list item,” <a href=\"#\">he</a> said.</li><li>plain<!-- c --> item</li></ul>\
         <table><tr><td>Cell “quote,” said Elston.</td></tr></table>\
         <p>Soft&shy;hyphen and wbr<wbr>here, “tab\there,” she said.</p>\n",
        p(0),
        p(1),
        p(2),
        p(0),
        p(1),
        p(2),
        p(3)
    );
    let root = fixture(&html);
    let before = root.inner_html();
    let summary = process(&root);
    assert!(get(&summary, "repeats").as_f64().unwrap() >= 3.0);
    assert!(get(&summary, "quotes").as_f64().unwrap() >= 4.0);
    restore(&root);
    assert_eq!(root.inner_html(), before);
    // and again, after a second round trip
    process(&root);
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn the_toggle_is_a_keyboard_operable_button() {
    let root = live_fixture(&article_twice(3));
    process(&root);
    let toggle: web_sys::HtmlButtonElement = root
        .query_selector("button.verbatim-toggle")
        .unwrap()
        .unwrap()
        .dyn_into()
        .expect("a real <button>");
    assert_eq!(toggle.type_(), "button");
    assert_eq!(toggle.tab_index(), 0);
    toggle.focus().unwrap();
    let active = root.owner_document().unwrap().active_element().unwrap();
    assert!(
        active == *toggle.unchecked_ref::<Element>(),
        "it takes focus"
    );
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    // Enter and Space on a focused <button> fire `click`; that is what the browser does for us.
    toggle.click();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let shown: HtmlElement = root
        .query_selector("[data-verbatim-repeat]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(shown.offset_height() > 0, "shown repeats are displayed");
    toggle.click();
    assert_eq!(shown.offset_height(), 0, "hidden again");
    cleanup(&root);
}

#[wasm_bindgen_test]
fn quote_ids_stay_unique_across_calls_and_restores() {
    let root = fixture("<p>“The first,” she said.</p><p>“The second,” he said.</p>");
    process(&root);
    let mut all = attrs(&root, "mark", "data-verbatim-quote");
    restore(&root);
    process(&root);
    all.extend(attrs(&root, "mark", "data-verbatim-quote"));
    let more = root.owner_document().unwrap().create_element("p").unwrap();
    more.set_text_content(Some("“The third,” she said."));
    root.append_child(&more).unwrap();
    process(&root);
    let now = attrs(&root, "mark", "data-verbatim-quote");
    all.push(now.last().unwrap().clone());
    assert_eq!(all.len(), 5);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{all:?}");
    more.remove();
    cleanup(&root);
}

#[wasm_bindgen_test]
fn an_unresolved_pronoun_is_shown_but_not_listed_or_coloured() {
    // the writer's "I" and a "he" the text never names: the hover keeps the pronoun, the list
    // of speakers and the colours are for people the text names
    let root = fixture(
        "<p>“The ferry is late again,” I said at the gate.</p>\
         <p>“Only by an hour,” he said, and went back to his paper.</p>\
         <p>“It sails at noon,” said Maria Elston, the harbour master.</p>",
    );
    let summary = process(&root);
    let speakers: js_sys::Array = get(&summary, "speakers").unchecked_into();
    let names: Vec<String> = speakers
        .iter()
        .map(|s| get(&s, "name").as_string().unwrap())
        .collect();
    assert_eq!(names, ["Maria Elston"]);
    assert_eq!(get(&summary, "quotes").as_f64(), Some(3.0));
    let marks = root
        .query_selector_all("mark[data-verbatim-quote]")
        .unwrap();
    let described: Vec<(String, String)> = (0..marks.length())
        .map(|i| {
            let m: web_sys::Element = marks.item(i).unwrap().unchecked_into();
            (
                m.get_attribute("data-verbatim-speaker").unwrap_or_default(),
                m.get_attribute("class").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        described[0],
        ("I".into(), "verbatim-q verbatim-unknown".into())
    );
    assert_eq!(
        described[1],
        ("he".into(), "verbatim-q verbatim-unknown".into())
    );
    assert_eq!(described[2].0, "Maria Elston");
    assert!(
        described[2].1.starts_with("verbatim-q verbatim-s"),
        "{described:?}"
    );
    cleanup(&root);
}

#[wasm_bindgen_test]
fn the_summary_names_speakers_with_counts_and_first_quotes() {
    let root = fixture(
        "<p>“The port stays open,” said Maria Elston, the mayor of the town.</p>\
         <p>“We disagree,” said Tom Brandt, who leads the fishermen.</p>\
         <p>“It is settled,” Elston said.</p>",
    );
    let summary = process(&root);
    let speakers: js_sys::Array = get(&summary, "speakers").unchecked_into();
    let rows: Vec<(String, f64, String)> = speakers
        .iter()
        .map(|s| {
            (
                get(&s, "name").as_string().unwrap(),
                get(&s, "count").as_f64().unwrap(),
                get(&s, "firstQuote").as_string().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[0].0.as_str(), rows[0].1), ("Maria Elston", 2.0));
    assert_eq!((rows[1].0.as_str(), rows[1].1), ("Tom Brandt", 1.0));
    let first = root
        .query_selector(&format!("mark[data-verbatim-quote=\"{}\"]", rows[0].2))
        .unwrap()
        .unwrap();
    assert_eq!(first.text_content().unwrap(), "“The port stays open,”");
    assert_eq!(
        first.get_attribute("data-verbatim-speaker").as_deref(),
        Some("Maria Elston")
    );
    let second = root
        .query_selector(&format!("mark[data-verbatim-quote=\"{}\"]", rows[1].2))
        .unwrap()
        .unwrap();
    assert_eq!(second.text_content().unwrap(), "“We disagree,”");
    assert_eq!(get(&summary, "quotes").as_f64(), Some(3.0));
    cleanup(&root);
}

#[wasm_bindgen_test]
fn a_text_run_holding_a_frame_is_not_wrapped() {
    // Moving a frame into a wrapper reloads it (and a moved video stops): such a run stays as it is.
    let long = paragraph(5);
    let root = fixture(&format!(
        "<div><p>{long}</p>{long} <iframe id=f></iframe><br><br>A line after the frame.</div>"
    ));
    let frame = root.query_selector("#f").unwrap().unwrap();
    let parent = frame.parent_element().unwrap();
    let before = root.inner_html();
    process(&root);
    assert!(texts(&root, "[data-verbatim-wrap]").is_empty());
    assert!(
        frame.parent_element().unwrap() == parent,
        "the frame never moved"
    );
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn links_that_repeat_a_paragraph_stay_navigation() {
    // A related-stories list or a breadcrumb repeating a paragraph is navigation: hiding it would
    // take links away from the reader. A copy with text of its own around the link is prose.
    let (p0, p1) = (paragraph(0), paragraph(1));
    let root = fixture(&format!(
        "<p>{p0}</p><p>{p1}</p>\
         <ul><li><a href=\"/a\">{p0}</a></li><li><a href=\"/b\"><span>{p1}</span></a></li></ul>\
         <p>Read: <a href=\"/a\">{p0}</a></p>"
    ));
    let before = root.inner_html();
    let summary = process(&root);
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        [format!("Read: {p0}")]
    );
    assert_eq!(get(&summary, "repeats").as_f64(), Some(1.0));
    restore(&root);
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn sibling_elements_laid_out_apart_are_read_apart() {
    // A byline of linked tags in a flex row, and words set as inline-blocks: the reader sees them
    // apart, so their texts are joined with a space (each copy below is then a repeat; read glued,
    // the row would be one long word and nothing here a copy).
    // Plain inline elements glued to each other stay one word, as the reader sees them.
    let words = [
        "The",
        "harbour",
        "council",
        "met",
        "on",
        "Tuesday",
        "to",
        "weigh",
        "a",
        "new",
        "ferry",
        "timetable.",
    ];
    let flex: String = words
        .iter()
        .map(|w| format!("<a href=\"#{w}\">{w}</a>"))
        .collect();
    let blocks: String = words
        .iter()
        .map(|w| format!("<span style=\"display:inline-block\">{w}</span>"))
        .collect();
    let root = live_fixture(&format!(
        "<div style=\"display:flex\">{flex}</div><p>Read on: {}</p>\
         <p>{blocks} Then more.</p><p>{} Then more.</p>\
         <p>The <b>ferry</b><i>boats</i> of the bay will run to a winter timetable from November.</p>\
         <p>The ferryboats of the bay will run to a winter timetable from November.</p>",
        words.join(" "),
        words.join(" ")
    ));
    let before = root.inner_html();
    process(&root);
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        [
            format!("Read on: {}", words.join(" ")),
            format!("{} Then more.", words.join(" ")),
            "The ferryboats of the bay will run to a winter timetable from November.".to_owned()
        ]
    );
    cleanup(&root);
    assert!(!before.is_empty());
}

// Adversarial pages (issue 7): each must finish with no exception, an exact result, and restore byte
// for byte. Times are logged (run with `-- --nocapture` to see them), never asserted: see docs/BENCHMARKS.md,
// "Benchmarks and fuzzing", for the measured times and the bounds they justify.

/// Runs `f`, logging how long it took (performance.now(), the test page's clock).
fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let t0 = performance.now();
    let result = f();
    console_log!("{label}: {:.0} ms", performance.now() - t0);
    result
}

/// A made-up paragraph of 14 words, drawn by a fixed generator from 4096 made-up words: distinct
/// paragraphs share almost no word pairs, so none is a near copy of another.
fn made_up(i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "pe", "du", "ga", "fi", "ho", "ze", "bu",
        "ly",
    ];
    let mut state = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let mut words = Vec::with_capacity(14);
    for _ in 0..14 {
        state ^= state >> 29;
        state = state.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        state ^= state >> 32;
        let w = (state % 4096) as usize;
        let word: String = [w & 15, (w >> 4) & 15, w >> 8]
            .iter()
            .map(|&s| SYLLABLES[s])
            .collect();
        words.push(word);
    }
    let mut text = words.join(" ");
    text[..1].make_ascii_uppercase();
    text.push('.');
    text
}

/// At least `len` bytes of made-up sentences, every `every`th of them a quotation with its
/// speaker; and the number of quotations.
fn prose_with_quotations(len: usize, every: usize) -> (String, usize) {
    let mut text = String::with_capacity(len + len / 16);
    let mut quotes = 0;
    let mut i = 0;
    while text.len() < len {
        if i % every == 0 {
            text.push_str(&format!("“{}” said Maria Elston. ", made_up(i)));
            quotes += 1;
        } else {
            text.push_str(&made_up(i));
            text.push(' ');
        }
        i += 1;
    }
    (text, quotes)
}

/// The page's text of an element, as JavaScript has it (lone surrogates kept, unlike `String`).
fn js_text(node: &JsValue) -> JsValue {
    get(node, "textContent")
}

/// The text of each `<mark>` under `root`, in document order (as JavaScript strings: a lone
/// surrogate survives, which a Rust `String` could not hold).
fn mark_texts(root: &Element) -> Vec<JsValue> {
    let marks = root.query_selector_all("mark").unwrap();
    (0..marks.length())
        .map(|i| js_text(&marks.item(i).unwrap()))
        .collect()
}

fn js_html(root: &Element) -> JsValue {
    get(root, "innerHTML")
}

/// A JavaScript string from UTF-16 code units (which may hold lone surrogates).
fn js_string(units: &[u16]) -> JsValue {
    js_sys::JsString::from_char_code(units).into()
}

fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

#[wasm_bindgen_test]
fn adversarial_10000_deep_nesting() {
    // Built node by node: the HTML parser flattens anything deeper than a few hundred. The walker
    // reads 1000 levels (src/dom/walk.js, MAX_NESTING; a parsed page never gets there) and leaves
    // deeper text as it is, instead of overflowing the stack.
    let root = fixture("");
    let doc = root.owner_document().unwrap();
    // blocks 10,000 deep: an article at level 500, a quotation at the bottom
    let mut at = root.clone();
    for i in 0..10_000 {
        let el = doc
            .create_element(["div", "section", "article", "blockquote"][i % 4])
            .unwrap();
        if i == 500 {
            at.set_inner_html(&format!(
                "{}<p>“We went half way down,” she said.</p>",
                article_twice(3)
            ));
        }
        at.append_child(&el).unwrap();
        at = el;
    }
    at.set_inner_html("<p>“Too deep to be read,” she said.</p>");
    // and inline elements 10,000 deep in one paragraph
    let p = doc.create_element("p").unwrap();
    p.set_text_content(Some("“Read at the top,” he said. "));
    root.append_child(&p).unwrap();
    let mut at = p.clone();
    for i in 0..10_000 {
        let el = doc.create_element(["span", "b", "i", "em"][i % 4]).unwrap();
        at.append_child(&el).unwrap();
        at = el;
    }
    at.set_text_content(Some("“Deep inside ten thousand spans,” he said."));
    let before = root.inner_html();
    let summary = timed("10,000-deep nesting: process", || process(&root));
    assert_eq!(get(&summary, "repeats").as_f64(), Some(3.0));
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        [paragraph(0), paragraph(1), paragraph(2)]
    );
    assert_eq!(
        texts(&root, "mark"),
        ["“We went half way down,”", "“Read at the top,”"]
    );
    timed("10,000-deep nesting: restore", || restore(&root));
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_50000_paragraphs() {
    // 40,000 distinct paragraphs, then the first 10,000 again: one run of 10,000 repeats
    let (distinct, again) = (40_000, 10_000);
    let html: String = (0..distinct + again)
        .map(|i| format!("<p>{}</p>", made_up(i % distinct)))
        .collect();
    let root = fixture(&html);
    let before = root.inner_html();
    let summary = timed("50,000 paragraphs: process", || process(&root));
    assert_eq!(get(&summary, "repeats").as_f64(), Some(again as f64));
    assert_eq!(get(&summary, "runs").as_f64(), Some(1.0));
    let hidden = root.query_selector_all("[data-verbatim-repeat]").unwrap();
    assert_eq!(hidden.length() as usize, again);
    assert_eq!(hidden.item(0).unwrap().text_content().unwrap(), made_up(0));
    assert_eq!(
        hidden
            .item(again as u32 - 1)
            .unwrap()
            .text_content()
            .unwrap(),
        made_up(again - 1)
    );
    assert_eq!(texts(&root, "button.verbatim-toggle").len(), 1);
    timed("50,000 paragraphs: restore", || restore(&root));
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_5_mb_paragraph() {
    // One paragraph of 5 MB: made-up sentences, every 5000th a quotation (a dozen in all: see the
    // docs/BENCHMARKS.md on many quotations in one huge text node), then an ordinary repeat.
    let (big, quotes) = prose_with_quotations(5_000_000, 5000);
    let root = fixture(&format!(
        "<p>{}</p><p>{big}</p><p>{}</p>",
        paragraph(0),
        paragraph(0)
    ));
    let before = root.inner_html();
    let summary = timed("5 MB paragraph: process", || process(&root));
    assert_eq!(get(&summary, "repeats").as_f64(), Some(1.0));
    assert_eq!(texts(&root, "[data-verbatim-repeat]"), [paragraph(0)]);
    assert_eq!(get(&summary, "quotes").as_f64(), Some(quotes as f64));
    let marks = texts(&root, "mark");
    assert_eq!(marks.len(), quotes);
    assert_eq!(marks[0], format!("“{}”", made_up(0)));
    timed("5 MB paragraph: restore", || restore(&root));
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_many_quotations_in_one_huge_text_node() {
    // One text node of 400 KB holding 800 quotations. Each node is cut once at all its offsets and
    // joined back with one append on restore, so the DOM layer's time is linear in the length (a
    // cut per quotation copied the rest of the node each time: 7.5 s for 0.5 MB with 906 quotations
    // in the release build before, 0.28 s after; the rest is the text core's).
    let (big, quotes) = prose_with_quotations(400_000, 8);
    let root = fixture(&format!("<p>{big}</p>"));
    let before = root.inner_html();
    let summary = timed("400 KB text node, many quotations: process", || {
        process(&root)
    });
    assert_eq!(get(&summary, "quotes").as_f64(), Some(quotes as f64));
    let marks = texts(&root, "mark");
    assert_eq!(marks.len(), quotes);
    assert_eq!(marks[0], format!("“{}”", made_up(0)));
    assert_eq!(
        marks[quotes - 1],
        format!("“{}”", made_up(8 * (quotes - 1)))
    );
    assert_eq!(root.text_content().unwrap(), big);
    timed("400 KB text node, many quotations: restore", || {
        restore(&root)
    });
    assert_eq!(root.inner_html(), before);
    assert_eq!(
        root.query_selector("p")
            .unwrap()
            .unwrap()
            .child_nodes()
            .length(),
        1
    );
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_100k_quote_marks() {
    // 30,000 straight, 30,000 closing and 30,000 opening marks with no words between them (no
    // quotation), real quotations around them, then 1000 lines of six quotations in six styles:
    // 102,004 marks in all.
    let (n, items) = (30_000, 1_000);
    let mut html = format!(
        "<p>{}</p><p>“We are still here,” she said.</p><p>{}</p>\
         <p>“We are still here, too,” he said.</p><p>{}</p>\
         <p>Nothing closes that run of marks, and this paragraph ends it.</p>",
        "\" ".repeat(n),
        "” ".repeat(n),
        "“".repeat(n)
    );
    for i in 0..items {
        html.push_str(&format!(
            "<p>Item {i}: «alpha» and „beta“ and “gamma” and ‘delta’ and \"epsilon\" and 'zeta' said the list.</p>"
        ));
    }
    let root = fixture(&html);
    let marks_in_page = root
        .text_content()
        .unwrap()
        .chars()
        .filter(|c| "\"“”«»„‘’'".contains(*c))
        .count();
    assert_eq!(marks_in_page, 3 * n + 12 * items + 4);
    let before = root.inner_html();
    let summary = timed("100k quote marks: process", || process(&root));
    assert_eq!(
        get(&summary, "quotes").as_f64(),
        Some((2 + 6 * items) as f64)
    );
    let marks = texts(&root, "mark");
    assert_eq!(marks.len(), 2 + 6 * items);
    assert_eq!(
        marks[..8],
        [
            "“We are still here,”",
            "“We are still here, too,”",
            "«alpha»",
            "„beta“",
            "“gamma”",
            "‘delta’",
            "\"epsilon\"",
            "'zeta'"
        ]
    );
    timed("100k quote marks: restore", || restore(&root));
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_right_to_left_text() {
    // Arabic and Hebrew paragraphs in right-to-left blocks, with bidi marks and embeddings (which a
    // reader never sees): copies are hidden, quotations marked, the page restored exactly.
    let ar0 =
        "عقد مجلس الميناء اجتماعا يوم الثلاثاء لمناقشة جدول جديد للعبارات التي تعبر الخليج كل ليلة.";
    let ar1 = "اشتكى الصيادون منذ أشهر من أن الرحلات الليلية تزعج الشباك قرب حاجز الأمواج القديم في الميناء.";
    let he0 =
        "מועצת הנמל התכנסה ביום שלישי כדי לדון בלוח זמנים חדש למעבורות שחוצות את המפרץ בלילה.";
    let root = fixture(&format!(
        "<div dir=rtl lang=ar><p>{ar0}</p><p>{ar1}</p><p>«سنعلن القرار قريبا»، قالت رئيسة البلدية للصحفيين.</p></div>\
         <div dir=rtl lang=he><p>{he0}</p><p>\u{202B}\"אנחנו נחליט בקרוב,\" אמרה ראש העירייה.\u{202C}</p></div>\
         <p dir=auto>\u{200F}{ar0}</p><p dir=rtl><bdi>{ar1}</bdi></p><p dir=rtl>\u{2067}{he0}\u{2069}</p>"
    ));
    let before = root.inner_html();
    let summary = timed("right-to-left: process", || process(&root));
    assert_eq!(get(&summary, "repeats").as_f64(), Some(3.0));
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        [
            format!("\u{200F}{ar0}"),
            ar1.to_owned(),
            format!("\u{2067}{he0}\u{2069}")
        ]
    );
    assert_eq!(
        texts(&root, "mark"),
        ["«سنعلن القرار قريبا»", "\"אנחנו נחליט בקרוב,\""]
    );
    timed("right-to-left: restore", || restore(&root));
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_lone_surrogates() {
    // Text no Rust string can hold: lone high and low surrogates, and a pair split across two
    // elements. Set through the DOM; compared as JavaScript strings.
    let root = fixture("<p id=a></p><p id=b></p><p id=c></p><p id=d></p><p id=e></p>");
    let set = |id: &str, units: &[u16]| {
        let el = root.query_selector(&format!("#{id}")).unwrap().unwrap();
        Reflect::set(&el, &"textContent".into(), &js_string(units)).unwrap();
        el
    };
    let lone = |before: &str, unit: u16, after: &str| {
        let mut units = utf16(before);
        units.push(unit);
        units.extend(utf16(after));
        units
    };
    set("a", &lone("“Broken ", 0xD800, " text,” she said."));
    let broken = lone(
        "A paragraph with a broken character ",
        0xDC00,
        " in the middle of its words, long enough.",
    );
    set("b", &broken);
    set("c", &broken);
    // a pair split between <b> and <i>, then a whole pair inside a quotation
    let d = root.query_selector("#d").unwrap().unwrap();
    d.set_inner_html("Split <b></b><i></i> then “a quote 😀 with an emoji,” she said.");
    let b = d.query_selector("b").unwrap().unwrap();
    Reflect::set(&b, &"textContent".into(), &js_string(&[0xD83D])).unwrap();
    let i = d.query_selector("i").unwrap().unwrap();
    Reflect::set(&i, &"textContent".into(), &js_string(&[0xDE00])).unwrap();
    let mut e = vec![0xDBFF];
    e.extend(utf16("“Right after a lone surrogate,” he said."));
    e.push(0xD800);
    set("e", &e);

    let before = js_html(&root);
    let summary = timed("lone surrogates: process", || process(&root));
    assert_eq!(get(&summary, "repeats").as_f64(), Some(1.0));
    let hidden = root.query_selector_all("[data-verbatim-repeat]").unwrap();
    assert_eq!(hidden.length(), 1);
    assert_eq!(
        hidden.item(0).unwrap().unchecked_into::<Element>().id(),
        "c"
    );
    assert_eq!(
        mark_texts(&root),
        [
            js_string(&lone("“Broken ", 0xD800, " text,”")),
            JsValue::from_str("“a quote 😀 with an emoji,”"),
            JsValue::from_str("“Right after a lone surrogate,”"),
        ]
    );
    timed("lone surrogates: restore", || restore(&root));
    assert!(js_html(&root) == before, "restored byte for byte");
    root.remove();
}

#[wasm_bindgen_test]
fn adversarial_zero_width_characters() {
    // Zero-width spaces, joiners, word joiners and byte-order marks: invisible, so a copy full of
    // them is still a copy, a paragraph of nothing else is no paragraph, and quotations hold them.
    let (p0, p1) = (paragraph(0), paragraph(1));
    let p0_zw: String = p0.chars().flat_map(|c| [c, '\u{200B}']).collect();
    let p1_zw = p1.replace(' ', " \u{200C}\u{200D}\u{2060}\u{FEFF}");
    let only = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}".repeat(2000);
    let root = fixture(&format!(
        "<p>{p0}</p><p>{p1}</p><p>{p0_zw}</p><p>{p1_zw}</p><p>{only}</p><p>{only}</p>\
         <p>“We\u{200B} will\u{200D} decide\u{2060},” she\u{FEFF} said. \
         A family: 👩\u{200D}👩\u{200D}👧 “are \u{200B}here.”</p>"
    ));
    let before = root.inner_html();
    let summary = timed("zero-width: process", || process(&root));
    assert_eq!(get(&summary, "repeats").as_f64(), Some(2.0));
    assert_eq!(texts(&root, "[data-verbatim-repeat]"), [p0_zw, p1_zw]);
    assert_eq!(
        texts(&root, "mark"),
        [
            "“We\u{200B} will\u{200D} decide\u{2060},”",
            "“are \u{200B}here.”"
        ]
    );
    timed("zero-width: restore", || restore(&root));
    assert_eq!(root.inner_html(), before);
    root.remove();
}

/// The stylesheet (and the toggles' listener) come with the first thing shown, not before: a page
/// where nothing repeats and nobody is quoted is left without them, and a later step that finds a
/// repeat adds them once.
#[wasm_bindgen_test]
fn the_stylesheet_comes_with_the_first_change() {
    let root = fixture(&format!("<p>{}</p><p>{}</p>", paragraph(0), paragraph(1)));
    let doc = root.owner_document().unwrap();
    // (a document without a view gets the stylesheet as a <style> element in its head)
    let sheets = || {
        doc.query_selector_all("style[data-verbatim-ui]")
            .unwrap()
            .length()
    };
    process(&root);
    assert_eq!(sheets(), 0);
    assert_eq!(texts(&root, "[data-verbatim-repeat]").len(), 0);
    let more = doc.create_element("div").unwrap();
    more.set_inner_html(&format!("<p>{}</p><p>{}</p>", paragraph(0), paragraph(1)));
    root.append_child(&more).unwrap();
    process(&root);
    assert_eq!(texts(&root, "[data-verbatim-repeat]").len(), 2);
    assert_eq!(sheets(), 1);
    process(&root);
    assert_eq!(sheets(), 1);
    cleanup(&root);
    assert_eq!(sheets(), 0);
}

/// The live document's sheet is parsed when the module loads (style.js), not inside the first pass
/// that shows something; loading it adopts nothing: the sheet comes with the first change and goes
/// with restore, in the live document as in one without a view (above).
#[wasm_bindgen_test]
fn the_live_documents_sheet_is_parsed_at_load_and_adopted_with_the_first_change() {
    let ours = || {
        run_js(
            "return document.adoptedStyleSheets.filter((s) => [...s.cssRules]\
             .some((r) => r.cssText.includes('data-verbatim-repeat'))).length",
        )
        .as_f64()
    };
    assert_eq!(ours(), Some(0.0), "loading the module adopts no sheet");
    let root = live_fixture(&format!("<p>{}</p><p>{}</p>", paragraph(0), paragraph(1)));
    process(&root);
    assert_eq!(ours(), Some(0.0), "nothing shown: no sheet");
    let more = root
        .owner_document()
        .unwrap()
        .create_element("div")
        .unwrap();
    more.set_inner_html(&format!("<p>{}</p><p>{}</p>", paragraph(0), paragraph(1)));
    root.append_child(&more).unwrap();
    process(&root);
    assert_eq!(ours(), Some(1.0), "the first change adopts it");
    cleanup(&root);
    assert_eq!(ours(), Some(0.0), "restore takes it away");
}

/// A surrogate pair split between two paragraphs (a high surrogate ends one, a low one opens the
/// next): the texts cross into Rust as one joined string, where the two halves make one
/// character; each paragraph keeps its own length, so a quotation in the second is marked where
/// it stands.
#[wasm_bindgen_test]
fn a_surrogate_pair_split_between_paragraphs_keeps_the_offsets() {
    let root = fixture(
        "<p id=x></p><p id=y></p><p>Ünïcödé ✓ text before “a last quotation,” he said.</p>",
    );
    let set = |id: &str, units: &[u16]| {
        let el = root.query_selector(&format!("#{id}")).unwrap().unwrap();
        Reflect::set(&el, &"textContent".into(), &js_string(units)).unwrap();
    };
    let mut x = utf16("The first paragraph ends in half a character ");
    x.push(0xD83D);
    set("x", &x);
    let mut y = vec![0xDE00];
    y.extend(utf16(" and “the second one quotes,” she said."));
    set("y", &y);
    let before = js_html(&root);
    process(&root);
    assert_eq!(
        mark_texts(&root),
        [
            JsValue::from_str("“the second one quotes,”"),
            JsValue::from_str("“a last quotation,”"),
        ]
    );
    restore(&root);
    assert!(js_html(&root) == before, "restored byte for byte");
    root.remove();
}

#[wasm_bindgen_test]
fn later_calls_read_blocks_shown_since_and_blocks_added_inside_the_last_one_read() {
    // A call that read everything leaves a resume point at the last block it read (walk.js): the
    // next call starts there. What that must not lose: a block added inside that last block, and
    // a block passed over because it was hidden, shown since (only a whole walk reads it).
    let (p0, p1, p2) = (paragraph(0), paragraph(1), paragraph(2));
    let append = |root: &Element, selector: &str, text: &str| {
        let p = root.owner_document().unwrap().create_element("p").unwrap();
        p.set_text_content(Some(text));
        root.query_selector(selector)
            .unwrap()
            .unwrap()
            .append_child(&p)
            .unwrap();
    };
    let root = live_fixture(&format!("<p>{p1}</p><div class=\"last\">{p2}</div>"));
    let first = process(&root);
    assert_eq!(get(&first, "repeats").as_f64(), Some(0.0));
    append(&root, ".last", &p1);
    let second = process(&root);
    assert_eq!(get(&second, "repeats").as_f64(), Some(1.0));
    assert_eq!(
        texts(&root, "[data-verbatim-repeat]"),
        std::slice::from_ref(&p1)
    );
    cleanup(&root);

    let root = live_fixture(&format!(
        "<div class=\"panel\" style=\"display:none\"><p>{p0}</p></div>\
         <div class=\"body\"><p>{p1}</p><p>{p2}</p></div>"
    ));
    let first = process(&root);
    assert_eq!(get(&first, "repeats").as_f64(), Some(0.0));
    root.query_selector(".panel")
        .unwrap()
        .unwrap()
        .remove_attribute("style")
        .unwrap();
    append(&root, ".body", &p0);
    let second = process(&root);
    assert_eq!(get(&second, "repeats").as_f64(), Some(1.0));
    assert_eq!(texts(&root, "[data-verbatim-repeat]"), [p0]);
    cleanup(&root);
}
