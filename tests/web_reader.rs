//! Browser tests of what the DOM layer adds for readers' views: speaker mentions wrapped in
//! `<span data-verbatim-mention>` as the core reports them (the extension's "quotes only" keeps them
//! at full strength), and the words written into the page given through the `labels` option.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use verbatim::api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn fixture(html: &str) -> Element {
    let doc = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .implementation()
        .unwrap()
        .create_html_document_with_title("fixture")
        .unwrap();
    let root = doc.create_element("div").unwrap();
    root.set_inner_html(html);
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn attrs(root: &Element, selector: &str, attr: &str) -> Vec<(String, String)> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            let el: Element = list.item(i).unwrap().unchecked_into();
            (
                el.text_content().unwrap_or_default(),
                el.get_attribute(attr).unwrap_or_default(),
            )
        })
        .collect()
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn speaker_mentions_are_wrapped_once_and_restored() {
    let root = fixture(
        "<p>“The new pier opens in May,” said Maria Elston, the harbour master. “Nobody expected it.”</p>\
         <p>Council member <b>Tomas Reyk</b> disagreed. “It is months late,” Reyk said.</p>\
         <p>The so-called \"bold bet\" of the council was debated for hours on end.</p>",
    );
    let before = root.inner_html();
    api::process(root.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        attrs(&root, "mark[data-verbatim-quote]", "data-verbatim-speaker"),
        [
            ("“The new pier opens in May,”".into(), "Maria Elston".into()),
            ("“Nobody expected it.”".into(), "Maria Elston".into()),
            ("“It is months late,”".into(), "Tomas Reyk".into()),
            ("\"bold bet\"".into(), "".into()),
        ]
    );
    // one mention for the two quotations of the first speaker (a continuation shares it), none for
    // the scare quote
    assert_eq!(
        attrs(&root, "span.verbatim-who", "data-verbatim-mention"),
        [
            ("Maria Elston".into(), "Maria Elston".into()),
            ("Reyk".into(), "Tomas Reyk".into()),
        ]
    );
    api::restore(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before);
}

#[wasm_bindgen_test]
fn labels_are_the_callers_words() {
    let root = fixture(
        "<p>The ferry timetable for the winter season was published by the harbour office today.</p>\
         <p>The ferry timetable for the winter season was published by the harbour office today.</p>\
         <p>“Nobody will wait in the cold.”</p>\
         <p>The so-called \"improvements\" of the timetable were announced for the spring.</p>",
    );
    let before = root.inner_html();
    let labels = object(&[
        ("showOne", "{n} wiederholter Absatz · zeigen".into()),
        ("showMany", "{n} wiederholte Absätze · zeigen".into()),
        ("hideOne", "{n} wiederholter Absatz · verbergen".into()),
        ("hideMany", "{n} wiederholte Absätze · verbergen".into()),
        ("scare", "niemand spricht".into()),
        ("unknown", "Sprecher unbekannt".into()),
    ]);
    let options = object(&[("labels", labels)]);
    api::process(root.clone().into(), options).unwrap();
    assert_eq!(
        attrs(&root, "button.verbatim-toggle", "aria-expanded"),
        [("1 wiederholter Absatz · zeigen".into(), "false".into())]
    );
    assert_eq!(
        attrs(&root, "mark[data-verbatim-quote]", "data-verbatim-label"),
        [
            (
                "“Nobody will wait in the cold.”".into(),
                "Sprecher unbekannt".into()
            ),
            ("\"improvements\"".into(), "niemand spricht".into()),
        ]
    );
    api::show_repeats(root.clone().into(), true).unwrap();
    assert_eq!(
        attrs(&root, "button.verbatim-toggle", "aria-expanded"),
        [("1 wiederholter Absatz · verbergen".into(), "true".into())]
    );
    api::restore(root.clone().into()).unwrap();
    assert_eq!(root.inner_html(), before);
}

#[wasm_bindgen_test]
fn a_bad_label_throws_naming_it_and_analyze_refuses_labels() {
    let root = fixture("<p>Nothing to see.</p>");
    let bad = object(&[("labels", object(&[("shoe", "x".into())]))]);
    let error = api::process(root.clone().into(), bad).unwrap_err();
    let message = Reflect::get(&error, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(message.contains("labels.shoe"), "{message}");
    let not_text = object(&[("labels", object(&[("scare", 3.into())]))]);
    assert!(api::process(root.clone().into(), not_text).is_err());
    let in_analyze = object(&[("labels", Object::new().into())]);
    let paragraphs = js_sys::Array::of1(&"Some words.".into());
    let error = api::analyze(paragraphs.into(), in_analyze).unwrap_err();
    let message = Reflect::get(&error, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(message.contains("labels"), "{message}");
}

#[wasm_bindgen_test]
fn labels_exactly_as_written() {
    let root = fixture(
        "<p>The bakery on the corner will open an hour earlier on weekdays from next month on.</p>\
         <p>The bakery on the corner will open an hour earlier on weekdays from next month on.</p>\
         <p>Its new \"sourdough\" loaf was sold out by noon.</p>",
    );
    // only the first {n} is the count; a `$&` of the template stays as written; a lone surrogate
    // is written as U+FFFD, as every string the module hands back
    let lone = js_sys::JsString::from_char_code(&[0x61, 0xD800, 0x62]);
    let labels = object(&[
        ("showOne", "{n} of {n} $& shown".into()),
        ("scare", lone.into()),
    ]);
    api::process(root.clone().into(), object(&[("labels", labels)])).unwrap();
    assert_eq!(
        attrs(&root, "button.verbatim-toggle", "aria-expanded"),
        [("1 of {n} $& shown".into(), "false".into())]
    );
    assert_eq!(
        attrs(&root, "mark[data-verbatim-quote]", "data-verbatim-label"),
        [("\"sourdough\"".into(), "a\u{FFFD}b".into())]
    );
    // English for the keys not given
    api::show_repeats(root.clone().into(), true).unwrap();
    assert_eq!(
        attrs(&root, "button.verbatim-toggle", "aria-expanded"),
        [("1 repeated paragraph · hide".into(), "true".into())]
    );
    api::restore(root.clone().into()).unwrap();

    let message = |labels: JsValue| {
        let error = api::process(root.clone().into(), object(&[("labels", labels)])).unwrap_err();
        Reflect::get(&error, &"message".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    let long = "k".repeat(45);
    assert_eq!(
        message(object(&[(long.as_str(), "x".into())])),
        format!(
            "verbatim: option `labels.{}` is unknown or not a string",
            &long[..40]
        )
    );
    for not_object in [JsValue::from(5), js_sys::Array::new().into(), JsValue::NULL] {
        assert_eq!(
            message(not_object),
            "verbatim: option `labels` must be an object of strings"
        );
    }
}
