"""A sentence's own discussion counts in full before a trailing aside ("..., and was made
possible thanks to the support of ..."); priorities discussed in other words (building the
capacity of administrations, soft skills and employee engagement, the smuggling of cash)
are found; a field's strategy ("data analytics strategies") is that field's. Reports and
sentences are our own."""

import pytest

from analytics.model import context

REPORTS = [
    "A regional workshop was held in Lima from 3 to 5 June 2024 for officers of the Andean "
    "administrations.\n\n"
    "It was aimed at building the capacity of the administrations to detect banned ozone "
    "gases in refrigerant cylinders, and was made possible thanks to the support of a "
    "partner fund.",
    "Heads of Customs of the Indian Ocean islands met in Victoria on 12 May 2025.\n\n"
    "The host said modern administrations depend on the soft skills of their officers and "
    "on employee engagement as much as on their systems.",
    "Airport officers of three Sahel administrations met in Bamako on 4 April 2023.\n\n"
    "They studied the smuggling of cash in the luggage of travellers leaving the region, and "
    "the declarations that travellers must make above a set amount.",
]
DISCUSSED = [
    {"environment_green", "capacity_building"},
    {"gender_people"},
    {"illicit_financial_flows", "small_states_fragile"},
]


@pytest.mark.parametrize("doc", range(len(REPORTS)))
def test_reports_get_the_themes_their_sentences_discuss(named_assigned, doc):
    assert named_assigned[doc] == DISCUSSED[doc], named_assigned[doc]


def test_the_main_clause_before_a_trailing_sponsor_counts_in_full(seeds, column):
    units = [
        "The workshop aimed at building the capacity of border officers to read cargo "
        "manifests, and was made possible thanks to the support of a partner fund."
    ]
    weighted = context.weigh(units, seeds.count(units), seeds.count)
    assert weighted[0, column["capacity_building"]] == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Funded by a partner fund, the workshop trained twenty officers.",
        "The region's security and training were the subjects of earlier workshops.",
        "The officers, who were trained in earlier workshops, met again in Lima.",
    ],
)
def test_an_aside_without_a_main_clause_of_its_own_still_counts_a_quarter(seeds, sentence):
    assert context.main_clause(sentence) == ""


def test_smuggling_of_cash_is_illicit_finance_not_enforcement(seeds, column):
    counts = seeds.count(["They studied the smuggling of cash by travellers."])[0]
    assert counts[column["illicit_financial_flows"]] == 1
    assert counts[column["enforcement_illicit_trade"]] == 0


def test_a_data_analytics_strategy_is_no_governance(seeds, column):
    counts = seeds.count(["They helped members define their data analytics strategies."])[0]
    assert counts[column["governance_strategy"]] == 0
    assert counts[column["data_digital"]] >= 1


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        (
            "The Secretary General said the WCO stands ready to support Members with capacity "
            "building in this area.",
            "capacity_building",
        ),
        (
            "Imagine a border where officers use data analytics to spot every smuggled parcel.",
            "enforcement_illicit_trade",
        ),
    ],
)
def test_a_standing_offer_or_an_imagined_future_counts_a_quarter(seeds, column, sentence, theme):
    weighted = context.weigh([sentence], seeds.count([sentence]), seeds.count)
    assert weighted[0, column[theme]] == context.ASIDE


@pytest.mark.parametrize(
    "sentence",
    [
        "The workshop taught officers to apply the Montreal Protocol at the border.",
        "Officers compared how they check shipments under the Basel Convention.",
        "Experts showed cylinders of ozone-depleting gases relabelled as permitted products.",
    ],
)
def test_the_environmental_agreements_by_name_are_green_customs(seeds, column, sentence):
    assert seeds.count([sentence])[0, column["environment_green"]] >= 1


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("The partners have worked on effective One Stop Border Posts at four crossings.",
         "coordinated_border_management"),
        ("Un atelier d'accréditation des experts s'est tenu au siège.", "capacity_building"),
        ("Se celebró un taller de acreditación para los expertos de la región.",
         "capacity_building"),
    ],
)  # fmt: skip
def test_border_posts_and_accreditation_workshops_in_other_spellings(
    seeds, column, sentence, theme
):
    assert seeds.count([sentence])[0, column[theme]] >= 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Corridor projects were cited where e.g. the Revised Kyoto Convention, origin tools, the "
        "customs Data Model, the SAFE Framework of Standards to Secure and Facilitate Global "
        "Trade and others had been applied.",
        "Several corridor projects applied the customs Data Model, the SAFE Framework, the "
        "guide on transit and others were cited as examples.",
    ],
)
def test_instruments_named_as_examples_count_a_quarter(seeds, column, sentence):
    weighted = context.weigh([sentence], seeds.count([sentence]), seeds.count)
    assert weighted[0, column["data_digital"]] == context.ASIDE
    assert weighted[0, column["security_terrorism"]] == context.ASIDE
