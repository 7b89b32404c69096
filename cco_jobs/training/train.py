"""Train the line classifier from the annotated corpus and save the shipped pipeline.

The learner is scikit-learn's multinomial ``LogisticRegression`` over the binary,
L2-normalised features of :mod:`cco_jobs.pipeline.features`; its weights are exported
into the spaCy component, which predicts with NumPy alone. Confidences are calibrated by
a softmax temperature fitted on out-of-fold predictions over the training postings
(grouped by posting), so neither the dev nor the test split is touched.

Everything is deterministic: the corpus is read in id order, the solver is ``lbfgs``
(no random state involved) and the folds are fixed by posting id.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from itertools import groupby
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..posting import Line, Posting
from .corpus import LABELS, AnnotatedPosting

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class LinearConfig:
    """Hyper-parameters of the linear line classifier (``configs/lines.cfg``)."""

    C: float = 16.0
    min_count: int = 2
    class_weight: str | None = "balanced"
    max_iter: int = 2000
    folds: int = 5
    use_lexicon: bool = True
    use_section: bool = True
    char_ngrams: bool = False
    heading_words: bool = False
    context: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class LineExamples:
    """Featurized corpus lines with their gold labels and the posting each came from."""

    features: list[list[str]]
    labels: list[str]
    groups: list[str]
    texts: list[str]
    archetypes: list[str]
    #: where each line sits (for the context features), one entry per line
    layouts: list[tuple[bool, bool, str]] = field(default_factory=list)

    def subset(self, index: Sequence[int]) -> "LineExamples":
        """The examples at ``index`` (texts, archetypes and layouts left out)."""
        return LineExamples([self.features[i] for i in index], [self.labels[i] for i in index],
                            [self.groups[i] for i in index], [], [])


_INGEST_FORMAT = {"html_ats": "html", "html_plain": "html", "markdown": "markdown", "text": "text",
                  "scraped": "text"}


def annotated_to_posting(annotated: AnnotatedPosting, *, via_ingest: bool = True) -> Posting:
    """The :class:`Posting` the tool would see for a corpus posting, with its gold lines.

    With ``via_ingest`` the posting is rendered in its ``@format``
    (:func:`cco_jobs.training.render.render`) and read back by ingestion, and each
    annotated line takes the section, heading, bullet and chrome flags ingestion gives
    the same text, so training sees the features the tool sees at run time. Lines that
    ingestion splits or merges (run-together text) keep flags derived from the
    annotation itself. The line texts and their order are always the annotated ones.
    """
    from ..ingest.sections import section_key

    ingested = _ingested_lines(annotated) if via_ingest else {}
    lines = []
    section = "header"
    heading: str | None = None
    for n, line in enumerate(annotated.lines, start=1):
        if line.is_heading:
            section, heading = section_key(line.text), line.text
        seen = ingested.get(n - 1)
        if seen is not None:
            section, heading = seen.section, seen.heading
            lines.append(Line(n=n, text=line.text, section=seen.section, heading=seen.heading,
                              is_heading=seen.is_heading, is_bullet=seen.is_bullet, chrome=seen.chrome))
        else:
            lines.append(Line(n=n, text=line.text, section=section, heading=heading,
                              is_heading=line.is_heading, is_bullet=line.is_bullet))
    return Posting(lines=lines, source=annotated.id, format="corpus",
                   title=annotated.meta.get("title"), company=annotated.meta.get("company"))


def _ingested_lines(annotated: AnnotatedPosting) -> dict[int, Line]:
    """Map annotated line index -> the ingested line with the same text."""
    from difflib import SequenceMatcher

    from ..ingest import parse_text
    from .render import comparable, render

    fmt = annotated.meta["format"]
    posting = parse_text(render(annotated, fmt), source=annotated.id, format=_INGEST_FORMAT[fmt])
    want = [comparable(line.text) for line in annotated.lines]
    got = [comparable(line.text) for line in posting.lines]
    matcher = SequenceMatcher(None, want, got, autojunk=False)
    out: dict[int, Line] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            out[block.a + k] = posting.lines[block.b + k]
    return out


def base_pipeline(config: LinearConfig = LinearConfig()) -> "Language":
    """A blank English pipeline with the cue ruler and an untrained line classifier."""
    import spacy

    from .. import pipeline  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("cco_jobs_cue_ruler")
    nlp.add_pipe("cco_jobs_line_classifier",
                 config={"char_ngrams": config.char_ngrams, "heading_words": config.heading_words})
    return nlp


def featurize(
    nlp: "Language",
    postings: Sequence[AnnotatedPosting],
    config: LinearConfig = LinearConfig(),
) -> LineExamples:
    """Tokenize and featurize every line of ``postings`` as the pipeline would."""
    from ..pipeline.doc import posting_doc

    clf = nlp.get_pipe("cco_jobs_line_classifier")
    ruler = nlp.get_pipe("cco_jobs_cue_ruler")
    out = LineExamples([], [], [], [], [])
    for annotated in postings:
        doc = posting_doc(nlp, annotated_to_posting(annotated))
        if config.use_lexicon:
            ruler(doc)
        out.layouts.extend(zip(*clf.line_layout(doc)))
        for feats, line in zip(clf.line_feature_lists(doc), annotated.lines):
            if not config.use_section:
                feats = [f for f in feats if "sec=" not in f]
            out.features.append(feats)
            out.labels.append(line.label)
            out.groups.append(annotated.id)
            out.texts.append(line.text)
            out.archetypes.append(annotated.archetype)
    return out


def _design_matrix(feature_lists: Sequence[Sequence[str]], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, feats in enumerate(feature_lists):
        weight = 1.0 / np.sqrt(max(len(feats), 1))
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(weight)
    return csr_matrix((vals, (rows, cols)), shape=(len(feature_lists), len(vocab)),
                      dtype=np.float64)


def _class_weight(y: Sequence[str], how: str | None) -> dict[str, float] | str | None:
    """``balanced`` (inverse frequency), ``sqrt`` (its square root: rare labels get a
    push without being over-predicted) or ``None``."""
    if how != "sqrt":
        return how
    counts = Counter(y)
    n, k = len(y), len(counts)
    return {lab: float(np.sqrt(n / (k * c))) for lab, c in counts.items()}


def _fit_lr(X, y: Sequence[str], config: LinearConfig):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=config.C, class_weight=_class_weight(y, config.class_weight),
                               max_iter=config.max_iter)
    return model.fit(X, y)


def fit_linear(examples: LineExamples, config: LinearConfig = LinearConfig()):
    """Fit the model; return ``(labels, features, weights, bias)`` ready for the component.

    A feature is kept when it occurs in at least ``min_count`` training lines.
    """
    counts = Counter(f for feats in examples.features for f in set(feats))
    features = sorted(f for f, c in counts.items() if c >= config.min_count)
    vocab = {f: i for i, f in enumerate(features)}
    X = _design_matrix(examples.features, vocab)
    model = _fit_lr(X, examples.labels, config)
    labels = [str(c) for c in model.classes_]
    missing = set(LABELS) - set(labels)
    if missing:
        raise ValueError(f"the training data has no line labelled {', '.join(sorted(missing))}")
    return labels, features, model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32)


def out_of_fold_logits(examples: LineExamples, config: LinearConfig = LinearConfig()) -> np.ndarray | None:
    """Each line's logits (``LABELS`` order) from a model that never saw its posting,
    or ``None`` when there are too few postings for two folds.

    Folds are by posting (``GroupKFold``), so a posting's lines never help predict it.
    """
    from sklearn.model_selection import GroupKFold

    folds = min(config.folds, len(set(examples.groups)))
    if folds < 2:
        return None
    y = np.asarray(examples.labels)
    logits_all = np.zeros((len(y), len(LABELS)))
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(y, y, examples.groups):
        fitted = fit_linear(examples.subset(train_idx), config)
        order = [fitted[0].index(lab) for lab in LABELS]
        logits_all[test_idx] = linear_logits([examples.features[i] for i in test_idx], fitted)[:, order]
    return logits_all


def linear_logits(feature_lists: Sequence[Sequence[str]], fitted) -> np.ndarray:
    """The logits of lines given as feature strings under a model from :func:`fit_linear`
    (its ``(labels, features, weights, bias)``), in its labels' order."""
    _, features, weights, bias = fitted
    return _design_matrix(feature_lists, {f: i for i, f in enumerate(features)}) @ weights + bias


