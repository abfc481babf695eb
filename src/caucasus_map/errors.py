"""Errors that tell the user what was wrong and what to do about it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class CaucasusMapError(Exception):
    """Base class of every error the project raises on purpose."""


class InputError(CaucasusMapError, ValueError):
    """A file or value given by the user cannot be used as it is."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the stored data, located as precisely as we can."""

    file: str
    where: str  # a line ("line 12"), a field ("events[3].quotes[0]") or "" for the whole file
    message: str

    def __str__(self) -> str:
        location = f"{self.file}: {self.where}" if self.where else self.file
        return f"{location}: {self.message}"


class DataValidationError(CaucasusMapError, ValueError):
    """The stored data (data/, geo/) has one or more problems; all are listed at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{lines}")
