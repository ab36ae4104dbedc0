"""Who may change the corpus: upload reports, refit the model, look for changed files.

Out of the box nobody may (``editing = off``: the dashboard is read-only); ``everyone``
lets every viewer edit; ``editors`` lets those logged in (Streamlit's own authentication)
whose e-mail is listed in ``editors``.
"""

from __future__ import annotations

from collections.abc import Mapping

from analytics.errors import SettingsError
from analytics.settings import Settings

__all__ = ["EDITING", "may_edit"]

EDITING = ("off", "everyone", "editors")


def may_edit(settings: Settings, user: Mapping[str, object]) -> bool:
    """Whether this user (``st.user`` as a dict: ``is_logged_in``, ``email``) may edit.

    Raises:
        SettingsError: an unknown ``editing`` setting.
    """
    if settings.editing not in EDITING:
        choices = ", ".join(EDITING)
        raise SettingsError(f"MEETINGS_EDITING={settings.editing!r}: choose one of {choices}")
    if settings.editing == "everyone":
        return True
    if settings.editing == "off" or not user.get("is_logged_in"):
        return False
    email = str(user.get("email") or "").strip().lower()
    return bool(email) and email in {e.strip().lower() for e in settings.editors}
