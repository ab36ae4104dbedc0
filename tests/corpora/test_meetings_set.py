"""The meetings set (``data/eval/meetings``): reports to group into meetings and near-misses
to keep apart. These checks keep its facts table honest; they read files, not the pipeline."""

import re
from datetime import date

import pandas as pd
import pytest

from analytics.model.taxonomy import load_taxonomy
from tests.conftest import DEMO, ROOT

FOLDER = ROOT / "data" / "eval" / "meetings"
COLUMNS = [
    "file",
    "event_id",
    "style",
    "language",
    "published",
    "start_date",
    "end_date",
    "city",
    "iso3",
    "region",
    "virtual",
    "themes",
    "note",
]


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return pd.read_csv(FOLDER / "SOURCES.csv", dtype=str, keep_default_na=False)


def test_the_table_lists_exactly_the_reports(facts):
    assert facts.columns.tolist() == COLUMNS
    assert sorted(facts["file"]) == sorted(p.name for p in FOLDER.glob("*.txt"))


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _words(text: str) -> int:
    """Words, a Chinese word counted as two characters (Chinese is written without spaces)."""
    return len(_CJK.sub(" ", text).split()) + len(_CJK.findall(text)) // 2


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.txt")), ids=lambda p: p.name)
def test_each_report_has_the_demo_layout(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].strip() and lines[1] == "" and lines[2].strip() and lines[3] == ""
    assert 120 <= _words(path.read_text(encoding="utf-8")) <= 350


def test_fields_are_well_formed(facts):
    themes = {t.id for t in load_taxonomy(ROOT / "data" / "themes.toml")}
    for row in facts.itertuples():
        for field in ("published", "start_date", "end_date"):
            value = getattr(row, field)
            assert value == "" or date.fromisoformat(value), (row.file, field)
        assert row.end_date == "" or row.end_date >= row.start_date, row.file
        assert row.virtual in ("true", "false"), row.file
        assert set(row.themes.split(";")) <= themes, row.file
        assert (row.city == "") == (row.virtual == "true"), row.file
        assert re.fullmatch(r"[EN]\d{2,3}", row.event_id), row.file


def test_groups_agree_with_the_demo_facts(facts):
    demo = pd.read_csv(DEMO / "SOURCES.csv", dtype=str, keep_default_na=False)
    demo = demo.set_index("event_id")
    grouped = facts[facts["event_id"].str.startswith("E")]
    for row in grouped.itertuples():
        known = demo.loc[row.event_id]
        for field in ("start_date", "end_date", "city", "iso3", "region"):
            assert getattr(row, field) == known[field], (row.file, field)
    sizes = grouped.groupby("event_id").agg(n=("file", "size"), styles=("style", "nunique"))
    assert (sizes["n"] >= 3).all() and (sizes["styles"] == sizes["n"]).all()


def test_near_misses_are_new_meetings_of_one_report_each(facts):
    near = facts[facts["event_id"].str.startswith("N")]
    assert len(near) >= 13 and near["event_id"].is_unique
    assert near["style"].str.startswith("near_miss_").all()
