"""The running dashboard in a real browser: every page, the sidebar filters and links, the
offline world map, downloads, uploads and the meeting report.

Every wait is on the app's own state (the plotly figures' data, elements, the URL), never a
fixed delay.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    CHARTS_READY_JS,
    FIRST_LOAD_MS,
    full_page_screenshot,
    open_app,
    wait_idle,
)

pytestmark = pytest.mark.browser

PAGES = {
    "overview": ("/", 2),
    "regions": ("/regions", 2),
    "trends": ("/trends", 3),
    "briefing": ("/briefing", 0),
    "themes": ("/themes", 2),
    "meetings": ("/meetings", 0),
    "data": ("/data", 0),
}
HEATMAP = "Share of meetings in each region"

# Plotly keeps typed arrays ({dtype, bdata} in the spec) as typed arrays; make plain lists.
_CHARTS_JS = """() => {
  const list = v => {
    if (v == null) return [];
    if (ArrayBuffer.isView(v)) return Array.from(v);
    if (v._inputArray) return Array.from(v._inputArray);
    if (Array.isArray(v)) return v.map(e => (ArrayBuffer.isView(e) ? Array.from(e) : e));
    return [];
  };
  return [...document.querySelectorAll('.js-plotly-plot')].map(p => ({
    title: (p.layout && p.layout.title && p.layout.title.text) || '',
    annotations: ((p.layout && p.layout.annotations) || []).map(a => a.text),
    traces: (p.data || []).map(t => ({
      type: t.type || 'scatter', name: t.name || '',
      x: list(t.x), y: list(t.y), z: list(t.z), locations: list(t.locations),
    })),
  }));
}"""
_ANY_CHART_JS = (
    "() => [...document.querySelectorAll('.js-plotly-plot')].some(p => p.data && p.data.length)"
)
_HEATMAP_Y_JS = r"""([part, want]) => {
  const p = [...document.querySelectorAll('.js-plotly-plot')]
    .find(p => ((p.layout && p.layout.title && p.layout.title.text) || '').includes(part));
  const regions = !!p && !!p.data ? [...p.data[0].y].map(name => name.replace(/ \(\d+\)$/, '')) : null;
  return !!regions && JSON.stringify(regions) === JSON.stringify(want);
}"""
_MAP_SHAPES_JS = "() => document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length"

REPORT = """Customs leaders of West and Central Africa meet in Dakar

12 May 2023

