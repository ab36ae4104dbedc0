"""A guided TF-IDF/NMF model of named themes, plus the emerging themes nobody named.

Reports are split into sentences (units), so one report carries several themes, each with
its own evidence. The first NMF components start from the taxonomy's seed terms (a custom
initialisation) and stay aligned with their theme after fitting; a few free components
start from what the seeded ones leave unexplained and become the emerging themes,
labelled by their top terms. A report's score for a named theme combines the NMF weight of
its sentences with the seed-term evidence they contain.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import NMF, non_negative_factorization
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from analytics.extract import split_sentences
from analytics.taxonomy import Theme

__all__ = ["DOMAIN_STOP_WORDS", "ThemeModel", "split_units"]

# Words that occur in every report and name no theme.
DOMAIN_STOP_WORDS = frozenset(
    [
        "customs",
        "wco",
        "secretary",
        "general",
        "director",
        "directors",
        "deputy",
        "meeting",
        "meetings",
        "region",
        "regions",
        "regional",
        "world",
        "organization",
        "organisation",
        "organizations",
        "organisations",
        "delegates",
        "delegation",
        "delegations",
        "participants",
        "held",
        "conference",
        "conferences",
        "session",
        "sessions",
        "administration",
        "administrations",
        "member",
        "members",
        "country",
        "countries",
        "official",
        "officials",
        "head",
        "heads",
        "also",
        "said",
        "would",
        "year",
        "years",
        "discussed",
        "discussion",
        "discussions",
        "including",
        "well",
        "international",
        "national",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mr",
        "ms",
        "mrs",
        "dr",
        "took",
        "place",
        "event",
        "attended",
        "hosted",
        "host",
        "opened",
        "opening",
        "closing",
        "day",
        "days",
        "week",
        "new",
        "first",
        "second",
        "third",
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "en",
        "un",
        "une",
        "pour",
        "par",
        "au",
        "aux",
        "sur",
        "el",
        "los",
        "las",
        "del",
        "y",
        "con",
        "por",
        "para",
        "una",
        # courtesy and procedure: every report thanks its hosts
        "thanked", "thank", "thanks", "hospitality", "warm", "warmly", "excellent", "welcome",
        "welcomed", "chaired", "chair", "addressed", "joined", "briefed", "proceedings",
        "agreed", "continue", "close", "ahead", "hosting", "remained", "looked", "took",
        "presented", "noted", "highlighted", "stressed", "underlined", "recalled",
        # regions and the officials who attend every meeting name no theme
        "africa", "african", "east", "eastern", "west", "western", "southern", "north",
        "northern", "middle", "near", "mena", "esa", "wca", "asia", "pacific", "europe",
        "americas", "caribbean", "kunio", "mikuriya", "ricardo", "trevino", "chapa",
        "sergio", "mujica", "ian", "saunders",
    ]
)  # fmt: skip
TOKEN_PATTERN = r"(?u)\b\w[\w-]*\w\b"

# Names of bodies ("Kenya Revenue Authority", "Law Enforcement Council", "Regional Office for
# Capacity Building", "Risk Management Forum"): a seed term inside such a name is not a
# sign that the theme was discussed, so it does not count as evidence.
_TITLE_WORD = r"[A-Z][\w'’&.-]*"
_BODY_NAME = re.compile(
    rf"(?:{_TITLE_WORD}\s+(?:(?:of|for|de|on)\s+(?:the\s+)?|and\s+(?=[A-Z]))?){{1,6}}"
    r"(?:Authority|Authorities|Service|Agency|Council|Commission|Committee|Directorate|"
    r"Department|Ministry|Office|Centre|Center|Bureau|Board|Superintendency|Forum)\b"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_TITLE_WORD}(?:\s+(?:and\s+)?{_TITLE_WORD}){{0,5}}){{0,2}}"
    r"(?:\s*\([A-Z][\w .&/-]{0,20}\))?"  # and its acronym: "(ROCB WCA)"
)


def without_body_names(sentence: str) -> str:
    """The sentence with the names of organisations and bodies blanked out."""
    return _BODY_NAME.sub(" ", sentence)


_MIN_UNIT_WORDS = 4
_GUIDED_ROUNDS = 8
_SMALL_CORPUS = 50  # sentences; below this every term is kept


def split_units(text: str) -> list[str]:
    """The sentences of a report that are long enough to carry a theme."""
    return [s for s in split_sentences(text) if len(s.split()) >= _MIN_UNIT_WORDS]


class ThemeModel(BaseEstimator, TransformerMixin):
    """Guided NMF over sentence TF-IDF, scikit-learn style.

    Args:
        themes: the named themes (see :func:`analytics.taxonomy.load_taxonomy`).
        n_emerging: free components for themes the taxonomy lacks.
        threshold: minimum score (0-1) for a theme to be assigned to a report.
        evidence_weight: share of the seed-term evidence in a named theme's score; the
            rest is the NMF weight.
        max_iter: NMF iterations.
        guidance: how strongly each named component is pulled back towards its seed terms
            between rounds of NMF updates (0 = free after the seeded start).
        random_state: seed, for reproducible fits.
    """

    def __init__(
        self,
        themes: Sequence[Theme] = (),
        n_emerging: int = 4,
        threshold: float = 0.25,
        evidence_weight: float = 0.5,
        max_iter: int = 400,
        guidance: float = 0.5,
        random_state: int | None = 0,
    ) -> None:
        self.themes = themes
        self.n_emerging = n_emerging
        self.threshold = threshold
        self.evidence_weight = evidence_weight
        self.max_iter = max_iter
        self.guidance = guidance
        self.random_state = random_state

    # --- fitting ---------------------------------------------------------------------------

    def _vectorizer(
        self, vocabulary: dict[str, int] | None = None, n_units: int = 0
    ) -> TfidfVectorizer:
        small = vocabulary is not None or n_units < _SMALL_CORPUS
        return TfidfVectorizer(
            sublinear_tf=True,
            ngram_range=(1, 2),
            stop_words=sorted(ENGLISH_STOP_WORDS | DOMAIN_STOP_WORDS),
            token_pattern=TOKEN_PATTERN,
            strip_accents="unicode",
            min_df=1 if small else 2,
            max_df=1.0 if small else 0.5,
            vocabulary=vocabulary,
        )

    def _seed_matrix(self) -> np.ndarray:
        """One row per named theme: 1 on the columns of its seed terms."""
        analyzer = self.vectorizer_.build_analyzer()
        vocabulary = self.vectorizer_.vocabulary_
        seeds = np.zeros((len(self.themes), len(vocabulary)))
        for row, theme in enumerate(self.themes):
            for term in theme.all_terms:
                grams = analyzer(term)
                longest = max((g.count(" ") for g in grams), default=0)
                for gram in grams:
                    if gram in vocabulary and gram.count(" ") == longest:
                        seeds[row, vocabulary[gram]] = 1.0
        return seeds

    def _seed_terms(self) -> tuple[CountVectorizer, np.ndarray]:
        """A counter of every seed term (any language, whatever the corpus vocabulary) and
        the matrix mapping each term to the themes it belongs to."""
        plain = CountVectorizer(
            token_pattern=TOKEN_PATTERN, strip_accents="unicode", ngram_range=(1, 8)
        ).build_analyzer()
        grams: dict[str, set[int]] = {}
        for row, theme in enumerate(self.themes):
            for term in theme.all_terms:
                tokens = plain(term)
                longest = max(tokens, key=lambda g: g.count(" "), default="")
                if longest:
                    grams.setdefault(longest, set()).add(row)
        vocabulary = sorted(grams)
        counter = CountVectorizer(
            vocabulary=vocabulary, token_pattern=TOKEN_PATTERN, strip_accents="unicode",
            ngram_range=(1, 8), binary=True,
        )  # fmt: skip
        membership = np.zeros((len(vocabulary), len(self.themes)))
        for index, term in enumerate(vocabulary):
            membership[index, sorted(grams[term])] = 1.0
        return counter, membership

    def fit(self, texts: Sequence[str], y: object = None) -> ThemeModel:
        """Learn the vocabulary, the theme components and their alignment from reports."""
        units, _ = _units_of(texts)
        if not units:
            raise ValueError("no sentence long enough to learn themes from")
        self.vectorizer_ = self._vectorizer(n_units=len(units))
        X = self.vectorizer_.fit_transform(units)
        self.seed_matrix_ = self._seed_matrix()
        self.seed_counter_, self.seed_membership_ = self._seed_terms()
        W, H = self._initial_factors(X)
        self.components_, W = self._guided_nmf(X, W, H)
        self.alignment_ = self._align()
        self.unit_scale_ = np.maximum(np.percentile(W, 99, axis=0), 1e-9)
        self.theme_ids_, self.labels_, self.kinds_ = self._describe()
        return self

    def _guided_nmf(
        self, X: csr_matrix, W: np.ndarray, H: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """NMF in rounds; after each, the named components are blended with their seed
        vectors, so that a small theme keeps its meaning instead of drifting to a big one."""
        named = len(self.themes)
        seeds = normalize(self.seed_matrix_, norm="l2")
        rounds = _GUIDED_ROUNDS if self.guidance > 0 and named else 1
        for _ in range(rounds):
            nmf = NMF(
                n_components=H.shape[0], init="custom", solver="cd",
                max_iter=max(self.max_iter // rounds, 10), random_state=self.random_state,
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
                H[:named] = (1 - self.guidance) * H[:named] + self.guidance * norms * seeds
                H = np.maximum(H, 1e-9)
        return H, W

    def _initial_factors(self, X: csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        n_named = len(self.themes)
        H_named = normalize(self.seed_matrix_ + 1e-6, norm="l2") * 0.5
        W_named = np.asarray(X @ H_named.T)
        if not self.n_emerging:
            return W_named, H_named
        residual = _sparse_residual(X, W_named, H_named)
        init = "nndsvda" if self.n_emerging <= min(residual.shape) else "random"
        free = NMF(
            n_components=self.n_emerging, init=init, max_iter=200, random_state=self.random_state
        )
        W_free = free.fit_transform(residual)
        H = np.vstack([H_named, free.components_])
        W = np.hstack([W_named, W_free])
        assert H.shape[0] == n_named + self.n_emerging
        return np.maximum(W, 1e-9), np.maximum(H, 1e-9)

    def _align(self) -> np.ndarray:
        """Component index of each named theme: the best one-to-one match between fitted
        components and seed vectors (cosine similarity)."""
        components = normalize(self.components_, norm="l2")
        seeds = normalize(self.seed_matrix_, norm="l2")
        similarity = seeds @ components.T
        rows, cols = linear_sum_assignment(-similarity)
        alignment = np.empty(len(self.themes), dtype=int)
        alignment[rows] = cols
        return alignment

    def _describe(self) -> tuple[list[str], list[str], list[str]]:
        ids = [t.id for t in self.themes]
        labels = [t.label for t in self.themes]
        kinds = ["named"] * len(self.themes)
        for k, component in enumerate(self._emerging_components()):
            terms = self._top_terms(self.components_[component], 3)
            ids.append(f"emerging_{k + 1}")
            labels.append("Emerging: " + " · ".join(terms))
            kinds.append("emerging")
        return ids, labels, kinds

    def _emerging_components(self) -> list[int]:
        return [c for c in range(self.components_.shape[0]) if c not in set(self.alignment_)]

    def _top_terms(self, weights: np.ndarray, n: int) -> list[str]:
        names = self.vectorizer_.get_feature_names_out()
        order = np.argsort(-weights)
        picked: list[str] = []
        for index in order:
            term = names[index]
            if any(term in p.split(" ") or p in term.split(" ") for p in picked):
                continue
            picked.append(term)
            if len(picked) == n:
                break
        return picked

    # --- scoring ---------------------------------------------------------------------------

    def _component_order(self) -> np.ndarray:
        return np.concatenate([self.alignment_, self._emerging_components()]).astype(int)

    def unit_weights(self, units: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """NMF weights and seed-term evidence of sentences, columns in theme order.

        Returns:
            ``(weights, evidence)``: weights scaled to about 0-1 per theme; evidence the
            number of seed-term columns of each named theme a sentence contains (zero for
            emerging themes).
        """
        X = self.vectorizer_.transform(units)
        W, _, _ = non_negative_factorization(
            X, H=self.components_, n_components=self.components_.shape[0], update_H=False,
            max_iter=self.max_iter, random_state=self.random_state,
        )  # fmt: skip
        order = self._component_order()
        weights = np.minimum(W[:, order] / self.unit_scale_[order], 1.0)
        present = self.seed_counter_.transform([without_body_names(u) for u in units])
        evidence = np.zeros_like(weights)
        evidence[:, : len(self.themes)] = np.asarray(present @ self.seed_membership_)
        return weights, evidence

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Scores (0-1) of each report for each theme, columns as ``theme_ids_``."""
        return self.score_units(texts)[0]

    def score_units(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, list[list[str]], list[np.ndarray], list[np.ndarray]]:
        """Report scores plus, per report, its sentences and their weights and evidence."""
        units, owner = _units_of(texts)
        n_themes = len(self.theme_ids_)
        scores = np.zeros((len(texts), n_themes))
        per_doc_units: list[list[str]] = [[] for _ in texts]
        per_doc_w = [np.zeros((0, n_themes)) for _ in texts]
        per_doc_e = [np.zeros((0, n_themes)) for _ in texts]
        if not units:
            return scores, per_doc_units, per_doc_w, per_doc_e
        weights, evidence = self.unit_weights(units)
        owner = np.asarray(owner)
        for doc in range(len(texts)):
            rows = np.flatnonzero(owner == doc)
            if not len(rows):
                continue
            per_doc_units[doc] = [units[r] for r in rows]
            per_doc_w[doc], per_doc_e[doc] = weights[rows], evidence[rows]
            scores[doc] = self._doc_score(weights[rows], evidence[rows])
        return scores, per_doc_units, per_doc_w, per_doc_e

    def _doc_score(self, weights: np.ndarray, evidence: np.ndarray) -> np.ndarray:
        top = np.sort(weights, axis=0)[::-1]
        nmf = top[: min(2, len(top))].mean(axis=0)
        hits = evidence.sum(axis=0)
        keyword = 1.0 - np.exp(-hits / 2.0)
        named = len(self.themes)
        score = nmf.copy()
        score[:named] = (
            self.evidence_weight * keyword[:named] + (1 - self.evidence_weight) * nmf[:named]
        )
        return score

    def assign(self, scores: np.ndarray) -> list[list[str]]:
        """Theme ids at or above the threshold, strongest first, for each row of scores."""
        out = []
        for row in np.atleast_2d(scores):
            order = [i for i in np.argsort(-row, kind="stable") if row[i] >= self.threshold]
            out.append([self.theme_ids_[i] for i in order])
        return out

    def closest_named(self) -> dict[str, tuple[str, float]]:
        """For each emerging theme, the named theme whose component is most similar to its
        own, and the cosine similarity (0-1): an emerging theme close to a named one is
        mostly another side of it."""
        components = normalize(self.components_[self._component_order()], norm="l2")
        named = len(self.themes)
        similarity = components[named:] @ components[:named].T
        return {
            theme_id: (self.theme_ids_[int(row.argmax())], round(float(row.max()), 3))
            for theme_id, row in zip(self.theme_ids_[named:], similarity, strict=True)
        }

    def top_terms(self, n: int = 10) -> dict[str, list[str]]:
        """The ``n`` heaviest terms of each theme's component."""
        order = self._component_order()
        return {
            theme_id: self._top_terms(self.components_[component], n)
            for theme_id, component in zip(self.theme_ids_, order, strict=True)
        }

    # --- persistence (JSON + npz; nothing is ever unpickled) ---------------------------------

    def save(self, folder: str | Path) -> None:
        """Write the fitted model as ``model.json`` and ``model.npz`` in ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "params": {k: v for k, v in self.get_params().items() if k != "themes"},
            "themes": [
                {"id": t.id, "label": t.label, "description": t.description, "terms": t.terms}
                for t in self.themes
            ],
            "vocabulary": {term: int(i) for term, i in self.vectorizer_.vocabulary_.items()},
            "theme_ids": self.theme_ids_,
            "labels": self.labels_,
            "kinds": self.kinds_,
        }
        np.savez(
            folder / "model.npz",
            components=self.components_,
            idf=self.vectorizer_.idf_,
            alignment=self.alignment_,
            unit_scale=self.unit_scale_,
            seed_matrix=self.seed_matrix_,
        )
        (folder / "model.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> ThemeModel:
        """Read a model written by :meth:`save` (JSON and plain arrays only)."""
        folder = Path(folder)
        meta = json.loads((folder / "model.json").read_text("utf-8"))
        arrays = np.load(folder / "model.npz", allow_pickle=False)
        themes = [
            Theme(
                t["id"], t["label"], t["description"], {k: tuple(v) for k, v in t["terms"].items()}
            )
            for t in meta["themes"]
        ]
        model = cls(themes=themes, **meta["params"])
        model.vectorizer_ = model._vectorizer(vocabulary=meta["vocabulary"])
        model.vectorizer_.idf_ = arrays["idf"]
        model.components_ = arrays["components"]
        model.alignment_ = arrays["alignment"]
        model.unit_scale_ = arrays["unit_scale"]
        model.seed_matrix_ = arrays["seed_matrix"]
        model.seed_counter_, model.seed_membership_ = model._seed_terms()
        model.theme_ids_, model.labels_, model.kinds_ = (
            meta["theme_ids"],
            meta["labels"],
            meta["kinds"],
        )
        return model


def _sparse_residual(X: csr_matrix, W: np.ndarray, H: np.ndarray) -> csr_matrix:
    """What the seeded factors leave unexplained, on X's non-zeros only (kept sparse)."""
    X = csr_matrix(X)
    rows, cols = X.nonzero()
    explained = np.einsum("ij,ij->i", W[rows], H.T[cols])
    values = np.maximum(np.asarray(X[rows, cols]).ravel() - explained, 0)
    return csr_matrix((values, (rows, cols)), shape=X.shape)


def _units_of(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    units, owner = [], []
    for index, text in enumerate(texts):
        for unit in split_units(re.sub(r"\s+", " ", str(text))):
            units.append(unit)
            owner.append(index)
    return units, owner
