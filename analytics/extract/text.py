"""A report's parts: title, publication date and body, and its sentences, split once.

Language banners, sharing links and markup are dropped; a date line or a newswire
dateline gives the publication date. Each sentence carries the dates it names and
whether it says that the meeting happened, so later steps never search it again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from analytics.extract.clock import bare_date, without_clock
from analytics.extract.datelines import dateline
from analytics.extract.dates import DateSpan, ascii_digits, find_date_spans, find_meeting_dates
from analytics.extract.head_dates import page_date_above
from analytics.extract.lead import headline_under_lead
from analytics.extract.published import (
    dated_headline,
    is_label,
    leading_date,
    leading_month,
    parse_date,
    published_from_lines,
    signed_by,
)
from analytics.extract.relative import with_relative
from analytics.extract.wrapping import unwrapped, wrapped
from analytics.ingest.base import RawDocument
from analytics.text import split_sentences

__all__ = ["Report", "Sentence", "read_report", "reports_meeting", "strip_boilerplate"]

# "This page is not available in the selected language ... English : English." in the
# site's six languages; the text after it on the same line is kept.
_BANNER = re.compile(
    r"^.*?(?:no est[aá] disponible en el idioma seleccionado|"
    r"n'est pas disponible dans la langue s[ée]lectionn[ée]e|"
    r"not available in the selected language|is not available in (?:your|this) language|"
    r"n[ãa]o est[aá] dispon[ií]vel no idioma|страница не доступна на выбранном|"
    r"所选语言本页无任何内容|غير متوفرة باللغة|غير متاحة باللغة|"
    r"(?:недоступна на выбранном|no hay versi[óo]n en|本页暂无内容)[^\n]*?English\W{0,6}(?:版本\W?)?$)"
    r"(?:.*?English\s*:\s*English\s*\.?)?",
    re.IGNORECASE,
)
# A word of every banner above (a test for a word is much faster than the pattern).
_BANNER_WORDS = ("dispon", "available", "доступна", "本页", "غير مت", "no hay versi")
_FURNITURE = re.compile(
    r"^(?:share(?: this)?(?: page| article)?|print(?: this page)?|back to top|read more|"
    r"tweet|email this|related (?:news|articles)|tags?:.*|"
    r"facebook|twitter|x|linkedin|whatsapp|telegram|instagram|youtube|e-?mail|copy link)$",
    re.IGNORECASE,
)
# Sections that close a page, not its report: everything from such a heading on is
# dropped when it stands in the second half ("About the WCO" boxes list every priority).
_TRAILER = re.compile(
    r"^(?:about (?:the )?(?:wco|world customs organi[sz]ation|us|the author)|notes? (?:to|for) "
    r"editors?|media contacts?|press contacts?|for (?:more|further) information|related "
    r"(?:news|articles|stories|posts)|contact us|subscribe|follow us|à propos de l'omd|"
    r"acerca de la oma|sobre la oma)\b",
    re.IGNORECASE,
)
# A breadcrumb or a menu: "Home » Customs » Global", "Inicio / Noticias / Internacional",
# "首页 > 媒体 > 新闻中心", "News | Business | Regional" (no digits: not a date line)
_NAVIGATION = re.compile(r"^[^\d>»›/|]{1,30}(?:\s*[>»›|]\s*|\s+/\s+)[^\d>»›/|]{1,30}"
                         r"(?:(?:\s*[>»›|]\s*|\s+/\s+)[^\d>»›/|]{1,30}){1,6}$")  # fmt: skip
# "Home About News and Events Training Contact": a site's menu
_MENU = re.compile(
    r"^(?:Home|Accueil|Inicio|Portada|Главная|首页|الرئيسية)(?:\s+(?:[A-Z&][\w&-]*|and|et|y))+$"
)
_COOKIES = re.compile(
    r"\bcookies?\b.*\b(?:accept|use|site|consent|settings)|\b(?:accept|use)\b.*\bcookies?\b",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*)|[*_`]+")

# Verbs that say the meeting happened: "held", "took place", "se reunieron" ...
_HAPPENED = re.compile(
    r"\b(?:held|hold|holds|host|hosted|hosting|hosts|took place|takes place|taking place|"
    r"convened|convenes|met|meet|meets|gathered|gather|organi[sz]ed|staged|opened|"
    r"attended|attends|visited|visit|participated|took part|welcomed|chaired|"
    r"ran|run|launched|celebrated|came together|got together|come together|"
    r"kicked off|under way|underway|concluding|wrapped up|commenced|"
    r"received (?:an? |the )?(?:[\w-]+ ){0,2}(?:delegation|visit)|"  # "received a delegation of"
    r"tenue?s?|celebr[oó]|realiz[oó]|reuni[oó]|r[ée]uni\w*|accueill\w*|acogi[oó]|"
    r"se reunieron|organis[ée]e?s?|realizou|realizad[ao]s?|decorreu|teve lugar|reuni[ur]am|"
    r"acolheu|participaram|foi palco|sediou|particip[oó]|participaron|asisti[oó]|asistieron|"
    r"acudi[oó]|acudieron|se tien(?:t|nent)|se d[ée]roul\w+|fue (?:el )?escenario|"
    r"eu lieu)\b",
    re.IGNORECASE,
)
_TITLE_CHARS = 250  # a longer first line is a paragraph, not a headline
_SHORT_TITLE = 100  # a title made from the opening words is cut to this length


# The same in Arabic, Chinese and Russian (no word boundaries: Chinese has no spaces).
_HAPPENED_SCRIPTS = re.compile(
    r"عقد|انعقد|انطلق|بدأت|بدأ|اختتم|استضاف|افتتح|نظم|شارك|"
    r"举行|举办|召开|开幕|闭幕|舉行|舉辦|召開|開幕|閉幕|出席|"
    r"прош(?:ел|ла|ло|ли)|проход(?:ит|ят)|состоял\w*|состоится|провел\w*|провёл|открыл\w*|завершил\w*|принял\w* участие"
)


@lru_cache(maxsize=2**14)
def reports_meeting(sentence: str) -> bool:
    """True when a sentence says that a meeting happened (held, took place, met ...)."""
    return bool(_HAPPENED.search(sentence) or _HAPPENED_SCRIPTS.search(sentence))


def strip_boilerplate(text: str) -> list[str]:
    """Non-empty lines of a report without language banners, sharing links, cookie notices,
    closing "About us" sections and markup."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _kept_line(raw)
        if line:
            lines.append(line)
    trailer = next(
        (i for i, line in enumerate(lines) if i >= len(lines) / 2 and _TRAILER.match(line)), None
    )
    return lines[:trailer] if trailer else lines


