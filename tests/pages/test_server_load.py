"""What keeps one server quick with many sessions: no file watching, the long-lived objects
out of the garbage collector's way (benchmarks/load.py measures the effect)."""

from __future__ import annotations

import gc
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from pages.shared import downloads, state
from tests.conftest import ROOT


def test_the_served_app_watches_no_files_and_keeps_xsrf_protection():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server = config["server"]
    assert server["fileWatcherType"] == "none"
    assert server.get("enableXsrfProtection", True) is True


def _frozen(thing: object) -> bool:
    """Whether the collector has left ``thing`` out (frozen objects are in no generation).
    Counting frozen objects would not do: another thread may free some meanwhile."""
    return all(o is not thing for o in gc.get_objects())


def test_objects_alive_are_frozen_once_per_long_lived_state():
    gc.unfreeze()
    store = {"frozen": None}
    try:
        state._freeze_when_changed(store, (1, False, False))
        assert gc.get_freeze_count() > 0

        later = [[n] for n in range(1000)]  # objects of a later run
        state._freeze_when_changed(store, (1, False, False))
        assert not _frozen(later[0])  # the same state: nothing more is frozen

        state._freeze_when_changed(store, (1, True, False))  # e.g. the gazetteer is built
        assert _frozen(later[0]) and _frozen(later)
        assert store["frozen"] == (1, True, False)
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("page", ["overview", "meetings"])
def test_a_download_click_reruns_nothing(bundled, monkeypatch, page):
    for name, value in bundled.environment.items():
        monkeypatch.setenv(name, value)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    buttons = [b.proto for b in at.get("download_button")]
    assert len(buttons) >= 2  # a CSV and the snapshot
    assert all(b.ignore_rerun for b in buttons), buttons


def test_small_downloads_come_with_the_page_and_large_ones_on_click(bundled, monkeypatch):
    """A file made on click can be deleted by another session's run before the browser
    fetches it; a small file sent with the page is held by its own session."""
    for name, value in bundled.environment.items():
        monkeypatch.setenv(name, value)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    at.switch_page("pages/meetings.py").run()
    buttons = [b.proto for b in at.get("download_button")]
    assert all(b.url and not b.deferred_file_id for b in buttons), buttons

    monkeypatch.setattr(downloads, "INLINE_ROWS", 10)  # the demo's meetings table is larger
    at.run()
    deferred = [b.proto.deferred_file_id for b in at.get("download_button")]
    assert all(deferred), deferred
