"""Matcher-style token patterns compiled to regular expressions over a line's words.

The signal ruler's patterns are written in spaCy's ``Matcher`` pattern language, but the
``Matcher`` itself evaluates every ``{"IN": [...]}`` set as a Python-level predicate on
every token, which made it the slowest step of the whole pipeline (9 ms of a 17 ms
posting, issue 5). The patterns here are the same data, run differently:

* each line is written once as a string of its tokens' lower-case forms, every token
  followed by a flag character (:data:`NUM` for ``LIKE_NUM``, :data:`ALPHA` for
  ``IS_ALPHA``) and a space;
* each pattern becomes one compiled regular expression per length it can match (each
  optional token kept or left out), tried only at the tokens it can start with (its
  *anchor*: a word of its first token's set, or any number-like token).

The result is what the ``Matcher`` gives: every ``(label, start, end)`` a pattern can
match, overlaps left to the caller (``filter_spans``). Tests check both give the same
spans over the corpus and over random lines of the patterns' own words. Only the part of the pattern
language the project uses is supported, and anything else is refused when the pattern
is added, not silently ignored: token keys ``LOWER``, ``ORTH`` (for characters that
have no case), ``LIKE_NUM`` and ``IS_ALPHA`` (``True``), values as a string or
``{"IN": [...]}``, and ``"OP": "?"``.
"""
from __future__ import annotations

import re
from itertools import accumulate
from typing import Any, Iterable, Mapping, Sequence

#: Flag characters written after a token's lower-case form: number-like, alphabetic.
NUM = "\x01"
ALPHA = "\x02"
_FLAGS = f"[{NUM}{ALPHA}]*"
_WORD = f"[^ {NUM}{ALPHA}]+"

Pattern = Sequence[Mapping[str, Any]]


class PatternError(ValueError):
    """A token pattern uses a part of the ``Matcher`` language that is not supported here."""


def encode_token(lower: str, like_num: bool, is_alpha: bool) -> str:
    """One token as it appears in a line string: its lower-case form, flags and a space."""
    word = "_".join(lower.split()) or "_"  # a token never holds a space in the string
    return f"{word}{NUM if like_num else ''}{ALPHA if is_alpha else ''} "


def _values(spec: Any, key: str) -> list[str]:
    if isinstance(spec, str):
        values = [spec]
    elif isinstance(spec, Mapping) and set(spec) == {"IN"}:
        values = list(spec["IN"])
    else:
        raise PatternError(f"{key}: only a string or {{'IN': [...]}} is supported, not {spec!r}")
    if key == "ORTH" and any(v != v.lower() or v != v.upper() for v in values):
        raise PatternError(f"ORTH values must be characters without case, not {values!r}")
    return [v.lower() for v in values]


def _token_regex(token: Mapping[str, Any]) -> str:
    keys = set(token) - {"OP"}
    if len(keys) != 1:
        raise PatternError(f"one attribute per token is supported, not {sorted(keys)}")
    key = keys.pop()
    if key in ("LOWER", "ORTH"):
        words = sorted(_values(token[key], key), key=len, reverse=True)
        body = "(?:" + "|".join(re.escape(w) for w in words) + ")" + _FLAGS
    elif key == "LIKE_NUM" and token[key] is True:
        body = f"{_WORD}{NUM}{ALPHA}?"
    elif key == "IS_ALPHA" and token[key] is True:
        body = f"{_WORD}{NUM}?{ALPHA}"
    else:
        raise PatternError(f"token attribute {key}={token[key]!r} is not supported")
    return f"{body} "


def _variants(pattern: Pattern) -> list[list[Mapping[str, Any]]]:
    """The pattern with each optional token either required or left out: one fixed-length
    pattern per length the ``Matcher`` can report at a start (empty ones dropped)."""
    variants: list[list[Mapping[str, Any]]] = [[]]
    for token in pattern:
        op = token.get("OP")
        if op not in (None, "?"):
            raise PatternError(f"operator {op!r} is not supported (only '?')")
        required = {k: v for k, v in token.items() if k != "OP"}
        _token_regex(required)  # refuse what cannot run before anything is added
        with_it = [variant + [required] for variant in variants]
        variants = with_it + variants if op == "?" else with_it
    if not pattern:
        raise PatternError("an empty pattern matches nothing")
    return [variant for variant in variants if variant]


def _anchors(variant: Sequence[Mapping[str, Any]]) -> list[str]:
    """The words (or :data:`NUM` for any number) a fixed-length pattern starts with."""
    first = variant[0]
    keys = set(first)
    if keys == {"LIKE_NUM"}:
        return [NUM]
    if keys & {"LOWER", "ORTH"}:
        key = (keys & {"LOWER", "ORTH"}).pop()
        return _values(first[key], key)
    raise PatternError(f"a pattern must start with a word list or LIKE_NUM, not {dict(first)!r}")


class TokenPatterns:
    """Labelled token patterns, matched line by line."""

    def __init__(self) -> None:
        self._by_anchor: dict[str, list[tuple[str, str]]] = {}  # anchor -> (label, regex source)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def add(self, label: str, patterns: Iterable[Pattern]) -> None:
        """Add patterns under ``label``; raises :class:`PatternError` for unsupported ones
        (before adding any of them). The regexes are compiled when first needed: a saved
        pipeline replaces its factory's patterns, and a cold start should not compile both."""
        entries = []
        for pattern in patterns:
            for variant in _variants(pattern):
                source = "".join(_token_regex(token) for token in variant)
                entries.extend((anchor, source) for anchor in _anchors(variant))
        for anchor, source in entries:
            bucket = self._by_anchor.setdefault(anchor, [])
            if (label, source) not in bucket:
                bucket.append((label, source))

    def anchored(self, token: str) -> tuple[tuple[str, "re.Pattern[str]"], ...]:
        """The ``(label, regex)`` patterns that can start at ``token`` (an encoded token)."""
        word = token.rstrip(f" {NUM}{ALPHA}")
        sources = self._by_anchor.get(word, [])
        if NUM in token:
            sources = sources + self._by_anchor.get(NUM, [])
        return tuple((label, self._regex(source)) for label, source in sources)

    def _regex(self, source: str) -> "re.Pattern[str]":
        regex = self._compiled.get(source)
        if regex is None:
            regex = self._compiled[source] = re.compile(source)
        return regex

    def match_line(self, tokens: Sequence[str],
                   anchored: Sequence[Sequence[tuple[str, "re.Pattern[str]"]]] | None = None,
                   ) -> list[tuple[str, int, int]]:
        """Matches ``(label, start, end)`` within one line, as token offsets in it.

        ``tokens`` are the line's tokens written by :func:`encode_token`; ``anchored``,
        if given, is :meth:`anchored` of each (callers that cache it save the work).
        """
        if anchored is None:
            anchored = [self.anchored(token) for token in tokens]
        if not any(anchored):
            return []
        text = "".join(tokens)
        starts = [0, *accumulate(len(t) for t in tokens)]
        index_of = {offset: i for i, offset in enumerate(starts)}
        found = []
        for i, candidates in enumerate(anchored):
            for label, regex in candidates:
                match = regex.match(text, starts[i])
                if match:
                    found.append((label, i, index_of[match.end()]))
        return list(dict.fromkeys(found))
