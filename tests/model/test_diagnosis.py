"""The diagnosis of the model against the keyword count, on pairs worked out by hand."""

import math

import numpy as np

from analytics.model.diagnosis import (
    disagreements,
    errors_by_evidence,
    evidence_bin,
    model_pairs,
    nmf_separation,
    pair_table,
)
from analytics.model.evaluation import keyword_baseline, keyword_hits
from analytics.model.taxonomy import Theme
from analytics.model.themes import ThemeModel

THEMES = ("trade", "revenue")


def _pairs(truth, assigned, evidence, nmf, hits):
    arrays = [np.array(a, dtype=float).reshape(-1, 2) for a in (evidence, nmf, hits)]
    truth, assigned = (np.array(a, dtype=bool).reshape(-1, 2) for a in (truth, assigned))
    return pair_table(truth, assigned, *arrays, THEMES)


def test_evidence_bins_split_at_one_and_two_full_mentions():
    bins = evidence_bin(np.array([0.0, 0.25, 0.75, 1.0, 1.5, 2.0, 5.0]))
    assert bins.tolist() == [
        "no seed term",
        "weak or passing only",
        "weak or passing only",
        "one mention",
        "one mention",
        "two or more",
        "two or more",
    ]


def test_pair_table_has_a_row_per_report_and_theme_with_the_keyword_verdict():
    pairs = _pairs([[1, 0], [0, 1]], [[1, 1], [0, 0]], [[1, 1], [0, 0.5]], [[0] * 2] * 2,
                   [[1, 3], [0, 2]])  # fmt: skip
    assert len(pairs) == 4
    assert pairs["theme"].tolist() == ["trade", "revenue", "trade", "revenue"]
    assert pairs["report"].tolist() == [0, 0, 1, 1]
    assert pairs["keyword"].tolist() == [False, True, False, True]  # two hits or more


def test_errors_are_counted_in_the_bin_of_their_evidence():
    # report 0: trade true and assigned on one mention (TP), revenue assigned on one
    # passing mention but not true (FP); report 1: trade true without any seed term (FN)
    pairs = _pairs([[1, 0], [1, 0]], [[1, 1], [0, 0]], [[1, 0.25], [0, 0]], [[0] * 2] * 2,
                   [[1, 1], [0, 0]])  # fmt: skip
    table = errors_by_evidence(pairs)
    assert table.loc["one mention", "TP"] == 1
    assert table.loc["weak or passing only", "FP"] == 1
    assert table.loc["no seed term", "FN"] == 1
    assert table.loc["no seed term", "TN"] == 1
    assert table.to_numpy().sum() == 4


def test_disagreements_say_who_said_yes_and_who_was_right():
    # trade: model yes on one mention, keyword no, truth no -> the keyword was right;
    # revenue: keyword yes (two hits, both passing), model no, truth no -> the model was
    pairs = _pairs([[0, 0]], [[1, 0]], [[1, 0.5]], [[0, 0]], [[1, 2]])
    table = disagreements(pairs)
    rows = {(r.said_yes, r.right, r.bin): r.pairs for r in table.rename(
        columns={"said yes": "said_yes"}).itertuples()}  # fmt: skip
    assert rows == {
        ("model only", "keyword", "one mention"): 1,
        ("keyword only", "model", "weak or passing only"): 1,
    }


def test_nmf_separation_is_one_when_the_weight_ranks_true_pairs_first():
    # in the "no seed term" bin the true pair has the higher NMF weight: AUC 1; the "one
    # mention" bin holds a true pair only, so its AUC is undefined
    pairs = _pairs([[1, 0], [0, 1]], [[0, 0], [0, 1]], [[0, 0], [0, 1]], [[0.6, 0.1], [0.2, 0]],
                   [[0, 0], [0, 1]])  # fmt: skip
    table = nmf_separation(pairs).set_index("bin")
    assert table.loc["no seed term", "pairs"] == 3
    assert table.loc["no seed term", "true"] == 1
    assert table.loc["no seed term", "nmf_auc"] == 1.0
    assert math.isnan(table.loc["one mention", "nmf_auc"])


def test_keyword_hits_count_every_seed_term_and_agree_with_the_baseline():
    themes = [
        Theme("trade", "Trade", "", {"en": ("single window", "transit")}),
        Theme("revenue", "Revenue", "", {"en": ("revenue",)}),
    ]
    texts = ["A single window for transit, and transit again.", "Revenue was named once."]
    hits = keyword_hits(texts, themes)
    assert hits.tolist() == [[3, 0], [0, 1]]
    assert keyword_baseline(texts, themes) == [{"trade"}, set()]


def test_model_pairs_read_a_fitted_model_on_its_own_reports():
    themes = [
        Theme("trade", "Trade", "", {"en": ("single window", "transit", "clearance")}),
        Theme("revenue", "Revenue", "", {"en": ("revenue", "valuation", "tariff")}),
    ]
    texts = [
        "The single window cut clearance times. Transit corridors were reviewed in depth.",
        "Revenue collection and valuation were discussed. Tariff classification followed.",
    ] * 3
    model = ThemeModel(themes=themes, n_emerging=1, threshold=0.225).fit(texts)
    pairs = model_pairs(model, texts, [{"trade"}, {"revenue"}] * 3)
    assert len(pairs) == 12
    first = pairs[pairs["report"] == 0].set_index("theme")
    assert first.loc["trade", "evidence"] >= 2 and first.loc["revenue", "evidence"] == 0
    assert first.loc["trade", "model"] and not first.loc["revenue", "model"]
    assert (pairs["model"] == pairs["truth"]).all()
