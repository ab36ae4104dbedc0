"""The events table of a folder: recursion, skips, duplicates, cache and the command line."""

import subprocess
import sys

import pandas as pd
import pytest

from analytics import corpus as corpus_module
from analytics.__main__ import main
from analytics.corpus import EVENT_COLUMNS, load_corpus
from tests.conftest import ROOT, SMALL_REPORTS


def test_reads_folder_recursively_one_row_per_report(make_corpus):
    folder = make_corpus(
        {
            **SMALL_REPORTS,
            "sub/dir/again.txt": SMALL_REPORTS["nairobi.txt"]
            .replace("Nairobi", "Kampala")
            .replace("Kenya", "Uganda"),
        }
    )
    result = load_corpus([folder])
    assert list(result.events.columns) == list(EVENT_COLUMNS)
    assert len(result.events) == 5
    assert "corpus/sub/dir/again.txt" in set(result.events["source"])
    row = result.events.set_index("source").loc["corpus/sub/dir/again.txt"]
    assert (row["city"], row["iso3"]) == ("Kampala", "UGA")
    assert row["date"] == pd.Timestamp("2015-03-03")


def test_dtypes(make_corpus):
    events = load_corpus([make_corpus()]).events
    for column, dtype in EVENT_COLUMNS.items():
        assert str(events[column].dtype) == dtype, column


def test_duplicates_appear_once(make_corpus):
    folder = make_corpus(
        {"a.txt": SMALL_REPORTS["nairobi.txt"], "b.txt": SMALL_REPORTS["nairobi.txt"]}
    )
    result = load_corpus([folder])
    assert len(result.events) == 1 and result.duplicates == 1


def test_bad_files_are_reported_and_the_rest_read(make_corpus):
    folder = make_corpus({
        **SMALL_REPORTS,
        "empty.txt": "",
        "image.html": b"\x89PNG\r\n\x1a\n\x00\x00",
        "notes.rtf": "{\\rtf1}",
        "table.csv": "title,body\nOne,The meeting took place in Lima on 3 May 2018.\nTwo,\n",
        ".hidden.txt": "ignored",
        "SOURCES.csv": "file,event_id\n",
    })  # fmt: skip
    result = load_corpus([folder])
    reasons = dict(zip(result.ingest_report["source"], result.ingest_report["reason"], strict=True))
    assert reasons == {
        "corpus/empty.txt": "empty file",
        "corpus/image.html": "binary content: this is a PNG image, not text",
        "corpus/notes.rtf": "unsupported file type .rtf",
        "corpus/table.csv#1": "table row has no text",
    }
    assert len(result.events) == len(SMALL_REPORTS) + 1


def test_size_limit(make_corpus, monkeypatch):
    monkeypatch.setenv("MEETINGS_MAX_FILE_MB", "0.0001")
    result = load_corpus([make_corpus()])
    assert result.events.empty
    assert all("larger than" in s.reason for s in result.skipped)


def test_cache_reprocesses_only_changed_files(make_corpus, tmp_path, monkeypatch):
    folder = make_corpus()
    cache = tmp_path / "cache"
    first = load_corpus([folder], cache_dir=cache)
    calls = []
    original = corpus_module._extract_file
    monkeypatch.setattr(
        corpus_module,
        "_extract_file",
        lambda data, name: calls.append(name) or original(data, name),
    )
    (folder / "lome.md").write_text(SMALL_REPORTS["lome.md"] + "\nOne more line.\n")
    second = load_corpus([folder], cache_dir=cache)
    assert calls == ["corpus/lome.md"]
    assert len(second.events) == len(first.events)
    pd.testing.assert_frame_equal(
        first.events.drop(columns=["doc_id", "text", "n_words"]).reset_index(drop=True),
        second.events.drop(columns=["doc_id", "text", "n_words"]).reset_index(drop=True),
    )


def test_failed_file_leaves_no_cache_entry(make_corpus, tmp_path):
    cache = tmp_path / "cache"
    load_corpus([make_corpus({"empty.txt": ""})], cache_dir=cache)
    assert not (cache / "events.parquet").exists()
    assert not list(cache.glob("*.tmp")) if cache.exists() else True


def test_cli_csv_and_report(make_corpus, capsys):
    folder = make_corpus({**SMALL_REPORTS, "empty.txt": ""})
    assert main(["events", str(folder), "--no-cache"]) == 0
    out, err = capsys.readouterr()
    header = out.splitlines()[0].split(",")
    assert "text" not in header and header[:3] == ["doc_id", "source", "title"]
    assert "Nairobi,Kenya,KEN,East and Southern Africa" in out
    assert "skipped corpus/empty.txt: empty file" in err


def test_cli_json_to_file(make_corpus, tmp_path):
    out = tmp_path / "events.json"
    assert (
        main(["events", str(make_corpus()), "--format", "json", "--out", str(out), "--no-cache"])
        == 0
    )
    records = pd.read_json(out)
    assert set(records["iso3"].dropna()) >= {"KEN", "TGO", "BEL"}


def test_cli_exits_2_when_nothing_read(make_corpus, capsys):
    assert main(["events", str(make_corpus({"empty.txt": ""})), "--no-cache"]) == 2
    assert "no report could be read" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--help"], ["events", "--help"]])
def test_cli_help(args):
    result = subprocess.run(
        [sys.executable, "-m", "analytics", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0
    assert "events" in result.stdout
