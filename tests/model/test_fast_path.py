"""The fast paths of fitting and scoring against the plain ones they replace, on a fixture
corpus of bundled reports that share sentences (as an archive's copies and boilerplate do):
each distinct sentence worked on once, the same scores, themes and evidence."""

import random
import re

import numpy as np
import pandas as pd
import pytest
from scipy.sparse import csr_matrix
from sklearn.decomposition import non_negative_factorization

from analytics.model import context, nmf, scoring
from analytics.model.classify import EVIDENCE_PER_THEME, classify
from analytics.model.fit import build_model
from analytics.model.vocabulary import fit_vectorizer, make_vectorizer, units_of
from analytics.settings import Settings
from analytics.text import split_sentences
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def texts():
    reports = [p.read_text(encoding="utf-8") for p in sorted(DEMO.rglob("*.txt"))[:40]]
    paragraphs = [p for r in reports for p in r.split("\n\n") if len(p) > 80]
    rng = random.Random(0)
    mixed = ["\n\n".join(rng.sample(paragraphs, 4)) for _ in range(40)]
    return reports + mixed + reports[:5]  # repeated paragraphs, and whole reports twice


@pytest.fixture(scope="module")
def model(texts):
    return build_model(Settings()).fit(texts)


def _plain_unit_weights(model, units):
    """Sentence weights and evidence, every sentence worked on (as before)."""
    X = model.vectorizer_.transform(units)
    W, _, _ = non_negative_factorization(
        X, H=model.components_, n_components=model.components_.shape[0], update_H=False,
        max_iter=model.max_iter, random_state=model.random_state,
    )  # fmt: skip
    order = model._component_order()
    weights = np.minimum(W[:, order] / model.unit_scale_[order], 1.0)
    evidence = np.zeros_like(weights)
    evidence[:, : len(model.themes)] = context.weigh(
        units, model.seed_terms_.count(units), model.seed_terms_.count
    )
    return weights, evidence


def test_scores_are_those_of_every_sentence_worked_on(model, texts):
    units, owner = units_of(texts)
    assert len(set(units)) < 0.8 * len(units)  # the fixture does share sentences
    weights, evidence = _plain_unit_weights(model, units)
    fast_weights, fast_evidence = model.unit_weights(units)
    np.testing.assert_allclose(fast_weights, weights, rtol=0, atol=1e-9)
    np.testing.assert_allclose(fast_evidence, evidence, rtol=0, atol=1e-9)
    scored = model.score_units(texts)
    owner = np.asarray(owner)
    for doc in range(len(texts)):
        rows = owner == doc
        plain = scoring.report_scores(
            weights[rows], evidence[rows], len(model.themes), model.evidence_weight
        )
        np.testing.assert_allclose(scored.scores[doc], plain, rtol=0, atol=1e-9)


def test_evidence_is_quoted_as_before(model, texts):
    events = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    doc_themes, _ = classify(model, events)
    scored = model.score_units(texts)
    index = {t: k for k, t in enumerate(model.theme_ids_)}
    assert len(doc_themes) > len(texts)
    for row in doc_themes.itertuples():
        doc, k = int(row.doc_id[1:]), index[row.theme]
        strength = scored.weights[doc][:, k] + scored.evidence[doc][:, k]
        best = [i for i in np.argsort(-strength, kind="stable") if strength[i] > 0]
        assert row.evidence == [scored.units[doc][i] for i in best[:EVIDENCE_PER_THEME]]


def test_the_vectorizer_is_fitted_as_on_every_sentence(texts):
    units, _ = units_of(texts)
    plain = make_vectorizer(n_units=len(units))
    X = plain.fit_transform(units)
    fitted, distinct, inverse = fit_vectorizer(units)
    assert fitted.vocabulary_ == {t: int(i) for t, i in plain.vocabulary_.items()}
    np.testing.assert_array_equal(fitted.idf_, plain.idf_)
    assert abs(distinct[inverse] - X).max() < 1e-12


def test_the_weighted_fit_finds_the_themes_of_the_fit_on_every_sentence(model, texts):
    """A sentence c times is one row weighted by c: the same least squares (only the
    solver's stopping rule sees the rows differently), so the same themes."""
    units, _ = units_of(texts)
    plain = build_model(Settings())
    plain.vectorizer_ = make_vectorizer(n_units=len(units))
    X = csr_matrix(plain.vectorizer_.fit_transform(units))
    plain.seed_matrix_ = model.seed_matrix_
    W, H = nmf.initial_factors(X, plain.seed_matrix_, plain.n_emerging, plain.random_state)
    plain.components_, W = nmf.guided_nmf(
        X, W, H, plain.seed_matrix_, plain.guidance, plain.max_iter, plain.random_state
    )
    plain.alignment_ = nmf.align(plain.components_, plain.seed_matrix_)
    plain.unit_scale_ = np.maximum(np.percentile(W, 99, axis=0), 1e-9)
    plain.label_themes()
    assert list(plain.alignment_) == list(model.alignment_)
    fast, slow = model.transform(texts), plain.transform(texts)
    assert np.abs(fast - slow).max() < 0.01
    assert model.assign(fast) == plain.assign(slow)


_PLAIN_BOUNDARY = re.compile(r"(?<=[.!?؟])\s+(?=[A-Z\"“(\u0600-\u06ff])|(?<=[。！？])\s*")
_PLAIN_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|Sr|Sra|Srta|Lic|Ing|Cr|Mme|Mgr|Gen|Lt|Col|Hon|Amb|[A-Z])\.$"
)


def _plain_split(text):
    sentences = []
    for paragraph in re.split(r"\n\s*\n", text):
        start = len(sentences)
        for part in _PLAIN_BOUNDARY.split(re.sub(r"\s+", " ", paragraph)):
            if len(sentences) > start and _PLAIN_ABBREVIATION.search(sentences[-1]):
                sentences[-1] += " " + part
            else:
                sentences.append(part)
    return [s.strip() for s in sentences if s.strip()]


def test_sentences_are_split_as_by_the_look_behind_pattern(texts):
    rng = random.Random(1)
    alphabet = list('ab A.!?؟。！？ \n\t\xa0"“(Mr.D.C.StSrta\u0627')
    odd = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in [*texts, *odd, "Mr. Smith met Dr. No. Then he left.", "会议开幕。代表出席！"]:
        assert split_sentences(text) == _plain_split(text), text
