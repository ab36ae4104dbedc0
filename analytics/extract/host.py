"""The venue's country from the administration (or the country) that hosted the meeting.

Administrations' and the WCO's pages often name no place at all, only the host: "hosted
by the Kenya Revenue Authority", "at the invitation of the Customs Administration of
Peru", "the Uganda Revenue Authority hosted ...", "organisé par la Douane du Sénégal".
The country the host's name gives (a city for a city's customs: "Dubai Customs") is the
venue when the text names no place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analytics.extract.places import Gazetteer, Place

__all__ = ["administration_place", "host_venue", "hosted_by", "name_before_clause"]

# Words of every cue below: a sentence with none of them names no host (most do not).
_CUES = (
    "host",
    "invit",
    "organi",
    "accueil",
    "convite",
    "anfitri",
    "hôte",
    "place at",
    "held at",
    "visit",
)
# "hosted by the ...", "at the invitation of ...", "accueillie par ...", "a invitación de ..."
_BY = re.compile(
    r"\b(?:(?:co-)?hosted|organi[sz]ed|convened)\s+(?:\w+ly\s+)?by|\bat the invitation of|"
    r"\b(?:accueilli|organis[ée])e?s?\s+par|[àa] l['’]invitation de|\borganizad[oa]s?\s+por|"
    r"\ba invitaci[óo]n de|\ba convite d[aoe]|\borganizad[oa]s?\s+pel[oa]|"
    r"\b(?:took place|was held|were held|held)\s+at(?=\s+(?:the\s+)?[A-Z])|"  # "... at Ghana Customs"
    # the administration visited: "visited the General Administration of China Customs"
    r"\b(?:visited|paid an? (?:\w+ )?visit to)(?=\s+(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
# "... the Uganda Revenue Authority hosted": the host before its verb
_HOSTED = re.compile(
    r"\s(?:hosted|hosts|is hosting|will host|welcomed|organi[sz]ed|a accueilli|accueille|"
    r"accueillera|a organisé|organise|acogi[óo]|acoge|organiz[óo]|fue anfitriona de|sediou)\b"
)
# "with Bolivian Customs as host", "con la Aduana de Chile como anfitriona"
_AS_HOST = re.compile(
    r"\b(?:with|con|avec)\s+(?P<name>[^,;:()]{3,60}?)\s+(?:as|como|comme)\s+(?:the\s+|l['’])?"
    r"(?:host|anfitri\w+|h[ôo]te)\b",
    re.IGNORECASE,
)
# The host's name ends at a clause: "at the invitation of the Customs of Peru, the ..."
_END = re.compile(
    r"[,;:()]|\.\s|\s(?:in|at|on|from|for|to|with|under|during|as|en|à|au|du \d|pour|con|"
    r"para|durante|desde|y la|et la|and the)\s",
    re.IGNORECASE,
)
_REACH = 90  # characters of a host's name at most
# Words of an administration's name: a person or a ministry is no host of a meeting's venue
_ADMINISTRATION = re.compile(
    r"\b(?:customs|revenue|excise|tax|douanes?|aduanas?|alf[âa]ndegas?|receita|border|"
    r"tributaria|fiscal|administration|FCS)\b",  # the Federal Customs Service
    re.IGNORECASE,
)
# ... nor a donor, a programme or a body of several countries ("the Customs Cooperation Fund
# of Japan", "the Southern African Customs Union", "the Regional Office"), nor the WCO by
# its acronyms ("La OMA organizó ...": not Oman)
_NOT_HOST = re.compile(
    r"\b(?:WCO|OMD|OMA|funds?|fonds|fondos?|programm?e?s?|projec?ts?|projets?|proyectos?|cooperation|"
    r"coop[ée]ration|cooperaci[óo]n|banks?|banque|banco|unions?|uni[óo]n|organi[sz]ations?|"
    r"organizaci[óo]n|secr[ée]tariat|secretar[íi]a|office)\b",
    re.IGNORECASE,
)
# "hosted by the Commissioner General of Botswana": the head of a country's administration
_HEAD_OF = re.compile(
    r"^\s*(?:the\s+)?(?:Commissioner[- ]General|Director[- ]General|Comptroller[- ]General|"
    r"Commissioner|Directeur g[ée]n[ée]ral|Director General)\s+(?:of|de|du|des)\s+(?P<country>.+)$",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’-]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]+")
# "Dubai Customs", "Shanghai Customs": a city's own administration
_CITY_CUSTOMS = re.compile(
    r"\s*(?:the\s+)?(?P<city>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+Customs\s*$"
)


def host_venue(gaz: Gazetteer, texts: Iterable[str]) -> tuple[Place, str] | None:
    """The place the first host administration named in ``texts`` gives, and the text that
    names it; None when none is named or its name gives no single country."""
    for text in texts:
        lower = text.lower()
        if not any(cue in lower for cue in _CUES):
            continue
        for name in _host_names(text):
            place = administration_place(gaz, name)
            if place is not None:
                return place, text
    return None


def name_before_clause(text: str) -> str:
    """An administration's name at the start of the text, up to the clause after it."""
    end = _END.search(text)
    return text[: end.start()] if end else text


def hosted_by(text: str) -> str:
    """The provenance of a venue its host gave: the text that names the host."""
    return f"the country of the host administration named in {text!r}"


def _host_names(text: str) -> Iterable[str]:
    """The names a text gives its host: after "hosted by", before "hosted"."""
    for match in _BY.finditer(text):
        yield name_before_clause(text[match.end() : match.end() + _REACH])
    for match in _AS_HOST.finditer(text):
        yield match.group("name")
    for match in _HOSTED.finditer(text):
        before = text[max(0, match.start() - _REACH) : match.start()]
        clause = re.split(r"[,;:()]|\.\s", before)[-1]
        yield clause


def administration_place(gaz: Gazetteer, name: str) -> Place | None:
    """The country an administration's name gives ("Kenya Revenue Authority", "the Belgian
    Customs Administration"), else its city ("Dubai Customs")."""
    if _NOT_HOST.search(name):
        return None
    if not _ADMINISTRATION.search(name):  # "La République centrafricaine a accueilli"
        head = _HEAD_OF.match(name)
        iso3 = gaz.country((head.group("country") if head else name).strip())
        return Place("", gaz.name_of(iso3), iso3) if iso3 else None
    countries = gaz.countries_named(name)
    if not countries:  # "the Belgian Customs": the country of the adjective's capital
        # (written in lower case too: "the kenyan administration hosted")
        words = {word.capitalize() for word in _WORD.findall(name)}
        capitals = (gaz.city(f"{word} capital") for word in words)
        countries = {place.iso3 for place in capitals if place is not None}
    if len(countries) == 1:
        iso3 = next(iter(countries))
        return Place("", gaz.name_of(iso3), iso3)
    if countries:
        return None
    city = _CITY_CUSTOMS.match(name)
    return gaz.city(city.group("city")) if city else None
