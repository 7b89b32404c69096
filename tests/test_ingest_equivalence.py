"""The fast forms of ingestion's hot paths give exactly what their plain forms give.

Several tests that run on every line or every page are written for speed rather than
for reading (see the comments in :mod:`cco_jobs.ingest.split`, ``normalise``, ``chrome``
and ``structured``). Each test here compares one with its plain form, kept below as
the reference, over many random strings of the characters that matter to it.
"""
from __future__ import annotations

import random
import re
import unicodedata

import pytest

from cco_jobs.ingest import chrome, split, structured
from cco_jobs.ingest.html import parse_html
from cco_jobs.ingest.normalise import _LINE_TABLE, clean_line, normalise_document

# The characters the split patterns turn on, a few that are near misses, and words.
SPLIT_ALPHABET = [*"aZbYkéÀÞþÝßxQ049٣_ .!?…:\"”’')]([•●▪◦‣■►➢➤✓✔$£€-–—\t\n,;+",
                  "Ω", "ω", "ǅ", "years", " weeks", "401(k)", "Lead", "Manage", "The"]

PLAIN_SPLIT_PATTERNS = {
    "_ANY_GLUE": re.compile(
        r"[.!?…][\"”’')\]]*[^\W\d_]|:\S|[•●▪◦‣■►➢➤✓✔]|\s[-–—]\s|[^\W\d_A-Z](?=[A-Z0-9$£€])"
        r"|[)?’'](?=[A-Z0-9$£€])|[0-9A-Z](?=[A-Z][a-z])|[$£€]|(?<=[^\W\d_])[-–](?=\s[A-ZÀ-Þ])"
    ),
    "_RUN_HINT": re.compile(r"[•●▪◦‣■►➢➤✓✔]|\s[-–—]\s"),
    "_GLUE_HINT": re.compile(r"[a-z](?=[A-Z0-9])|[A-Z0-9)](?=[A-Z][a-z])|[$£€]"),
}
PLAIN_HEADING_GLUE = re.compile(r"(?<=[^\W\d_A-ZÀ-Þ)?’']|[)?’'])(?=[A-Z0-9$£€])")
PLAIN_GLUE = re.compile(
    r"(?<![\w'’])([^\W\d_]+?)((?:([A-Z][a-z]+)(?![^\W\d_]))|[$£€]\d|\d{1,3}\+?\s(?:years?|weeks?|days?"
    r"|months?|hours?)\b|401\(k\))"
)


def random_strings(alphabet: list[str], count: int, seed: int, longest: int = 9):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))


@pytest.mark.parametrize("name", sorted(PLAIN_SPLIT_PATTERNS))
def test_split_gates_find_what_their_plain_forms_find(name):
    fast, plain = getattr(split, name), PLAIN_SPLIT_PATTERNS[name]
    for text in random_strings(SPLIT_ALPHABET, 60_000, seed=1):
        assert bool(fast.search(text)) == bool(plain.search(text)), text


def test_heading_glue_finds_the_same_boundaries():
    for text in random_strings(SPLIT_ALPHABET, 30_000, seed=2):
        for start, end in ((0, 61), (2, 61), (2, 5), (1, 3)):
            fast = [m.start() for m in split._HEADING_GLUE.finditer(text, start, end)]
            assert fast == [m.start() for m in PLAIN_HEADING_GLUE.finditer(text, start, end)], text


def test_glue_finds_the_same_matches_and_groups():
    for text in random_strings(SPLIT_ALPHABET, 60_000, seed=3):
        fast = [(m.span(), m.groups()) for m in split._GLUE.finditer(text)]
        assert fast == [(m.span(), m.groups()) for m in PLAIN_GLUE.finditer(text)], text


def plain_clean_line(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_LINE_TABLE))
    return " ".join(text.split())


def test_clean_line_matches_its_plain_form():
    alphabet = [*"ab Z.\t\n\r\x0b\x0c\x1c\x1f\x85é’", *_LINE_TABLE.keys()]
    alphabet = [c if isinstance(c, str) else chr(c) for c in alphabet]
    alphabet += ["e\u0301", "\u0301", "\u2028", "\u2000", "\u1fbd", "\ufb01", "\U0001f600", "\u0344"]
    for text in random_strings(alphabet, 100_000, seed=4, longest=7):
        assert clean_line(text) == plain_clean_line(text), repr(text)


def test_normalise_document_drops_every_junk_character():
    junk = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")
    alphabet = ["a", " ", "\n", "\x00", "\x1f", "\x7f", "\x9f", "é", "\ud800", "\ufdd0", "\uffff",
                "\U0001fffe", "\U0001ffff", "\U0010fffe", "\U0010ffff", "\U0001f600"]
    for text in random_strings(alphabet, 30_000, seed=5):
        assert normalise_document(text, html_markup=True) == junk.sub("", text), repr(text)


def test_job_posting_gate_is_case_insensitive_job_posting():
    """At each of the ten positions, the fast pattern accepts exactly the characters that
    re.IGNORECASE accepts there (every character of the Basic Multilingual Plane tried)."""
    plain = re.compile("JobPosting", re.IGNORECASE)
    word = "JobPosting"
    characters = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF]
    for i in range(len(word)):
        fast = {c for c in characters if structured._MAY_HAVE_JOB_POSTING.fullmatch(word[:i] + c + word[i + 1:])}
        slow = {c for c in characters if plain.fullmatch(word[:i] + c + word[i + 1:])}
        assert fast == slow and word[i] in fast and word[i].swapcase() in fast, (i, sorted(fast ^ slow))
    assert structured._MAY_HAVE_JOB_POSTING.search('{"@type": "JobPoſtıng"}')
    assert not structured._MAY_HAVE_JOB_POSTING.search("Job Posting")


def test_text_size_counts_what_itertext_yields():
    page = ("<html><head><title>T</title><script>var x = 1;</script></head><body><!-- note -->"
            "<main><h1>Chief Customer Officer</h1><p>Lead <b>the</b> team &amp; more\u00a0&#x1F600;</p>"
            "<?pi x?><ul><li>One</li><li>Two<br>three</li></ul></main><footer>f</footer>tail</body></html>")
    root = parse_html(page)
    for element in root.iter():
        if isinstance(element.tag, str):
            assert chrome._text_size(element) == sum(map(len, element.itertext()))
