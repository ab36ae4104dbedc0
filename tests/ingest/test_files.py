"""Listing a corpus without a stat of every file: the folders whose time is unchanged are
taken as last listed; added, removed and replaced files change their folder's time."""

import os

import pytest

from analytics.ingest import listing as listing_module
from analytics.ingest.files import corpus_files, corpus_signature, folders_unchanged
from analytics.ingest.listing import Listing

OLD = 1_600_000_000 * 10**9  # a modification time long past (2020)


def _age(*folders) -> None:
    """Give the folders an old time, as a listing written long after they changed sees."""
    for folder in folders:
        os.utime(folder, ns=(OLD, OLD))


@pytest.fixture
def corpus(tmp_path):
    """corpus/ with a.txt, 2019/b.txt, 2020/c.txt and a hidden folder, all aged."""
    root = tmp_path / "corpus"
    for name in ("a.txt", "2019/b.txt", "2020/c.txt", ".cache/x.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)
    _age(root / "2019", root / "2020", root / ".cache", root)
    return root


@pytest.fixture
def stats(monkeypatch) -> list[str]:
    """The files the listing stats, by path."""
    seen: list[str] = []
    original = listing_module._stat
    monkeypatch.setattr(listing_module, "_stat", lambda path: seen.append(path) or original(path))
    return seen


def _kept(root, tmp_path) -> Listing:
    """The listing of ``root`` as written by a load and read by the next."""
    _, _, listing = corpus_files([root])
    listing.write(tmp_path / "listing.parquet")
    return Listing.read(tmp_path / "listing.parquet")


def _names(files) -> list[str]:
    return [file.name for file in files]


def test_files_come_sorted_with_sizes_and_hidden_ones_left_out(corpus):
    files, skipped, listing = corpus_files([corpus, corpus.parent / "missing"])
    assert _names(files) == ["corpus/2019/b.txt", "corpus/2020/c.txt", "corpus/a.txt"]
    assert [file.size for file in files] == [len("2019/b.txt"), len("2020/c.txt"), 5]
    assert [s.source for s in skipped] == [str(corpus.parent / "missing")]
    assert set(listing.times) == {str(corpus), str(corpus / "2019"), str(corpus / "2020"),
                                  str(corpus.parent / "missing")}  # fmt: skip
    assert folders_unchanged(listing.times)


def test_an_unchanged_corpus_is_listed_without_a_stat_of_any_file(corpus, tmp_path, stats):
    kept = _kept(corpus, tmp_path)
    stats.clear()
    files, _, listing = corpus_files([corpus], kept=kept, full=False)
    assert stats == []
    assert files == corpus_files([corpus])[0]
    assert listing.same_as(kept)


def test_a_file_added_to_a_folder_is_noticed_with_a_stat_of_that_folders_files(
    corpus, tmp_path, stats
):
    kept = _kept(corpus, tmp_path)
    stats.clear()
    (corpus / "2019" / "d.txt").write_text("new")
    files, _, _ = corpus_files([corpus], kept=kept, full=False)
    assert "corpus/2019/d.txt" in _names(files)
    assert sorted(stats) == [str(corpus / "2019" / "b.txt"), str(corpus / "2019" / "d.txt")]


def test_a_file_changed_under_a_changed_folder_is_noticed(corpus, tmp_path):
    kept = _kept(corpus, tmp_path)
    (corpus / "2020" / "c.txt").write_text("rewritten, longer than before")
    (corpus / "2020" / "e.txt").write_text("new")  # the folder's time changes
    files, _, _ = corpus_files([corpus], kept=kept, full=False)
    changed = next(file for file in files if file.name == "corpus/2020/c.txt")
    assert changed.size == len("rewritten, longer than before")


def test_a_removed_file_and_a_removed_folder_disappear(corpus, tmp_path):
    kept = _kept(corpus, tmp_path)
    (corpus / "a.txt").unlink()
    (corpus / "2020" / "c.txt").unlink()
    (corpus / "2020").rmdir()
    files, _, listing = corpus_files([corpus], kept=kept, full=False)
    assert _names(files) == ["corpus/2019/b.txt"]
    assert str(corpus / "2020") not in listing.folders


def test_a_new_subfolder_of_a_new_folder_is_listed(corpus, tmp_path):
    kept = _kept(corpus, tmp_path)
    (corpus / "added" / "deep").mkdir(parents=True)
    (corpus / "added" / "deep" / "f.txt").write_text("new")
    files, _, _ = corpus_files([corpus], kept=kept, full=False)
    assert "corpus/added/deep/f.txt" in _names(files)


def test_a_file_rewritten_in_place_takes_a_full_look(corpus, tmp_path):
    kept = _kept(corpus, tmp_path)
    before = corpus_signature([corpus])[0]
    (corpus / "2019" / "b.txt").write_text("rewritten in place")
    _age(corpus / "2019")  # as if long ago: the folder's time says nothing changed
    assert corpus_signature([corpus], kept=kept)[0] == before
    assert corpus_signature([corpus])[0] != before  # every file stat'ed


def test_a_folder_changed_just_before_the_listing_was_written_is_listed_again(
    corpus, tmp_path, stats
):
    (corpus / "2019" / "d.txt").write_text("new")  # the folder's time is now
    kept = _kept(corpus, tmp_path)
    stats.clear()
    corpus_files([corpus], kept=kept, full=False)
    assert sorted(stats) == [str(corpus / "2019" / "b.txt"), str(corpus / "2019" / "d.txt")]


def test_a_damaged_listing_is_read_as_empty(tmp_path):
    (tmp_path / "listing.parquet").write_bytes(b"not parquet")
    assert Listing.read(tmp_path / "listing.parquet").folders == {}
    assert Listing.read(tmp_path / "missing.parquet").folders == {}


def test_a_file_added_or_a_folder_made_is_noticed_by_the_folder_times(corpus):
    _, _, listing = corpus_files([corpus, corpus.parent / "later"])
    (corpus / "2019" / "d.txt").write_text("new")
    assert not folders_unchanged(listing.times)
    _, _, listing = corpus_files([corpus, corpus.parent / "later"])
    assert folders_unchanged(listing.times)
    (corpus.parent / "later").mkdir()
    assert not folders_unchanged(listing.times)


def test_a_listing_naming_files_of_no_folder_lists_again(corpus, tmp_path):
    import pandas as pd

    pd.DataFrame(
        {"folder": [str(corpus)], "name": ["a.txt"], "size": [5], "mtime_ns": [1]}
    ).to_parquet(tmp_path / "listing.parquet")
    kept = Listing.read(tmp_path / "listing.parquet")
    assert kept.folders == {}
    assert _names(corpus_files([corpus], kept=kept, full=False)[0]) == _names(
        corpus_files([corpus])[0]
    )
