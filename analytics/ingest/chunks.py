"""Large tables extracted in chunks of rows, so that a table is not one worker's work.

A table is one file, hence one batch and one worker for as long as all its rows take (a
100,000-row table took 18 minutes on one core while the others waited). A table larger
than :data:`SPLIT_BYTES` is read here instead, once, and its rows are given out in
chunks of :data:`TABLE_ROWS`, each a unit of work of its own: the workers share them, and
the store keeps each chunk as it finishes, under the table's key with its row range
(see :class:`~analytics.ingest.store.ExtractionStore`), so a load that stops half-way
resumes with the chunks it had not finished. One chunk and the next are held at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analytics.errors import DocumentError
from analytics.ingest.base import TABLE_SUFFIXES, RawDocument, Skipped
from analytics.ingest.readers import read_table_chunks
from analytics.ingest.store import ExtractionStore, Unit

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
    added to ``skipped``; the chunks before it were given."""
    for path, name, key in tables:
        kept = store.units(key)
        try:
            chunks = read_table_chunks(Path(path).read_bytes(), name, TABLE_ROWS)
            chunk, start = next(chunks, None), 0
            if chunk is None:
                raise DocumentError("table has no row with text")
            while chunk is not None:
                following = next(chunks, None)  # read ahead: is this chunk the last?
                stop = start + len(chunk)
                if (start, stop) not in kept:
                    yield [Rows(name, key, start, stop, following is None, chunk)]
                chunk, start = following, stop
        except OSError as exc:
            skipped.append(Skipped(name, f"cannot read file: {exc.strerror or exc}"))
        except DocumentError as exc:
            skipped.append(Skipped(name, str(exc)))
