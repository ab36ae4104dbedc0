"""Places in reports written in Arabic, Chinese or Russian.

Administrations and wires of those languages report WCO meetings in their own script:
"بمقر الجامعة العربية بالقاهرة", "在山东青岛开幕", "В Ереване прошло заседание". City
names come from geonames' alternate names in those scripts, country names from
pycountry's translations. Arabic words carry their prepositions and article ("بالقاهرة" =
"in Cairo"), Russian ones their case ending ("в Ереване"), and Chinese has no spaces, so
each script is matched in its own way.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from analytics.extract import common_words
from analytics.extract.cities import geonames

__all__ = ["ScriptPlace", "arabic_key", "in_other_script", "script_places"]

MIN_POPULATION = 50_000  # smaller towns' names are too often ordinary words
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
_TASHKEEL = re.compile(r"[\u064b-\u0652\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_PROCLITICS = "وفبلك"  # and, so, in/at, to/for, like: joined to the next word
_CYRILLIC_ENDING = re.compile(r"(?:ом|ой|ем|ах|ах|ии|[аеёиоуыьяюй])$")
# "在青岛", "在山东青岛" (a province before the city)
_LOCATIVE_CJK = re.compile(r"(?:在|于|於|赴|抵达|抵達)[\u4e00-\u9fff]{0,3}$")
_LOCATIVE_CJK_REACH = 6  # characters before a Chinese place read for "在"
_LOCATIVE_RU = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.IGNORECASE)
_LOCATIVE_AR = re.compile(r"(?:^|\s)(?:في|فى|بمدينة|بمدينه|في مدينة)\s+$")
_NOT_PLACES_AR = {"مدينه"}  # "بمدينة بروكسل": "in the city of" Brussels, not Medina
# "jointly" ("联合举办"), not Lianhe; "centre" ("培训中心"), not Zhongxin; "cooperation"
# ("加强合作"), not Hezuo
_NOT_PLACES_ZH = {"联合", "聯合", "中心", "合作"}


# A title after a country's name: "南非税务局局长" (the head of South Africa's revenue service)
_VISITOR_ZH = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:局长|局長|署长|署長|部长|部長|关长|關長|大使|主席|专员|專員|代表团|代表團|一行)"
)
_IN_THE_CAPITAL_ZH = re.compile(r"(?:在|来|來|访|訪|抵|赴)京(?![津都剧劇])")


@dataclass(frozen=True)
class ScriptPlace:
    """A place named in another script: where in the text, and which place."""

    position: int
    city: str  # English name; empty for a country
    iso3: str
    locative: bool  # said as the place of something: "في"/"ب", "在", "в"


def in_other_script(text: str) -> bool:
    """True when most letters of the text are Arabic, Chinese or Cyrillic."""
    if text.isascii():
        return False
    letters = _LETTER.findall(text[:2000])
    other = sum(1 for ch in letters if _ARABIC.match(ch) or _CJK.match(ch) or _CYRILLIC.match(ch))
    return bool(letters) and other > len(letters) / 2


def arabic_key(word: str) -> str:
    """An Arabic word without its short vowels, with one form of alef, ta marbuta and ya."""
    return _TASHKEEL.sub("", word).translate(_ALEF)


def _cyrillic_stem(word: str) -> str:
    return _CYRILLIC_ENDING.sub("", word.lower())


@cache
def _names() -> dict[str, dict[str, tuple[str, str]]]:
    """By script: name (normalised) -> (English city name or "", ISO3). Cities first by
    population; countries from pycountry's Arabic, Chinese and Russian translations."""
    iso3_of, cities = geonames()
    by_script: dict[str, dict[str, tuple[str, str]]] = {"ar": {}, "zh": {}, "ru": {}}
    large = [c for c in cities if c["population"] >= MIN_POPULATION]
    for city in sorted(large, key=lambda c: -c["population"]):
        entry = (city["name"], iso3_of.get(city["countrycode"], ""))
        for name in city["alternatenames"]:
            _add(by_script, name, entry)
    for language, script in (("ar", "ar"), ("zh_CN", "zh"), ("zh_TW", "zh"), ("ru", "ru")):
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    _add(by_script, translation.gettext(value), ("", country.alpha_3), script)
    return by_script


