"""Seed words in another sense (the business environment, the integrity of the State, "un
genre nouveau", a strategic approach, staff and diversity alone), lists of topics and
background (a landlocked host, a chair's list of concerns) are no discussion; training said
in other words (trainees) is; reports in Chinese, Arabic and Russian are read with seed
terms of their own (Chinese has no spaces, Arabic glues its article, Russian inflects).
Reports and sentences are our own."""

import numpy as np
import pytest

from analytics.model import context
from analytics.model.taxonomy import load_taxonomy
from analytics.model.tokens import tokenize, word_count
from analytics.model.vocabulary import SeedTerms, split_units, without_body_names
from tests.conftest import ROOT


def _found(themes, seeds, sentence: str) -> set[str]:
    counts = seeds.count([sentence])[0]
    return {t.id for t, c in zip(themes, counts, strict=True) if c > 0}


def test_chinese_is_cut_into_characters_and_other_scripts_into_words():
    assert tokenize("在wco的贸易便利化") == ["在", "wco", "的", "贸", "易", "便", "利", "化"]
    assert tokenize("e-commerce and the afcfta") == ["e-commerce", "and", "the", "afcfta"]


def test_arabic_article_and_particles_are_taken_off():
    # "and the training", "the training", "for the customs", "the customs"
    assert tokenize("والتدريب") == tokenize("التدريب") == tokenize("تدريب")
    assert tokenize("للجمارك") == tokenize("الجمارك")
    assert tokenize("القدرة") == tokenize("قدره")  # final ta marbuta read as ha


def test_russian_case_endings_are_taken_off():
    assert len(set(tokenize("торговля торговли торговлей"))) == 1
    assert tokenize("оружие") == tokenize("оружия")
    assert tokenize("контроль") != tokenize("контрабанда")


def test_a_chinese_sentence_counts_its_characters_as_words():
    sentence = "与会代表回顾了各中心开设的课程和学员人数。"
    assert word_count(sentence) >= 10
    assert split_units(sentence) == [sentence]
    assert word_count("Read more.") == 2


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("会议讨论了贸易便利化和单一窗口建设。", "trade_facilitation"),
        ("各中心负责人讨论了学员的课程安排。", "capacity_building"),
        ("代表们探讨了利用区块链技术交换数据。", "data_digital"),
        ("ناقش المشاركون سبل تيسير التجارة في المنافذ.", "trade_facilitation"),
        ("وتتناول الورشة والتدريب على مكافحة الفساد في الإدارات.", "integrity_anticorruption"),
        ("يتدرب المشاركون ليصبحوا مدربين معتمدين في إداراتهم.", "capacity_building"),
        ("Участники обсудили борьбу с контрабандой наркотиков.", "enforcement_illicit_trade"),
        ("Слушатели научились распознавать товары двойного назначения.", "security_terrorism"),
        ("Стороны договорились об упрощении процедур торговли на границе.", "trade_facilitation"),
    ],
)
def test_seed_terms_of_chinese_arabic_and_russian_are_found(themes, seeds, sentence, theme):
    assert theme in _found(themes, seeds, sentence)


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Customs has a part to play in a better business environment.", "environment_green"),
        ("The host spoke of the investment climate the region needs.", "environment_green"),
        ("A virtual environment does not allow the full course to be given.", "environment_green"),
        ("A classroom is a better learning environment for officers.", "environment_green"),
        (
            "Le programme régional de développement durable a financé l'atelier.",
            "environment_green",
        ),
        (
            "The WCO provides sustainable development assistance to its Members.",
            "environment_green",
        ),
        (
            "Alert officers protect the integrity of the State at its ports.",
            "integrity_anticorruption",
        ),
        ("Les délégués ont salué une réunion d'un genre nouveau.", "gender_people"),
        ("Staff were asked to show professionalism at every inspection.", "gender_people"),
        ("Delegates praised the diversity of the views expressed.", "gender_people"),
        ("Some goods put the health and safety of officers at risk.", "health_pandemic"),
        ("He called for a strategic approach to export controls.", "governance_strategy"),
        ("The academy presented its new Learning and Development Strategy.", "governance_strategy"),
        (
            "The experts held a workshop on Strategic Trade Control Enforcement.",
            "governance_strategy",
        ),
        (
            "The experts held a workshop on Strategic Trade Control Enforcement.",
            "enforcement_illicit_trade",
        ),
        ("Delegates visited the new training academy of the service.", "capacity_building"),
        (
            "Azerbaijan, a landlocked country on the Silk Road, hosted the event.",
            "small_states_fragile",
        ),
        ("ودعا الأمين العام الأعضاء إلى المساهمة في المسح البيئي للمنظمة.", "environment_green"),
    ],
)
def test_seed_words_in_another_sense_are_no_evidence(themes, seeds, sentence, theme):
    assert theme not in _found(themes, seeds, sentence)


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        (
            "The experts held a workshop on Strategic Trade Control Enforcement.",
            "security_terrorism",
        ),
        ("Over four days the trainees learned to read licences.", "capacity_building"),
        (
            "The meeting discussed the integrity of officers and codes of conduct.",
            "integrity_anticorruption",
        ),
        (
            "They agreed on a gender equality policy for staff and its diversity goals.",
            "gender_people",
        ),
        (
            "The region reviewed the region's strategy for the next two years.",
            "governance_strategy",
        ),
        (
            "Landlocked countries described the cost of crossing several borders.",
            "small_states_fragile",
        ),
        ("Officers discussed climate change and the waste trade.", "environment_green"),
    ],
)
def test_the_same_words_in_their_own_sense_still_count(themes, seeds, sentence, theme):
    assert theme in _found(themes, seeds, sentence)


