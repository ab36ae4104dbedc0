"""Reports written in Arabic, Chinese or Russian: their venue and region."""

import pytest

from analytics.extract.event import extract_event
from analytics.extract.places import gazetteer
from analytics.extract.scripts import in_other_script, script_places
from analytics.ingest.base import RawDocument
from analytics.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return gazetteer(*Settings().place_tables)


@pytest.mark.parametrize(
    ("report", "city", "iso3", "region"),
    [
        ("اجتماع مديري الجمارك\n\n15 مارس 2017\n\nعقد مديرو الجمارك لدول منطقة شمال أفريقيا "
         "والشرق الأدنى والأوسط اجتماعهم الإقليمي اليوم بالقاهرة لبحث تيسير التجارة.",
         "Cairo", "EGY", "North of Africa, Near and Middle East"),
        ("海关实验室会议开幕\n\n2019年8月25日\n\n亚太地区海关实验室主任会议今天在青岛开幕，各国代表出席。",
         "Qingdao", "CHN", "Asia/Pacific"),
        ("Заседание руководителей\n\n21 сентября 2007\n\nВ Ереване прошло заседание "
         "руководителей таможенных служб Европейского региона.", "Yerevan", "ARM", "Europe"),
    ],
    ids=["ar", "zh", "ru"],
)  # fmt: skip
def test_venue_and_region_in_other_scripts(report, city, iso3, region, gaz):
    event = extract_event(RawDocument(source="t.txt", text=report), gaz)
    assert (event.city, event.iso3, event.region) == (city, iso3, region)


def test_the_arab_league_headquarters_are_in_cairo(gaz):
    report = (
        "اجتماع إقليمي\n\n4 فبراير 2019\n\nبدأت بمقر الأمانة العامة لجامعة الدول العربية أمس "
        "أعمال الاجتماع الإقليمي لمديري الجمارك."
    )
    event = extract_event(RawDocument(source="t.txt", text=report), gaz)
    assert (event.city, event.date.isoformat()) == ("Cairo", "2019-02-03")


def test_arabic_prepositions_are_taken_off_place_names():
    cities = [(p.city, p.locative) for p in script_places("وصل الوفد إلى دبي ثم اجتمع بالقاهرة")]
    assert cities == [("Dubai", False), ("Cairo", True)]


def test_english_text_is_not_in_another_script():
    assert not in_other_script("The meeting was held in Cairo (القاهرة) on 3 May.")
    assert in_other_script("عقد الاجتماع في القاهرة")
