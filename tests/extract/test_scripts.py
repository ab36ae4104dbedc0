"""Reports written in Arabic, Chinese or Russian: their venue and region."""

import datetime as dt

import pytest

from analytics.extract.event import extract_event
from analytics.extract.scripts import in_other_script, script_places
from analytics.ingest.base import RawDocument
from tests.extract.reading import read_event as _event

D = dt.date


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


def test_a_chinese_city_after_its_province_and_jointly_is_no_place(gaz):
    event = _event(
        "海关实验室会议开幕\n\n2025-08-25\n\n8月25日,中国海关与世界海关组织联合举办的地区海关实验室"
        "主任会议在山东青岛开幕。",
        gaz,
    )
    assert (event.date, event.city, event.iso3) == (D(2025, 8, 25), "Qingdao", "CHN")


def test_the_arab_league_seat_without_its_article_and_a_region_without_hamza(gaz):
    event = _event(
        "اجتماع مديري عامي الجمارك\n\nترأس مدير عام الجمارك الاجتماع لمدراء عامي الجمارك في إقليم "
        "شمال افريقيا والشرق الأدنى والاوسط والذي انعقد الثلاثاء 27 شباط 2024 في مقر جامعة "
        "الدول العربية.",
        gaz,
    )
    assert (event.date, event.city, event.region) == (
        D(2024, 2, 27),
        "Cairo",
        "North of Africa, Near and Middle East",
    )


def test_left_today_for_meetings_held_from_one_day_until_another(gaz):
    event = _event(
        "رئيس الجمارك يغادر إلى بروكسل\n\nالأحد 19/يونيو/2022 - 12:38 م\n\nغادر رئيس مصلحة "
        "الجمارك صباح اليوم لحضور اجتماعات المنظمة التي ستعقد في بروكسل خلال الفترة من 20 حتى 25 "
        "يونيو 2022.",
        gaz,
    )
    assert (event.published, event.date, event.end_date) == (
        D(2022, 6, 19),
        D(2022, 6, 20),
        D(2022, 6, 25),
    )


def test_centre_and_cooperation_in_chinese_are_no_towns(gaz):
    # "培训中心" (training centre) is not Zhongxin, "合作" (cooperation) not Hezuo.
    event = _event(
        "地区培训中心负责人会议召开\n\n2016-05-12\n\n5月10日至11日，地区培训中心负责人会议召开，"
        "各方加强培训合作。会议在蒙古举行。",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "MNG")
