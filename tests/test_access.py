"""Who may change the corpus: nobody out of the box, everyone, or the listed editors."""

import pytest

from analytics.access import may_edit
from analytics.errors import SettingsError
from analytics.settings import Settings

ANA = {"is_logged_in": True, "email": "ana@example.org"}


@pytest.mark.parametrize(
    ("editing", "user", "allowed"),
    [
        ("off", ANA, False),
        ("everyone", {}, True),
        ("editors", ANA, True),
        ("editors", {**ANA, "email": " ANA@Example.org "}, True),  # as the provider spells it
        ("editors", {**ANA, "email": "bo@example.org"}, False),
        ("editors", {**ANA, "is_logged_in": False}, False),  # a stale claim, logged out
        ("editors", {"email": "ana@example.org"}, False),  # AppTest's default: not logged in
        ("editors", {"is_logged_in": True}, False),  # no e-mail claim
    ],
)
def test_who_may_edit(editing, user, allowed):
    settings = Settings().replace(editing=editing, editors=("ana@example.org",))
    assert may_edit(settings, user) is allowed


def test_the_default_is_read_only_and_a_typo_is_named():
    assert Settings().editing == "off" and not may_edit(Settings(), ANA)
    with pytest.raises(SettingsError, match="MEETINGS_EDITING='every one'"):
        may_edit(Settings().replace(editing="every one"), ANA)
