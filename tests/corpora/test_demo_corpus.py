"""The bundled demo corpus: what the loader extracts agrees with the facts it was written
from (``data/demo/SOURCES.csv``), and the theme model agrees with the facts' themes."""

import pandas as pd
import pytest

from analytics.model.evaluation import compare_methods, load_facts
from tests.conftest import DEMO

FACTS = DEMO / "SOURCES.csv"


@pytest.fixture(scope="module")
def joined(bundled):
    facts = load_facts(FACTS)
    events = bundled.analysis.events
    return bundled.analysis, facts.merge(events, on="source", how="left", suffixes=("_fact", ""))


def test_every_planned_report_is_read(joined):
    analysis, merged = joined
    assert analysis.skipped.empty
    missing = merged.loc[merged["doc_id"].isna(), "source"].tolist()
    assert missing == []


def _agreement(
    merged: pd.DataFrame, extracted: pd.Series, expected: pd.Series
) -> tuple[float, list]:
    same = extracted.fillna("").astype(str) == expected.fillna("").astype(str)
    misses = merged.loc[~same, "source"].tolist()
    return float(same.mean()), list(zip(misses, extracted[~same], expected[~same], strict=True))


@pytest.mark.parametrize("field", ["date", "country", "region"])
def test_extraction_agrees_with_facts(joined, field):
    _, merged = joined
    if field == "date":
        extracted = merged["date"].dt.strftime("%Y-%m-%d")
        expected = merged["start_date"]
    elif field == "country":
        extracted, expected = merged["iso3"], merged["iso3_fact"]
    else:
        extracted, expected = merged["region"], merged["region_fact"]
    share, misses = _agreement(merged, extracted, expected)
    assert share >= 0.95, f"{field}: {share:.1%} agree; misses (source, extracted, fact): {misses}"


def test_virtual_meetings_are_flagged(joined):
    _, merged = joined
    virtual = merged["event_type_fact"] == "virtual_meeting"
    assert merged.loc[virtual, "virtual"].mean() >= 0.9


@pytest.fixture(scope="module")
def comparison(bundled):
    analysis = bundled.analysis
    return compare_methods(analysis.model, analysis.with_texts(), FACTS).set_index(
        ["method", "split"]
    )


def test_themes_meet_targets_on_held_out_reports(comparison):
    ours = comparison.loc[("guided NMF + seed evidence (ours)", "held out (1/5)")]
    assert ours["micro_f1"] >= 0.90
    assert ours["macro_f1"] >= 0.85


def test_model_beats_keyword_and_plain_nmf_baselines(comparison):
    """Micro-F1 above both baselines; macro-F1 at least the keyword count's."""
    for split in ("tuning (4/5)", "held out (1/5)"):
        ours = comparison.loc[("guided NMF + seed evidence (ours)", split), "micro_f1"]
        keyword = comparison.loc[("keyword count (seed terms, >= 2 hits)", split), "micro_f1"]
        plain = comparison.loc[("plain NMF (unguided)", split), "micro_f1"]
        assert ours > keyword and ours > plain, split
    for split in ("tuning (4/5)", "held out (1/5)"):
        ours = comparison.loc[("guided NMF + seed evidence (ours)", split), "macro_f1"]
        keyword = comparison.loc[("keyword count (seed terms, >= 2 hits)", split), "macro_f1"]
        assert ours >= keyword, split
