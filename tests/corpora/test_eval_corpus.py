"""Reports written in other styles than the demo, with the facts they were written from
(press releases, newswire items with datelines, blog posts, French and Spanish reports,
meeting summaries, long institutional paragraphs). They are not part of the dashboard's
corpus; they check that extraction and themes hold beyond our house style.

``data/eval/others`` helped choose the theme settings (scripts/tune_themes.py);
``data/eval/others2`` was written later and never used to choose anything about themes.
"""

from pathlib import Path

import pytest

from analytics.model.classify import classify
from analytics.model.evaluation import f1_scores, keyword_baseline, load_facts
from analytics.pipeline import load_corpus
from tests.conftest import ROOT

SETS = [ROOT / "data" / "eval" / "others", ROOT / "data" / "eval" / "others2"]


@pytest.fixture(scope="module", params=SETS, ids=lambda p: p.name)
def merged(request, bundled):
    folder: Path = request.param
    corpus = load_corpus([folder], bundled.settings)
    assert corpus.skipped == []
    facts = load_facts(folder / "SOURCES.csv")
    return facts.merge(corpus.events, on="source", how="left", suffixes=("_fact", ""))


@pytest.fixture(scope="module")
def model(bundled):
    """The dashboard's model: fitted on the bundled corpus, never on these reports."""
    return bundled.analysis.model


def test_every_report_is_read(merged):
    assert merged["doc_id"].notna().all()
    assert merged["style"].nunique() >= 6


@pytest.mark.parametrize("field", ["date", "iso3", "region", "virtual"])
def test_extraction_holds_on_other_styles(merged, field):
    if field == "date":
        got, want = merged["date"].dt.strftime("%Y-%m-%d"), merged["start_date"]
    elif field == "virtual":
        got, want = merged["virtual"].astype(str).str.lower(), merged["virtual_fact"]
    else:
        got, want = merged[field], merged[f"{field}_fact"]
    same = got.fillna("").astype(str) == want.fillna("").astype(str)
    misses = list(zip(merged.loc[~same, "source"], got[~same], want[~same], strict=True))
    assert same.mean() >= 0.9, f"{field}: {same.mean():.0%}; misses: {misses}"


def test_themes_of_other_styles_beat_the_keyword_count(merged, model):
    named = [t.id for t in model.themes]
    _, events = classify(model, merged)
    truth = merged["theme_set"].tolist()
    ours = f1_scores(truth, [set(t) & set(named) for t in events["themes"]], named)
    keyword = f1_scores(truth, keyword_baseline(merged["text"].tolist(), model.themes), named)
    assert ours["micro_f1"] >= 0.85
    assert ours["micro_f1"] > keyword["micro_f1"] + 0.05, (ours, keyword)
