"""A hostile corpus on the Meetings and Data pages (AppTest): a report's title, its file's
name, a table's city cell and an upload's name holding Markdown links, emphasis, maths and
HTML are shown as text, never as a live link (the browser test checks the DOM too)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SMALL_REPORTS, report_text

APP = str(ROOT / "app.py")
LINK = "[Official agenda - log in here](https://evil.example/login)"
SCRIPT = "[x](javascript:alert(1))"
TITLE = f"{LINK} **bold** $x$ <script>window.pwned=1</script> Customs heads meet in Accra"
FILE = "[agenda](javascript:alert(1)) $y$.txt"
CITY = "[Sign in again](https://evil.example/city)"
RAW = (LINK, SCRIPT, "**bold**", "$x$", "<script>", "](https://evil", "](javascript", "$y$")


@pytest.fixture
def hostile(make_corpus, tmp_path, monkeypatch):
    body = ("Directors General met in Accra, Ghana, on 3 and 4 May 2021 to discuss the Trade "
            "Facilitation Agreement and the fight against smuggling.")  # fmt: skip
    table = (
        "title,date,city,country,body\n"
        f'"Talks in Nairobi","2019-05-30","{CITY.replace(chr(34), chr(34) * 2)}",Kenya,'
        '"Heads of customs met in Nairobi on 27 May 2019 to discuss revenue collection '
        'and risk management."\n'
    )
    folder = make_corpus({**SMALL_REPORTS, FILE: report_text(TITLE, "5 May 2021", body),
                          "table.csv": table})  # fmt: skip
    environment = {
        "MEETINGS_CORPUS_DIRS": str(folder),
        "MEETINGS_UPLOAD_DIR": str(tmp_path / "uploads"),
        "MEETINGS_CACHE_DIR": str(tmp_path / "cache"),
        "MEETINGS_EDITING": "everyone",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)


def _shown(at: AppTest) -> list[str]:
    """The Markdown of every element that renders it."""
    elements = [*at.header, *at.subheader, *at.markdown, *at.caption, *at.error, *at.warning,
                *at.success, *at.info]  # fmt: skip
    return [e.value for e in elements] + [o for r in at.radio for o in r.options]


def _assert_as_text(at: AppTest, *wanted: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    shown = _shown(at)
    for raw in RAW:
        assert not [value for value in shown if raw in value], raw
    plain = " ".join(value.replace("\\", "").replace("\u2060", "") for value in shown)
    for text in wanted:
        assert text in plain  # shown, as text


def _meeting(at: AppTest, column: str, value: str) -> str:
    events = at.session_state["_view"].events
    return events[events[column].str.contains(value, regex=False)].iloc[0]["doc_id"]


def test_a_hostile_title_file_name_and_city_show_as_text_on_the_meetings_page(hostile):
    at = AppTest.from_file(APP, default_timeout=180).run()
    for column, value, wanted in [
        ("title", "Official agenda", (LINK, "$x$ <script>", FILE)),
        ("city", "Sign in again", (CITY,)),
    ]:
        meeting = AppTest.from_file(APP, default_timeout=180)
        meeting.query_params["meeting"] = _meeting(at, column, value)
        meeting.run().switch_page("pages/meetings.py").run()
        _assert_as_text(meeting, *wanted)


def test_a_hostile_upload_name_is_refused_as_text(hostile):
    at = AppTest.from_file(APP, default_timeout=180).run().switch_page("pages/data.py").run()
    name = f"{LINK} $x$.txt"
    at.file_uploader(key="uploads").set_value([(name, b"", "text/plain")])
    at.run()
    next(b for b in at.button if b.label == "Add to the corpus").click().run()
    _assert_as_text(at, f"{LINK} $x$.txt: the file is empty")
