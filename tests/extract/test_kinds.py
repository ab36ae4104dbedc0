"""Meeting types from the title and the sentence reporting the meeting."""

import pytest

from analytics.extract.kinds import classify_event


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("ESA Governing Council meets in Maputo", "governing_council"),
        ("86th Session of the WCO Policy Commission", "policy_commission_or_council"),
        ("Regional Conference of Directors General", "regional_conference"),
        ("Workshop on rules of origin", "workshop_or_training"),
        ("Global Green Customs Forum", "international_forum"),
        ("Secretary General visits Mongolia", "bilateral_visit"),
        ("Launch of a new regional office", "other"),
        ("Le Conseil de l'OMD tient ses 141e et 142e sessions", "policy_commission_or_council"),
        ("Sesiones del Consejo de la OMA en Bruselas", "policy_commission_or_council"),
        ("Совет ВТамО завершил сессию в Брюсселе", "policy_commission_or_council"),
        ("Conselho de Direção da região reúne-se em Lusaka", "governing_council"),
        ("Conférence des Directeurs généraux des douanes à Lomé", "regional_conference"),
        ("Conferência Regional dos Diretores-Gerais em Luanda", "regional_conference"),
        ("В Минске прошла конференция руководителей таможенных служб", "regional_conference"),
    ],
)
def test_event_types(title, expected):
    assert classify_event(title, "", virtual=False) == expected


# One meeting (our own example: a region's conference of heads of Customs in Tbilisi) as
# each site language, and Portuguese, would report it: every copy reads the same type.
ONE_CONFERENCE = [
    ("Tbilisi hosts the Heads of Customs of the Europe Region",
     "The Revenue Service hosted the 2014 Conference of Heads of Customs of the region on "
     "17 and 18 March."),
    ("European customs chiefs gather in Georgia",
     "Heads of customs services from across Europe opened their two-day conference in the "
     "Georgian capital on Monday."),
    ("Europe Region - note on the Tbilisi Conference",
     "The annual Conference of Heads of Customs of the Europe region was held in Tbilisi."),
    ("Les douanes géorgiennes ont accueilli leurs homologues européens",
     "Les Directeurs généraux des douanes de la région Europe, réunis pour leur Conférence "
     "annuelle, ont siégé à Tbilissi les 17 et 18 mars."),
    ("Jefes de Aduanas de Europa se reúnen en Tiflis",
     "Los Directores Generales de Aduanas de la región celebraron su conferencia anual en "
     "Tiflis los días 17 y 18 de marzo."),
    ("Diretores-Gerais da região Europa reunidos em Tbilisi",
     "Os Diretores-Gerais das Alfândegas da região reuniram-se em Tbilisi para a sua "
     "conferência anual."),
    ("В Тбилиси прошла конференция руководителей таможенных служб Европейского региона",
     "17–18 марта в Тбилиси состоялась ежегодная конференция."),
    ("اجتماع رؤساء الجمارك لمنطقة أوروبا في تبليسي",
     "عقد المؤتمر الإقليمي لرؤساء الجمارك في تبليسي يومي 17 و18 مارس."),
    ("欧洲地区海关署长会议在第比利斯举行", "会议于3月17日至18日举行。"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "lead"), ONE_CONFERENCE, ids=range(len(ONE_CONFERENCE)))
def test_copies_of_one_conference_in_each_language_read_one_type(title, lead):
    assert classify_event(title, lead, virtual=False) == "regional_conference"


@pytest.mark.parametrize(
    ("title", "lead", "opening", "expected"),
    [
        # a lead that says only who met, when and where: the opening's next sentence names it
        ("West and Central Africa Customs chiefs take up SMART borders in Lomé",
         "They met in Lomé from 13 to 15 March.",
         "They met in Lomé from 13 to 15 March. Togo Customs hosted the 24th Conference of "
         "Directors General.", "regional_conference"),
        # a title that says loosely who met: the lead names the Governing Council they met in
        ("ESA customs chiefs meet in Kigali", "Heads of customs administrations are concluding "
         "a two-day meeting of the Governing Council in Kigali.", "", "governing_council"),
        # a conference named by its city only: the lead says whose conference it is
        ("Kinshasa conference endorses regional cooperation", "The heads of Customs met at "
         "their 16th Conference of Directors General in Kinshasa.", "", "regional_conference"),
        # the experts who prepare a conference are not the conference
        ("Bangui : les experts de la région AOC préparent la Conférence des Directeurs généraux",
         "La 22e réunion du Comité des experts s'est ouverte à Bangui.", "", "other"),
        # the host's body is no committee meeting; a training centre is no training
        ("Heads of Customs Conference 2012", "Hosted by the State Customs Committee.", "",
         "regional_conference"),
        ("Asia-Pacific Heads of Customs add a Regional Training Centre",
         "The heads of Customs of the region met in Seoul.", "", "regional_conference"),
        # a workshop, a forum, a visit, in other languages
        ("Семинар по оценке таможенной стоимости в Минске", "", "", "workshop_or_training"),
        ("ورشة عمل إقليمية حول الأمن في تونس", "", "", "workshop_or_training"),
        ("Foro regional de comercio electrónico en Lima", "", "", "international_forum"),
        ("世界海关组织秘书长访问蒙古", "", "", "bilateral_visit"),
        ("Визит Генерального секретаря ВТамО в Астану", "", "", "bilateral_visit"),
    ],
)  # fmt: skip
def test_the_type_named_wins_over_what_is_said_loosely(title, lead, opening, expected):
    assert classify_event(title, lead, False, opening) == expected


@pytest.mark.parametrize(
    "lead",
    [
        "The Secretary General received a high-level delegation of Ruritania at headquarters.",
        "The Director General welcomed a delegation from the Ministry of Finance on 3 May.",
    ],
)
def test_a_delegation_received_is_a_visit(lead):
    assert classify_event("Meeting with a delegation", lead, False) == "bilateral_visit"
