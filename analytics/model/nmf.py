"""Guided NMF: named components start from their seed terms and are pulled back to them
between rounds; free components start from what the named ones leave unexplained."""

from __future__ import annotations

import warnings

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import normalize

__all__ = ["align", "guided_nmf", "initial_factors"]

ROUNDS = 8  # rounds of NMF updates, with the named components pulled back after each
_FREE_ITER = 200  # iterations of the NMF that starts the free components
_SEED_SCALE = 0.5  # starting weight of a named component's seed terms
_FLOOR = 1e-9  # NMF's coordinate descent needs strictly positive starting factors


def initial_factors(
    X: csr_matrix, seeds: np.ndarray, n_free: int, random_state: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """Starting (W, H): one named row of H per seed vector, then ``n_free`` rows fitted
    to the residual the named ones leave."""
    H_named = normalize(seeds + 1e-6, norm="l2") * _SEED_SCALE
    W_named = np.asarray(X @ H_named.T)
    if not n_free:
        return W_named, H_named
    residual = _sparse_residual(X, W_named, H_named)
    init = "nndsvda" if n_free <= min(residual.shape) else "random"
    free = NMF(n_components=n_free, init=init, max_iter=_FREE_ITER, random_state=random_state)
    with warnings.catch_warnings():
        # sklearn's reconstruction error (a by-product, unused) can round below zero
        # before its square root on a residual of a few weighted rows
        warnings.simplefilter("ignore", RuntimeWarning)
        W_free = free.fit_transform(residual)
    H = np.vstack([H_named, free.components_])
    W = np.hstack([W_named, W_free])
    # fmax, not maximum: on a residual of too low a rank (a corpus of two near-identical
    # reports) sklearn's NNDSVD start divides by a zero norm, and a NaN must become the floor.
    return np.fmax(W, _FLOOR), np.fmax(H, _FLOOR)


def guided_nmf(
    X: csr_matrix,
    W: np.ndarray,
    H: np.ndarray,
    seeds: np.ndarray,
    guidance: float,
    max_iter: int,
    random_state: int | None,
) -> tuple[np.ndarray, np.ndarray]:
    """(H, W) after NMF in rounds; after each, the named components are blended with
    their seed vectors (``guidance`` of the way), so that a small theme keeps its meaning
    instead of drifting to a big one."""
    named = len(seeds)
    unit_seeds = normalize(seeds, norm="l2")
    rounds = ROUNDS if guidance > 0 and named else 1
    for _ in range(rounds):
        nmf = NMF(
            n_components=H.shape[0], init="custom", solver="cd",
            max_iter=max(max_iter // rounds, 10), random_state=random_state,
        )  # fmt: skip
        with warnings.catch_warnings():
            # Short rounds by design; and on tiny corpora sklearn's reconstruction error
            # (a by-product, unused) can round below zero before its square root.
            warnings.simplefilter("ignore", ConvergenceWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            W = nmf.fit_transform(X, W=W, H=H)
        H = nmf.components_.copy()
        if rounds > 1:
            norms = np.linalg.norm(H[:named], axis=1, keepdims=True)
            H[:named] = (1 - guidance) * H[:named] + guidance * norms * unit_seeds
            H = np.maximum(H, _FLOOR)
    return H, W


def align(components: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """Component index of each named theme: the best one-to-one match between fitted
    components and seed vectors (cosine similarity)."""
    similarity = normalize(seeds, norm="l2") @ normalize(components, norm="l2").T
    rows, cols = linear_sum_assignment(-similarity)
    alignment = np.empty(len(seeds), dtype=int)
    alignment[rows] = cols
    return alignment


def _sparse_residual(X: csr_matrix, W: np.ndarray, H: np.ndarray) -> csr_matrix:
    """What the seeded factors leave unexplained, on X's non-zeros only (kept sparse)."""
    X = csr_matrix(X)
    rows, cols = X.nonzero()
    explained = np.einsum("ij,ij->i", W[rows], H.T[cols])
    values = np.maximum(np.asarray(X[rows, cols]).ravel() - explained, 0)
    return csr_matrix((values, (rows, cols)), shape=X.shape)
