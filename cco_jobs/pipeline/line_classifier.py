"""``cco_jobs_line_classifier``: labels each line of a posting and says which words carry it.

The model is linear: binary feature strings (:mod:`.features`), L2-normalised, times a
weight matrix trained with scikit-learn's ``LogisticRegression`` (see
:mod:`cco_jobs.training.train`), then a softmax with a temperature fitted for
calibration. A model trained with document context has two passes: a first weight
matrix labels each line from its own features, and the final one also sees what the
first found around the line (:mod:`.context`). Inference needs only NumPy, so analysing one posting never imports
scikit-learn (``shared/design/TARGETS.md``: that import alone costs over a second cold).

The weights are saved as ``weights.npz`` (loaded with ``allow_pickle=False``) and the
feature vocabulary and labels as JSON: no pickle is ever read.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence, Tuple, Union

import numpy as np
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..commitment.signals import out_of_field
from ..errors import ModelError
from .context import context_features
from .cue_words import CueWords, cues_per_line
from .cues import CUES_KEY
from .doc import LINES_KEY, TITLE_KEY, line_bounds, span_labels
from .features import line_features
from .indexed import DocTokens, IndexedFeaturizer, LineColumns
from .linear import column_sums, norm as _norm, softmax as _softmax

LABELS_KEY = "line_labels"
#: Formats of the saved component: 1, one pass; 2, two passes (document context). A model
#: is saved in the oldest format that holds it, so code that reads only format 1 refuses
#: a two-pass model instead of silently running its second pass without the first.
_FORMATS = (1, 2)


@Language.factory(
    "cco_jobs_line_classifier",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={
        "lines_key": LINES_KEY,
        "cues_key": CUES_KEY,
        "labels_key": LABELS_KEY,
        "threshold": 0.5,
        "second_threshold": 0.3,
        "max_cues": 4,
        "char_ngrams": False,
        "heading_words": False,
    },
)
def make_line_classifier(
    nlp: Language,
    name: str,
    lines_key: str,
    cues_key: str,
    labels_key: str,
    threshold: float,
    second_threshold: float,
    max_cues: int,
    char_ngrams: bool,
    heading_words: bool,
) -> "LineClassifier":
    """Build an untrained line classifier; ``from_disk`` or ``set_weights`` gives it a model."""
    return LineClassifier(
        nlp, name, lines_key=lines_key, cues_key=cues_key, labels_key=labels_key,
        threshold=threshold, second_threshold=second_threshold, max_cues=max_cues,
        char_ngrams=char_ngrams, heading_words=heading_words,
    )


class LineClassifier(CueWords):
    """Predict one label per line span and store it in ``doc.spans["line_labels"]``.

    The output span group has the same spans as ``doc.spans["lines"]`` with the label as
    each span's label, and per-line lists in ``attrs``: ``scores`` (the confidence, the
    calibrated probability of the label), ``probs`` (all labels' probabilities, in
    :attr:`labels` order), ``uncertain`` (confidence under ``threshold``), ``second``
    (a second requirement label whose probability reaches ``second_threshold``, else
    ``""``) and ``cues`` (character offsets within the line and the label of the words
    that carry the label or the second label).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "cco_jobs_line_classifier",
        *,
        lines_key: str = LINES_KEY,
        cues_key: str = CUES_KEY,
        labels_key: str = LABELS_KEY,
        threshold: float = 0.5,
        second_threshold: float = 0.3,
        max_cues: int = 4,
        char_ngrams: bool = False,
        heading_words: bool = False,
    ) -> None:
        self.nlp = nlp
        self.char_ngrams = char_ngrams
        self.heading_words = heading_words
        self.name = name
        self.lines_key = lines_key
        self.cues_key = cues_key
        self.labels_key = labels_key
        self.threshold = threshold
        self.second_threshold = second_threshold
        self.max_cues = max_cues
        self.labels: tuple[str, ...] = ()
        self.vocab: dict[str, int] = {}
        self.weights = np.zeros((0, 0), dtype=np.float32)
        self.bias = np.zeros(0, dtype=np.float32)
        self.temperature = 1.0
        # the first pass of a model with document context: (n_features, n_labels), zero
        # rows for the context features it does not use; None without context
        self.first_weights: np.ndarray | None = None
        self.first_bias: np.ndarray | None = None
        self._evidence_columns = np.zeros((0, 1), dtype=np.float32)
        self._both_passes: np.ndarray | None = None
        self._indexed: IndexedFeaturizer | None = None

    # -- the model ---------------------------------------------------------------
    def set_weights(
        self,
        labels: Sequence[str],
        features: Sequence[str],
        weights: np.ndarray,
        bias: np.ndarray,
        temperature: float = 1.0,
        first: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> None:
        """Install a trained model: ``weights`` is (n_features, n_labels); ``first`` is
        the first pass's ``(weights, bias)`` of a model with document context (and
        makes :attr:`has_context` true).

        Each feature's weights are centred across labels: the softmax is unchanged and a
        weight then reads as evidence for a label against the others.
        """
        weights = np.asarray(weights, dtype=np.float32)
        if weights.shape != (len(features), len(labels)):
            raise ModelError(f"weights have shape {weights.shape}, expected "
                             f"({len(features)}, {len(labels)})")
        if first is not None:
            first_weights = np.asarray(first[0], dtype=np.float32)
            if first_weights.shape != weights.shape:
                raise ModelError(f"first-pass weights have shape {first_weights.shape}, "
                                 f"expected {weights.shape}")
            self.first_weights = first_weights - first_weights.mean(axis=1, keepdims=True)
            self.first_bias = np.asarray(first[1], dtype=np.float32)
        else:
            self.first_weights = self.first_bias = None
        self.labels = tuple(labels)
        self.vocab = {f: i for i, f in enumerate(features)}
        self.weights = weights - weights.mean(axis=1, keepdims=True)
        # both passes side by side: a line's own columns are gathered once for both
        self._both_passes = (None if self.first_weights is None else
                             np.ascontiguousarray(np.hstack([self.first_weights, self.weights])))
        # per label, the centred weights with a 0 at the end, for token evidence (index -1)
        self._evidence_columns = np.ascontiguousarray(
            np.vstack([self.weights, np.zeros((1, len(labels)), dtype=np.float32)]).T)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.temperature = float(temperature)

    @property
    def is_trained(self) -> bool:
        return bool(self.labels)

    @property
    def has_context(self) -> bool:
        """Whether the model has a first pass and reads document context (:mod:`.context`)."""
        return self.first_weights is not None

    def line_feature_lists(self, doc: Doc) -> list[list[str]]:
        """The feature strings of each line of ``doc``, in order (for training)."""
        lines = doc.spans[self.lines_key]
        attrs = lines.attrs
        cue_labels = [[lab for _, _, lab in cues]
                      for cues in cues_per_line(doc, line_bounds(doc, self.lines_key), self.cues_key)]
        headings = self._headings(lines)
        return [
            line_features(
                span, span.label_,
                is_heading=attrs["is_heading"][i], is_bullet=attrs["is_bullet"][i],
                chrome=attrs["chrome"][i], cue_labels=cue_labels[i], char_ngrams=self.char_ngrams,
                heading=headings[i],
            )
            for i, span in enumerate(lines)
        ]

    @property
    def featurizer(self) -> IndexedFeaturizer:
        """The run-time featurizer for the installed vocabulary (built on first use)."""
        indexed = self._indexed
        if indexed is None or indexed.vocab is not self.vocab or indexed.char_ngrams != self.char_ngrams:
            indexed = self._indexed = IndexedFeaturizer(self.vocab, self.char_ngrams)
        return indexed

    def _read(self, doc: Doc) -> "_DocView":
        """What labelling ``doc`` needs, read from it once: its tokens and the feature
        columns of its lines, worked out together (the featurizer's tables may start
        afresh before the next posting). Page chrome gets no columns: set_annotations
        labels it context whatever the model says."""
        lines = doc.spans[self.lines_key]
        attrs = lines.attrs
        bounds = line_bounds(doc, self.lines_key)
        sections = span_labels(lines, "section")
        cues = cues_per_line(doc, bounds, self.cues_key)
        featurizer = self.featurizer
        tokens = featurizer.tokens(doc)
        columns = featurizer.columns(
            tokens, bounds, sections, is_heading=attrs["is_heading"], is_bullet=attrs["is_bullet"],
            skip=attrs["chrome"], cue_labels=[[lab for _, _, lab in line] for line in cues],
            headings=self._headings(lines))
        return _DocView(bounds=bounds, sections=sections, cues=cues, tokens=tokens, columns=columns)

    def _line_columns(self, doc: Doc, view: "_DocView") -> LineColumns:
        """The feature columns of each line of ``doc`` (read with :meth:`_read`)."""
        return view.columns

    def _headings(self, lines) -> list[str | None]:
        """Each line's heading text when the model uses heading words, else ``None``s."""
        if not self.heading_words:
            return [None] * len(lines)
        return list(lines.attrs.get("heading") or [""] * len(lines))

    def line_layout(self, doc: Doc) -> "Layout":
        """Where each line of ``doc`` sits, as :func:`.context.context_features` reads it."""
        attrs = doc.spans[self.lines_key].attrs
        n = len(doc.spans[self.lines_key])
        return Layout(list(attrs.get("is_heading") or [False] * n), list(attrs.get("chrome") or [False] * n),
                      list(attrs.get("heading") or [""] * n))

    def predict_proba(self, feature_lists: Sequence[Sequence[str]],
                      layout: "Layout | None" = None) -> np.ndarray:
        """Calibrated label probabilities of one posting's lines given as feature strings
        (:meth:`line_feature_lists`), shape (n_lines, n_labels). A model with document
        context needs the lines' ``layout`` (:meth:`line_layout`)."""
        vocab = self.vocab

        def rows(lists: Sequence[Sequence[str]]) -> list[tuple[list[int], int]]:
            return [([vocab[f] for f in dict.fromkeys(feats) if f in vocab], len(set(feats)))
                    for feats in lists]

        if not self.has_context:
            return self.predict_columns(rows(feature_lists))
        if layout is None:
            raise ModelError(f"{self.name} reads document context: pass the lines' layout")
        first = self.first_pass(rows(feature_lists))
        extra = context_features(first, self.labels, is_heading=layout.is_heading,
                                 chrome=layout.chrome, headings=layout.headings)
        return self.predict_columns(rows([list(f) + e for f, e in zip(feature_lists, extra)]))

    def first_pass(self, rows: "_Rows") -> np.ndarray:
        """The first pass's probabilities (no temperature) of lines given as in
        :meth:`predict_columns`: what the context features are read from."""
        if self.first_weights is None or self.first_bias is None:
            raise ModelError(f"{self.name} has no first pass (it reads no document context)")
        return _softmax(self._logits(rows, self.first_weights, self.first_bias))

    def predict_columns(self, rows: "_Rows") -> np.ndarray:
        """Calibrated label probabilities of lines given as ``(known feature columns,
        number of distinct features)``, shape (n_lines, n_labels); for a model with
        document context the columns must include the context features' (see
        :meth:`predict_docs`)."""
        return _softmax(self._logits(rows, self.weights, self.bias) / self.temperature)

    def _logits(self, rows: "_Rows", weights: np.ndarray,
                bias: np.ndarray) -> np.ndarray:
        """``weights`` summed over each line's columns, L2-normalised, plus ``bias``."""
        sums, counts = self._sums(rows, weights)
        return sums / _norm(counts)[:, None] + bias

    def _sums(self, rows: "_Rows", weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``weights`` summed over each line's columns, and each line's feature count."""
        if not self.is_trained:
            raise ModelError(f"{self.name} has no trained weights")
        return column_sums(rows, weights)

    def predict_docs(self, docs: Sequence[Doc], rows: Sequence["_Rows"]) -> list[np.ndarray]:
        """Calibrated probabilities of each doc's lines, given as in :meth:`predict_columns`
        (the lines' own features): one matrix product for the batch, and with document
        context, one gather of the line's own columns for both passes."""
        parts = [r if isinstance(r, LineColumns) else LineColumns.from_rows(r) for r in rows]
        flat = LineColumns.concat(parts)
        if not self.has_context:
            probs = self.predict_columns(flat)
        else:
            probs = self._predict_with_context(docs, [len(p) for p in parts], flat)
        out, start = [], 0
        for part in parts:
            out.append(probs[start:start + len(part)])
            start += len(part)
        return out

    def _predict_with_context(self, docs: Sequence[Doc], sizes: Sequence[int], flat: LineColumns) -> np.ndarray:
        n_labels = len(self.labels)
        assert self._both_passes is not None and self.first_bias is not None  # has_context
        both, counts = self._sums(flat, self._both_passes)
        first = _softmax(both[:, :n_labels] / _norm(counts)[:, None] + self.first_bias)
        vocab = self.vocab
        extra_rows: list[tuple[list[int], int]] = []
        start = 0
        for doc, size in zip(docs, sizes):
            layout = self.line_layout(doc)
            extra = context_features(first[start:start + size], self.labels,
                                     is_heading=layout.is_heading, chrome=layout.chrome,
                                     headings=layout.headings)
            start += size
            # chrome lines, which set_annotations labels context anyway, get none
            extra_rows.extend(([], 0) if chrome else ([vocab[f] for f in feats if f in vocab], len(feats))
                              for feats, chrome in zip(extra, layout.chrome))
        more, added = self._sums(extra_rows, self.weights)
        logits = (both[:, n_labels:] + more) / _norm(counts + added)[:, None] + self.bias
        return _softmax(logits / self.temperature)

    # -- the component -------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Label many docs, one matrix product per batch of postings."""
        for batch in minibatch(stream, size=batch_size):
            views = [self._read(doc) for doc in batch]
            self.set_annotations(batch, self.predict_docs(batch, [view.columns for view in views]), views)
            yield from batch

    def set_annotations(self, docs: Sequence[Doc], probs: Sequence[np.ndarray],
                        views: Sequence["_DocView"] | None = None) -> None:
        context = self.labels.index("context")
        labels = self.labels
        neutral = labels.index("neutral")
        leaning = [i for i, label in enumerate(labels) if label not in ("context", "neutral")]
        for k, (doc, doc_probs) in enumerate(zip(docs, probs)):
            view = views[k] if views is not None else self._read(doc)
            lines = doc.spans[self.lines_key]
            doc_probs = np.array(doc_probs, dtype=np.float32)
            chrome = np.asarray(lines.attrs["chrome"], dtype=bool)
            if chrome.any():  # page furniture is never a requirement (DOMAIN.md)
                doc_probs[chrome] = 0.0
                doc_probs[chrome, context] = 1.0
            if out_of_field(doc.user_data.get(TITLE_KEY)):
                # a CFO's duties have no customer leaning: their weight goes to neutral
                doc_probs[:, neutral] += doc_probs[:, leaning].sum(axis=1)
                doc_probs[:, leaning] = 0.0
            order = np.argsort(-doc_probs, axis=1, kind="stable")
            best = order[:, 0].tolist() if len(doc_probs) else []
            runner = order[:, 1].tolist() if len(doc_probs) else []
            rows = doc_probs.tolist()
            spans, names, scores, seconds, uncertain = [], [], [], [], []
            for i, (start, end) in enumerate(view.bounds):
                p = rows[i]
                label = labels[best[i]]
                second = ""
                if (label != "context" and labels[runner[i]] != "context"
                        and p[runner[i]] >= self.second_threshold):
                    second = labels[runner[i]]
                spans.append(Span(doc, start, end, label=label))
                names.append(label)
                scores.append(p[best[i]])
                uncertain.append(p[best[i]] < self.threshold)
                seconds.append(second)
            # cue words for the other lines: what a context line is needs no highlighting
            cued = [i for i, label in enumerate(names) if label != "context"]
            cues: list[list[tuple[int, int, str]]] = [[] for _ in names]
            if cued:
                evidence = self._doc_evidence(doc, view.tokens, [view.bounds[i] for i in cued])
                for i in cued:
                    start, end = view.bounds[i]
                    cues[i] = self._cue_offsets(start, end, names[i], seconds[i], view.cues[i], evidence)
            doc.spans[self.labels_key] = spans
            doc.spans[self.labels_key].attrs.update(
                labels=names, scores=scores, probs=rows, second=seconds, cues=cues,
                uncertain=uncertain, label_names=list(labels),
            )

    # -- serialisation -------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        features = sorted(self.vocab, key=self.vocab.__getitem__)
        arrays = {"weights": self.weights, "bias": self.bias}
        if self.first_weights is not None:
            arrays.update(first_weights=self.first_weights, first_bias=self.first_bias)
        np.savez_compressed(path / "weights.npz", **arrays)
        srsly.write_json(path / "features.json", features)
        srsly.write_json(path / "cfg.json", {
            "format_version": 2 if self.has_context else 1,
            "labels": list(self.labels),
            "temperature": self.temperature,
            "threshold": self.threshold,
            "second_threshold": self.second_threshold,
            "max_cues": self.max_cues,
            "char_ngrams": self.char_ngrams,
            "heading_words": self.heading_words,
            "context": self.has_context,
        })

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "LineClassifier":
        path = Path(path)
        try:
            cfg = srsly.read_json(path / "cfg.json")
            with np.load(path / "weights.npz", allow_pickle=False) as arrays:
                weights, bias = arrays["weights"], arrays["bias"]
                first = ((arrays["first_weights"], arrays["first_bias"])
                         if cfg.get("context", False) else None)
            features = srsly.read_json(path / "features.json")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{path}: cannot load the line classifier ({exc})") from exc
        if cfg.get("format_version") not in _FORMATS:
            raise ModelError(f"{path}: line classifier format {cfg.get('format_version')} "
                             f"is not one of {', '.join(map(str, _FORMATS))}")
        if bool(cfg.get("context", False)) != (cfg.get("format_version") == 2):
            raise ModelError(f"{path}: line classifier format {cfg.get('format_version')} "
                             f"does not match its context setting")
        self.set_weights(cfg["labels"], features, weights, bias, cfg["temperature"], first)
        self.threshold = cfg["threshold"]
        self.second_threshold = cfg["second_threshold"]
        self.max_cues = cfg["max_cues"]
        self.char_ngrams = bool(cfg.get("char_ngrams", False))
        self.heading_words = bool(cfg.get("heading_words", False))
        return self


#: Lines' feature columns: as :class:`~.indexed.LineColumns`, or ``(known columns,
#: number of distinct features)`` per line.
_Rows = Union[LineColumns, Sequence[Tuple[Sequence[int], int]]]


class Layout(NamedTuple):
    """Where each line of a posting sits: heading or not, page chrome or not, and the
    text of the heading it is under (``""`` for none)."""

    is_heading: list[bool]
    chrome: list[bool]
    headings: list[str]


class _DocView(NamedTuple):
    """What the classifier reads from a ``Doc`` once: the lines' token bounds and
    sections, the lexicon cues inside each line, the featurizer's view of the tokens and
    the lines' feature columns."""

    bounds: list[tuple[int, int]]
    sections: list[str]
    cues: list[list[tuple[int, int, str]]]
    tokens: DocTokens
    columns: LineColumns