def _add(by_script, name: str, entry: tuple[str, str], script: str | None = None) -> None:
    name = name.strip()
    if _CJK.search(name) and (script in (None, "zh")) and len(name) >= 2:
        found, key = "zh", name
    elif _ARABIC.search(name) and (script in (None, "ar")) and len(name) >= 3:
        found, key = "ar", arabic_key(name)
    elif _CYRILLIC.search(name) and (script in (None, "ru")) and len(name) >= 4:
        found, key = "ru", _cyrillic_stem(name)
    else:
        return
    if key not in _common_keys()[found]:  # "دولة" ("State") is no town in India
        by_script[found].setdefault(key, entry)


@cache
def _common_keys() -> dict[str, frozenset[str]]:
    """Ordinary words that are also a town's name ("دولة", "Совет"), as the index keys them."""
    return {
        "zh": common_words.CHINESE,
        "ar": frozenset(map(arabic_key, common_words.ARABIC)),
        "ru": frozenset(map(_cyrillic_stem, common_words.RUSSIAN)),
    }


@cache
def _chinese_pattern() -> re.Pattern[str]:
    names = sorted(_names()["zh"], key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def script_places(text: str) -> list[ScriptPlace]:
    """Every place the text names in Arabic, Chinese or Cyrillic, in order."""
    names = _names()
    found: list[ScriptPlace] = []
    if _CJK.search(text):
        for match in _chinese_pattern().finditer(text):
            city, iso3 = names["zh"][match.group(0)]
            if match.group(0) in _NOT_PLACES_ZH or _VISITOR_ZH.match(text, match.end()):
                continue  # "南非税务局局长": the country of a visitor's title, not a place
            before = text[max(0, match.start() - _LOCATIVE_CJK_REACH) : match.start()]
            locative = bool(_LOCATIVE_CJK.search(before))
            found.append(ScriptPlace(match.start(), city, iso3, locative))
        for match in _IN_THE_CAPITAL_ZH.finditer(text):  # "在京": in Beijing
            found.append(ScriptPlace(match.start(), "Beijing", "CHN", True))
    for match in re.finditer(r"[\u0600-\u06ff]+", text):
        place = _arabic_word(match.group(0), names["ar"])
        if place:
            city, iso3, prefixed = place
            before = _LOCATIVE_AR.search(text[max(0, match.start() - 5) : match.start()])
            found.append(ScriptPlace(match.start(), city, iso3, prefixed or bool(before)))
    for match in re.finditer(r"[\u0400-\u04ff][\u0400-\u04ff-]{3,}", text):
        entry = names["ru"].get(_cyrillic_stem(match.group(0)))
        if entry and match.group(0)[0].isupper():
            before = _LOCATIVE_RU.search(text[max(0, match.start() - 4) : match.start()])
            found.append(ScriptPlace(match.start(), *entry, bool(before)))
    return sorted(found, key=lambda p: p.position)


def _arabic_word(word: str, names: dict[str, tuple[str, str]]) -> tuple[str, str, bool] | None:
    """The place an Arabic word names once its prepositions are taken off, and whether
    "in" (ب) was one of them."""
    key = arabic_key(word)
    for cut in range(3):
        prefix, rest = key[:cut], key[cut:]
        if any(ch not in _PROCLITICS for ch in prefix) or len(rest) < 3:
            break
        if rest in _NOT_PLACES_AR:
            return None
        for candidate in (
            rest,
            "ا" + rest if rest.startswith("ل") and prefix.endswith("ل") else "",
        ):
            if candidate and candidate in names:
                return (*names[candidate], "ب" in prefix)
    return None
