"""spaCy components of the cco_jobs pipeline, registered as factories.

Importing this package imports spaCy; :mod:`cco_jobs` itself imports it only when a
pipeline is loaded. The factories are also declared as ``spacy_factories`` entry points
(``setup.cfg``) so ``spacy.load("models/cco_lines")`` works without importing cco_jobs.
"""
from .cues import CueRuler, make_cue_ruler
from .line_classifier import LineClassifier, make_line_classifier

__all__ = [
    "CueRuler",
    "LineClassifier",
    "make_cue_ruler",
    "make_line_classifier",
]
