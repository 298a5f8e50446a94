//! The paragraph texts of a saved HTML page, without a browser: what `eval_repeats` and
//! `report_digest` read from the 130 pages of ../shared/corpus/pages/readability. Included with
//! `#[path]` (examples are separate crates).

const PARAGRAPH_TAGS: [&str; 10] = [
    "p",
    "li",
    "blockquote",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
const SKIPPED_TAGS: [&str; 6] = ["script", "style", "noscript", "template", "svg", "head"];

/// Paragraph texts in document order: the innermost of the paragraph tags holding text of its own;
/// text standing in an outer one around an inner one is a paragraph of its own. Tolerant: unclosed
/// `<p>`/`<li>` are closed by the next one, stray closing tags are ignored.
pub fn extract_paragraphs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, String)> = Vec::new(); // (tag, text so far)
    let mut rest = html;
    let flush = |text: &mut String, out: &mut Vec<String>| {
        let t = decode(text);
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push(t);
        }
        text.clear();
    };
    while let Some(lt) = rest.find('<') {
        if let Some((_, text)) = stack.last_mut() {
            text.push_str(&rest[..lt]);
            text.push(' ');
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && SKIPPED_TAGS.contains(&name.as_str()) {
            let end = format!("</{name}");
            // (found case-insensitively in place: lower-casing the rest of the page at every
            // script made reading a page quadratic)
            rest = rest
                .as_bytes()
                .windows(end.len())
                .position(|w| w.eq_ignore_ascii_case(end.as_bytes()))
                .map_or("", |e| &rest[e..]);
            continue;
        }
        if name == "br" {
            if let Some((_, text)) = stack.last_mut() {
                text.push(' ');
            }
            continue;
        }
        if !PARAGRAPH_TAGS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if let Some(pos) = stack.iter().rposition(|(t, _)| *t == name) {
                while stack.len() > pos {
                    let (_, mut text) = stack.pop().unwrap();
                    flush(&mut text, &mut out);
                }
            }
        } else {
            if (name == "p" || name == "li") && stack.last().is_some_and(|(t, _)| *t == name) {
                let (_, mut text) = stack.pop().unwrap();
                flush(&mut text, &mut out);
            }
            if let Some((_, text)) = stack.last_mut() {
                flush(text, &mut out);
            }
            stack.push((name, String::new()));
        }
    }
    while let Some((_, mut text)) = stack.pop() {
        flush(&mut text, &mut out);
    }
    out
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => '\u{A0}',
                "mdash" => '\u{2014}',
                "ndash" => '\u{2013}',
                "lsquo" => '\u{2018}',
                "rsquo" => '\u{2019}',
                "ldquo" => '\u{201C}',
                "rdquo" => '\u{201D}',
                "hellip" => '\u{2026}',
                "copy" => '\u{A9}',
                _ => {
                    let n = if let Some(hex) =
                        entity.strip_prefix("#x").or(entity.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = entity.strip_prefix('#') {
                        dec.parse().ok()
                    } else {
                        None
                    };
                    char::from_u32(n?)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
