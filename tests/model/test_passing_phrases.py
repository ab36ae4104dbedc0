"""Seed words that real pages use in passing (the women among the participants, integrity
asked of officers, revenue collection as the role Customs has moved beyond, a programme
named with an ampersand and its acronym, a seed word inside a longer phrase of another
theme, the WCO's priorities listed) are no discussion; priorities discussed in other words
(royalties and transfer prices, papers lodged before the aircraft lands, sister agencies,
chemical precursors of IEDs, one-stop border posts in the plural) are, in Portuguese too. Reports and sentences are our own."""

import numpy as np
import pytest

from analytics.model import context
from analytics.model.phrases import PhraseCounter
from analytics.model.vocabulary import without_body_names

REPORTS = [
    "Valuation officers of the Caribbean met in Castries on 3 March 2025.\n\n"
    "The twenty participants, eight of them women, studied how transfer pricing between "
    "related firms and royalties paid to a brand owner change the value of imported goods.\n\n"
    "The Commissioner asked them to serve with professionalism and integrity.",
    "The heads of the region met in Lomé on 9 June 2024, jointly funded by the Anti-Corruption "
    "& Integrity Promotion (A-CIP) Programme.\n\n"
    "The host minister said the role of Customs now goes beyond the traditional task of revenue "
    "collection.\n\n"
    "Delegates agreed on how the airport's sister agencies (immigration, the police and the "
    "plant inspectors) will plan their checks of arriving cargo together.",
    "Port officers of the Gulf met in Muscat on 12 May 2025 to connect their clearance systems "
    "through one gateway and to exchange the data of each container before it is loaded.\n\n"
    "They also agreed to alert each other to chemical precursors refused at a port, so that "
    "no one can ship them on to make IEDs.",
    "Diretores das alfândegas de seis países reuniram-se em Maputo a 4 de junho de 2024.\n\n"
    "Na abertura, o ministro lembrou o papel das alfândegas na economia, no comércio, na "
    "segurança e na saúde pública.\n\n"
    "Os diretores acordaram controlos fronteiriços integrados nos postos comuns e um plano de "
    "formação para os funcionários, com formadores das administrações vizinhas.",
]
DISCUSSED = [
    {"revenue"},
    {"coordinated_border_management"},
    {"data_digital", "security_terrorism"},
    {"coordinated_border_management", "capacity_building"},
]


