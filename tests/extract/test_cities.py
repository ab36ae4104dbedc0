"""The index of cities kept in the cache folder: read back as built, rebuilt when damaged."""

from __future__ import annotations

import pytest

from analytics.extract import cities
from analytics.extract.places import normalise

SMALL = {"lima": "0\x1f-9000000\x1fLima\x1fPER", "accra": "0\x1f-2000000\x1fAccra\x1fGHA"}


@pytest.fixture
def fresh(monkeypatch):
    """No index in this process's memory yet; the builder counted (a small index)."""
    monkeypatch.setattr(cities, "_in_memory", [])
    built = []

    def build(normalise):
        built.append(1)
        return dict(SMALL)

    monkeypatch.setattr(cities, "_build", build)
    return built


def _again(monkeypatch) -> None:
    monkeypatch.setattr(cities, "_in_memory", [])  # as a new process


def test_the_real_index_reads_back_as_built(tmp_path, monkeypatch):
    monkeypatch.setattr(cities, "_in_memory", [])
    built = cities.city_index(normalise, tmp_path)
    assert cities.index_file(tmp_path, normalise).exists()
    _again(monkeypatch)
    monkeypatch.setattr(cities, "_build", lambda n: pytest.fail("built again"))
    read = cities.city_index(normalise, tmp_path)
    assert read.kept == built.kept
    assert read.get("geneve")[0][::2] == (1, "Geneva")  # under an alternate name
    rank, population, city, iso3 = read.get("lima")[0]
    assert (rank, city, iso3) == (0, "Lima", "PER") and population < -1_000_000
    assert read.get("no such city") is None


def test_entries_are_split_from_the_kept_strings(fresh, tmp_path):
    index = cities.city_index(normalise, tmp_path)
    assert index.get("lima") == [(0, -9000000, "Lima", "PER")]
    assert "accra" in index and "kumasi" not in index


def test_the_index_is_built_once_then_read(fresh, tmp_path, monkeypatch):
    cities.city_index(normalise, tmp_path)
    _again(monkeypatch)
    index = cities.city_index(normalise, tmp_path)
    assert fresh == [1]
    assert index.kept == SMALL


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit changed
        lambda data: b"not an index at all",
        lambda data: b"",
    ],
    ids=["truncated", "flipped", "garbage", "empty"],
)
def test_a_damaged_file_is_built_again_and_replaced(fresh, tmp_path, monkeypatch, damage):
    cities.city_index(normalise, tmp_path)
    path = cities.index_file(tmp_path, normalise)
    path.write_bytes(damage(path.read_bytes()))
    _again(monkeypatch)
    index = cities.city_index(normalise, tmp_path)
    assert fresh == [1, 1]
    assert index.kept == SMALL
    _again(monkeypatch)
    assert cities.city_index(normalise, tmp_path).kept == SMALL
    assert fresh == [1, 1]  # the file was replaced by a good one
    assert not list(path.parent.glob("*.tmp"))


def test_a_file_of_another_kind_is_never_trusted(fresh, tmp_path, monkeypatch):
    import hashlib
    import marshal

    payload = marshal.dumps(["a", "list"])  # well formed, but not an index
    digest = hashlib.blake2b(payload, digest_size=16).digest()
    path = cities.index_file(tmp_path, normalise)
    path.parent.mkdir(parents=True)
    path.write_bytes(cities._MAGIC + digest + payload)
    assert cities.city_index(normalise, tmp_path).kept == SMALL
    assert fresh == [1]


def test_a_cache_folder_that_cannot_be_written_still_gives_the_index(fresh, tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be")
    assert cities.city_index(normalise, blocked).kept == SMALL
    assert fresh == [1]


def test_no_folder_builds_without_a_file(fresh, tmp_path):
    assert cities.city_index(normalise).kept == SMALL
    assert not any(tmp_path.iterdir())


def test_an_index_of_other_code_is_removed_once_a_new_one_is_kept(fresh, tmp_path):
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "cities-0123456789abcdef.marshal").write_bytes(b"an index of older code")
    cities.city_index(normalise, tmp_path)
    assert [p.name for p in folder.glob("*.marshal")] == [
        cities.index_file(tmp_path, normalise).name
    ]
