"""Press-release wire datelines: the wire's date is the publication's, never the meeting's."""

import datetime as dt

import pytest

from tests.extract.reading import read_event

D = dt.date


@pytest.mark.parametrize(
    "dateline",
    [
        "LILONGWE, Malawi, March 14, 2023 /PRNewswire/ --",
        "LILONGWE, Malawi, March 14, 2023/APO Group/ --",
        "LILONGWE, Malawi--(BUSINESS WIRE)--March 14, 2023--",
        "LILONGWE, Malawi, March 14, 2023 (GLOBE NEWSWIRE) --",
        "Lilongwe, Malawi – March 14, 2023-",
    ],
    ids=["prnewswire", "apo", "business-wire", "globenewswire", "dash-and-glued-hyphen"],
)
def test_a_wire_dateline_dates_the_release_and_the_text_the_meeting(dateline, gaz):
    event = read_event(
        "Transit officers agree on corridor seals\n\n"
        f"{dateline}The transit officers of the region met in Lilongwe on 13 March 2023 to "
        "agree on electronic seals for the corridor.",
        gaz,
    )
    assert (event.published, event.date, event.city) == (D(2023, 3, 14), D(2023, 3, 13), "Lilongwe")


def test_a_weekday_is_read_against_a_dashed_dateline(gaz):
    event = read_event(
        "Heads of customs meet\n\nLomé, Togo – June 7, 2024-The heads of customs opened their "
        "regional conference on Wednesday in Lomé.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (D(2024, 6, 7), D(2024, 6, 5), "TGO")