A regional workshop of the West and Central Africa region was held in Dakar, Senegal, on 10 and
11 May 2023. Delegates discussed trade facilitation and the single window.
"""


def plain(text: str) -> str:
    """A plotly title without its HTML tags."""
    return re.sub(r"<[^>]+>", "", text)


def charts(page: Page) -> list[dict]:
    return page.evaluate(_CHARTS_JS)


def chart(page: Page, title_part: str) -> dict:
    found = [c for c in charts(page) if title_part in plain(c["title"])]
    assert found, f"no chart titled like {title_part!r}: {[c['title'] for c in charts(page)]}"
    return found[0]


def has_data(trace: dict) -> bool:
    return any(len(trace[axis]) for axis in ("x", "y", "z", "locations"))


def sidebar_multiselect(page: Page, label: str) -> Locator:
    sidebar = page.get_by_test_id("stSidebar")
    return sidebar.get_by_test_id("stMultiSelect").filter(
        has=page.get_by_role("combobox", name=label, exact=True)
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_with_data(page: Page, app_url: str, screenshots: Path, name: str):
    path, n_charts = PAGES[name]
    open_app(page, app_url + path, n_charts)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(n_charts)
    for figure in charts(page):
        assert any(has_data(t) for t in figure["traces"]), f"empty chart {figure['title']!r}"
    if name == "meetings":
        expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    if name == "data":
        expect(page.get_by_test_id("stMetric").first).to_contain_text("Reports in use")
        expect(page.get_by_test_id("stDataFrame")).to_have_count(1)  # the demo's sources
    # Tables paint after the script has finished, each once the table code has loaded (a
    # skeleton until then): wait for their cells before the picture.
    expect(page.get_by_test_id("stMain").get_by_test_id("stSkeleton")).to_have_count(0)
    for table in page.get_by_test_id("stDataFrame").filter(visible=True).all():
        expect(table.locator("[data-testid^='glide-cell']").first).to_be_attached()
    full_page_screenshot(page, screenshots / f"{name}.png")


def test_choosing_a_region_updates_the_link_and_the_heatmap(page: Page, app_url: str):
    open_app(page, app_url + "/", 2)
    assert len(chart(page, HEATMAP)["traces"][0]["y"]) > 1
    sidebar_multiselect(page, "Region").get_by_role("combobox").click()
    page.get_by_role("option", name="Europe", exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]region=Europe(&|$)"))
    page.wait_for_function(_HEATMAP_Y_JS, arg=[HEATMAP, ["Europe"]])
    (row,) = chart(page, HEATMAP)["traces"][0]["y"]
    assert re.fullmatch(r"Europe \(\d+\)", row)  # the region and its meetings


def test_a_deep_link_restores_region_and_years(page: Page, app_url: str):
    open_app(page, app_url + "/trends?region=Asia%2FPacific&years=2015&years=2020", 3)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    region = sidebar_multiselect(page, "Region")
    expect(region.locator("[data-tag]")).to_have_count(1)
    expect(region.locator("[data-tag]")).to_have_text("Asia/Pacific")
    thumbs = page.get_by_test_id("stSidebar").get_by_test_id("stSliderThumbValue")
    expect(thumbs).to_have_text(["2015", "2020"])

    trend = chart(page, "Themes by year")
    periods = {str(x) for t in trend["traces"] for x in t["x"]}
    assert periods and periods <= {str(y) for y in range(2015, 2021)}, periods

    multiples = chart(page, "Theme shares by region")
    assert [plain(a) for a in multiples["annotations"]] == ["Asia/Pacific"]
    years = {int(x) for t in multiples["traces"] for x in t["x"]}
    assert years and min(years) >= 2015 and max(years) <= 2020, years


_TREND_TRACES_JS = r"""([part, n]) => {
  const p = [...document.querySelectorAll('.js-plotly-plot')]
    .find(p => ((p.layout && p.layout.title && p.layout.title.text) || '').includes(part));
  return !!p && !!p.data && p.data.length === n;
}"""


def test_themes_over_the_years_switch_from_small_multiples_to_three_lines(
    page: Page, app_url: str, screenshots: Path
):
    open_app(page, app_url + "/", 2)
    multiples = chart(page, "Themes over the years")
    assert len(multiples["traces"]) == 6
    assert [plain(a) for a in multiples["annotations"]] == [t["name"] for t in multiples["traces"]]
    show_as = page.get_by_test_id("stMain").get_by_role("radiogroup", name="Show as")
    expect(show_as.get_by_role("radio", name="Small multiples")).to_be_checked()
    show_as.get_by_role("radio", name="Lines", exact=True).click()
    page.wait_for_function(_TREND_TRACES_JS, arg=["Themes over the years (3 of", 3])
    wait_idle(page)
    lines = chart(page, "Themes over the years")
    assert [t["name"] for t in lines["traces"]] == [t["name"] for t in multiples["traces"][:3]]
    assert not lines["annotations"]
    full_page_screenshot(page, screenshots / "overview-lines.png")


def test_meetings_csv_download_matches_the_selection(page: Page, app_url: str):
    open_app(page, app_url + "/meetings?region=Europe")
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text=re.compile(r"meetings\."))
    expect(caption).to_have_text(re.compile(r"^\d+ meetings\."))
    shown = int(re.match(r"(\d+) meetings\.", caption.inner_text()).group(1))

    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text="Download CSV").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert shown > 0 and len(rows) == shown
    assert {row["region"] for row in rows} == {"Europe"}


def test_the_briefing_says_what_rose_and_downloads_as_word(
    page: Page, app_url: str, screenshots: Path
):
    open_app(page, app_url + "/briefing?region=Asia%2FPacific")
    main = page.get_by_test_id("stMain")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    summary = main.get_by_test_id("stMarkdownContainer").filter(
        has_text=re.compile(r"In Asia/Pacific, \S.+ came up in \d+ of \d+ meetings in \d{4}–\d{4}")
    )
    expect(summary.first).to_be_visible()
    shown = summary.first.inner_text().split("\n")[0]
    assert shown.startswith("In Asia/Pacific, the most discussed themes in "), shown
    tables = main.get_by_test_id("stDataFrame")
    expect(tables.first.locator("[data-testid^='glide-cell']").first).to_be_attached()
    scopes = main.get_by_test_id("stExpander")  # each made when opened: open them all
    for i in range(scopes.count()):
        scopes.nth(i).locator("summary").click()
        expect(scopes.nth(i).get_by_test_id("stCaptionContainer").first).to_be_visible()
        wait_idle(page)

    with page.expect_download() as info:
        main.get_by_test_id("stDownloadButton").filter(has_text="Download Word (.docx)").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    document = docx.Document(download.path())
    paragraphs = [p.text for p in document.paragraphs]
    assert "Summary" in paragraphs and shown.replace("\u2060", "") in paragraphs
    assert len(document.tables) == tables.count() > 0
    assert [c.text for c in document.tables[0].rows[0].cells][:2] == ["Theme", "Now"]
    full_page_screenshot(page, screenshots / "briefing-asia-pacific.png")


def test_the_world_map_draws_countries_from_the_app_itself(page: Page, app_url: str):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if "plot.ly" in r.url else None)
    with page.expect_response(lambda r: "world_110m.json" in r.url, timeout=FIRST_LOAD_MS) as got:
        open_app(page, app_url + "/regions", 2)
    assert got.value.ok and got.value.url == f"{app_url}/app/static/world_110m.json"
    page.wait_for_function(f"() => ({_MAP_SHAPES_JS})() > 10")
    shapes = page.evaluate(_MAP_SHAPES_JS)
    located = chart(page, "Meetings by venue country")["traces"][0]["locations"]
    assert shapes > 0.8 * len(located), (shapes, len(located))
    land = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .geo .layer.land path')]"
        ".map(p => (p.getAttribute('d') || '').length)"
    )
    assert land and max(land) > 1000, land
    assert not outside, outside


def test_an_empty_selection_shows_a_message_and_resets(page: Page, app_url: str):
    open_app(page, app_url + "/?q=zzqxnothing")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stAlertContainer")).to_contain_text("No meeting matches")
    expect(page.locator(".js-plotly-plot")).to_have_count(0)

    main.get_by_role("button", name="Reset filters").click()
    page.wait_for_function(CHARTS_READY_JS, arg=2)
    expect(page).not_to_have_url(re.compile(r"[?&]q="))
    expect(main.get_by_text("No meeting matches")).to_have_count(0)
    expect(page.get_by_test_id("stSidebar").get_by_placeholder("Words in the title")).to_have_value(
        ""
    )


def test_opening_a_meeting_from_the_table(page: Page, app_url: str):
    open_app(page, app_url + "/meetings")
    expect(page).not_to_have_url(re.compile(r"[?&]meeting="))
    grid = page.get_by_test_id("stMain").get_by_test_id("data-grid-canvas")
    title = grid.get_by_test_id("glide-cell-2-1").text_content()  # 2nd row, "Title" column
    assert title
    box = grid.bounding_box()
    row_height = 35  # Streamlit's default; the header row has the same height
    page.mouse.click(box["x"] + 16, box["y"] + row_height * 1.5 + row_height)  # its row marker
    expect(page).to_have_url(re.compile(r"[?&]meeting=[^&]+"))
    header = page.get_by_test_id("stMain").locator("h2")
    expect(header.filter(has_text=title)).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_uploading_a_report_adds_it_to_the_corpus(page: Page, app_url: str, tmp_path: Path):
    # Last on purpose: the upload joins the corpus for the rest of the session.
    report = tmp_path / "dakar-workshop.txt"
    report.write_text(REPORT, encoding="utf-8")
    open_app(page, app_url + "/data")
    in_use = (
        page.get_by_test_id("stMetric")
        .filter(has_text="Reports in use")
        .get_by_test_id("stMetricValue")
    )
    before = int(in_use.inner_text())

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(report)
    page.get_by_role("button", name="Add to the corpus").click()
    expect(in_use).to_have_text(str(before + 1))  # after the rerun that reads the new report
    wait_idle(page)
    saved = page.get_by_test_id("stAlertContainer").filter(has_text="Saved 1 file")
    expect(saved).to_contain_text(report.name)  # the message outlives that rerun
    expect(page.get_by_test_id("stException")).to_have_count(0)


HOSTILE_TITLE = (
    "<script>window.__pwned = 1</script> [Official agenda - log in here]"
    "(https://evil.example/login) **bold** $x$"
)


def test_a_hostile_report_shows_as_text_and_links_nowhere(page: Page, app_url: str, tmp_path):
    report = tmp_path / "agenda.txt"
    report.write_text(HOSTILE_TITLE + "\n\n" + REPORT.split("\n", 1)[1].replace(
        "Dakar", "Abuja").replace("Senegal", "Nigeria"), encoding="utf-8")  # fmt: skip
    open_app(page, app_url + "/data")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(report)
    page.get_by_role("button", name="Add to the corpus").click()
    saved = page.get_by_test_id("stAlertContainer").filter(has_text="Saved 1 file")
    expect(saved).to_contain_text(report.name)
    open_app(page, app_url + "/meetings?q=Official+agenda")
    grid = page.get_by_test_id("stMain").get_by_test_id("data-grid-canvas")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 * 1.5)  # the only row's marker
    expect(page).to_have_url(re.compile(r"[?&]meeting=[^&]+"))
    header = page.get_by_test_id("stMain").locator("h2")
    expect(header).to_contain_text("Official agenda")
    wait_idle(page)
    shown = header.inner_text().replace("\u2060", "")  # the joiner that keeps links away
    assert "[Official agenda - log in here](https://evil.example/login)" in shown
    assert "<script>" in shown and "$x$" in shown  # shown, not run or typeset
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.evaluate("window.__pwned") is None
    assert header.locator("strong, em, script, .katex").count() == 0


def test_clicking_a_country_on_the_map_narrows_the_selection(page: Page, app_url: str):
    open_app(page, app_url + "/regions", 2)
    page.wait_for_function(f"() => ({_MAP_SHAPES_JS})() > 10")
    box = page.evaluate(
        """() => {
          const path = [...document.querySelectorAll('.js-plotly-plot path.choroplethlocation')]
            .find(p => p.__data__ && p.__data__.loc === 'CHN');
          const r = path.getBoundingClientRect();
          return {x: r.x + r.width * 0.5, y: r.y + r.height * 0.5};
        }"""
    )
    page.mouse.move(box["x"], box["y"])  # plotly takes a click as a selection after a hover
    expect(page.locator(".js-plotly-plot .hoverlayer .hovertext").first).to_be_visible()
    page.mouse.down()
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"[?&]country=China(&|$)"))
    wait_idle(page)
    located = chart(page, "Meetings by venue country")["traces"][0]["locations"]
    assert located == ["CHN"]


def test_an_editor_corrects_a_meeting_and_undoes_it(
    page: Page, app_url: str, bundled, screenshots: Path
):
    events = bundled.analysis.events
    meeting = events[events["city"].fillna("") != ""].iloc[0]
    city, new_city = meeting["city"], "Correctedville"
    open_app(page, f"{app_url}/meetings?meeting={meeting['doc_id']}")
    main = page.get_by_test_id("stMain")
    line = main.get_by_test_id("stMarkdownContainer").filter(has_text=f"{city}, ").first
    expect(line).to_be_visible()
    main.get_by_test_id("stExpander").filter(has_text="Correct this meeting").click()
    main.get_by_label("City").fill(new_city)
    main.get_by_label("Why (optional)").fill("checked against the agenda")
    main.get_by_role("button", name="Save corrections").click()
    expect(
        main.get_by_test_id("stAlertContainer").filter(has_text="Saved 1 correction")
    ).to_be_visible()
    wait_idle(page)
    expect(main.get_by_text(f"{new_city}, {meeting['country']}").first).to_be_visible()
    made = main.get_by_test_id("stCaptionContainer").filter(has_text=f"City: {city} → {new_city}")
    expect(made).to_contain_text("checked against the agenda")
    full_page_screenshot(page, screenshots / "meetings-corrected.png")
    main.get_by_role("button", name="Undo").click()
    expect(main.get_by_test_id("stAlertContainer").filter(has_text="Undone")).to_be_visible()
    wait_idle(page)
    expect(made).to_have_count(0)
    expect(main.get_by_text(f"{new_city}, ")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
