"""Themes named in passing on real pages (a bare list of agenda items, Customs' mission
recited, an agency or an officer named by its field, a health crisis as background) are no
discussion; a priority discussed in other words (threats at the border, agencies checking
a truck together, prices declared too low) is. Reports and sentences are our own."""

import numpy as np
import pytest

from analytics.model import context
from analytics.model.vocabulary import without_body_names

REPORTS = [
    "The Americas region met on trusted traders in Lima on 4 September 2023.\n\n"
    "The agenda also touched on e-commerce, security, revenue, integrity and the "
    "environment, which later meetings will take up.\n\n"
    "Delegates compared how each administration certifies an authorised economic operator "
    "and agreed on the mutual recognition of their programmes.",
    "A workshop on gender equality was held in Accra on 14 October 2024, under a coastal "
    "security project, hosted by the Ghana Revenue Authority.\n\n"
    "Participants looked at the share of women at each grade and drew up plans against "
    "harassment at work.",
    "Heads of enforcement of five administrations met in Niamey on 18 November 2024.\n\n"
    "They described armed groups that attack isolated posts and goods that can be turned "
    "into bombs.\n\n"
    "Customs, the police and the border guards agreed to work from one post and to hold "
    "joint controls every morning.",
]
DISCUSSED = [
    {"trade_facilitation"},
    {"gender_people"},
    {"security_terrorism", "coordinated_border_management"},
]


@pytest.mark.parametrize("doc", range(len(REPORTS)))
def test_reports_get_the_themes_they_discuss_and_not_those_named_in_passing(named_assigned, doc):
    assert named_assigned[doc] == DISCUSSED[doc], named_assigned[doc]


def test_a_bare_list_of_short_items_naming_three_themes_is_passing(seeds):
    units = [
        "The agenda also touched on e-commerce, security, revenue, integrity and the "
        "environment, which later meetings will take up.",
        "Delegates discussed security, revenue and e-commerce in that order, and agreed a plan.",
        "Officers of Cameroon, Gabon, Mali and Mauritania worked on revenue collection at "
        "length, on the single window for traders and on the trafficking of drugs by road.",
    ]
    weight = context.unit_context(units, seeds.count(units), seeds.count)
    np.testing.assert_allclose(weight, [context.ASIDE, 1, 1])


def test_a_list_starts_after_the_sentences_subject_and_verb():
    assert context.enumeration("Delegates discussed security, revenue and e-commerce.") == ""
    assert context.enumeration("It covered ports, airports, rail, roads and post.") == (
        "airports, rail, roads, post"
    )


def test_an_office_described_by_its_members_is_an_aside():
    units = [
        "The region brings together 24 administrations and works with them on revenue.",
        "The workshop brought the region's revenue officers together to compare cases.",
    ]
    counts = np.array([[1, 0, 0], [1, 0, 0]], float)
    np.testing.assert_allclose(context.unit_context(units, counts), [context.ASIDE, 1])


def test_customs_mission_recited_as_a_list_is_boilerplate():
    units = [
        "The Minister said the administration strives to protect society, collect revenue, "
        "facilitate trade and manage the borders.",
        "Customs protects society by seizing two tonnes of cocaine at the port each year.",
    ]
    counts = np.array([[1, 1, 0], [0, 0, 1]], float)
    np.testing.assert_allclose(context.unit_context(units, counts), [context.ASIDE, 1])


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Delegates from the revenue authorities of the region took part.", "revenue"),
        ("The session was moderated by the gender focal point of the host.", "gender_people"),
        ("Heads of enforcement of the Customs administrations of Chad met.",
         "enforcement_illicit_trade"),
        ("He said the health crisis had pushed Customs to the front line.", "health_pandemic"),
        ("The meeting was held amid the COVID-19 pandemic in a hotel.", "health_pandemic"),
        ("The Commissioner spoke of upholding integrity in the service.",
         "integrity_anticorruption"),
        ("The Secretariat listed its tools, among them the Gender Equality Assessment Tool.",
         "gender_people"),
        ("The regional offices for capacity building and intelligence reported on their year.",
         "capacity_building"),
    ],
)  # fmt: skip
def test_a_theme_named_by_an_agency_a_title_a_tool_or_a_background_is_no_evidence(
    column, seeds, sentence, theme
):
    assert seeds.count([sentence])[0, column[theme]] == 0, without_body_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("They described armed groups that attack isolated posts at night.",
         "security_terrorism"),
        ("The two countries moved to joint processing in one co-located building.",
         "coordinated_border_management"),
        ("Los funcionarios de ambos países trabajan en un control integrado.",
         "coordinated_border_management"),
        ("The prices declared for used cars were half of the market price.", "revenue"),
        ("Trucks still wait at the border for two days and queue at the weighbridge.",
         "trade_facilitation"),
        ("The Council approved the budget of the regional office.", "governance_strategy"),
        ("Electronic cargo tracking now reports the position of each truck.", "data_digital"),
    ],
)  # fmt: skip
def test_a_priority_discussed_in_other_words_is_evidence_of_it(column, seeds, sentence, theme):
    assert seeds.count([sentence])[0, column[theme]] >= 1
