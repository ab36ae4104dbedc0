"""Everyday phrases of real pages that carry a seed word without discussing its theme.

Blanked before seed terms are counted, as the names of bodies are: the women counted among
the participants ("20 officials, eight of them women"), integrity as a virtue asked of
officers ("serve with professionalism and integrity"), revenue collection as the role
Customs has moved beyond ("beyond their traditional roles of tariff collection", "au-delà de
la simple collecte des recettes") and the pandemic as the time Customs proved its worth
("the role of Customs became even more important during the COVID-19 pandemic"); and
goods that are electronic ("electronic parts") are no IT systems; "la première du genre" is
"the first of its kind", not gender; tax bodies and the fiscal year are no revenue; the trade
or security environment is no nature; "under the leadership of", "des hommes et des femmes"
and "economic security" are said of any service. Seed words in another sense are blanked
too: the environment of business, of learning or of a virtual course and the investment
climate are no green Customs, nor is "sustainable development assistance"; "d'un genre
nouveau" is a kind; a host described in passing as "a landlocked country" or "an island
nation" is background; a "training academy" visited is a place, not a course; "a strategic
approach" and a "Learning and Development Strategy" are no governance.
"""

from __future__ import annotations

import re

__all__ = ["without_passing_phrases"]

_NUMBER = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|half|deux|trois|quatre|cinq|"
    r"sept|huit|neuf|dix|onze|douze|quinze|vingt|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
    r"diez|once|doce|quince|veinte|treinta)"
)
_WOMEN = r"(?:women|female|femmes|mujeres)"
_VIRTUES = r"(?:professionalism|honesty|loyalty|courtesy|dedication|efficiency|diligence|respect)"
_COLLECTION = r"(?:revenue|tariff|dut(?:y|ies)|tax(?:es)?) collection"

