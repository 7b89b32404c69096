"""Properties over arbitrary input: ingestion raises nothing but PostingInputError, and
every word of the visible input comes out in some line (list markers and markup aside)."""
from __future__ import annotations

import html
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cco_jobs.errors import PostingInputError
from cco_jobs.ingest import parse_text, read_posting
from cco_jobs.ingest.blocks import split_bullet
from cco_jobs.ingest.normalise import clean_line, normalise_document, unescape_entities

WORD = re.compile(r"[^\W_]+")
SETTINGS = settings(max_examples=int(os.environ.get("INGEST_EXAMPLES", "200")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def output_of(call):
    """The posting's text with all white space removed, or None when the input was refused."""
    try:
        posting = call()
    except PostingInputError:
        return None
    for line in posting.lines:
        assert line.text == line.text.strip() and line.text and "\n" not in line.text
    assert [line.n for line in posting.lines] == list(range(1, len(posting.lines) + 1))
    return re.sub(r"\s+", "", posting.text)


def text_words(text: str) -> list[str]:
    """Visible words of plain text: entities decoded, list markers (syntax) left out."""
    words = []
    for row in normalise_document(text).split("\n"):
        body = split_bullet(clean_line(row))[0]
        words += WORD.findall(clean_line(unescape_entities(body)))
    return words


# Text with the characters postings and scrapes are made of, plus anything at all.
posting_chars = st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    list("  \n\n\t-*•·▪–1.)#|:&;_~`[]()<>!?\u00a0\u200b\ufeff\r") + ["**", "&amp;", "1. ", "- ", "\n---\n"]
)
posting_text = st.lists(posting_chars, max_size=120).map("".join) | st.text()


@SETTINGS
@given(posting_text)
def test_plain_text_never_raises_and_never_loses_words(text):
    out = output_of(lambda: parse_text(text, format="text"))
    if out is not None:
        for word in text_words(text):
            assert word in out, (word, text)


@SETTINGS
@given(posting_text)
def test_read_posting_on_strings_only_raises_posting_input_error(text):
    output_of(lambda: read_posting(text))


@SETTINGS
@given(st.binary(max_size=300))
def test_read_posting_on_bytes_only_raises_posting_input_error(data):
    output_of(lambda: read_posting(data))


# --- HTML fragments: small random trees of tags with text -------------------------------

BLOCK = ["div", "p", "section", "article", "main", "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "dl", "dt",
         "dd", "header", "footer", "nav", "aside", "pre", "td"]
INLINE = ["span", "b", "strong", "em", "i", "a", "u", "small", "code", "br"]
HIDDEN = ["script", "style", "noscript", "template"]
ATTRS = ["", ' class="cookie-banner"', ' id="job-description"', ' role="navigation"', ' class="share"']
words = st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=10)
fragments = st.lists(words | st.sampled_from([" ", ". ", ", ", " - ", ":", "&", "<", "•", "1. ", "\n"]),
                     min_size=1, max_size=6).map("".join)


def node(children):
    return st.tuples(st.sampled_from(BLOCK + INLINE + HIDDEN + ["table"]), st.sampled_from(ATTRS), children)


trees = st.recursive(fragments, lambda children: node(st.lists(children, max_size=4)), max_leaves=25)


def render(tree) -> tuple[str, list[str]]:
    """The tree as HTML, and the texts a browser would show."""
    if isinstance(tree, str):
        return html.escape(tree, quote=False), [tree]
    tag, attrs, children = tree
    parts = [render(child) for child in children]
    inner = "".join(markup for markup, _ in parts)
    shown = [] if tag in HIDDEN else [text for _, texts in parts for text in texts]
    if tag == "br":
        return "<br>" + inner, shown
    if tag == "table":
        return f"<table{attrs}><tr><td>{inner}</td><td>cell</td></tr></table>", shown + ["cell"]
    return f"<{tag}{attrs}>{inner}</{tag}>", shown


def is_marker_word(word: str) -> bool:
    """A list number or letter ("1." "a)") may be read as a bullet marker and dropped."""
    return len(word) <= 2 and (word.isdigit() or len(word) == 1)


@SETTINGS
@given(st.lists(trees, min_size=1, max_size=4))
def test_html_fragments_never_raise_and_never_lose_visible_words(forest):
    rendered = [render(tree) for tree in forest]
    page = "<html><body>" + "".join(markup for markup, _ in rendered) + "</body></html>"
    out = output_of(lambda: parse_text(page, format="html"))
    if out is None:
        return
    for text in (t for _, texts in rendered for t in texts):
        for word in WORD.findall(clean_line(normalise_document(text, html_markup=True))):
            assert word in out or is_marker_word(word), (word, page)


@SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_text_as_html_only_raises_posting_input_error(text):
    output_of(lambda: parse_text(text, format="html"))
