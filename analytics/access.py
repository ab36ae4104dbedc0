"""Who may change the corpus: upload reports, refit the model, look for changed files.

Out of the box nobody may (``editing = off``: the dashboard is read-only); ``everyone``
lets every viewer edit; ``editors`` lets those logged in (Streamlit's own authentication)
whose e-mail is listed in ``editors`` and not marked unverified by their provider.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analytics.errors import SettingsError
from analytics.settings import Settings

__all__ = ["EDITING", "for_viewers", "may_edit", "signed_in_as", "why_not_edit"]

EDITING = ("off", "everyone", "editors")
# An absolute path on the server (not the path of a web address): its last part is kept.
_SERVER_PATH = re.compile(r"(?<![\w.:/~-])/(?:[^\s/:,;'\"()\[\]]+/)*([^\s/:,;'\"()\[\]]+)")


def for_viewers(message: str) -> str:
    """A message as any viewer may see it: every absolute path on the server named by
    its file or folder alone (``/srv/meetings/corpus`` -> ``corpus``)."""
    return _SERVER_PATH.sub(r"\1", message)


def signed_in_as(user: Mapping[str, object]) -> str:
    """How to name a logged-in user: ``Name (e-mail)``, or whichever of the two they have."""
    name, email = (str(user.get(key) or "").strip() for key in ("name", "email"))
    if name and email and name.lower() != email.lower():
        return f"{name} ({email})"
    return email or name or "an account without a name or e-mail"


def why_not_edit(settings: Settings, user: Mapping[str, object]) -> str | None:
    """Why this user (``st.user`` as a dict) may not edit, said to them; None if they may.

    Raises:
        SettingsError: an unknown ``editing`` setting.
    """
    if settings.editing not in EDITING:
        choices = ", ".join(EDITING)
        raise SettingsError(f"MEETINGS_EDITING={settings.editing!r}: choose one of {choices}")
    if settings.editing == "everyone":
        return None
    if settings.editing == "off":
        return ("This dashboard is read-only: adding reports and refitting the model are "
                "turned off by its administrator.")  # fmt: skip
    if not user.get("is_logged_in"):
        return "Adding reports and refitting the model are for this dashboard's editors."
    email = str(user.get("email") or "").strip().lower()
    you = f"You are logged in as {signed_in_as(user)}"
    if not email:
        return (f"{you}, but your sign-in gave no e-mail address, by which editors are "
                "known: you may only view.")  # fmt: skip
    if str(user.get("email_verified")).lower() == "false":
        return (f"{you}, but your sign-in provider has not verified that e-mail address: "
                "you may only view.")  # fmt: skip
    if email not in {e.strip().lower() for e in settings.editors}:
        return (f"{you}, who is not one of this dashboard's editors: you may only view. "
                "Its administrator can add your e-mail to the editors.")  # fmt: skip
    return None


def may_edit(settings: Settings, user: Mapping[str, object]) -> bool:
    """Whether this user (``st.user`` as a dict: ``is_logged_in``, ``email``) may edit.

    Raises:
        SettingsError: an unknown ``editing`` setting.
    """
    return why_not_edit(settings, user) is None
