"""Every dashboard page, headless with AppTest: filters through widgets and links, page
switches, empty selections, and what the charts actually show."""

from __future__ import annotations

import base64
import json
import os
import shutil
import threading
import time

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from analytics.views.markdown import as_text
from tests.conftest import ROOT, SMALL_REPORTS

APP = str(ROOT / "app.py")
PAGES = ["overview", "regions", "trends", "briefing", "themes", "meetings", "data"]


def decode(values):
    """Plotly 7 spec arrays come as {"dtype", "bdata"} (base64); plain lists otherwise."""
    if isinstance(values, dict) and "bdata" in values:
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        return array.reshape(values["shape"]) if "shape" in values else array
    return values


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart(at: AppTest, title_part: str) -> dict:
    for spec in specs(at):
        if title_part in spec["layout"].get("title", {}).get("text", ""):
            return spec
    raise AssertionError(f"no chart titled like {title_part!r}")


@pytest.fixture(scope="module", autouse=True)
def bundled_corpus(bundled):
    """The dashboard on the bundled corpus, with the session's fitted model and caches."""
    patch = pytest.MonkeyPatch()
    for name, value in bundled.environment.items():
        patch.setenv(name, value)
    yield bundled
    patch.undo()


def open_app(page: str = "overview", **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_data(page):
    at = open_app(page)
    assert not at.error
    assert at.title[0].value
    for spec in specs(at):
        assert spec["data"], spec["layout"].get("title")
    if page not in ("briefing", "meetings", "data"):
        assert specs(at), f"{page} shows no chart"


def test_overview_heatmap_covers_every_region_and_theme():
    at = open_app()
    heatmap = chart(at, "Share of meetings in each region")["data"][0]
    regions = {name.rsplit(" (", 1)[0] for name in heatmap["y"]}
    assert {"Americas and Caribbean", "Europe", "Asia/Pacific"} <= regions
    assert "Trade facilitation (TFA)" in heatmap["x"]
    z = np.array([decode(row) for row in decode(heatmap["z"])], dtype=float)
    assert z.max() > 0 and z.max() <= 100
    assert at.metric[0].label == "Meetings" and int(at.metric[0].value) > 2


def test_region_filter_narrows_the_charts():
    at = open_app(region="Europe")
    assert at.sidebar.multiselect(key="region").value == ["Europe"]
    heatmap = chart(at, "Share of meetings in each region")["data"][0]
    assert [name.rsplit(" (", 1)[0] for name in heatmap["y"]] == ["Europe"]
    everything = chart(open_app(), "Share of meetings in each region")["data"][0]
    assert len(everything["y"]) > 1


def test_a_link_with_filters_restores_them_on_any_page():
    at = open_app("trends", region="Asia/Pacific", theme="E-commerce")
    filters = at.session_state["_view"].filters
    assert (filters.regions, filters.themes) == (("Asia/Pacific",), ("ecommerce",))
    multiples = chart(at, "Theme shares by region")
    assert [a["text"] for a in multiples["layout"]["annotations"]] == ["Asia/Pacific"]
    assert {trace["name"] for trace in multiples["data"]} == {"E-commerce"}


def test_unknown_link_values_fall_back_with_a_notice():
    at = open_app(region="Atlantis", theme="Astrology")
    assert not at.exception
    notices = " ".join(w.value for w in at.sidebar.warning)
    assert "Atlantis" in notices and "Astrology" in notices
    assert at.sidebar.multiselect(key="region").value == []
    heatmap = chart(at, "Share of meetings in each region")["data"][0]
    assert len(heatmap["y"]) > 3


def test_a_link_cannot_put_a_live_link_into_the_notice():
    phishing = "[Session expired - sign in again](https://evil.example/login)"
    at = open_app(region=phishing)
    (notice,) = [w.value for w in at.sidebar.warning]
    assert "Session expired" in notice
    for i, char in enumerate(notice):
        if char in "[]()":
            assert notice[i - 1] == "\\", notice  # escaped: shown as text, never a link


def _editing_tools(at: AppTest) -> set[str]:
    tools = {b.label.split()[0] for b in at.button} & {"Refit", "Look"}
    return tools | ({"upload"} if at.get("file_uploader") else set())


ANA = {"is_logged_in": True, "email": "Ana@example.org", "name": "Ana"}
BO = {"is_logged_in": True, "email": "bo@example.org", "name": "Bo"}


def _open_as(monkeypatch, user: dict, page: str = "data", **environment: str | None) -> AppTest:
    """The app as this ``st.user``, with these ``MEETINGS_*`` variables (None: unset)."""
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    at = AppTest.from_file(APP, default_timeout=180)
    at.user = user
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("editing", "user", "refusal"),
    [
        (None, {}, "read-only"),  # out of the box
        ("everyone", {}, None),
        ("editors", ANA, None),
        ("editors", BO, "not one of this dashboard's editors: you may only view"),
        ("editors", {**ANA, "email_verified": False}, "has not verified"),
        ("editors", {"is_logged_in": False}, "are for this dashboard's editors"),
    ],
)
def test_only_those_allowed_see_upload_refit_and_rescan(monkeypatch, editing, user, refusal):
    at = _open_as(monkeypatch, user, MEETINGS_EDITING=editing, MEETINGS_EDITORS="ana@example.org")
    assert _editing_tools(at) == (set() if refusal else {"Refit", "Look", "upload"})
    said = [c.value for c in at.main.caption if refusal and as_text(refusal) in c.value]
    assert bool(said) == bool(refusal)
    main_buttons = {b.label for b in at.main.button}
    logged_out_editors_mode = editing == "editors" and not user.get("is_logged_in")
    assert ("Log in to edit" in main_buttons) == logged_out_editors_mode
    assert "Log out" not in main_buttons


