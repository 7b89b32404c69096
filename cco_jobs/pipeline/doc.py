"""Turn a :class:`~cco_jobs.posting.Posting` into one spaCy ``Doc`` with a span per line.

The lines are joined with single spaces and inner white space is collapsed first: spaCy's
tokenizer stops using its cache after a special case such as ``\\n`` (spaCy issue #13950,
see ``shared/design/TARGETS.md``), so collapsed text tokenizes about three times faster.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..posting import Posting

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, SpanGroup

#: ``doc.spans`` key of the line spans; each span's label is the line's section.
LINES_KEY = "lines"
#: ``doc.user_data`` key of the posting's title.
TITLE_KEY = "cco_title"


def posting_doc(nlp: "Language", posting: Posting) -> "Doc":
    """Tokenize ``posting`` into one ``Doc`` whose ``doc.spans["lines"]`` holds its lines.

    The span group's ``attrs`` carry per-line lists: ``n``, ``is_heading``,
    ``is_bullet``, ``chrome``, ``section`` (each span's label, readable without making
    the ``Span``), ``heading`` (the text of the heading the line sits under,
    ``""`` for none) and ``bounds`` (each line's token ``(start, end)``, which
    the components read instead of making a ``Span`` object per line, see
    :func:`line_bounds`). A line whose text is only white space gets no span
    (ingestion never produces one).
    """
    texts = [" ".join(line.text.split()) for line in posting.lines]
    doc = nlp.make_doc(" ".join(texts))
    spans = []
    attrs: dict[str, list] = {"n": [], "is_heading": [], "is_bullet": [], "chrome": [], "bounds": [],
                              "section": [], "heading": []}
    offset = 0
    for line, text in zip(posting.lines, texts):
        if text:
            span = doc.char_span(offset, offset + len(text), label=line.section)
            if span is None:  # cannot happen when lines are space-joined; keep a guard
                span = doc.char_span(offset, offset + len(text), label=line.section,
                                     alignment_mode="expand")
            spans.append(span)
            attrs["bounds"].append((span.start, span.end))
            attrs["n"].append(line.n)
            attrs["is_heading"].append(line.is_heading)
            attrs["is_bullet"].append(line.is_bullet)
            attrs["chrome"].append(line.chrome)
            attrs["section"].append(line.section)
            attrs["heading"].append(line.heading or "")
        offset += len(text) + 1
    doc.user_data[TITLE_KEY] = posting.title
    doc.spans[LINES_KEY] = spans
    doc.spans[LINES_KEY].attrs.update(attrs)
    return doc


def line_bounds(doc: "Doc", key: str = LINES_KEY) -> list[tuple[int, int]]:
    """The token ``(start, end)`` of each line of ``doc`` (of the whole doc if it has no lines).

    Read from the lines' ``attrs`` when :func:`posting_doc` stored them: a ``Span``
    object per line per component added up to a tenth of a posting's time (issue 5).
    """
    if key not in doc.spans:
        return [(0, len(doc))]
    lines = doc.spans[key]
    bounds = lines.attrs.get("bounds")
    if bounds is None or len(bounds) != len(lines):
        bounds = [(span.start, span.end) for span in lines]
    return [tuple(b) for b in bounds]


def span_labels(group: "SpanGroup", attr: str) -> list[str]:
    """The label of each span of ``group``, from its ``attrs[attr]`` when the component
    that made the group stored them there (a ``Span`` object per line per reader cost a
    twentieth of a posting's time, issue 5), else from the spans."""
    labels = group.attrs.get(attr)
    if labels is None or len(labels) != len(group):
        return [span.label_ for span in group]
    return list(labels)