def test_words_of_several_senses_count_only_beside_a_discussion(themes, seeds):
    column = [t.id for t in themes].index("gender_people")
    alone, beside = seeds.count(
        ["Staff showed diversity and professionalism.", "Staff discussed gender equality."]
    )[:, column]
    assert alone == 0 and beside >= 2


def test_a_list_introduced_by_such_as_or_were_counts_its_first_item():
    assert context.enumeration(
        "Among the concerns the Chair listed were valuation, the SAFE Framework, smuggling "
        "and the cost of guarantees."
    ).startswith("valuation")
    assert context.enumeration("Delegates discussed security, revenue and e-commerce.") == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Among the concerns the Chair listed in closing were valuation, the SAFE Framework, "
        "smuggling and the cost of guarantees.",
        "会议议程涵盖海关倡议、执法策略及培训经验等专题。",
        "The curriculum covered risk management, valuation and the detection of drugs.",
        "تحدث الأمين العام عن عمل المنظمة في مجالات التركيز مثل البيانات والحدود الهشة والجمارك الخضراء.",
    ],
)
def test_lists_of_topics_and_focus_areas_count_as_passing(themes, seeds, sentence):
    counts = seeds.count([sentence])
    weights = context.unit_context([sentence], counts, seeds.count)
    assert counts.sum() > 0
    assert weights[0] == context.ASIDE


REPORTS = [
    "亚太地区区域培训中心负责人会议在上海举行\n\n"
    "第16届区域培训中心负责人会议于2018年10月24日在上海举行。\n\n"
    "与会代表回顾了各中心开设的课程和学员人数，并商定了下一年的课程计划。\n\n"
    "各中心负责人还讨论了如何帮助讲师开展网上教学。",
    "اجتماع إقليمي في الدوحة\n\n"
    "عقدت في الدوحة ورشة عمل إقليمية لإعداد مدربين في الرقابة على السلع الاستراتيجية.\n\n"
    "وتتناول الورشة طرق التعرف على السلع ذات الاستخدام المزدوج ومنع انتشار أسلحة الدمار الشامل.",
    "Семинар в Душанбе\n\n"
    "В Душанбе прошёл национальный семинар по контролю за стратегической торговлей.\n\n"
    "Слушатели научились распознавать товары двойного назначения и выявлять грузы для "
    "создания оружия массового уничтожения.",
    "Transit guidelines discussed in Baku\n\n"
    "Azerbaijan, a landlocked country on the old Silk Road, hosted the regional workshop.\n\n"
    "Participants went through the transit guidelines and the guarantees that are not accepted "
    "from one country to the next, and the long queues at the crossing points.\n\n"
    "Among the concerns the Chair listed in closing were valuation, the SAFE Framework, "
    "smuggling and the cost of guarantees.",
]
DISCUSSED = [
    {"capacity_building"},
    {"security_terrorism", "capacity_building"},
    {"security_terrorism", "capacity_building"},
    {"trade_facilitation"},
]


@pytest.mark.parametrize("doc", range(len(REPORTS)))
def test_reports_in_other_scripts_and_with_lists_get_the_themes_they_discuss(named_assigned, doc):
    assert named_assigned[doc] == DISCUSSED[doc], named_assigned[doc]


def test_names_of_bodies_still_blank_before_the_new_scripts_are_read():
    # the tokeniser does not change how Latin text is blanked and counted
    blanked = without_body_names("The Kenya Revenue Authority hosted the workshop.")
    assert "Revenue" not in blanked
    assert np.all(SeedTerms(load_taxonomy(ROOT / "data" / "themes.toml")).count([blanked]) == 0)