@lru_cache(maxsize=2**14)
def _kept_line(raw: str) -> str:
    """A line without banner and markup, single-spaced; empty when it is none of the
    report's text (sharing links, navigation, a cookie notice). Kept per line: the same
    closing lines and paragraphs recur from report to report."""
    line = _MARKDOWN.sub("", raw)
    if any(word in line.casefold() for word in _BANNER_WORDS):
        line = _BANNER.sub("", line)
    line = " ".join(line.split())
    if not line or _FURNITURE.match(line) or _is_navigation(line):
        return ""
    if len(line) < 250 and _COOKIES.search(line):
        return ""
    return line


def _is_navigation(line: str) -> bool:
    """A breadcrumb or a site's menu line, not text."""
    return len(line) <= 120 and bool(_NAVIGATION.match(line) or _MENU.match(line))


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body, the dates it names and whether it reports the meeting."""

    text: str
    dates: tuple[DateSpan, ...]
    happened: bool


@dataclass(frozen=True)
class Report:
    """The parts of one report, as :func:`read_report` finds them.

    ``reference`` is the date that years are read against: the publication date, else
    the latest full date the body names (never the clock).
    """

    title: str
    published: dt.date | None
    reference: dt.date | None
    body: str
    sentences: tuple[Sentence, ...]
    title_dates: tuple[DateSpan, ...] = ()
    published_from: str = ""  # the line or metadata that gave the publication date
    signed_at: str = ""  # the place a date line is signed with ("Bangui, le 19 mars 2019")

    @cached_property
    def lead(self) -> str:
        """The sentence that reports the meeting: says it happened and when, else the
        first that says it happened, else the first sentence."""
        happened = [s for s in self.sentences if s.happened]
        dated = [s for s in happened if s.dates]
        return next((s.text for s in dated or happened or self.sentences), "")

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]


def read_report(doc: RawDocument) -> Report:
    """Split a raw document into its title, publication date, body and sentences."""
    title, published, published_from, signed_at, lines = _parts(doc)
    body = "\n\n".join(unwrapped(lines))  # "Yaoundé a" / "accueilli": one sentence
    texts = split_sentences(body)
    month = next((m for line in lines[:2] if (m := leading_month(line))), None)
    reference = published or month or _latest_full_date(texts)
    sentences = tuple(
        Sentence(
            text,
            tuple(with_relative(text, find_meeting_dates(text, reference), published)),
            reports_meeting(text),
        )
        for text in texts
    )
    title_dates = tuple(find_meeting_dates(title, reference))
    return Report(
        title, published, reference, body, sentences, title_dates, published_from, signed_at
    )


def _latest_full_date(texts: list[str]) -> dt.date | None:
    dates = [s.start for text in texts for s in find_meeting_dates(text, None)]
    return max(dates, default=None)


def _parts(doc: RawDocument) -> tuple[str, dt.date | None, str, str, list[str]]:
    """Title, publication date, where that date came from, the place its date line is
    signed with, and the body's lines."""
    lines = without_clock(strip_boilerplate(doc.text))
    title = " ".join(doc.title.split())
    if not title and lines and _only_a_date(lines[0]):
        lines = lines[1:]  # "22 Jun" above the headline: a day without its year says little
    if not title:
        lines = headline_under_lead(_from_headline(lines))  # "NAIROBI, March 20 (Agency) -- ..."
    # A date on the headline's line: "date 2017-05-02 (Weekly) Customs heads meet",
    # "Seychelles to chair the committee |14 October 2023"
    ahead, ahead_from = None, ""
    if not title and lines:
        dated, rest = leading_date(lines[0])
        if not dated:
            rest, dated = dated_headline(lines[0])
        if dated and rest and len(rest) <= _TITLE_CHARS:
            ahead, ahead_from, lines[0] = dated, f"the headline's date line {lines[0][:80]!r}", rest
    first_is_date = bool(lines) and (
        parse_date(lines[0]) is not None or published_from_lines(lines[:1], limit=1)[1] == 0
    )
    if not title and lines and len(lines[0]) <= _TITLE_CHARS and not first_is_date:
        title = lines[0]
    if lines and title and lines[0] == title:
        if _is_sentence(title):  # no headline: the report starts with its first paragraph
            title = _shortened(split_sentences(title)[0])
        else:
            lines = lines[1:]
    published = parse_date(doc.published) if doc.published else None
    source = f"the page's metadata: {doc.published!r}" if published else ""
    if ahead and not published:
        published, source = ahead, ahead_from
    found, index = published_from_lines(lines, limit=3)
    signed_at = signed_by(lines[index]) if index >= 0 else ""
    if 0 <= index < len(lines) - 1 and not signed_at:  # the meeting's place-and-date line
        signed_at = signed_by(lines[index + 1])
    byline = next((i for i, x in enumerate(lines[:3]) if _BYLINE_FROM.match(x)), None)
    if byline is not None:  # where the report was filed from; not text
        signed_at = signed_at or _BYLINE_FROM.match(lines[byline])["place"]
        index = index - 1 if byline < index else index
        lines = lines[:byline] + lines[byline + 1 :]
    if index >= 0:
        if not published:
            published, source = found, f"the date line {lines[index]!r}"
        lines = [x for i, x in enumerate(lines) if i != index and not (i < index and is_label(x))]
        # another bare date just under it (the site's clock, read last) is no text either
        lines = [x for i, x in enumerate(lines) if i >= 2 or not bare_date(x)]
    for index, line in enumerate(lines[:2]):  # a date before the text, or a metadata line
        dated, lines[index] = leading_date(line)
        if dated and not published:
            published, source = dated, f"the date before the text {line[:60]!r}"
    lines = [line for line in lines if line]
    if lines:
        line = lines[0]
        years = (published.year,) if published else _likely_years(lines)
        dated, lines[0] = dateline(line, years)
        if dated and not published:
            tail = len(lines[0]) - len(lines[0].split(" – ", 1)[0]) - len(" – ")
            published, source = dated, f"the dateline {line[: len(line) - tail].strip()!r}"
    if not title and lines:  # no headline at all: the opening words stand in for one
        title = _shortened(split_sentences(lines[0])[0])
    return title, published, source, signed_at, lines


