"""How much two reports' titles and openings have in common, whatever their language.

Each report is its title and opening as character 3-5-grams, other scripts transliterated
(:mod:`analytics.crosslingual`), hashed (no vocabulary to fit: a report's vector is the
same in any corpus); two reports' similarity is the cosine of their vectors, and depends
on those two reports only, in any batch: a grouping redone in part equals one done whole.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from analytics.crosslingual import latin
from analytics.ngrams import hashed_char_ngrams

__all__ = ["pair_similarity", "similarity_along_dates"]

_ROWS_PER_CHUNK = 4_096  # reports vectorised at once (in order of date: bounded memory)
_ROWS_PER_PRODUCT = 32  # reports whose similarities to the next ones are one product


def _vectors(openings: Sequence[str]):
    """Each report's title and opening as character 3-5-grams, hashed (no vocabulary to
    fit: a report's vector is the same in any corpus), log-scaled, of unit length."""
    counts = hashed_char_ngrams([latin(o) for o in openings], (3, 5), 2**20)
    counts.data = 1 + np.log(counts.data)
    return normalize(counts)


def similarity_along_dates(
    day: np.ndarray, openings: np.ndarray, first: np.ndarray, second: np.ndarray
):
    """The cosine similarity of each pair of reports (positions), as products of a few
    reports' vectors with those of the reports just after them in order of date: the
    pairs lie near the diagonal. Each pair's value depends on its two reports' openings
    only (the same in any batch), so that a grouping redone in part equals one done whole;
    the pairs of the same two openings (a release copied word for word) share one product,
    and each report is vectorised about once."""
    if not len(first):
        return np.zeros(0, dtype=np.float32)
    reports = np.unique(np.concatenate([first, second]))
    text = np.empty(len(day), dtype=np.int64)
    text[reports] = pd.factorize(openings[reports])[0]
    a, b = text[first], text[second]
    # Each pair of openings once, through its first pair of reports: a pair near in date
    # (a report of the same opening far away in date would take the products off the
    # diagonal, and every report between the two would be vectorised again).
    keys = np.minimum(a, b) * (int(text[reports].max()) + 1) + np.maximum(a, b)
    _, chosen, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return _along_dates(day, openings, first[chosen], second[chosen])[inverse]


def _along_dates(day: np.ndarray, openings: np.ndarray, first: np.ndarray, second: np.ndarray):
    reports = np.unique(np.concatenate([first, second]))
    reports = reports[np.argsort(day[reports], kind="stable")]
    rank = np.empty(len(day), dtype=np.int64)
    rank[reports] = np.arange(len(reports))
    low, high = np.minimum(rank[first], rank[second]), np.maximum(rank[first], rank[second])
    order = np.argsort(low, kind="stable")
    low, high = low[order], high[order]
    found = np.empty(len(low), dtype=np.float32)
    for chunk in range(0, len(reports), _ROWS_PER_CHUNK):
        begin, end = np.searchsorted(low, [chunk, chunk + _ROWS_PER_CHUNK])
        if begin == end:
            continue
        stop = int(high[begin:end].max()) + 1
        vectors = _compact(_vectors(openings[reports[chunk:stop]].tolist()))
        for block in range(chunk, min(chunk + _ROWS_PER_CHUNK, len(reports)), _ROWS_PER_PRODUCT):
            i, j = np.searchsorted(low, [block, block + _ROWS_PER_PRODUCT])
            if i == j:
                continue
            # Only the rows and columns that pairs ask for (few, when regrouping in part);
            # the few rows transposed, not the many they meet (the same sums either way).
            rows, row = np.unique(low[i:j] - chunk, return_inverse=True)
            columns, column = np.unique(high[i:j] - chunk, return_inverse=True)
            product = (vectors[columns] @ vectors[rows].T).toarray()
            found[i:j] = product[column, row]
    result = np.empty_like(found)
    result[order] = found
    return result


def pair_similarity(openings: np.ndarray, first: np.ndarray, second: np.ndarray):
    """The cosine similarity of each pair of reports (positions), pair by pair: for the
    few pairs with a report without a date, which the products along dates miss."""
    if not len(first):
        return np.zeros(0, dtype=np.float32)
    reports, inverse = np.unique(np.concatenate([first, second]), return_inverse=True)
    vectors = _vectors(openings[reports].tolist())
    a, b = vectors[inverse[: len(first)]], vectors[inverse[len(first) :]]
    return np.asarray(a.multiply(b).sum(axis=1), dtype=np.float32).ravel()


def _compact(vectors: csr_matrix) -> csr_matrix:
    """The same vectors over only the features they use, in the same order (each row's
    sums run in the same order), so that transposing a few rows is cheap."""
    used = np.zeros(vectors.shape[1], dtype=bool)
    used[vectors.indices] = True
    local = (np.cumsum(used) - 1).astype(vectors.indices.dtype)
    shape = (vectors.shape[0], int(used.sum()))
    return csr_matrix((vectors.data, local[vectors.indices], vectors.indptr), shape=shape)
