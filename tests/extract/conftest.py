"""The gazetteer the extraction tests read places with, built once per test session."""

import pytest

from analytics.extract.places import gazetteer
from analytics.settings import Settings


@pytest.fixture(scope="session")
def gaz():
    return gazetteer(*Settings().place_tables)
