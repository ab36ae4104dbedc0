"""A large table extracted in chunks of rows: the same events as read whole, spread over
the workers, stored chunk by chunk, resumed without losing or repeating a row."""

from __future__ import annotations

import csv
import io
import pathlib

import pandas as pd
import pytest

from analytics import extracting, pipeline
from analytics.ingest import chunks
from analytics.ingest import store as store_module
from analytics.ingest.chunks import Rows
from analytics.ingest.readers import read_bytes, read_table_chunks
from analytics.ingest.tables import read_table_file
from analytics.pipeline import load_corpus
from tests.conftest import ROOT

CITIES = [("Nairobi", "Kenya"), ("Lima", "Peru"), ("Accra", "Ghana"), ("Hanoi", "Viet Nam")]


def _table(n: int, empty: tuple[int, ...] = ()) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "date", "body"])
    for i in range(n):
        city, country = CITIES[i % len(CITIES)]
        body = (
            ""
            if i in empty
            else f"The Directors General met in {city}, {country}, on {i % 27 + 1} May 2019 for "
            f"meeting number {i}, to discuss the Trade Facilitation Agreement and smuggling."
        )
        writer.writerow([f"Meeting {i} in {city}", "2019-05-30", body])
    return out.getvalue()


@pytest.fixture
def corpus(make_corpus):
    """A table of 11 rows (one without text) beside two plain reports."""
    return make_corpus(
        {
            "reports.csv": _table(11, empty=(4,)),
            "a.txt": "Talks in Quito\n\n2 June 2020\n\nDelegates met in Quito, Ecuador.",
            "b.txt": "Talks in Dakar\n\n3 June 2020\n\nDelegates met in Dakar, Senegal.",
        }
    )


@pytest.fixture
def whole(corpus, settings):
    """The events and skips of the corpus with the table read whole, as one unit."""
    loaded = load_corpus([corpus], settings, cache=False)
    return _sorted(loaded.events), sorted(map(tuple, loaded.ingest_report.to_numpy()))


def _sorted(events: pd.DataFrame) -> pd.DataFrame:
    return events.sort_values("source").reset_index(drop=True)


@pytest.fixture
def small_chunks(monkeypatch):
    """Every table in chunks of three rows; the chunks extracted, as (start, stop)."""
    monkeypatch.setattr(chunks, "SPLIT_BYTES", 0)
    monkeypatch.setattr(chunks, "TABLE_ROWS", 3)
    done, original = [], pipeline.extract_batch

    def spy(batch, *inputs):
        done.extend((p.start, p.stop) for p in batch if isinstance(p, Rows))
        return original(batch, *inputs)

    monkeypatch.setattr(pipeline, "extract_batch", spy)
    return done


def test_the_chunks_are_the_rows_a_whole_read_gives():
    data = _table(7, empty=(2,)).encode()
    chunked = list(read_table_chunks(data, "t.csv", 3))
    assert [len(chunk) for chunk in chunked] == [3, 3, 1]
    assert [doc for chunk in chunked for doc in chunk] == read_bytes(data, "t.csv")
    lines = "\n".join(f'{{"text": "Report {i}.", "title": "T{i}"}}' for i in range(5))
    jsonl = [doc for chunk in read_table_chunks(lines.encode(), "t.jsonl", 2) for doc in chunk]
    assert jsonl == read_bytes(lines.encode(), "t.jsonl") and jsonl[4].source == "t.jsonl#4"


def test_a_table_that_breaks_half_way_gives_its_chunks_before_the_error():
    data = (_table(5) + '"an unclosed quote,2019-05-30,text\n').encode()
    chunked = read_table_chunks(data, "t.csv", 2)
    assert len(next(chunked)) == 2
    with pytest.raises(Exception, match="unreadable table") as info:
        list(chunked)
    assert info.type.__name__ == "DocumentError"


def test_a_table_in_chunks_gives_exactly_the_events_of_the_whole_table(
    corpus, settings, whole, small_chunks
):
    loaded = load_corpus([corpus], settings.replace(workers=1), cache=False)
    assert small_chunks == [(0, 3), (3, 6), (6, 9), (9, 11)]  # four units of work
    pd.testing.assert_frame_equal(_sorted(loaded.events), whole[0])
    assert sorted(map(tuple, loaded.ingest_report.to_numpy())) == whole[1]
    assert ("corpus/reports.csv#4", "table row has no text") in whole[1]


def test_a_table_in_chunks_on_worker_processes_gives_the_same_events(
    corpus, settings, whole, monkeypatch
):
    monkeypatch.setattr(chunks, "SPLIT_BYTES", 0)
    monkeypatch.setattr(chunks, "TABLE_ROWS", 3)
    loaded = load_corpus([corpus], settings.replace(workers=2), cache=False)
    pd.testing.assert_frame_equal(_sorted(loaded.events), whole[0])


