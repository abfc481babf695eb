"""Small gazetteers for tests: a place from an id, a kind and its aliases."""

from __future__ import annotations

from caucasus_map.places import Place


def place(pid: str, kind: str, *aliases: str, seat: bool = False) -> Place:
    """A place whose display name is its first alias; ``seat`` marks a seat of government."""
    return Place(pid, aliases[0], aliases, kind, "exact", "test", {}, seat)
