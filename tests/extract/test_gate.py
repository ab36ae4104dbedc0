"""The cheap test that a text may name one of a pattern's names never rules out a match."""

import re

import pytest

from analytics.extract.dates import find_date_spans
from analytics.extract.gate import Names, ascii_literal


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