_HEAD_LINES = 8  # lines above the first paragraph read for the headline
_PARAGRAPH_CHARS = 150  # a longer line is a paragraph, as is one ending like a sentence
# A summary's items and labels ("- Venue: Accra", "Background:"): the text has begun
_ITEM = re.compile(r"^(?:[-–•*·]\s|\d+[.)]\s|[^\s:]+(?: [^\s:]+){0,3}:(?:\s|$))")
# A newspaper's byline with the place it was filed from: "From Godwin Tsa, Abuja"
_BYLINE_FROM = re.compile(
    r"^(?:From|By)\s+(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’.-]+,\s+(?P<place>[A-Z][\w'’. -]{2,30})$"
)
_NOT_HEADLINE = re.compile(
    rf"(?-i:{_BYLINE_FROM.pattern})|"
    r"^(?:by|par|por|posted by|written by|photo|source|fuente)\b|\bago$|\bil y a\b|\bhace\b|"
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}",  # a print header, a file name: "9/29/2020 News"
    re.IGNORECASE,
)


def _from_headline(lines: list[str]) -> list[str]:
    """The lines with the headline first: the headline is the last line above the first
    paragraph that is neither a date line nor a byline; the other such lines above it are
    the site's name and sections ("ROCB MENA", "THE KIGALI TRIBUNE") and are dropped; the
    date lines follow it, those under it first."""
    head = []
    for line, after in zip(lines[:_HEAD_LINES], [*lines[1:_HEAD_LINES], ""], strict=True):
        if len(line) > _PARAGRAPH_CHARS or line.endswith((".", "!", "?")) or _ITEM.match(line):
            break
        if wrapped(line, after):
            break
        head.append(line)
    if len(head) < 2 or len(head) == len(lines):
        return lines  # one line above the text, or no text: nothing to choose from
    headlines = [i for i, line in enumerate(head) if _may_be_headline(line)]
    if headlines in ([], [0]):  # the headline, if any, comes first
        return lines
    # A date under the headline is the article's; one above it, the site's clock ("Standard
    # Time: 30 May 2025, 03:30 AM", "Tuesday, June 18, 2024"), is read only after it.
    at = headlines[-1]
    order = [*range(at + 1, len(head)), *range(at)]
    if page_date_above(head[:at], head[at + 1 :]):  # "Moscow, 21 January 2009": the meeting's
        order = [*range(at), *range(at + 1, len(head))]
    dates = [head[i] for i in order if i not in headlines]
    return [head[at], *dates, *lines[len(head) :]]


