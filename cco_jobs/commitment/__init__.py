"""The commitment score: signals with evidence, score and band, questions and suggestions."""
from .advice import line_meaning, missing_information, suggest, title_vs_substance
from .score import BANDS, FEATURES, FEATURE_NAMES, ScoreModel, assess, feature_values
from .signals import Reading, read_signals, title_level

__all__ = [
    "BANDS", "FEATURES", "FEATURE_NAMES", "Reading", "ScoreModel", "assess", "feature_values",
    "line_meaning", "missing_information", "read_signals", "suggest", "title_level",
    "title_vs_substance",
]
