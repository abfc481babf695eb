"""Caucasus Map: places named in articles on the Armenia–Azerbaijan conflict, joined to dated,
verbatim, sourced excerpts."""

__version__ = "0.1.0"
