"""Uploaded reports are saved safely into the corpus folder."""

import pytest

from analytics.errors import UploadError
from analytics.ingest.uploads import save_upload

LIMIT_MB = 50.0


def test_upload_is_saved_under_a_plain_name(tmp_path):
    path = save_upload("../../etc/report one.txt", b"Some report", tmp_path, LIMIT_MB)
    assert path == tmp_path / "report one.txt"
    assert path.read_bytes() == b"Some report"


def test_same_name_different_content_is_not_overwritten(tmp_path):
    first = save_upload("r.txt", b"first", tmp_path, LIMIT_MB)
    second = save_upload("r.txt", b"second", tmp_path, LIMIT_MB)
    again = save_upload("r.txt", b"first", tmp_path, LIMIT_MB)
    assert first != second and again == first
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("slides.pptx", b"x", "unsupported file type .pptx"),
        ("empty.txt", b"", "empty"),
        ("noext", b"x", r"unsupported file type \(none\)"),
    ],
)
def test_bad_uploads_are_refused_with_the_file_name(tmp_path, name, data, reason):
    with pytest.raises(UploadError, match=reason) as info:
        save_upload(name, data, tmp_path, LIMIT_MB)
    assert name in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_upload_over_the_size_limit_is_refused(tmp_path):
    with pytest.raises(UploadError, match=r"0\.001 MB limit"):
        save_upload("big.txt", b"x" * 2000, tmp_path, 0.001)


@pytest.mark.parametrize(
    ("name", "saved_as"),
    [
        ("C:\\Users\\ana\\minutes.txt", "minutes.txt"),
        ("/etc/cron.d/notes.md", "notes.md"),
        (".hidden.txt", "hidden.txt"),
        ("CON.txt", "CON_.txt"),
        ("lpt1.report.md", "lpt1_.report.md"),
        ("rép<o>rt?|*.txt", "rép_o_rt_.txt"),
    ],
)
def test_odd_names_are_saved_under_a_plain_visible_name(tmp_path, name, saved_as):
    assert save_upload(name, b"A report", tmp_path, LIMIT_MB).name == saved_as


def test_a_name_too_long_for_a_file_system_is_refused_and_shown_short(tmp_path):
    name = "a" * 1000 + ".txt"
    with pytest.raises(UploadError, match="longer than 150 characters") as info:
        save_upload(name, b"A report", tmp_path, LIMIT_MB)
    assert str(info.value).startswith("a" * 60 + "…") and len(str(info.value)) < 200
    assert list(tmp_path.iterdir()) == []


def test_a_name_the_corpus_ignores_is_refused_rather_than_saved_and_never_read(tmp_path):
    with pytest.raises(UploadError, match=r"README\.md: files of this name are not read"):
        save_upload("README.md", b"# A report", tmp_path, LIMIT_MB, ("README.md", "SOURCES.csv"))
    assert list(tmp_path.iterdir()) == []


def test_uploads_saved_at_once_by_several_editors_lose_nothing(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    contents = [f"Report number {i}".encode() for i in range(12)]
    with ThreadPoolExecutor(6) as pool:  # the same name, other contents, at the same time
        saved = list(
            pool.map(lambda data: save_upload("r.txt", data, tmp_path, LIMIT_MB), contents)
        )
    assert sorted(path.read_bytes() for path in saved) == sorted(contents)
    assert len({path.name for path in saved}) == 12
    assert not list(tmp_path.glob(".*.part"))
