"""The bundled taxonomy and its seed terms, shared by the model's tests."""

import pytest

from analytics.model.taxonomy import load_taxonomy
from analytics.model.vocabulary import SeedTerms
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def themes():
    return load_taxonomy(ROOT / "data" / "themes.toml")


@pytest.fixture(scope="module")
def seeds(themes):
    return SeedTerms(themes)
