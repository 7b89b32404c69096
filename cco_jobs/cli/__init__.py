"""The ``cco-jobs`` command line: one click group, one module per family of commands."""
from .main import cli, main

# importing the command modules registers their commands on the group
from . import analyse as _analyse  # noqa: E402,F401
from . import batch as _batch  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import training as _training  # noqa: E402,F401

__all__ = ["cli", "main"]