def test_a_table_stopped_half_way_resumes_without_losing_or_repeating_a_row(
    corpus, settings, whole, small_chunks, monkeypatch
):
    settings = settings.replace(workers=1)
    spy = pipeline.extract_batch

    def crashing(batch, *inputs):
        if any(isinstance(p, Rows) and p.start == 6 for p in batch):
            raise KeyboardInterrupt  # the machine goes down during the third chunk
        return spy(batch, *inputs)

    monkeypatch.setattr(pipeline, "extract_batch", crashing)
    with pytest.raises(KeyboardInterrupt):
        load_corpus([corpus], settings)
    assert small_chunks == [(0, 3), (3, 6)]  # stored as they finished
    small_chunks.clear()
    monkeypatch.setattr(pipeline, "extract_batch", spy)
    resumed = load_corpus([corpus], settings)
    assert small_chunks == [(6, 9), (9, 11)]  # only the chunks not stored
    pd.testing.assert_frame_equal(_sorted(resumed.events), whole[0])
    monkeypatch.setattr(pipeline, "path_key", lambda *a: pytest.fail("a file was read again"))
    warm = load_corpus([corpus], settings)  # the table is whole in the store now
    assert small_chunks == [(6, 9), (9, 11)]
    pd.testing.assert_frame_equal(_sorted(warm.events), whole[0])


def test_a_table_stored_in_chunks_survives_the_compaction_of_the_store(
    corpus, settings, whole, small_chunks, monkeypatch
):
    monkeypatch.setattr(store_module, "MAX_PARTS", 2)  # four chunks and a batch: compacted
    load_corpus([corpus], settings.replace(workers=1))
    assert len(list(settings.cache_dir.glob("events/part-*.parquet"))) == 1
    small_chunks.clear()
    warm = load_corpus([corpus], settings.replace(workers=1))
    assert small_chunks == []  # every chunk still known as stored
    pd.testing.assert_frame_equal(_sorted(warm.events), whole[0])


def test_a_chunk_without_a_row_of_text_is_stored_as_done(make_corpus, settings, small_chunks):
    folder = make_corpus({"reports.csv": _table(6, empty=(3, 4, 5))})  # the second chunk
    first = load_corpus([folder], settings.replace(workers=1))
    assert small_chunks == [(0, 3), (3, 6)]
    small_chunks.clear()
    again = load_corpus([folder], settings.replace(workers=1))
    assert small_chunks == [] and len(again.events) == len(first.events) == 3


@pytest.fixture
def never_read_whole(monkeypatch):
    """The names of the tables of reports read whole (``Path.read_bytes``: not the tables
    of places of the repository's data)."""
    read, original = [], pathlib.Path.read_bytes

    def read_bytes(path):
        if path.suffix in (".csv", ".jsonl") and not path.resolve().is_relative_to(ROOT):
            read.append(path.name)
        return original(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    return read


def test_a_table_file_is_read_as_it_goes_into_the_documents_its_bytes_give(
    tmp_path, never_read_whole
):
    quoted = '"Meeting «7»","2019-05-30","Talks in Líma,\r\nPerú, on 2 May 2019."\r\n'
    accents = _table(7, empty=(2,)).replace("Lima", "Líma") + quoted
    lines = "\n".join(f'{{"text": "Report {i}\u2028é.", "title": "T{i}"}}' for i in range(5))
    tables = {
        "plain.csv": accents.encode(),
        "marked.csv": accents.encode("utf-8-sig"),
        "reports.jsonl": lines.encode() + b"\n\n",
        "western.csv": accents.replace("«", "").replace("»", "").encode("cp1252"),
    }
    for name, data in tables.items():
        (tmp_path / name).write_bytes(data)
        streamed = [doc for chunk in read_table_file(tmp_path / name, name, 3) for doc in chunk]
        assert streamed == [doc for chunk in read_table_chunks(data, name, 3) for doc in chunk]
        assert len(streamed) == (5 if name.endswith("jsonl") else 8)
    assert streamed[-1].title == "Meeting 7" and streamed[-1].text.startswith("Talks in Líma,")
    assert never_read_whole == ["western.csv"]  # not UTF-8: read whole, then decoded


def test_a_large_table_is_read_from_its_file_in_chunks_never_whole(
    corpus, settings, whole, small_chunks, never_read_whole
):
    loaded = load_corpus([corpus], settings.replace(workers=1))
    pd.testing.assert_frame_equal(_sorted(loaded.events), whole[0])
    assert never_read_whole == []  # neither to hash it nor to parse it


def test_a_row_the_extractor_fails_on_is_named_and_skipped_and_the_others_kept(
    corpus, settings, whole, small_chunks, monkeypatch
):
    original = extracting.extract_event

    def failing(document, gaz):
        if "meeting number 7," in document.text:
            raise ValueError("unexpected layout")
        return original(document, gaz)

    monkeypatch.setattr(extracting, "extract_event", failing)
    loaded = load_corpus([corpus], settings.replace(workers=1))
    assert len(loaded.events) == len(whole[0]) - 1
    assert "corpus/reports.csv#7" not in set(loaded.events["source"])
    skipped = dict(map(tuple, loaded.ingest_report.to_numpy()))
    reason = "could not be analysed (ValueError: unexpected layout); please report it"
    assert skipped["corpus/reports.csv#7"] == reason
    assert skipped["corpus/reports.csv#4"] == "table row has no text"


def test_a_table_broken_half_way_keeps_the_rows_before_and_names_the_table(
    make_corpus, settings, small_chunks
):
    broken = _table(7) + '"an unclosed quote,2019-05-30,text\n'
    folder, settings = make_corpus({"reports.csv": broken}), settings.replace(workers=1)
    for _ in range(2):  # and again: the rows kept, the table named again, nothing redone
        loaded = load_corpus([folder], settings)
        assert small_chunks == [(0, 3), (3, 6)]  # the chunks read before the break
        assert len(loaded.events) == 6
        ((source, reason),) = loaded.ingest_report.to_numpy()
        assert source == "corpus/reports.csv" and reason.startswith("unreadable table")
