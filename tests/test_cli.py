"""The command line: events and themes tables, the ingest report on stderr, exit codes."""

import subprocess
import sys

import pandas as pd
import pytest

from analytics.__main__ import main
from analytics.corrections import Correction, append_corrections
from tests.conftest import ROOT, SMALL_REPORTS


@pytest.fixture(autouse=True)
def _cache_in_tmp(monkeypatch, tmp_path):
    """The command line reads its settings from the environment, like a user's shell."""
    monkeypatch.setenv("MEETINGS_CACHE_DIR", str(tmp_path / "cache"))


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


def test_cli_themes_prints_table_and_figures(make_corpus, capsys):
    assert main(["themes", str(make_corpus(seeds=True)), "--no-cache", "--no-stability"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "theme,label,kind,n_reports,top_terms"
    assert "Trade facilitation (TFA)" in out
    assert "topic diversity" in err and "NPMI coherence" in err


def test_cli_csv_cells_a_spreadsheet_would_run_are_neutralised_unless_raw(make_corpus, tmp_path):
    formula = '=HYPERLINK("http://evil.example","x")'
    body = SMALL_REPORTS["nairobi.txt"].split("\n", 1)[1]
    folder = make_corpus(
        {
            "trap.txt": f"{formula}\n{body}",
            "sum.txt": f"@SUM(A1)\n{body}Delegates thanked the hosts.",
        }
    )
    for extra, expected in (([], {"'" + formula, "'@SUM(A1)"}), (["--raw"], {formula, "@SUM(A1)"})):
        out = tmp_path / f"events{len(extra)}.csv"
        assert main(["events", str(folder), "--no-cache", "--out", str(out), *extra]) == 0
        assert set(pd.read_csv(out)["title"]) == expected


def test_cli_events_carry_the_editors_corrections(make_corpus, tmp_path, capsys):
    folder = make_corpus()
    assert main(["events", str(folder), "--out", str(tmp_path / "before.csv")]) == 0
    before = pd.read_csv(tmp_path / "before.csv").set_index("source")
    lome = before.at["corpus/lome.md", "doc_id"]
    log = tmp_path / "corrections.csv"
    append_corrections(log, [Correction(lome, "country", "Togo", "Benin"),
                             Correction(lome, "theme", "", "ecommerce"),
                             Correction(lome, "region", "", "Mars")])  # fmt: skip
    log.write_text(log.read_text(encoding="utf-8") + "x,y,colour,,red,,,\n", encoding="utf-8")
    out = tmp_path / "after.csv"
    assert main(["events", str(folder), "--corrections", str(log), "--out", str(out)]) == 0
    after = pd.read_csv(out, keep_default_na=False).set_index("source")
    row = after.loc["corpus/lome.md"]
    assert (row["country"], row["iso3"], row["region"]) == ("Benin", "BEN", "Mars")
    assert "ecommerce" in row["themes"].split(";") and row["corrected"] == "venue; region; themes"
    assert after.at["corpus/nairobi.txt", "corrected"] == ""
    assert "correction left out: corrections.csv line 5: unknown field 'colour'" in (
        capsys.readouterr().err
    )
    assert main(["events", str(folder), "--corrections", str(log), "--no-corrections",
                 "--out", str(out)]) == 0  # fmt: skip
    assert pd.read_csv(out).set_index("source").at["corpus/lome.md", "country"] == "Togo"


def test_cli_meetings_writes_a_row_per_meeting_with_its_reports(make_corpus, tmp_path):
    copy = SMALL_REPORTS["nairobi.txt"].replace("Delegates from", "Heads of customs from")
    folder = make_corpus({**SMALL_REPORTS, "nairobi-host.txt": copy})
    out = tmp_path / "meetings.csv"
    assert main(["meetings", str(folder), "--out", str(out)]) == 0
    meetings = pd.read_csv(out, keep_default_na=False)
    assert len(meetings) == len(SMALL_REPORTS)  # the host's copy joins the Nairobi meeting
    nairobi = meetings[meetings["city"] == "Nairobi"].iloc[0]
    assert nairobi["n_reports"] == 2 and len(nairobi["doc_ids"].split(";")) == 2
    assert set(meetings["n_reports"]) == {1, 2} and "text" not in meetings