def test_who_is_logged_in_shows_on_the_home_page_with_the_way_to_the_tools(monkeypatch):
    # Streamlit brings the browser back to the home page after logging in, whichever page
    # asked: the sidebar says who is logged in there. (After a page switch AppTest keeps no
    # sidebar of the entry file; the browser test sees it on the Data page too.)
    env = {"MEETINGS_EDITING": "editors", "MEETINGS_EDITORS": "ana@example.org"}
    editor = _open_as(monkeypatch, ANA, "overview", **env)
    assert any("Logged in as Ana" in c.value for c in editor.sidebar.caption)
    assert [b.label for b in editor.sidebar.button if b.label == "Log out"] == ["Log out"]
    links = [e.proto.label for e in editor.sidebar.get("page_link")]
    assert links == ["Add reports on the Data page"]

    viewer = _open_as(monkeypatch, BO, "overview", **env)
    assert any("Logged in as Bo" in c.value for c in viewer.sidebar.caption)
    assert any("editing is for its editors" in c.value for c in viewer.sidebar.caption)
    assert not viewer.sidebar.get("page_link")


def test_nobody_logged_in_sees_no_sign_in_status_in_the_sidebar(monkeypatch):
    for editing, user in (("editors", {"is_logged_in": False}), ("everyone", ANA)):
        at = _open_as(monkeypatch, user, "overview", MEETINGS_EDITING=editing)
        labels = {b.label for b in at.sidebar.button}
        assert "Log out" not in labels and "Log in to edit" not in labels
        assert not any("Logged in" in c.value for c in at.sidebar.caption)


def test_logging_in_without_sign_in_configured_says_so(monkeypatch):
    at = _open_as(monkeypatch, {"is_logged_in": False}, MEETINGS_EDITING="editors")
    next(b for b in at.button if b.label == "Log in to edit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Sign-in is not configured" in e.value for e in at.error)


