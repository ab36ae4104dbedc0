"""Logging in and out in the editors' mode (Streamlit's own OpenID Connect sign-in).

Streamlit brings the browser back to the home page after logging in or out, whichever
page asked, so who is logged in is shown in the sidebar of every page, with the way to
the editing tools for an editor.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAuthError, StreamlitMissingAuthlibError

from analytics import access
from analytics.settings import Settings
from analytics.views.markdown import as_text

__all__ = ["log_in_button", "sidebar_status"]

DATA_PAGE = "pages/data.py"


def log_in_button() -> None:
    """The "Log in to edit" button, or why sign-in cannot start on this server."""
    if st.button("Log in to edit", icon=":material/login:", type="primary"):
        try:
            st.login()
        except (StreamlitAuthError, StreamlitMissingAuthlibError) as exc:
            st.error(
                f"Sign-in is not configured on this server: {as_text(access.for_viewers(str(exc)))}"
            )


def sidebar_status(settings: Settings) -> None:
    """In the editors' mode, once logged in: who, a link to the tools if they may edit,
    and "Log out"."""
    if settings.editing != "editors" or not st.user.get("is_logged_in"):
        return
    user = st.user.to_dict()
    side = st.sidebar
    side.divider()
    side.caption(f"Logged in as {as_text(access.signed_in_as(user))}")
    if access.may_edit(settings, user):
        side.page_link(DATA_PAGE, label="Add reports on the Data page",
                       icon=":material/upload:")  # fmt: skip
    else:
        side.caption("You may view this dashboard; editing is for its editors.")
    if side.button("Log out", icon=":material/logout:"):
        st.logout()
