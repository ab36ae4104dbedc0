"""Fixtures of the page tests: the files a page's download buttons would give."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module


class _Recorded(MediaFileManager):
    """AppTest's media file manager, remembered so that a download can be generated."""

    last: MediaFileManager | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _Recorded.last = self


@pytest.fixture
def downloads(monkeypatch):
    """``downloads(at)``: every download button's file of the last run, by file name."""
    monkeypatch.setattr(app_test_module, "MediaFileManager", _Recorded)

    def files(at: AppTest) -> dict[str, bytes]:
        manager, found, buttons = _Recorded.last, {}, at.get("download_button")
        for button in buttons:
            url = button.proto.url or manager.execute_deferred(button.proto.deferred_file_id)
            file = manager.read_file(url.rsplit("/", 1)[-1])  # made as a click makes it
            found[file.filename] = file.content
        assert len(found) == len(buttons), "two downloads of one name"
        return found

    return files