# Each kind of phrase with the words it contains: a sentence is searched only for the kinds
# whose words it has (most sentences have none, and a test for a word is much faster).
_KINDS: list[tuple[tuple[str, ...], str]] = [
    # the women among the participants: "five of them women", "dont 7 femmes", "(12 women"
    (("women", "female", "femmes", "mujeres"),
     rf"\b{_NUMBER}\s+of\s+(?:them|whom)\s+(?:were\s+)?{_WOMEN}\b"
     rf"|\b(?:of (?:them|whom)|including|among them|dont|parmi eux|de (?:los|las) cuales|"
     rf"de ellos|entre ellos)\s+{_NUMBER}\s+(?:were\s+|son\s+|eran\s+)?{_WOMEN}\b"
     rf"|\(\s*{_NUMBER}\s+{_WOMEN}\b"),
    # integrity as a virtue of officers: "with professionalism and integrity"
    (("integrity",),
     rf"\b{_VIRTUES}(?:,\s*|\s+and\s+)integrity\b|\bintegrity(?:,\s*|\s+and\s+){_VIRTUES}\b"
     r"|\b(?:serve|work|act|behave)s? with integrity\b"),
    # revenue collection as the role Customs has moved beyond
    (("collect", "recettes", "recaudaci"),
     rf"\b(?:beyond|besides|apart from|more than|no longer (?:just|only))\s+(?:the\s+|their\s+|its\s+)?"
     rf"(?:simple\s+|mere\s+|traditional\s+|classic\s+)?(?:(?:roles?|tasks?|functions?)\s+of\s+)?"
     rf"{_COLLECTION}\b"
     rf"|\btraditional\s+(?:(?:roles?|tasks?|functions?)\s+of\s+)?{_COLLECTION}\b"
     r"|\b(?:au-del[àa] de|outre)\s+(?:la |le |sa |leur )?(?:simple |seule |traditionnel(?:le)? )?"
     r"(?:(?:d[ée]fi|mission|t[âa]che|r[ôo]le) de )?(?:la )?(?:collecte|mobilisation|perception) des? recettes\b"
     r"|\bm[áa]s all[áa] de (?:la )?(?:simple |mera |tradicional )?recaudaci[óo]n\b"),
    # "the first of its kind": "la première du genre", "unique en son genre"
    (("genre",),
     r"\b(?:premi[eè]re?|seule?|unique|derni[eè]re?)\s+(?:du|de son|en son)\s+genre\b"),
    # goods that are electronic, not systems: "machine tools and electronic parts"
    (("electronic ",),
     r"\belectronic (?:parts|components|goods|equipment|devices|items)\b"),
    # tax bodies and officers named by their field, and the fiscal year: "Customs and tax
    # administrations", "tax officers", "during the fiscal year 2017/18"
    (("tax ", "fiscal", "financial year"),
     r"\b(?:Customs and )?tax (?:administrations?|authorit(?:y|ies)|agenc(?:y|ies)|services?|"
     r"offices?|officers?|officials?|executives?)\b|\b(?:fiscal|financial|tax) years?\b"),
    # the surroundings Customs works in, not nature: "the trade environment", "the regional
    # security environment", "an enabling business environment", "un environnement en
    # constante mutation"
    (("environment", "environnement", "entorno"),
     r"\b(?:business|trade|trading|security|operating|working|work|digital|economic|geopolitical|"
     r"regulatory|risk|investment|policy|enabling|global|international|threat|customs|border) "
     r"environments?\b|\benvironnement (?:des affaires|commercial|s[ée]curitaire|de travail|"
     r"en (?:constante |perp[ée]tuelle |pleine )?(?:mutation|[ée]volution))\b|"
     r"\bentorno (?:empresarial|comercial|de seguridad|de trabajo)\b"),
    # the men and women of a service, in French, Spanish and Portuguese ("des hommes et des
    # femmes fiers")
    (("hommes", "hombres", "homens"),
     r"\b(?:des |les )?hommes et (?:des |les )?femmes\b|\bfemmes et (?:des |les )?hommes\b"
     r"|\bhombres y mujeres\b|\bmujeres y hombres\b|\bhomens e mulheres\b|\bmulheres e homens\b"),
    # Customs as a body of economic security
    (("economic security", "curité économique", "curite economique", "seguridad económica"),
     r"\beconomic security\b|\bs[ée]curit[ée] [ée]conomique\b|\bseguridad econ[óo]mica\b"),
    # a courtesy, not governance: "under the leadership of the Vice-Chair"
    (("leadership",), r"\bunder (?:the |his |her |its |their )?(?:able |wise )?leadership\b"),
    # the pandemic as the time Customs proved its worth
    (("pandemic", "health crisis"),
     r"\b(?:role|importance|work) of (?:the )?Customs\b[^.;]{0,60}?\bduring the "
     r"(?:COVID(?:-19)? |global )?(?:pandemic|health crisis)\b"),
]  # fmt: skip
_PATTERNS = [(words, re.compile(pattern, re.IGNORECASE)) for words, pattern in _KINDS]
# What an environment or a climate can be other than nature's.
_NOT_NATURE = frozenset((
    "business", "investment", "trading", "trade", "economic", "macroeconomic", "regulatory",
    "operating", "operational", "working", "work", "learning", "training", "teaching",
    "classroom", "virtual", "online", "digital", "security", "threat", "risk", "enabling",
    "policy", "political", "geopolitical", "legal", "institutional", "competitive", "fiscal",
    "technological", "it", "cyber", "test", "testing", "production", "control", "commercial",
    "administrative", "strategic", "changing", "new",
))  # fmt: skip
_SURROUNDINGS = re.compile(r"\b(\w+)\s+(?:environments?|climates?)\b", re.IGNORECASE)
_SENSES = [
    # "genre" as a kind: "d'un genre nouveau", "de tout genre", "ce genre de réunion"
    (("genre",), re.compile(
        r"\b(?:d['’]un|un|ce|cet|de ce|tout|de tout|en tout|tous|du m[êe]me|en son|de son)\s+genres?\b"
        r"|\bgenres?\s+(?:nouveau|in[ée]dit|particulier|d[ei]\s+(?:r[ée]union|rencontre|[ée]v[ée]nement|"
        r"atelier|exercice))\b", re.IGNORECASE)),
    # the climate of business or of trust, in French and Spanish the surroundings too
    (("climat", "entorno", "ambiente", "environnement"), re.compile(
        r"\b(?:environnement|climat) (?:des affaires|de travail|d['’]investissement|de confiance|"
        r"num[ée]rique)\b|\b(?:clima|entorno|ambiente) (?:de negocios|de inversi[óo]n|empresarial|"
        r"de confianza|laboral|virtual)\b|\bclimate of (?:trust|confidence|cooperation|co-operation)\b",
        re.IGNORECASE)),
    # development that lasts, not the environment: "sustainable development assistance"
    (("sustainab", "sdg", "durable", "sostenible"), re.compile(
        r"\bsustainable (?:economic )?(?:development (?:assistance|goals?|agenda|support)|growth)\b"
        r"|\b(?:2030 )?agenda for sustainable development\b|\bSDGs?\b"
        r"|\bobjectifs? de d[ée]veloppement durable\b|\bobjetivos de desarrollo sostenible\b"
        # a programme named for it: "a programme for sustainable development of trade"
        r"|\b(?:programmes?|programs?|projects?|projets?|programas?|proyectos?|funds?|fonds|fondos?)\s+"
        r"(?:\w+\s+){0,2}?(?:for|of|de|du|pour|para|del)\s+(?:la\s+|l['’])?(?:sustainable development|"
        r"d[ée]veloppement durable|desarrollo sostenible)\b"
        r"|\bsustainab(?:le|ility of) (?:the |these |its |their )?(?:measures|reforms?|results|gains|"
        r"programmes?|projects?|training|funding|capacity)\b", re.IGNORECASE)),
    # a host described in passing: "Azerbaijan, a landlocked country on the Silk Road, hosted"
    (("landlocked", "island", "enclav", "insulaire", "litoral", "insular"), re.compile(
        r",\s*(?:an?|as an?)\s+(?:small\s+|double-)?(?:landlocked|island)\s+(?:\w+\s+)?"
        r"(?:country|state|nation)\b[^,.;]{0,60},"
        r"|,\s*(?:un\s+)?pays\s+(?:enclav[ée]|insulaire)\b[^,.;]{0,60},"
        r"|,\s*(?:un\s+)?pa[íi]s\s+(?:sin litoral|insular)\b[^,.;]{0,60},", re.IGNORECASE)),
    # "strategic" in another sense than the organisation's strategy: "a strategic approach",
    # "at the strategic and operational levels" ("strategic goods" and "strategic trade
    # controls" are security's terms)
    (("strategic", "niveau", "nivel", "nível", "stratégique", "estratégic"), re.compile(
        r"\bstrategic (?:approach(?:es)?|partners?|partnerships?|importance|location|position|"
        r"sectors?|infrastructure|thinking|value|role|reserves?|planning methodolog(?:y|ies))\b"
        r"|\bstrategic,? (?:and )?(?:tactical|operational)\b"
        r"|\b(?:au |à un |a )?n(?:iveau|ivel|[íi]vel) (?:strat[ée]gique|estrat[ée]gico)"
        r"(?: e?t? ?(?:y |e )?op[ée]ra\w*)?\b"
        # the same approach in French, Spanish and Portuguese: "l'approche stratégique de l'OMD"
        r"|\b(?:approche|d[ée]marche|enfoque|abordagem) (?:strat[ée]gique|estrat[ée]gic[oa])\b",
        re.IGNORECASE)),
    # a task named as the role Customs has moved beyond: "besides their traditional role of
    # determining the tariff classification", "outre leur rôle traditionnel d'analyse ..."
    (("traditional", "traditionnel", "tradicional"), re.compile(
        r"\b(?:beyond|besides|apart from|in addition to|outre|au-del[àa] de|adem[áa]s de|m[áa]s all[áa] de)\s+"
        r"(?:the|their|its|leur|leurs|sa|son|su|sus)\s+(?:r[ôo]les?|tasks?|functions?|missions?|papel|funci[óo]n)?\s*"
        r"(?:traditional|classic|traditionnel(?:le)?s?|tradicional(?:es)?)\s*"
        r"(?:r[ôo]les?|tasks?|functions?|missions?|papel|funci[óo]n)?[^,;.]*", re.IGNORECASE)),
    # a training academy or college visited or named: a place, not a course
    (("training ",), re.compile(
        r"\btraining (?:academy|academies|college|colleges|school|schools|institute|facilit(?:y|ies)|"
        r"grounds?|premises)\b", re.IGNORECASE)),
]  # fmt: skip