def test_a_users_own_name_shows_as_text(monkeypatch):
    name = "[Session expired - log in here](https://evil.example/login)"
    shown = []
    for page in ("overview", "data"):  # the sidebar's status, the Data page's refusal
        at = _open_as(monkeypatch, {**BO, "name": name}, page, MEETINGS_EDITING="editors")
        shown += [c.value for c in [*at.sidebar.caption, *at.main.caption] if "Session" in c.value]
    assert len(shown) == 2 and all("\\[" in value and "\\]\\(" in value for value in shown)


def test_the_data_page_names_folders_without_the_servers_paths(monkeypatch):
    monkeypatch.setenv("MEETINGS_EDITING", "everyone")
    at = open_app("data")
    shown = " ".join(e.value for e in [*at.markdown, *at.caption, *at.info, *at.success])
    assert "demo" in shown and "uploads" in shown
    assert str(ROOT) not in shown and "/tmp" not in shown


def test_filters_survive_a_page_switch():
    # Entry-file widgets cannot be driven across reruns in AppTest when st.navigation is
    # used (the browser tests drive them); a link sets them, and they must stay set.
    at = open_app(region="Europe", years=["2015", "2020"])
    at.switch_page("pages/regions.py").run()
    assert at.session_state["_view"].filters.regions == ("Europe",)
    assert at.session_state["_view"].filters.years == (2015, 2020)
    profiles = chart(at, "Theme profile by region")
    assert [trace["name"].split(" (")[0] for trace in profiles["data"]] == ["Europe"]
    at.switch_page("pages/meetings.py").run()
    table = at.dataframe[0].value
    assert set(table["region"]) == {"Europe"}
    assert table["date"].dt.year.between(2015, 2020).all()


def test_year_range_narrows_the_trend_and_quarters_on_short_ranges():
    at = open_app("trends", years=["2017", "2018"])
    trend = chart(at, "Themes by")
    periods = {p for trace in trend["data"] for p in decode(trace["x"])}
    assert periods and all(p[:4] in ("2017", "2018") for p in periods)
    assert at.toggle(key="by_quarter").value  # two years: quarters by default
    assert all("Q" in p for p in periods)


def test_share_and_count_switch_changes_the_values():
    at = open_app("trends")
    shares = chart(at, "Themes by")
    at.radio(key="measure").set_value("Number of meetings").run()
    counts = chart(at, "Themes by")
    assert shares["layout"]["yaxis"]["title"]["text"] == "% of meetings"
    assert counts["layout"]["yaxis"]["title"]["text"] == "Meetings"


def test_a_selection_matching_nothing_shows_a_message_and_a_reset():
    at = open_app(q="no report says this zzqx")
    assert "No meeting matches" in at.info[0].value
    assert not at.get("plotly_chart")
    assert at.button(key="reset_empty").label == "Reset filters"  # clicked in the browser tests


def test_regions_map_shades_venue_countries_and_by_theme_share():
    at = open_app("regions")
    trace = chart(at, "Meetings by venue country")["data"][0]
    assert trace["type"] == "choropleth"
    assert {"USA", "CUB"} <= set(decode(trace["locations"]))
    at.radio(key="shade").set_value("Share discussing a theme").run()
    at.selectbox(key="map_theme").set_value("ecommerce").run()
    shaded = chart(at, "Share of meetings that discussed E-commerce")["data"][0]
    assert max(decode(shaded["z"])) <= 100


def test_themes_page_shows_evidence_terms_and_quality():
    at = open_app("themes", theme="Security & counter-terrorism")
    assert at.selectbox(key="theme_page").value == "security_terrorism"
    assert "Top terms:" in at.caption[0].value
    evidence = at.dataframe[0].value
    assert len(evidence) > 0
    assert evidence["evidence"].str.len().min() > 20
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert quotes and all(len(q) > 20 for q in quotes)
    quality = at.dataframe[2].value  # measured once, with the session's model
    assert any("coherence" in figure for figure in quality["figure"])
    assert any("stability" in figure for figure in quality["figure"])
    agreement = at.dataframe[3].value
    # A row per named theme; the corpus's own facts, then every bundled labelled set.
    sets = ["tuning (4/5)", "held out (1/5)", "others", "dev_real", "others2", "real_style"]
    assert list(agreement.columns) == ["theme", *sets]
    assert len(agreement) >= 15 and "Trade facilitation (TFA)" in set(agreement["theme"])
    cells = agreement[sets].stack()
    assert cells.str.fullmatch(r"(–|[01]\.\d\d) / (–|[01]\.\d\d)").all()
    assert (cells != "– / –").any()


