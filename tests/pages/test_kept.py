"""A page's tables, figures and files are made once per server for a selection: a second
session on the same selection reuses them, and a changed filter, option or analysis makes
them anew."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest

import analytics.views.aggregate as aggregate
import analytics.views.charts as charts
from analytics.views.export import with_manifest
from pages.shared import kept
from tests.pages.test_pages import bundled_corpus, chart, open_app  # noqa: F401


@pytest.fixture
def calls(monkeypatch):
    """How often the Trends page's region table and its chart were made."""
    kept._kept.clear()
    made = {"table": 0, "chart": 0}

    def counted(name, function):
        def call(*args, **kwargs):
            made[name] += 1
            return function(*args, **kwargs)

        return call

    monkeypatch.setattr(aggregate, "region_trends", counted("table", aggregate.region_trends))
    monkeypatch.setattr(charts, "region_trend_multiples",
                        counted("chart", charts.region_trend_multiples))  # fmt: skip
    return made


def test_a_second_session_on_the_same_selection_reuses_the_page(calls):
    first = open_app("trends")
    assert calls == {"table": 1, "chart": 1}
    second = open_app("trends")
    assert calls == {"table": 1, "chart": 1}
    assert chart(first, "by region") == chart(second, "by region")


def test_a_changed_filter_or_option_makes_the_page_anew(calls):
    open_app("trends")
    at = open_app("trends", region="Europe")
    assert calls == {"table": 2, "chart": 2}
    at.toggle(key="by_quarter").set_value(not at.toggle(key="by_quarter").value).run()
    assert calls["table"] == 2  # the region table does not depend on quarters
    trend = chart(at, "Themes by")
    assert ("quarter" in trend["layout"]["title"]["text"]) == at.toggle(key="by_quarter").value


def test_a_kept_tables_csv_is_made_once_and_any_other_tables_each_time(monkeypatch):
    made = []
    monkeypatch.setattr(kept, "csv_bytes", lambda table: made.append(len(table)) or b"x")
    table = pd.DataFrame({"a": [1, 2]})
    kept._kept.clear()
    shared = kept._kept("a table", lambda: pd.DataFrame({"a": [1, 2, 3]}))
    assert kept.csv_of(shared) == kept.csv_of(shared) == b"x"
    kept.csv_of(table), kept.csv_of(table)
    assert made == [3, 2, 2]


def test_a_snapshot_of_kept_tables_is_zipped_once_and_gets_each_runs_manifest(monkeypatch):
    zipped = []
    real = kept.tables_zip
    monkeypatch.setattr(kept, "tables_zip", lambda t, csv: zipped.append(list(t)) or real(t, csv))
    kept._kept.clear()
    shared = kept._kept("a table", lambda: pd.DataFrame({"a": [1, 2, 3]}))
    other = pd.DataFrame({"b": ["x"]})
    first = with_manifest(kept.zip_of({"a": shared}), {"run": 1})
    second = with_manifest(kept.zip_of({"a": shared}), {"run": 2})
    kept.zip_of({"a": shared, "b": other}), kept.zip_of({"a": shared, "b": other})
    assert zipped == [["a"], ["a", "b"], ["a", "b"]]  # one not kept: zipped each time
    for archive, run in ((first, 1), (second, 2)):
        files = zipfile.ZipFile(io.BytesIO(archive))
        assert files.namelist() == ["a.csv", "manifest.json"]
        assert files.read("a.csv").decode("utf-8-sig").splitlines() == ["a", "1", "2", "3"]
        assert json.loads(files.read("manifest.json")) == {"run": run}
