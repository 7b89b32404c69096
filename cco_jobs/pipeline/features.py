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
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

from spacy.attrs import NORM, ORTH
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from spacy.vocab import Vocab

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
    say more than its section ("responsibilities") about the lines of a sub-list."""
    return tuple(dict.fromkeys(f"hw={w}" for w in _HEADING_WORD.findall(heading.lower())))


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


class TokenInfo(NamedTuple):
    """What the classifier needs of one token, worked out once per distinct token."""

    kind: int                  #: :attr:`IndexedFeaturizer.WORD`, ``DIGIT``, ``MONEY``, ``PCT`` or ``OTHER``
    norm: str                  #: ``token.norm_``
    known: tuple[int, ...]     #: columns of its word features the model knows
    unknown: tuple[str, ...]   #: its word features the model does not know
    word_column: int           #: column of its ``w=`` feature, or -1
    prefix_column: int         #: column of its ``p=`` feature, or -1
    norm_key: int              #: hash of ``norm``
    usual_norm: bool           #: the norm is the word's own (not a tokenizer special case)
    is_stop: bool
    is_punct: bool
    length: int                #: characters


class IndexedFeaturizer:
    """:func:`line_features`, straight to the columns of a trained vocabulary.

    At run time the feature strings are only a way to columns of the weight matrix, and
    building, de-duplicating and looking up some 120 strings per line made the
    classifier a third of the batch time (issue 5). Here each distinct token is worked
    out once (a :class:`TokenInfo`, cached until the cache is full and starts afresh) and
    a line only unions those. The result
    is the same as looking up :func:`line_features` (a test checks it over the corpus):
    the known columns, and the number of distinct features, known or not, which the
    L2 normalisation divides by.
    """

    #: Distinct tokens (and word pairs) kept before the cache starts afresh: a long
    #: batch run meets new numbers, ids and names for ever, and memory must stay flat.
    #: A corpus of 13,000 lines has about that many distinct tokens; a full cache holds
    #: some 10 MB, and is reached within the first few thousand postings of a scrape.
    cache_limit = 20_000

    WORD, DIGIT, MONEY, PCT, OTHER = range(5)

    def __init__(self, vocab: dict[str, int], char_ngrams: bool) -> None:
        self.vocab = vocab
        self.char_ngrams = char_ngrams
        self._tokens: dict[int, TokenInfo] = {}
        self._pairs: dict[tuple[str, str], int | tuple[str, str]] = {}
        # every way a known word pair "b=left_right" splits at an underscore: a pair whose
        # words are not both here cannot be known, and needs no lookup
        self._pair_left: set[str] = set()
        self._pair_right: set[str] = set()
        for feature in vocab:
            if feature.startswith("b="):
                body = feature[2:]
                for at in (i for i, ch in enumerate(body) if ch == "_"):
                    self._pair_left.add(body[:at])
                    self._pair_right.add(body[at + 1:])

    def token_infos(self, doc: Doc) -> list[TokenInfo]:
        """The :class:`TokenInfo` of each token of ``doc``.

        Tokens are cached by their text; a token whose norm is not its word's usual one
        (a tokenizer special case such as "n't") is worked out afresh.
        """
        cache = self._tokens
        array = doc.to_array([ORTH, NORM])
        out = []
        for orth, norm in zip(array[:, 0].tolist(), array[:, 1].tolist()):
            info = cache.get(orth)
            if info is None or info.norm_key != norm:
                info = self._token_info(doc.vocab, orth, norm)
                if info.usual_norm:
                    if len(cache) >= self.cache_limit:
                        cache.clear()
                    cache[orth] = info
            out.append(info)
        return out

    def _token_info(self, vocab: "Vocab", orth: int, norm_key: int) -> TokenInfo:
        lex = vocab[orth]
        text = lex.orth_
        norm = vocab.strings[norm_key]
        known: tuple[int, ...] = ()
        unknown: tuple[str, ...] = ()
        if lex.is_alpha or "-" in text or "'" in text:
            kind = self.WORD
            feats = _word_features(norm, self.char_ngrams)
            known = tuple(self.vocab[f] for f in feats if f in self.vocab)
            unknown = tuple(f for f in feats if f not in self.vocab)
        else:
            kind = (self.DIGIT if lex.like_num else self.MONEY if lex.is_currency
                    else self.PCT if text == "%" else self.OTHER)
        return TokenInfo(
            kind, norm, known, unknown, self.vocab.get(f"w={norm}", -1),
            self.vocab.get(f"p={norm[:5]}", -1) if len(norm) > 5 else -1,
            norm_key, lex.norm == norm_key, lex.is_stop, lex.is_punct, len(text),
        )

    def pair_columns(self, norms: Sequence[str]) -> list[int | tuple[str, str]]:
        """For each pair of neighbours in ``norms``, the column of its ``b=`` feature, or
        the pair itself when the model does not know it.

        Unknown pairs stand for their feature strings (in the count of distinct features,
        two pairs are one feature only if they are the same pair, which differs from the
        strings only for words holding underscores, spelled to collide).
        """
        pairs = self._pairs
        left, right = self._pair_left, self._pair_right
        out: list[int | tuple[str, str]] = []
        for pair in zip(norms, norms[1:]):
            if pair[0] not in left or pair[1] not in right:
                out.append(pair)
                continue
            column = pairs.get(pair)
            if column is None:
                if len(pairs) >= self.cache_limit:
                    pairs.clear()
                column = pairs[pair] = self.vocab.get(f"b={pair[0]}_{pair[1]}", pair)
            out.append(column)
        return out

    def line(self, infos: Sequence[TokenInfo], section: str, *, is_heading: bool = False,
             is_bullet: bool = False, chrome: bool = False,
             cue_labels: Iterable[str] = (), heading: str | None = None) -> tuple[list[int], int]:
        """``(known columns, number of distinct features)`` of one line's tokens."""
        vocab = self.vocab
        known: set[int] = set()
        unknown: set[str | tuple[str, str]] = set()

        def add(feature: str) -> None:
            column = vocab.get(feature)
            if column is None:
                unknown.add(feature)
            else:
                known.add(column)

        add(f"sec={section}")
        add(f"len={_length_bucket(len(infos))}")
        if is_heading:
            add("heading")
        if is_bullet:
            add("bullet")
        if chrome:
            add("chrome")
        word_infos = [info for info in infos if info.kind == self.WORD]
        words = [info.norm for info in word_infos]
        kinds = {info.kind for info in infos}
        known.update(*[info.known for info in word_infos])
        unknown.update(*[info.unknown for info in word_infos])
        for column in self.pair_columns(words):
            if type(column) is int:
                known.add(column)
            else:
                unknown.add(column)
        if words:
            add(f"first={words[0]}")
            add(f"first|sec={words[0]}|{section}")
        if self.DIGIT in kinds:
            add("digit")
        if self.MONEY in kinds:
            add("money")
        if self.PCT in kinds:
            add("pct")
        if _YOU_WILL.intersection(words[:6]):
            add("you_will")
        for label in cue_labels:
            add(f"cue={label}")
            add(f"cue|sec={label}|{section}")
        if heading and not is_heading:
            for feature in heading_features(heading):
                add(feature)
        return list(known), len(known) + len(unknown)
