"""The words that carry a line's label: the classifier's explanation of itself.

A line's cue words are the lexicon matches the model agrees support its label, then the
words with the most evidence for it: the centred weights of their word and stem features,
plus half the weight of each word pair they are part of (DOMAIN.md: the annotated output
shows "the words that carry the label"). :class:`CueWords` is the part of
:class:`~cco_jobs.pipeline.line_classifier.LineClassifier` that works them out; it reads
the classifier's ``featurizer``, ``labels``, ``max_cues``, ``cues_key`` and the centred
weights it keeps for evidence (``_evidence_columns``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Sequence

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from .indexed import DocTokens, IndexedFeaturizer


class CueWords:
    """Cue words and token evidence, for a classifier with the attributes named above."""

    featurizer: "IndexedFeaturizer"
    labels: tuple[str, ...]
    max_cues: int
    cues_key: str
    _evidence_columns: np.ndarray

    def _doc_evidence(self, doc: Doc, tokens: "DocTokens",
                      bounds: Sequence[tuple[int, int]]) -> "_Evidence":
        """Evidence for every label of the tokens of the lines given by ``bounds``: the
        centred weights of each token's word and stem features, plus half the weight of
        each word pair it is part of inside its line (a pair's weight is shared by its
        two words). Tokens outside those lines read 0; set_annotations passes only the
        lines that get cue words, which is about half the posting (issue 5)."""
        n = len(tokens)
        starts = np.fromiter((b[0] for b in bounds), dtype=np.intp, count=len(bounds))
        ends = np.fromiter((b[1] for b in bounds), dtype=np.intp, count=len(bounds))
        # which tokens are inside the lines, and which start a pair inside one
        edge = np.zeros(n + 1, dtype=np.int64)
        edge[starts] += 1
        edge[ends] -= 1
        inside = np.cumsum(edge[:n]) > 0
        pair_inside = inside.copy()
        pair_inside[ends[ends > 0] - 1] = False
        unknown = np.int64(-1)  # index -1 reads the zero column
        word = np.where(inside, tokens.word_column, unknown)
        prefix = np.where(inside, tokens.prefix_column, unknown)
        pair = np.where(pair_inside, tokens.next_pair, unknown)
        columns = self._evidence_columns  # (labels, features + 1)
        halves = columns[:, pair] / 2
        evidence = columns[:, word] + columns[:, prefix]
        evidence[:, :-1] += halves[:, :-1]
        evidence[:, 1:] += halves[:, :-1]
        return _Evidence(evidence, tokens, doc.to_array(IDX).tolist())

    def token_evidence(self, span: Span, label: str) -> np.ndarray:
        """Evidence of each token of ``span`` for ``label`` (centred weights of its features).

        A word-pair feature's weight is shared between its two words."""
        evidence = self._doc_evidence(span.doc, self.featurizer.tokens(span.doc),
                                      [(span.start, span.end)])
        return evidence.array[self.labels.index(label), span.start:span.end]

    def cue_offsets(self, span: Span, label: str, second: str = "") -> list[tuple[int, int, str]]:
        """Character offsets (within the line) of the words that carry ``label`` and ``second``.

        Lexicon matches of the label come first when the model agrees they support it,
        then the words with the most evidence (at least half the best word's). Context
        lines get none: what they are needs no highlighting.
        """
        if label == "context":
            return []
        doc = span.doc
        cues = cues_per_line(doc, [(span.start, span.end)], self.cues_key)[0]
        evidence = self._doc_evidence(doc, self.featurizer.tokens(doc), [(span.start, span.end)])
        return self._cue_offsets(span.start, span.end, label, second, cues, evidence)

    def _cue_offsets(self, start: int, end: int, label: str, second: str,
                     cues: list[tuple[int, int, str]], evidence: "_Evidence") -> list[tuple[int, int, str]]:
        found: list[tuple[float, int, int, str]] = []
        is_stop, is_punct = evidence.tokens.is_stop, evidence.tokens.is_punct
        for lab in filter(None, (label, second)):
            k = self.labels.index(lab)
            line = evidence.array[k, start:end].tolist()
            for cue_start, cue_end, cue_label in cues:
                if cue_label == lab:
                    weight = float(evidence.array[k, cue_start:cue_end].sum())
                    if weight > 0:
                        found.append((weight + 1.0, cue_start, cue_end, lab))
            top = max(line)
            if top > 0:
                for i in np.argsort(-evidence.array[k, start:end])[: self.max_cues].tolist():
                    if line[i] >= 0.5 * top and not is_stop[start + i] and not is_punct[start + i]:
                        found.append((line[i], start + i, start + i + 1, lab))
        chosen: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        for _, cue_start, cue_end, lab in sorted(found, key=lambda f: -f[0]):
            if taken.intersection(range(cue_start, cue_end)):
                continue
            taken.update(range(cue_start, cue_end))
            chosen.append((cue_start, cue_end, lab))
            if len(chosen) == self.max_cues:
                break
        idx = evidence.idx
        base = idx[start]
        length = evidence.tokens.length
        return [(idx[s] - base, idx[e - 1] + int(length[e - 1]) - base, lab) for s, e, lab in sorted(chosen)]


class _Evidence(NamedTuple):
    """A doc's token evidence by label (see :meth:`LineClassifier._doc_evidence`)."""

    array: np.ndarray  # (labels, tokens)
    tokens: "DocTokens"
    idx: list[int]  # character offset of each token


def cues_per_line(doc: Doc, bounds: Sequence[tuple[int, int]], cues_key: str) -> list[list[tuple[int, int, str]]]:
    """The lexicon matches ``(start, end, label)`` inside each line (given by its token
    bounds), by one merge of two sorted lists (lines and cues are both in document order
    and lines do not overlap)."""
    cues = [(c.start, c.end, c.label_) for c in doc.spans.get(cues_key, [])]
    result: list[list[tuple[int, int, str]]] = []
    j = 0
    for start, end in bounds:
        while j < len(cues) and cues[j][1] <= start:
            j += 1
        inside = []
        k = j
        while k < len(cues) and cues[k][0] < end:
            if cues[k][0] >= start and cues[k][1] <= end:
                inside.append(cues[k])
            k += 1
        result.append(inside)
    return result
