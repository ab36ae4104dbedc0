"""Which region a meeting concerns: the one it names as its scope, the whole
organisation (Global), or the venue country's region."""

from __future__ import annotations

import re

from analytics.extract.places import Gazetteer, Place
from analytics.extract.venue import at_headquarters

__all__ = ["GLOBAL", "find_region"]

GLOBAL = "Global"
_GLOBAL_SCOPE = re.compile(
    r"\b(?:Council Sessions?|Sessions? of the (?:WCO )?Council|WCO Council|Policy Commission|"
    r"Global [\w -]{0,40}?(?:Conference|Meeting|Forum|Summit)|"
    r"all (?:six |6 |the )?(?:WCO )?regions|every region|"
    r"Conseil de coop[ée]ration douani[èe]re|Commission de politique g[ée]n[ée]rale)\b",
    re.IGNORECASE,
)
# A mention of the Council that is not the meeting itself: "ahead of the Council Sessions".
_NOT_THIS_MEETING = re.compile(
    r"(?:ahead of|before|upcoming|forthcoming|next|follow[- ]up (?:to|of)|prepar\w+ (?:for|of)|"
    r"adopted by|approved by|endorsed by|decided by|presented to|submitted to|report(?:ed)? to|"
    r"into|chairs?|chairing|(?:the|its) (?:decisions?|agenda) of)\s+(?:the\s+)?(?:annual\s+|"
    r"next\s+|upcoming\s+|\w+\s+)?$",
    re.IGNORECASE,
)
_CONTEXT = 40  # characters before a Council mention read for "ahead of", "adopted by" ...


def find_region(
    gaz: Gazetteer, title: str, lead: str, venue: Place | None, visit: bool = False
) -> str:
    """The region the meeting concerns.

    In the sentence reporting the meeting, then in the title: a region named as the
    meeting's scope wins (the venue's region when several are named); a meeting of the
    whole organisation (Council, Policy Commission, global conference, all regions) is
    Global, whichever of the two comes first. Otherwise a meeting at WCO headquarters is
    Global (unless it is a ``visit`` to the Secretariat), and any other the venue
    country's region ("" when unknown).
    """
    venue_region = gaz.region_of.get(venue.iso3, "") if venue is not None and venue.iso3 else ""
    in_title = [region for _, region in _regions_named(gaz, title)]
    for text in (lead, title):
        regions = _regions_named(gaz, text)
        whole = _global_scope(text)
        if whole is not None and (not regions or whole < regions[0][0]):
            return GLOBAL
        if regions:
            names = [region for _, region in regions]
            if len(names) > 1:  # several named: the venue's, else the title's
                names = (
                    [n for n in names if n == venue_region]
                    or [n for n in names if n in in_title]
                    or names
                )
            return names[0]
    if not visit and (at_headquarters(lead) or at_headquarters(title)):
        return GLOBAL
    return venue_region


def _regions_named(gaz: Gazetteer, text: str) -> list[tuple[int, str]]:
    """(position, region) of each region alias in the text, first mention of each."""
    found: dict[str, int] = {}
    for alias, region in gaz.region_aliases:
        flags = 0 if alias.isupper() or "/" in alias else re.IGNORECASE
        match = re.search(rf"(?<![\w/]){re.escape(alias)}(?![\w/])", text, flags)
        if match and match.start() < found.get(region, len(text) + 1):
            found[region] = match.start()
    return sorted((position, region) for region, position in found.items())


def _global_scope(text: str) -> int | None:
    """Where the text names a meeting of the whole organisation as such, if it does."""
    for match in _GLOBAL_SCOPE.finditer(text):
        if not _NOT_THIS_MEETING.search(text[max(0, match.start() - _CONTEXT) : match.start()]):
            return match.start()
    return None
