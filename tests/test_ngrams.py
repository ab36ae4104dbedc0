"""The hashed character n-grams are exactly scikit-learn's HashingVectorizer's."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from analytics.ngrams import hashed_char_ngrams
from tests.conftest import DEMO, SEEDS

ODD = [
    "", "a", "ab cd", "  Élan   vital\tçà et là\n", "Москва: В Ереване прошло",
    "在青岛开幕 بالقاهرة", "x\u00a0y\u2003z", "😀 emoji 🇧🇪", "ﬁ ligature Ⅻ ǅ", "ÅNGSTRÖM İstanbul",
]  # fmt: skip


def test_hashed_char_ngrams_equal_scikit_learns():
    texts = [p.read_text(encoding="utf-8")[:700] for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")[:700] for p in sorted(DEMO.rglob("*.txt"))[:60]]
    documents = ODD + texts
    for ngram_range, n_features in [((3, 5), 2**20), ((1, 2), 2**10)]:
        expected = HashingVectorizer(
            analyzer="char_wb", ngram_range=ngram_range, strip_accents="unicode",
            alternate_sign=False, norm=None, n_features=n_features, dtype=np.float32,
        ).transform(documents)  # fmt: skip
        expected.sort_indices()
        found = hashed_char_ngrams(documents, ngram_range, n_features)
        assert found.shape == expected.shape and found.has_sorted_indices
        assert np.array_equal(found.indptr, expected.indptr)
        assert np.array_equal(found.indices, expected.indices)
        assert np.array_equal(found.data, expected.data)


def test_words_shared_across_batches_of_documents_count_in_each(monkeypatch):
    import analytics.ngrams as ngrams

    monkeypatch.setattr(ngrams, "_BATCH", 3)
    monkeypatch.setattr(ngrams, "_WORDS", 4)  # distinct words hashed in several batches
    documents = ["Lomé lomé LOMÉ", "", "forum forum 24e", "Москва forum", "a", "lomé"] * 3
    expected = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), strip_accents="unicode",
        alternate_sign=False, norm=None, dtype=np.float32,
    ).transform(documents)  # fmt: skip
    expected.sort_indices()
    found = hashed_char_ngrams(documents)
    assert np.array_equal(found.indptr, expected.indptr)
    assert np.array_equal(found.indices, expected.indices)
    assert np.array_equal(found.data, expected.data)
