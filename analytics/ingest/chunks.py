"""Large tables extracted in chunks of rows, so that a table is not one worker's work.

A table is one file, hence one batch and one worker for as long as all its rows take (a
100,000-row table took 18 minutes on one core while the others waited). A table larger
than :data:`SPLIT_BYTES` is read here instead, once, and its rows are given out in
chunks of :data:`TABLE_ROWS`, each a unit of work of its own: the workers share them, and
the store keeps each chunk as it finishes, under the table's key with its row range
(see :class:`~analytics.ingest.store.ExtractionStore`), so a load that stops half-way
resumes with the chunks it had not finished. One chunk and the next are held at a time,
read from the file as it goes (see :func:`~analytics.ingest.tables.read_table_file`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analytics.errors import DocumentError
from analytics.ingest.base import TABLE_SUFFIXES, RawDocument, Skipped
from analytics.ingest.store import ExtractionStore, Unit
from analytics.ingest.tables import read_table_file

__all__ = ["SPLIT_BYTES", "TABLE_ROWS", "Rows", "in_chunks", "table_chunks"]

SPLIT_BYTES = 4 << 20  # larger tables go in chunks (a smaller one is quicker as it is
# than starting the workers: about ten seconds, each building its gazetteer)
TABLE_ROWS = 200  # rows per chunk: about the work of a batch of files


@dataclass(frozen=True)
class Rows:
    """Rows ``start`` to ``stop`` (not included) of the table ``name``, to extract."""

    name: str
    key: str
    start: int
    stop: int
    last: bool  # the table's last chunk
    documents: list[RawDocument]

    @property
    def unit(self) -> Unit:
        """What the store notes of this chunk once its rows are kept."""
        return (self.key, self.start, self.stop, self.last)


def in_chunks(path: str, size: int, key: str, store: ExtractionStore) -> bool:
    """Whether a file is extracted in chunks of rows: a large table, or a table whose
    extraction in chunks a stopped load began."""
    is_table = Path(path).suffix.lower() in TABLE_SUFFIXES
    return is_table and (size > SPLIT_BYTES or bool(store.units(key)))


def table_chunks(
    tables: Iterable[tuple[str, str, str]], store: ExtractionStore, skipped: list[Skipped]
) -> Iterator[list[Rows]]:
    """Units of work of one chunk each: the chunks of these tables (path, name, key) that
    the store does not keep. A table that cannot be read, or whose next chunk cannot, is
    added to ``skipped``; the chunks before it were given (and are kept: a table that breaks
    half-way is never whole in the store, so the next load names it again)."""
    for path, name, key in tables:
        kept, chunk, start = store.units(key), None, 0
        try:
            chunks = read_table_file(path, name, TABLE_ROWS)
            chunk = next(chunks, None)
            if chunk is None:
                raise DocumentError("table has no row with text")
            while chunk is not None:
                following = next(chunks, None)  # read ahead: is this chunk the last?
                if (start, start + len(chunk)) not in kept:
                    yield [Rows(name, key, start, start + len(chunk), following is None, chunk)]
                chunk, start = following, start + len(chunk)
        except (OSError, DocumentError) as exc:
            if chunk is not None and (start, start + len(chunk)) not in kept:
                # The rows read before the break, never the table's last: it stays unread
                # in the store, and is named again by the next load.
                yield [Rows(name, key, start, start + len(chunk), False, chunk)]
            reason = f"cannot read file: {exc.strerror or exc}" if isinstance(exc, OSError) else exc
            skipped.append(Skipped(name, str(reason)))