def test_themes_page_measures_the_model_in_the_background(bundled, tmp_path, monkeypatch):
    # The same corpus and fitted model, but its quality figures not measured yet.
    cache = tmp_path / "cache"
    shutil.copytree(bundled.settings.cache_dir, cache)
    for figures in [*cache.glob("models/*/quality.csv"), *cache.glob("models/*/agreement.csv")]:
        figures.unlink()
    monkeypatch.setenv("MEETINGS_CACHE_DIR", str(cache))
    at = open_app("themes")
    assert "Measuring the model in the background" in " ".join(i.value for i in at.info)
    assert len(at.dataframe[0].value) > 0  # the rest of the page is there meanwhile
    assert len(at.dataframe) == 2  # evidence and emerging themes, no figures yet
    deadline = time.monotonic() + 600  # only a guard: the loop waits on the app's own state
    while len(at.dataframe) < 3:
        assert time.monotonic() < deadline, "the quality figures never appeared"
        time.sleep(0.5)
        at.run()
    assert any("stability" in figure for figure in at.dataframe[2].value["figure"])
    assert list(cache.glob("models/*/quality.csv"))  # kept with the model


def test_a_model_that_cannot_be_fitted_says_so(make_corpus, monkeypatch):
    folder = make_corpus({"short.txt": "Short note\n\n2 May 2017\n\nToo short. Far too short."})
    monkeypatch.setenv("MEETINGS_CORPUS_DIRS", str(folder))
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert "The theme model could not be fitted" in at.error[0].value
    assert "no sentence long enough" in at.error[0].value
    assert "No report could be read" not in at.error[0].value


def test_an_empty_corpus_says_no_report_could_be_read(make_corpus, monkeypatch):
    folder = make_corpus({"empty.txt": ""})
    monkeypatch.setenv("MEETINGS_CORPUS_DIRS", str(folder))
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert at.error[0].value.startswith("No report could be read")
    assert folder.name in at.error[0].value  # named, but not where it is on the server
    assert str(folder.parent) not in at.error[0].value


def test_meetings_page_lists_the_selection_and_opens_a_report_from_a_link():
    at = open_app("meetings", region="Americas and Caribbean")
    table = at.dataframe[0].value
    assert set(table["region"]) == {"Americas and Caribbean"}
    events = at.session_state["_view"].events
    havana = events[events["city"] == "Havana"].iloc[0]
    at = open_app("meetings", meeting=havana["doc_id"])
    assert havana["title"] in at.header[0].value
    report = " ".join(m.value for m in at.markdown)
    assert ":orange-background[" in report  # evidence marked
    assert "Kunio Mikuriya" in " ".join(t.value for t in at.text)
    read_from = {c.value.split("**")[1]: c.value for c in at.caption if c.value.startswith("**")}
    assert {"Meeting date", "Venue", "Region", "Online", "Publication date"} <= set(read_from)
    venue_source = read_from["Venue"].replace("\\", "").split(" — ", 1)[1]
    assert "Havana" in venue_source and len(venue_source.split()) > 6  # the sentence itself


def test_data_page_lists_folders_sources_and_refits(monkeypatch, bundled):
    monkeypatch.setenv("MEETINGS_EDITING", "everyone")
    at = open_app("data")
    assert at.metric[0].label == "Reports in use"
    meetings = next(m for m in at.metric if m.label == "Meetings")
    assert int(meetings.value) == bundled.analysis.meetings.shape[0] <= int(at.metric[0].value)
    sources = at.dataframe[-1].value
    assert "source_url" in sources and sources["source_url"].str.startswith("http").all()


