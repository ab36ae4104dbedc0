"""Hashed character n-grams of words, many documents at once.

The same matrix as scikit-learn's ``HashingVectorizer(analyzer="char_wb",
strip_accents="unicode", alternate_sign=False, norm=None)`` (each word padded with a
space either side, its n-grams hashed with signed 32-bit MurmurHash3 of their UTF-8
bytes, ``abs(hash) % n_features``), computed with array operations over a batch of
documents instead of a Python loop over every n-gram: several times faster, which is
what grouping a large corpus into meetings needs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import chain

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, vstack

__all__ = ["hashed_char_ngrams"]

_BATCH = 500  # documents per batch of array operations (bounded memory)
_WORDS = 50_000  # distinct words hashed at once (bounded memory)
_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)


def hashed_char_ngrams(
    documents: Sequence[str], ngram_range: tuple[int, int] = (3, 5), n_features: int = 2**20
) -> csr_matrix:
    """The count of each hashed n-gram of each document (rows), float32, indices sorted.

    A word's n-grams are hashed once, however often it occurs in the documents.

    Raises:
        ValueError: for n-grams of more than 3 characters only (a padded word is never
            shorter than 3, and only those lengths are written here).
    """
    if ngram_range[0] > 3:
        raise ValueError("the shortest n-grams must be of at most 3 characters")
    tokens = [_words(document).split() for document in documents]
    per_document = np.fromiter(map(len, tokens), np.int64, len(tokens))
    flat = np.fromiter(chain.from_iterable(tokens), object, int(per_document.sum()))
    word, unique = pd.factorize(flat) if len(flat) else (np.zeros(0, np.int64), [])
    unique = list(unique)
    parts = [
        _word_ngrams(unique[start : start + _WORDS], ngram_range, n_features)
        for start in range(0, len(unique), _WORDS)
    ]
    features = np.concatenate([f for f, _ in parts]) if parts else np.zeros(0, np.int64)
    sizes = np.concatenate([c for _, c in parts]) if parts else np.zeros(0, np.int64)
    begins = np.cumsum(sizes) - sizes  # where each distinct word's n-grams are
    offsets = np.concatenate([[0], np.cumsum(per_document)])  # of each document's words
    rows = []
    for start in range(0, len(documents), _BATCH):
        stop = min(start + _BATCH, len(documents))
        these = word[offsets[start] : offsets[stop]]
        rows.append(_rows(features, begins, sizes, these, per_document[start:stop], n_features))
    if not rows:
        return csr_matrix((0, n_features), dtype=np.float32)
    return vstack(rows, format="csr") if len(rows) > 1 else rows[0]


def _rows(features, begins, sizes, words, per_document, n_features) -> csr_matrix:
    """The counts of some documents, each the concatenation of its ``words``' n-grams
    (``per_document``: how many words each has)."""
    count = sizes[words]
    taken = features[np.repeat(begins[words], count) + _ramp(count)]
    document = np.repeat(np.arange(len(per_document)), per_document)
    per_row = np.bincount(document, count, len(per_document)).astype(np.int64)
    counts = csr_matrix(
        (np.ones(len(taken), np.float32), taken, np.concatenate([[0], np.cumsum(per_row)])),
        shape=(len(per_document), n_features),
    )
    # Through columns and back: two counting sorts leave each row's features in order
    # (cheaper than sorting every row), its repeated n-grams side by side to be summed.
    counts = counts.tocsc().tocsr()
    counts.has_sorted_indices = True
    counts.sum_duplicates()
    return counts


def _words(document: str) -> str:
    """The document as scikit-learn's preprocessing reads it (lower case, accents
    stripped), its words separated by one space, with a space before and after."""
    document = document.lower()
    if not document.isascii():
        document = unicodedata.normalize("NFKD", document).translate(_MARKS)
    return " " + " ".join(document.split()) + " "


class _Marks(dict):
    """For ``str.translate``: deletes the combining characters (``unicodedata.combining``),
    each character looked up once per process, then found in the dict."""

    def __missing__(self, point: int) -> int | None:
        self[point] = None if unicodedata.combining(chr(point)) else point
        return self[point]


_MARKS = _Marks()


def _word_ngrams(words: list[str], ngram_range: tuple[int, int], n_features: int):
    """The hashed n-grams of each word (padded with a space either side), end to end, and
    how many each word has."""
    joined = " " + " ".join(words) + " "
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    width = np.where(
        points < 0x80, 1, np.where(points < 0x800, 2, np.where(points < 0x10000, 3, 4))
    )
    offset = np.concatenate([[0], np.cumsum(width)])  # of each code point in the UTF-8 bytes
    raw = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    data = np.concatenate([raw, np.zeros(24, np.uint8)]).astype(np.uint32)
    blocks = data[:-3] | data[1:-2] << 8 | data[2:-1] << 16 | data[3:] << 24
    space = points == 32
    starts = np.flatnonzero(~space[1:] & space[:-1])  # each word's padding space before it
    ends = np.flatnonzero(~space[:-1] & space[1:]) + 2  # ... and after it (exclusive)
    padded = ends - starts
    # Every n-gram of every word, in the order of the words (so of the documents).
    low, high = ngram_range
    sizes = np.arange(low, high + 1)
    per_size = np.maximum(padded[:, None] - sizes[None, :] + 1, 0)  # words x sizes
    count = per_size.sum(axis=1)
    word = np.repeat(np.arange(len(starts)), count)
    within = _ramp(count)  # the n-gram's rank in its word: its size's, then the next size's
    first, size = starts[word] + within, np.full(len(word), low)
    for done in np.cumsum(per_size, axis=1)[:, :-1].T:  # n-grams of the sizes below
        larger = within >= done[word]
        first -= np.where(larger, per_size[word, size - low], 0)
        size += larger
    length = offset[first + size] - offset[first]
    features = _murmur(blocks, offset[first], length) % n_features
    return features, count


def _ramp(count: np.ndarray) -> np.ndarray:
    """0, 1, ..., count - 1 for each count, concatenated."""
    return np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _murmur(blocks: np.ndarray, start: np.ndarray, length: np.ndarray) -> np.ndarray:
    """``abs`` of the signed 32-bit MurmurHash3 (seed 0) of the bytes at ``start`` of
    ``length`` (at most 20), as int64; ``blocks[i]`` is the little-endian word at byte i."""
    h = np.zeros(len(start), np.uint32)
    full = length // 4
    for i in range(int(full.max(initial=0))):
        at = np.flatnonzero(full > i)  # past the first word: only non-ASCII n-grams
        k = _rotl(blocks[start[at] + 4 * i] * _C1, 15) * _C2
        h[at] = _rotl(h[at] ^ k, 13) * np.uint32(5) + np.uint32(0xE6546B64)
    tail = length % 4
    mask = (np.uint32(1) << (np.uint32(8) * tail.astype(np.uint32))) - np.uint32(1)
    k = _rotl((blocks[start + 4 * full] & mask) * _C1, 15) * _C2
    h = np.where(tail > 0, h ^ k, h)
    h ^= length.astype(np.uint32)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return np.abs(h.view(np.int32).astype(np.int64))