@pytest.mark.parametrize("doc", range(len(REPORTS)))
def test_reports_get_the_themes_they_discuss_and_not_those_named_in_passing(named_assigned, doc):
    assert named_assigned[doc] == DISCUSSED[doc], named_assigned[doc]


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("The 30 participants, twelve of them women, came from nine countries.", "gender_people"),
        ("Treinta funcionarios, de los cuales doce mujeres, participaron en el taller.",
         "gender_people"),
        ("Vingt agents, dont 7 femmes, ont suivi la session.", "gender_people"),
        ("The Director asked officers to act with honesty and integrity at the posts.",
         "integrity_anticorruption"),
        ("He said Customs had moved beyond their traditional roles of tariff collection.",
         "revenue"),
        ("Le ministre a rappelé que le rôle des douanes va au-delà de la simple collecte des "
         "recettes.", "revenue"),
        ("The workshop was funded by the Anti-Corruption & Integrity Promotion (A-CIP) "
         "Programme.", "integrity_anticorruption"),
        ("The role of Customs became even more important during the COVID-19 pandemic.",
         "health_pandemic"),
        ("Machine tools and electronic parts left the region through third countries.",
         "data_digital"),
        ("The regional dog training centre presented its new kennels.", "capacity_building"),
        ("Cases went to the financial intelligence unit of each country.",
         "enforcement_illicit_trade"),
        ("The trucks waited 48 hrs at the weighbridge.", "gender_people"),
        ("La réunion, la première du genre dans le pays, a duré deux jours.", "gender_people"),
        ("Officers must declare conflicts of interest before each posting.",
         "small_states_fragile"),
        ("The Minister of Finance and Revenue opened the meeting.", "revenue"),
        ("Revenue Secretary Rao welcomed the delegates to the port city.", "revenue"),
        ("The OSCE Border Management Staff College hosted the course.",
         "coordinated_border_management"),
        ("Officers of Customs and tax administrations of nine countries took part.", "revenue"),
        ("The office ran fifteen workshops during the fiscal year 2017/18.", "revenue"),
        ("The Secretariat's staff organised the visit to the port.", "gender_people"),
        ("Customs now work in an increasingly digital trade environment.", "environment_green"),
        ("The meeting was held under the leadership of the Vice-Chair.", "governance_strategy"),
        ("La douane doit s'adapter à un environnement en constante mutation.",
         "environment_green"),
        ("Il a salué des hommes et des femmes fiers de leur métier.", "gender_people"),
        ("La douane est devenue un corps de sécurité économique.", "security_terrorism"),
    ],
)  # fmt: skip
def test_a_seed_word_in_passing_is_no_evidence(column, seeds, sentence, theme):
    assert seeds.count([sentence])[0, column[theme]] == 0, without_body_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Only four women head a Customs administration in the region, the study found.",
         "gender_people"),
        ("Delegates compared their codes of conduct and how they handle integrity complaints.",
         "integrity_anticorruption"),
        ("Royalties paid to the licensor must be added to the price of the goods.", "revenue"),
        ("Transfer pricing between related firms lowers the value of many imports.", "revenue"),
        ("Brokers lodge the declaration before the aircraft lands at the airport.",
         "trade_facilitation"),
        ("The command asked its sister agencies at the port to share intelligence.",
         "coordinated_border_management"),
        ("Officers learnt how chemical precursors are diverted to make IEDs.",
         "security_terrorism"),
        ("The handlers showed how detector dogs find cash in suitcases.",
         "enforcement_illicit_trade"),
        ("Traders said that clearance now takes hours instead of days.", "trade_facilitation"),
        ("The one-stop border posts that join the two countries opened in May.",
         "coordinated_border_management"),
        ("Both countries now run single windows for their traders.", "trade_facilitation"),
        ("Officers must declare conflicts of interest before each posting.",
         "integrity_anticorruption"),
        ("Customs and the tax office now share the data of importers to collect taxes and duties.",
         "revenue"),
        ("A plan for staff development sets a career path for each grade.", "gender_people"),
        ("Les participants ont examiné la place du genre dans les politiques de recrutement.",
         "gender_people"),
    ],
)  # fmt: skip
def test_a_priority_discussed_in_other_words_is_evidence_of_it(column, seeds, sentence, theme):
    assert seeds.count([sentence])[0, column[theme]] >= 1, without_body_names(sentence)


def test_a_phrase_inside_a_longer_one_of_other_themes_is_the_longer_ones():
    counter = PhraseCounter(
        ["clearance", "clearance systems", "supply chain security", "security"],
        [frozenset({0}), frozenset({1}), frozenset({2}), frozenset({2})],
    )
    found = counter.transform(
        [
            "They connected their clearance systems.",
            "Faster clearance was asked for, and new clearance systems.",
            "Supply chain security was discussed.",
        ]
    ).toarray()
    # "clearance" only inside "clearance systems"; said alone too; one theme's own longer phrase
    np.testing.assert_array_equal(found, [[0, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]])


def test_the_organisations_priorities_listed_as_items_are_an_aside(seeds):
    units = [
        "The Secretary General briefed the Conference on WCO current priorities, including the "
        "Mercator Programme, coordinated border management, the SAFE Framework and the "
        "Security Programme.",
        "The Conference discussed coordinated border management, and the SAFE Framework, for "
        "two days.",
    ]
    weight = context.unit_context(units, seeds.count(units), seeds.count)
    np.testing.assert_allclose(weight, [context.ASIDE, 1])


def test_the_role_of_customs_followed_by_a_list_of_fields_is_an_aside(seeds):
    units = [
        "The Minister stressed the role of Customs in revenue collection, trade facilitation "
        "and the protection of society.",
        "O ministro lembrou o papel das alfândegas na economia, no comércio, na segurança e na "
        "saúde pública.",
        "He addressed the role of Customs in countering terrorism, notably through the SAFE "
        "Framework, and revenue collection, where new valuation tools were shown.",
    ]
    weight = context.unit_context(units, seeds.count(units), seeds.count)
    np.testing.assert_allclose(weight, [context.ASIDE, context.ASIDE, 1])
