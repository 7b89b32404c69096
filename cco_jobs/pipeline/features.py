"""Features of one line for the linear line classifier.

The same function featurizes the training lines and the lines at run time, so training
and inference cannot drift apart. Features are strings; the classifier maps them to
columns with the vocabulary it was trained with and ignores unknown ones.

Besides the words, a line is described by what generalises past one writer's phrasing:
its section and shape (heading, bullet, length), its first word (the verb of a duty),
stems of its words (so "optimise", "optimize" and "optimisation" meet), and the domain
lexicon's cue labels (:mod:`cco_jobs.lexicon`), whose vocabulary comes from the source
documents rather than from the corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Span

from ..ingest.sections import role_facts_heading

_LENGTH_BUCKETS = ((3, "1-3"), (8, "4-8"), (20, "9-20"), (40, "21-40"))
_YOU_WILL = {"you", "will", "you'll", "'ll"}


def _length_bucket(n: int) -> str:
    for limit, name in _LENGTH_BUCKETS:
        if n <= limit:
            return name
    return "41+"


@lru_cache(maxsize=20_000)
def _word_features(norm: str, char_ngrams: bool) -> tuple[str, ...]:
    """A word's own features; cached, as postings repeat the same words over and over
    (bounded: each entry holds a dozen strings, and a scrape never runs out of new ids)."""
    feats = [f"w={norm}"]
    if len(norm) > 5:
        feats.append(f"p={norm[:5]}")
    if char_ngrams and len(norm) > 3:
        padded = f"<{norm}>"
        feats.extend(f"c={padded[i:i + 4]}" for i in range(len(padded) - 3))
    return tuple(feats)


_HEADING_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4_096)
def heading_features(heading: str) -> tuple[str, ...]:
    """The words of the heading a line sits under ("Contact centre operations"), which
    say more than its section ("responsibilities") about the lines of a sub-list, and
    ``heading=facts`` under a role profile's facts ("Dimensions", "Key relationships")."""
    words = dict.fromkeys(f"hw={w}" for w in _HEADING_WORD.findall(heading.lower()))
    if role_facts_heading(heading):
        words["heading=facts"] = None
    return tuple(words)


def line_features(
    span: Span,
    section: str,
    *,
    is_heading: bool = False,
    is_bullet: bool = False,
    chrome: bool = False,
    cue_labels: Iterable[str] = (),
    char_ngrams: bool = False,
    heading: str | None = None,
) -> list[str]:
    """Return the feature strings of one line (a ``Span`` of the posting ``Doc``).

    ``char_ngrams`` adds the character 4-grams of each word (with boundary marks), which
    carry typos, inflections and French spellings to the words the model knows;
    ``heading``, when given, adds the words of the line's heading (not for a heading).
    """
    feats = [f"sec={section}", f"len={_length_bucket(len(span))}"]
    if is_heading:
        feats.append("heading")
    if is_bullet:
        feats.append("bullet")
    if chrome:
        feats.append("chrome")
    words: list[str] = []
    has_digit = has_money = has_pct = False
    for token in span:
        if token.is_alpha or "-" in token.text or "'" in token.text:
            norm = token.norm_
            words.append(norm)
            feats.extend(_word_features(norm, char_ngrams))
        elif token.like_num:
            has_digit = True
        elif token.is_currency:
            has_money = True
        elif token.text == "%":
            has_pct = True
    for left, right in zip(words, words[1:]):
        feats.append(f"b={left}_{right}")
    if words:
        feats.append(f"first={words[0]}")
        feats.append(f"first|sec={words[0]}|{section}")
    if has_digit:
        feats.append("digit")
    if has_money:
        feats.append("money")
    if has_pct:
        feats.append("pct")
    if _YOU_WILL.intersection(words[:6]):
        feats.append("you_will")
    for label in cue_labels:
        feats.append(f"cue={label}")
        feats.append(f"cue|sec={label}|{section}")
    if heading and not is_heading:
        feats.extend(heading_features(heading))
    # binary features: repeated words count once
    return list(dict.fromkeys(feats))