def _surroundings(match: re.Match) -> str:
    """The environment or the climate of business, of learning, of a course online: blanked."""
    return " " if match[1].lower() in _NOT_NATURE else match[0]


# A strategy of another theme's field is that field's ("a Learning and Development Strategy",
# "a regional risk management strategy"), not the organisation's governance: the field stays.
_FIELD_STRATEGY = re.compile(
    r"\b((?:learning|training) and development|learning|training|capacity[- ]building|(?:data )?analytics|AI|digital|"
    r"risk management|risk|enforcement|communications?|IT|ICT|data|digital|gender|integrity|"
    r"anti-corruption|security|e-commerce|revenue|HR|human resources?|people|compliance|"
    r"intelligence|targeting|control|inspection|search)\s+strateg(?:y|ies)\b",
    re.IGNORECASE,
)


def without_passing_phrases(sentence: str) -> str:
    """The sentence with those everyday phrases blanked out."""
    lower = sentence.lower()
    if "strateg" in lower:
        sentence = _FIELD_STRATEGY.sub(r"\1 ", sentence)
    if "environment" in lower or "climate" in lower:
        sentence = _SURROUNDINGS.sub(_surroundings, sentence)
    for words, pattern in (*_SENSES, *_PATTERNS):
        if any(word in lower for word in words):
            sentence = pattern.sub(" ", sentence)
    return sentence
