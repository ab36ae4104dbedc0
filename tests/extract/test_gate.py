"""The cheap test that a text may name one of a pattern's names never rules out a match."""

import re

import pytest

from analytics.extract.dates import find_date_spans
from analytics.extract.gate import CASE_BLIND_ASCII, Gated, Names, ascii_literal, required_words
from analytics.settings import DATA
from analytics.text import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegates met in Lima.", False),
        ("Delegates met in MARCH 2021.", True),
        ("Delegates met on 3 mars.", True),
        ("Delegates met on 3-mars.", False),  # a hyphen is a character of the word
        ("Delegates met in marches.", False),  # not the name as a whole word
        ("Talks in Bogotá", True),  # not ASCII: always may
    ],
)
def test_whole_words(text, expected):
    names = Names(["march", "mars"], whole_words=True)
    assert names.may_be_in(text) is expected
    if not expected:
        pattern = re.compile(r"(?<![\w-])(?:march|mars)(?![\w-])", re.IGNORECASE)
        assert not pattern.search(text)


def test_case_and_letters_no_ascii_text_has():
    assert not Names(["ROCB"], ignore_case=False).may_be_in("the rocb met")
    assert Names(["ROCB"]).may_be_in("the rocb met")
    assert not Names(["Amérique"]).may_be_in("Amerique latine")  # é is in no ASCII text
    # The Kelvin sign matches "k" ignoring case: a name with it is never ruled out.
    assert ascii_literal("\u212aenya", True) is None
    assert Names(["\u212aenya"]).may_be_in("Kenya")


def test_dates_found_with_and_without_month_names():
    assert [
        s.start.isoformat() for s in find_date_spans("On March 3, 2015 and 4/5/2016", None)
    ] == [
        "2015-03-03",
        "2016-05-04",
    ]
    assert find_date_spans("Talks on 12 items in 2015", None) == []


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bvisit|\bmet with\b", {"visit", "met with"}),
        (r"\bconf[ée]rence\b", {"conférence", "conference"}),
        (r"(?:the |a )?x+(?:yz|uvw)", {"yz", "uvw"}),  # the most telling part
        (r"\w+ing\b", {"ing"}),
        (r"Sessions? of the Council", {" of the Council"}),  # not "Session"
        (r"a|\d+", None),  # an alternative holds no word
        (r"(?:ab)?", None),
        (r"(?i:abc)", None),  # flags of its own: not read
    ],
)
def test_required_words(pattern, words):
    assert required_words(re.compile(pattern)) == words


def test_the_case_blind_letters_are_those_re_matches():
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("[a-z]", others, re.IGNORECASE)) == set(CASE_BLIND_ASCII)


def test_a_gate_rules_out_texts_without_its_words():
    visit = Gated(re.compile(r"\bvisit|\bbilateral\b|визит", re.IGNORECASE))
    assert not visit.may_match("Delegates met in Lima")
    assert visit.may_match("An official VISIT to Lima")
    assert visit.may_match("Talks in Bogotá")  # not ASCII, and a word that is not: may
    assert not Gated(re.compile(r"\bvisit", re.IGNORECASE)).may_match("Talks in Bogotá")
    assert visit.may_match("Официальный визит")
    assert visit.may_match("An official v\u0130sit")  # İ: its lower case is no guide
    exact = Gated(re.compile(r"\bROCB\b"))
    assert not exact.may_match("the rocb met") and exact.may_match("the ROCB in Nairobi")


def _texts() -> list[str]:
    """Lines and sentences of the bundled demo reports, and a few made to catch a gate
    out: letters whose case is odd, words split, words in capitals."""
    texts = []
    for path in sorted((DATA / "demo").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts += [line for line in text.splitlines() if line.strip()]
        texts += split_sentences(text)
    return [
        *texts,
        "The WORKSHOP on transit", "A \u017feminar in Lima", "A wor\u212ashop", "V\u0130SIT",
        "Regional Heads of Customs Conference", "Directors-General of Customs met",
        "Conférence régionale des Directeurs généraux", "视频会议 论坛", "Визит в Минск",
    ]  # fmt: skip


def _gated_patterns() -> list[Gated]:
    from analytics.extract import event, kinds, online, region

    gated = [pattern for _, pattern in kinds._RULES]
    for module in (kinds, online, region, event):
        gated += [value for value in vars(module).values() if isinstance(value, Gated)]
    assert len(gated) >= 14  # every gated pattern of those modules
    return gated


def test_a_gated_pattern_finds_what_the_pattern_finds():
    texts = _texts()
    for gated in _gated_patterns():
        for text in texts:
            found = gated.pattern.search(text)
            got = gated.search(text, text.lower())
            assert (got and got.span()) == (found and found.span()), (gated.pattern, text)
            assert [m.span() for m in gated.finditer(text)] == [
                m.span() for m in gated.pattern.finditer(text)
            ]
