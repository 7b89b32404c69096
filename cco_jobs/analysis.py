"""The public entry points: load the pipeline, analyse one posting or many."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import ModelError
from .posting import Posting
from .report import LABELS, TACTICAL_LABELS, Cue, LineAnnotation, PostingReport

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Environment variable naming another pipeline directory to load by default.
MODEL_ENV = "CCO_JOBS_MODEL"
MODEL_NAME = "cco_lines"


def default_model_path() -> Path:
    """Where the shipped pipeline is: ``$CCO_JOBS_MODEL``, the installed copy, or ``models/``."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    installed = Path(__file__).parent / "models" / MODEL_NAME
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "models" / MODEL_NAME


@lru_cache(maxsize=4)
def _load(path: str) -> "Language":
    import spacy

    from . import pipeline  # noqa: F401  (registers the factories without entry points)

    if not Path(path, "config.cfg").is_file():
        raise ModelError(f"{path}: no trained pipeline here (config.cfg is missing); "
                         "run `cco-jobs train` or set CCO_JOBS_MODEL")
    try:
        # The saved tokenizer is spaCy's default English one (the pipeline never changes
        # it), so rebuilding it from disk would only repeat work done from the config.
        return spacy.load(path, exclude=["tokenizer"])
    except (OSError, ValueError) as exc:
        reason = " ".join(str(exc).split())  # confection's config errors span many lines
        raise ModelError(f"{path}: cannot load the pipeline ({reason})") from exc


def load_pipeline(path: str | Path | None = None) -> "Language":
    """Load (once per process) the trained spaCy pipeline; the shipped one by default."""
    return _load(str(Path(path) if path else default_model_path()))


def model_info(nlp: "Language") -> dict[str, str]:
    """Name and version of a loaded pipeline, as the reports record them."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', 'en')}_{meta.get('name', MODEL_NAME)}",
            "version": str(meta.get("version", "0.0.0"))}


def analyse(
    source: Any,
    *,
    nlp: "Language | None" = None,
    format: str | None = None,
    max_bytes: int | None = None,
) -> PostingReport:
    """Analyse one posting and return its :class:`~cco_jobs.report.PostingReport`.

    ``source`` is a path (``str`` or ``Path``), ``"-"`` for standard input, a file
    object, or the posting itself as a string of text, Markdown or HTML. Raises
    :class:`~cco_jobs.errors.PostingInputError` for input that is not a readable
    posting and :class:`~cco_jobs.errors.ModelError` when the model cannot be loaded.

    >>> report = analyse("Chief Customer Officer\\nReports to the CEO.\\n- Set the customer strategy.")
    >>> report.commitment.band  # doctest: +SKIP
    """
    from .ingest import DEFAULT_MAX_BYTES, read_posting

    posting = read_posting(source, format=format,
                           max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    return analyse_posting(posting, nlp=nlp)


analyze = analyse


def analyse_posting(posting: Posting, *, nlp: "Language | None" = None) -> PostingReport:
    """Analyse an already parsed :class:`~cco_jobs.posting.Posting`."""
    nlp = nlp or load_pipeline()
    return next(iter(analyse_postings([posting], nlp=nlp)))


def analyse_postings(postings: Iterable[Posting], *, nlp: "Language | None" = None,
                     batch_size: int = 64) -> Iterator[PostingReport]:
    """Analyse many parsed postings with ``nlp.pipe``, yielding reports in order."""
    from .pipeline.doc import posting_doc

    nlp = nlp or load_pipeline()
    info = model_info(nlp)
    pending: list[Posting] = []

    def docs() -> Iterator["Doc"]:
        for posting in postings:
            pending.append(posting)
            yield posting_doc(nlp, posting)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield build_report(pending.pop(0), doc, info)


def build_report(posting: Posting, doc: "Doc", info: dict[str, str]) -> PostingReport:
    """Assemble the report of a posting from its processed ``Doc``.

    Called once per posting by every batch worker, so it is written for speed (0.47 ->
    0.27 ms for the 53-line postings of benchmarks/batch.py): the span labels are read
    in one pass, a line's collapsed text is computed once, the runner-up label is ranked
    only for the uncertain lines whose meaning names it, and only tactical lines are
    matched for a suggestion (see :func:`~cco_jobs.commitment.suggest`).
    """
    from .commitment.advice import line_meaning, suggest
    from .pipeline.doc import span_labels
    from .pipeline.scorer import COMMITMENT_KEY

    group = doc.spans["line_labels"]
    attrs = group.attrs
    labels = span_labels(group, "labels")
    scores, cue_offsets, seconds, uncertain_flags, probs = (
        attrs["scores"], attrs["cues"], attrs["second"], attrs["uncertain"], attrs["probs"])
    label_names = attrs["label_names"]  # the order of each line's probabilities
    by_n = {n: i for i, n in enumerate(doc.spans["lines"].attrs["n"])}
    lines: list[LineAnnotation] = []
    counts = dict.fromkeys(LABELS, 0)
    for line in posting.lines:
        text = " ".join(line.text.split())
        i = by_n.get(line.n)
        if i is None:  # a line of white space only: context by definition
            label, conf, cues, second, uncertain, runner = "context", 1.0, [], None, False, None
        else:
            label = labels[i]
            conf = round(scores[i], 4)
            cues = [Cue(text[s:e], s, e, lab) for s, e, lab in cue_offsets[i]]
            second = seconds[i] or None
            uncertain = uncertain_flags[i]
            runner = _runner_up(probs[i], label_names) if uncertain else None
        counts[label] += 1
        # positional arguments, in LineAnnotation's field order: a third of the cost of
        # keywords (0.28 vs 0.71 us a line); tests/test_report_equivalence.py checks it
        lines.append(LineAnnotation(
            line.n, text, line.section, label, conf, cues, line.heading, line.is_heading,
            line.is_bullet, line.chrome, line.source_line, uncertain, second,
            line_meaning(label, conf, uncertain, runner),
            suggest(label, line.text) if label in TACTICAL_LABELS else None,
        ))
    return PostingReport(
        source=posting.source, format=posting.format, title=posting.title,
        company=posting.company, lines=lines, commitment=doc.user_data[COMMITMENT_KEY],
        model=info, label_counts=counts, provenance=dict(posting.metadata),
    )


def _runner_up(probs: list[float], label_names: list[str]) -> str | None:
    """The label with the second highest probability (ties: the earlier label)."""
    ranked = sorted(range(len(probs)), key=lambda k: -probs[k])
    return label_names[ranked[1]] if len(ranked) > 1 else None
