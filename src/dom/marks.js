// Wrapping pieces of one text node in <mark>s, and joining them back, in time linear in its length.
//
// Marking quotation after quotation with splitText copies the rest of the node's text on every split
// (and restoring with appendData copies it again on every join): quadratic in a huge node with many
// quotations. Here a node is cut once at all its offsets: the original keeps the text before the
// first cut (the page's own node survives, with its listeners), the other pieces are new text nodes
// placed after it with one DocumentFragment, and restore joins them with one appendData.

/// Cuts `node` at the UTF-16 offsets `cuts` (ascending, inside the text) and wraps each piece in
/// shallow clones of `templates`: `which` holds, piece after piece, a count n and n template
/// indices, innermost first. Returns the pieces (the original node first). The wrappers and the cut
/// are recorded in `changes` (runs.js, verbatim_changes) for restore, and the first wrapper made of
/// each template stands at its index in `firsts`.
export function verbatim_mark_node(node, cuts, which, templates, changes, firsts) {
  const data = node.data;
  const doc = node.ownerDocument;
  const pieces = [node];
  for (let i = 0; i < cuts.length; i++) {
    pieces.push(doc.createTextNode(data.slice(cuts[i], i + 1 < cuts.length ? cuts[i + 1] : data.length)));
  }
  if (cuts.length > 0) node.deleteData(cuts[0], data.length - cuts[0]);
  let k = 0;
  // the piece wrapped in its wrappers, innermost first; returns the outermost (in place for the
  // original node, which stands in the document)
  const wrap = (piece) => {
    let outer = piece;
    for (let n = which[k++]; n > 0; n--) {
      const item = which[k++];
      const wrapper = templates[item].cloneNode(false);
      changes.marks.push(wrapper);
      if (firsts[item] === undefined) firsts[item] = wrapper;
      if (piece === node) outer.parentNode.insertBefore(wrapper, outer);
      wrapper.appendChild(outer);
      outer = wrapper;
    }
    return outer;
  };
  const last = wrap(node);
  if (pieces.length > 1) {
    const rest = doc.createDocumentFragment();
    for (let i = 1; i < pieces.length; i++) rest.appendChild(wrap(pieces[i]));
    last.parentNode.insertBefore(rest, last.nextSibling);
    changes.splits.push([node, pieces.slice(1)]);
  }
  return pieces;
}

/// The mark every piece of a quotation is a shallow copy of, pushed onto `templates`. Its label:
/// the document's words (`changes.labels`, runs.js) for a scare quote and for a quotation without
/// a speaker, else the speaker, and the cue after a middle dot when there is one.
export function verbatim_template(templates, doc, changes, cls, id, kind, speaker, cue) {
  const labels = changes.labels;
  const label =
    kind === "scare" ? labels.scare : speaker === "" ? labels.unknown : cue === "" ? speaker : speaker + " · " + cue;
  const mark = doc.createElement("mark");
  mark.setAttribute("class", cls);
  mark.setAttribute("data-verbatim-quote", id);
  mark.setAttribute("data-verbatim-kind", kind);
  mark.setAttribute("data-verbatim-speaker", speaker);
  mark.setAttribute("data-verbatim-label", label);
  templates.push(mark);
}

/// The span every piece of a speaker's mention is a shallow copy of, pushed onto `templates`.
export function verbatim_mention(templates, doc, name) {
  const span = doc.createElement("span");
  span.setAttribute("class", "verbatim-who");
  span.setAttribute("data-verbatim-mention", name);
  templates.push(span);
}
