"""Quality figures of the theme model, computed on small cases worked out by hand."""

import math

import pandas as pd
import pytest

from analytics.model.evaluation import (
    f1_scores,
    held_out,
    keyword_baseline,
    load_facts,
    per_theme_scores,
    plain_nmf_baseline,
)
from analytics.model.quality import npmi_coherence, stability, topic_diversity
from analytics.model.taxonomy import Theme
from analytics.model.themes import ThemeModel


def test_f1_micro_and_macro():
    truth = [{"a"}, {"a", "b"}, {"b"}]
    predicted = [{"a"}, {"a"}, {"a", "b"}]
    scores = f1_scores(truth, predicted, ["a", "b"])
    # a: tp 2, fp 1, fn 0 -> 4/5; b: tp 1, fp 0, fn 1 -> 2/3; micro: tp 3, fp 1, fn 1 -> 6/8
    assert scores["per_theme"] == pytest.approx({"a": 0.8, "b": 2 / 3})
    assert scores["micro_f1"] == pytest.approx(0.75)
    assert scores["macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2)


def test_topic_diversity():
    assert topic_diversity({"x": ["a", "b"], "y": ["b", "c"]}) == pytest.approx(3 / 4)
    assert topic_diversity({"x": ["a", "b"], "y": ["c", "d"]}) == 1.0


def test_npmi_coherence_by_hand():
    texts = ["apple banana", "apple banana", "apple cherry", "durian"]
    scores = npmi_coherence({"t": ["apple", "banana"], "u": ["banana", "durian"]}, texts)
    p_a, p_b, p_ab = 3 / 4, 2 / 4, 2 / 4
    assert scores["t"] == pytest.approx(math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
    assert scores["u"] == -1.0  # never together


def test_held_out_is_a_stable_fifth():
    ids = [f"E{i:03d}" for i in range(1000)]
    mask = held_out(ids)
    assert 0.15 < mask.mean() < 0.25
    assert (held_out(ids) == mask).all()


def test_keyword_baseline_counts_hits():
    themes = [
        Theme("t", "T", "d", {"en": ("parcel", "e-commerce")}),
        Theme("u", "U", "d", {"en": ("drugs",)}),
    ]
    texts = ["E-commerce parcels: one parcel.", "drugs seized"]
    assert keyword_baseline(texts, themes, min_hits=2) == [{"t"}, set()]


def test_plain_nmf_baseline_on_fewer_reports_than_themes():
    themes = [Theme(f"t{i}", f"T{i}", "d", {"en": (f"seed{i}",)}) for i in range(6)]
    texts = ["customs revenue seed1 seed2 collection", "border smuggling seed3 drugs seized"]
    found = plain_nmf_baseline(texts, themes)  # six components, two reports: no SVD start
    assert len(found) == 2 and all(themes_ <= {t.id for t in themes} for themes_ in found)


def test_load_facts(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    pd.DataFrame(
        {"file": ["2017/a.txt"], "event_id": ["E1"], "themes": ["revenue;ecommerce"]}
    ).to_csv(folder / "SOURCES.csv", index=False)
    facts = load_facts(folder / "SOURCES.csv")
    assert facts.loc[0, "source"] == "demo/2017/a.txt"
    assert facts.loc[0, "theme_set"] == {"revenue", "ecommerce"}


def test_stability_compares_refits_on_samples(make_corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(make_corpus(seeds=True).rglob("*.*"))]
    themes = [
        Theme("tf", "TF", "d", {"en": ("trade facilitation", "single window", "TFA")}),
        Theme("sec", "Security", "d", {"en": ("security", "terrorism")}),
    ]
    model = ThemeModel(themes=themes, n_emerging=1).fit(texts)
    whole = stability(model, texts, seeds=range(2), share=1.0)
    sampled = stability(model, texts, seeds=range(3), share=0.5)
    assert whole == pytest.approx(1.0)  # same reports, seeded start: the same themes
    assert 0.0 <= sampled < 1.0  # half the reports: the top terms move


def test_per_theme_precision_and_recall():
    truth = [{"a"}, {"a", "b"}, {"b"}, set()]
    predicted = [{"a"}, {"a"}, {"a", "b"}, {"b"}]
    table = per_theme_scores(truth, predicted, ["a", "b", "c"]).set_index("theme")
    assert table.loc["a", ["support", "assigned", "precision", "recall"]].tolist() == [
        2,
        3,
        0.667,
        1.0,
    ]
    assert table.loc["b", ["precision", "recall"]].tolist() == [0.5, 0.5]
    assert table.loc[["c"], "precision"].isna().all()
