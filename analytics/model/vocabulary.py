"""What the model reads: sentences as units, the TF-IDF vocabulary, and the seed terms.

Seed-term evidence counts a theme's terms in a sentence, in any language, whatever the
corpus vocabulary; names of bodies ("Kenya Revenue Authority") are blanked first, as a
seed term inside a name is no sign that the theme was discussed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfTransformer,
    TfidfVectorizer,
)

from analytics.model.background import without_background
from analytics.model.idioms import without_idioms
from analytics.model.passing import without_passing_phrases
from analytics.model.phrases import TOKEN_PATTERN, PhraseCounter
from analytics.model.taxonomy import Theme
from analytics.model.tokens import tokenize, word_count
from analytics.text import MONTHS, WEEKDAYS, split_sentences

__all__ = [
    "DOMAIN_STOP_WORDS",
    "TOKEN_PATTERN",
    "SeedTerms",
    "distinct_units",
    "fit_vectorizer",
    "make_vectorizer",
    "seed_matrix",
    "seed_terms",
    "split_units",
    "units_of",
    "without_body_names",
]

# Words that occur in every report and name no theme.
DOMAIN_STOP_WORDS = frozenset(
    [
        *MONTHS, *WEEKDAYS,
        "customs", "wco", "secretary", "general", "director", "directors", "deputy",
        "meeting", "meetings", "region", "regions", "regional", "world", "organization",
        "organisation", "organizations", "organisations", "delegates", "delegation",
        "delegations", "participants", "held", "conference", "conferences", "session",
        "sessions", "administration", "administrations", "member", "members", "country",
        "countries", "official", "officials", "head", "heads", "also", "said", "would",
        "year", "years", "discussed", "discussion", "discussions", "including", "well",
        "international", "national", "mr", "ms", "mrs", "dr", "took", "place", "event",
        "attended", "hosted", "host", "opened", "opening", "closing", "day", "days", "week",
        "new", "first", "second", "third",
        # French and Spanish function words
        "le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "pour", "par", "au",
        "aux", "sur", "el", "los", "las", "del", "y", "con", "por", "para", "una",
        # courtesy and procedure: every report thanks its hosts
        "thanked", "thank", "thanks", "hospitality", "warm", "warmly", "excellent", "welcome",
        "welcomed", "chaired", "chair", "addressed", "joined", "briefed", "proceedings",
        "agreed", "continue", "close", "ahead", "hosting", "remained", "looked",
        "presented", "noted", "highlighted", "stressed", "underlined", "recalled",
        # regions and the officials who attend every meeting name no theme
        "africa", "african", "east", "eastern", "west", "western", "southern", "north",
        "northern", "middle", "near", "mena", "esa", "wca", "asia", "pacific", "europe",
        "americas", "caribbean", "kunio", "mikuriya", "ricardo", "trevino", "chapa",
        "sergio", "mujica", "ian", "saunders",
    ]
)  # fmt: skip
MIN_UNIT_WORDS = 4  # shorter sentences ("Read more.") carry no theme
SMALL_CORPUS = 50  # sentences; below this every term is kept
_MAX_NGRAM = 12  # the longest seed term, in words (a Chinese term: in characters)

# Names of bodies ("Kenya Revenue Authority", "Law Enforcement Council", "Regional Office for
# Capacity Building", "Risk Management Forum").
_TITLE_WORD = r"[A-Z][\w'’&.-]*"
_BODY_NAME = re.compile(
    rf"(?:{_TITLE_WORD}\s+(?:(?:of|for|de|on)\s+(?:the\s+)?|(?:and|&)\s+(?=[A-Z]))?){{1,6}}"
    r"(?:\([A-Z][\w&/.-]{1,12}\)\s+)?"  # an acronym before the head: "Integrity Promotion (A-CIP) Programme"
    r"(?:Authorit(?:y|ies)|Services?|Agenc(?:y|ies)|Councils?|Commissions?|Committees?|"
    r"Directorates?|Departments?|Ministr(?:y|ies)|Offices?|Centres?|Centers?|Bureaus?|"
    r"Boards?|Superintendency|Forum|Units?|Divisions?|Sections?|Programmes?|Programs?|Projects?|"
    r"Initiatives?|Funds?|Networks?|Sub-Committees?|Sub-Directorates?|Working Groups?|Task Forces?|Academy|"
    r"Institutes?|Administrations?|Organi[sz]ations?|International|Director|Manager|Coordinator|"
    r"Adviser|Advisor|Officer|Champion|Focal Point|Tools?|Packages?|Guides?|Compendium|Handbook|"
    r"Colleges?|Universit(?:y|ies)|Schools?|Secretary|Minister|Commissioner|Comptroller|Collector)\b"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_TITLE_WORD}(?:\s+(?:and\s+)?{_TITLE_WORD}){{0,5}}){{0,2}}"
    r"(?:\s*\([A-Z][\w .&/-]{0,20}\))?"  # and its acronym: "(ROCB WCA)"
)
# The same in French and Spanish, where the head comes first: "Direction Générale des
# Douanes et Droits Indirects", "Administración Federal de Ingresos Públicos".
_ROMANCE_BODY_NAME = re.compile(
    r"\b(?:Direction|Dirección|Administraci[óo]n|Servicio|Office|Oficina|Autorit[ée]|Agence|"
    r"Departamento|Département|Divisi[óo]n|Unidad|Secci[óo]n|Programa|Proyecto|Projet|Fondo|Fonds|"
    r"Agencia|Superintendencia|Minist[èe]re|Ministerio|Commissariat|Bureau|Centre|Centro|"
    r"Conseil|Consejo|Comit[ée]|Comisi[óo]n|Commission)"
    r"(?:\s+(?:[Gg][ée]n[ée]ral[e]?|Nacional|National[e]?|Federal|R[ée]gional[e]?|Togolais|"
    r"Ivoirien|Burkinab[ée]|Camerounais|S[ée]n[ée]galais))*"
    r"\s+(?:de la |de l['’]|del |des |de |du |d['’])"
    r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:et|y|e|de|des|du|del|la|les|los|las|de la|d['’])\s+)?[A-ZÀ-Ý][\w'’-]*){0,5}"
    r"(?:\s*\([A-Z][\w .&/-]{0,20}\))?"
)
# A programme or project named in French, Spanish or Portuguese, its words in lower case
# ("du Programme de facilitation des échanges"): capitalised, it is a name.
_ROMANCE_PROGRAMME = re.compile(
    r"\b(?:Programme|Programa|Projet|Proyecto|Projeto)\s+(?:r[ée]gional\s+|national\s+|nacional\s+)?"
    r"(?:de|d['’]|del|pour|para)\s+(?:la\s+|l['’]|las?\s+|los\s+)?[\wÀ-ÿ'’-]+"
    r"(?:\s+(?:des|de|du|del|de la|y|et|e|da|do)\s+[\wÀ-ÿ'’-]+){0,3}"
)
# A quoted title: the year's slogan ("Customs fostering Sustainability for People, Prosperity
# and the Planet"), a publication, a session: named, not discussed.
_QUOTED_TITLE = re.compile(r"[“\"«]\s*[A-Z][^”\"»]{3,140}?[”\"»]")
# A person's title: "the Director of Compliance and Facilitation", "Head, Revenue Unit".
_ROLE = re.compile(
    rf"\b(?:{_TITLE_WORD}\s+){{0,3}}"  # the field before the title: "Revenue Secretary Rao"
    r"(?:Director|Head|Chief|Manager|Commissioner|Coordinator|Adviser|Advisor|Jef[ea]|Minist(?:er|re|ro|ra)|"
    r"Secretary|Secretar[io]a?|Comptroller|Collector|Chairman|Chairperson|"
    rf"Directeur|Directrice|Chef)(?:,\s+|\s+(?:(?:of|for|del?|du)\s+(?:the\s+|la\s+)?)?){_TITLE_WORD}"
    rf"(?:\s+(?:(?:and|&|et|y|of|for|de|la)\s+)?{_TITLE_WORD}){{0,6}}"
)
# The same in lower case, before the body or place it belongs to: "heads of enforcement of
# five administrations", "directors of training from the region".
_LOWER_ROLE = re.compile(
    r"\b(?:[Hh]eads?|[Dd]irectors?|[Cc]hiefs?|[Mm]anagers?) (?:of|for) (?:[a-z][\w-]+ )?[a-z][\w-]+"
    r"(?= (?:of|from|in|at) )"
)
_LOWER_TITLES = ("head", "director", "chief", "manager")
# Words every title of _ROLE contains, as written (capitalised): a test for them is faster.
_TITLES = ("Director", "Head", "Chief", "Manager", "Commissioner", "Coordinator", "Advis", "Jef",
           "Minist", "Secretar", "Comptroller", "Collector", "Chair", "Directeur", "Directrice",
           "Chef")  # fmt: skip
_SPACES = re.compile(r"\s+")


# The pandemic as a time or a circumstance, not a subject: "the first meeting in person since
# the pandemic", "held online due to the COVID-19 pandemic".
_AS_A_TIME = re.compile(
    r"\b(?:since|after|before|post-?|due to|because of|owing to|in view of|amid(?:st)?|"
    r"despite|in the (?:wake|aftermath|midst) of|(?:challenges|disruptions?) (?:posed|caused) by)\s*"
    r"(?:the\s+)?(?:(?:global|massive|ongoing|recent)\s+)?(?:COVID(?:-19)?\s+)?"
    r"(?:pandemic|COVID(?:-19)?|health crisis)"
    # the health crisis as background: "the health crisis had pushed Customs to the front"
    r"|\b(?:the|a) (?:global )?health crisis\b"
    # everyday phrases that carry a seed word: "took up her duties", "the men and women of
    # Customs", "the integrity of the data"
    r"|\b(?:his|her|their|its|new) duties\b|\bmen and women\b|\bwomen and men\b"
    r"|\bintegrity of (?:the |its |their |our )?(?:global |international |national )?(?:data|supply chains?|"
    r"seals?|cargo|systems?|territory|trade system|financial system|State|states?|country|nation|"
    r"borders?|frontiers?|process|processes|procedures?|goods|containers?|shipments?|information|records)\b"
    r"|\bterritorial integrity\b|\bint[ée]grit[ée] (?:du territoire|de l['’][ÉE]tat|territoriale)\b"
    r"|\bintegridad (?:territorial|del Estado)\b"
    r"|\b(?:material|financial|technical) and human resources\b"
    r"|\bdata integrity\b"
    # an audit of traders after release is a control, not the organisation's audit
    r"|\bpost-clearance audits?\b"
    # health as everyone's concern, and regional bodies named in lower case
    r"|\b(?:public )?health and safety\b|\bplant health\b"
    r"|\bcentres? r[ée]gion(?:al|aux) de formation\b|\bcentros? regional(?:es)? de capacitaci[óo]n\b"
    r"|\bbureaux? r[ée]gion(?:al|aux) de liaison charg[ée]s? du renseignement\b"
    r"|\bbureaux? r[ée]gion(?:al|aux) de renforcement des capacit[ée]s\b"
    r"|\boficinas? regional(?:es)? de fortalecimiento de (?:las )?capacidades\b"
    # the same bodies in English, named in lower case: "the regional offices for capacity
    # building and intelligence reported on their year"
    r"|\bregional offices? for (?:capacity building|intelligence)(?: and (?:capacity building|intelligence))?\b"
    r"|\bregional intelligence liaison offices?\b"
    # agencies and people named by their field, in lower case: "the revenue authorities of
    # the region", "the gender focal point", "integrity champions"
    r"|\brevenue (?:authorit(?:y|ies)|agenc(?:y|ies)|administrations?|services?|bodies)\b"
    r"|\b(?:\w+ ){1,3}?(?:focal points?|champions?)\b"
    # integrity as a value an officer holds, not a programme discussed
    r"|\b(?:upholding|uphold|upheld) integrity\b|\bvalues? (?:of|such as) integrity\b"
    r"|\b(?:HM|Her Majesty['’]s|His Majesty['’]s) Revenue (?:and|&) Customs\b",
    re.IGNORECASE,
)
# Background in a clause: "the first since its working group was created", "Mauritius,
# which introduced a single window in 2014, was congratulated".
_BACKGROUND_CLAUSE = re.compile(
    r"\bthe first (?:\w+ ){0,3}since\b[^.;,]*|,\s*which\s+[^,.;]{0,80}?\bin (?:19|20)\d\d\s*,",
    re.IGNORECASE,
)
_AS_A_TIME_WORDS = ("pandemic", "covid", "duties", "women", "integrity", "health", "formation",
                    "intégrité", "integrite", "integridad",
                    "capacitaci", "renseignement", "capacit", "capacidades", "majesty", "hm ",
                    "human resources", "post-clearance", "for capacity", "for intelligence",
                    "liaison office", "revenue auth", "revenue ag", "revenue adm",
                    "revenue serv", "revenue bod", "focal point", "champion", "crisis")  # fmt: skip


def without_body_names(sentence: str) -> str:
    """The sentence with the names of organisations, bodies and programmes, quoted titles,
    people's titles and the pandemic as a mere point in time, blanked out."""
    # titles first: "the Deputy Director Capacity Building" is a title, not a body's name
    blanked = _ROMANCE_BODY_NAME.sub(" ", _QUOTED_TITLE.sub(" ", without_idioms(sentence)))
    if "Pro" in blanked:
        blanked = _ROMANCE_PROGRAMME.sub(" ", blanked)
    lower = blanked.lower()
    if any(title in lower for title in _LOWER_TITLES):
        blanked = _LOWER_ROLE.sub(" ", blanked)
    if any(title in blanked for title in _TITLES):
        blanked = _ROLE.sub(" ", blanked)
    blanked = without_background(_BODY_NAME.sub(" ", blanked))
    lower = blanked.lower()
    if any(word in lower for word in _AS_A_TIME_WORDS):  # a word test is faster than the pattern
        blanked = _AS_A_TIME.sub(" ", blanked)
    blanked = without_passing_phrases(blanked)
    if ("which" in lower and (" in 19" in lower or " in 20" in lower)) or (
        "first" in lower and "since" in lower
    ):
        blanked = _BACKGROUND_CLAUSE.sub(" ", blanked)
    return blanked


