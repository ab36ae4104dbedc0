"""Which of a fixed list of phrases each text contains, the longest reading first.

A phrase found only inside a longer phrase of other themes is that longer phrase's word, not
its own: "clearance" in "connecting their clearance systems" speaks of IT systems, not of
faster release; "intelligence" in "the financial intelligence unit", "electronic" in
"electronic commerce", "leadership" in "leadership development" name the longer phrase's
theme alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import CountVectorizer

from analytics.model.tokens import TOKEN_PATTERN, tokenize

__all__ = ["TOKEN_PATTERN", "PhraseCounter"]


class PhraseCounter:
    """Which of a fixed list of phrases (space-joined tokens) each text contains: what a
    binary ``CountVectorizer`` with that vocabulary and n-grams up to the longest phrase
    gives, without generating every n-gram of every text (only those that start with the
    first word of a phrase). With ``owners`` (the themes of each phrase), a phrase whose
    every occurrence lies inside a longer phrase found there, of none of its own themes,
    is left out."""

    def __init__(self, phrases: Sequence[str], owners: Sequence[frozenset] | None = None) -> None:
        self.tokens = CountVectorizer(
            tokenizer=tokenize, token_pattern=None, strip_accents="unicode"
        ).build_analyzer()
        self.n_phrases = len(phrases)
        self.owners = list(owners) if owners is not None else None
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for column, phrase in enumerate(phrases):
            words = tuple(phrase.split(" "))
            self._by_first.setdefault(words[0], []).append((words, column))

    def _spans(self, words: list[str]) -> list[tuple[int, int, int]]:
        spans = []
        for start, word in enumerate(words):
            for phrase, column in self._by_first.get(word, ()):
                if tuple(words[start : start + len(phrase)]) == phrase:
                    spans.append((start, start + len(phrase), column))
        return spans

    def _inside_others(self, span: tuple[int, int, int], spans) -> bool:
        start, end, column = span
        mine = self.owners[column]
        return any(
            s <= start and end <= e and (e - s) > (end - start) and not (mine & self.owners[c])
            for s, e, c in spans
        )

    def _found(self, words: list[str]) -> set[int]:
        spans = self._spans(words)
        if self.owners is None or len(spans) < 2:
            return {column for _, _, column in spans}
        return {span[2] for span in spans if not self._inside_others(span, spans)}

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        rows, columns = [], []
        for row, text in enumerate(texts):
            found = self._found(self.tokens(text))
            rows += [row] * len(found)
            columns += found
        data = np.ones(len(rows))
        return csr_matrix((data, (rows, columns)), shape=(len(texts), self.n_phrases))