def _progress(at: AppTest) -> list[str]:
    return [element.proto.text for element in at.get("progress")]


def test_a_refit_runs_in_the_background_once_while_the_dashboard_serves(monkeypatch):
    from pages.shared import state

    monkeypatch.setenv("MEETINGS_EDITING", "everyone")
    release, original = threading.Event(), state.analyse

    def slow(current, progress=None, previous=None):
        progress("Fitting the theme model", 0.5)
        assert release.wait(120)
        return original(current, progress=progress, previous=previous)

    first = open_app("data")
    before = state._store()["corpora"][state.settings()]["analysis"]
    monkeypatch.setattr(state, "analyse", slow)
    next(b for b in first.button if b.label.startswith("Refit")).click().run()
    assert any("Refitting the theme model in the background" in p for p in _progress(first))
    stuck = time.monotonic() + 300  # only a hang stops it: the refit waits for release
    while state.refitting(state.settings())[0] != "Fitting the theme model":
        assert time.monotonic() < stuck, "the refit never reported its progress"
        time.sleep(0.05)  # the refit's own progress, reported from its thread
    assert state.refit(state.settings()) is False  # a second request: one is running
    other = open_app("data")  # another viewer meanwhile: served, and told
    assert "background: Fitting the theme model" in _progress(other)[0]
    assert not [b for b in other.button if b.label.startswith("Refit")]
    assert int(other.metric[0].value) == len(before.events)
    release.set()
    state._store()["refits"].get(("refit", state.settings())).result(timeout=300)
    after = open_app("data")
    assert state._store()["corpora"][state.settings()]["analysis"] is not before
    assert not _progress(after) and [b for b in after.button if b.label.startswith("Refit")]


def _reports_in_use(at: AppTest) -> int:
    return int(next(m for m in at.metric if m.label == "Reports in use").value)


def test_added_files_show_at_once_and_edits_in_place_after_a_look(make_corpus, monkeypatch):
    from pages.shared import state

    folder = make_corpus()
    monkeypatch.setenv("MEETINGS_CORPUS_DIRS", str(folder))
    monkeypatch.setenv("MEETINGS_EDITING", "everyone")
    before = _reports_in_use(open_app("data"))
    # The look at every file after the first read found nothing changed.
    assert state._store()["jobs"].get(("full-look", state.settings())).result() is False
    (folder / "kigali.txt").write_text(
        SMALL_REPORTS["nairobi.txt"].replace("Nairobi", "Kigali").replace("Kenya", "Rwanda")
    )
    assert _reports_in_use(open_app("data")) == before + 1  # its folder's time changed
    looks = []
    original = state.corpus_state
    monkeypatch.setattr(state, "corpus_state", lambda *a, **k: looks.append(k) or original(*a, **k))
    open_app("data")
    assert looks == []  # nothing changed: no file looked at
    with (folder / "kigali.txt").open("w") as edited:  # rewritten in place: folder time kept
        edited.write("")
    at = open_app("data")
    assert _reports_in_use(at) == before + 1 and looks == []
    next(b for b in at.button if b.label.startswith("Look for reports")).click().run()
    at = open_app("data")
    assert _reports_in_use(at) == before and looks == [{"full": True}]
    assert "corpus/kigali.txt" in set(at.dataframe[0].value["source"])


