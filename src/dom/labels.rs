//! The words the DOM layer writes into a page: the toggles of runs ("3 repeated paragraphs · show")
//! and the labels of marks without a speaker. English by default; a caller in another language
//! gives its own through the `labels` option (the extension passes them from its `_locales`), so no
//! interface language is decided here and none at all in the text core.

/// The texts of one document, fixed at its first `process` like the options.
#[derive(Clone, Debug, PartialEq)]
pub struct Labels {
    /// A collapsed run of one paragraph; `{n}` stands for the count.
    pub show_one: String,
    /// A collapsed run of several paragraphs.
    pub show_many: String,
    /// An expanded run of one paragraph.
    pub hide_one: String,
    /// An expanded run of several paragraphs.
    pub hide_many: String,
    /// The label of a scare quote (nobody speaks).
    pub scare: String,
    /// The label of a quotation whose speaker is unknown.
    pub unknown: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            show_one: "{n} repeated paragraph · show".to_owned(),
            show_many: "{n} repeated paragraphs · show".to_owned(),
            hide_one: "{n} repeated paragraph · hide".to_owned(),
            hide_many: "{n} repeated paragraphs · hide".to_owned(),
            scare: "scare quotes: nobody is speaking".to_owned(),
            unknown: "speaker unknown".to_owned(),
        }
    }
}

impl Labels {
    /// Sets one text by its interface name; false for a name that does not exist.
    pub fn set(&mut self, key: &str, text: String) -> bool {
        let slot = match key {
            "showOne" => &mut self.show_one,
            "showMany" => &mut self.show_many,
            "hideOne" => &mut self.hide_one,
            "hideMany" => &mut self.hide_many,
            "scare" => &mut self.scare,
            "unknown" => &mut self.unknown,
            _ => return false,
        };
        *slot = text;
        true
    }

    /// The toggle's text for a run of `count` paragraphs: the first `{n}` of the template becomes
    /// the count (a byte search, not `str::replace`, whose pattern machinery the module would carry).
    pub fn toggle(&self, count: usize, expanded: bool) -> String {
        let template = match (expanded, count == 1) {
            (false, true) => &self.show_one,
            (false, false) => &self.show_many,
            (true, true) => &self.hide_one,
            (true, false) => &self.hide_many,
        };
        let n = super::decimal(count as u64);
        match template.as_bytes().windows(3).position(|w| w == b"{n}") {
            Some(at) => crate::text::join(
                &[
                    template.get(..at).unwrap_or(""),
                    &n,
                    template.get(at + 3..).unwrap_or(""),
                ],
                "",
            ),
            None => template.clone(),
        }
    }
}
