"""The classification kept beside a model: one part per addition of reports, merged."""

import pandas as pd

from analytics import classifying
from analytics.classifying import Classified


def _classified(doc_ids: list[str]) -> Classified:
    themes = pd.DataFrame(
        {"doc_id": doc_ids, "theme": ["trade"] * len(doc_ids), "label": ["Trade"] * len(doc_ids),
         "kind": ["named"] * len(doc_ids), "weight": [0.5] * len(doc_ids),
         "rank": [1] * len(doc_ids)}
    )  # fmt: skip
    return Classified(
        themes, pd.DataFrame({"doc_id": doc_ids, "themes": [["trade"]] * len(doc_ids)})
    )


def test_many_parts_are_merged_into_one_when_loaded_each_report_once(tmp_path, monkeypatch):
    monkeypatch.setattr(classifying, "MAX_PARTS", 2)
    for doc_ids in (["a", "b"], ["c"], ["a"]):  # "a" removed and added again: twice
        _classified(doc_ids).save(tmp_path)
    loaded = Classified.load(tmp_path)
    assert sorted(loaded.docs["doc_id"]) == ["a", "b", "c"]
    assert sorted(loaded.doc_themes["doc_id"]) == ["a", "b", "c"]
    assert len(list((tmp_path / "classified").glob("docs-*.parquet"))) == 1
    assert len(list((tmp_path / "classified").glob("themes-*.parquet"))) == 1
    again = Classified.load(tmp_path)
    pd.testing.assert_frame_equal(again.docs, loaded.docs)
    pd.testing.assert_frame_equal(again.doc_themes, loaded.doc_themes)