def with_context(examples: LineExamples, config: LinearConfig = LinearConfig()) -> LineExamples:
    """``examples`` with each line's context features (:mod:`cco_jobs.pipeline.context`)
    added, read from out-of-fold first-pass probabilities: the second pass learns from a
    first pass that has not seen the posting, as at run time."""
    from ..pipeline.context import context_features
    from ..pipeline.linear import softmax

    logits = out_of_fold_logits(examples, config)
    if logits is None:  # too few postings to hold any out: the context says nothing
        return examples
    probs = softmax(logits)
    features: list[list[str]] = []
    # a posting's lines follow each other (featurize reads postings one by one)
    for _, posting in groupby(range(len(examples.groups)), key=examples.groups.__getitem__):
        rows = list(posting)
        start, end = rows[0], rows[-1] + 1
        is_heading, chrome, headings = zip(*examples.layouts[start:end])
        extra = context_features(probs[start:end], LABELS, is_heading=is_heading, chrome=chrome,
                                 headings=headings)
        features.extend(list(f) + e for f, e in zip(examples.features[start:end], extra))
    return replace(examples, features=features)


def first_pass_weights(examples: LineExamples, labels: Sequence[str], features: Sequence[str],
                       config: LinearConfig = LinearConfig()) -> tuple[np.ndarray, np.ndarray]:
    """The first pass fitted on ``examples`` (the lines' own features), its weights laid
    out in the rows of ``features`` and the columns of ``labels`` (zero rows for the
    context features it does not use)."""
    first_labels, first_features, first_weights, first_bias = fit_linear(examples, config)
    order = [first_labels.index(lab) for lab in labels]
    row = {f: i for i, f in enumerate(features)}
    weights = np.zeros((len(features), len(labels)), dtype=np.float32)
    weights[[row[f] for f in first_features]] = first_weights[:, order]
    return weights, first_bias[order]


