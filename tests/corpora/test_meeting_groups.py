"""Grouping reports into meetings, measured against the facts: the demo corpus (one report
per meeting) with every evaluation set's other reports of its meetings (other styles and
languages, the host's press release, regional notes, wires) and the near-misses that must
stay apart (data/eval/meetings/)."""

from __future__ import annotations

import csv

import pytest

from analytics.grouping import group_reports
from analytics.meetings import pairwise_agreement
from analytics.pipeline import load_corpus
from tests.conftest import DEMO, ROOT

SETS = [DEMO, *sorted(p for p in (ROOT / "data" / "eval").iterdir() if p.is_dir())]
# Measured (README, "Meetings, not reports"): precision 1.00, recall 1.00 (336 of 337
# pairs) on all sets. The floors fail a change that makes it worse; what is missed is a
# pair whose venue or online reading is wrong (a workshop's two reports, one read online).
PRECISION, RECALL = 1.0, 0.99


@pytest.fixture(scope="module")
def reports(bundled):
    corpus = load_corpus(SETS, bundled.settings)
    truth = {}
    for folder in SETS:
        with open(folder / "SOURCES.csv", encoding="utf-8") as facts:
            truth |= {
                f"{folder.name}/{row['file']}": row["event_id"] for row in csv.DictReader(facts)
            }
    events = corpus.events.assign(truth=corpus.events["source"].map(truth))
    return events.dropna(subset=["truth"]).reset_index(drop=True)


def test_every_report_of_the_sets_is_known_to_the_facts(reports):
    assert len(reports) > 300 and reports["truth"].nunique() > 170


def test_reports_of_one_meeting_are_grouped_and_near_misses_kept_apart(reports):
    groups = group_reports(reports, reports["text"].tolist())
    found = pairwise_agreement(groups, reports["truth"])
    assert found["precision"] >= PRECISION and found["recall"] >= RECALL, found
    near_misses = reports["truth"].str.startswith("N")
    for meeting in groups[near_misses]:
        assert (groups == meeting).sum() == 1  # each near-miss is a meeting of its own


def test_the_demo_corpus_has_one_meeting_per_report(reports):
    demo = reports[reports["source"].str.startswith("demo/")].reset_index(drop=True)
    groups = group_reports(demo, demo["text"].tolist())
    assert groups.nunique() == demo["truth"].nunique() == len(demo)


def test_the_meetings_set_alone_is_grouped_and_its_near_misses_kept_apart(reports):
    # 1.00 measured (51 pairs): the copies in other languages and scripts, the wires
    # without year and the reports that read the type differently all join their meeting.
    alone = reports[reports["source"].str.startswith("meetings/")].reset_index(drop=True)
    groups = group_reports(alone, alone["text"].tolist())
    found = pairwise_agreement(groups, alone["truth"])
    assert found["precision"] == 1.0 and found["recall"] >= 0.95, found
    assert groups[alone["truth"].str.startswith("N")].is_unique
