""":func:`~cco_jobs.pipeline.features.line_features`, straight to the columns of a trained
vocabulary, for every line of a posting at once.

At run time the feature strings are only a way to columns of the weight matrix, and
building, de-duplicating and looking up some 120 strings per line made the classifier
the largest part of the batch time (issue 5). Here each distinct token and each
distinct word (its ``norm``) is worked out once, into rows of growing NumPy tables, and
a posting's features are then a handful of array operations over its tokens: gather each
word's feature ids, look its word pairs up among the known pairs, drop repeats within a
line. The result is what looking up :func:`line_features` gives (a test checks it over
the corpus): each line's known columns, and its number of distinct features, known or
not, which the L2 normalisation divides by.
"""
from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

import numpy as np
from spacy.attrs import NORM, ORTH

from .features import _YOU_WILL, _length_bucket, _word_features, heading_features

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

WORD, DIGIT, MONEY, PCT, OTHER = range(5)
#: Bits of a word id in the key of a word pair, and the flag of an unknown pair's key.
_WORD_BITS = 22
_UNKNOWN_PAIR = 1 << (2 * _WORD_BITS)


def _unique_by_line(lines: np.ndarray, values: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``(line, value)`` pairs, sorted; ``lines`` never decreases and each
    value is under ``2 ** bits``."""
    if not len(lines) or int(lines[-1]) < 1 << (62 - bits):
        keys = np.sort((lines << bits) | values)  # a sort and a shift: np.unique hashes, 4x slower here
        if len(keys) > 1:
            keep = np.empty(len(keys), dtype=bool)
            keep[0] = True
            np.not_equal(keys[1:], keys[:-1], out=keep[1:])
            keys = keys[keep]
        return keys >> bits, keys & ((1 << bits) - 1)
    pairs = np.unique(np.stack([lines, values], axis=1), axis=0)  # a posting of 100,000+ lines
    return pairs[:, 0], pairs[:, 1]


class LineColumns(NamedTuple):
    """The known feature columns of a run of lines: ``columns`` holds each line's columns
    one line after another, ``lengths`` how many each line has, and ``counts`` each
    line's number of distinct features, known or not."""

    columns: np.ndarray
    lengths: np.ndarray
    counts: np.ndarray

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[Sequence[int], int]]) -> "LineColumns":
        """From ``(known columns, number of distinct features)`` per line."""
        lengths = np.fromiter((len(columns) for columns, _ in rows), dtype=np.intp, count=len(rows))
        columns = np.fromiter((c for known, _ in rows for c in known), dtype=np.intp,
                              count=int(lengths.sum()))
        counts = np.fromiter((count for _, count in rows), dtype=np.intp, count=len(rows))
        return cls(columns, lengths, counts)

    @classmethod
    def concat(cls, parts: Sequence["LineColumns"]) -> "LineColumns":
        if not parts:
            empty = np.zeros(0, dtype=np.intp)
            return cls(empty, empty, empty)
        return cls(*(np.concatenate(arrays) for arrays in zip(*parts)))

    def rows(self) -> list[tuple[list[int], int]]:
        """``(known columns, number of distinct features)`` per line."""
        ends = np.cumsum(self.lengths).tolist()
        columns = self.columns.tolist()
        starts = [0] + ends[:-1]
        return [(columns[a:b], count) for a, b, count in zip(starts, ends, self.counts.tolist())]

    def __len__(self) -> int:  # the number of lines
        return len(self.lengths)


class DocTokens(NamedTuple):
    """A posting's tokens as the featurizer read them, self-contained (the featurizer's
    tables may start afresh at the next posting): what the features and the classifier's
    cue words need of each token."""

    words: np.ndarray          #: row of each token's word (norm) in the word table
    kind: np.ndarray           #: WORD, DIGIT, MONEY, PCT or OTHER
    word_column: np.ndarray    #: column of its ``w=`` feature, -1 unknown
    prefix_column: np.ndarray  #: column of its ``p=`` feature, -1 unknown or none
    next_pair: np.ndarray      #: column of the pair it makes with the next token, -1 unknown
    is_stop: np.ndarray
    is_punct: np.ndarray
    length: np.ndarray         #: characters

    def __len__(self) -> int:
        return len(self.kind)


