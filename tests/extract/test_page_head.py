"""The top of a saved page: a site's name, breadcrumbs and menus above the headline, date
lines of several sections, a date before the headline, banners in other languages."""

import datetime as dt

import pytest

from analytics.extract.datelines import dateline
from analytics.extract.published import published_from_lines
from analytics.extract.text import read_report, strip_boilerplate
from analytics.ingest.base import RawDocument
from tests.extract.reading import read_event

D = dt.date
BODY = (
    "The Heads of Customs of the region met in Windhoek on 4 and 5 March 2015 to review "
    "their regional strategy and the budget of the regional office for the next two years."
)


def _report(text: str):
    return read_report(RawDocument(source="t.txt", text=text))


@pytest.mark.parametrize(
    "line",
    [
        "Published 4 March 2015 · Regional affairs · 2 min read",
        "4 March 2015 — filed under: customs, Africa, meetings",
        "Posted on 4 March 2015 | Events | Print",
    ],
)
def test_a_date_line_of_several_sections(line):
    assert published_from_lines([line], limit=1) == (D(2015, 3, 4), 0)


def test_a_headline_with_a_metadata_line_under_it():
    report = _report(f"Customs heads gather in Windhoek\n\nPosted 6 March 2015 · News\n\n{BODY}")
    assert (report.title, report.published) == ("Customs heads gather in Windhoek", D(2015, 3, 6))


def test_the_site_name_breadcrumb_and_menu_above_the_headline_are_not_the_title():
    report = _report(
        "NAMIB BUSINESS WEEKLY\nHome About Markets Trade and Customs Contact\n"
        "Home » Trade » Customs\n\nRegional customs chiefs meet in Windhoek\n\n"
        f"Friday, March 06, 2015\n\n{BODY}"
    )
    assert report.title == "Regional customs chiefs meet in Windhoek"
    assert report.published == D(2015, 3, 6)
    assert "WEEKLY" not in report.body and "»" not in report.body


@pytest.mark.parametrize("cut", ["on 4 and", "on 4 and 5 March 2015 to review their"])
def test_a_paragraph_wrapped_at_the_text_width_is_not_a_headline(cut):
    first, rest = BODY[: BODY.index(cut) + len(cut)], BODY[BODY.index(cut) + len(cut) + 1 :]
    report = _report(f"Customs heads gather in Windhoek\n\n6 March 2015\n\n{first}\n{rest}")
    assert (report.title, report.published) == ("Customs heads gather in Windhoek", D(2015, 3, 6))
    assert report.body.startswith("The Heads of Customs")


def test_a_page_age_between_headline_and_date_line():
    report = _report(
        f"ROCB Southern Africa\n\nWorkshop on transit in Windhoek\n\n2 years ago\n"
        f"News March 6, 2015\n\n{BODY}"
    )
    assert (report.title, report.published) == ("Workshop on transit in Windhoek", D(2015, 3, 6))


def test_the_date_line_above_the_headline_below_the_site_name():
    report = _report(
        f"Revenue Agency of Namibia\n\n6 de marzo de 2015\n\nJefes de aduanas en Windhoek\n\n{BODY}"
    )
    assert (report.title, report.published) == ("Jefes de aduanas en Windhoek", D(2015, 3, 6))


def test_a_bare_iso_date_before_the_headline():
    report = _report(f"2015-03-06\n\nCustoms heads meet in Windhoek\n\n{BODY}")
    assert (report.title, report.published) == ("Customs heads meet in Windhoek", D(2015, 3, 6))
    assert not report.body.startswith("Customs heads meet")


def test_a_date_and_source_glued_to_the_headline():
    report = _report(f"date 2015-03-06 (Customs Weekly) Customs heads meet in Windhoek\n{BODY}")
    assert (report.title, report.published) == ("Customs heads meet in Windhoek", D(2015, 3, 6))


def test_a_summary_keeps_its_heading_as_title():
    report = _report(
        "Note on the regional meeting\nBackground:\n- Meeting: Heads of Customs, Windhoek\n"
        f"- Date: 4-5 March 2015\n{BODY}"
    )
    assert report.title == "Note on the regional meeting"


def test_a_wire_dateline_with_its_agency_after_a_comma():
    date, rest = dateline("Windhoek, March 6, 2015, NAMPA -- Customs heads met here today.")
    assert (date, rest) == (D(2015, 3, 6), "Windhoek – Customs heads met here today.")


@pytest.mark.parametrize(
    "banner",
    [
        "Эта страница недоступна на выбранном вами языке (Русский). Поэтому мы показываем "
        "её версию на языке English.",
        "Aviso: no hay versión en Español de este contenido. Se muestra el texto original "
        "en English.",
        "所选语言（中文）本页暂无内容，因此返回到 English 版本。",
    ],
)
def test_language_banners_of_other_forms(banner):
    assert strip_boilerplate(f"{banner}\nCustoms heads meet in Windhoek") == [
        "Customs heads meet in Windhoek"
    ]


def test_a_place_and_dates_under_the_headline_are_not_the_headline():
    report = _report(
        f"Regional Heads of Customs meeting\n\n9 March 2015\n\nRegional Heads of Customs meeting"
        f"\n\nWindhoek (Namibia), 4-5 March 2015\n\n{BODY}"
    )
    assert (report.title, report.published) == ("Regional Heads of Customs meeting", D(2015, 3, 9))


def test_a_headline_with_its_date_after_a_bar():
    report = _report(f"Namibia to chair the regional customs committee |6 March 2015\n\n{BODY}")
    assert (report.title, report.published) == (
        "Namibia to chair the regional customs committee",
        D(2015, 3, 6),
    )


def test_sharing_links_under_the_headline_are_no_headline(gaz):
    event = read_event(
        "Revenue Authority\nMedia Centre\nCustoms officers complete an analysis course\nFacebook\n"
        "Twitter\nLinkedIn\nWhatsApp\nPublish Date:\n12 June 2019\nA regional course for "
        "customs officers closed yesterday in Suva.",
        gaz,
    )
    assert (event.title, event.published) == (
        "Customs officers complete an analysis course",
        dt.date(2019, 6, 12),
    )
    assert event.date == dt.date(2019, 6, 11)


def test_a_label_alone_takes_the_date_a_few_lines_below(gaz):
    event = read_event(
        "Customs officers complete an analysis course\nPublish Date:\nLatest News\nEvents\n"
        "Media\n12 June 2019\nA regional course for customs officers closed yesterday in Suva.",
        gaz,
    )
    assert (event.published, event.date) == (dt.date(2019, 6, 12), dt.date(2019, 6, 11))
    assert "Publish Date" not in event.text


def test_a_place_and_date_line_under_the_headline_is_the_meeting_s(gaz):
    event = read_event(
        "12 February 2009\n\nTraining centres meet\n\nMinsk, 21 January 2009\n\nHeads of the "
        "customs training centres discussed how to share their courses.",
        gaz,
    )
    assert (event.published, event.date) == (dt.date(2009, 2, 12), dt.date(2009, 1, 21))
    assert (event.city, event.iso3) == ("Minsk", "BLR")


def test_a_site_date_long_after_a_signed_date_line_is_the_site_s(gaz):
    event = read_event(
        "Tuesday, June 18, 2024\n\nTraining centres meet\n\nMinsk, 21 January 2009\n\nHeads of "
        "the customs training centres discussed how to share their courses.",
        gaz,
    )
    assert event.published == dt.date(2009, 1, 21)
