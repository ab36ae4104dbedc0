"""The similarity of pairs of reports' openings, computed along dates."""

from __future__ import annotations

import numpy as np

from analytics import similarity
from analytics.similarity import pair_similarity, similarity_along_dates


def test_a_copy_far_away_in_date_has_its_pairs_computed_near_them(monkeypatch):
    # 40 reports a day apart, each paired with the next; report 39 copies report 0's
    # opening word for word (a release published again years later)
    openings = np.array([f"Meeting number {i} of the customs council in town {i % 7}."
                         for i in range(40)], dtype=object)  # fmt: skip
    openings[39] = openings[0]
    day = np.datetime64("2020-01-01") + np.arange(40)
    first, second = np.arange(39), np.arange(1, 40)
    whole = similarity_along_dates(day, openings, first, second)  # one chunk
    vectorised: list[int] = []
    plain = similarity._vectors

    def counted(texts):
        vectorised.append(len(texts))
        return plain(texts)

    monkeypatch.setattr(similarity, "_vectors", counted)
    monkeypatch.setattr(similarity, "_ROWS_PER_CHUNK", 4)
    monkeypatch.setattr(similarity, "_ROWS_PER_PRODUCT", 2)
    found = similarity_along_dates(day, openings, first, second)
    assert sum(vectorised) <= 40 + 10  # each report about once, not every chunk to day 39
    assert np.array_equal(found, whole)  # the same values in any chunks
    assert np.allclose(found, pair_similarity(openings, first, second), atol=1e-6)
