"""The batch work of extraction: paths (or a table's rows) in, event rows out.

Kept apart from :mod:`analytics.pipeline` so that a worker process, which imports the
batch function's module, imports only the readers and the extractors: not the theme
model and scikit-learn (over a second per worker started).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analytics.errors import DocumentError
from analytics.extract.event import EVENT_COLUMNS, Event, extract_event
from analytics.extract.places import gazetteer
from analytics.ingest.base import RawDocument, Skipped
from analytics.ingest.chunks import Rows
from analytics.ingest.readers import read_bytes
from analytics.ingest.store import Unit
from analytics.settings import Settings

__all__ = [
    "File",
    "extract_batch",
    "extract_documents",
    "extract_file",
    "prepare_extraction",
    "record",
]

File = tuple[str, str, str]  # a file to extract: path, name, key
_DATE_COLUMNS = [name for name, dtype in EVENT_COLUMNS.items() if dtype.startswith("datetime")]


def extract_batch(
    batch: list[File | Rows], tables: tuple[str, ...], cache_dir: str | None = None
) -> tuple[pd.DataFrame, list[Skipped], list[Unit], str, int]:
    """The rows of a batch of files, given as (path, name, key), or of chunks of a table's
    rows: a pure function that any engine runs (it reads the files itself and keeps its
    gazetteer per process, its city index in ``cache_dir`` when given).

    Returns:
        The rows (with ``key`` and ``row`` columns), what was skipped, the table chunks
        done, the last file's name and the number of files done.
    """
    gaz = gazetteer(*tables, cache_dir=cache_dir)
    records, skipped, units, files = [], [], [], 0
    for piece in batch:
        if isinstance(piece, Rows):
            found = extract_documents(piece.documents, piece.name, gaz, skipped)
            records += [{**event, "key": piece.key} for event in found]
            units.append(piece.unit)
            files += piece.last
            continue
        path, name, key = piece
        files += 1
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            skipped.append(Skipped(name, f"cannot read file: {exc.strerror or exc}"))
            continue
        try:
            records += [{**event, "key": key} for event in extract_file(data, name, gaz, skipped)]
        except DocumentError as exc:
            skipped.append(Skipped(name, str(exc)))
    # One frame per batch, its dates typed here so that every part of the store has one
    # type per column.
    frame = pd.DataFrame(records, columns=[*EVENT_COLUMNS, "row", "key"])
    for column in _DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    last = "" if not batch else batch[-1].name if isinstance(batch[-1], Rows) else batch[-1][1]
    return frame.astype({"row": "string"}), skipped, units, last, files


_WARM_UP = {  # two tiny reports of our own, in the two most common formats
    "warm-up.txt": "Talks in Lima\n\nLima, 4 May 2021 - Delegates met on 3 May in Lima, Peru.",
    "warm-up.html": "<html><body><h1>Talks in Accra</h1><p>Accra, 2 June 2022. Delegates "
    "met in Accra, Ghana, on 1 and 2 June 2022 to discuss trade facilitation.</p></body></html>",
}


def prepare_extraction(settings: Settings) -> list[dict]:
    """Build this process's gazetteer and load the date and page readers, by extracting
    two tiny reports (returned as records): a server does it once in the background
    after opening, so that reports added later are on the dashboard in seconds."""
    tables = (str(t) for t in settings.place_tables)
    gaz = gazetteer(*tables, cache_dir=str(settings.cache_dir))
    return [
        record
        for name, text in _WARM_UP.items()
        for record in extract_file(text.encode(), name, gaz, [])
    ]


def extract_file(data: bytes, name: str, gaz, skipped: list[Skipped]) -> list[dict]:
    """The events of one file (several for a table) as records, each with its row suffix.
    A report the extractor fails on is added to ``skipped``, never stopping the others.

    Raises:
        DocumentError: when the file cannot be read.
    """
    return extract_documents(read_bytes(data, name), name, gaz, skipped)


def extract_documents(
    documents: Iterable[RawDocument], name: str, gaz, skipped: list[Skipped]
) -> list[dict]:
    """The events of these documents of the file ``name`` (see :func:`extract_file`)."""
    records = []
    for document in documents:
        if not document.text.strip():
            skipped.append(Skipped(document.source, "table row has no text"))
            continue
        try:
            event = extract_event(document, gaz)
        except Exception as exc:
            reason = f"could not be analysed ({type(exc).__name__}: {exc}); please report it"
            skipped.append(Skipped(document.source, reason))
            continue
        records.append({**record(event), "row": document.source[len(name) :]})
    return records


def record(event: Event) -> dict:
    """The event as a record: its fields as they are (``dataclasses.asdict`` would copy
    each list deeply, for nothing: the event is not kept)."""
    return {column: getattr(event, column) for column in EVENT_COLUMNS}
