//! What the two quotation evaluations (`eval_quotes`, PolNeAR; `eval_quotes_de`, German WikiNews)
//! share: the corpus README's paragraph rule, span overlap and the UTF-16 → code-point mapping, so
//! that both score by the same rules. Included by each with `#[path]` (examples are separate crates).

/// A range of code points in an article's text.
pub type Range = (usize, usize);

/// The non-blank lines of `chars`, trimmed, each with the code-point offset where it starts.
pub fn paragraphs(chars: &[char]) -> Vec<(usize, Vec<char>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            let line = &chars[start..i];
            let lead = line.iter().take_while(|c| c.is_whitespace()).count();
            let trail = line.iter().rev().take_while(|c| c.is_whitespace()).count();
            if lead < line.len() {
                out.push((start + lead, line[lead..line.len() - trail].to_vec()));
            }
            start = i + 1;
        }
    }
    out
}

pub fn overlap(a: Range, b: Range) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

pub fn iou(a: Range, b: Range) -> f64 {
    let o = overlap(a, b);
    let u = a.1.max(b.1) - a.0.min(b.0);
    if u == 0 {
        0.0
    } else {
        o as f64 / u as f64
    }
}

/// UTF-16 offset → code-point offset within one paragraph.
pub fn cp_of_unit(p: &[char], unit: usize) -> usize {
    let mut u = 0;
    for (i, c) in p.iter().enumerate() {
        if u >= unit {
            return i;
        }
        u += c.len_utf16();
    }
    p.len()
}

/// The text of `r`, clipped to `text`, with line breaks shown as ¶.
pub fn show(text: &[char], r: Range) -> String {
    let s: String = text[r.0.min(text.len())..r.1.min(text.len())]
        .iter()
        .collect();
    s.replace('\n', " ¶ ")
}

/// One-to-one matching of gold and predicted spans, best overlap first, at overlap / union ≥ 0.8:
/// for each gold span the predicted one it matched, and which predictions were used.
pub fn match_one_to_one(golds: &[Range], predicted: &[Range]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let v = iou(*g, *p);
            if v >= 0.8 {
                pairs.push((v, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut gold_used = vec![None; golds.len()];
    let mut pred_used = vec![false; predicted.len()];
    for (_, gi, pi) in pairs {
        if gold_used[gi].is_none() && !pred_used[pi] {
            gold_used[gi] = Some(pi);
            pred_used[pi] = true;
        }
    }
    (gold_used, pred_used)
}

/// The splits named on the command line (its first argument not starting with `--`), else both.
pub fn splits(args: &[String]) -> Vec<&str> {
    match args.iter().find(|a| !a.starts_with("--")) {
        Some(s) => vec![s.as_str()],
        None => vec!["dev", "train"],
    }
}

/// Quotation precision, recall and F1; speaker accuracy over matched quotations with a source, and
/// the share of all gold quotations with a source whose speaker is right.
pub struct Rates {
    pub p: f64,
    pub r: f64,
    pub f: f64,
    pub acc: f64,
    pub share: f64,
}

/// The counts both evaluations report.
#[derive(Default)]
pub struct Tally {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub with_source: usize,
    pub matched_with_source: usize,
    pub speaker_right: usize,
}

/// What became of one gold quotation: unmatched, or matched to a prediction whose speaker is
/// right, wrong, or not scored (`None`: the gold quotation has no source).
pub enum Outcome {
    Missed,
    Matched {
        predicted: usize,
        right: Option<bool>,
    },
}

impl Tally {
    pub fn rates(&self) -> Rates {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Rates {
            p,
            r,
            f,
            acc: self.speaker_right as f64 / self.matched_with_source.max(1) as f64,
            share: self.speaker_right as f64 / self.with_source.max(1) as f64,
        }
    }

    /// Matches one article's gold quotations (span, sources) one to one with the predicted ones
    /// (span, speaker mention) and counts them. A speaker is right when its mention overlaps one of
    /// the gold sources. Returns each gold's outcome and which predictions were used.
    pub fn add(
        &mut self,
        golds: &[(Range, &[Range])],
        predicted: &[(Range, Option<Range>)],
    ) -> (Vec<Outcome>, Vec<bool>) {
        let (gold_used, pred_used) = match_one_to_one(
            &golds.iter().map(|g| g.0).collect::<Vec<_>>(),
            &predicted.iter().map(|p| p.0).collect::<Vec<_>>(),
        );
        self.gold += golds.len();
        self.predicted += predicted.len();
        let mut outcomes = Vec::with_capacity(golds.len());
        for (&(_, sources), used) in golds.iter().zip(gold_used) {
            if !sources.is_empty() {
                self.with_source += 1;
            }
            let Some(pi) = used else {
                outcomes.push(Outcome::Missed);
                continue;
            };
            self.matched += 1;
            let right = (!sources.is_empty()).then(|| {
                predicted[pi]
                    .1
                    .is_some_and(|m| sources.iter().any(|&s| overlap(m, s) > 0))
            });
            self.matched_with_source += usize::from(right.is_some());
            self.speaker_right += usize::from(right == Some(true));
            outcomes.push(Outcome::Matched {
                predicted: pi,
                right,
            });
        }
        (outcomes, pred_used)
    }
}

/// The files of `dir` whose extension is `ext`, in name order (none when `dir` cannot be read).
pub fn sorted_files(dir: &std::path::Path, ext: &str) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}