def test_a_report_rewritten_while_the_server_was_down_shows_after_the_look_in_the_background(
    make_corpus, monkeypatch
):
    from pages.shared import state

    folder = make_corpus()
    monkeypatch.setenv("MEETINGS_CORPUS_DIRS", str(folder))
    monkeypatch.setenv("MEETINGS_EDITING", "everyone")
    long_ago = (1_600_000_000 * 10**9,) * 2
    os.utime(folder, ns=long_ago)  # so that the listing kept trusts the folder's time
    before = _reports_in_use(open_app("data"))
    assert state._store()["jobs"].get(("full-look", state.settings())).result() is False
    state._store.clear()  # the server stops
    (folder / "nairobi.txt").write_text("")  # rewritten in place: no report any more
    os.utime(folder, ns=long_ago)
    assert _reports_in_use(open_app("data")) == before  # the folder's time is unchanged
    assert state._store()["jobs"].get(("full-look", state.settings())).result() is True
    assert _reports_in_use(open_app("data")) == before - 1


def test_the_dashboard_prepares_extraction_in_the_background_once_open():
    from pages.shared import state

    open_app()
    job = state._store()["jobs"].get(("prepare-extraction",))
    assert job is not None
    assert [event["city"] for event in job.result(timeout=120)] == ["Lima", "Accra"]


def test_theme_filter_keeps_shares_over_all_meetings():
    at = open_app(theme="E-commerce")
    heatmap = chart(at, "Share of meetings in each region")["data"][0]
    assert heatmap["x"] == ["E-commerce"]
    z = np.array([decode(row) for row in decode(heatmap["z"])], dtype=float).ravel()
    assert 0 < z.max() < 100  # not 100%: shares are of all the region's meetings
    assert int(at.metric[0].value) < int(open_app().metric[0].value)  # fewer meetings


def _shown(at: AppTest) -> tuple[list[str], list[str], list[str]]:
    """The themes the charts show, their labels and their colours."""
    current = at.session_state["_view"]
    themes = current.shown
    return themes, [current.labels[t] for t in themes], [current.colors[t] for t in themes]


def test_themes_over_the_years_are_small_multiples_and_lines_of_three_chosen():
    at = open_app()
    themes, labels, colors = _shown(at)
    assert len(themes) == 6
    assert at.segmented_control(key="trend_view_many").value == "Small multiples"
    multiples = chart(at, "Themes over the years")
    assert [trace["name"] for trace in multiples["data"]] == labels  # one trace per theme
    assert [a["text"] for a in multiples["layout"]["annotations"]] == labels  # panel titles
    assert [trace["line"]["color"] for trace in multiples["data"]] == colors
    assert len({trace["xaxis"] for trace in multiples["data"]}) == 6  # a panel each

    at.segmented_control(key="trend_view_many").set_value("Lines").run()
    lines = chart(at, "Themes over the years")
    assert "3 of the six most discussed" in lines["layout"]["title"]["text"]
    assert at.multiselect(key="trend_lines").value == themes[:3]  # the top three
    assert [trace["name"] for trace in lines["data"]] == labels[:3]
    assert {trace.get("xaxis", "x") for trace in lines["data"]} == {"x"}  # one chart
    assert not lines["layout"].get("annotations")

    at.multiselect(key="trend_lines").set_value([themes[4], themes[1]]).run()
    lines = chart(at, "Themes over the years")
    assert [trace["name"] for trace in lines["data"]] == [labels[4], labels[1]]
    assert [trace["line"]["color"] for trace in lines["data"]] == [colors[4], colors[1]]


def test_two_chosen_themes_show_as_lines_and_can_show_as_multiples():
    at = open_app("trends", theme=["E-commerce", "Revenue"])
    themes, labels, _ = _shown(at)
    assert at.segmented_control(key="trend_view_few").value == "Lines"
    assert "trend_lines" not in {m.key for m in at.multiselect}  # both themes are drawn
    lines = chart(at, "Themes by")
    assert sorted(trace["name"] for trace in lines["data"]) == sorted(labels)
    at.segmented_control(key="trend_view_few").set_value("Small multiples").run()
    multiples = chart(at, "Themes by")
    assert [a["text"] for a in multiples["layout"]["annotations"]] == labels
    assert len(multiples["data"]) == len(themes) == 2
