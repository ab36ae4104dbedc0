"""The editors' mode end to end: Streamlit's own sign-in against an OpenID Connect provider
on loopback (``oidc-provider-mock``), logging in as an editor and then as a viewer.

Every wait is on the state of the app or of the provider's pages, never a fixed delay.
"""

from __future__ import annotations

import secrets
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import werkzeug.serving
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    CHARTS_READY_JS,
    FIRST_LOAD_MS,
    dashboard_environment,
    free_port,
    full_page_screenshot,
    serve_dashboard,
    wait_idle,
)

# Authlib warns of its deprecated modules the mock imports, with a filter of its own that
# overrides pytest's: recorded here, not shown.
with warnings.catch_warnings(record=True):
    import oidc_provider_mock

pytestmark = pytest.mark.browser

EDITOR = oidc_provider_mock.User(
    sub="ana", claims={"email": "ana@example.org", "name": "Ana Editor"}
)
VIEWER = oidc_provider_mock.User(sub="bo", claims={"email": "bo@example.org", "name": "Bo Viewer"})
SECRETS = """[auth]
redirect_uri = "{app}/oauth2callback"
cookie_secret = "{cookie_secret}"
client_id = "meeting-themes-test"
client_secret = "{client_secret}"
server_metadata_url = "{provider}/.well-known/openid-configuration"
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """``http://127.0.0.1:<port>`` of an OpenID Connect provider that knows the editor and
    the viewer (any client id and secret will do); it runs in a thread of this process."""
    patch = pytest.MonkeyPatch()
    patch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http, on loopback only
    app = oidc_provider_mock.app(require_nonce=True, user_claims=[EDITOR, VIEWER])
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        patch.undo()


@pytest.fixture(scope="module")
def signed_in_url(tmp_path_factory: pytest.TempPathFactory, bundled, provider: str):
    """The dashboard in the editors' mode (the editor's e-mail listed), its sign-in given
    the provider in a secrets file of its own: never the repository's ``.streamlit/``."""
    tmp = tmp_path_factory.mktemp("signed-in")
    port = free_port()
    app = f"http://127.0.0.1:{port}"
    secrets_file = tmp / "secrets.toml"
    secrets_file.write_text(
        SECRETS.format(app=app, provider=provider, cookie_secret=secrets.token_hex(32),
                       client_secret=secrets.token_hex(16)),
        encoding="utf-8",
    )  # fmt: skip
    env = dashboard_environment(
        tmp, bundled, MEETINGS_EDITING="editors", MEETINGS_EDITORS=EDITOR.claims["email"]
    )
    # secrets.files replaces Streamlit's own list (~/.streamlit/ and ./.streamlit/).
    with serve_dashboard(tmp, env, port, "--secrets.files", str(secrets_file)) as url:
        yield url


@pytest.fixture
def offline(page: Page, provider: str, signed_in_url: str) -> Page:
    """The page may reach the dashboard and the provider, nothing else (the provider's
    pages link a stylesheet on a CDN)."""
    allowed = (provider + "/", signed_in_url + "/")  # the slash: no other port matches
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(allowed)
            else route.abort("blockedbyclient")
        ),
    )
    return page


def _on_the_data_page(page: Page) -> None:
    """Until the Data page's last section is there and every element is painted."""
    expect(page.get_by_role("heading", name="Sources of the demo reports")).to_be_visible(
        timeout=FIRST_LOAD_MS
    )
    wait_idle(page)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)  # lazily loaded elements


def _log_in(page: Page, app: str, user: oidc_provider_mock.User) -> None:
    """From the Data page: "Log in to edit", the provider's form filled in as this user,
    and back on the dashboard's home page (where Streamlit always returns)."""
    page.get_by_role("button", name="Log in to edit").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.get_by_placeholder("sub").fill(user.sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(app + "/")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text(f"Logged in as {user.claims['name']}", timeout=FIRST_LOAD_MS)
    wait_idle(page)


def _editing_tools(page: Page) -> list:
    return [
        page.get_by_test_id("stFileUploader"),
        page.get_by_role("button", name="Refit the theme model on the whole corpus"),
        page.get_by_role("button", name="Look for reports changed in place"),
    ]


def test_an_editor_logs_in_and_edits_then_a_viewer_only_views(
    offline: Page, signed_in_url: str, provider: str, screenshots: Path
):
    page, app = offline, signed_in_url
    sidebar = page.get_by_test_id("stSidebar")
    page.goto(app + "/data")
    _on_the_data_page(page)
    for tool in _editing_tools(page):
        expect(tool).to_have_count(0)
    expect(page.get_by_test_id("stMain")).to_contain_text("are for this dashboard's editors")
    full_page_screenshot(page, screenshots / "sign-in-1-logged-out.png")

    _log_in(page, app, EDITOR)
    page.wait_for_function(CHARTS_READY_JS, arg=2)  # the Overview's two charts
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    full_page_screenshot(page, screenshots / "sign-in-2-editor-home.png")
    sidebar.get_by_role("link", name="Add reports on the Data page").click()
    _on_the_data_page(page)
    for tool in _editing_tools(page):
        expect(tool).to_be_visible()
    expect(page.get_by_role("button", name="Log in to edit")).to_have_count(0)
    full_page_screenshot(page, screenshots / "sign-in-3-editor-data.png")

    sidebar.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()  # the provider's
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(app + "/")
    expect(page.get_by_test_id("stMain").locator("h1")).to_be_visible(timeout=FIRST_LOAD_MS)
    wait_idle(page)
    expect(sidebar).not_to_contain_text("Logged in")
    expect(sidebar.get_by_role("button", name="Log out")).to_have_count(0)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Data").click()
    _on_the_data_page(page)
    _log_in(page, app, VIEWER)
    expect(sidebar).to_contain_text("editing is for its editors")
    expect(sidebar.get_by_role("link", name="Add reports on the Data page")).to_have_count(0)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Data").click()
    _on_the_data_page(page)
    expect(page.get_by_test_id("stMain")).to_contain_text(
        "who is not one of this dashboard's editors: you may only view"
    )
    for tool in _editing_tools(page):
        expect(tool).to_have_count(0)
    expect(page.get_by_role("button", name="Log in to edit")).to_have_count(0)
    full_page_screenshot(page, screenshots / "sign-in-4-viewer-data.png")
    expect(page.get_by_test_id("stException")).to_have_count(0)
