"""Every error kg raises on purpose, with a message a user can act on.

The CLI maps these to one line on stderr and a non-zero exit status; other exceptions are bugs and
show a traceback only with ``--traceback``.
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: a problem with the user's input or environment, not a bug in kg."""

    exit_code = 1


class InputError(KGError):
    """A source file cannot be read as an article (binary, undecodable, empty, too large)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryError(KGError):
    """A query that does not exist, does not parse, or has bad parameters."""

    exit_code = 2


class StoreError(KGError):
    """The store is missing, locked by another process, or not a kg store."""

    exit_code = 3


class UsageError(KGError):
    """A bad option value that click's own checks cannot see."""

    exit_code = 2
