"""spaCy components of the cco_jobs pipeline, registered as factories.

Importing this package imports spaCy; :mod:`cco_jobs` itself imports it only when a
pipeline is loaded. The factories are also declared as ``spacy_factories`` entry points
(``setup.cfg``) so ``spacy.load("models/cco_lines")`` works without importing cco_jobs.
"""
from .cues import CueRuler, make_cue_ruler
from .line_classifier import LineClassifier, make_line_classifier
from .scorer import CommitmentScorer, make_commitment_scorer
from .signals import SignalRuler, make_signal_ruler

__all__ = [
    "CommitmentScorer",
    "SignalRuler",
    "make_commitment_scorer",
    "make_signal_ruler",
    "CueRuler",
    "LineClassifier",
    "make_cue_ruler",
    "make_line_classifier",
]