# What a page says about the organisation itself ("The WCO is the only intergovernmental
# organisation ...", "Its primary objective is ..."): the same boilerplate on every page,
# not what the meeting discussed.
_ABOUT_THE_ORGANISATION = re.compile(
    r"^(?:The |Established in \d{4}, the )?(?:WCO|World Customs Organi[sz]ation)(?:\s*\(WCO\))?"
    r"(?:['’]s)?\s+(?:is (?:the|an) (?:only |independent )?intergovernmental|is recognized|"
    r"represents \d+|now represents|maintains the|primary objective|mission is|was established)|"
    r"^(?:It|Its mission|Its primary objective) (?:aims|is) to enhance (?:the )?efficiency",
    re.IGNORECASE,
)


def split_units(text: str) -> list[str]:
    """The sentences of a report that are long enough to carry a theme, without what the
    page says about the organisation itself."""
    return [
        s
        for s in split_sentences(text)
        if word_count(s) >= MIN_UNIT_WORDS and not _ABOUT_THE_ORGANISATION.match(s)
    ]


def units_of(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """Every unit of every report, and the index of the report each comes from."""
    units, owner = [], []
    for index, text in enumerate(texts):
        for unit in split_units(_SPACES.sub(" ", str(text))):
            units.append(unit)
            owner.append(index)
    return units, owner


def distinct_units(units: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct units, in order of first appearance, and the position of each unit
    among them (``[distinct[i] for i in inverse] == units``)."""
    index: dict[str, int] = {}
    inverse = np.fromiter(
        (index.setdefault(unit, len(index)) for unit in units), dtype=np.intp, count=len(units)
    )
    return list(index), inverse


# How the model's TF-IDF reads a sentence.
_ANALYSIS = {
    "ngram_range": (1, 2),
    "stop_words": sorted(ENGLISH_STOP_WORDS | DOMAIN_STOP_WORDS),
    "tokenizer": tokenize,
    "token_pattern": None,
    "strip_accents": "unicode",
}


def make_vectorizer(n_units: int = 0, vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    """The model's sentence TF-IDF: uni- and bigrams, stop words out; rare and ubiquitous
    terms dropped unless the corpus is small (or the vocabulary is given)."""
    small = vocabulary is not None or n_units < SMALL_CORPUS
    return TfidfVectorizer(
        sublinear_tf=True,
        **_ANALYSIS,
        min_df=1 if small else 2,
        max_df=1.0 if small else 0.5,
        vocabulary=vocabulary,
    )


def fit_vectorizer(units: Sequence[str]) -> tuple[TfidfVectorizer, csr_matrix, np.ndarray]:
    """The model's vectorizer fitted on ``units``, the TF-IDF rows of the distinct units
    and the position of each unit among them: ``fit_transform(units)`` (as its rows
    ``X[inverse]``), with each distinct unit analysed once and counted as often as it
    occurs (in document frequencies)."""
    distinct, inverse = distinct_units(units)
    occurs = np.bincount(inverse, minlength=len(distinct))
    counter = CountVectorizer(**_ANALYSIS)
    counts = counter.fit_transform(distinct).tocsr()  # every term, in sorted order
    rows = np.repeat(np.arange(len(distinct)), np.diff(counts.indptr))
    df = np.bincount(counts.indices, weights=occurs[rows], minlength=counts.shape[1])
    vectorizer = make_vectorizer(n_units=len(units))
    n = len(units)  # as scikit-learn's limits: an int is a count, a float a share
    low = vectorizer.min_df if isinstance(vectorizer.min_df, int) else vectorizer.min_df * n
    high = vectorizer.max_df if isinstance(vectorizer.max_df, int) else vectorizer.max_df * n
    kept = np.flatnonzero((df >= low) & (df <= high))
    if not len(kept):
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    names = counter.get_feature_names_out()[kept]
    vectorizer.vocabulary_ = {term: i for i, term in enumerate(names.tolist())}
    vectorizer.fixed_vocabulary_ = False
    idf = np.log((n + 1) / (df[kept] + 1.0)) + 1.0  # smooth idf, as TfidfTransformer's
    vectorizer.idf_ = idf
    tfidf = TfidfTransformer(sublinear_tf=True)
    tfidf.idf_ = idf
    return vectorizer, csr_matrix(tfidf.transform(counts[:, kept])), inverse


def seed_matrix(vectorizer: TfidfVectorizer, themes: Sequence[Theme]) -> np.ndarray:
    """One row per named theme: 1 on the vocabulary columns of its seed terms."""
    analyzer = vectorizer.build_analyzer()
    vocabulary = vectorizer.vocabulary_
    seeds = np.zeros((len(themes), len(vocabulary)))
    for row, theme in enumerate(themes):
        for term in theme.all_terms:
            grams = analyzer(term)
            longest = max((g.count(" ") for g in grams), default=0)
            for gram in grams:
                if gram in vocabulary and gram.count(" ") == longest:
                    seeds[row, vocabulary[gram]] = 1.0
    return seeds


WEAK_WEIGHT = 0.5  # an everyday word ("strategy", "data") counts half a discussion term


class SeedTerms:
    """Counts seed terms in sentences: ``count(units)`` gives, per sentence and theme, the
    evidence that the sentence discusses the theme, outside names of bodies: one per
    discussion term, half per weak term, and one per named body or programme only when the
    sentence also discusses the theme ("the RILO hosted us" is no discussion of
    enforcement; "the RILO reported record drug seizures" is)."""

    def __init__(self, themes: Sequence[Theme]) -> None:
        self.counter, self.membership = seed_terms(themes)

    def count(self, units: Sequence[str]) -> np.ndarray:
        present = self.counter.transform([without_body_names(u) for u in units])
        discussion, weak, names = (np.asarray(present @ m) for m in self.membership)
        said = discussion + WEAK_WEIGHT * weak
        return said + names * (said > 0)


def _plurals(term: str, gram: str) -> list[str]:
    """The plural of a seed term that ends in a lower-case word ("one-stop border posts",
    "diagnostic missions", "strategies"); none for acronyms and short words ("HR", "AI"),
    whose "s" would read another word."""
    last = term.split()[-1] if term.split() else ""
    latin = all(ch < "\u0250" for ch in last)  # Russian or Arabic plurals are no "s"
    if not (latin and last.isalpha() and last.islower() and len(last) >= 4) or last.endswith("s"):
        return []
    if last.endswith("y") and last[-2] not in "aeiou":
        return [gram[:-1] + "ies"]
    return [gram + "s"]


def seed_terms(themes: Sequence[Theme]) -> tuple[PhraseCounter, tuple[np.ndarray, ...]]:
    """A counter of every seed term and, for discussion, weak and name terms, the matrix
    mapping each counted term to the themes it belongs to."""
    plain = CountVectorizer(
        tokenizer=tokenize, token_pattern=None, strip_accents="unicode", ngram_range=(1, _MAX_NGRAM)
    ).build_analyzer()
    kinds: list[dict[str, set[int]]] = [{}, {}, {}]
    plurals: list[tuple[int, str, int]] = []
    for row, theme in enumerate(themes):
        for kind, terms in enumerate((theme.discussion_terms, theme.weak_terms, theme.name_terms)):
            for term in terms:
                tokens = plain(term)
                longest = max(tokens, key=lambda g: g.count(" "), default="")
                if longest:
                    kinds[kind].setdefault(longest, set()).add(row)
                    plurals.extend((kind, plural, row) for plural in _plurals(term, longest))
    for kind, plural, row in plurals:  # a term's plural, where no other term reads so
        if not any(plural in grams for grams in kinds) or row in kinds[kind].get(plural, ()):
            kinds[kind].setdefault(plural, set()).add(row)
    vocabulary = sorted(set().union(*kinds))
    owners = [frozenset().union(*(grams.get(term, ()) for grams in kinds)) for term in vocabulary]
    counter = PhraseCounter(vocabulary, owners)
    matrices = []
    for grams in kinds:
        membership = np.zeros((len(vocabulary), len(themes)))
        for index, term in enumerate(vocabulary):
            membership[index, sorted(grams.get(term, ()))] = 1.0
        matrices.append(membership)
    return counter, tuple(matrices)