@lru_cache(maxsize=2**14)
def _may_be_headline(line: str) -> bool:
    if _NOT_HEADLINE.search(line):
        return False
    if not re.search(r"\d", ascii_digits(line)):  # every date line but a Chinese one has digits
        return not re.search(r"[年月日]", line)
    return not (
        _only_a_date(line)
        or _place_and_dates(line)
        or published_from_lines([line], limit=1)[1] == 0
        or leading_date(line)[0]
    )


_PLACE_WORDS = 3  # "Antigua (Guatemala), 24-25 May 2010": a place and the meeting's dates


def _place_and_dates(line: str) -> bool:
    """A line that gives the meeting's place and dates under its headline."""
    spans = find_date_spans(line, 2000)
    if not spans:
        return False
    rest = line[: spans[0].position] + line[spans[-1].stop :]
    return len(rest.split()) <= _PLACE_WORDS


def _only_a_date(line: str) -> bool:
    """A short line that is a date without its year ("22 Jun"): not a headline."""
    spans = find_date_spans(line, 2000)
    return (
        len(line) <= 20
        and len(spans) == 1
        and not spans[0].has_year
        and spans[0].stop >= len(line.rstrip(" .,"))
    )


def _is_sentence(line: str) -> bool:
    """A line that reads as body text, not as a headline (long and ends like a sentence)."""
    return len(line) > 120 and line.rstrip().endswith((".", "!", "?"))


def _shortened(text: str, limit: int = _SHORT_TITLE) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


_YEAR = re.compile(r"(?<![\w/.-])(?:19|20)\d\d(?![\w/-]|\.\d)")


def _likely_years(lines: list[str]) -> tuple[int, ...]:
    """The years a dateline without one may be in, likeliest first: that of the month the
    page's metadata gives or of the latest full date the lines give, else the years they
    name (most named first) and the years either side ("the next meeting will be held in
    2020")."""
    latest = next((m for line in lines[:2] if (m := leading_month(line))), None)
    latest = latest or _latest_full_date(lines)
    if latest:
        return (latest.year,)
    named = Counter(int(y) for line in lines for y in _YEAR.findall(ascii_digits(line)))
    ranked = sorted(named, key=lambda year: -named[year])  # ties: first named first
    return tuple(dict.fromkeys(y + shift for y in ranked for shift in (0, -1, 1)))
