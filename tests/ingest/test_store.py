"""The extraction store: parts written as batches finish, compacted, texts read on demand."""

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analytics.ingest import store as store_module
from analytics.ingest.store import ExtractionStore


def _rows(keys: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"doc-{key}" for key in keys],
            "text": [f"The text of report {key}." for key in keys],
            "row": [""] * len(keys),
            "key": keys,
        }
    )


@pytest.fixture
def store(tmp_path, monkeypatch) -> ExtractionStore:
    """A store of three parts (one key written twice), compacted past two parts."""
    monkeypatch.setattr(store_module, "MAX_PARTS", 2)
    monkeypatch.setattr(store_module, "ROW_GROUP", 2)
    kept = ExtractionStore(tmp_path)
    for keys in (["k5", "k1", "k9"], ["k3", "k1"], ["k7", "k2", "k8"]):
        kept.append(_rows(keys))
    kept.remember("a.txt", 1, 1, "v", "k1")
    kept.save()
    return ExtractionStore(tmp_path)  # as the next load opens it


def test_many_parts_are_compacted_into_one_sorted_by_report(store):
    parts = list(store.folder.glob("part-*.parquet"))
    assert len(parts) == 1
    merged = pq.ParquetFile(parts[0])
    assert merged.metadata.num_row_groups == 4  # 7 distinct keys in groups of 2
    ids = merged.read(columns=["doc_id"]).column("doc_id").to_pylist()
    assert ids == sorted(ids) and len(ids) == 7  # k1, written twice, is kept once
    rows = store.rows(["k1", "k8"])
    assert sorted(rows["key"]) == ["k1", "k8"]
    assert "text" not in store.rows(["k1"], texts=False)


@pytest.mark.parametrize("few", [1_000, 0])  # looked up in row groups, or filtered from all
def test_texts_are_read_for_the_reports_asked_in_their_order(store, monkeypatch, few):
    monkeypatch.setattr(store_module, "FEW", few)
    texts = store.texts([f"doc-k{i}" for i in range(1, 10)])
    picked = texts.of(["doc-k8", "doc-missing", "doc-k2"])
    assert picked.iloc[0] == "The text of report k8." and pd.isna(picked.iloc[1])
    assert picked.iloc[2] == "The text of report k2."
    assert texts["doc-k5"] == "The text of report k5."
    with pytest.raises(KeyError):
        texts["doc-missing"]


def test_a_few_texts_are_read_from_the_row_groups_that_hold_them_only(store, monkeypatch):
    read = []
    original = pq.ParquetFile.read_row_groups
    monkeypatch.setattr(
        pq.ParquetFile, "read_row_groups",
        lambda self, groups, **k: read.append(list(groups)) or original(self, groups, **k),
    )  # fmt: skip
    texts = store.texts(["doc-k7", "doc-k1"])
    assert texts.of(["doc-k7"]).tolist() == ["The text of report k7."]
    assert read == [[2]]  # k1 k2 | k3 k5 | k7 k8 | k9: sorted, in groups of 2
    read.clear()
    assert pd.isna(texts.of(["doc-added-later"]).iloc[0])
    assert read == []  # in no group, whatever the groups' ranges of doc_ids


def test_a_large_part_read_without_texts_is_kept_for_the_next_load(store, monkeypatch):
    monkeypatch.setattr(store_module, "KEEP_ROWS", 1)
    monkeypatch.setattr(store_module, "_READ", {})
    whole, some = store.rows(["k1", "k9"], texts=False), store.rows(["k7"], texts=False)
    monkeypatch.setattr(store_module.pq, "read_table", lambda *a, **k: pytest.fail("read again"))
    assert sorted(store.rows(["k9", "k1"], texts=False)["key"]) == ["k1", "k9"]
    pd.testing.assert_frame_equal(store.rows(["k1", "k9"], texts=False), whole)
    pd.testing.assert_frame_equal(store.rows(["k7"], texts=False), some)
    assert "text" not in whole


def test_a_search_reads_every_text_once_and_a_damaged_part_is_left_out(store, tmp_path):
    store.append(_rows(["k4"]))
    texts = store.texts(["doc-k4", "doc-k1"])
    (bad,) = [p for p in store.folder.glob("part-*.parquet") if len(pq.read_table(p)) == 1]
    bad.write_bytes(b"damaged")
    held = texts.reindex(["doc-k1", "doc-k4"])
    assert held.iloc[0] == "The text of report k1." and pd.isna(held.iloc[1])
    for part in store.folder.glob("part-*.parquet"):
        part.unlink()
    assert texts.reindex(["doc-k1"]).iloc[0] == "The text of report k1."  # held from then on
