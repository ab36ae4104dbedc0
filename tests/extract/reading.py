"""One report we wrote, read as the loader reads a text file."""

from analytics.extract.event import Event, extract_event
from analytics.ingest.base import RawDocument


def read_event(text: str, gaz, **meta) -> Event:
    """The event extracted from ``text`` (with a table row's ``meta``, if any)."""
    return extract_event(RawDocument(source="t.txt", text=text, **meta), gaz)
