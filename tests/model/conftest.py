"""The bundled taxonomy and its seed terms, shared by the model's tests."""

import pytest

from analytics.model.taxonomy import load_taxonomy
from analytics.model.themes import ThemeModel
from analytics.model.vocabulary import SeedTerms
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def themes():
    return load_taxonomy(ROOT / "data" / "themes.toml")


@pytest.fixture(scope="module")
def seeds(themes):
    return SeedTerms(themes)


@pytest.fixture(scope="module")
def column(themes):
    """Each named theme's column in the seed counts, by its id."""
    return {theme.id: i for i, theme in enumerate(themes)}


@pytest.fixture(scope="module")
def named_assigned(request, themes):
    """The named themes a model fitted on the test module's ``REPORTS`` assigns to each of
    them (fitted once per module)."""
    reports = request.module.REPORTS
    model = ThemeModel(themes=themes, n_emerging=1, threshold=0.225, evidence_weight=0.8)
    return [
        {t for t in assigned if not t.startswith("emerging")}
        for assigned in model.fit(reports).assign(model.transform(reports))
    ]
