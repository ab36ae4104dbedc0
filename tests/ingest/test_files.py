"""Noticing changes to a corpus without a stat of every file: the times of its folders."""

from analytics.ingest.files import folder_times, folders_unchanged


def _tree(tmp_path):
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "a.txt").write_text("one")
    (tmp_path / ".cache").mkdir()
    return folder_times([tmp_path])


def test_folder_times_cover_every_visible_folder_and_no_file(tmp_path):
    times = _tree(tmp_path)
    assert set(times) == {str(tmp_path), str(tmp_path / "2019")}
    assert folders_unchanged(times)


def test_a_file_added_or_removed_in_a_subfolder_is_noticed(tmp_path):
    times = _tree(tmp_path)
    (tmp_path / "2019" / "b.txt").write_text("two")
    assert not folders_unchanged(times)
    times = folder_times([tmp_path])
    (tmp_path / "2019" / "a.txt").unlink()
    assert not folders_unchanged(times)


def test_a_new_folder_and_a_missing_corpus_path_are_noticed(tmp_path):
    times = _tree(tmp_path)
    (tmp_path / "2020").mkdir()
    assert not folders_unchanged(times)
    missing = folder_times([tmp_path / "later"])
    assert folders_unchanged(missing)
    (tmp_path / "later").mkdir()
    assert not folders_unchanged(missing)


def test_a_file_rewritten_in_place_leaves_the_times_alone(tmp_path):
    times = _tree(tmp_path)
    (tmp_path / "2019" / "a.txt").write_text("changed")
    assert folders_unchanged(times)  # a full signature, on demand, notices this one
