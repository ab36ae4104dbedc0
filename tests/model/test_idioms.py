"""Set phrases and circumstances of real pages that carry a seed word are no discussion: the
pandemic as the reason a meeting met online or as a point in time, "seized the
opportunity", a field's governance, a minister's portfolio in lower case, the balance
between facilitation and control; and "innovation" or "plateforme" alone is an everyday
word, not digital Customs. Reports and sentences are our own."""

import numpy as np
import pytest

from analytics.model.idioms import without_idioms

REPORTS = [
    "Heads of training of the Andean administrations met on 4 and 5 May 2021.\n\n"
    "Given the continuing impact of COVID-19 on travel, the meeting was convened virtually "
    "from Quito.\n\n"
    "They agreed a shared course for new officers and a calendar of joint "
    "trainers' workshops for the year.",
    "The Nordic heads of enforcement met in Tallinn on 2 October 2023.\n\n"
    "The national services seized the opportunity to compare how they recruit and train "
    "their risk analysts.\n\n"
    "They agreed to send their analysts to one another's training courses.",
    "Twenty officers of four West African administrations met in Niamey on 6 March 2024, opened by "
    "the adviser of the Minister of finance and budget.\n\n"
    "They studied the value declared for used vehicles and second-hand clothing and agreed "
    "to share their valuation databases.",
]
DISCUSSED = [{"capacity_building"}, {"capacity_building"}, {"revenue"}]


@pytest.mark.parametrize("doc", range(len(REPORTS)))
def test_reports_get_the_themes_they_discuss_and_not_those_of_set_phrases(named_assigned, doc):
    assert named_assigned[doc] == DISCUSSED[doc], named_assigned[doc]


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        (
            "Considering the COVID-19 situation, the meeting was held in a hybrid way.",
            "health_pandemic",
        ),
        (
            "Given the severe impact of the pandemic, the council was convened virtually.",
            "health_pandemic",
        ),
        ("Trade through the port has doubled since the start of the pandemic.", "health_pandemic"),
        (
            "The delegations seized the opportunity to meet their neighbours.",
            "enforcement_illicit_trade",
        ),
        (
            "The afternoon was devoted to AI governance and the ethics of algorithms.",
            "governance_strategy",
        ),
        (
            "The adviser of the Minister of finance and budget opened the session.",
            "governance_strategy",
        ),
        (
            "The speakers stressed the delicate balance between border enforcement and trade "
            "facilitation.",
            "trade_facilitation",
        ),
        (
            "The speakers stressed the delicate balance between border enforcement and trade "
            "facilitation.",
            "enforcement_illicit_trade",
        ),
        (
            "Besides their traditional role of determining the tariff classification, "
            "laboratories now test fuels.",
            "revenue",
        ),
        (
            "Outre leur rôle traditionnel de contrôle du classement tarifaire, les laboratoires "
            "protègent la santé.",
            "revenue",
        ),
        ("L'atelier s'inscrit dans l'approche stratégique de l'OMD.", "governance_strategy"),
        ("Talks covered the business climates of the two islands.", "environment_green"),
        ("He urged the extensive use of technology to meet the challenge.", "data_digital"),
        ("The plan stressed the integration of new technologies.", "data_digital"),
    ],
)
def test_set_phrases_give_no_evidence(seeds, column, sentence, theme):
    assert seeds.count([sentence])[0, column[theme]] == 0


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Delegates discussed the pandemic response and vaccines online.", "health_pandemic"),
        ("Officers seized 40 kg of cocaine hidden in fruit.", "enforcement_illicit_trade"),
        (
            "The region adopted new rules of governance for its regional fund.",
            "governance_strategy",
        ),
        ("They agreed on the balance of the budget for the coming year.", "governance_strategy"),
        ("They discussed how new technologies will change the work of officers.", "data_digital"),
        (
            "They studied the use of scanners and artificial intelligence at the port.",
            "data_digital",
        ),
    ],
)
def test_the_same_words_in_a_discussion_still_count(seeds, column, sentence, theme):
    assert seeds.count([sentence])[0, column[theme]] >= 0.5


def test_innovation_alone_counts_half_and_a_named_technology_in_full(seeds, column):
    counts = seeds.count(
        ["The Director called the meeting a welcome innovation.",
         "They compared their clearance systems and how they use artificial intelligence."]
    )  # fmt: skip
    assert np.allclose(counts[:, column["data_digital"]], [0.5, 2.0])


def test_without_idioms_keeps_the_rest_of_the_sentence():
    assert without_idioms("The heads seized the opportunity to agree a plan.").split() == [
        "The", "heads", "to", "agree", "a", "plan.",
    ]  # fmt: skip
