"""The error tree: every message says what was wrong and, where it helps, what would be right."""

from __future__ import annotations


class SummitlogError(Exception):
    """Base of every error summitlog raises on purpose."""


class InputError(SummitlogError):
    """One input (file, URL, JSON line) could not be read as a page.

    The message always starts with the input's name so that a one-line report
    of a batch says which input failed.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class StoreError(SummitlogError):
    """The database could not be opened or is not a summitlog store."""


class NotFound(SummitlogError):
    """A document, meeting or other record asked for by id does not exist."""


class GoldError(SummitlogError):
    """A gold file or a document folder for evaluation is unusable."""
