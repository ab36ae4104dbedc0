"""The venue a table row's city, country or location columns give."""

from __future__ import annotations

import re

from analytics.extract.places import Gazetteer, Place
from analytics.ingest.base import RawDocument

__all__ = ["table_place"]


def table_place(gaz: Gazetteer, doc: RawDocument) -> Place | None:
    """The venue a table row's city/country/location columns give, if any."""
    loc = doc.location
    parts = [loc.get("city", ""), loc.get("country", "")]
    if not any(parts) and loc.get("location"):
        parts = [p.strip() for p in re.split(r"[,(]", loc["location"].rstrip(")"))] + [""]
    parts = [p for p in parts if p]
    city_name = parts[0] if parts else ""
    iso3 = next((gaz.country(p) for p in reversed(parts[1:]) if gaz.country(p)), None)
    if iso3 is None and city_name and gaz.country(city_name):
        return Place("", gaz.name_of(gaz.country(city_name)), gaz.country(city_name))
    city = gaz.city(city_name, {iso3} if iso3 else set()) if city_name else None
    if city and (not iso3 or city.iso3 == iso3):
        return city
    if iso3:
        return Place(city_name, gaz.name_of(iso3), iso3)
    return gaz.city(city_name) if city_name else None
