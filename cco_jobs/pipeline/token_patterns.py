"""Matcher-style token patterns compiled to regular expressions over a line's words.

The signal ruler's patterns are written in spaCy's ``Matcher`` pattern language, but the
``Matcher`` itself evaluates every ``{"IN": [...]}`` set as a Python-level predicate on
every token, which made it the slowest step of the whole pipeline (9 ms of a 17 ms
posting, issue 5). The patterns here are the same data, run differently:

* each line is written once as a string of its tokens' lower-case forms, every token
  followed by a flag character (:data:`NUM` for ``LIKE_NUM``, :data:`ALPHA` for
  ``IS_ALPHA``) and a space;
* each pattern becomes one compiled regular expression over that string, and is tried
  only at the tokens it can start with (its *anchor*: a word of its first token's set,
  or any number-like token).

The result is what the ``Matcher`` gives for these patterns: at each start, the longest
match (greedy optional tokens), with overlaps left to the caller (``filter_spans``). A
test checks both give the same spans over the corpus. Only the part of the pattern
language the project uses is supported, and anything else is refused when the pattern
is added, not silently ignored: token keys ``LOWER``, ``ORTH`` (for characters that
have no case), ``LIKE_NUM`` and ``IS_ALPHA`` (``True``), values as a string or
``{"IN": [...]}``, and ``"OP": "?"``.
"""
from __future__ import annotations

import re
from itertools import accumulate
from typing import Any, Iterable, Iterator, Mapping, Sequence

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
    op = token.get("OP")
    if op is None:
        return f"{body} "
    if op == "?":
        return f"(?:{body} )?"
    raise PatternError(f"operator {op!r} is not supported (only '?')")


def _anchors(pattern: Pattern) -> Iterator[tuple[str, Pattern]]:
    """``(anchor, pattern)``: the words a match starts with; an optional first token gives
    both the pattern with it required and the pattern without it."""
    if not pattern:
        raise PatternError("an empty pattern matches nothing")
    first, rest = pattern[0], list(pattern[1:])
    if first.get("OP") == "?":
        required = {k: v for k, v in first.items() if k != "OP"}
        yield from _anchors([required] + rest)
        if rest:
            yield from _anchors(rest)
        return
    keys = set(first) - {"OP"}
    if keys == {"LIKE_NUM"}:
        yield NUM, pattern
    elif keys & {"LOWER", "ORTH"}:
        key = (keys & {"LOWER", "ORTH"}).pop()
        for word in _values(first[key], key):
            yield word, pattern
    else:
        raise PatternError(f"a pattern must start with a word list or LIKE_NUM, not {dict(first)!r}")


class TokenPatterns:
    """Labelled token patterns, matched line by line."""

    def __init__(self) -> None:
        self._by_anchor: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}

    def add(self, label: str, patterns: Iterable[Pattern]) -> None:
        """Add patterns under ``label``; raises :class:`PatternError` for unsupported ones."""
        for pattern in patterns:
            for anchor, variant in _anchors(pattern):
                source = "".join(_token_regex(token) for token in variant)
                regex = self._compiled.setdefault(source, re.compile(source))
                entry = (label, regex)
                bucket = self._by_anchor.setdefault(anchor, [])
                if entry not in bucket:
                    bucket.append(entry)

    def anchored(self, token: str) -> tuple[tuple[str, "re.Pattern[str]"], ...]:
        """The ``(label, regex)`` patterns that can start at ``token`` (an encoded token)."""
        word = token.rstrip(f" {NUM}{ALPHA}")
        candidates = tuple(self._by_anchor.get(word, ()))
        if NUM in token:
            candidates += tuple(self._by_anchor.get(NUM, ()))
        return candidates

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
                if match and match.end() > starts[i]:
                    found.append((label, i, index_of[match.end()]))
        return found
