"""Who may change the corpus: nobody out of the box, everyone, or the listed editors."""

import pytest

from analytics.access import for_viewers, may_edit, signed_in_as, why_not_edit
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
        ("editors", {**ANA, "email_verified": True}, True),
        ("editors", {**ANA, "email_verified": False}, False),  # anyone may type that address
        ("editors", {**ANA, "email_verified": "false"}, False),  # as some providers send it
    ],
)
def test_who_may_edit(editing, user, allowed):
    settings = Settings().replace(editing=editing, editors=("ana@example.org",))
    assert may_edit(settings, user) is allowed


def test_the_default_is_read_only_and_a_typo_is_named():
    assert Settings().editing == "off" and not may_edit(Settings(), ANA)
    with pytest.raises(SettingsError, match="MEETINGS_EDITING='every one'"):
        may_edit(Settings().replace(editing="every one"), ANA)


@pytest.mark.parametrize(
    ("editing", "user", "said"),
    [
        ("off", ANA, "read-only: adding reports and refitting the model are turned off"),
        ("editors", {}, "are for this dashboard's editors"),
        ("editors", {"is_logged_in": True, "name": "Ana"}, "Ana, but your sign-in gave no e-mail"),
        ("editors", {**ANA, "email_verified": False}, "has not verified that e-mail address"),
        ("editors", {**ANA, "email": "bo@example.org"}, "bo@example.org, who is not one of"),
    ],
)
def test_those_who_may_not_edit_are_told_why(editing, user, said):
    settings = Settings().replace(editing=editing, editors=("ana@example.org",))
    assert said in why_not_edit(settings, user)


def test_a_user_is_named_by_name_and_e_mail_or_whichever_they_have():
    assert signed_in_as({"name": "Ana", "email": "ana@example.org"}) == "Ana (ana@example.org)"
    assert (
        signed_in_as({"name": "ana@example.org", "email": "Ana@example.org"}) == "Ana@example.org"
    )
    assert signed_in_as({"name": " Ana "}) == "Ana"
    assert signed_in_as({"email": "ana@example.org", "name": None}) == "ana@example.org"
    assert "without a name" in signed_in_as({})


def test_messages_for_viewers_name_files_and_folders_without_the_servers_paths():
    message = (
        "no report could be read from /srv/meetings/corpus, /tmp/uploads/new; "
        "/opt/x/data/themes.toml: no [[theme]] tables found (see https://example.org/a/b)"
    )
    assert for_viewers(message) == (
        "no report could be read from corpus, new; themes.toml: no [[theme]] tables found "
        "(see https://example.org/a/b)"
    )
