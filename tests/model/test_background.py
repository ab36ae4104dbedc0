"""Names of bodies told head first, biographical clauses and the control words of every theme
("risk management", "operations") carry seed words without
discussing their themes; the sentence's own discussion still counts. Sentences are ours."""

import pytest

from analytics.model.background import without_background


def _count(themes, seeds, sentence, theme):
    return seeds.count([sentence])[0, [t.id for t in themes].index(theme)]


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Officers from Revenue and Customs joined the visiting team in Leeds.", "revenue"),
        ("A delegation of the Department of Revenue and Customs took part in the sessions.",
         "revenue"),
        ("The Directorate of Risk Management and Intelligence hosted the visitors.",
         "enforcement_illicit_trade"),
        ("Ms Okafor, who was elected Chairperson of the Council in 2019, opened the day.",
         "governance_strategy"),
        ("Since her election as Vice-Chair of the region, she has visited every member.",
         "governance_strategy"),
    ],
)  # fmt: skip
def test_a_name_told_head_first_or_a_life_story_is_no_evidence(themes, seeds, sentence, theme):
    assert _count(themes, seeds, sentence, theme) == 0, without_background(sentence)


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("He took office in May and spoke of the seizures of cocaine at the port.",
         "enforcement_illicit_trade"),
        ("The Council elected the new Vice-Chair of the region for two years.",
         "governance_strategy"),
        ("The department of revenue in lower case says what the officers discussed: revenue.",
         "revenue"),
    ],
)  # fmt: skip
def test_the_rest_of_the_sentence_still_counts(themes, seeds, sentence, theme):
    assert _count(themes, seeds, sentence, theme) >= 1, without_background(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ten officers practised the risk management of air cargo with the visiting experts.",
        "The valuation teams described their operations at the port and their intelligence.",
    ],
)
def test_weak_enforcement_words_alone_make_no_enforcement(themes, seeds, sentence):
    assert _count(themes, seeds, sentence, "enforcement_illicit_trade") == 0


def test_weak_enforcement_words_count_beside_a_real_enforcement_word(themes, seeds):
    sentence = "Intelligence from joint operations led to the seizures of cocaine at the port."
    assert _count(themes, seeds, sentence, "enforcement_illicit_trade") > 2


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("The sessions presented the Joint Guidelines on the exchange of electronic advance data "
         "between postal operators and Customs.", "data_digital"),
        ("The Council adopted the Resolution on the role of Customs in the movement of "
         "vaccines and medicines.", "health_pandemic"),
        ("Trainers walked through the Rapid Clearance Guidelines and the postal guide.",
         "trade_facilitation"),
    ],
)  # fmt: skip
def test_a_guide_named_by_its_subject_is_no_evidence(themes, seeds, sentence, theme):
    assert _count(themes, seeds, sentence, theme) == 0


def test_what_the_meeting_did_beside_a_named_guide_still_counts(themes, seeds):
    sentence = (
        "Using the Joint Guidelines on postal items, officers agreed to exchange electronic "
        "advance data on every parcel."
    )
    assert "electronic advance data" in without_background(sentence)
    assert _count(themes, seeds, sentence, "data_digital") >= 0.5
