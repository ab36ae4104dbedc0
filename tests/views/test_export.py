"""Exports: exact CSV text, formula neutralising, file names and zip snapshots."""

import io
import json
import zipfile
from datetime import datetime

import pandas as pd

from analytics.views.export import csv_bytes, export_name, manifest, snapshot_zip

WHEN = datetime(2026, 11, 26, 9, 30, 5)


def test_csv_is_bom_utf8_crlf_with_formulas_neutralised():
    table = pd.DataFrame(
        {
            "title": ['=HYPERLINK("http://x")', "+33 forum", "-dash", "@sum", "Café, Brussels"],
            "note": ["\tTab", "\rCR", "plain", "", 'a "quote"'],
            "change": [-3.5, 2.0, 0.0, 1.5, -1.0],
            "themes": [["tf", "sec"], [], ["rev"], ["tf"], []],
            "date": pd.to_datetime(["2017-04-06", "2017-05-15", None, "2019-01-31", "2020-02-01"]),
        }
    )
    expected = (
        "\ufefftitle,note,change,themes,date\r\n"
        '"\'=HYPERLINK(""http://x"")",\'\tTab,-3.5,tf; sec,2017-04-06\r\n'
        "'+33 forum,\"'\rCR\",2.0,,2017-05-15\r\n"
        "'-dash,plain,0.0,rev,\r\n"
        "'@sum,,1.5,tf,2019-01-31\r\n"
        '"Café, Brussels","a ""quote""",-1.0,,2020-02-01\r\n'
    )
    assert csv_bytes(table).decode("utf-8") == expected


def test_negative_numbers_are_left_alone():
    table = pd.DataFrame({"change": [-12], "share": [0.25]})
    assert csv_bytes(table).decode("utf-8") == "\ufeffchange,share\r\n-12,0.25\r\n"


def test_export_name_carries_page_filters_and_time():
    name = export_name(
        "trends-rising-falling",
        {"regions": ["Asia/Pacific", "Europe"], "years": [2015, 2020], "search": "", "themes": []},
        WHEN,
        "csv",
    )
    assert (
        name
        == "trends-rising-falling_regions-asia-pacific-europe_years-2015-2020_20261126-093005.csv"
    )


def test_snapshot_holds_every_table_and_a_manifest():
    tables = {"heatmap": pd.DataFrame({"region": ["Europe"], "share": [0.5]}),
              "latest": pd.DataFrame({"title": ["=cmd"]})}  # fmt: skip
    info = manifest("overview", {"regions": ["Europe"]}, "http://h/?region=Europe", WHEN,
                    "abc123", "model42", tables)  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(snapshot_zip(tables, info)))
    assert sorted(archive.namelist()) == ["heatmap.csv", "latest.csv", "manifest.json"]
    assert archive.read("latest.csv").decode("utf-8") == "\ufefftitle\r\n'=cmd\r\n"
    saved = json.loads(archive.read("manifest.json"))
    assert saved == {
        "page": "overview",
        "filters": {"regions": ["Europe"]},
        "permalink": "http://h/?region=Europe",
        "created_at": "2026-11-26T09:30:05",
        "corpus_fingerprint": "abc123",
        "model_version": "model42",
        "tables": {"heatmap.csv": 1, "latest.csv": 1},
    }