def fit_temperature(examples: LineExamples, config: LinearConfig = LinearConfig()) -> float:
    """Softmax temperature minimising the log-loss of out-of-fold predictions."""
    logits_all = out_of_fold_logits(examples, config)
    if logits_all is None:
        return 1.0
    y = np.asarray(examples.labels)
    gold = np.asarray([LABELS.index(lab) for lab in y])
    best_t, best_loss = 1.0, np.inf
    for t in np.arange(0.3, 3.01, 0.05):
        z = logits_all / t
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(gold)), gold].mean()
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return round(best_t, 2)


def train_pipeline(
    train: Sequence[AnnotatedPosting],
    config: LinearConfig = LinearConfig(),
    *,
    calibrate: bool = True,
) -> "Language":
    """Train a complete pipeline (cue ruler + line classifier) on ``train``."""
    nlp = base_pipeline(config)
    own = featurize(nlp, train, config)
    examples = with_context(own, config) if config.context else own
    labels, features, weights, bias = fit_linear(examples, config)
    first = first_pass_weights(own, labels, features, config) if examples is not own else None
    temperature = fit_temperature(examples, config) if calibrate else 1.0
    nlp.get_pipe("cco_jobs_line_classifier").set_weights(labels, features, weights, bias,
                                                          temperature, first)
    return nlp
