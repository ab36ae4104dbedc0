"""A hand-made events table, as the pipeline makes it, for the views' tests."""

import pandas as pd
import pytest

THEMES = ["tf", "sec", "rev"]
LABELS = {"tf": "Trade facilitation", "sec": "Security", "rev": "Revenue"}


def _event(i, region, date, iso3, country, themes, virtual=False, kind="regional_conference"):
    return {
        "doc_id": f"d{i}",
        "source": f"demo/{i}.txt",
        "title": f"Meeting {i} in {country or 'cyberspace'}",
        "text": f"Report {i}. Delegates discussed {' and '.join(themes) or 'nothing'}.",
        "date": pd.Timestamp(date),
        "year": pd.Timestamp(date).year,
        "region": region,
        "iso3": iso3,
        "country": country,
        "city": "" if virtual else "Capital",
        "virtual": virtual,
        "event_type": kind,
        "themes": themes,
    }


@pytest.fixture
def events():
    rows = [
        _event(1, "Europe", "2015-03-01", "BEL", "Belgium", ["tf", "sec"]),
        _event(2, "Europe", "2016-05-01", "FRA", "France", ["tf"]),
        _event(3, "Asia/Pacific", "2016-07-01", "JPN", "Japan", ["sec", "rev"]),
        _event(
            4, "Asia/Pacific", "2018-01-01", "JPN", "Japan", ["rev"], kind="workshop_or_training"
        ),
        _event(5, "Global", "2018-06-01", "BEL", "Belgium", ["tf", "rev"]),
        _event(6, "Europe", "2020-06-01", "", "", ["sec"], virtual=True, kind="virtual_meeting"),
    ]
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    for column in ("region", "iso3", "country", "city", "title", "text", "event_type"):
        frame[column] = frame[column].astype("string")
    return frame
