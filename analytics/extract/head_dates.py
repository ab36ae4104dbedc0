"""Which of a page's date lines around its headline dates the page.

A date under the headline is the article's, one above it the site's clock (see
:mod:`analytics.extract.clock`). But a line under the headline that signs a date with a
place, "Moscow, 21 January 2009", may be the meeting's place and date, while the page's
own date line above the headline, a little later, says when it was published: then the
one above dates the page, and the place-and-date line stays with the text, where it
dates and places the meeting.
"""

from __future__ import annotations

import datetime as dt

from analytics.extract.published import published_from_lines, signed_by

__all__ = ["page_date_above"]

_AFTER_MEETING = dt.timedelta(days=62)  # a page is published at most this long after it


def page_date_above(above: list[str], under: list[str]) -> bool:
    """True when the date lines ``above`` the headline date the page and those ``under``
    it are the meeting's place and date."""
    page = _first_date(above, signed=False)
    meeting = _first_date(under, signed=True)
    return bool(page and meeting) and dt.timedelta(0) < page - meeting <= _AFTER_MEETING


def _first_date(lines: list[str], signed: bool) -> dt.date | None:
    for line in lines:
        found = published_from_lines([line], limit=1)[0]
        if found is not None:
            return found if bool(signed_by(line)) == signed else None
    return None