class _Growing:
    """A 1-d NumPy array that grows by doubling."""

    def __init__(self, dtype, fill=0) -> None:
        self.data = np.full(64, fill, dtype=dtype)
        self.fill = fill
        self.size = 0

    def append(self, values: Sequence) -> int:
        """Append ``values``; return where they start."""
        start, end = self.size, self.size + len(values)
        if end > len(self.data):
            grown = np.full(max(end, 2 * len(self.data)), self.fill, dtype=self.data.dtype)
            grown[:self.size] = self.data[:self.size]
            self.data = grown
        self.data[start:end] = values
        self.size = end
        return start

    @property
    def view(self) -> np.ndarray:
        return self.data[:self.size]


class IndexedFeaturizer:
    """The run-time featurizer for one trained vocabulary (see the module docstring)."""

    #: Distinct tokens kept before the tables start afresh: a long batch run meets new
    #: numbers, ids and names for ever, and memory must stay flat. A corpus of 13,000
    #: lines has about that many distinct tokens; the tables start afresh only between
    #: postings, so they hold at most this many plus one posting's.
    cache_limit = 20_000

    def __init__(self, vocab: dict[str, int], char_ngrams: bool) -> None:
        self.vocab = vocab
        self.char_ngrams = char_ngrams
        self.n_known = len(vocab)
        # every way a known word pair "b=left_right" splits at an underscore, as ids of
        # its two sides: a pair is known when (left, right) is among these keys
        sides: dict[str, int] = {}
        keys, columns = [], []
        side = sides.setdefault
        for feature, column in vocab.items():
            if not feature.startswith("b="):
                continue
            body = feature[2:]
            if body.count("_") == 1:  # nearly every pair: one split (a cold start builds 30,000)
                left, _, right = body.partition("_")
                keys.append((side(left, len(sides)) << _WORD_BITS) | side(right, len(sides)))
                columns.append(column)
                continue
            for at in (i for i, ch in enumerate(body) if ch == "_"):
                left_id = side(body[:at], len(sides))
                right_id = side(body[at + 1:], len(sides))
                keys.append((left_id << _WORD_BITS) | right_id)
                columns.append(column)
        order = np.argsort(np.asarray(keys, dtype=np.int64), kind="stable")
        self._pair_keys = np.asarray(keys, dtype=np.int64)[order]
        self._pair_columns = np.asarray(columns, dtype=np.int64)[order]
        self._sides = sides
        self._reset()

    def _reset(self) -> None:
        # tokens, by ORTH (and by (ORTH, NORM) for a tokenizer special case)
        self._tokens: dict[int | tuple[int, int], int] = {}
        self._token_norm_key = _Growing(np.uint64)
        self._token_word = _Growing(np.int64)
        self._token_kind = _Growing(np.int8)
        self._token_stop = _Growing(np.bool_)
        self._token_punct = _Growing(np.bool_)
        self._token_length = _Growing(np.int64)
        # words (norms): their feature ids, ragged, and what pairs, cues and first words need
        self._words: dict[str, int] = {}
        self._word_norms: list[str] = []
        self._feature_ids = _Growing(np.int64)
        self._feature_start = _Growing(np.int64)
        self._feature_count = _Growing(np.int64)
        self._word_column = _Growing(np.int64, -1)    # of its w= feature, -1 unknown
        self._prefix_column = _Growing(np.int64, -1)  # of its p= feature
        self._side = _Growing(np.int64, -1)           # its id as a side of a known pair
        self._you_will = _Growing(np.bool_)
        # ids of features the model does not know: distinct ids, past the known columns
        self._unknown: dict[str, int] = {}
        # per (word, section), the ids of "first=" and "first|sec="; per line-level key
        # (section, length, flags, cues, heading), the ids of the rest (_line_level_ids)
        self._first_sec: dict[tuple[int, str], tuple[int, int]] = {}
        self._line_level: dict[tuple, tuple[int, ...]] = {}

    # -- tables ----------------------------------------------------------------------
    def feature_id(self, feature: str) -> int:
        """The column of a known feature, else an id of its own past the known columns."""
        column = self.vocab.get(feature)
        if column is not None:
            return column
        unknown = self._unknown
        found = unknown.get(feature)
        if found is None:
            found = unknown[feature] = self.n_known + len(unknown)
        return found

    def _word(self, norm: str) -> int:
        row = self._words.get(norm)
        if row is not None:
            return row
        row = self._words[norm] = len(self._word_norms)
        self._word_norms.append(norm)
        ids = [self.feature_id(f) for f in _word_features(norm, self.char_ngrams)]
        self._feature_start.append([self._feature_ids.append(ids)])
        self._feature_count.append([len(ids)])
        vocab = self.vocab
        self._word_column.append([vocab.get(f"w={norm}", -1)])
        self._prefix_column.append([vocab.get(f"p={norm[:5]}", -1) if len(norm) > 5 else -1])
        self._side.append([self._sides.get(norm, -1)])
        self._you_will.append([norm in _YOU_WILL])
        return row

    def _token(self, vocab: "Vocab", orth: int, norm_key: int) -> int:
        lex = vocab[orth]
        text = lex.orth_
        if lex.is_alpha or "-" in text or "'" in text:
            kind = WORD
        else:
            kind = (DIGIT if lex.like_num else MONEY if lex.is_currency
                    else PCT if text == "%" else OTHER)
        row = self._token_kind.size
        self._tokens[orth if lex.norm == norm_key else (orth, norm_key)] = row
        self._token_norm_key.append([norm_key])
        self._token_word.append([self._word(vocab.strings[norm_key])])
        self._token_kind.append([kind])
        self._token_stop.append([lex.is_stop])
        self._token_punct.append([lex.is_punct])
        self._token_length.append([len(text)])
        return row

    def _row(self, vocab: "Vocab", orth: int, norm_key: int) -> int:
        """The row of a token, added if new."""
        row = self._tokens.get(orth)
        if row is not None and int(self._token_norm_key.data[row]) == norm_key:
            return row
        row = self._tokens.get((orth, norm_key))
        return self._token(vocab, orth, norm_key) if row is None else row

    def tokens(self, doc: "Doc") -> DocTokens:
        """What the features and cue words need of ``doc``'s tokens, adding the tokens
        and words not met before.

        Tokens are kept by their text; a token whose norm is not its word's usual one (a
        tokenizer special case such as "n't") is kept by its text and norm. The tables
        start afresh before a posting that would take them past :attr:`cache_limit`.
        """
        if (self._token_kind.size + len(doc) > self.cache_limit or len(self._unknown) > 40 * self.cache_limit
                or len(self._line_level) > self.cache_limit):
            self._reset()
        array = doc.to_array([ORTH, NORM])
        orths = array[:, 0].tolist()
        ids = np.array(list(map(self._tokens.get, orths, repeat(-1, len(orths)))), dtype=np.int64)
        norm_keys = array[:, 1]
        redo = ids < 0
        seen = ~redo
        redo[seen] = self._token_norm_key.data[ids[seen]] != norm_keys[seen]
        if redo.any():
            vocab = doc.vocab
            for i in np.flatnonzero(redo).tolist():
                ids[i] = self._row(vocab, orths[i], int(norm_keys[i]))
        words = self._token_word.data[ids]
        return DocTokens(
            words, self._token_kind.data[ids], self._word_column.data[words],
            self._prefix_column.data[words], np.append(self.pair_columns(words[:-1], words[1:]), -1)
            if len(words) else words, self._token_stop.data[ids], self._token_punct.data[ids],
            self._token_length.data[ids],
        )

    # -- features --------------------------------------------------------------------
    def _line_level_ids(self, section: str, length: str, is_heading: bool, is_bullet: bool, digit: bool,
                        money: bool, pct: bool, you_will: bool, cue_labels: tuple[str, ...],
                        heading: str | None) -> tuple[int, ...]:
        """The distinct ids of a line's features as a whole, but its first word's."""
        own = [f"sec={section}", f"len={length}"]
        for present, name in ((is_heading, "heading"), (is_bullet, "bullet"), (digit, "digit"),
                              (money, "money"), (pct, "pct"), (you_will, "you_will")):
            if present:
                own.append(name)
        for label in cue_labels:
            own.append(f"cue={label}")
            own.append(f"cue|sec={label}|{section}")
        if heading:
            own.extend(heading_features(heading))
        return tuple(dict.fromkeys(map(self.feature_id, own)))

    def pair_columns(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """For pairs of words (rows of the word table), the column of their ``b=``
        feature, or -1 when the model does not know it."""
        left_side = self._side.data[left]
        right_side = self._side.data[right]
        out = np.full(len(left_side), -1, dtype=np.int64)
        both = np.flatnonzero((left_side >= 0) & (right_side >= 0))  # only these can be known
        if len(both) and len(self._pair_keys):
            keys = (left_side[both] << _WORD_BITS) | right_side[both]
            at = np.minimum(np.searchsorted(self._pair_keys, keys), len(self._pair_keys) - 1)
            hit = self._pair_keys[at] == keys
            out[both[hit]] = self._pair_columns[at[hit]]
        return out

    def columns(self, tokens: DocTokens, bounds: Sequence[tuple[int, int]], sections: Sequence[str], *,
                is_heading: Sequence[bool], is_bullet: Sequence[bool], skip: Sequence[bool],
                cue_labels: Sequence[Iterable[str]], headings: Sequence[str | None]) -> LineColumns:
        """The :class:`LineColumns` of a posting's lines (token ``bounds``); lines where
        ``skip`` is true (page chrome) get none."""
        n_lines = len(bounds)
        starts = np.fromiter((0 if s else b[0] for b, s in zip(bounds, skip)), dtype=np.int64, count=n_lines)
        ends = np.fromiter((0 if s else b[1] for b, s in zip(bounds, skip)), dtype=np.int64, count=n_lines)
        sizes = ends - starts
        # each token of a line, with its line
        line_of = np.repeat(np.arange(n_lines, dtype=np.int64), sizes)
        at = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes - starts, sizes)
        kind = tokens.kind[at]
        is_word = kind == WORD
        words = tokens.words[at][is_word]
        word_line = line_of[is_word]

        # the words' own features (w=, p=, c=), repeats within a line dropped
        count = self._feature_count.data[words]
        first_feature = self._feature_start.data[words]
        flat = np.repeat(first_feature - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
        word_lines, word_ids = _unique_by_line(np.repeat(word_line, count), self._feature_ids.data[flat], 32)
        # word pairs: neighbouring words of a line (across the punctuation between them)
        same = word_line[1:] == word_line[:-1]
        left, right, pair_line = words[:-1][same], words[1:][same], word_line[1:][same]
        known_pair = self.pair_columns(left, right)
        pair_lines, pair_ids = _unique_by_line(pair_line, np.where(
            known_pair >= 0, known_pair, _UNKNOWN_PAIR | (left << _WORD_BITS) | right), 2 * _WORD_BITS + 1)

        # the features of a line as a whole
        first_of_line = np.ones(len(words), dtype=bool)
        first_of_line[1:] = ~same
        first_index = np.flatnonzero(first_of_line)
        first_word = dict(zip(word_line[first_index].tolist(), words[first_index].tolist()))
        rank = np.arange(len(words)) - np.repeat(first_index, np.diff(np.append(first_index, len(words))))
        you_will = set(word_line[(rank < 6) & self._you_will.data[words]].tolist())
        has_kind = {k: set(line_of[kind == k].tolist()) for k in (DIGIT, MONEY, PCT)}
        first_sec, own_ids_of = self._first_sec, self._line_level
        digit, money, pct = has_kind[DIGIT], has_kind[MONEY], has_kind[PCT]
        line_ids: list[int] = []
        line_features: list[int] = []
        for i in range(n_lines):
            if skip[i]:
                continue
            section = sections[i]
            heading = headings[i] if not is_heading[i] else None
            key = (section, _length_bucket(int(sizes[i])), is_heading[i], is_bullet[i], i in digit,
                   i in money, i in pct, i in you_will, tuple(cue_labels[i]), heading or None)
            ids = own_ids_of.get(key)
            if ids is None:
                ids = own_ids_of[key] = self._line_level_ids(*key)
            word = first_word.get(i)
            if word is not None:
                both = first_sec.get((word, section))
                if both is None:
                    norm = self._word_norms[word]
                    both = first_sec[(word, section)] = (self.feature_id(f"first={norm}"),
                                                         self.feature_id(f"first|sec={norm}|{section}"))
                ids = ids + both
            line_ids.extend([i] * len(ids))
            line_features.extend(ids)

        # all of them, by line: known columns sorted by line, and the number of features
        own_lines = np.asarray(line_ids, dtype=np.int64)
        own_ids = np.asarray(line_features, dtype=np.int64)
        lines = np.concatenate([word_lines, pair_lines, own_lines])
        ids = np.concatenate([word_ids, np.where(pair_ids < _UNKNOWN_PAIR, pair_ids, -1), own_ids])
        known = (ids >= 0) & (ids < self.n_known)
        order = np.argsort(lines[known], kind="stable")
        known_lines = lines[known][order]
        return LineColumns(
            ids[known][order].astype(np.intp),
            np.bincount(known_lines, minlength=n_lines).astype(np.intp),
            np.bincount(lines, minlength=n_lines).astype(np.intp),
        )
